import Foundation

/// A service of the social map: the HSDS 3.0 `service_full` document as it was given (the source of truth,
/// exported unchanged) and what Schakel reads from it for search, filters and pages.
public struct MapService: Sendable, Equatable, Identifiable {
    public typealias ID = EntityID<MapService>

    /// A location where the service is offered.
    public struct Place: Sendable, Equatable {
        public var name: String?
        public var addressLine: String?
        public var postcode: String?
        public var latitude: Double?
        public var longitude: Double?
    }

    /// A term of a taxonomy (e.g. "Schuldhulpverlening" in Schakel's Dutch taxonomy).
    public struct Term: Sendable, Equatable, Hashable {
        public var id: String
        public var code: String?
        public var name: String
        public var taxonomy: String?

        public init(id: String, code: String?, name: String, taxonomy: String?) {
            self.id = id
            self.code = code
            self.name = name
            self.taxonomy = taxonomy
        }
    }

    public static let statuses = ["active", "inactive", "defunct", "temporarily closed"]

    public var id: ID
    public var document: JSONValue
    public var name: String
    public var alternateName: String?
    public var description: String?
    public var status: String
    public var organizationID: String?
    public var organizationName: String?
    public var applicationProcess: String?
    public var eligibility: String?
    public var fees: String?
    public var url: String?
    public var email: String?
    public var phones: [String]
    public var languages: [String]
    public var terms: [Term]
    public var places: [Place]
    public var hours: [OpeningHours.Interval]
    /// Words of the schedules ("Dinsdag 12:00–13:30") for a page; `hours` is what open-now reads.
    public var scheduleNotes: [String]
    /// Free when every cost option costs nothing and no fee is described otherwise.
    public var free: Bool
    /// HSDS `assured_date`: when the information was last checked.
    public var lastChecked: LocalDate?
    /// HSDS `assurer_email`: who keeps it right.
    public var ownerEmail: String?

    /// Reads a `service_full` document; every problem at once, named by field.
    public init(document: JSONValue) throws {
        var validator = Validator()
        guard document.fields != nil else { throw ValidationError(field: "service", key: "hsds.notObject") }
        let id = validator.check("id") { () throws -> ID in
            guard let text = document["id"]?.text, let id = ID(text) else {
                throw ValidationError(field: "id", key: "hsds.uuid")
            }
            return id
        }
        let name = document["name"]?.text
        if name == nil { validator.add("name", "required") }
        let status = document["status"]?.text ?? ""
        if !Self.statuses.contains(status) { validator.add("status", status.isEmpty ? "required" : "hsds.status") }
        let organization = document["organization"]
        if let organization, !organization.isNull {
            if organization["id"]?.text.flatMap(UUID.init(uuidString:)) == nil {
                validator.add("organization.id", "hsds.uuid")
            }
            if organization["name"]?.text == nil { validator.add("organization.name", "required") }
            if organization["description"]?.text == nil { validator.add("organization.description", "required") }
        }
        for (index, at) in (document["service_at_locations"]?.items ?? []).enumerated() {
            if at["id"]?.text.flatMap(UUID.init(uuidString:)) == nil {
                validator.add("service_at_locations[\(index)].id", "hsds.uuid")
            }
            if let location = at["location"], !location.isNull {
                let type = location["location_type"]?.text ?? ""
                if !["physical", "postal", "virtual"].contains(type) {
                    validator.add("service_at_locations[\(index)].location.location_type", "hsds.locationType")
                }
            }
        }
        try validator.finish()

        self.id = id!
        self.document = document
        self.name = name!
        self.status = status
        alternateName = document["alternate_name"]?.text
        description = document["description"]?.text
        organizationID = organization?["id"]?.text?.lowercased()
        organizationName = organization?["name"]?.text
        applicationProcess = document["application_process"]?.text
        eligibility = document["eligibility_description"]?.text
        fees = document["fees_description"]?.text
        url = document["url"]?.text
        email = document["email"]?.text
        let locations = (document["service_at_locations"]?.items ?? []).compactMap { $0["location"] }
            .filter { !$0.isNull }
        phones =
            ((document["phones"]?.items ?? [])
            + (document["service_at_locations"]?.items ?? []).flatMap {
                $0["phones"]?.items ?? []
            }).compactMap { $0["number"]?.text?.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) }
        var languages: [String] = []
        for language in (document["languages"]?.items ?? []) + locations.flatMap({ $0["languages"]?.items ?? [] }) {
            if let code = language["code"]?.text?.lowercased(), !languages.contains(code) { languages.append(code) }
        }
        self.languages = languages
        var terms: [Term] = []
        for attribute in document["attributes"]?.items ?? [] {
            guard let term = attribute["taxonomy_term"], let termID = term["id"]?.text,
                let termName = term["name"]?.text ?? attribute["value"]?.text
            else { continue }
            let value = Term(
                id: termID.lowercased(), code: term["code"]?.text, name: termName,
                taxonomy: term["taxonomy"]?.text ?? term["taxonomy_detail"]?["name"]?.text)
            if !terms.contains(value) { terms.append(value) }
        }
        self.terms = terms
        places = locations.map { location in
            let address = (location["addresses"]?.items ?? []).first {
                ($0["address_type"]?.text ?? "physical") == "physical"
            }
            let line = [address?["address_1"]?.text, address?["postal_code"]?.text, address?["city"]?.text]
                .compactMap { $0 }.joined(separator: ", ").nonEmpty
            return Place(
                name: location["name"]?.text, addressLine: line, postcode: address?["postal_code"]?.text,
                latitude: location["latitude"]?.double, longitude: location["longitude"]?.double)
        }
        let schedules =
            (document["schedules"]?.items ?? [])
            + (document["service_at_locations"]?.items ?? []).flatMap { $0["schedules"]?.items ?? [] }
        hours = Array(Set(schedules.flatMap(OpeningHours.intervals(of:)))).sorted {
            ($0.weekday, $0.opens) < ($1.weekday, $1.opens)
        }
        scheduleNotes = schedules.compactMap { $0["description"]?.text }
        let costs = document["cost_options"]?.items ?? []
        let paid = costs.contains { ($0["amount"]?.double ?? 0) > 0 }
        let feeWords = DutchText.fold(fees ?? "")
        free =
            !paid && (fees == nil || ["gratis", "kosteloos", "free", "geen kosten"].contains { feeWords.contains($0) })
        lastChecked = document["assured_date"]?.text.flatMap { try? LocalDate(String($0.prefix(10))) }
        ownerEmail = document["assurer_email"]?.text?.lowercased()
    }

    /// The text search reads: names, descriptions, eligibility, how to apply and the taxonomy terms.
    public var searchText: String {
        ([name, alternateName, organizationName, description, eligibility, applicationProcess]
            + terms.map { Optional($0.name) } + places.map(\.name))
            .compactMap { $0 }.joined(separator: " ")
    }

    /// An entry last checked before this day (six months ago) is stale: its owner should look at it.
    public static func staleBefore(today: LocalDate) -> LocalDate { today.adding(days: -182) }

    /// Not checked for six months (or never).
    public func isStale(today: LocalDate) -> Bool {
        guard let lastChecked else { return true }
        return lastChecked < Self.staleBefore(today: today)
    }
}

extension Coordinate {
    /// The great-circle distance in metres to a point given in degrees.
    public func metres(toLatitude latitude: Double, longitude: Double) -> Double {
        let radius = 6_371_000.0
        let φ1 = self.latitude * .pi / 180
        let φ2 = latitude * .pi / 180
        let Δφ = φ2 - φ1
        let Δλ = (longitude - self.longitude) * .pi / 180
        let a = sin(Δφ / 2) * sin(Δφ / 2) + cos(φ1) * cos(φ2) * sin(Δλ / 2) * sin(Δλ / 2)
        return 2 * radius * atan2(sqrt(a), sqrt(1 - a))
    }
}
