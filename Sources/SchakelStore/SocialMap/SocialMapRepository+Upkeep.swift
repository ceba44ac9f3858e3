import FluentKit
import Foundation
import SQLKit
import SchakelCore

// The upkeep of the map by staff.

extension SocialMapRepository {
    /// Stores one service (new or changed) with its upkeep; bad input is a validation error naming the fields.
    @discardableResult
    public func save(_ document: JSONValue, upkeep: Upkeep, context: AuditContext) async throws -> MapService {
        let service = try MapService(document: document)
        let report = try await importServices([document], upkeep: [service.id: upkeep], context: context)
        if let refusal = report.refused.first { throw ValidationError(refusal.problems) }
        return service
    }

    /// Records that the entry was checked today (HSDS `assured_date`).
    public func markChecked(_ id: MapService.ID, by email: String?, context: AuditContext) async throws {
        try await store.requireMapMaintainer(context, object: "map:check")
        let hit = try await service(id, includeInactive: true)
        var document = hit.service.document
        document["assured_date"] = .string(LocalDate(store.clock.now()).description)
        if let email { document["assurer_email"] = .string(email) }
        try await save(
            document,
            upkeep: hit.upkeep,
            context: context)
    }

    /// Opens the upkeep pages (the list to check, the forms): for those who keep the map; a refusal is logged.
    public func authorizeUpkeep(context: AuditContext) async throws {
        try await store.requireMapMaintainer(context, object: "map:upkeep")
    }

    /// The organisation in Schakel whose people answer the referrals to a map organisation's services.
    public func answeringOrganisation(of mapOrganization: UUID) async throws -> Organisation.ID? {
        try await store.sql.select().column("organisation_id").from("map_organizations")
            .where("id", .equal, mapOrganization).first()?.decode(column: "organisation_id", as: UUID?.self)
            .map(Organisation.ID.init)
    }

    /// Sets which organisation in Schakel answers the referrals to a map organisation's services (nil: none, so
    /// only logged referrals are possible); for those who keep the map.
    public func setAnsweringOrganisation(
        of mapOrganization: UUID, to organisation: Organisation.ID?, context: AuditContext
    ) async throws {
        try await store.requireMapMaintainer(context, object: "map:upkeep")
        if let organisation, try await OrganisationRecord.find(organisation.uuid, on: store.database) == nil {
            throw ValidationError(field: "answeringOrganisationID", key: "organisation.unknown")
        }
        try await store.write { db in
            try await db.sql.update("map_organizations").set("organisation_id", to: organisation?.uuid)
                .where("id", .equal, mapOrganization).run()
        }
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

// The taxonomy of kinds of help: Schakel's Dutch default, added to and renamed by staff.

extension SocialMapRepository {
    /// Adds a kind of help to Schakel's taxonomy.
    public func addTerm(named name: String, context: AuditContext) async throws -> MapService.Term {
        try await store.requireMapMaintainer(context, object: "map:terms")
        let name = try name.validatedName(field: "name", maxLength: 100)
        guard try await !terms().contains(where: { $0.name.lowercased() == name.lowercased() }) else {
            throw ValidationError(field: "name", key: "map.termExists")
        }
        let term = MapService.Term(
            id: UUID.derived(from: UUID(uuidString: DutchTaxonomy.id)!, name.lowercased()).uuidString.lowercased(),
            code: nil, name: name, taxonomy: DutchTaxonomy.name)
        try await store.write { db in
            try await db.sql.insert(into: "map_terms")
                .columns("id", "code", "name", "taxonomy", "parent_id", "document")
                .values(
                    SQLBind(term.id), SQLBind(String?.none), SQLBind(term.name), SQLBind(term.taxonomy),
                    SQLBind(String?.none), SQLBind(DutchTaxonomy.document(term).serialized())
                ).run()
        }
        return term
    }

    /// Renames a kind of help, in the taxonomy and in every service that has it (so search finds the new name).
    public func renameTerm(_ id: String, to name: String, context: AuditContext) async throws {
        try await store.requireMapMaintainer(context, object: "map:terms")
        let name = try name.validatedName(field: "name", maxLength: 100)
        var document = try await taxonomyTerm(id)
        document["name"] = .string(name)
        document["description"] = .string(name)
        let key = id.lowercased()
        let rows = try await store.sql.select().column("document").from("map_services")
            .where("terms", .like, "%," + key + ",%").all()
        let services = try rows.map { row -> JSONValue in
            var service = try Self.document(row)
            service["attributes"] = .array(
                (service["attributes"]?.items ?? []).map { attribute in
                    guard attribute["taxonomy_term"]?["id"]?.text?.lowercased() == key else { return attribute }
                    var changed = attribute
                    changed["taxonomy_term"]?["name"] = .string(name)
                    changed["taxonomy_term"]?["description"] = .string(name)
                    if changed["value"] != nil { changed["value"] = .string(name) }
                    return changed
                })
            return service
        }
        let text = document.serialized()
        try await store.write { db in
            try await db.sql.update("map_terms").set("name", to: name).set("document", to: text)
                .where("id", .equal, key).run()
        }
        if !services.isEmpty { _ = try await importServices(services, context: context) }
    }
}

// Search words of the map's own: groups of words that mean the same, beside Schakel's standard list.

extension SocialMapRepository {
    /// Adds a group of words that mean the same ("taalles, Nederlands leren, taalcafé"), then indexes the map
    /// again so every service is found by them.
    public func addSynonymGroup(_ text: String, context: AuditContext) async throws {
        try await store.requireMapMaintainer(context, object: "map:synonyms")
        let words = text.split(separator: ",").map { String($0).collapsingWhitespace }.filter { !$0.isEmpty }
        var validator = Validator()
        if words.count < 2 || Set(words.map { DutchText.words($0).joined(separator: " ") }).count < 2 {
            validator.add("words", "map.synonymsTooFew")
        }
        if words.count > 30 || words.contains(where: { $0.count > 60 }) { validator.add("words", "tooLong") }
        if words.contains(where: { $0.personNameProblem != nil }) { validator.add("words", "name.control") }
        try validator.finish()
        let now = store.clock.now()
        let id: UUID = store.ids(MapService.self).uuid
        try await store.write { db in
            try await db.sql.insert(into: "map_synonyms").columns("id", "words", "created_at")
                .values(SQLBind(id), SQLBind(words.joined(separator: ",")), SQLBind(now)).run()
        }
        try await reindex(context: context)
    }

    /// Removes a group of the map's own and indexes the map again.
    public func removeSynonymGroup(_ id: UUID, context: AuditContext) async throws {
        try await store.requireMapMaintainer(context, object: "map:synonyms")
        try await store.write { db in
            try await db.sql.delete(from: "map_synonyms").where("id", .equal, SQLBind(id)).run()
        }
        try await reindex(context: context)
    }

    /// Every service indexed again with the vocabulary now in force (an import of the stored documents keeps
    /// what Schakel keeps beside them, and raises the map's generation).
    private func reindex(context: AuditContext) async throws {
        store.vocabularyCache.forget()
        let documents = try await exportServices()
        if !documents.isEmpty { _ = try await importServices(documents, context: context) }
    }
}
