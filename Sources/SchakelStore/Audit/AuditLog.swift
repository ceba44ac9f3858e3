import Crypto
import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// Who acts and from where: recorded with every audit entry.
public struct AuditContext: Sendable {
    public var actor: Actor?
    /// The client's IP address.
    public var accessPoint: String?
    /// Notes that a refusal of this request reached the log, so the web layer logs one only when no
    /// repository did.
    public var refusals: RefusalNote?
    /// The operator on the server itself (a command, the demo), who administers without an account.
    public var onServer: Bool

    public init(actor: Actor?, accessPoint: String?, refusals: RefusalNote? = nil, onServer: Bool = false) {
        self.actor = actor
        self.accessPoint = accessPoint
        self.refusals = refusals
        self.onServer = onServer
    }

    /// For operator commands run on the server itself.
    public static let commandLine = AuditContext(actor: nil, accessPoint: "cli", onServer: true)
}

/// The append-only, hash-chained access log (NEN 7513).
public struct AuditLog: Sendable {
    let store: Store

    /// SHA-256 of the text, as lower-case hex.
    public static func hash(_ text: String) -> String { hash(Data(text.utf8)) }

    /// SHA-256 of the bytes, as lower-case hex.
    static func hash(_ data: Data) -> String { hex(Array(SHA256.hash(data: data))) }

    /// Bytes as lower-case hex.
    static func hex(_ bytes: [UInt8]) -> String {
        var hex: [UInt8] = []
        hex.reserveCapacity(2 * bytes.count)
        for byte in bytes {
            hex.append(hexDigits[Int(byte >> 4)])
            hex.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: hex, as: UTF8.self)
    }

    /// What an entry's hash must be: the MAC with its key, or for an entry from before keys the plain hash.
    func digest(_ entry: AuditEntry) -> String? {
        guard let keyID = entry.keyID else { return Self.hash(entry.canonicalContent) }
        return store.auditKeys.mac(entry.canonicalContent, keyID: keyID)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Appends entries inside the caller's transaction, so the log and the change commit together.
    ///
    /// The chain head row is updated first: on PostgreSQL that row lock orders concurrent appends,
    /// on SQLite the store's write queue already does.
    public func append(_ events: [AuditEvent], context: AuditContext, on database: any Database) async throws {
        try await append(events.map { ($0, context) }, on: database)
    }

    /// Appends events, each with its own context, in the caller's transaction.
    func append(_ items: [(event: AuditEvent, context: AuditContext)], on database: any Database) async throws {
        guard !items.isEmpty else { return }
        for item in items where item.event.event == "access.denied" { item.context.refusals?.markLogged() }
        let sql = database.sql
        let now = store.clock.now()
        // One statement reserves the sequence numbers for all events and, on PostgreSQL, takes the row lock.
        guard
            let head = try await sql.raw(
                "UPDATE audit_head SET sequence = sequence + \(literal: items.count) WHERE id = 1 RETURNING sequence, hash"
            ).first()
        else { throw AuditError.headMissing }
        var sequence = try head.decode(column: "sequence", as: Int64.self) - Int64(items.count)
        var previous = try head.decode(column: "hash", as: String.self)
        let at = Date(timeIntervalSince1970: (now.timeIntervalSince1970 * 1000).rounded() / 1000)
        let key = store.auditKeys.current
        var rows: [[any SQLExpression]] = []
        for (event, context) in items {
            sequence += 1
            var entry = AuditEntry(
                sequence: sequence, at: at, event: event.event, residentID: event.residentID,
                userID: context.actor?.userID, username: context.actor?.username,
                organisationID: context.actor?.organisationID, role: context.actor?.role,
                accessPoint: context.accessPoint, objects: event.objects, previousHash: previous, keyID: key.id)
            entry.hash = key.mac(entry.canonicalContent)
            previous = entry.hash
            rows.append([
                SQLBind(entry.sequence), SQLBind(Int64((entry.at.timeIntervalSince1970 * 1000).rounded())),
                SQLBind(entry.event), SQLBind(entry.residentID?.uuid), SQLBind(entry.userID?.uuid),
                SQLBind(entry.username), SQLBind(entry.organisationID?.uuid), SQLBind(entry.role?.rawValue),
                SQLBind(entry.accessPoint), SQLBind(entry.objects.joined(separator: ",")),
                SQLBind(entry.previousHash), SQLBind(entry.hash), SQLBind(entry.keyID),
            ])
        }
        // Thirteen parameters a row; 400 rows stay well below both databases' parameter limits.
        for chunk in stride(from: 0, to: rows.count, by: 400) {
            var insert = sql.insert(into: "audit_entries")
                .columns(
                    "sequence", "at_ms", "event", "resident_id", "user_id", "username", "organisation_id", "role",
                    "access_point", "objects", "previous_hash", "hash", "key_id")
            for row in rows[chunk..<min(rows.count, chunk + 400)] { insert = insert.values(row) }
            try await insert.run()
        }
        try await sql.update("audit_head").set("hash", to: SQLBind(previous)).where("id", .equal, SQLBind(1)).run()
    }

    /// Appends entries in a transaction of their own, e.g. for a read or a refusal; returns once they are
    /// committed. Reads that arrive together share one transaction (group commit), so the chain's single
    /// writer is not the limit of how many residents' pages can be opened at once.
    public func record(_ events: [AuditEvent], context: AuditContext) async throws {
        guard !events.isEmpty else { return }
        try await store.auditBatcher.submit(events.map { ($0, context) }, log: self)
    }

    /// Decides whether the context's actor may read the access log of a resident (nil: the whole log), by
    /// the access policy: the administrator every part, a team's coordinator the residents of the team. A
    /// refusal is logged.
    public func authorizeReading(of resident: Resident.ID?, context: AuditContext) async throws {
        guard let actor = context.actor else { throw DomainError.forbidden(reason: "anonymous") }
        var scope: ResidentScope?
        if let resident { scope = try await store.residents(context).scopeIfExists(of: resident) }
        guard AccessPolicy.canViewAuditLog(of: scope, by: actor) else {
            try await record([AuditEvent(.accessDenied, resident: resident, objects: ["audit.read"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
    }

    /// The access log as the context's actor may read it (checked first); reading a resident's part is
    /// itself logged, as an access to their data.
    public func entries(resident: Resident.ID?, from: Date?, to: Date?, page: Paging, context: AuditContext)
        async throws -> Paged<AuditEntry>
    {
        try await authorizeReading(of: resident, context: context)
        let entries = try await entries(resident: resident, from: from, to: to, page: page)
        if let resident { try await record([AuditEvent(.auditRead, resident: resident)], context: context) }
        return entries
    }

    /// Entries about one resident, newest first, optionally within a period.
    public func entries(resident: Resident.ID?, from: Date?, to: Date?, page: Paging) async throws -> Paged<AuditEntry>
    {
        func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.from("audit_entries")
            if let resident { query = query.where("resident_id", .equal, SQLBind(resident.uuid)) }
            if let from { query = query.where("at_ms", .greaterThanOrEqual, SQLBind(Self.millis(from))) }
            if let to { query = query.where("at_ms", .lessThan, SQLBind(Self.millis(to))) }
            return query
        }
        let total =
            try await filtered(store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await filtered(store.sql.select().column("*"))
            .orderBy("sequence", .descending).limit(page.perPage).offset(page.offset).all()
        return Paged(items: try rows.map(Self.entry(from:)), page: page.page, perPage: page.perPage, total: total)
    }

    /// Walks the whole chain in order and checks every link, MAC and the recorded head; then that the log
    /// still holds each anchored entry with the MAC written down when it was anchored.
    public func verify(anchors: [AuditAnchor] = []) async throws -> AuditChainCheck {
        var verifier = AuditChainVerifier(digest: digest)
        var after: Int64 = 0
        var anchored = Dictionary(anchors.map { ($0.sequence, $0) }, uniquingKeysWith: { first, _ in first })
        read: while true {
            let rows = try await store.sql.select().column("*").from("audit_entries")
                .where("sequence", .greaterThan, SQLBind(after)).orderBy("sequence").limit(2000).all()
            if rows.isEmpty { break }
            for row in rows {
                // A value that is not what the column should hold is named as the entry it is in.
                let sequence = try? row.decode(column: "sequence", as: Int64.self)
                guard let entry = try? Self.entry(from: row) else {
                    verifier.unreadable(sequence: sequence)
                    break read
                }
                verifier.check(entry)
                if let anchor = anchored.removeValue(forKey: entry.sequence), anchor.hash != entry.hash,
                    verifier.failure == nil
                {
                    return .broken(sequence: entry.sequence, reason: "anchor")
                }
                after = entry.sequence
            }
        }
        guard let head = try await store.sql.raw("SELECT sequence, hash FROM audit_head WHERE id = 1").first() else {
            throw AuditError.headMissing
        }
        let verdict = verifier.finish(
            headSequence: try head.decode(column: "sequence", as: Int64.self),
            headHash: try head.decode(column: "hash", as: String.self))
        if case .intact = verdict, let missing = anchored.keys.min() {
            return .broken(sequence: missing, reason: "anchorMissing")
        }
        return verdict
    }

    /// The last entry of the chain as an anchor to keep outside the database; nil while the log is empty.
    public func anchor() async throws -> AuditAnchor? {
        guard
            let row = try await store.sql.select().column("*").from("audit_entries").orderBy("sequence", .descending)
                .limit(1).first()
        else { return nil }
        let entry = try Self.entry(from: row)
        return AuditAnchor(sequence: entry.sequence, hash: entry.hash, keyID: entry.keyID, at: store.clock.now())
    }

    static func millis(_ date: Date) -> Int64 { date.millisecondsSince1970 }

    static func entry(from row: any SQLRow) throws -> AuditEntry {
        let objects = try row.decode(column: "objects", as: String.self)
        return AuditEntry(
            sequence: try row.decode(column: "sequence", as: Int64.self),
            at: Date(timeIntervalSince1970: Double(try row.decode(column: "at_ms", as: Int64.self)) / 1000),
            event: try row.decode(column: "event", as: String.self),
            residentID: try row.decode(column: "resident_id", as: UUID?.self).map { .init($0) },
            userID: try row.decode(column: "user_id", as: UUID?.self).map { .init($0) },
            username: try row.decode(column: "username", as: String?.self),
            organisationID: try row.decode(column: "organisation_id", as: UUID?.self).map { .init($0) },
            role: try Self.role(row.decode(column: "role", as: String?.self)),
            accessPoint: try row.decode(column: "access_point", as: String?.self),
            objects: objects.isEmpty ? [] : objects.split(separator: ",").map(String.init),
            previousHash: try row.decode(column: "previous_hash", as: String.self),
            hash: try row.decode(column: "hash", as: String.self),
            keyID: try row.decode(column: "key_id", as: String?.self))
    }
}

/// Collects audit entries from concurrent requests and writes what has gathered in one transaction,
/// while the previous one commits. Every caller waits for the commit that holds its entries.
actor AuditBatcher {
    private typealias Waiter = (
        items: [(event: AuditEvent, context: AuditContext)], done: CheckedContinuation<Void, any Error>
    )
    private var pending: [Waiter] = []
    private var writing = false

    func submit(_ items: [(event: AuditEvent, context: AuditContext)], log: AuditLog) async throws {
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, any Error>) in
            pending.append((items, continuation))
            if !writing {
                writing = true
                Task { await self.drain(log) }
            }
        }
    }

    private func drain(_ log: AuditLog) async {
        while !pending.isEmpty {
            let batch = pending
            pending = []
            let items = batch.flatMap(\.items)
            do {
                try await log.store.write { database in try await log.append(items, on: database) }
                for waiter in batch { waiter.done.resume() }
            } catch {
                for waiter in batch { waiter.done.resume(throwing: error) }
            }
        }
        writing = false
    }
}

/// Whether a refusal of one request has been written to the access log.
public final class RefusalNote: @unchecked Sendable {
    private let lock = NSLock()
    private var logged = false

    public init() {}

    public var isLogged: Bool { lock.withLock { logged } }

    func markLogged() { lock.withLock { logged = true } }
}

enum AuditError: Error {
    case headMissing
    case unknownRole
}

extension AuditLog {
    /// A stored role; a value that is no role makes the entry unreadable instead of silently roleless.
    static func role(_ raw: String?) throws -> Role? {
        guard let raw else { return nil }
        guard let role = Role(rawValue: raw) else { throw AuditError.unknownRole }
        return role
    }
}

extension Store {
    public var audit: AuditLog { AuditLog(store: self) }
}

extension AuditLog {
    /// The residents of the access-log view: by id, or matching a name or postcode, as far as the viewer may
    /// look at their log (the administrator every resident, a coordinator those of their teams). Each one
    /// named is logged as looked up.
    public func subjects(
        ids: Set<Resident.ID> = [], matching text: String? = nil, context: AuditContext, limit: Int = 50
    )
        async throws -> [AuditSubject]
    {
        guard let actor = context.actor, AccessPolicy.canViewAuditLog(of: nil, by: actor) || actor.role == .coordinator,
            !ids.isEmpty || text?.nonEmpty != nil
        else { return [] }
        var query = store.sql.select()
            .column(SQLColumn("id", table: "r")).column(SQLColumn("given_name", table: "r"))
            .column(SQLColumn("family_name", table: "r")).column(SQLColumn("responsible_team_id", table: "r"))
            .column(SQLColumn("buurt_code", table: "a")).column(SQLColumn("street", table: "a"))
            .column(SQLColumn("house_number", table: "a")).column(SQLColumn("house_letter", table: "a"))
            .column(SQLColumn("house_number_addition", table: "a")).column(SQLColumn("postcode", table: "a"))
            .column(SQLColumn("place", table: "a"))
            .from(SQLAlias(SQLIdentifier("residents"), as: SQLIdentifier("r")))
            .join(
                SQLAlias(SQLIdentifier("addresses"), as: SQLIdentifier("a")), method: SQLJoinMethod.left,
                on: SQLColumn("address_id", table: "r"), .equal, SQLColumn("id", table: "a"))
        if !ids.isEmpty { query = query.where(SQLColumn("id", table: "r"), .in, SQLBind.group(ids.map(\.uuid))) }
        if let text = text?.nonEmpty {
            if let postcode = try? Postcode(text) {
                query = query.where(SQLColumn("postcode", table: "a"), .equal, SQLBind(postcode.value))
            } else {
                query = query.where(SQLColumn("name_key", table: "r"), .like, SQLBind("%\(text.matchKey)%"))
            }
        }
        let rows = try await query.orderBy(SQLColumn("family_name", table: "r")).limit(limit).all()
        var found: [AuditSubject] = []
        for row in rows {
            let id = Resident.ID(try row.decode(column: "id", as: UUID.self))
            let scope = try ResidentScope(id, row: row)
            guard AccessPolicy.canViewAuditLog(of: scope, by: actor) else { continue }
            found.append(
                AuditSubject(
                    id: id,
                    name:
                        "\(try row.decode(column: "given_name", as: String.self)) \(try row.decode(column: "family_name", as: String.self))",
                    addressLine: try Address.singleLine(from: row)))
        }
        try await record(found.map { AuditEvent(.auditLookup, resident: $0.id) }, context: context)
        return found
    }
}
