import Foundation

/// An activity in the neighbourhood: the Tuesday lunch, a walk, a course. One-off or weekly, at local times.
public struct Activity: Sendable, Equatable, Identifiable {
    public typealias ID = EntityID<Activity>

    public var id: ID
    public var title: String
    public var description: String
    public var organiser: String
    public var placeName: String
    public var address: String?
    /// The buurt it takes place in, for the neighbourhood's calendar and feed.
    public var buurtCode: AreaCode?
    public var recurrence: Recurrence
    public var starts: TimeOfDay
    public var ends: TimeOfDay
    /// How many people can take part on one day; nil is no limit.
    public var capacity: Int?
    public var free: Bool
    public var cancelled: Bool

    public init(
        id: ID, title: String, description: String, organiser: String, placeName: String, address: String?,
        buurtCode: AreaCode?, recurrence: Recurrence, starts: TimeOfDay, ends: TimeOfDay, capacity: Int?, free: Bool,
        cancelled: Bool = false
    ) {
        self.id = id
        self.title = title
        self.description = description
        self.organiser = organiser
        self.placeName = placeName
        self.address = address
        self.buurtCode = buurtCode
        self.recurrence = recurrence
        self.starts = starts
        self.ends = ends
        self.capacity = capacity
        self.free = free
        self.cancelled = cancelled
    }

    /// The days it takes place from one day through another.
    public func dates(from first: LocalDate, through last: LocalDate) -> [LocalDate] {
        guard !cancelled, first <= last else { return [] }
        var result: [LocalDate] = []
        var day = max(first, recurrence.start)
        let end = min(last, recurrence.end ?? last)
        while day <= end {
            if recurrence.falls(on: day) { result.append(day) }
            day = day.adding(days: 1)
        }
        return result
    }

    /// When it starts and ends on a day, in Dutch local time (an end at or before the start is the next day).
    public func period(on date: LocalDate) -> (start: Date, end: Date) {
        let start = date.moment(at: starts)
        let end = (ends <= starts ? date.adding(days: 1) : date).moment(at: ends)
        return (start, end)
    }
}

/// An activity as a form gives it; `validated` checks every field at once.
public struct ActivityInput: Sendable, Equatable {
    public var title: String
    public var description: String
    public var organiser: String
    public var placeName: String
    public var address: String?
    public var buurtCode: String?
    public var schedule: String
    public var weekdays: [String]
    public var startDate: String
    public var endDate: String?
    public var starts: String
    public var ends: String
    public var capacity: String?
    public var free: Bool

    public init(
        title: String, description: String, organiser: String, placeName: String, address: String?,
        buurtCode: String?, schedule: String, weekdays: [String], startDate: String, endDate: String?, starts: String,
        ends: String, capacity: String?, free: Bool
    ) {
        self.title = title
        self.description = description
        self.organiser = organiser
        self.placeName = placeName
        self.address = address
        self.buurtCode = buurtCode
        self.schedule = schedule
        self.weekdays = weekdays
        self.startDate = startDate
        self.endDate = endDate
        self.starts = starts
        self.ends = ends
        self.capacity = capacity
        self.free = free
    }

    public func validated(id: Activity.ID) throws -> Activity {
        var validator = Validator()
        func text(_ value: String?, _ field: String, required: Bool, max: Int) -> String? {
            let value = value?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
            if required && value == nil { validator.add(field, "required") }
            if let value, value.count > max { validator.add(field, "tooLong") }
            return value
        }
        let title = text(title, "title", required: true, max: 200)
        let description = text(description, "description", required: false, max: 2000) ?? ""
        let organiser = text(organiser, "organiser", required: true, max: 200)
        let placeName = text(placeName, "placeName", required: true, max: 200)
        let address = text(address, "address", required: false, max: 200)
        let buurt = buurtCode?.nonEmpty.flatMap { code in
            validator.check("buurtCode") { () throws -> AreaCode in
                let area = try AreaCode(code)
                guard area.level == .buurt else { throw ValidationError(field: "buurtCode", key: "activity.buurt") }
                return area
            }
        }
        let start = validator.check("startDate") { try LocalDate(startDate) }
        let end = validator.check("endDate") { try endDate?.nonEmpty.map { try LocalDate($0) } } ?? nil
        let from = validator.check("starts") { try TimeOfDay(starts) }
        let until = validator.check("ends") { try TimeOfDay(ends) }
        let recurrence = Recurrence.read(
            schedule: schedule, weekdays: weekdays, start: start, end: end, into: &validator)
        var limit: Int?
        if let text = capacity?.trimmingCharacters(in: .whitespaces).nonEmpty {
            limit = Int(text)
            if limit.map({ !(1...10_000).contains($0) }) ?? true { validator.add("capacity", "activity.capacity") }
        }
        try validator.finish()
        return Activity(
            id: id, title: title!, description: description, organiser: organiser!, placeName: placeName!,
            address: address, buurtCode: buurt, recurrence: recurrence!, starts: from!, ends: until!, capacity: limit,
            free: free)
    }
}

/// A resident signed up for one day of an activity, by a professional or volunteer; attendance afterwards.
public struct ActivitySignUp: Sendable, Equatable, Identifiable {
    public typealias ID = EntityID<ActivitySignUp>
    public var id: ID
    public var activityID: Activity.ID
    public var date: LocalDate
    public var residentID: Resident.ID
    public var signedUpBy: User.ID
    public var at: Date
    /// Nil until someone recorded whether they came.
    public var attended: Bool?

    public init(
        id: ID, activityID: Activity.ID, date: LocalDate, residentID: Resident.ID, signedUpBy: User.ID, at: Date,
        attended: Bool? = nil
    ) {
        self.id = id
        self.activityID = activityID
        self.date = date
        self.residentID = residentID
        self.signedUpBy = signedUpBy
        self.at = at
        self.attended = attended
    }
}

/// An iCalendar (RFC 5545) feed: CRLF line ends, lines folded at 75 octets, text escaped, times in UTC.
public enum ICalendar {
    public struct Event: Sendable, Equatable {
        public var uid: String
        public var start: Date
        public var end: Date
        public var summary: String
        public var description: String
        public var location: String
        public var url: String?

        public init(
            uid: String, start: Date, end: Date, summary: String, description: String, location: String, url: String?
        ) {
            self.uid = uid
            self.start = start
            self.end = end
            self.summary = summary
            self.description = description
            self.location = location
            self.url = url
        }
    }

    public static func feed(name: String, events: [Event], now: Date) -> String {
        var lines = [
            "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//Schakel//Activiteiten//NL", "CALSCALE:GREGORIAN",
            "METHOD:PUBLISH", "X-WR-CALNAME:" + escape(name), "X-WR-TIMEZONE:Europe/Amsterdam",
        ]
        for event in events {
            lines += [
                "BEGIN:VEVENT", "UID:" + event.uid, "DTSTAMP:" + stamp(now), "DTSTART:" + stamp(event.start),
                "DTEND:" + stamp(event.end), "SUMMARY:" + escape(event.summary),
                "DESCRIPTION:" + escape(event.description), "LOCATION:" + escape(event.location),
            ]
            if let url = event.url { lines.append("URL:" + url) }
            lines.append("END:VEVENT")
        }
        lines.append("END:VCALENDAR")
        return lines.map(fold).joined(separator: "\r\n") + "\r\n"
    }

    static func stamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: ";", with: "\\;")
            .replacingOccurrences(of: ",", with: "\\,").replacingOccurrences(of: "\r\n", with: "\\n")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    /// Folds a line into pieces of at most 75 octets, never splitting a character.
    static func fold(_ line: String) -> String {
        var pieces: [String] = []
        var current = ""
        var octets = 0
        for character in line {
            let size = String(character).utf8.count
            let limit = pieces.isEmpty ? 75 : 74
            if octets + size > limit {
                pieces.append(current)
                current = ""
                octets = 0
            }
            current.append(character)
            octets += size
        }
        pieces.append(current)
        return pieces.joined(separator: "\r\n ")
    }
}
