import Foundation

/// A calendar date without time or zone, such as a date of birth.
public struct LocalDate: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public let year: Int
    public let month: Int
    public let day: Int

    public init(year: Int, month: Int, day: Int) throws {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        guard (1...9999).contains(year), (1...12).contains(month), (1...31).contains(day),
            Self.calendar.date(from: components).map({ Self.calendar.component(.day, from: $0) == day }) == true
        else {
            throw ValidationError(field: "date", key: "date.invalid")
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses `YYYY-MM-DD` (ISO 8601) or the Dutch `DD-MM-YYYY`.
    public init(_ text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, let a = Int(parts[0]), let b = Int(parts[1]), let c = Int(parts[2]) else {
            throw ValidationError(field: "date", key: "date.format")
        }
        if parts[0].count == 4 {
            try self.init(year: a, month: b, day: c)
        } else if parts[2].count == 4 {
            try self.init(year: c, month: b, day: a)
        } else {
            throw ValidationError(field: "date", key: "date.format")
        }
    }

    /// The date a moment falls on in the Netherlands.
    public init(_ date: Date, in timeZone: TimeZone = .amsterdam) {
        var calendar = Self.calendar
        calendar.timeZone = timeZone
        let parts = calendar.dateComponents([.year, .month, .day], from: date)
        year = parts.year!
        month = parts.month!
        day = parts.day!
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// ISO 8601: `1948-03-07`.
    public var description: String {
        String(format: "%04d-%02d-%02d", year, month, day)
    }

    /// Dutch display form: `7-3-1948`.
    public var dutch: String { "\(day)-\(month)-\(year)" }

    public static func < (lhs: LocalDate, rhs: LocalDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// Whole years from this date to `date`, e.g. an age.
    public func years(until date: LocalDate) -> Int {
        var years = date.year - year
        if (date.month, date.day) < (month, day) { years -= 1 }
        return years
    }

    static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        return calendar
    }()
}

extension TimeZone {
    /// The zone of every Dutch municipality in Europe.
    public static let amsterdam = TimeZone(identifier: "Europe/Amsterdam")!
}

extension LocalDate {
    /// The ISO weekday: Monday is 1, Sunday is 7.
    public var weekday: Weekday {
        let sunday1 = Self.calendar.component(.weekday, from: utcNoon)
        return Weekday(rawValue: (sunday1 + 5) % 7 + 1)!
    }

    /// The date `days` later (or earlier, when negative).
    public func adding(days: Int) -> LocalDate {
        let date = Self.calendar.date(byAdding: .day, value: days, to: utcNoon)!
        return LocalDate(date, in: TimeZone(identifier: "UTC")!)
    }

    /// Whole days from this date to `other`; negative when `other` is earlier.
    public func days(until other: LocalDate) -> Int {
        Self.calendar.dateComponents([.day], from: utcNoon, to: other.utcNoon).day!
    }

    /// The moment this date shows `time` on a clock in `timeZone`; across a daylight-saving change
    /// a time that does not exist moves forward, as a clock does.
    public func moment(at time: TimeOfDay, in timeZone: TimeZone = .amsterdam) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = timeZone
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = time.minutes / 60
        components.minute = time.minutes % 60
        return calendar.date(from: components)!
    }

    private var utcNoon: Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = day
        components.hour = 12
        return Self.calendar.date(from: components)!
    }
}

/// A day of the week, numbered as ISO 8601 does (Monday 1 … Sunday 7).
public enum Weekday: Int, Sendable, Codable, CaseIterable, Comparable {
    case monday = 1, tuesday, wednesday, thursday, friday, saturday, sunday

    public static func < (lhs: Weekday, rhs: Weekday) -> Bool { lhs.rawValue < rhs.rawValue }

    /// English key used in forms and the API: `monday` … `sunday`.
    public var key: String { String(describing: self) }

    public init?(key: String) {
        guard let day = Self.allCases.first(where: { $0.key == key.lowercased() }) else { return nil }
        self = day
    }
}

/// A time on the clock, in whole minutes after midnight.
public struct TimeOfDay: Sendable, Hashable, Codable, Comparable, CustomStringConvertible {
    public let minutes: Int

    public init(minutes: Int) throws {
        guard (0..<24 * 60).contains(minutes) else { throw ValidationError(field: "time", key: "time.format") }
        self.minutes = minutes
    }

    /// Parses `11:30`, `9:05` or `11.30`.
    public init(_ text: String) throws {
        let parts = text.trimmingCharacters(in: .whitespaces).split(whereSeparator: { $0 == ":" || $0 == "." })
        guard parts.count == 2, parts[1].count == 2, let hours = Int(parts[0]), let minutes = Int(parts[1]),
            (0..<24).contains(hours), (0..<60).contains(minutes)
        else { throw ValidationError(field: "time", key: "time.format") }
        try self.init(minutes: hours * 60 + minutes)
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// `11:30`.
    public var description: String { String(format: "%02d:%02d", minutes / 60, minutes % 60) }

    public static func < (lhs: TimeOfDay, rhs: TimeOfDay) -> Bool { lhs.minutes < rhs.minutes }
}
