import FluentKit
import SQLKit
import SchakelCore

/// The social map: HSDS services kept as their documents, with columns for filters, opening hours per
/// weekday and a full-text index (SQLite FTS5 over Schakel's Dutch stems; PostgreSQL `dutch` text search).
struct CreateSocialMap: AsyncMigration {
    var name: String { "005_CreateSocialMap" }

    func prepare(on database: any Database) async throws {
        try await database.schema("map_organizations")
            .id()
            .field("name", .string, .required)
            .field("document", .string, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("map_services")
            .id()
            // The number the search index knows the service by.
            .field("search_key", .int64, .required)
            .field("organization_id", .uuid)
            .field("name", .string, .required)
            .field("status", .string, .required)
            // The HSDS `service_full` document, exactly as given.
            .field("document", .string, .required)
            .field("name_text", .string, .required)
            .field("search_text", .string, .required)
            .field("free", .bool, .required)
            // Comma-wrapped lists (`,nl,en,`), so a filter is one LIKE.
            .field("languages", .string, .required)
            .field("terms", .string, .required)
            .field("buurt_code", .string)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("last_checked", .string)
            .field("owner_email", .string)
            // The user who keeps the entry right and sees it in the stale list.
            .field("owner_id", .uuid, .references("users", "id", onDelete: .setNull))
            // How many service_at_locations the document has, for paging them.
            .field("location_count", .int, .required)
            .field("accepts_referrals", .bool, .required)
            .field("wait_weeks", .int)
            .field("updated_at", .datetime, .required)
            .unique(on: "search_key")
            .create()

        try await database.schema("map_hours")
            .id()
            .field("service_id", .uuid, .required, .references("map_services", "id", onDelete: .cascade))
            .field("weekday", .int, .required)
            .field("opens", .int, .required)
            .field("closes", .int, .required)
            .field("valid_from", .string)
            .field("valid_to", .string)
            .create()

        try await database.schema("map_terms")
            .field("id", .string, .identifier(auto: false))
            .field("code", .string)
            .field("name", .string, .required)
            .field("taxonomy", .string)
            .field("parent_id", .string)
            .field("document", .string, .required)
            .create()

        let sql = database.sql
        // The Dutch default taxonomy ships with Schakel.
        var terms = sql.insert(into: "map_terms").columns("id", "code", "name", "taxonomy", "parent_id", "document")
        for term in DutchTaxonomy.terms {
            terms = terms.values([
                SQLBind(term.id), SQLBind(term.code), SQLBind(term.name), SQLBind(term.taxonomy), SQLBind(String?.none),
                SQLBind(DutchTaxonomy.document(term).serialized()),
            ])
        }
        try await terms.run()
        for (table, columns) in [
            ("map_services", ["organization_id"]), ("map_services", ["name"]), ("map_services", ["buurt_code"]),
            ("map_services", ["owner_id"]),
            ("map_hours", ["weekday", "service_id"]), ("map_hours", ["service_id"]),
        ] {
            var index = sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
        if sql.dialect.name == "postgresql" {
            // A narrow table of its own for text search (no texts, only their vectors), so counting thousands of
            // matches reads few pages. Names weigh more than the rest (A over B); the dutch configuration stems
            // and drops stop words.
            try await sql.raw(
                """
                CREATE TABLE map_search (
                  search_key BIGINT PRIMARY KEY, status TEXT NOT NULL, search_vector tsvector NOT NULL,
                  name_vector tsvector NOT NULL
                )
                """
            ).run()
            try await sql.raw("CREATE INDEX idx_map_search_vector ON map_search USING GIN (search_vector)").run()
        } else {
            try await sql.raw(
                // The status is indexed too, so the common search (active services, words only) is answered by the
                // index alone.
                "CREATE VIRTUAL TABLE map_search USING fts5(name_text, search_text, status, tokenize = 'unicode61')"
            ).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DROP TABLE IF EXISTS map_search").run()
        for table in ["map_terms", "map_hours", "map_services", "map_organizations"] {
            try await database.schema(table).delete()
        }
    }
}
