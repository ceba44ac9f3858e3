import FluentKit
import SQLKit

/// A mis-tapped outcome is corrected by a new moment, never overwritten: the new moment names the one it
/// corrects (`corrects_id`), and the corrected one is marked with its successor (`corrected_by`), set once by
/// a compare-and-set. Counts, day summaries and the contact status read only moments without `corrected_by`.
struct CorrectContactMoments: AsyncMigration {
    var name: String { "011_CorrectContactMoments" }

    func prepare(on database: any Database) async throws {
        // One column per statement: SQLite adds one column per ALTER TABLE.
        try await database.schema("contact_moments").field("corrects_id", .uuid).update()
        try await database.schema("contact_moments").field("corrected_by", .uuid).update()
        try await database.sql.create(index: "idx_contact_moments_corrects_id")
            .on("contact_moments").column("corrects_id").unique().run()
    }

    func revert(on database: any Database) async throws {
        try await database.sql.drop(index: "idx_contact_moments_corrects_id").run()
        try await database.schema("contact_moments").deleteField("corrected_by").update()
        try await database.schema("contact_moments").deleteField("corrects_id").update()
    }
}
