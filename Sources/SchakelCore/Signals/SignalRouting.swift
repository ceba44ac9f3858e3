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

/// A routing rule as the settings form or a script gives it, before it is checked against the teams.
public struct RoutingRuleDraft: Sendable, Equatable {
    public var domain: LifeDomain?
    public var minimumUrgency: SignalUrgency?
    public var area: AreaCode?
    public var teamID: Team.ID
    public var assigneeID: User.ID?

    public init(
        domain: LifeDomain?, minimumUrgency: SignalUrgency?, area: AreaCode?, teamID: Team.ID, assigneeID: User.ID?
    ) {
        self.domain = domain
        self.minimumUrgency = minimumUrgency
        self.area = area
        self.teamID = teamID
        self.assigneeID = assigneeID
    }

    /// Reads the form's texts; every field that is not what it should be is named at once. Empty means "any".
    public init(domain: String?, minimumUrgency: String?, area: String?, team: String?, assignee: String?) throws {
        var validator = Validator()
        let domain = domain?.nonEmpty.flatMap { text in
            validator.check("domain") { () throws -> LifeDomain in
                guard let value = LifeDomain(rawValue: text) else {
                    throw ValidationError(field: "domain", key: "invalid")
                }
                return value
            }
        }
        let urgency = minimumUrgency?.nonEmpty.flatMap { text in
            validator.check("minimumUrgency") { () throws -> SignalUrgency in
                guard let value = SignalUrgency(rawValue: text) else {
                    throw ValidationError(field: "minimumUrgency", key: "invalid")
                }
                return value
            }
        }
        let area = area?.nonEmpty.flatMap { text in validator.check("area") { try AreaCode(text) } }
        let teamID = team?.nonEmpty.flatMap { Team.ID($0) }
        if teamID == nil { validator.add("teamID", "required") }
        var assigneeID: User.ID?
        if let text = assignee?.nonEmpty {
            assigneeID = User.ID(text)
            if assigneeID == nil { validator.add("assigneeID", "invalid") }
        }
        try validator.finish()
        self.init(domain: domain, minimumUrgency: urgency, area: area, teamID: teamID!, assigneeID: assigneeID)
    }
}
