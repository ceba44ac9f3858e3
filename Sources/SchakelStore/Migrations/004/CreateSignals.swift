import FluentKit
import SQLKit

/// Signals of concern with their history, meldcode steps and "check again" tasks; routing rules and deadlines.
struct CreateSignals: AsyncMigration {
    var name: String { "004_CreateSignals" }

    func prepare(on database: any Database) async throws {
        try await database.schema("signals")
            .id()
            .field("resident_id", .uuid, .references("residents", "id", onDelete: .cascade))
            .field("address_id", .uuid, .references("addresses", "id", onDelete: .setNull))
            // Domain keys separated by commas, e.g. `financien,sociaal_netwerk`.
            .field("domains", .string, .required)
            .field("urgency", .string, .required)
            .field("observation", .string, .required)
            .field("meldcode", .bool, .required)
            .field("contact_moment_id", .uuid)
            .field("state", .string, .required)
            .field("outcome", .string)
            .field("team_id", .uuid, .references("teams", "id", onDelete: .setNull))
            .field("assignee_id", .uuid, .references("users", "id", onDelete: .setNull))
            .field("reporter_id", .uuid, .required)
            .field("raised_at", .datetime, .required)
            .field("due_date", .string, .required)
            .field("escalated_at", .datetime)
            .field("closed_at", .datetime)
            .field("merged_into_id", .uuid)
            .create()

        try await database.schema("signal_history")
            .id()
            .field("signal_id", .uuid, .required, .references("signals", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("kind", .string, .required)
            .field("from_state", .string)
            .field("to_state", .string)
            .field("reason", .string)
            .create()

        try await database.schema("meldcode_entries")
            .id()
            .field("signal_id", .uuid, .required, .references("signals", "id", onDelete: .cascade))
            .field("step", .int, .required)
            .field("by_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("reasoning", .string, .required)
            .field("consulted_with", .string)
            .field("conversation_skipped", .bool, .required)
            // The afwegingskader's answers as `1` and `0`, e.g. `10111`.
            .field("answers", .string, .required)
            .field("decision", .string)
            .field("follow_up", .string)
            // Each step once: a second writer of the same step fails instead of doubling it.
            .unique(on: "signal_id", "step")
            .create()

        try await database.schema("signal_tasks")
            .id()
            .field("signal_id", .uuid, .required, .references("signals", "id", onDelete: .cascade))
            .field("resident_id", .uuid, .references("residents", "id", onDelete: .cascade))
            .field("assignee_id", .uuid, .required, .references("users", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("instruction", .string, .required)
            .field("created_by", .uuid, .required)
            .field("done_at", .datetime)
            .field("done_note", .string)
            .create()

        try await database.schema("routing_rules")
            .id()
            .field("position", .int, .required)
            .field("domain", .string)
            .field("minimum_urgency", .string)
            .field("area", .string)
            .field("team_id", .uuid, .required, .references("teams", "id", onDelete: .cascade))
            .field("assignee_id", .uuid, .references("users", "id", onDelete: .setNull))
            .create()

        try await database.schema("signal_settings")
            .id()
            .field("acute_days", .int, .required)
            .field("high_days", .int, .required)
            .field("normal_days", .int, .required)
            .create()

        let sql = database.sql
        for (table, columns) in [
            ("signals", ["team_id", "state"]), ("signals", ["resident_id"]), ("signals", ["reporter_id"]),
            ("signals", ["assignee_id", "state"]), ("signals", ["state", "due_date"]),
            ("signal_history", ["signal_id", "at"]), ("signal_tasks", ["assignee_id", "date"]),
            ("signal_tasks", ["signal_id"]),
        ] {
            var index = sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in [
            "signal_settings", "routing_rules", "signal_tasks", "meldcode_entries", "signal_history", "signals",
        ] {
            try await database.schema(table).delete()
        }
    }
}
