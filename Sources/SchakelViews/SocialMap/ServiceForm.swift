import Foundation
import SchakelCore

/// The service form as posted: every field text, so what was typed comes back when something is wrong.
public struct ServiceForm: Codable, Sendable {
    public var name: String?
    public var description: String?
    /// An organisation of the map, or `new` with a name and description.
    public var organizationID: String?
    public var organizationName: String?
    public var organizationDescription: String?
    public var terms: [String]?
    public var placeName: String?
    public var street: String?
    public var postcode: String?
    public var city: String?
    public var days1: [String]?
    public var opens1: String?
    public var closes1: String?
    public var days2: [String]?
    public var opens2: String?
    public var closes2: String?
    public var languages: [String]?
    /// Euros per time; empty is free.
    public var cost: String?
    public var applicationProcess: String?
    public var eligibility: String?
    public var phone: String?
    public var email: String?
    public var url: String?
    public var status: String?
    public var acceptsReferrals: String?
    public var waitWeeks: String?
    /// Working days to answer a referral, and after acceptance to first contact (empty: 5 and 10).
    public var responseDays: String?
    public var contactDays: String?
    /// The organisation in Schakel whose people answer the referrals to this provider's services.
    public var answeringOrganisationID: String?
    public var ownerID: String?

    public init() {}

    /// The form filled from a stored service.
    public init(_ hit: MapHit) {
        let draft = ServiceDraft(hit.service)
        name = draft.name
        description = draft.description
        organizationID = hit.service.organizationID
        terms = draft.terms.map(\.id)
        placeName = draft.place?.name
        street = draft.place?.street
        postcode = draft.place?.postcode
        city = draft.place?.city ?? "Amersfoort"
        let openings = draft.openings
        if let first = openings.first {
            days1 = first.days.map(\.key)
            opens1 = first.opens.description
            closes1 = first.closes.description
        }
        if openings.count > 1 {
            days2 = openings[1].days.map(\.key)
            opens2 = openings[1].opens.description
            closes2 = openings[1].closes.description
        }
        languages = draft.languages
        cost = draft.costEuros.map { String(format: "%.2f", $0).replacingOccurrences(of: ".", with: ",") }
        applicationProcess = draft.applicationProcess
        eligibility = draft.eligibility
        phone = draft.phone
        email = draft.email
        url = draft.url
        status = draft.status
        acceptsReferrals = hit.acceptsReferrals ? "on" : nil
        waitWeeks = hit.waitWeeks.map(String.init)
        responseDays = hit.terms.map { String($0.responseDays) }
        contactDays = hit.terms.map { String($0.contactDays) }
        ownerID = hit.owner?.description
    }

    /// The checked draft and upkeep; every problem at once.
    public func draft(
        id: UUID, organizations: [(id: UUID, name: String, description: String?)], terms known: [MapService.Term]
    ) throws -> (ServiceDraft, Upkeep) {
        var validator = Validator()
        func text(_ value: String?, _ field: String, required: Bool = false, max: Int = 2000) -> String? {
            let value = value?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
            if required && value == nil { validator.add(field, "required") }
            if let value, value.count > max { validator.add(field, "tooLong") }
            return value
        }
        let name = text(name, "name", required: true, max: 200)
        let description = text(description, "description", required: true)
        var organization: (UUID, String, String)?
        if organizationID == "new" || organizations.isEmpty {
            let orgName = text(organizationName, "organizationName", required: true, max: 200)
            let orgDescription = text(organizationDescription, "organizationDescription", required: true)
            if let orgName, let orgDescription {
                organization = (
                    organizations.first { $0.name.lowercased() == orgName.lowercased() }?.id ?? UUID(), orgName,
                    orgDescription
                )
            }
        } else if let found = organizations.first(where: {
            $0.id.uuidString.lowercased() == organizationID?.lowercased()
        }) {
            organization = (found.id, found.name, found.description ?? found.name)
        } else {
            validator.add("organizationID", "required")
        }
        var place: ServiceDraft.Place?
        if let street = text(street, "street", max: 200) {
            let code = validator.check("postcode") { try Postcode(postcode ?? "") }
            place = ServiceDraft.Place(
                name: text(placeName, "placeName", max: 200) ?? street, street: street,
                postcode: code?.description ?? "", city: text(city, "city", max: 100) ?? "Amersfoort", latitude: nil,
                longitude: nil)
        } else if postcode?.nonEmpty != nil {
            validator.add("street", "required")
        }
        var openings: [ServiceDraft.Opening] = []
        for (index, (days, opens, closes)) in [(days1, opens1, closes1), (days2, opens2, closes2)].enumerated() {
            let suffix = "\(index + 1)"
            let chosen = (days ?? []).compactMap(Weekday.init(key:))
            guard opens?.nonEmpty != nil || closes?.nonEmpty != nil || !chosen.isEmpty else { continue }
            let from = validator.check("opens" + suffix) { try TimeOfDay(opens ?? "") }
            let until = validator.check("closes" + suffix) { try TimeOfDay(closes ?? "") }
            if chosen.isEmpty { validator.add("days" + suffix, "map.chooseDays") }
            if let from, let until, !chosen.isEmpty { openings.append(.init(days: chosen, opens: from, closes: until)) }
        }
        var costEuros: Double?
        if let cost = cost?.trimmingCharacters(in: .whitespaces).nonEmpty {
            let number = Double(
                cost.replacingOccurrences(of: "€", with: "").replacingOccurrences(of: ",", with: ".")
                    .trimmingCharacters(in: .whitespaces))
            if let number, (0...1000).contains(number) {
                costEuros = number > 0 ? number : nil
            } else {
                validator.add("cost", "map.cost")
            }
        }
        let email = text(email, "email", max: 200)
        if let email, !email.contains("@") || email.contains(" ") { validator.add("email", "map.email") }
        let url = text(url, "url", max: 500)
        if let url, !(url.hasPrefix("https://") || url.hasPrefix("http://")) { validator.add("url", "map.url") }
        let status = status ?? "active"
        if !MapService.statuses.contains(status) { validator.add("status", "invalid") }
        var weeks: Int?
        if let text = waitWeeks?.trimmingCharacters(in: .whitespaces).nonEmpty {
            weeks = Int(text)
            if weeks.map({ !(0...104).contains($0) }) ?? true { validator.add("waitWeeks", "map.waitWeeks") }
        }
        var referralTerms: ReferralTerms?
        let response = responseDays?.trimmingCharacters(in: .whitespaces).nonEmpty
        let contact = contactDays?.trimmingCharacters(in: .whitespaces).nonEmpty
        if response != nil || contact != nil {
            let responseNumber = response.map { Int($0) } ?? ReferralTerms.standard.responseDays
            let contactNumber = contact.map { Int($0) } ?? ReferralTerms.standard.contactDays
            if responseNumber == nil { validator.add("responseDays", "referral.daysRange") }
            if contactNumber == nil { validator.add("contactDays", "referral.daysRange") }
            if let responseNumber, let contactNumber {
                referralTerms = validator.run {
                    try ReferralTerms(responseDays: responseNumber, contactDays: contactNumber)
                }
            }
        }
        let owner = ownerID?.nonEmpty.flatMap(User.ID.init)
        let chosenTerms = known.filter { (terms ?? []).contains($0.id) }
        try validator.finish()
        let draft = ServiceDraft(
            id: id, name: name!, description: description!, organizationID: organization!.0,
            organizationName: organization!.1, organizationDescription: organization!.2,
            applicationProcess: text(applicationProcess, "applicationProcess"),
            eligibility: text(eligibility, "eligibility"), costEuros: costEuros, phone: text(phone, "phone", max: 50),
            email: email, url: url, languages: (languages ?? []).filter { ServiceDraft.languageNames[$0] != nil },
            terms: chosenTerms, place: place, openings: openings, status: status)
        return (
            draft,
            Upkeep(owner: owner, acceptsReferrals: acceptsReferrals == "on", waitWeeks: weeks, terms: referralTerms)
        )
    }
}
