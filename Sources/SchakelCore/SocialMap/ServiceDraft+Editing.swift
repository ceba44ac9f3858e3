import Foundation

extension ServiceDraft {
    /// The draft a form starts from when a service is changed: what Schakel's form can show of its document.
    public init(_ service: MapService) {
        let document = service.document
        let firstAt = document["service_at_locations"]?.items.first
        let location = firstAt?["location"]
        let address = location?["addresses"]?.items.first
        var place: Place?
        if let location, !location.isNull {
            place = Place(
                name: location["name"]?.text ?? "", street: address?["address_1"]?.text ?? "",
                postcode: address?["postal_code"]?.text ?? "", city: address?["city"]?.text ?? "Amersfoort",
                latitude: location["latitude"]?.double, longitude: location["longitude"]?.double)
        }
        let schedules = (firstAt?["schedules"]?.items ?? []) + (document["schedules"]?.items ?? [])
        let openings = schedules.compactMap { schedule -> Opening? in
            guard schedule["freq"]?.text.map({ ["WEEKLY", "DAILY"].contains($0.uppercased()) }) ?? true,
                let opens = OpeningHours.minutes(schedule["opens_at"]?.text),
                let closes = OpeningHours.minutes(schedule["closes_at"]?.text)
            else { return nil }
            let codes = (schedule["byday"]?.text ?? "").uppercased().split(separator: ",").map {
                $0.trimmingCharacters(in: .whitespaces)
            }
            let days = codes.isEmpty ? Weekday.allCases : codes.compactMap { OpeningHours.dayCodes[$0] }
            guard let from = try? TimeOfDay(minutes: opens), let until = try? TimeOfDay(minutes: closes % 1440) else {
                return nil
            }
            return Opening(days: days, opens: from, closes: until)
        }
        let paid = (document["cost_options"]?.items ?? []).compactMap { $0["amount"]?.double }.filter { $0 > 0 }
        self.init(
            id: service.id.uuid, name: service.name, description: service.description ?? "",
            organizationID: service.organizationID.flatMap(UUID.init(uuidString:)) ?? UUID(),
            organizationName: service.organizationName ?? "",
            organizationDescription: document["organization"]?["description"]?.text ?? "",
            applicationProcess: service.applicationProcess, eligibility: service.eligibility, costEuros: paid.first,
            phone: service.phones.first, email: service.email, url: service.url, languages: service.languages,
            terms: service.terms, place: place, openings: openings, lastChecked: service.lastChecked,
            ownerEmail: service.ownerEmail, status: service.status)
    }

    /// The existing document with what the form holds written over it: fields the form does not know (contacts,
    /// funding, other locations, metadata …) stay as they were.
    public func merged(into existing: JSONValue) -> JSONValue {
        let fresh = document()
        guard existing.fields != nil else { return fresh }
        var result = existing
        for key in [
            "name", "description", "status", "application_process", "eligibility_description", "email", "url",
            "fees_description", "cost_options", "languages", "phones", "attributes", "assured_date", "assurer_email",
        ] {
            result[key] = fresh[key]
        }
        // The organisation: its id, name and description from the form, the rest as it was.
        var organization = existing["organization"] ?? .object([:])
        if organization.fields == nil { organization = .object([:]) }
        for key in ["id", "name", "description"] { organization[key] = fresh["organization"]?[key] }
        result["organization"] = organization
        guard let freshAt = fresh["service_at_locations"]?.items.first else {
            result["schedules"] = fresh["schedules"]
            return result
        }
        var locations = existing["service_at_locations"]?.items ?? []
        if locations.isEmpty {
            locations = [freshAt]
        } else {
            var first = locations[0]
            var location = first["location"] ?? .object([:])
            if location.fields == nil { location = .object([:]) }
            let freshLocation = freshAt["location"]!
            for key in ["name", "latitude", "longitude", "location_type"] { location[key] = freshLocation[key] }
            if location["id"]?.text == nil { location["id"] = freshLocation["id"] }
            var addresses = location["addresses"]?.items ?? []
            let freshAddress = freshLocation["addresses"]!.items[0]
            if addresses.isEmpty {
                addresses = [freshAddress]
            } else {
                for key in ["address_1", "city", "postal_code", "state_province", "country", "address_type"] {
                    addresses[0][key] = freshAddress[key]
                }
            }
            location["addresses"] = .array(addresses)
            first["location"] = location
            first["schedules"] = freshAt["schedules"]
            locations[0] = first
        }
        result["service_at_locations"] = .array(locations)
        return result
    }
}
