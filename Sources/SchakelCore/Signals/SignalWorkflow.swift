import Foundation

/// What can happen to a signal; each event leads to one state.
public enum SignalEvent: Sendable, Equatable {
    case triage
    case startFollowUp
    case waitForReporter
    case waitForResident
    case resume
    case close(SignalOutcome)
    /// A duplicate is merged into another signal and closes.
    case merge

    /// The state the event leads to.
    public var target: SignalState {
        switch self {
        case .triage: .triaged
        case .startFollowUp, .resume: .inFollowUp
        case .waitForReporter: .waitingForReporter
        case .waitForResident: .waitingForResident
        case .close, .merge: .closed
        }
    }

    /// The name used in forms, the API and the signal's history.
    public var name: String {
        switch self {
        case .triage: "triage"
        case .startFollowUp: "start_follow_up"
        case .waitForReporter: "wait_for_reporter"
        case .waitForResident: "wait_for_resident"
        case .resume: "resume"
        case .close: "close"
        case .merge: "merge"
        }
    }

    /// Reads an event by its name; `close` needs an outcome a person may choose.
    public init(name: String, outcome: String?) throws {
        switch name {
        case "triage": self = .triage
        case "start_follow_up": self = .startFollowUp
        case "wait_for_reporter": self = .waitForReporter
        case "wait_for_resident": self = .waitForResident
        case "resume": self = .resume
        case "close":
            guard let outcome = outcome.flatMap(SignalOutcome.init(rawValue:)),
                SignalOutcome.closable.contains(outcome)
            else { throw ValidationError(field: "outcome", key: outcome?.nonEmpty == nil ? "required" : "invalid") }
            self = .close(outcome)
        default: throw ValidationError(field: "event", key: "invalid")
        }
    }
}

/// A step a handler asks for, read from a form or the API: an event, or closing without an outcome, which
/// for a meldcode signal means "by the meldcode's decision".
public enum SignalStep: Sendable, Equatable {
    case event(SignalEvent)
    case closeByDecision

    /// Reads the step's name and outcome. An outcome belongs to closing only: given with another step it
    /// would silently be lost, so it is refused.
    public init(name: String, outcome: String?) throws {
        let outcome = outcome?.nonEmpty
        if name != "close", outcome != nil {
            throw ValidationError(field: "outcome", key: "signal.outcomeOnlyOnClose")
        }
        if name == "close", outcome == nil {
            self = .closeByDecision
            return
        }
        self = .event(try SignalEvent(name: name, outcome: outcome))
    }
}

extension SignalState {
    /// The states each event may start from.
    static func sources(of event: SignalEvent) -> Set<SignalState> {
        switch event {
        case .triage: [.new]
        case .startFollowUp: [.triaged]
        case .waitForReporter: [.triaged, .inFollowUp, .waitingForResident]
        case .waitForResident: [.triaged, .inFollowUp, .waitingForReporter]
        case .resume: [.waitingForReporter, .waitingForResident]
        case .close: [.triaged, .inFollowUp, .waitingForReporter, .waitingForResident]
        case .merge: [.new, .triaged, .inFollowUp, .waitingForReporter, .waitingForResident]
        }
    }

    /// The state after the event; an illegal transition throws an error naming both states.
    public func apply(_ event: SignalEvent) throws -> SignalState {
        guard Self.sources(of: event).contains(self) else {
            throw DomainError.illegalTransition(from: rawValue, to: event.target.rawValue)
        }
        return event.target
    }
}

extension Signal {
    /// The steps a handler may take next, by name, in the order a form offers them: every event the workflow
    /// allows from the signal's state (a merge has a form of its own). A meldcode signal closes only after
    /// step 5's decision.
    public func nextEvents(meldcodeDecided: Bool) -> [String] {
        let events: [SignalEvent] = [
            .triage, .startFollowUp, .resume, .waitForReporter, .waitForResident, .close(.noConcern),
        ]
        return events.filter { event in
            guard SignalState.sources(of: event).contains(state) else { return false }
            if case .close = event, meldcode, !meldcodeDecided { return false }
            return true
        }.map(\.name)
    }

    /// The signal after the event at a moment; closing records the outcome and the time.
    public func applying(_ event: SignalEvent, at now: Date) throws -> Signal {
        var next = self
        next.state = try state.apply(event)
        switch event {
        case .close(let outcome):
            next.outcome = outcome
            next.closedAt = now
        case .merge:
            next.outcome = .merged
            next.closedAt = now
        default: break
        }
        return next
    }
}

/// One step in a signal's history: a transition, an assignment, a note, with who, when and why.
public struct SignalHistoryEntry: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<SignalHistoryEntry>
    public var id: ID
    public var signalID: Signal.ID
    public var at: Date
    public var actorID: User.ID?
    /// `raised`, an event name (`triage`, `close` …), `assign`, `reroute`, `escalate`, `merged_from`, `task`, `task_done`, `meldcode`.
    public var kind: String
    public var fromState: SignalState?
    public var toState: SignalState?
    public var reason: String?

    public init(
        id: ID, signalID: Signal.ID, at: Date, actorID: User.ID?, kind: String, fromState: SignalState? = nil,
        toState: SignalState? = nil, reason: String? = nil
    ) {
        self.id = id
        self.signalID = signalID
        self.at = at
        self.actorID = actorID
        self.kind = kind
        self.fromState = fromState
        self.toState = toState
        self.reason = reason
    }
}
