import Foundation

/// When a service is open, from its HSDS schedules, in Dutch local time. Weekly and daily schedules with
/// `byday`, `opens_at` and `closes_at` are understood; a closing time at or before the opening time runs
/// past midnight. Times are wall-clock times in Europe/Amsterdam, so daylight-saving changes need nothing.
public enum OpeningHours {
    /// One opening on one weekday, in minutes since local midnight; `closes` may be 1440.
    public struct Interval: Sendable, Equatable, Hashable {
        public var weekday: Weekday
        public var opens: Int
        public var closes: Int
        /// The days on which this interval counts (from the schedule's `valid_from` and `valid_to`).
        public var validFrom: LocalDate?
        public var validTo: LocalDate?

        public init(weekday: Weekday, opens: Int, closes: Int, validFrom: LocalDate? = nil, validTo: LocalDate? = nil) {
            self.weekday = weekday
            self.opens = opens
            self.closes = closes
            self.validFrom = validFrom
            self.validTo = validTo
        }

        public func contains(_ date: LocalDate, minute: Int) -> Bool {
            date.weekday == weekday && opens <= minute && minute < closes
                && validFrom.map { $0 <= date } ?? true && validTo.map { date <= $0 } ?? true
        }
    }

    public static let dayCodes: [String: Weekday] = [
        "MO": .monday, "TU": .tuesday, "WE": .wednesday, "TH": .thursday, "FR": .friday, "SA": .saturday,
        "SU": .sunday,
    ]

    /// The intervals of one HSDS schedule; none for a schedule without times or with a rule not understood
    /// (monthly, yearly), which then only shows its description.
    public static func intervals(of schedule: JSONValue) -> [Interval] {
        guard let opens = minutes(schedule["opens_at"]?.text), let closes = minutes(schedule["closes_at"]?.text)
        else { return [] }
        let freq = schedule["freq"]?.text?.uppercased() ?? "WEEKLY"
        let days: [Weekday]
        switch freq {
        case "DAILY":
            days = Weekday.allCases
        case "WEEKLY":
            let codes = (schedule["byday"]?.text ?? "").uppercased().split(separator: ",")
                .map { $0.trimmingCharacters(in: .whitespaces) }
            days = codes.isEmpty ? Weekday.allCases : codes.compactMap { dayCodes[$0] }
        default:
            return []
        }
        let from = schedule["valid_from"]?.text.flatMap { try? LocalDate($0) }
        let to = schedule["valid_to"]?.text.flatMap { try? LocalDate($0) }
        return days.flatMap { day -> [Interval] in
            if closes > opens {
                return [Interval(weekday: day, opens: opens, closes: closes, validFrom: from, validTo: to)]
            }
            // Past midnight: the evening part, and the night part on the next day.
            let next = Weekday(rawValue: day.rawValue % 7 + 1)!
            return [
                Interval(weekday: day, opens: opens, closes: 1440, validFrom: from, validTo: to),
                Interval(
                    weekday: next, opens: 0, closes: closes, validFrom: from?.adding(days: 1),
                    validTo: to?.adding(days: 1)),
            ].filter { $0.closes > $0.opens }
        }
    }

    /// Whether any interval contains the moment, read in Dutch local time.
    public static func isOpen(_ intervals: [Interval], at moment: Date) -> Bool {
        let (date, minute) = local(moment)
        return intervals.contains { $0.contains(date, minute: minute) }
    }

    /// The local date and minute of the day of a moment in the Netherlands.
    public static func local(_ moment: Date) -> (date: LocalDate, minute: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .amsterdam
        let parts = calendar.dateComponents([.hour, .minute], from: moment)
        return (LocalDate(moment), (parts.hour ?? 0) * 60 + (parts.minute ?? 0))
    }

    /// Minutes since midnight of `HH:MM` or `HH:MM:SS` (an offset such as `+01:00` is ignored: HSDS
    /// times of Dutch services are local).
    public static func minutes(_ text: String?) -> Int? {
        guard let text else { return nil }
        let parts = text.prefix(8).split(separator: ":").compactMap { Int($0.prefix(2)) }
        guard parts.count >= 2, (0...24).contains(parts[0]), (0..<60).contains(parts[1]) else { return nil }
        let value = parts[0] * 60 + parts[1]
        return value <= 1440 ? value : nil
    }
}
