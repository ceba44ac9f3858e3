import FluentKit
import SQLKit
import SchakelCore

/// Accounts, neighbourhoods, addresses, residents, households, consents and the timeline.
struct CreateFoundation: AsyncMigration {
    var name: String { "001_CreateFoundation" }

    func prepare(on database: any Database) async throws {
        try await database.schema("organisations")
            .id()
            .field("name", .string, .required)
            .field("kind", .string, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()

        try await database.schema("teams")
            .id()
            .field("name", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .unique(on: "name")
            .create()

        try await database.schema("team_coverage")
            .id()
            .field("team_id", .uuid, .required, .references("teams", "id", onDelete: .cascade))
            .field("code", .string, .required)
            .field("year", .int, .required)
            .unique(on: "team_id", "code")
            .create()

        try await database.schema("users")
            .id()
            .field("username", .string, .required)
            .field("display_name", .string, .required)
            .field("role", .string, .required)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("password_hash", .string, .required)
            .field("active", .bool, .required)
            .field("created_at", .datetime, .required)
            .unique(on: "username")
            .create()

        try await database.schema("team_members")
            .id()
            .field("team_id", .uuid, .required, .references("teams", "id", onDelete: .cascade))
            .field("user_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .unique(on: "team_id", "user_id")
            .create()

        try await database.schema("neighbourhoods")
            .id()
            .field("code", .string, .required)
            .field("name", .string, .required)
            .field("year", .int, .required)
            .unique(on: "code", "year")
            .create()

        try await database.schema("addresses")
            .id()
            // Postcode, number, letter and addition in one key: NULLs would not collide in a UNIQUE index.
            .field("address_key", .string, .required)
            .field("postcode", .string, .required)
            .field("house_number", .int, .required)
            .field("house_letter", .string)
            .field("house_number_addition", .string)
            .field("street", .string, .required)
            .field("place", .string, .required)
            .field("latitude", .double)
            .field("longitude", .double)
            .field("buurt_code", .string)
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .unique(on: "address_key")
            .create()

        try await database.schema("households")
            .id()
            .field("name", .string, .required)
            .field("address_id", .uuid, .references("addresses", "id", onDelete: .restrict))
            .field("created_at", .datetime, .required)
            .create()

        try await database.schema("residents")
            .id()
            .field("given_name", .string, .required)
            .field("family_name", .string, .required)
            .field("name_key", .string, .required)
            .field("date_of_birth", .string)
            .field("address_id", .uuid, .references("addresses", "id", onDelete: .restrict))
            .field("household_id", .uuid, .references("households", "id", onDelete: .setNull))
            .field("phone", .string)
            .field("preferred_language", .string)
            .field("contact_channels", .string, .required)
            .field("contact_note", .string)
            .field("door_notes", .string)
            .field("responsible_team_id", .uuid, .references("teams", "id", onDelete: .setNull))
            .field("created_at", .datetime, .required)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("consents")
            .id()
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            .field("purpose", .string, .required)
            .field("organisation_ids", .string, .required)
            .field("given_at", .datetime, .required)
            .field("recorded_by", .uuid, .required)
            .field("withdrawn_at", .datetime)
            .field("withdrawn_by", .uuid)
            .create()

        try await database.schema("timeline_events")
            .id()
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("kind", .string, .required)
            .field("actor_id", .uuid)
            .field("detail", .string)
            .create()

        let sql = database.sql
        for (table, columns) in [
            ("residents", ["name_key"]), ("residents", ["address_id"]), ("residents", ["household_id"]),
            ("addresses", ["buurt_code"]), ("addresses", ["postcode"]), ("consents", ["resident_id"]),
            ("timeline_events", ["resident_id", "at"]), ("team_coverage", ["code"]),
        ] {
            var index = sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "timeline_events", "consents", "residents", "households", "addresses", "neighbourhoods",
            "team_members", "users", "team_coverage", "teams", "organisations",
        ] {
            try await database.schema(table).delete()
        }
    }
}
