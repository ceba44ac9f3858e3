import FluentKit
import Foundation
import SQLKit
import SchakelCore

final class DeliveryRecord: Model, @unchecked Sendable {
    static let schema = "deliveries"
    @ID(key: .id) var id: UUID?
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "team_id") var teamID: UUID
    @Field(key: "kind") var kind: String
    @Field(key: "schedule") var schedule: String
    @Field(key: "weekdays") var weekdays: String
    @Field(key: "start_date") var startDate: String
    @OptionalField(key: "end_date") var endDate: String?
    @Field(key: "window_start") var windowStart: Int
    @Field(key: "window_end") var windowEnd: Int
    @OptionalField(key: "door_notes") var doorNotes: String?
    @OptionalField(key: "cancelled_at") var cancelledAt: Date?
    @Field(key: "created_at") var createdAt: Date
    @OptionalField(key: "created_by") var createdBy: UUID?

    init() {}

    init(_ delivery: Delivery, at date: Date, by user: User.ID?) {
        id = delivery.id.uuid
        createdAt = date
        createdBy = user?.uuid
        update(from: delivery)
    }

    func update(from delivery: Delivery) {
        residentID = delivery.residentID.uuid
        teamID = delivery.teamID.uuid
        kind = delivery.kind.rawValue
        switch delivery.recurrence {
        case .once(let day):
            schedule = "once"
            weekdays = ""
            startDate = day.description
            endDate = day.description
        case .weekly(let days, let from, let until):
            schedule = "weekly"
            weekdays = days.sorted().map { String($0.rawValue) }.joined(separator: ",")
            startDate = from.description
            endDate = until?.description
        }
        windowStart = delivery.windowStart.minutes
        windowEnd = delivery.windowEnd.minutes
        doorNotes = delivery.doorNotes
        cancelledAt = delivery.cancelledAt
    }

    func domain(pauses: [DeliveryPause]) throws -> Delivery {
        try Self.delivery(
            id: id!, residentID: residentID, teamID: teamID, kind: kind, schedule: schedule, weekdays: weekdays,
            startDate: startDate, endDate: endDate, windowStart: windowStart, windowEnd: windowEnd,
            doorNotes: doorNotes, cancelledAt: cancelledAt, pauses: pauses)
    }

    /// The delivery a row of `deliveries` describes, read with SQLKit rather than Fluent's model decoding
    /// (which reflects on the model for every row; a round page reads a delivery per stop).
    static func delivery(from row: any SQLRow, pauses: [DeliveryPause]) throws -> Delivery {
        try delivery(
            id: row.decode(column: "id", as: UUID.self), residentID: row.decode(column: "resident_id", as: UUID.self),
            teamID: row.decode(column: "team_id", as: UUID.self), kind: row.decode(column: "kind", as: String.self),
            schedule: row.decode(column: "schedule", as: String.self),
            weekdays: row.decode(column: "weekdays", as: String.self),
            startDate: row.decode(column: "start_date", as: String.self),
            endDate: row.decode(column: "end_date", as: String?.self),
            windowStart: row.decode(column: "window_start", as: Int.self),
            windowEnd: row.decode(column: "window_end", as: Int.self),
            doorNotes: row.decode(column: "door_notes", as: String?.self),
            cancelledAt: row.decode(column: "cancelled_at", as: Date?.self), pauses: pauses)
    }

    private static func delivery(
        id: UUID, residentID: UUID, teamID: UUID, kind: String, schedule: String, weekdays: String,
        startDate: String, endDate: String?, windowStart: Int, windowEnd: Int, doorNotes: String?, cancelledAt: Date?,
        pauses: [DeliveryPause]
    ) throws -> Delivery {
        let start = try LocalDate(startDate)
        let recurrence: Recurrence =
            schedule == "once"
            ? .once(start)
            : .weekly(
                Set(weekdays.split(separator: ",").compactMap { Int($0).flatMap(Weekday.init(rawValue:)) }),
                from: start, until: try endDate.map { try LocalDate($0) })
        return Delivery(
            id: .init(id), residentID: .init(residentID), teamID: .init(teamID),
            kind: DeliveryKind(rawValue: kind) ?? .parcel, recurrence: recurrence,
            windowStart: try TimeOfDay(minutes: windowStart), windowEnd: try TimeOfDay(minutes: windowEnd),
            doorNotes: doorNotes, pauses: pauses, cancelledAt: cancelledAt)
    }
}

final class DeliveryPauseRecord: Model, @unchecked Sendable {
    static let schema = "delivery_pauses"
    @ID(key: .id) var id: UUID?
    @Field(key: "delivery_id") var deliveryID: UUID
    @Field(key: "from_date") var fromDate: String
    @Field(key: "until_date") var untilDate: String
    @OptionalField(key: "reason") var reason: String?

    init() {}

    init(_ pause: DeliveryPause, of delivery: Delivery.ID) {
        id = pause.id.uuid
        deliveryID = delivery.uuid
        fromDate = pause.from.description
        untilDate = pause.until.description
        reason = pause.reason
    }

    func domain() throws -> DeliveryPause {
        try DeliveryPause(id: .init(id!), from: LocalDate(fromDate), until: LocalDate(untilDate), reason: reason)
    }

    static func pause(from row: any SQLRow) throws -> (delivery: UUID, pause: DeliveryPause) {
        (
            try row.decode(column: "delivery_id", as: UUID.self),
            try DeliveryPause(
                id: .init(row.decode(column: "id", as: UUID.self)),
                from: LocalDate(row.decode(column: "from_date", as: String.self)),
                until: LocalDate(row.decode(column: "until_date", as: String.self)),
                reason: row.decode(column: "reason", as: String?.self))
        )
    }
}
