import Foundation

/// One concierge's stops on one day for one team.
public struct Round: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Round>
    public var id: ID
    public var teamID: Team.ID
    public var date: LocalDate
    public var conciergeID: User.ID

    public init(id: ID, teamID: Team.ID, date: LocalDate, conciergeID: User.ID) {
        self.id = id
        self.teamID = teamID
        self.date = date
        self.conciergeID = conciergeID
    }
}

/// A door on a round: a delivery (or planned visit) for a resident, in the concierge's order.
public struct RoundStop: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<RoundStop>
    public var id: ID
    public var roundID: Round.ID
    public var position: Int
    public var residentID: Resident.ID
    public var deliveryID: Delivery.ID

    public init(id: ID, roundID: Round.ID, position: Int, residentID: Resident.ID, deliveryID: Delivery.ID) {
        self.id = id
        self.roundID = roundID
        self.position = position
        self.residentID = residentID
        self.deliveryID = deliveryID
    }
}

/// How a stop stands, as the round page shows it.
public enum StopState: Sendable, Equatable {
    /// Still to do.
    case open
    /// An outcome was logged.
    case done(ContactOutcome)
    /// The delivery is paused on the round's day; shown, not dropped.
    case paused(DeliveryPause)
    /// The delivery was ended after the round was made; shown, not dropped.
    case ended
    /// The resident no longer lives in the team's neighbourhoods; shown, not dropped.
    case movedAway
}

/// A concierge's day in numbers.
public struct DaySummary: Sendable, Equatable {
    public var stops = 0
    public var open = 0
    public var contacts = 0
    public var mailboxOnly = 0
    public var notAtHome = 0
    public var refused = 0
    /// Visits logged without a stop on the round.
    public var extraVisits = 0
    /// The sum of the durations given, in minutes.
    public var minutesAtDoors = 0

    public init() {}

    /// Counts the day's outcomes; `stops` is the number of stops on the concierge's rounds.
    public init(stops: Int, moments: [ContactMoment]) {
        self.stops = stops
        var doneStops = Set<RoundStop.ID>()
        for moment in moments {
            switch moment.outcome {
            case .contact: contacts += 1
            case .mailboxOnly: mailboxOnly += 1
            case .notAtHome: notAtHome += 1
            case .refused: refused += 1
            }
            if let stop = moment.stopID { doneStops.insert(stop) } else { extraVisits += 1 }
            minutesAtDoors += moment.durationMinutes ?? 0
        }
        open = max(0, stops - doneStops.count)
    }
}

/// Dividing a day's stops among the concierges on duty when there are no coordinates to plan with:
/// in street order (postcode, house number), cut into contiguous parts of nearly equal size.
public enum StreetOrderDivision {
    public static func divide<Stop>(_ stops: [Stop], into parts: Int, key: (Stop) -> String) -> [[Stop]] {
        guard parts > 0 else { return [] }
        let sorted = stops.sorted { key($0) < key($1) }
        var result: [[Stop]] = []
        var start = 0
        for part in 0..<parts {
            let size = sorted.count / parts + (part < sorted.count % parts ? 1 : 0)
            result.append(Array(sorted[start..<(start + size)]))
            start += size
        }
        return result
    }
}
