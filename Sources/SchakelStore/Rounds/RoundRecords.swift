import FluentKit
import Foundation
import SQLKit
import SchakelCore

final class RoundRecord: Model, @unchecked Sendable {
    static let schema = "rounds"
    @ID(key: .id) var id: UUID?
    @Field(key: "team_id") var teamID: UUID
    @Field(key: "date") var date: String
    @Field(key: "concierge_id") var conciergeID: UUID
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ round: Round, at date: Date) {
        id = round.id.uuid
        teamID = round.teamID.uuid
        self.date = round.date.description
        conciergeID = round.conciergeID.uuid
        createdAt = date
    }

    func domain() throws -> Round {
        Round(id: .init(id!), teamID: .init(teamID), date: try LocalDate(date), conciergeID: .init(conciergeID))
    }

    /// A round and its concierge's name, read with SQLKit.
    static func round(_ id: Round.ID, on sql: any SQLDatabase) async throws -> (round: Round, conciergeName: String)? {
        guard
            let row = try await sql.raw(
                """
                SELECT r.team_id, r.date, r.concierge_id, u.display_name FROM rounds r
                LEFT JOIN users u ON u.id = r.concierge_id WHERE r.id = \(bind: id.uuid)
                """
            ).first()
        else { return nil }
        return (
            Round(
                id: id, teamID: .init(try row.decode(column: "team_id", as: UUID.self)),
                date: try LocalDate(try row.decode(column: "date", as: String.self)),
                conciergeID: .init(try row.decode(column: "concierge_id", as: UUID.self))),
            try row.decode(column: "display_name", as: String?.self) ?? ""
        )
    }
}

final class RoundStopRecord: Model, @unchecked Sendable {
    static let schema = "round_stops"
    @ID(key: .id) var id: UUID?
    @Field(key: "round_id") var roundID: UUID
    @Field(key: "position") var position: Int
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "delivery_id") var deliveryID: UUID
    @Field(key: "date") var date: String

    init() {}

    init(_ stop: RoundStop, date: LocalDate) {
        id = stop.id.uuid
        roundID = stop.roundID.uuid
        position = stop.position
        residentID = stop.residentID.uuid
        deliveryID = stop.deliveryID.uuid
        self.date = date.description
    }

    func domain() -> RoundStop {
        RoundStop(
            id: .init(id!), roundID: .init(roundID), position: position, residentID: .init(residentID),
            deliveryID: .init(deliveryID))
    }
}

final class ContactMomentRecord: Model, @unchecked Sendable {
    static let schema = "contact_moments"
    @ID(key: .id) var id: UUID?
    @Field(key: "resident_id") var residentID: UUID
    @OptionalField(key: "stop_id") var stopID: UUID?
    @OptionalField(key: "delivery_id") var deliveryID: UUID?
    @Field(key: "outcome") var outcome: String
    @OptionalField(key: "duration_minutes") var durationMinutes: Int?
    @OptionalField(key: "note") var note: String?
    @OptionalField(key: "concern") var concern: String?
    @OptionalField(key: "concern_closed_at") var concernClosedAt: Date?
    @Field(key: "recorded_at_ms") var recordedAtMs: Int64
    @Field(key: "day") var day: String
    @Field(key: "recorded_by") var recordedBy: UUID
    @Field(key: "received_at") var receivedAt: Date
    @OptionalField(key: "corrects_id") var corrects: UUID?
    @OptionalField(key: "corrected_by") var correctedBy: UUID?

    init() {}

    init(_ moment: ContactMoment, receivedAt: Date) {
        id = moment.id.uuid
        residentID = moment.residentID.uuid
        stopID = moment.stopID?.uuid
        deliveryID = moment.deliveryID?.uuid
        outcome = moment.outcome.rawValue
        durationMinutes = moment.durationMinutes
        note = moment.note
        concern = moment.concern
        recordedAtMs = moment.recordedAt.millisecondsSince1970
        day = LocalDate(moment.recordedAt).description
        recordedBy = moment.recordedBy.uuid
        self.receivedAt = receivedAt
        corrects = moment.corrects?.uuid
        correctedBy = moment.correctedBy?.uuid
    }

    /// The moments a query over `contact_moments` returned, read with SQLKit rather than Fluent's
    /// reflecting model decoding (a round page and a day summary read many).
    static func moments(_ query: SQLSelectBuilder) async throws -> [ContactMoment] {
        try await query.columns(
            "id", "resident_id", "stop_id", "delivery_id", "outcome", "duration_minutes", "note", "concern",
            "recorded_at_ms", "recorded_by", "corrects_id", "corrected_by"
        )
        .all().map { row in
            ContactMoment(
                id: .init(try row.decode(column: "id", as: UUID.self)),
                residentID: .init(try row.decode(column: "resident_id", as: UUID.self)),
                stopID: try row.decode(column: "stop_id", as: UUID?.self).map { .init($0) },
                deliveryID: try row.decode(column: "delivery_id", as: UUID?.self).map { .init($0) },
                outcome: ContactOutcome(rawValue: try row.decode(column: "outcome", as: String.self)) ?? .contact,
                durationMinutes: try row.decode(column: "duration_minutes", as: Int?.self),
                note: try row.decode(column: "note", as: String?.self),
                concern: try row.decode(column: "concern", as: String?.self),
                recordedAt: Date(millisecondsSince1970: try row.decode(column: "recorded_at_ms", as: Int64.self)),
                recordedBy: .init(try row.decode(column: "recorded_by", as: UUID.self)),
                corrects: try row.decode(column: "corrects_id", as: UUID?.self).map { .init($0) },
                correctedBy: try row.decode(column: "corrected_by", as: UUID?.self).map { .init($0) })
        }
    }

    /// One stored moment, if its id is known.
    static func moment(_ id: ContactMoment.ID, on sql: any SQLDatabase) async throws -> ContactMoment? {
        try await moments(sql.select().from(schema).where("id", .equal, SQLBind(id.uuid))).first
    }

    /// Inserts a moment in one plain statement (no reflection over the model on the outcome's hot path).
    static func insert(_ moment: ContactMoment, receivedAt: Date, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO contact_moments (id, resident_id, stop_id, delivery_id, outcome, duration_minutes, note, \
            concern, recorded_at_ms, day, recorded_by, received_at, corrects_id) VALUES (\(bind: moment.id.uuid), \
            \(bind: moment.residentID.uuid), \(bind: moment.stopID?.uuid), \(bind: moment.deliveryID?.uuid), \
            \(bind: moment.outcome.rawValue), \(bind: moment.durationMinutes), \(bind: moment.note), \
            \(bind: moment.concern), \(bind: moment.recordedAt.millisecondsSince1970), \
            \(bind: LocalDate(moment.recordedAt).description), \(bind: moment.recordedBy.uuid), \(bind: receivedAt), \
            \(bind: moment.corrects?.uuid))
            """
        ).run()
    }

    func domain() -> ContactMoment {
        ContactMoment(
            id: .init(id!), residentID: .init(residentID), stopID: stopID.map { .init($0) },
            deliveryID: deliveryID.map { .init($0) }, outcome: ContactOutcome(rawValue: outcome) ?? .contact,
            durationMinutes: durationMinutes, note: note, concern: concern,
            recordedAt: Date(millisecondsSince1970: recordedAtMs), recordedBy: .init(recordedBy),
            corrects: corrects.map { .init($0) }, correctedBy: correctedBy.map { .init($0) })
    }
}
