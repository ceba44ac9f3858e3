import Foundation

/// What a concierge brings to the door; the delivery is the reason to ring the bell.
public enum DeliveryKind: String, Sendable, Codable, CaseIterable {
    case meal, medicine, groceries, parcel
    /// No goods: a planned visit "to see how things are", e.g. a follow-up for someone out of view.
    case visit
}

/// A period in which a standing delivery does not happen, e.g. a hospital stay or a holiday.
public struct DeliveryPause: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<DeliveryPause>
    public var id: ID
    /// First day without delivery.
    public var from: LocalDate
    /// Last day without delivery.
    public var until: LocalDate
    public var reason: String?

    public init(id: ID, from: LocalDate, until: LocalDate, reason: String?) throws {
        var validator = Validator()
        if until < from { validator.add("pauseUntil", "pause.endsBeforeStart") }
        if (reason?.count ?? 0) > 200 { validator.add("pauseReason", "tooLong") }
        try validator.finish()
        self.id = id
        self.from = from
        self.until = until
        self.reason = reason?.nonEmpty
    }

    public func covers(_ date: LocalDate) -> Bool { from <= date && date <= until }
}

/// When a delivery happens: once, or every week on some weekdays between a first and an optional last date.
public enum Recurrence: Sendable, Equatable, Codable {
    case once(LocalDate)
    case weekly(Set<Weekday>, from: LocalDate, until: LocalDate?)

    /// Whether the schedule (before pauses) falls on `date`.
    public func falls(on date: LocalDate) -> Bool {
        switch self {
        case .once(let day): day == date
        case .weekly(let days, let from, let until):
            from <= date && (until.map { date <= $0 } ?? true) && days.contains(date.weekday)
        }
    }

    /// Reads a form's schedule: `weekly` on weekdays (keys such as `tuesday`) from a first to an optional last
    /// day, or `once` on the first day. Problems go to `weekdays`, `endDate` and `schedule`.
    public static func read(
        schedule: String, weekdays: [String], start: LocalDate?, end: LocalDate?, into validator: inout Validator,
        unknown: String = "invalid"
    ) -> Recurrence? {
        switch schedule {
        case "weekly":
            let days = weekdays.compactMap(Weekday.init(key:))
            if days.isEmpty || days.count != weekdays.count { validator.add("weekdays", "delivery.weekdays") }
            if let start, let end, end < start { validator.add("endDate", "date.endsBeforeStart") }
            guard let start, !days.isEmpty else { return nil }
            return .weekly(Set(days), from: start, until: end)
        case "once":
            return start.map { .once($0) }
        default:
            validator.add("schedule", unknown)
            return nil
        }
    }

    /// The first day it can happen.
    public var start: LocalDate {
        switch self {
        case .once(let day): day
        case .weekly(_, let from, _): from
        }
    }

    /// The last day it can happen, if any.
    public var end: LocalDate? {
        switch self {
        case .once(let day): day
        case .weekly(_, _, let until): until
        }
    }
}

/// A standing or one-off delivery to a resident, made by a team.
public struct Delivery: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Delivery>
    public var id: ID
    public var residentID: Resident.ID
    /// The team whose concierges deliver.
    public var teamID: Team.ID
    public var kind: DeliveryKind
    public var recurrence: Recurrence
    /// When it must arrive on the day, in local (Dutch) time.
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    /// What someone at the door needs to know for this delivery, e.g. "sleutelkastje, code bij coördinator".
    public var doorNotes: String?
    public var pauses: [DeliveryPause]
    /// Set when the delivery was stopped before its end date.
    public var cancelledAt: Date?

    public init(
        id: ID, residentID: Resident.ID, teamID: Team.ID, kind: DeliveryKind, recurrence: Recurrence,
        windowStart: TimeOfDay, windowEnd: TimeOfDay, doorNotes: String?, pauses: [DeliveryPause] = [],
        cancelledAt: Date? = nil
    ) {
        self.id = id
        self.residentID = residentID
        self.teamID = teamID
        self.kind = kind
        self.recurrence = recurrence
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.doorNotes = doorNotes
        self.pauses = pauses
        self.cancelledAt = cancelledAt
    }

    /// What the schedule says about `date`.
    public func occurrence(on date: LocalDate) -> Occurrence? {
        guard cancelledAt == nil, recurrence.falls(on: date) else { return nil }
        if let pause = pauses.first(where: { $0.covers(date) }) { return .paused(pause) }
        return .scheduled(start: date.moment(at: windowStart), end: date.moment(at: windowEnd))
    }

    /// Whether it still has days to come on or after `date` (pauses aside).
    public func isActive(on date: LocalDate) -> Bool {
        cancelledAt == nil && (recurrence.end.map { date <= $0 } ?? true)
    }

    /// How many days a week a standing delivery falls on (pauses aside); 0 for a one-off.
    public var timesPerWeek: Int {
        if case .weekly(let days, _, _) = recurrence { return days.count }
        return 0
    }

    public var isStanding: Bool {
        if case .weekly = recurrence { return true }
        return false
    }

    /// A delivery on one day.
    public enum Occurrence: Sendable, Equatable {
        /// It happens, within this window (absolute moments, so daylight saving is accounted for).
        case scheduled(start: Date, end: Date)
        /// The schedule falls on the day but a pause covers it.
        case paused(DeliveryPause)
    }
}

/// The fields of the delivery form or API body, before validation.
public struct DeliveryInput: Sendable, Equatable, Codable {
    public var kind: String
    /// `weekly` or `once`.
    public var schedule: String
    /// Weekday keys (`monday` …) for weekly deliveries.
    public var weekdays: [String]
    /// First day (weekly) or the day (once).
    public var startDate: String
    public var endDate: String?
    public var windowStart: String
    public var windowEnd: String
    public var doorNotes: String?

    public init(
        kind: String, schedule: String, weekdays: [String], startDate: String, endDate: String?,
        windowStart: String, windowEnd: String, doorNotes: String?
    ) {
        self.kind = kind
        self.schedule = schedule
        self.weekdays = weekdays
        self.startDate = startDate
        self.endDate = endDate
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.doorNotes = doorNotes
    }

    /// Checks every field; all problems are reported at once.
    public func validated(id: Delivery.ID, residentID: Resident.ID, teamID: Team.ID, today: LocalDate) throws
        -> Delivery
    {
        var validator = Validator()
        let kind = DeliveryKind(rawValue: kind)
        if kind == nil { validator.add("kind", "delivery.kind") }
        let start = validator.check("startDate") { try LocalDate(startDate) }
        let end = validator.check("endDate") { try endDate?.nonEmpty.map { try LocalDate($0) } } ?? nil
        let from = validator.check("windowStart") { try TimeOfDay(windowStart) }
        let until = validator.check("windowEnd") { try TimeOfDay(windowEnd) }
        if let from, let until, until <= from { validator.add("windowEnd", "window.endsBeforeStart") }
        if let start, start < today.adding(days: -366) { validator.add("startDate", "date.tooLongAgo") }
        let recurrence = Recurrence.read(
            schedule: schedule, weekdays: weekdays, start: start, end: end, into: &validator,
            unknown: "delivery.schedule")
        if schedule == "once", let start, start < today { validator.add("startDate", "date.inPast") }
        if (doorNotes?.count ?? 0) > 500 { validator.add("doorNotes", "tooLong") }
        try validator.finish()
        return Delivery(
            id: id, residentID: residentID, teamID: teamID, kind: kind!, recurrence: recurrence!, windowStart: from!,
            windowEnd: until!, doorNotes: doorNotes?.nonEmpty)
    }
}
