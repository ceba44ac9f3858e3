import FluentKit
import SQLKit

/// Activities in the neighbourhood and the residents signed up for them.
struct CreateActivities: AsyncMigration {
    var name: String { "006_CreateActivities" }

    func prepare(on database: any Database) async throws {
        try await database.schema("activities")
            .id()
            .field("title", .string, .required)
            .field("description", .string, .required)
            .field("organiser", .string, .required)
            .field("place_name", .string, .required)
            .field("address", .string)
            .field("buurt_code", .string)
            // `once` or `weekly`; weekdays as ISO numbers, e.g. `2,4`.
            .field("schedule", .string, .required)
            .field("weekdays", .string, .required)
            .field("start_date", .string, .required)
            .field("end_date", .string)
            .field("starts", .int, .required)
            .field("ends", .int, .required)
            .field("capacity", .int)
            .field("free", .bool, .required)
            .field("cancelled", .bool, .required)
            .field("created_by", .uuid)
            .field("updated_at", .datetime, .required)
            .create()

        try await database.schema("activity_signups")
            .id()
            .field("activity_id", .uuid, .required, .references("activities", "id", onDelete: .cascade))
            .field("date", .string, .required)
            .field("resident_id", .uuid, .required, .references("residents", "id", onDelete: .cascade))
            .field("signed_up_by", .uuid, .required)
            .field("at", .datetime, .required)
            .field("attended", .bool)
            // Once per resident and day: a second sign-up fails instead of doubling.
            .unique(on: "activity_id", "date", "resident_id")
            .create()

        let sql = database.sql
        for (table, columns) in [
            ("activities", ["buurt_code"]), ("activity_signups", ["activity_id", "date"]),
            ("activity_signups", ["resident_id"]),
        ] {
            var index = sql.create(index: "idx_\(table)_\(columns.joined(separator: "_"))").on(table)
            for column in columns { index = index.column(column) }
            try await index.run()
        }
    }

    func revert(on database: any Database) async throws {
        try await database.schema("activity_signups").delete()
        try await database.schema("activities").delete()
    }
}
