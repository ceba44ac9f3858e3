import Foundation

/// How many working days each urgency has to be picked up; acute is the same day.
public struct SignalDeadlines: Sendable, Equatable, Codable {
    public var acute: Int
    public var high: Int
    public var normal: Int

    public init(acute: Int = 0, high: Int = 2, normal: Int = 5) throws {
        var validator = Validator()
        for (field, days) in [("acuteDays", acute), ("highDays", high), ("normalDays", normal)]
        where !(0...30).contains(days) {
            validator.add(field, "signal.deadlineRange")
        }
        if acute > high { validator.add("acuteDays", "signal.deadlineOrder") }
        if high > normal { validator.add("highDays", "signal.deadlineOrder") }
        try validator.finish()
        self.acute = acute
        self.high = high
        self.normal = normal
    }

    public static let standard = try! SignalDeadlines()

    public func workingDays(for urgency: SignalUrgency) -> Int {
        switch urgency {
        case .acute: acute
        case .high: high
        case .normal: normal
        }
    }

    /// The day a signal raised on `date` must be picked up by: zero days is that same day, even in a
    /// weekend; otherwise that many working days later, skipping weekends and public holidays.
    public func dueDate(for urgency: SignalUrgency, raisedOn date: LocalDate) -> LocalDate {
        date.adding(workingDays: workingDays(for: urgency))
    }
}

/// The Dutch national public holidays (algemeen erkende feestdagen) on which teams do not work:
/// New Year's Day, Easter Sunday and Monday, King's Day (27 April, 26 April when that is a Sunday),
/// Liberation Day in lustrum years (5 May 2025, 2030 …; most collective agreements only then),
/// Ascension Day, Whit Sunday and Monday, Christmas Day and Boxing Day.
public enum DutchHolidays {
    public static func isHoliday(_ date: LocalDate) -> Bool {
        holidays(in: date.year).contains(date)
    }

    public static func holidays(in year: Int) -> Set<LocalDate> {
        let easter = easterSunday(year)
        var days: [LocalDate] = [
            try! LocalDate(year: year, month: 1, day: 1),
            easter, easter.adding(days: 1), easter.adding(days: 39), easter.adding(days: 49), easter.adding(days: 50),
            try! LocalDate(year: year, month: 12, day: 25), try! LocalDate(year: year, month: 12, day: 26),
        ]
        let kingsDay = try! LocalDate(year: year, month: 4, day: 27)
        days.append(kingsDay.weekday == .sunday ? kingsDay.adding(days: -1) : kingsDay)
        if year % 5 == 0 { days.append(try! LocalDate(year: year, month: 5, day: 5)) }
        return Set(days)
    }

    /// Easter Sunday in the Gregorian calendar (the anonymous Gregorian algorithm, Meeus/Jones/Butcher).
    public static func easterSunday(_ year: Int) -> LocalDate {
        let a = year % 19
        let b = year / 100
        let c = year % 100
        let d = b / 4
        let e = b % 4
        let f = (b + 8) / 25
        let g = (b - f + 1) / 3
        let h = (19 * a + b - d - g + 15) % 30
        let i = c / 4
        let k = c % 4
        let l = (32 + 2 * e + 2 * i - h - k) % 7
        let m = (a + 11 * h + 22 * l) / 451
        let month = (h + l - 7 * m + 114) / 31
        let day = (h + l - 7 * m + 114) % 31 + 1
        return try! LocalDate(year: year, month: month, day: day)
    }
}

extension LocalDate {
    /// Monday to Friday, not a public holiday.
    public var isWorkingDay: Bool {
        weekday < .saturday && !DutchHolidays.isHoliday(self)
    }

    /// The date `count` working days later; zero is this date itself.
    public func adding(workingDays count: Int) -> LocalDate {
        var date = self
        var remaining = count
        while remaining > 0 {
            date = date.adding(days: 1)
            if date.isWorkingDay { remaining -= 1 }
        }
        return date
    }

    /// How many working days after this date `other` is: the working days in (self, other]; zero when
    /// `other` is this date or earlier.
    public func workingDays(until other: LocalDate) -> Int {
        var date = self
        var count = 0
        while date < other {
            date = date.adding(days: 1)
            if date.isWorkingDay { count += 1 }
        }
        return count
    }
}
