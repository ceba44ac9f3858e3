import FluentKit
import SQLKit

/// Deliveries and their pauses, rounds and stops, contact moments, each resident's contact status,
/// and the teams' out-of-view settings.
struct CreateRounds: AsyncMigration {
    var name: String { "003_CreateRounds" }

    func prepare(on database: any Database) async throws {
        try await database.schema("deliveries")
            .id()
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            .field("team_id", .uuid, .required, .references("teams", "id", onDelete: .cascade))
            .field("kind", .string, .required)
            // `once` or `weekly`; dates are ISO text (`2026-03-29`), so they sort and compare as text.
            .field("schedule", .string, .required)
            .field("weekdays", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("window_start", .int, .required)
            .field("window_end", .int, .required)
            .field("door_notes", .string)
            .field("cancelled_at", .datetime)
            .field("created_at", .datetime, .required)
            .field("created_by", .uuid)
            .create()

        try await database.schema("delivery_pauses")
            .id()
            .field("delivery_id", .uuid, .required, .references("deliveries", "id", onDelete: .cascade))
            .field("from_date", .string, .required)
            .field("until_date", .string, .required)
            .field("reason", .string)
            .create()

        try await database.schema("rounds")
            .id()
            .field("team_id", .uuid, .required, .references("teams", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("concierge_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("created_at", .datetime, .required)
            .unique(on: "team_id", "date", "concierge_id")
            .create()

        try await database.schema("round_stops")
            .id()
            .field("round_id", .uuid, .required, .references("rounds", "id", onDelete: .cascade))
            .field("position", .int, .required)
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            .field("delivery_id", .uuid, .required, .references("deliveries", "id", onDelete: .cascade))
            // A delivery is on at most one round a day.
            .field("date", .string, .required)
            .unique(on: "delivery_id", "date")
            .create()

        try await database.schema("contact_moments")
            .id()
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            .field("stop_id", .uuid, .references("round_stops", "id", onDelete: .setNull))
            .field("delivery_id", .uuid, .references("deliveries", "id", onDelete: .setNull))
            .field("outcome", .string, .required)
            .field("duration_minutes", .int)
            .field("note", .string)
            .field("concern", .string)
            .field("concern_closed_at", .datetime)
            .field("recorded_at_ms", .int64, .required)
            // The Dutch calendar day of `recorded_at_ms`, for day summaries.
            .field("day", .string, .required)
            .field("recorded_by", .uuid, .required)
            .field("received_at", .datetime, .required)
            .create()

        try await database.schema("resident_contact_status")
            .field("resident_id", .uuid, .identifier(auto: false), .references("residents", "id", onDelete: .cascade))
            .field("last_contact_ms", .int64)
            .field("last_outcome_ms", .int64)
            .field("trailing_misses", .int, .required)
            .field("open_concerns", .int, .required)
            .create()

        try await database.schema("team_settings")
            .field("team_id", .uuid, .identifier(auto: false), .references("teams", "id", onDelete: .cascade))
            .field("out_of_view_days", .int, .required)
            .field("out_of_view_misses", .int, .required)
            .create()

        let sql = database.sql
        for (table, columns) in [
            ("deliveries", ["team_id", "start_date"]), ("deliveries", ["resident_id"]),
            ("delivery_pauses", ["delivery_id"]), ("rounds", ["concierge_id", "date"]),
            ("rounds", ["team_id", "date"]),
            ("round_stops", ["round_id", "position"]), ("contact_moments", ["resident_id", "recorded_at_ms"]),
            ("contact_moments", ["recorded_by", "day"]), ("contact_moments", ["stop_id"]),
        ] {
            var index = sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "team_settings", "resident_contact_status", "contact_moments", "round_stops", "rounds", "delivery_pauses",
            "deliveries",
        ] {
            try await database.schema(table).delete()
        }
    }
}
