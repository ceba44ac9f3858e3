import Foundation

/// A service as Schakel's own forms and demo describe it, written out as an HSDS 3.0 `service_full` document.
public struct ServiceDraft: Sendable, Equatable {
    public struct Place: Sendable, Equatable {
        public var name: String
        public var street: String
        public var postcode: String
        public var city: String
        public var latitude: Double?
        public var longitude: Double?

        public init(
            name: String, street: String, postcode: String, city: String, latitude: Double?, longitude: Double?
        ) {
            self.name = name
            self.street = street
            self.postcode = postcode
            self.city = city
            self.latitude = latitude
            self.longitude = longitude
        }
    }

    /// An opening on weekdays (`MO`, `TU` …) between two local times.
    public struct Opening: Sendable, Equatable {
        public var days: [Weekday]
        public var opens: TimeOfDay
        public var closes: TimeOfDay

        public init(days: [Weekday], opens: TimeOfDay, closes: TimeOfDay) {
            self.days = days
            self.opens = opens
            self.closes = closes
        }
    }

    public var id: UUID
    public var name: String
    public var description: String
    public var organizationID: UUID
    public var organizationName: String
    public var organizationDescription: String
    public var applicationProcess: String?
    public var eligibility: String?
    /// Nil when free.
    public var costEuros: Double?
    public var phone: String?
    public var email: String?
    public var url: String?
    public var languages: [String]
    public var terms: [MapService.Term]
    public var place: Place?
    public var openings: [Opening]
    public var lastChecked: LocalDate?
    public var ownerEmail: String?
    public var status: String

    public init(
        id: UUID, name: String, description: String, organizationID: UUID, organizationName: String,
        organizationDescription: String, applicationProcess: String? = nil, eligibility: String? = nil,
        costEuros: Double? = nil, phone: String? = nil, email: String? = nil, url: String? = nil,
        languages: [String] = ["nl"], terms: [MapService.Term] = [], place: Place? = nil, openings: [Opening] = [],
        lastChecked: LocalDate? = nil, ownerEmail: String? = nil, status: String = "active"
    ) {
        self.id = id
        self.name = name
        self.description = description
        self.organizationID = organizationID
        self.organizationName = organizationName
        self.organizationDescription = organizationDescription
        self.applicationProcess = applicationProcess
        self.eligibility = eligibility
        self.costEuros = costEuros
        self.phone = phone
        self.email = email
        self.url = url
        self.languages = languages
        self.terms = terms
        self.place = place
        self.openings = openings
        self.lastChecked = lastChecked
        self.ownerEmail = ownerEmail
        self.status = status
    }

    public static let languageNames: [String: String] = [
        "nl": "Nederlands", "en": "Engels", "tr": "Turks", "ar": "Arabisch", "pl": "Pools", "ber": "Berbers",
        "uk": "Oekraïens", "so": "Somalisch", "ti": "Tigrinya", "fy": "Fries",
    ]
    static let dayNames: [Weekday: String] = [
        .monday: "maandag", .tuesday: "dinsdag", .wednesday: "woensdag", .thursday: "donderdag", .friday: "vrijdag",
        .saturday: "zaterdag", .sunday: "zondag",
    ]
    static let dayCodes: [Weekday: String] = Dictionary(
        uniqueKeysWithValues: OpeningHours.dayCodes.map { ($0.value, $0.key) })

    /// Ids of the parts are derived from the service id, so writing the same draft twice gives the same document.
    private func partID(_ part: String) -> JSONValue {
        .string(UUID.derived(from: id, part).uuidString.lowercased())
    }

    public func document() -> JSONValue {
        var service: [String: JSONValue] = [
            "id": .string(id.uuidString.lowercased()), "name": .string(name), "description": .string(description),
            "status": .string(status),
        ]
        service["application_process"] = applicationProcess.map(JSONValue.string)
        service["eligibility_description"] = eligibility.map(JSONValue.string)
        service["email"] = email.map(JSONValue.string)
        service["url"] = url.map(JSONValue.string)
        service["assured_date"] = lastChecked.map { .string($0.description) }
        service["assurer_email"] = ownerEmail.map(JSONValue.string)
        service["fees_description"] = .string(
            costEuros.map { String(format: "€ %.2f per keer", $0).replacingOccurrences(of: ".", with: ",") }
                ?? "Gratis")
        service["cost_options"] = .array([
            .object([
                "id": partID("cost"), "amount": costEuros.map(JSONValue.double) ?? .int(0), "currency": .string("EUR"),
                "option": .string(costEuros == nil ? "Gratis" : "Per keer"),
            ])
        ])
        service["languages"] = .array(
            languages.map { code in
                .object([
                    "id": partID("language-\(code)"), "code": .string(code),
                    "name": .string(Self.languageNames[code] ?? code),
                ])
            })
        service["phones"] = phone.map {
            .array([.object(["id": partID("phone"), "number": .string($0), "type": .string("voice")])])
        }
        service["organization"] = .object([
            "id": .string(organizationID.uuidString.lowercased()), "name": .string(organizationName),
            "description": .string(organizationDescription),
        ])
        service["attributes"] = .array(
            terms.map { term in
                .object([
                    "id": partID("attribute-\(term.id)"), "link_type": .string("service_type"),
                    "link_entity": .string("service"), "value": .string(term.name),
                    "taxonomy_term": DutchTaxonomy.terms.contains(term)
                        ? DutchTaxonomy.document(term)
                        : .object([
                            "id": .string(term.id), "name": .string(term.name), "description": .string(term.name),
                        ]),
                ])
            })
        let schedules: [JSONValue] = openings.enumerated().map { index, opening in
            let days = opening.days.sorted()
            return .object([
                "id": partID("schedule-\(index)"), "freq": .string("WEEKLY"),
                "byday": .string(days.compactMap { Self.dayCodes[$0] }.joined(separator: ",")),
                "opens_at": .string("\(opening.opens):00"), "closes_at": .string("\(opening.closes):00"),
                "description": .string(
                    days.compactMap { Self.dayNames[$0] }.joined(separator: ", ")
                        + " \(opening.opens)–\(opening.closes)"
                ),
            ])
        }
        if let place {
            var location: [String: JSONValue] = [
                "id": partID("location"), "location_type": .string("physical"), "name": .string(place.name),
                "addresses": .array([
                    .object([
                        "id": partID("address"), "address_1": .string(place.street), "city": .string(place.city),
                        "state_province": .string("Utrecht"), "postal_code": .string(place.postcode),
                        "country": .string("NL"), "address_type": .string("physical"),
                    ])
                ]),
            ]
            location["latitude"] = place.latitude.map(JSONValue.double)
            location["longitude"] = place.longitude.map(JSONValue.double)
            var at: [String: JSONValue] = ["id": partID("service-at-location"), "location": .object(location)]
            if !schedules.isEmpty { at["schedules"] = .array(schedules) }
            service["service_at_locations"] = .array([.object(at)])
        } else if !schedules.isEmpty {
            service["schedules"] = .array(schedules)
        }
        // Empty lists are left out, as the tabular form cannot tell them from missing ones.
        return .object(service.filter { $0.value != .array([]) })
    }
}

extension UUID {
    /// A stable id for a named part of the thing with id `base`: the same on every run (FNV-1a mixing, not secret).
    public static func derived(from base: UUID, _ part: String) -> UUID {
        var bytes = Array(withUnsafeBytes(of: base.uuid) { Data($0) })
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes + Array(part.utf8) {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
        }
        for index in 0..<16 {
            hash = (hash ^ UInt64(index)) &* 0x100_0000_01b3
            bytes[index] ^= UInt8(truncatingIfNeeded: hash >> 24)
        }
        bytes[6] = (bytes[6] & 0x0f) | 0x50
        bytes[8] = (bytes[8] & 0x3f) | 0x80
        return UUID(
            uuid: (
                bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7], bytes[8], bytes[9],
                bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]
            ))
    }
}
