import Foundation

/// One signal with everything its page shows, as the actor may see it.
public struct SignalDetail: Sendable, Equatable {
    public var signal: Signal
    public var view: SignalView
    public var residentName: String?
    public var addressLine: String?
    public var history: [SignalHistoryEntry]
    public var meldcode: MeldcodeWorkflow
    public var tasks: [SignalTask]
    public var canHandle: Bool
    public var canReassign: Bool
    /// What the viewer may do next, from the workflow: event names in the order a form offers them.
    public var nextEvents: [String] = []
    /// Whom the signal may be given to (for a coordinator who may reassign), and who of the team may be
    /// asked to look again, by the access policy.
    public var assignees: [User] = []
    public var checkers: [User] = []
    /// The referrals made from this signal (for its handlers).
    public var referrals: [ReferralSummary] = []

    public init(
        signal: Signal, view: SignalView, residentName: String? = nil, addressLine: String? = nil,
        history: [SignalHistoryEntry], meldcode: MeldcodeWorkflow, tasks: [SignalTask], canHandle: Bool,
        canReassign: Bool, nextEvents: [String] = [], assignees: [User] = [], checkers: [User] = []
    ) {
        self.signal = signal
        self.view = view
        self.residentName = residentName
        self.addressLine = addressLine
        self.history = history
        self.meldcode = meldcode
        self.tasks = tasks
        self.canHandle = canHandle
        self.canReassign = canReassign
        self.nextEvents = nextEvents
        self.assignees = assignees
        self.checkers = checkers
    }

}
