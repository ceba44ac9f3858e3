import FluentKit
import SQLKit

/// Faster Dutch search on the social map.
///
/// - PostgreSQL: an index on the name vector, so a search ranks only the services named after the words;
///   the full vector loses its positions and weights (nothing reads them), which shrinks the rows a count visits.
/// - SQLite: the FTS5 index keeps prefix indexes of 2 to 10 characters, so a word as a prefix ("schuld"*) is read
///   as one list instead of merging the lists of every word that starts with it.
/// - Both: a generation number of the search index, raised by every change of the map's services, so a count of
///   matches can be kept until the map changes.
struct IndexMapSearch: AsyncMigration {
    var name: String { "008_IndexMapSearch" }

    static let ftsColumns = "name_text, search_text, status, tokenize = 'unicode61', prefix = '2 3 4 5 6 7 8 9 10'"

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        if sql.dialect.name == "postgresql" {
            try await sql.raw("UPDATE map_search SET search_vector = strip(search_vector)").run()
            try await sql.raw("CREATE INDEX idx_map_search_name ON map_search USING GIN (name_vector)").run()
        } else {
            try await sql.raw("CREATE VIRTUAL TABLE map_search_prefixed USING fts5(\(unsafeRaw: Self.ftsColumns))")
                .run()
            try await sql.raw(
                """
                INSERT INTO map_search_prefixed (rowid, name_text, search_text, status)
                SELECT rowid, name_text, search_text, status FROM map_search
                """
            ).run()
            try await sql.raw("DROP TABLE map_search").run()
            try await sql.raw("ALTER TABLE map_search_prefixed RENAME TO map_search").run()
        }
        try await sql.raw("CREATE TABLE map_generation (id INTEGER PRIMARY KEY, generation BIGINT NOT NULL)").run()
        try await sql.raw("INSERT INTO map_generation (id, generation) VALUES (1, 0)").run()
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        try await sql.raw("DROP TABLE map_generation").run()
        if sql.dialect.name == "postgresql" {
            try await sql.raw("DROP INDEX idx_map_search_name").run()
        }
    }
}
