import FluentKit
import SQLKit

/// Referrals and their history; consent purposes from a fixed list; which organisation in Schakel answers
/// the referrals to a map organisation's services, and each service's terms; transfers of responsibility.
struct CreateReferrals: AsyncMigration {
    var name: String { "013_CreateReferrals" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("consents").field("purpose_code", .string).update()
        try await database.schema("consents").field("recorded_how", .string).update()
        try await database.schema("map_organizations")
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull)).update()
        try await database.schema("map_services").field("response_days", .int).update()
        try await database.schema("map_services").field("contact_days", .int).update()

        try await database.schema("referrals")
            .id()
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            // No foreign key: saving a service replaces its row, which must not touch its referrals.
            .field("service_id", .uuid)
            .field("organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("target_name", .string, .required)
            .field("signal_id", .uuid, .references("signals", "id", onDelete: .setNull))
            .field("mode", .string, .required)
            .field("state", .string, .required)
            .field("question", .string, .required)
            .field("domains", .string, .required)
            .field("contact_method", .string)
            .field("shares", .string, .required)
            .field("referrer_id", .uuid, .required)
            .field("team_id", .uuid, .references("teams", "id", onDelete: .setNull))
            .field("referrer_organisation_id", .uuid, .references("organisations", "id", onDelete: .setNull))
            .field("assignee_id", .uuid)
            .field("consent_id", .uuid, .references("consents", "id", onDelete: .setNull))
            .field("override_ground", .string)
            .field("override_reason", .string)
            .field("created_at", .datetime, .required)
            .field("sent_at", .datetime)
            .field("received_at", .datetime)
            .field("answered_at", .datetime)
            .field("answer_due", .string)
            .field("contact_due", .string)
            .field("first_contact_on", .string)
            .field("first_contact_how", .string)
            .field("decline_reason", .string)
            .field("close_reason", .string)
            .field("outcome", .string)
            .field("ended_at", .datetime)
            .field("escalated_at", .datetime)
            .field("contact_flagged_at", .datetime)
            // Raised by one on every change; a change names the revision it read (compare-and-set).
            .field("revision", .int, .required)
            .create()

        try await database.schema("referral_history")
            .id()
            .field("referral_id", .uuid, .required, .references("referrals", "id", onDelete: .cascade))
            .field("at", .datetime, .required)
            .field("actor_id", .uuid)
            .field("kind", .string, .required)
            .field("from_state", .string)
            .field("to_state", .string)
            .field("detail", .string)
            .create()

        try await database.schema("responsibility_transfers")
            .id()
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            .field("from_team_id", .uuid)
            .field("to_team_id", .uuid, .required)
            .field("at", .datetime, .required)
            .field("actor_id", .uuid, .required)
            .field("reason", .string, .required)
            .field("consent_id", .uuid)
            .field("override_ground", .string)
            .field("override_reason", .string)
            .create()

        let sql = database.sql
        for (table, columns) in [
            ("referrals", ["organisation_id", "state"]), ("referrals", ["resident_id"]), ("referrals", ["referrer_id"]),
            ("referrals", ["signal_id"]), ("referrals", ["service_id", "sent_at"]),
            ("referrals", ["state", "answer_due"]),
            ("referral_history", ["referral_id", "at"]), ("responsibility_transfers", ["resident_id"]),
        ] {
            var index = sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        for table in ["responsibility_transfers", "referral_history", "referrals"] {
            try await database.schema(table).delete()
        }
        try await database.schema("map_services").deleteField("contact_days").update()
        try await database.schema("map_services").deleteField("response_days").update()
        try await database.schema("map_organizations").deleteField("organisation_id").update()
        try await database.schema("consents").deleteField("recorded_how").update()
        try await database.schema("consents").deleteField("purpose_code").update()
    }
}
