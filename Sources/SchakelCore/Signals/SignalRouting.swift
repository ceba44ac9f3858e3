import Foundation

/// One routing rule: signals that match its conditions go to its team (and person). Rules are tried in order.
public struct RoutingRule: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<RoutingRule>
    public var id: ID
    public var position: Int
    /// Matches when the signal names this domain; nil matches every signal.
    public var domain: LifeDomain?
    /// Matches when the signal is at least this urgent; nil matches every urgency.
    public var minimumUrgency: SignalUrgency?
    /// Matches when the resident lives in this area (gemeente, wijk or buurt); nil matches everywhere.
    public var area: AreaCode?
    public var teamID: Team.ID
    public var assigneeID: User.ID?

    public init(
        id: ID, position: Int, domain: LifeDomain?, minimumUrgency: SignalUrgency?, area: AreaCode?, teamID: Team.ID,
        assigneeID: User.ID?
    ) {
        self.id = id
        self.position = position
        self.domain = domain
        self.minimumUrgency = minimumUrgency
        self.area = area
        self.teamID = teamID
        self.assigneeID = assigneeID
    }

    public func matches(domains: [LifeDomain], urgency: SignalUrgency, buurt: AreaCode?) -> Bool {
        if let domain, !domains.contains(domain) { return false }
        if let minimumUrgency, urgency < minimumUrgency { return false }
        if let area {
            guard let buurt, area.contains(buurt) else { return false }
        }
        return true
    }
}

/// Where a signal goes and why.
public struct RoutingDecision: Sendable, Equatable {
    public var teamID: Team.ID?
    public var assigneeID: User.ID?
    /// The rule that decided; nil when the covering team (or the fallback) was chosen.
    public var ruleID: RoutingRule.ID?

    public init(teamID: Team.ID?, assigneeID: User.ID?, ruleID: RoutingRule.ID?) {
        self.teamID = teamID
        self.assigneeID = assigneeID
        self.ruleID = ruleID
    }
}

/// Routing: the first matching rule in order; else the team whose coverage of the resident's buurt is
/// most specific (buurt before wijk before gemeente); else the fallback (the reporter's team).
public enum SignalRouting {
    public static func route(
        domains: [LifeDomain], urgency: SignalUrgency, buurt: AreaCode?, rules: [RoutingRule],
        coverage: [(team: Team.ID, area: AreaCode)], fallback: Team.ID?
    ) -> RoutingDecision {
        for rule in rules.sorted(by: { ($0.position, $0.id.description) < ($1.position, $1.id.description) })
        where rule.matches(domains: domains, urgency: urgency, buurt: buurt) {
            return RoutingDecision(teamID: rule.teamID, assigneeID: rule.assigneeID, ruleID: rule.id)
        }
        if let buurt {
            let covering = coverage.filter { $0.area.contains(buurt) }
                .min { ($0.area.body.count, $1.team.description) > ($1.area.body.count, $0.team.description) }
            if let covering { return RoutingDecision(teamID: covering.team, assigneeID: nil, ruleID: nil) }
        }
        return RoutingDecision(teamID: fallback, assigneeID: nil, ruleID: nil)
    }
}
