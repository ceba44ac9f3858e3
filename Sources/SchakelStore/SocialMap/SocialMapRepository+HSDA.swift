import Crypto
import FluentKit
import Foundation
import SQLKit
import SchakelCore

// MARK: The HSDS API (HSDA): organisations, service_at_locations and taxonomies

extension SocialMapRepository {
    /// Organisations by name, one page, as their HSDS documents (without services).
    public func organizations(matching text: String?, page: Paging) async throws -> Paged<JSONValue> {
        var filters: [DocumentFilter] = []
        if let text = text?.nonEmpty {
            filters.append(
                (SQLFunction("LOWER", args: SQLIdentifier("name")), .like, SQLBind("%" + text.lowercased() + "%")))
        }
        return try await documents(in: "map_organizations", where: filters, page: page)
    }

    /// One condition on a table of stored documents: left side, operator, right side.
    typealias DocumentFilter = (any SQLExpression, SQLBinaryOperator, any SQLExpression)

    /// One page of the stored documents of `table` that meet every filter, by name, with the total count.
    func documents(in table: String, where filters: [DocumentFilter], page: Paging) async throws -> Paged<JSONValue> {
        var query = store.sql.select().column("document").from(table)
        var count = store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
        for (left, op, right) in filters {
            query = query.where(left, op, right)
            count = count.where(left, op, right)
        }
        let total = try await count.first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await query.orderBy("name").limit(page.perPage).offset(page.offset).all()
        return Paged(items: try rows.map(Self.document), page: page.page, perPage: page.perPage, total: total)
    }

    /// One organisation as `organization_full`: its document with its services.
    public func organization(_ id: UUID) async throws -> JSONValue {
        guard
            let row = try await store.sql.select().column("document").from("map_organizations")
                .where("id", .equal, id).first()
        else { throw DomainError.notFound(kind: "organization") }
        var organization = try Self.document(row)
        let services = try await store.sql.select().column("document").from("map_services")
            .where("organization_id", .equal, id).orderBy("name").all()
        organization["services"] = .array(
            try services.map { row in
                var service = try Self.document(row)
                service["organization"] = nil
                return service
            })
        return organization
    }

    /// Every service_at_location, in the order of their services' names, one page; each with its service.
    public func serviceAtLocations(page: Paging) async throws -> Paged<JSONValue> {
        let counts = try await store.sql.select().column("id").column("location_count").from("map_services")
            .where("location_count", .greaterThan, 0).orderBy("name").orderBy("id").all()
        var total = 0
        var wanted: [(UUID, Range<Int>)] = []
        let range = page.offset..<(page.offset + page.perPage)
        for row in counts {
            let n = try row.decode(column: "location_count", as: Int.self)
            let here = total..<(total + n)
            let overlap = here.clamped(to: range)
            if !overlap.isEmpty {
                wanted.append(
                    (
                        try row.decode(column: "id", as: UUID.self),
                        (overlap.lowerBound - total)..<(overlap.upperBound - total)
                    ))
            }
            total += n
        }
        var items: [JSONValue] = []
        for (id, slice) in wanted {
            let service = try await document(of: id)
            items += Array(Self.serviceAtLocations(of: service)[slice])
        }
        return Paged(items: items, page: page.page, perPage: page.perPage, total: total)
    }

    /// One service_at_location by its id, with its service.
    public func serviceAtLocation(_ id: UUID) async throws -> JSONValue {
        let key = id.uuidString.lowercased()
        let rows = try await store.sql.select().column("document").from("map_services")
            .where(SQLFunction("LOWER", args: SQLIdentifier("document")), .like, SQLBind("%\"" + key + "\"%")).all()
        for row in rows {
            if let found = Self.serviceAtLocations(of: try Self.document(row)).first(where: {
                $0["id"]?.text?.lowercased() == key
            }) {
                return found
            }
        }
        throw DomainError.notFound(kind: "service_at_location")
    }

    static func serviceAtLocations(of service: JSONValue) -> [JSONValue] {
        var parent = service
        parent["service_at_locations"] = nil
        return (service["service_at_locations"]?.items ?? []).map { item in
            var full = item
            full["service"] = parent
            return full
        }
    }

    /// The taxonomy terms, one page, optionally of one taxonomy or under one parent.
    public func taxonomyTerms(taxonomy: String?, parent: String?, topOnly: Bool, page: Paging) async throws
        -> Paged<JSONValue>
    {
        var filters: [DocumentFilter] = []
        if let taxonomy = taxonomy?.nonEmpty {
            let name = taxonomy.lowercased() == DutchTaxonomy.id ? DutchTaxonomy.name : taxonomy
            filters.append((SQLIdentifier("taxonomy"), .equal, SQLBind(name)))
        }
        if let parent = parent?.nonEmpty {
            filters.append((SQLIdentifier("parent_id"), .equal, SQLBind(parent.lowercased())))
        }
        if topOnly { filters.append((SQLIdentifier("parent_id"), .is, SQLLiteral.null)) }
        return try await documents(in: "map_terms", where: filters, page: page)
    }

    public func taxonomyTerm(_ id: String) async throws -> JSONValue {
        guard
            let row = try await store.sql.select().column("document").from("map_terms")
                .where("id", .equal, id.lowercased()).first()
        else { throw DomainError.notFound(kind: "taxonomy_term") }
        return try Self.document(row)
    }

    /// The taxonomies the terms belong to, as HSDS `taxonomy` objects.
    public func taxonomies() async throws -> [JSONValue] {
        let rows = try await store.sql.select().column("document").from("map_terms").all()
        var found: [String: JSONValue] = [:]
        for row in rows {
            let term = try Self.document(row)
            if let detail = term["taxonomy_detail"], let id = detail["id"]?.text {
                found[id] = detail
            } else if let name = term["taxonomy"]?.text {
                found[name] = .object(["id": .string(name), "name": .string(name), "description": .string(name)])
            }
        }
        return found.values.sorted { ($0["name"]?.text ?? "") < ($1["name"]?.text ?? "") }
    }

    func document(of id: UUID) async throws -> JSONValue {
        guard
            let row = try await store.sql.select().column("document").from("map_services").where("id", .equal, id)
                .first()
        else { throw DomainError.notFound(kind: "service") }
        return try Self.document(row)
    }

    static func document(_ row: any SQLRow) throws -> JSONValue {
        try JSONValue.parse(Data(try row.decode(column: "document", as: String.self).utf8))
    }
}

// MARK: Measured responsiveness as HSDS attributes

extension SocialMapRepository {
    /// The taxonomy of the figures Schakel adds to a service's HSDS document.
    public static let responsivenessTaxonomy = "Schakel: reactie op verwijzingen"

    /// The figures of how a service answers referrals, as HSDS 3.0 `attribute` entries linked to the service
    /// (`link_entity` "service", `link_type` "referral_responsiveness"), each with its taxonomy term inline:
    /// `referral_count` (sent in the last 180 days), `referral_median_answer_days` (working days),
    /// `referral_accepted_share` (0…1, of those answered) and `referral_median_contact_days` (working days from
    /// sending to first contact). None under five referrals; a median without cases is left out. The ids are
    /// name-based (UUID version 5), so the same service and figure keep their id.
    public static func responsivenessAttributes(of service: MapService.ID, _ figures: ReferralResponsiveness)
        -> [JSONValue]
    {
        guard figures.isShown else { return [] }
        func number(_ value: Double) -> String {
            value.rounded() == value ? String(Int(value)) : String(format: "%.2f", value)
        }
        let entries: [(code: String, name: String, description: String, value: String?)] = [
            (
                "referral_count", "Verwijzingen in 180 dagen",
                "Hoeveel verwijzingen via Schakel de afgelopen 180 dagen naar deze dienst zijn verstuurd.",
                String(figures.count)
            ),
            (
                "referral_median_answer_days", "Mediaan werkdagen tot antwoord",
                "Werkdagen van versturen tot accepteren of afwijzen, de mediaan; weekenden en feestdagen tellen niet.",
                figures.medianDaysToAnswer.map(number)
            ),
            (
                "referral_accepted_share", "Deel geaccepteerd",
                "Het deel van de beantwoorde verwijzingen dat is geaccepteerd, tussen 0 en 1.",
                figures.acceptedShare.map { String(format: "%.2f", $0) }
            ),
            (
                "referral_median_contact_days", "Mediaan werkdagen tot eerste contact",
                "Werkdagen van versturen tot het eerste contact met de bewoner, de mediaan.",
                figures.medianDaysToContact.map(number)
            ),
        ]
        let link = service.uuid.uuidString.lowercased()
        return entries.compactMap { entry in
            guard let value = entry.value else { return nil }
            let term = nameBasedUUID("schakel:taxonomy_term:" + entry.code)
            return .object([
                "id": .string(nameBasedUUID("schakel:attribute:\(link):\(entry.code)")),
                "link_id": .string(link), "link_entity": .string("service"),
                "link_type": .string("referral_responsiveness"), "taxonomy_term_id": .string(term),
                "value": .string(value),
                "taxonomy_term": .object([
                    "id": .string(term), "code": .string(entry.code), "name": .string(entry.name),
                    "description": .string(entry.description), "taxonomy": .string(responsivenessTaxonomy),
                    "language": .string("nl"),
                ]),
            ])
        }
    }

    /// A UUID of version 5 (SHA-1, RFC 9562) in the URL namespace, lowercased.
    static func nameBasedUUID(_ name: String) -> String {
        // The URL namespace, 6ba7b811-9dad-11d1-80b4-00c04fd430c8.
        var bytes: [UInt8] = [
            0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8,
        ]
        bytes.append(contentsOf: Array(name.utf8))
        var hash = Array(Insecure.SHA1.hash(data: bytes).prefix(16))
        hash[6] = (hash[6] & 0x0f) | 0x50
        hash[8] = (hash[8] & 0x3f) | 0x80
        let uuid = UUID(
            uuid: (
                hash[0], hash[1], hash[2], hash[3], hash[4], hash[5], hash[6], hash[7], hash[8], hash[9], hash[10],
                hash[11], hash[12], hash[13], hash[14], hash[15]
            ))
        return uuid.uuidString.lowercased()
    }
}
