import FluentKit
import SQLKit

/// Indexes that let the out-of-view list start from the few residents whose contact status meets the
/// rule, instead of from every standing delivery of the team.
struct IndexContactStatus: AsyncMigration {
    var name: String { "007_IndexContactStatus" }

    func prepare(on database: any Database) async throws {
        let sql = database.sql
        for column in ["last_contact_ms", "trailing_misses"] {
            try await sql.create(index: "idx_resident_contact_status_\(column)").on("resident_contact_status")
                .column(column).run()
        }
    }

    func revert(on database: any Database) async throws {
        let sql = database.sql
        for column in ["last_contact_ms", "trailing_misses"] {
            try await sql.drop(index: "idx_resident_contact_status_\(column)").run()
        }
    }
}
