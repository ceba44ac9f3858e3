import FluentKit
import Foundation
import SchakelCore

final class SignalRecord: Model, @unchecked Sendable {
    static let schema = "signals"
    @ID(key: .id) var id: UUID?
    @OptionalField(key: "resident_id") var residentID: UUID?
    @OptionalField(key: "address_id") var addressID: UUID?
    @Field(key: "domains") var domains: String
    @Field(key: "urgency") var urgency: String
    @Field(key: "observation") var observation: String
    @Field(key: "meldcode") var meldcode: Bool
    @OptionalField(key: "contact_moment_id") var contactMomentID: UUID?
    @Field(key: "state") var state: String
    @OptionalField(key: "outcome") var outcome: String?
    @OptionalField(key: "team_id") var teamID: UUID?
    @OptionalField(key: "assignee_id") var assigneeID: UUID?
    @Field(key: "reporter_id") var reporterID: UUID
    @Field(key: "raised_at") var raisedAt: Date
    @Field(key: "due_date") var dueDate: String
    @OptionalField(key: "escalated_at") var escalatedAt: Date?
    @OptionalField(key: "closed_at") var closedAt: Date?
    @OptionalField(key: "merged_into_id") var mergedIntoID: UUID?
    /// Raised by one on every change; a change names the revision it read (compare-and-set).
    @Field(key: "revision") var revision: Int

    init() {}

    init(_ signal: Signal) {
        id = signal.id.uuid
        revision = 0
        update(from: signal)
    }

    func update(from signal: Signal) {
        residentID = signal.residentID?.uuid
        addressID = signal.addressID?.uuid
        domains = signal.domains.map(\.rawValue).joined(separator: ",")
        urgency = signal.urgency.rawValue
        observation = signal.observation
        meldcode = signal.meldcode
        contactMomentID = signal.contactMomentID?.uuid
        state = signal.state.rawValue
        outcome = signal.outcome?.rawValue
        teamID = signal.teamID?.uuid
        assigneeID = signal.assigneeID?.uuid
        reporterID = signal.reporterID.uuid
        raisedAt = signal.raisedAt
        dueDate = signal.dueDate.description
        escalatedAt = signal.escalatedAt
        closedAt = signal.closedAt
        mergedIntoID = signal.mergedIntoID?.uuid
    }

    func domain() throws -> Signal {
        Signal(
            id: .init(id!), residentID: residentID.map(Resident.ID.init), addressID: addressID.map(Address.ID.init),
            domains: domains.split(separator: ",").compactMap { LifeDomain(rawValue: String($0)) },
            urgency: SignalUrgency(rawValue: urgency) ?? .normal, observation: observation, meldcode: meldcode,
            contactMomentID: contactMomentID.map(ContactMoment.ID.init), state: SignalState(rawValue: state) ?? .new,
            outcome: outcome.flatMap(SignalOutcome.init(rawValue:)), teamID: teamID.map(Team.ID.init),
            assigneeID: assigneeID.map(User.ID.init), reporterID: .init(reporterID), raisedAt: raisedAt,
            dueDate: try LocalDate(dueDate), escalatedAt: escalatedAt, closedAt: closedAt,
            mergedIntoID: mergedIntoID.map(Signal.ID.init))
    }
}

final class SignalHistoryRecord: Model, @unchecked Sendable {
    static let schema = "signal_history"
    @ID(key: .id) var id: UUID?
    @Field(key: "signal_id") var signalID: UUID
    @Field(key: "at") var at: Date
    @OptionalField(key: "actor_id") var actorID: UUID?
    @Field(key: "kind") var kind: String
    @OptionalField(key: "from_state") var fromState: String?
    @OptionalField(key: "to_state") var toState: String?
    @OptionalField(key: "reason") var reason: String?

    init() {}

    init(_ entry: SignalHistoryEntry) {
        id = entry.id.uuid
        signalID = entry.signalID.uuid
        at = entry.at
        actorID = entry.actorID?.uuid
        kind = entry.kind
        fromState = entry.fromState?.rawValue
        toState = entry.toState?.rawValue
        reason = entry.reason
    }

    func domain() -> SignalHistoryEntry {
        SignalHistoryEntry(
            id: .init(id!), signalID: .init(signalID), at: at, actorID: actorID.map(User.ID.init), kind: kind,
            fromState: fromState.flatMap(SignalState.init(rawValue:)),
            toState: toState.flatMap(SignalState.init(rawValue:)), reason: reason)
    }
}

final class MeldcodeEntryRecord: Model, @unchecked Sendable {
    static let schema = "meldcode_entries"
    @ID(key: .id) var id: UUID?
    @Field(key: "signal_id") var signalID: UUID
    @Field(key: "step") var step: Int
    @Field(key: "by_id") var byID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "reasoning") var reasoning: String
    @OptionalField(key: "consulted_with") var consultedWith: String?
    @Field(key: "conversation_skipped") var conversationSkipped: Bool
    @Field(key: "answers") var answers: String
    @OptionalField(key: "decision") var decision: String?
    @OptionalField(key: "follow_up") var followUp: String?

    init() {}

    init(_ entry: MeldcodeEntry, of signal: Signal.ID) {
        id = entry.id.uuid
        signalID = signal.uuid
        step = entry.step.rawValue
        byID = entry.by.uuid
        at = entry.at
        reasoning = entry.reasoning
        consultedWith = entry.consultedWith?.rawValue
        conversationSkipped = entry.conversationSkipped
        answers = String(entry.answers.map { $0 ? "1" : "0" })
        decision = entry.decision?.rawValue
        followUp = entry.followUp
    }

    func domain() -> MeldcodeEntry? {
        guard let step = MeldcodeStep(rawValue: step) else { return nil }
        return MeldcodeEntry(
            id: .init(id!), step: step, by: .init(byID), at: at, reasoning: reasoning,
            consultedWith: consultedWith.flatMap(MeldcodeConsultee.init(rawValue:)),
            conversationSkipped: conversationSkipped, answers: answers.map { $0 == "1" },
            decision: decision.flatMap(MeldcodeDecision.init(rawValue:)), followUp: followUp)
    }
}

final class SignalTaskRecord: Model, @unchecked Sendable {
    static let schema = "signal_tasks"
    @ID(key: .id) var id: UUID?
    @Field(key: "signal_id") var signalID: UUID
    @OptionalField(key: "resident_id") var residentID: UUID?
    @Field(key: "assignee_id") var assigneeID: UUID
    @Field(key: "date") var date: String
    @Field(key: "instruction") var instruction: String
    @Field(key: "created_by") var createdBy: UUID
    @OptionalField(key: "done_at") var doneAt: Date?
    @OptionalField(key: "done_note") var doneNote: String?

    init() {}

    init(_ task: SignalTask) {
        id = task.id.uuid
        signalID = task.signalID.uuid
        residentID = task.residentID?.uuid
        assigneeID = task.assigneeID.uuid
        date = task.date.description
        instruction = task.instruction
        createdBy = task.createdBy.uuid
        doneAt = task.doneAt
        doneNote = task.doneNote
    }

    func domain() throws -> SignalTask {
        try SignalTask(
            id: .init(id!), signalID: .init(signalID), residentID: residentID.map(Resident.ID.init),
            assigneeID: .init(assigneeID), date: try LocalDate(date), instruction: instruction,
            createdBy: .init(createdBy), doneAt: doneAt, doneNote: doneNote)
    }
}

final class RoutingRuleRecord: Model, @unchecked Sendable {
    static let schema = "routing_rules"
    @ID(key: .id) var id: UUID?
    @Field(key: "position") var position: Int
    @OptionalField(key: "domain") var lifeDomain: String?
    @OptionalField(key: "minimum_urgency") var minimumUrgency: String?
    @OptionalField(key: "area") var area: String?
    @Field(key: "team_id") var teamID: UUID
    @OptionalField(key: "assignee_id") var assigneeID: UUID?

    init() {}

    init(_ rule: RoutingRule) {
        id = rule.id.uuid
        position = rule.position
        lifeDomain = rule.domain?.rawValue
        minimumUrgency = rule.minimumUrgency?.rawValue
        area = rule.area?.description
        teamID = rule.teamID.uuid
        assigneeID = rule.assigneeID?.uuid
    }

    func domain() -> RoutingRule {
        RoutingRule(
            id: .init(id!), position: position, domain: lifeDomain.flatMap(LifeDomain.init(rawValue:)),
            minimumUrgency: minimumUrgency.flatMap(SignalUrgency.init(rawValue:)),
            area: area.flatMap { try? AreaCode($0) }, teamID: .init(teamID), assigneeID: assigneeID.map(User.ID.init))
    }
}

final class SignalSettingsRecord: Model, @unchecked Sendable {
    static let schema = "signal_settings"
    @ID(key: .id) var id: UUID?
    @Field(key: "acute_days") var acuteDays: Int
    @Field(key: "high_days") var highDays: Int
    @Field(key: "normal_days") var normalDays: Int

    init() {}
}
