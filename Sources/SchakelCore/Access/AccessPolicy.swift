import Foundation

/// The person acting, with what decides their access: role, organisation and the areas of their teams.
public struct Actor: Sendable, Equatable {
    public var userID: User.ID
    public var username: String
    public var role: Role
    public var organisationID: Organisation.ID?
    public var teamIDs: Set<Team.ID>
    /// The CBS areas covered by the actor's teams.
    public var coverage: [AreaCode]

    public init(
        userID: User.ID, username: String, role: Role, organisationID: Organisation.ID?, teamIDs: Set<Team.ID>,
        coverage: [AreaCode]
    ) {
        self.userID = userID
        self.username = username
        self.role = role
        self.organisationID = organisationID
        self.teamIDs = teamIDs
        self.coverage = coverage
    }

    /// Whether one of the actor's teams covers the area.
    public func covers(_ area: AreaCode) -> Bool {
        coverage.contains { $0.contains(area) }
    }
}

/// What the policy needs to know about a resident to decide access: where they live and who is responsible.
/// Later features add relationships here (referrals, plans, matches).
public struct ResidentScope: Sendable, Equatable {
    public var residentID: Resident.ID
    public var buurtCode: AreaCode?
    public var responsibleTeamID: Team.ID?

    public init(residentID: Resident.ID, buurtCode: AreaCode?, responsibleTeamID: Team.ID?) {
        self.residentID = residentID
        self.buurtCode = buurtCode
        self.responsibleTeamID = responsibleTeamID
    }
}

/// How much of a resident's record someone may see.
public enum ResidentView: Int, Sendable, Comparable, Equatable {
    /// Nothing, not even that the resident exists.
    case none
    /// Name, address, phone and door notes: what a concierge or volunteer needs at the door.
    case basic
    /// The whole record.
    case full

    public static func < (lhs: ResidentView, rhs: ResidentView) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// The one access policy of Schakel: role *and* relationship decide. Pure, so every rule is unit-tested.
public enum AccessPolicy {
    /// The most a role may ever see of a resident in its teams' areas.
    public static func maximumView(for role: Role) -> ResidentView {
        switch role {
        case .socialWorker, .coordinator: .full
        case .concierge, .volunteer, .experienceExpert: .basic
        // Partners see residents through referrals addressed to them; policy sees only aggregates;
        // administrators manage accounts, not files.
        case .partner, .policy, .admin: .none
        }
    }

    /// How much of this resident the actor may see.
    public static func view(of resident: ResidentScope, by actor: Actor) -> ResidentView {
        let maximum = maximumView(for: actor.role)
        guard maximum > .none else { return .none }
        if let buurt = resident.buurtCode, actor.covers(buurt) { return maximum }
        if let team = resident.responsibleTeamID, actor.teamIDs.contains(team) { return maximum }
        return .none
    }

    /// Whether the actor may change the resident's record (and their household and consents).
    public static func canEdit(_ resident: ResidentScope, by actor: Actor) -> Bool {
        view(of: resident, by: actor) == .full
    }

    /// Whether the actor may register new residents (in their teams' areas).
    public static func canCreateResidents(_ actor: Actor) -> Bool {
        maximumView(for: actor.role) == .full && !actor.teamIDs.isEmpty
    }

    /// Whether the actor may list residents at all.
    public static func canListResidents(_ actor: Actor) -> Bool {
        maximumView(for: actor.role) > .none && !(actor.coverage.isEmpty && actor.teamIDs.isEmpty)
    }

    /// Organisations, teams, neighbourhoods and user accounts.
    public static func canAdministerAccounts(_ actor: Actor) -> Bool { actor.role == .admin }

    /// The address register is not a resident file; administrators import it, teams maintain it.
    public static func canManageAddresses(_ actor: Actor) -> Bool {
        [.admin, .coordinator, .socialWorker].contains(actor.role)
    }

    /// The access log of a resident: the administrator (privacy officer) and the coordinator of a covering team.
    public static func canViewAuditLog(of resident: ResidentScope?, by actor: Actor) -> Bool {
        if actor.role == .admin { return true }
        guard actor.role == .coordinator, let resident else { return false }
        return view(of: resident, by: actor) == .full
    }

    // MARK: Deliveries and rounds

    /// Standing and one-off deliveries are arranged by the professionals who fully see the resident.
    public static func canManageDeliveries(for resident: ResidentScope, by actor: Actor) -> Bool {
        [.coordinator, .socialWorker].contains(actor.role) && view(of: resident, by: actor) == .full
    }

    /// Making and rebalancing a team's rounds is the coordinator's work.
    public static func canPlanRounds(of team: Team.ID, by actor: Actor) -> Bool {
        actor.role == .coordinator && actor.teamIDs.contains(team)
    }

    /// A concierge sees their own rounds; the team's coordinator sees all of the team's.
    public static func canViewRound(_ round: Round, by actor: Actor) -> Bool {
        round.conciergeID == actor.userID || canPlanRounds(of: round.teamID, by: actor)
    }

    /// Who may log what happened at a resident's door: the people who go to doors and the
    /// professionals, each for residents they may see.
    public static func canLogContact(with resident: ResidentScope, by actor: Actor) -> Bool {
        [.concierge, .volunteer, .experienceExpert, .socialWorker, .coordinator].contains(actor.role)
            && view(of: resident, by: actor) >= .basic
    }

    /// The out-of-view list names residents and why they are a concern: for coordinators and social workers.
    public static func canViewOutOfView(of team: Team.ID, by actor: Actor) -> Bool {
        [.coordinator, .socialWorker].contains(actor.role) && actor.teamIDs.contains(team)
    }
}
