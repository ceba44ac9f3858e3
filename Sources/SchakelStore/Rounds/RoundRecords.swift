import FluentKit
import Foundation
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
    }

    func domain() -> ContactMoment {
        ContactMoment(
            id: .init(id!), residentID: .init(residentID), stopID: stopID.map { .init($0) },
            deliveryID: deliveryID.map { .init($0) }, outcome: ContactOutcome(rawValue: outcome) ?? .contact,
            durationMinutes: durationMinutes, note: note, concern: concern,
            recordedAt: Date(millisecondsSince1970: recordedAtMs), recordedBy: .init(recordedBy))
    }
}
