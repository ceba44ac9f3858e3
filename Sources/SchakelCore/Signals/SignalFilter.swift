import Foundation

/// Which signals a list shows.
public struct SignalFilter: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// The signals routed to a team (for its professionals).
        case team(Team.ID)
        /// The signals assigned to the actor.
        case mine
    }

    public var scope: Scope
    /// nil: the open ones; otherwise exactly this state.
    public var state: SignalState?
    public var urgency: SignalUrgency?
    public var domain: LifeDomain?
    public var overdueOnly: Bool

    public init(
        scope: Scope, state: SignalState? = nil, urgency: SignalUrgency? = nil, domain: LifeDomain? = nil,
        overdueOnly: Bool = false
    ) {
        self.scope = scope
        self.state = state
        self.urgency = urgency
        self.domain = domain
        self.overdueOnly = overdueOnly
    }
}
