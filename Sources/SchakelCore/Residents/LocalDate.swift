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
