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
    /// Whether the actor's organisation is bound by the meldcode (and so may handle its signals).
    public var meldcodeBound: Bool

    public init(
        userID: User.ID, username: String, role: Role, organisationID: Organisation.ID?, teamIDs: Set<Team.ID>,
        coverage: [AreaCode], meldcodeBound: Bool = false
    ) {
        self.userID = userID
        self.username = username
        self.role = role
        self.organisationID = organisationID
        self.teamIDs = teamIDs
        self.coverage = coverage
        self.meldcodeBound = meldcodeBound
    }

    /// Whether one of the actor's teams covers the area.
    public func covers(_ area: AreaCode) -> Bool {
        coverage.contains { $0.contains(area) }
    }
}

/// What the policy needs to know about a resident to decide access: where they live and who is responsible.
/// Later features add relationships here (plans, matches).
public struct ResidentScope: Sendable, Equatable {
    public var residentID: Resident.ID
    public var buurtCode: AreaCode?
    public var responsibleTeamID: Team.ID?
    /// The organisations with a live referral of the resident that is theirs to act on (sent, received,
    /// accepted, in contact): their people see the resident through that referral only.
    public var referralOrganisations: Set<Organisation.ID>

    public init(
        residentID: Resident.ID, buurtCode: AreaCode?, responsibleTeamID: Team.ID?,
        referralOrganisations: Set<Organisation.ID> = []
    ) {
        self.residentID = residentID
        self.buurtCode = buurtCode
        self.responsibleTeamID = responsibleTeamID
        self.referralOrganisations = referralOrganisations
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

    /// The parts of the app a person works in, in the order the menu offers them.
    public enum Section: String, Sendable, CaseIterable {
        case rounds, residents, signals, referrals, outOfView, addresses, map, admin
    }

    /// The sections the menu offers the actor: each one the actor can open.
    public static func sections(for actor: Actor) -> [Section] {
        Section.allCases.filter { section in
            switch section {
            case .rounds: [.concierge, .coordinator].contains(actor.role)
            case .residents: canListResidents(actor)
            case .signals: actor.role != .admin
            case .referrals: canRefer(actor.role) || actor.role == .partner
            case .outOfView: actor.teamIDs.contains { canViewOutOfView(of: $0, by: actor) }
            case .addresses: canManageAddresses(actor)
            case .map: true
            case .admin: canAdministerAccounts(actor)
            }
        }
    }

    /// Whether people of a role work in teams (and see their teams on the start page): all but the
    /// administrator and policy staff, who work across the municipality, and partners, who answer the
    /// referrals to their own organisation.
    public static func worksInTeams(_ role: Role) -> Bool { ![.admin, .policy, .partner].contains(role) }

    /// Organisations, teams, neighbourhoods and user accounts.
    public static func canAdministerAccounts(_ actor: Actor) -> Bool { actor.role == .admin }

    /// The address register is not a resident file; administrators import it, teams maintain it.
    public static func canManageAddresses(_ actor: Actor) -> Bool {
        [.admin, .coordinator, .socialWorker].contains(actor.role)
    }

    /// Whether the actor may change which buurt an address lies in, given the residents living there.
    ///
    /// A buurt decides which teams see the residents at the address, so a change is a move of each of
    /// them: it may never be a way into someone's file. An administrator keeps the register and sees no
    /// file. Otherwise the actor must fully see every resident living there now; a coordinator may then
    /// hand them to another area, a social worker only to an area their own teams cover.
    public static func canMoveAddress(
        from old: AreaCode?, to new: AreaCode?, residents: [ResidentScope], by actor: Actor
    ) -> Bool {
        guard canManageAddresses(actor) else { return false }
        if old == new || actor.role == .admin { return true }
        guard residents.allSatisfy({ view(of: $0, by: actor) == .full }) else { return false }
        if actor.role == .coordinator { return true }
        guard let new else { return false }
        return actor.covers(new)
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

    /// Who may correct a mis-tapped outcome on its own day: whoever recorded it, or for a stop of a round the
    /// coordinator of the round's team; both must still be allowed to log contact with the resident.
    public static func canCorrectContact(
        recordedBy: User.ID, round: Round?, resident: ResidentScope, by actor: Actor
    ) -> Bool {
        guard canLogContact(with: resident, by: actor) else { return false }
        if recordedBy == actor.userID { return true }
        guard let round else { return false }
        return canPlanRounds(of: round.teamID, by: actor)
    }

    /// The out-of-view list names residents and why they are a concern: for coordinators and social workers.
    public static func canViewOutOfView(of team: Team.ID, by actor: Actor) -> Bool {
        [.coordinator, .socialWorker].contains(actor.role) && actor.teamIDs.contains(team)
    }

    // MARK: Social map

    /// Keeping the social map right (services, capacity, checks) is work for coordinators, social workers and
    /// administrators; reading it is public.
    public static func canMaintainMap(_ actor: Actor) -> Bool { canMaintainMap(actor.role) }

    public static func canMaintainMap(_ role: Role) -> Bool { [.coordinator, .socialWorker, .admin].contains(role) }

    /// Signing residents up for activities and noting who came: the people who work with residents, for
    /// residents they may see (`nil`: whether the role may do it at all).
    public static func canSignUpForActivities(_ resident: ResidentScope?, by actor: Actor) -> Bool {
        guard [.concierge, .volunteer, .experienceExpert, .socialWorker, .coordinator].contains(actor.role) else {
            return false
        }
        return resident.map { view(of: $0, by: actor) >= .basic } ?? true
    }

    // MARK: Signals

    /// The professionals who triage and follow up signals.
    static let signalHandlers: Set<Role> = [.socialWorker, .coordinator]

    /// Whether people in this role triage and follow up signals (and so may be given one).
    public static func handlesSignals(_ role: Role) -> Bool { signalHandlers.contains(role) }

    /// Whether the actor may handle meldcode signals: a signal handler of an organisation bound by the meldcode.
    public static func handlesMeldcode(_ actor: Actor) -> Bool { handlesSignals(actor.role) && actor.meldcodeBound }

    /// Who may raise a signal: everyone who works in the street or with residents. About a named resident
    /// only when they may see that resident; about an address (name unknown) always.
    public static func canRaiseSignal(about resident: ResidentScope?, by actor: Actor) -> Bool {
        guard [.concierge, .socialWorker, .coordinator, .volunteer, .experienceExpert, .partner].contains(actor.role)
        else { return false }
        guard let resident else { return true }
        return view(of: resident, by: actor) >= .basic
    }

    /// How much of a signal the actor sees. Meldcode signals only for professionals of organisations bound
    /// by the meldcode; the reporter of any other signal sees its status; the handlers see all of it.
    /// `area` is the buurt of the resident or address the signal is about.
    public static func view(of signal: Signal, resident: ResidentScope?, area: AreaCode?, by actor: Actor)
        -> SignalView
    {
        let handler = signalHandlers.contains(actor.role)
        let inTeam = signal.teamID.map { actor.teamIDs.contains($0) } ?? false
        let covers =
            resident.map { view(of: $0, by: actor) == .full } ?? (handler && area.map { actor.covers($0) } ?? false)
        if signal.meldcode {
            return handlesMeldcode(actor) && (inTeam || covers || signal.assigneeID == actor.userID)
                ? .full : .none
        }
        if signal.assigneeID == actor.userID { return .full }
        if handler && (inTeam || covers) { return .full }
        if signal.reporterID == actor.userID { return .status }
        return .none
    }

    /// Triage, follow-up, closing and merging: the professionals who fully see the signal.
    public static func canHandle(_ view: SignalView, by actor: Actor) -> Bool {
        view == .full && signalHandlers.contains(actor.role)
    }

    /// Who a signal may be given to (with team membership checked by the caller): a professional who handles
    /// signals; a meldcode signal only to one bound by the meldcode.
    public static func canBeAssigned(_ signal: Signal, to person: Actor) -> Bool {
        signal.meldcode ? handlesMeldcode(person) : handlesSignals(person.role)
    }

    /// Who may be asked to look again at the door ("kijk donderdag even"): people who go to doors and social
    /// workers; for a meldcode signal only those who handle the meldcode, since nobody else may see it.
    public static func canBeAskedToCheckAgain(_ signal: Signal, person: Actor) -> Bool {
        if signal.meldcode { return handlesMeldcode(person) && person.role == .socialWorker }
        return [.concierge, .volunteer, .experienceExpert, .socialWorker].contains(person.role)
    }

    /// Reassigning a signal to another team or person is the coordinator's work.
    public static func canReassign(_ signal: Signal, view: SignalView, by actor: Actor) -> Bool {
        view == .full && actor.role == .coordinator
    }

    /// Routing rules and deadlines are set by coordinators and administrators.
    public static func canManageSignalSettings(_ actor: Actor) -> Bool {
        actor.role == .admin || (actor.role == .coordinator && !actor.teamIDs.isEmpty)
    }

    /// The policy role sees counts of signals, never a signal.
    public static func canViewSignalCounts(_ actor: Actor) -> Bool {
        actor.role == .policy || signalHandlers.contains(actor.role)
    }
}

extension AccessPolicy {
    // MARK: Referrals

    /// Who refers: the professionals who handle signals, for a resident they fully see. The referrer's team
    /// keeps responsibility.
    public static func canRefer(_ resident: ResidentScope, by actor: Actor) -> Bool {
        canRefer(actor.role) && view(of: resident, by: actor) == .full
    }

    /// Whether people in this role refer at all (the map's "Doorverwijzen" for logged-in professionals).
    public static func canRefer(_ role: Role) -> Bool { signalHandlers.contains(role) }

    /// The people of a receiving organisation who answer its referrals.
    public static func answersReferrals(_ role: Role) -> Bool {
        [.partner, .coordinator, .socialWorker].contains(role)
    }

    /// Whether the actor works for the organisation a live referral is addressed to, and may answer it.
    public static func isReceiving(_ referral: Referral, by actor: Actor) -> Bool {
        guard let organisation = referral.organisationID, referral.mode == .live, referral.state != .draft else {
            return false
        }
        return answersReferrals(actor.role) && actor.organisationID == organisation
    }

    /// How much of a referral the actor sees: the referrer's side all of it; the receiving organisation what
    /// the referral carries; the person who raised the signal it came from its state. `reporterID` is the
    /// reporter of that signal (nil for none, or a meldcode signal, which its reporter never sees).
    public static func view(of referral: Referral, resident: ResidentScope, reporterID: User.ID?, by actor: Actor)
        -> ReferralView
    {
        if canRefer(resident, by: actor) { return .full }
        if isReceiving(referral, by: actor) { return .partner }
        if let reporterID, reporterID == actor.userID { return .status }
        return .none
    }

    /// Whether the partner sees the resident through a referral to their organisation: only the referral's
    /// fields and the contact details, never the file.
    public static func seesThroughReferral(_ resident: ResidentScope, by actor: Actor) -> Bool {
        guard answersReferrals(actor.role), let organisation = actor.organisationID else { return false }
        return resident.referralOrganisations.contains(organisation)
    }

    /// Whether the viewer may take the step: the partner's steps for the receiving organisation, sending and
    /// withdrawing for the referrer's side.
    public static func canTake(_ event: ReferralEvent, view: ReferralView) -> Bool {
        event.byPartner ? view == .partner : view == .full
    }

    /// Giving a referral to a colleague of the receiving organisation, while it is open.
    public static func canAssign(_ referral: Referral, view: ReferralView) -> Bool {
        view == .partner && referral.state.partnerHasContact
    }

    /// Who a referral may be given to: an active colleague of the receiving organisation who answers referrals.
    public static func canBeGivenReferral(_ referral: Referral, person: Actor) -> Bool {
        answersReferrals(person.role) && person.organisationID == referral.organisationID
    }

    /// Messages between referrer and partner, from sending on.
    public static func canMessage(_ referral: Referral, view: ReferralView) -> Bool {
        (view == .full || view == .partner) && referral.mode == .live && referral.state != .draft
    }

    /// Handing a resident's responsibility to another team is the coordinator's decision, for a resident
    /// they fully see.
    public static func canTransfer(_ resident: ResidentScope, by actor: Actor) -> Bool {
        actor.role == .coordinator && view(of: resident, by: actor) == .full
    }
}

/// How much of a signal someone may see.
public enum SignalView: Int, Sendable, Comparable {
    case none
    /// The reporter: that it was received, picked up and closed, with a neutral outcome.
    case status
    case full

    public static func < (lhs: SignalView, rhs: SignalView) -> Bool { lhs.rawValue < rhs.rawValue }
}
