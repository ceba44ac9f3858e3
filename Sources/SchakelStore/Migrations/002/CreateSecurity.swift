import FluentKit
import SQLKit
import SchakelCore

/// The access log and its chain head, sessions, API tokens and failed logins.
struct CreateSecurity: AsyncMigration {
    var name: String { "002_CreateSecurity" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries")
            .field("sequence", .int64, .identifier(auto: false))
            .field("at_ms", .int64, .required)
            .field("event", .string, .required)
            .field("resident_id", .uuid)
            .field("user_id", .uuid)
            .field("username", .string)
            .field("organisation_id", .uuid)
            .field("role", .string)
            .field("access_point", .string)
            .field("objects", .string, .required)
            .field("previous_hash", .string, .required)
            .field("hash", .string, .required)
            .create()

        try await database.schema("audit_head")
            .field("id", .int, .identifier(auto: false))
            .field("sequence", .int64, .required)
            .field("hash", .string, .required)
            .create()
        let sql = database.sql
        try await sql.insert(into: "audit_head")
            .columns("id", "sequence", "hash")
            .values(SQLBind(1), SQLBind(Int64(0)), SQLBind(AuditEntry.genesisHash))
            .run()
        try await sql.create(index: "idx_audit_entries_resident_at")
            .on("audit_entries").column("resident_id").column("at_ms").run()

        try await database.schema("web_sessions")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("csrf_token", .string, .required)
            .field("created_at", .datetime, .required)
            .field("last_seen_at", .datetime, .required)
            .unique(on: "token_hash")
            .create()

        try await database.schema("api_tokens")
            .id()
            .field("token_hash", .string, .required)
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .field("expires_at", .datetime, .required)
            .field("revoked_at", .datetime)
            .unique(on: "token_hash")
            .create()

        try await database.schema("login_failures")
            .id()
            .field("key", .string, .required)
            .field("at", .datetime, .required)
            .create()
        try await sql.create(index: "idx_login_failures_key_at")
            .on("login_failures").column("key").column("at").run()
    }

    func revert(on database: any Database) async throws {
        for table in ["login_failures", "api_tokens", "web_sessions", "audit_head", "audit_entries"] {
            try await database.schema(table).delete()
        }
    }
}
