import FluentKit
import Foundation
import SQLKit
import SchakelCore

final class AddressRecord: Model, @unchecked Sendable {
    static let schema = "addresses"
    @ID(key: .id) var id: UUID?
    @Field(key: "address_key") var addressKey: String
    @Field(key: "postcode") var postcode: String
    @Field(key: "house_number") var houseNumber: Int
    @OptionalField(key: "house_letter") var houseLetter: String?
    @OptionalField(key: "house_number_addition") var addition: String?
    @Field(key: "street") var street: String
    @Field(key: "place") var place: String
    @OptionalField(key: "latitude") var latitude: Double?
    @OptionalField(key: "longitude") var longitude: Double?
    @OptionalField(key: "buurt_code") var buurtCode: String?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ address: Address, at date: Date) {
        id = address.id.uuid
        createdAt = date
        update(from: address, at: date)
    }

    func update(from address: Address, at date: Date) {
        addressKey = Self.key(address.postcode, address.houseNumber)
        postcode = address.postcode.value
        houseNumber = address.houseNumber.number
        houseLetter = address.houseNumber.letter
        addition = address.houseNumber.addition
        street = address.street
        place = address.place
        latitude = address.coordinate?.latitude
        longitude = address.coordinate?.longitude
        buurtCode = address.buurtCode?.description
        updatedAt = date
    }

    /// The identity of an address: one record per postcode and full house number.
    static func key(_ postcode: Postcode, _ number: HouseNumber) -> String {
        [postcode.value, String(number.number), number.letter ?? "", number.addition ?? ""].joined(separator: "|")
    }

    func domain() throws -> Address {
        try Address(
            id: .init(id!), postcode: Postcode(postcode),
            houseNumber: HouseNumber(number: houseNumber, letter: houseLetter, addition: addition),
            street: street, place: place,
            coordinate: try latitude.flatMap { lat in try longitude.map { try Coordinate(latitude: lat, longitude: $0) }
            },
            buurtCode: try buurtCode.map { try AreaCode($0) })
    }
}

final class HouseholdRecord: Model, @unchecked Sendable {
    static let schema = "households"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "address_id") var addressID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ household: Household, at date: Date) {
        id = household.id.uuid
        name = household.name
        addressID = household.addressID?.uuid
        createdAt = date
    }

    func domain() throws -> Household {
        try Household(id: .init(id!), name: name, addressID: addressID.map { .init($0) })
    }
}

final class ResidentRecord: Model, @unchecked Sendable {
    static let schema = "residents"
    @ID(key: .id) var id: UUID?
    @Field(key: "given_name") var givenName: String
    @Field(key: "family_name") var familyName: String
    @Field(key: "name_key") var nameKey: String
    @OptionalField(key: "date_of_birth") var dateOfBirth: String?
    @OptionalField(key: "address_id") var addressID: UUID?
    @OptionalField(key: "household_id") var householdID: UUID?
    @OptionalField(key: "phone") var phone: String?
    @OptionalField(key: "preferred_language") var preferredLanguage: String?
    @Field(key: "contact_channels") var contactChannels: String
    @OptionalField(key: "contact_note") var contactNote: String?
    @OptionalField(key: "door_notes") var doorNotes: String?
    @OptionalField(key: "responsible_team_id") var responsibleTeamID: UUID?
    @Field(key: "created_at") var createdAt: Date
    @Field(key: "updated_at") var updatedAt: Date

    init() {}

    init(_ resident: Resident, at date: Date) {
        id = resident.id.uuid
        createdAt = date
        update(from: resident, at: date)
    }

    func update(from resident: Resident, at date: Date) {
        givenName = resident.givenName
        familyName = resident.familyName
        nameKey = resident.nameKey
        dateOfBirth = resident.dateOfBirth?.description
        addressID = resident.addressID?.uuid
        householdID = resident.householdID?.uuid
        phone = resident.phone?.value
        preferredLanguage = resident.preferredLanguage
        contactChannels = resident.contactChannels.map(\.rawValue).joined(separator: ",")
        contactNote = resident.contactNote
        doorNotes = resident.doorNotes
        responsibleTeamID = resident.responsibleTeamID?.uuid
        updatedAt = date
    }

    func domain() throws -> Resident {
        Resident(
            id: .init(id!), givenName: givenName, familyName: familyName,
            dateOfBirth: try dateOfBirth.map { try LocalDate($0) }, addressID: addressID.map { .init($0) },
            householdID: householdID.map { .init($0) }, phone: try phone.map { try PhoneNumber($0) },
            preferredLanguage: preferredLanguage,
            contactChannels: contactChannels.split(separator: ",").compactMap { ContactChannel(rawValue: String($0)) },
            contactNote: contactNote, doorNotes: doorNotes, responsibleTeamID: responsibleTeamID.map { .init($0) })
    }
}

final class ConsentRecord: Model, @unchecked Sendable {
    static let schema = "consents"
    @ID(key: .id) var id: UUID?
    @Field(key: "resident_id") var residentID: UUID
    /// The resident's own words; for a consent from before the fixed list, its purpose as written.
    @Field(key: "purpose") var purpose: String
    /// The purpose from the fixed list; NULL for a consent from before it (read as `other`).
    @OptionalField(key: "purpose_code") var purposeCode: String?
    @OptionalField(key: "recorded_how") var recordedHow: String?
    @Field(key: "organisation_ids") var organisationIDs: String
    @Field(key: "given_at") var givenAt: Date
    @Field(key: "recorded_by") var recordedBy: UUID
    @OptionalField(key: "withdrawn_at") var withdrawnAt: Date?
    @OptionalField(key: "withdrawn_by") var withdrawnBy: UUID?

    init() {}

    init(_ consent: Consent) {
        id = consent.id.uuid
        residentID = consent.residentID.uuid
        purpose = consent.note ?? ""
        purposeCode = consent.purpose == .other ? nil : consent.purpose.rawValue
        recordedHow = consent.recording?.rawValue
        organisationIDs = consent.organisationIDs.map(\.description).joined(separator: ",")
        givenAt = consent.givenAt
        recordedBy = consent.recordedBy.uuid
        withdrawnAt = consent.withdrawnAt
        withdrawnBy = consent.withdrawnBy?.uuid
    }

    func domain() throws -> Consent {
        try Consent(
            id: .init(id!), residentID: .init(residentID),
            purpose: purposeCode.flatMap(ConsentPurpose.init(rawValue:)) ?? .other, note: purpose.nonEmpty,
            recording: recordedHow.flatMap(ConsentRecording.init(rawValue:)),
            organisationIDs: organisationIDs.split(separator: ",").compactMap { Organisation.ID(String($0)) },
            givenAt: givenAt, recordedBy: .init(recordedBy), withdrawnAt: withdrawnAt,
            withdrawnBy: withdrawnBy.map { .init($0) })
    }
}

final class TimelineEventRecord: Model, @unchecked Sendable {
    static let schema = "timeline_events"
    @ID(key: .id) var id: UUID?
    @Field(key: "resident_id") var residentID: UUID
    @Field(key: "at") var at: Date
    @Field(key: "kind") var kind: String
    @OptionalField(key: "actor_id") var actorID: UUID?
    @OptionalField(key: "detail") var detail: String?

    init() {}

    init(_ event: TimelineEvent) {
        id = event.id.uuid
        residentID = event.residentID.uuid
        at = event.at
        kind = event.kind
        actorID = event.actorID?.uuid
        detail = event.detail
    }

    /// Inserts an event in one plain statement (no reflection over the model on hot paths).
    static func insert(_ event: TimelineEvent, on sql: any SQLDatabase) async throws {
        try await sql.raw(
            """
            INSERT INTO timeline_events (id, resident_id, at, kind, actor_id, detail) VALUES (\(bind: event.id.uuid), \
            \(bind: event.residentID.uuid), \(bind: event.at), \(bind: event.kind), \(bind: event.actorID?.uuid), \
            \(bind: event.detail))
            """
        ).run()
    }

    func domain() -> TimelineEvent {
        TimelineEvent(
            id: .init(id!), residentID: .init(residentID), at: at, kind: kind, actorID: actorID.map { .init($0) },
            detail: detail)
    }
}
