import Foundation

/// A signal as a list shows it.
public struct SignalSummary: Sendable, Equatable {
    public var id: Signal.ID
    public var raisedAt: Date
    public var urgency: SignalUrgency
    public var domains: [LifeDomain]
    public var state: SignalState
    public var outcome: SignalOutcome?
    public var dueDate: LocalDate
    public var overdue: Bool
    public var escalated: Bool
    public var meldcode: Bool
    /// The resident, or nil for a signal about an address only.
    public var residentID: Resident.ID?
    public var residentName: String?
    public var addressLine: String?
    public var teamID: Team.ID?
    public var assigneeID: User.ID?

    public init(_ signal: Signal, today: LocalDate, residentName: String?, addressLine: String?) {
        id = signal.id
        raisedAt = signal.raisedAt
        urgency = signal.urgency
        domains = signal.domains
        state = signal.state
        outcome = signal.outcome
        dueDate = signal.dueDate
        overdue = signal.isOverdue(today: today)
        escalated = signal.escalatedAt != nil
        meldcode = signal.meldcode
        residentID = signal.residentID
        self.residentName = residentName
        self.addressLine = addressLine
        teamID = signal.teamID
        assigneeID = signal.assigneeID
    }
}
