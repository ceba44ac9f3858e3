import Fluent
import Foundation
import SQLKit
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing

/// Someone who can write the database tries to rewrite the access log without it showing.
@Suite("Access log: a keyed chain and anchors outside the database")
struct AuditTamperTests {
    static let context = AuditContext(actor: nil, accessPoint: "test")

    func fill(_ store: Store, _ count: Int) async throws {
        for index in 1...count {
            try await store.audit.record([AuditEvent(.residentRead, objects: ["n:\(index)"])], context: Self.context)
        }
    }

    func sql(_ server: TestServer) -> any SQLDatabase { server.app.db as! any SQLDatabase }

    @Test("an entry changed and every hash after it recomputed with SHA-256 is still caught")
    func recomputedHashes() async throws {
        try await withSchakel { server in
            try await fill(server.store, 5)
            let db = sql(server)
            try await db.raw("UPDATE audit_entries SET event = 'test.changed' WHERE sequence = 3").run()
            // Recompute the chain from entry 3 on as an attacker without the key would.
            var previous = try await db.raw("SELECT hash FROM audit_entries WHERE sequence = 2").first()!
                .decode(column: "hash", as: String.self)
            let rows = try await db.raw("SELECT * FROM audit_entries WHERE sequence >= 3 ORDER BY sequence").all()
            for row in rows {
                let sequence = try row.decode(column: "sequence", as: Int64.self)
                let entry = AuditEntry(
                    sequence: sequence,
                    at: Date(timeIntervalSince1970: Double(try row.decode(column: "at_ms", as: Int64.self)) / 1000),
                    event: try row.decode(column: "event", as: String.self), residentID: nil, userID: nil,
                    username: nil, organisationID: nil, role: nil,
                    accessPoint: try row.decode(column: "access_point", as: String?.self),
                    objects: [try row.decode(column: "objects", as: String.self)], previousHash: previous)
                let hash = AuditLog.hash(entry.canonicalContent)
                try await db.raw(
                    "UPDATE audit_entries SET previous_hash = \(bind: previous), hash = \(bind: hash) WHERE sequence = \(bind: sequence)"
                ).run()
                previous = hash
            }
            try await db.raw("UPDATE audit_head SET hash = \(bind: previous) WHERE id = 1").run()
            #expect(try await server.store.audit.verify() == .broken(sequence: 3, reason: "content"))
            // Dropping the key id to pass the entries off as written before keys does not help either.
            try await db.raw("UPDATE audit_entries SET key_id = NULL WHERE sequence >= 3").run()
            #expect(try await server.store.audit.verify() == .broken(sequence: 3, reason: "unkeyed"))
        }
    }

    @Test("a removed tail with the head set back passes the chain but not the anchor")
    func truncatedTail() async throws {
        try await withSchakel { server in
            try await fill(server.store, 6)
            let anchor = try #require(try await server.store.audit.anchor())
            #expect(anchor.sequence == 6)
            #expect(try await server.store.audit.verify(anchors: [anchor]) == .intact(entries: 6))
            let db = sql(server)
            let fourth = try await db.raw("SELECT hash FROM audit_entries WHERE sequence = 4").first()!
                .decode(column: "hash", as: String.self)
            try await db.raw("DELETE FROM audit_entries WHERE sequence > 4").run()
            try await db.raw("UPDATE audit_head SET sequence = 4, hash = \(bind: fourth) WHERE id = 1").run()
            #expect(try await server.store.audit.verify() == .intact(entries: 4))
            #expect(
                try await server.store.audit.verify(anchors: [anchor]) == .broken(sequence: 6, reason: "anchorMissing"))
        }
    }

    @Test("an anchored entry rewritten in place is named")
    func anchoredEntryChanged() async throws {
        try await withSchakel { server in
            try await fill(server.store, 3)
            let anchor = try #require(try await server.store.audit.anchor())
            try await sql(server).raw(
                "UPDATE audit_entries SET hash = \(bind: String(repeating: "0", count: 64)) WHERE sequence = 3"
            )
            .run()
            let verdict = try await server.store.audit.verify(anchors: [anchor])
            #expect(verdict == .broken(sequence: 3, reason: "content"))
        }
    }

    @Test("a garbage value in an entry names that entry")
    func garbageValue() async throws {
        try await withSchakel { server in
            try await fill(server.store, 4)
            try await sql(server).raw("UPDATE audit_entries SET role = 'superuser' WHERE sequence = 2").run()
            #expect(try await server.store.audit.verify() == .broken(sequence: 2, reason: "unreadable"))
        }
    }

    @Test("a key file is made once, owner-only, and a new key keeps the older ones for verifying")
    func keyFile() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("schakel-keys-\(UUID())")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("audit.key").path
        let first = try AuditKeyring.load(file: path)
        #expect(try AuditKeyring.load(file: path).current.id == first.current.id)
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        #expect((attributes[.posixPermissions] as? Int).map { $0 & 0o077 } == 0)
        let second = try AuditKeyring.appendNewKey(to: path)
        let ring = try AuditKeyring.load(file: path)
        #expect(ring.current.id == second)
        #expect(ring.current.id != first.current.id)
        try "k00000000 bm90LWEta2V5\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: KeyFileError.self) { try AuditKeyring.load(file: path) }
    }
}
