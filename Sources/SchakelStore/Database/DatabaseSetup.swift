import FluentKit
import SQLKit

extension Database {
    /// This database as SQL. Schakel runs on SQL drivers only (SQLite, PostgreSQL), so every database is one;
    /// the one cast is here instead of at each use.
    var sql: any SQLDatabase {
        guard let sql = self as? any SQLDatabase else { preconditionFailure("Schakel needs an SQL database") }
        return sql
    }
}

/// What a database needs before Schakel uses it, beyond its migrations.
public enum DatabaseSetup {
    /// The PostgreSQL schema Schakel's tables live in (each test gets one of its own).
    public static func createSchema(_ schema: String, on database: any Database) async throws {
        try await database.sql.raw("CREATE SCHEMA IF NOT EXISTS \(ident: schema)").run()
    }

    /// A SQLite file, tuned for one server: WAL (readers continue while one writer commits; a property of the
    /// file), and per connection (one per event loop) `synchronous=NORMAL` (durable against a crash of
    /// Schakel, losing at most the last commits on a power cut), a wait so a command (an import) and the
    /// server can share the file, reads that map the file instead of copying each page through a system call,
    /// and 32 MB of pages (a city's residents, addresses and access log do not fit SQLite's 2 MB).
    /// With `checkpoint`, the write-ahead log that a large load or import left behind is copied into the
    /// file and emptied, since every read looks pages up in its index.
    public static func tuneSQLiteFile(
        _ database: any Database, connections: [any Database], checkpoint: Bool
    ) async throws {
        _ = try await database.sql.raw("PRAGMA journal_mode=WAL").all()
        for connection in connections {
            guard let sql = connection as? any SQLDatabase else { continue }
            try await sql.raw("PRAGMA synchronous=NORMAL").run()
            _ = try await sql.raw("PRAGMA busy_timeout=5000").all()
            _ = try await sql.raw("PRAGMA mmap_size=1073741824").all()
            _ = try await sql.raw("PRAGMA cache_size=-32768").all()
        }
        if checkpoint { _ = try await database.sql.raw("PRAGMA wal_checkpoint(TRUNCATE)").all() }
    }
}
