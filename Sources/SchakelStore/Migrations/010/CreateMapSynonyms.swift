import FluentKit

/// Groups of search words of the map's own, beside the standard list that ships with Schakel.
struct CreateMapSynonyms: AsyncMigration {
    var name: String { "010_CreateMapSynonyms" }

    func prepare(on database: any Database) async throws {
        try await database.schema("map_synonyms")
            .id()
            .field("words", .string, .required)
            .field("created_at", .datetime, .required)
            .create()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("map_synonyms").delete()
    }
}
