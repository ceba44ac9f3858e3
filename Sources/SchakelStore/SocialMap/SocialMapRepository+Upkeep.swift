import FluentKit
import Foundation
import SQLKit
import SchakelCore

// The upkeep of the map by staff.

extension SocialMapRepository {
    /// Stores one service (new or changed) with its upkeep; bad input is a validation error naming the fields.
    @discardableResult
    public func save(_ document: JSONValue, upkeep: Upkeep) async throws -> MapService {
        let service = try MapService(document: document)
        let report = try await importServices([document], upkeep: [service.id: upkeep])
        if let refusal = report.refused.first { throw ValidationError(refusal.problems) }
        return service
    }

    /// Records that the entry was checked today (HSDS `assured_date`).
    public func markChecked(_ id: MapService.ID, by email: String?) async throws {
        let hit = try await service(id, includeInactive: true)
        var document = hit.service.document
        document["assured_date"] = .string(LocalDate(store.clock.now()).description)
        if let email { document["assurer_email"] = .string(email) }
        try await save(
            document, upkeep: Upkeep(owner: hit.owner, acceptsReferrals: hit.acceptsReferrals, waitWeeks: hit.waitWeeks)
        )
    }

    /// The organisations of the map by name, for a form.
    public func organizationNames() async throws -> [(id: UUID, name: String, description: String?)] {
        try await store.sql.select().column("id").column("name").column("document").from("map_organizations")
            .orderBy("name").all().map { row in
                let document = try Self.document(row)
                return (
                    try row.decode(column: "id", as: UUID.self), try row.decode(column: "name", as: String.self),
                    document["description"]?.text
                )
            }
    }
}
