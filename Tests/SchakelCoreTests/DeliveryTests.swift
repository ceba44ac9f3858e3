import Foundation
import SchakelCore
import Testing

@Suite("Deliveries: schedules, pauses, end dates and daylight saving")
struct DeliveryTests {
    let resident = Resident.ID(UUID())
    let team = Team.ID(UUID())

    func weekly(_ days: [String], from: String, until: String? = nil, window: (String, String) = ("11:30", "13:00"))
        throws -> Delivery
    {
        try DeliveryInput(
            kind: "meal", schedule: "weekly", weekdays: days, startDate: from, endDate: until, windowStart: window.0,
            windowEnd: window.1, doorNotes: nil
        ).validated(id: .init(UUID()), residentID: resident, teamID: team, today: try LocalDate("2026-01-01"))
    }

    @Test("a weekly delivery falls on its weekdays only, from the start date up to and including the end date")
    func weekdaysAndEndDate() throws {
        let delivery = try weekly(["monday", "thursday"], from: "2026-11-02", until: "2026-11-19")
        var scheduled: [String] = []
        var day = try LocalDate("2026-10-26")
        while day <= (try LocalDate("2026-11-30")) {
            if case .scheduled = delivery.occurrence(on: day) { scheduled.append(day.description) }
            day = day.adding(days: 1)
        }
        #expect(
            scheduled == ["2026-11-02", "2026-11-05", "2026-11-09", "2026-11-12", "2026-11-16", "2026-11-19"])
        #expect(delivery.isActive(on: try LocalDate("2026-11-19")))
        #expect(!delivery.isActive(on: try LocalDate("2026-11-20")))
    }

    @Test("a pause covers its first and last day; the schedule resumes the day after")
    func pauses() throws {
        var delivery = try weekly(["monday", "tuesday", "wednesday", "thursday", "friday"], from: "2026-11-02")
        delivery.pauses = [
            try DeliveryPause(
                id: .init(UUID()), from: try LocalDate("2026-11-10"), until: try LocalDate("2026-11-12"),
                reason: "Ziekenhuis")
        ]
        #expect(delivery.occurrence(on: try LocalDate("2026-11-09"))?.isScheduled == true)
        for day in ["2026-11-10", "2026-11-11", "2026-11-12"] {
            guard case .paused(let pause) = delivery.occurrence(on: try LocalDate(day)) else {
                Issue.record("\(day) should be paused")
                continue
            }
            #expect(pause.reason == "Ziekenhuis")
        }
        #expect(delivery.occurrence(on: try LocalDate("2026-11-13"))?.isScheduled == true)
        #expect(delivery.occurrence(on: try LocalDate("2026-11-14")) == nil)
        #expect(throws: ValidationError.self) {
            try DeliveryPause(
                id: .init(UUID()), from: try LocalDate("2026-11-12"), until: try LocalDate("2026-11-10"), reason: nil)
        }
    }

    @Test("the window is local time: 11:30 in Amsterdam is 10:30 UTC in winter and 09:30 UTC in summer")
    func daylightSaving() throws {
        let delivery = try weekly(["saturday", "sunday"], from: "2026-03-01")
        let utc = ISO8601DateFormatter()
        // Summer time starts on Sunday 29 March 2026 at 02:00.
        guard case .scheduled(let saturday, let saturdayEnd) = delivery.occurrence(on: try LocalDate("2026-03-28")),
            case .scheduled(let sunday, _) = delivery.occurrence(on: try LocalDate("2026-03-29")),
            case .scheduled(let october, _) = delivery.occurrence(on: try LocalDate("2026-10-25"))
        else {
            Issue.record("not scheduled")
            return
        }
        #expect(utc.string(from: saturday) == "2026-03-28T10:30:00Z")
        #expect(utc.string(from: saturdayEnd) == "2026-03-28T12:00:00Z")
        #expect(utc.string(from: sunday) == "2026-03-29T09:30:00Z")
        // Winter time returns on Sunday 25 October 2026.
        #expect(utc.string(from: october) == "2026-10-25T10:30:00Z")
        // Half past midnight in Amsterdam on 25 October is still the evening of the 24th in UTC.
        #expect(LocalDate(utc.date(from: "2026-10-24T22:30:00Z")!).description == "2026-10-25")
        #expect(try LocalDate("2026-03-29").weekday == .sunday)
        // A time that does not exist on the clock (02:30 on 29 March) moves forward, as a clock does.
        let skipped = try LocalDate("2026-03-29").moment(at: try TimeOfDay("02:30"))
        #expect(utc.string(from: skipped) == "2026-03-29T01:30:00Z")
    }

    @Test("days are counted on the calendar, across month ends, leap days and clock changes")
    func calendarArithmetic() throws {
        #expect(try LocalDate("2028-02-28").adding(days: 1).description == "2028-02-29")
        #expect(try LocalDate("2026-03-28").days(until: try LocalDate("2026-03-30")) == 2)
        #expect(try LocalDate("2026-10-31").adding(days: -7).description == "2026-10-24")
        #expect(try LocalDate("2026-11-23").weekday == .monday)
    }

    @Test("a delivery form with several mistakes reports all of them at once")
    func validation() throws {
        let input = DeliveryInput(
            kind: "pizza", schedule: "weekly", weekdays: [], startDate: "2026-11-10", endDate: "2026-11-01",
            windowStart: "13:00", windowEnd: "11:30", doorNotes: String(repeating: "x", count: 501))
        #expect {
            try input.validated(
                id: .init(UUID()), residentID: resident, teamID: team, today: try LocalDate("2026-11-01"))
        } throws: { error in
            let fields = Set((error as? ValidationError)?.problems.map(\.field) ?? [])
            return fields == ["kind", "weekdays", "endDate", "windowEnd", "doorNotes"]
        }
        let once = DeliveryInput(
            kind: "parcel", schedule: "once", weekdays: [], startDate: "2026-10-01", endDate: nil,
            windowStart: "9:00", windowEnd: "17:00", doorNotes: nil)
        #expect {
            try once.validated(
                id: .init(UUID()), residentID: resident, teamID: team, today: try LocalDate("2026-11-01"))
        } throws: { error in
            (error as? ValidationError)?.problems == [FieldProblem(field: "startDate", key: "date.inPast")]
        }
        #expect(throws: ValidationError.self) { try TimeOfDay("25:00") }
        #expect(try TimeOfDay("9.05").description == "09:05")
    }
}

@Suite("Contact moments, the out-of-view rule and day summaries")
struct ContactMomentTests {
    let now = ISO8601DateFormatter().date(from: "2026-11-23T12:00:00Z")!
    let user = User.ID(UUID())

    func input(outcome: String = "contact", recordedAt: Date? = nil, id: String? = UUID().uuidString)
        -> ContactMomentInput
    {
        ContactMomentInput(
            id: id, residentID: UUID().uuidString, stopID: nil, outcome: outcome, durationMinutes: 10, note: " Goed ",
            concern: nil, recordedAt: recordedAt)
    }

    @Test("an outcome keeps the phone's time and id, and refuses times in the future or too long ago")
    func validation() throws {
        let id = UUID().uuidString
        let moment = try input(recordedAt: now.addingTimeInterval(-3600), id: id).validated(
            newID: .init(UUID()), by: user, now: now)
        #expect(moment.id.description == id.lowercased())
        #expect(moment.recordedAt == now.addingTimeInterval(-3600))
        #expect(moment.note == "Goed")
        #expect(throws: ValidationError(field: "recordedAt", key: "contact.inFuture")) {
            try input(recordedAt: now.addingTimeInterval(3600)).validated(newID: .init(UUID()), by: user, now: now)
        }
        #expect(throws: ValidationError(field: "recordedAt", key: "contact.tooOld")) {
            try input(recordedAt: now.addingTimeInterval(-31 * 86400)).validated(
                newID: .init(UUID()), by: user, now: now)
        }
        #expect(throws: ValidationError(field: "outcome", key: "contact.outcome")) {
            try input(outcome: "maybe").validated(newID: .init(UUID()), by: user, now: now)
        }
        #expect(throws: ValidationError(field: "id", key: "id.format")) {
            try input(id: "12").validated(newID: .init(UUID()), by: user, now: now)
        }
    }

    @Test("only a conversation is a real contact; mailbox only and not at home are misses, refused is neither")
    func outcomes() {
        #expect(ContactOutcome.allCases.filter(\.isRealContact) == [.contact])
        #expect(ContactOutcome.allCases.filter(\.isMiss) == [.mailboxOnly, .notAtHome])
    }

    @Test("out of view after the team's number of days without real contact, or after enough misses in a row")
    func outOfViewRule() throws {
        let rule = try OutOfViewRule(daysWithoutContact: 14, missesInARow: 3)
        let today = try LocalDate("2026-11-23")
        let since = try LocalDate("2026-01-01")
        let thirteen = try LocalDate("2026-11-10").moment(at: try TimeOfDay("23:59"))
        let fourteen = try LocalDate("2026-11-09").moment(at: try TimeOfDay("08:00"))
        #expect(rule.reason(lastContact: thirteen, trailingMisses: 2, deliveriesSince: since, today: today) == nil)
        #expect(
            rule.reason(lastContact: fourteen, trailingMisses: 0, deliveriesSince: since, today: today)
                == .noContact(days: 14, never: false))
        #expect(
            rule.reason(lastContact: thirteen, trailingMisses: 3, deliveriesSince: since, today: today)
                == .missesInARow(3))
        // Never a contact: counted from the first delivery, so a newcomer is not out of view at once.
        #expect(
            rule.reason(lastContact: nil, trailingMisses: 0, deliveriesSince: try LocalDate("2026-11-20"), today: today)
                == nil)
        #expect(
            rule.reason(lastContact: nil, trailingMisses: 0, deliveriesSince: try LocalDate("2026-11-01"), today: today)
                == .noContact(days: 22, never: true))
        #expect(throws: ValidationError.self) { try OutOfViewRule(daysWithoutContact: 0, missesInARow: 11) }
        #expect(OutOfViewRule.standard.daysWithoutContact == 14 && OutOfViewRule.standard.missesInARow == 3)
    }

    @Test("a day summary counts outcomes, open stops, visits outside the round and minutes at doors")
    func summary() {
        let stop = RoundStop.ID(UUID())
        func moment(_ outcome: ContactOutcome, stop: RoundStop.ID?, minutes: Int?) -> ContactMoment {
            ContactMoment(
                id: .init(UUID()), residentID: .init(UUID()), stopID: stop, deliveryID: nil, outcome: outcome,
                durationMinutes: minutes, note: nil, concern: nil, recordedAt: now, recordedBy: user)
        }
        let summary = DaySummary(
            stops: 4,
            moments: [
                moment(.contact, stop: stop, minutes: 12), moment(.mailboxOnly, stop: .init(UUID()), minutes: nil),
                moment(.contact, stop: nil, minutes: 20),
            ])
        #expect(summary.stops == 4)
        #expect(summary.open == 2)
        #expect(summary.contacts == 2)
        #expect(summary.mailboxOnly == 1)
        #expect(summary.extraVisits == 1)
        #expect(summary.minutesAtDoors == 32)
    }

    @Test("street order divides stops into nearly equal contiguous parts and loses none")
    func streetOrder() {
        let parts = StreetOrderDivision.divide(Array(0..<10).reversed(), into: 3) { String(format: "%02d", $0) }
        #expect(parts == [[0, 1, 2, 3], [4, 5, 6], [7, 8, 9]])
        #expect(StreetOrderDivision.divide([1, 2], into: 3) { "\($0)" }.map(\.count) == [1, 1, 0])
    }
}

extension Delivery.Occurrence {
    var isScheduled: Bool {
        if case .scheduled = self { return true }
        return false
    }
}
