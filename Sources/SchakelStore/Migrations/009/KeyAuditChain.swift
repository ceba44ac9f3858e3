import FluentKit

/// Entries of the access log name the key of their MAC. Entries from before keep their plain SHA-256
/// hash and no key id: they are verified as they were, and may only come before the keyed ones.
struct KeyAuditChain: AsyncMigration {
    var name: String { "009_KeyAuditChain" }

    func prepare(on database: any Database) async throws {
        try await database.schema("audit_entries").field("key_id", .string).update()
    }

    func revert(on database: any Database) async throws {
        try await database.schema("audit_entries").deleteField("key_id").update()
    }
}
