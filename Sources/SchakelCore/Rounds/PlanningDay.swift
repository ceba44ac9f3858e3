import Foundation

/// A team's day as the coordinator plans it.
public struct PlanningDay: Sendable, Equatable {
    public var team: Team.ID
    public var date: LocalDate
    public var rounds: [RoundView]
    /// Due deliveries not yet on a round.
    public var unplanned: Int
    /// Deliveries whose schedule falls on the day but which are paused.
    public var paused: [(name: String, pause: DeliveryPause)]
    /// Deliveries of the team for residents who no longer live in its neighbourhoods.
    public var movedAway: [Delivery.ID]
    /// The team's concierges, who can be put on duty.
    public var concierges: [User]

    public static func == (lhs: PlanningDay, rhs: PlanningDay) -> Bool {
        lhs.team == rhs.team && lhs.date == rhs.date && lhs.rounds == rhs.rounds && lhs.unplanned == rhs.unplanned
            && lhs.movedAway == rhs.movedAway && lhs.paused.map(\.pause) == rhs.paused.map(\.pause)
    }

    public init(
        team: Team.ID, date: LocalDate, rounds: [RoundView], unplanned: Int,
        paused: [(name: String, pause: DeliveryPause)], movedAway: [Delivery.ID], concierges: [User]
    ) {
        self.team = team
        self.date = date
        self.rounds = rounds
        self.unplanned = unplanned
        self.paused = paused
        self.movedAway = movedAway
        self.concierges = concierges
    }

}
