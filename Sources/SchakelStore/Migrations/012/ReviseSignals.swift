import FluentKit
import FluentSQL

/// Every change of a signal is a compare-and-set on its revision: the write names the revision it read,
/// and a write that finds another revision (someone changed the signal meanwhile) changes nothing.
struct ReviseSignals: AsyncMigration {
    var name: String { "012_ReviseSignals" }

    func prepare(on database: any Database) async throws {
        try await database.schema("signals").field("revision", .int, .required, .sql(.default(0))).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("signals").deleteField("revision").update()
    }
}
