import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// The address register. Addresses are not resident files; changes are still audited.
public struct AddressRepository: Sendable {
    let store: Store

    /// An address, for lookups that decide nothing about access (a resident's or signal's own address).
    public func find(_ id: Address.ID) async throws -> Address? {
        try await AddressRecord.find(id.uuid, on: store.database)?.domain()
    }

    /// An address of the register, for those who keep it.
    public func find(_ id: Address.ID, context: AuditContext) async throws -> Address? {
        try await requireManager(context, event: .addressRead)
        return try await find(id)
    }

    public func find(postcode: Postcode, houseNumber: HouseNumber) async throws -> Address? {
        try await AddressRecord.query(on: store.database)
            .filter(\.$addressKey == AddressRecord.key(postcode, houseNumber)).first()?.domain()
    }

    /// Addresses, optionally within one postcode or area, ordered by postcode and number.
    public func list(page: Paging, postcode: Postcode? = nil, area: AreaCode? = nil, context: AuditContext)
        async throws -> Paged<Address>
    {
        try await requireManager(context, event: .addressList)
        var query = AddressRecord.query(on: store.database)
        if let postcode { query = query.filter(\.$postcode == postcode.value) }
        if let area { query = query.filter(\.$buurtCode =~ ("BU" + area.body)) }
        let total = try await query.count()
        let records = try await query.sort(\.$postcode).sort(\.$houseNumber).sort(\.$houseLetter)
            .sort(\.$addition).range(page.offset..<(page.offset + page.perPage)).all()
        return Paged(items: try records.map { try $0.domain() }, page: page.page, perPage: page.perPage, total: total)
    }

    public func create(_ input: AddressInput, context: AuditContext) async throws -> Address {
        try await requireManager(context, event: .addressCreate)
        let address = try input.validated(id: store.ids())
        let now = store.clock.now()
        return try await store.write { db in
            let key = AddressRecord.key(address.postcode, address.houseNumber)
            if try await AddressRecord.query(on: db).filter(\.$addressKey == key).count() > 0 {
                throw DomainError.conflict(key: "address.exists")
            }
            try await AddressRecord(address, at: now).create(on: db)
            try await store.audit.append(
                [AuditEvent(.addressCreate, objects: ["address:\(address.id)"])], context: context, on: db)
            return address
        }
    }

    /// Changes an address. When its buurt changes, that is a move of every resident living there: the
    /// access policy decides on the residents read in this transaction, each move is audited and
    /// their open signals go to the team now responsible. A buurt code once set is never silently lost.
    public func update(_ id: Address.ID, with input: AddressInput, context: AuditContext) async throws -> Address {
        try await requireManager(context, event: .addressUpdate)
        let address = try input.validated(id: id)
        let now = store.clock.now()
        let denied: [AuditEvent]? = try await store.write { db in
            guard let record = try await Self.lockedRecord(id, on: db, engine: store.engine) else {
                throw DomainError.notFound(kind: "address")
            }
            let key = AddressRecord.key(address.postcode, address.houseNumber)
            if try await AddressRecord.query(on: db).filter(\.$addressKey == key).filter(\.$id != id.uuid).count() > 0 {
                throw DomainError.conflict(key: "address.exists")
            }
            let old = try record.buurtCode.map { try AreaCode($0) }
            if old != nil && address.buurtCode == nil {
                throw ValidationError(field: "buurtCode", key: "address.buurtRequired")
            }
            let residents = try await Self.residents(at: id, on: db)
            if let actor = context.actor,
                !AccessPolicy.canMoveAddress(from: old, to: address.buurtCode, residents: residents, by: actor)
            {
                return Self.refusals(residents, "address.update", address: id)
            }
            record.update(from: address, at: now)
            try await record.save(on: db)
            var events = [AuditEvent(.addressUpdate, objects: ["address:\(id)"])]
            if old != address.buurtCode {
                events += try await moved(residents, address: id, from: old, to: address.buurtCode, context, on: db)
            }
            try await store.audit.append(events, context: context, on: db)
            return nil
        }
        if let denied {
            try await store.audit.record(denied, context: context)
            throw DomainError.forbidden(reason: "scope")
        }
        return address
    }

    /// Records that the residents at an address moved from one buurt to another: on each timeline, with
    /// their open signals sent to the team now responsible; returns the access-log events of the moves.
    private func moved(
        _ residents: [ResidentScope], address: Address.ID, from old: AreaCode?, to new: AreaCode?,
        _ context: AuditContext, on db: any Database
    ) async throws -> [AuditEvent] {
        let now = store.clock.now()
        var events: [AuditEvent] = []
        for resident in residents {
            events.append(
                AuditEvent(
                    .residentMove, resident: resident.residentID,
                    objects: [
                        "resident:\(resident.residentID)", "address:\(address)",
                        old.map { "from:\($0)" } ?? "from:none",
                        new.map { "to:\($0)" } ?? "to:none",
                    ]))
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: resident.residentID, at: now, kind: "resident.updated",
                    actorID: context.actor?.userID, detail: "address")
            ).create(on: db)
            try await store.signals(context).rerouteOpenSignals(of: resident.residentID, buurt: new, on: db)
        }
        return events
    }

    /// The log lines of a refused move: one per resident living there, or one for the address when nobody does.
    private static func refusals(_ residents: [ResidentScope], _ event: String, address: Address.ID) -> [AuditEvent] {
        let objects = [event, "address:\(address)"]
        guard !residents.isEmpty else { return [AuditEvent(.accessDenied, objects: objects)] }
        return residents.map { AuditEvent(.accessDenied, resident: $0.residentID, objects: objects) }
    }

    /// The address row, locked for this transaction on PostgreSQL (SQLite's write queue already
    /// keeps other writers out), so nobody changes it between the check and the write.
    static func lockedRecord(_ id: Address.ID, on db: any Database, engine: DatabaseEngine) async throws
        -> AddressRecord?
    {
        if engine == .postgres {
            _ = try await db.sql.raw(
                "SELECT id FROM addresses WHERE id = \(bind: id.uuid) FOR UPDATE"
            ).all()
        }
        return try await AddressRecord.find(id.uuid, on: db)
    }

    /// The residents living at an address, with the scope the access policy decides on.
    static func residents(at id: Address.ID, on db: any Database) async throws -> [ResidentScope] {
        let rows = try await db.sql.raw(
            """
            SELECT r.id, r.responsible_team_id, a.buurt_code FROM residents r JOIN addresses a ON a.id = r.address_id
            WHERE r.address_id = \(bind: id.uuid)
            """
        ).all()
        return try rows.map { row in try ResidentScope(.init(try row.decode(column: "id", as: UUID.self)), row: row) }
    }

    /// The register is kept by administrators, coordinators and social workers (and operators on the
    /// command line); anyone else is refused, and the refusal is logged.
    public func requireManager(_ context: AuditContext, event: AuditAction) async throws {
        guard let actor = context.actor else {
            guard context.accessPoint == AuditContext.commandLine.accessPoint else {
                throw DomainError.forbidden(reason: "anonymous")
            }
            return
        }
        guard AccessPolicy.canManageAddresses(actor) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: [event.rawValue])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
    }

    /// Imports rows all or nothing: every row is checked first; one rejected row means nothing is written.
    /// An address already in the register (same postcode and house number) is updated.
    public func importRows(_ rows: [AddressCSV.Row], context: AuditContext, progress: (@Sendable (Int) -> Void)? = nil)
        async throws
        -> AddressImportReport
    {
        var rejected: [AddressCSV.Rejection] = []
        var valid: [(line: Int, address: Address)] = []
        var firstLineOfKey: [String: Int] = [:]
        for row in rows {
            do {
                let address = try row.input.validated(id: store.ids())
                let key = AddressRecord.key(address.postcode, address.houseNumber)
                if let first = firstLineOfKey[key] {
                    rejected.append(
                        .init(line: row.line, problems: [.init(field: "address", key: "csv.duplicateOf:\(first)")]))
                } else {
                    firstLineOfKey[key] = row.line
                    valid.append((row.line, address))
                }
            } catch let error as ValidationError {
                rejected.append(.init(line: row.line, problems: error.problems))
            }
        }
        guard rejected.isEmpty else { return AddressImportReport(created: 0, updated: 0, rejected: rejected) }
        try await requireManager(context, event: .addressImport)
        let now = store.clock.now()
        let toWrite = valid
        do {
            return try await store.write { db in
                var created = 0
                var updated = 0
                var events: [AuditEvent] = []
                var refused: [AddressCSV.Rejection] = []
                var denied: [AuditEvent] = []
                // Look existing addresses up in chunks, one query per chunk instead of one per row.
                for chunk in stride(from: 0, to: toWrite.count, by: 500).map({
                    Array(toWrite[$0..<min($0 + 500, toWrite.count)])
                }) {
                    let keys = chunk.map { AddressRecord.key($0.address.postcode, $0.address.houseNumber) }
                    let existing = Dictionary(
                        try await AddressRecord.query(on: db).filter(\.$addressKey ~~ keys).all().map {
                            ($0.addressKey, $0)
                        },
                        uniquingKeysWith: { first, _ in first })
                    var fresh: [AddressRecord] = []
                    for item in chunk {
                        guard let record = existing[AddressRecord.key(item.address.postcode, item.address.houseNumber)]
                        else {
                            fresh.append(AddressRecord(item.address, at: now))
                            continue
                        }
                        var address = item.address
                        address.id = .init(record.id!)
                        // An empty buurt code in a list keeps the one the register knows.
                        let old = try record.buurtCode.map { try AreaCode($0) }
                        if address.buurtCode == nil { address.buurtCode = old }
                        if old != address.buurtCode {
                            let residents = try await Self.residents(at: address.id, on: db)
                            if let actor = context.actor,
                                !AccessPolicy.canMoveAddress(
                                    from: old, to: address.buurtCode, residents: residents, by: actor)
                            {
                                refused.append(
                                    .init(
                                        line: item.line,
                                        problems: [.init(field: "buurtCode", key: "address.moveNotAllowed")]))
                                denied += Self.refusals(residents, "address.import", address: address.id)
                                continue
                            }
                            events += try await moved(
                                residents, address: address.id, from: old, to: address.buurtCode, context, on: db)
                        }
                        record.update(from: address, at: now)
                        try await record.save(on: db)
                        updated += 1
                    }
                    if !fresh.isEmpty { try await fresh.create(on: db) }
                    created += fresh.count
                    progress?(created + updated)
                }
                if !refused.isEmpty { throw RefusedImport(rejected: refused, denied: denied) }
                try await store.audit.append(
                    [AuditEvent(.addressImport, objects: ["created:\(created)", "updated:\(updated)"])] + events,
                    context: context, on: db)
                return AddressImportReport(created: created, updated: updated, rejected: [])
            }
        } catch let refused as RefusedImport {
            try await store.audit.record(refused.denied, context: context)
            return AddressImportReport(created: 0, updated: 0, rejected: refused.rejected)
        }
    }

    /// Rows that would move residents the importer may not move: the transaction is undone.
    private struct RefusedImport: Error {
        var rejected: [AddressCSV.Rejection]
        var denied: [AuditEvent]
    }
}

extension Store {
    public var addresses: AddressRepository { AddressRepository(store: self) }
}
