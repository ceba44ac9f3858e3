import Foundation
import SchakelCore
import SchakelStore

/// Conversions between the domain and the generated wire types of the API.
enum Wire {
    static func paging<T>(_ page: Paged<T>) -> Components.Schemas.PageInfo {
        .init(page: page.page, perPage: page.perPage, total: page.total, pageCount: page.pageCount)
    }

    static func neighbourhood(_ n: Neighbourhood) -> Components.Schemas.Neighbourhood {
        .init(
            id: n.id.description, code: n.code.description, level: .init(rawValue: n.level.rawValue)!, name: n.name,
            year: n.year)
    }

    static func address(_ a: Address) -> Components.Schemas.Address {
        .init(
            id: a.id.description, postcode: a.postcode.value, houseNumber: a.houseNumber.number,
            houseLetter: a.houseNumber.letter,
            houseNumberAddition: a.houseNumber.addition, street: a.street, place: a.place,
            latitude: a.coordinate?.latitude,
            longitude: a.coordinate?.longitude, buurtCode: a.buurtCode?.description, display: a.singleLine)
    }

    static func addressInput(_ body: Components.Schemas.AddressInput) -> AddressInput {
        AddressInput(
            postcode: body.postcode, houseNumber: String(body.houseNumber), houseLetter: body.houseLetter,
            houseNumberAddition: body.houseNumberAddition, street: body.street, place: body.place,
            latitude: body.latitude.map { String($0) }, longitude: body.longitude.map { String($0) },
            buurtCode: body.buurtCode)
    }

    static func residentID(_ text: String) throws -> Resident.ID {
        guard let id = Resident.ID(text) else { throw DomainError.notFound(kind: "resident") }
        return id
    }

    static func residentInput(_ body: Components.Schemas.ResidentInput) -> ResidentInput {
        ResidentInput(
            givenName: body.givenName, familyName: body.familyName, dateOfBirth: body.dateOfBirth,
            addressID: body.addressId,
            phone: body.phone, preferredLanguage: body.preferredLanguage,
            contactChannels: (body.contactChannels ?? []).map(\.rawValue), contactNote: body.contactNote,
            doorNotes: body.doorNotes)
    }

    static func summary(_ s: ResidentSummary) -> Components.Schemas.ResidentSummary {
        .init(id: s.id.description, name: s.fullName, address: s.addressLine, dateOfBirth: s.dateOfBirth?.description)
    }

    static func file(_ f: ResidentFile) -> Components.Schemas.ResidentFile {
        let r = f.resident
        return .init(
            id: r.id.description, view: f.view == .full ? .full : .basic, givenName: r.givenName,
            familyName: r.familyName,
            dateOfBirth: r.dateOfBirth?.description, address: f.address.map(address), phone: r.phone?.value,
            preferredLanguage: r.preferredLanguage, contactChannels: r.contactChannels.map(\.rawValue),
            contactNote: r.contactNote,
            doorNotes: r.doorNotes, householdId: r.householdID?.description,
            householdMembers: f.householdMembers.map(summary),
            consents: f.consents.map(consent), canEdit: f.canEdit)
    }

    static func consent(_ c: Consent) -> Components.Schemas.Consent {
        .init(
            id: c.id.description, purpose: enumValue(c.purpose), note: c.note,
            recording: c.recording.map(enumValue), organisationIds: c.organisationIDs.map(\.description),
            givenAt: c.givenAt,
            recordedBy: c.recordedBy.description, withdrawnAt: c.withdrawnAt, withdrawnBy: c.withdrawnBy?.description)
    }

    static func event(_ e: TimelineEvent) -> Components.Schemas.TimelineEvent {
        .init(id: e.id.description, at: e.at, kind: e.kind, actorId: e.actorID?.description, detail: e.detail)
    }

    static func household(_ h: Household, members: [ResidentSummary]) -> Components.Schemas.HouseholdWithMembers {
        .init(id: h.id.description, name: h.name, addressId: h.addressID?.description, members: members.map(summary))
    }
}
