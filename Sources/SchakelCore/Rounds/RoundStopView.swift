import Foundation

/// A stop as the round page shows it: only what the work at the door needs.
public struct RoundStopView: Sendable, Equatable {
    public var stop: RoundStop
    public var state: StopState
    public var kind: DeliveryKind
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    /// nil when the resident moved out of the team's neighbourhoods: the viewer no longer sees them.
    public var residentName: String?
    public var addressLine: String?
    public var coordinate: Coordinate?
    /// The resident's own door notes and the delivery's.
    public var doorNotes: [String]
    public var lastContact: Date?
    /// How many signals about the resident are open: a count, never their content (meldcode signals left out).
    public var openConcerns: Int
    /// The logged outcome, when there is one; after a correction, the correction.
    public var outcome: ContactMoment?
    /// Outcomes of the stop that were corrected, oldest first: they stay in the history.
    public var corrected: [ContactMoment] = []
    /// Whether the viewer may still correct the outcome (on its own day, their own or as the team's coordinator).
    public var correctable = false

    public init(
        stop: RoundStop, state: StopState, kind: DeliveryKind, windowStart: TimeOfDay, windowEnd: TimeOfDay,
        residentName: String? = nil, addressLine: String? = nil, coordinate: Coordinate? = nil, doorNotes: [String],
        lastContact: Date? = nil, openConcerns: Int, outcome: ContactMoment? = nil, corrected: [ContactMoment] = [],
        correctable: Bool = false
    ) {
        self.stop = stop
        self.state = state
        self.kind = kind
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.residentName = residentName
        self.addressLine = addressLine
        self.coordinate = coordinate
        self.doorNotes = doorNotes
        self.lastContact = lastContact
        self.openConcerns = openConcerns
        self.outcome = outcome
        self.corrected = corrected
        self.correctable = correctable
    }
}
