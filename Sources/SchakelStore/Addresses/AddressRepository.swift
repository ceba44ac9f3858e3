import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// The address register. Addresses are not resident files; changes are still audited.
public struct AddressRepository: Sendable {
    let store: Store

    public func find(_ id: Address.ID) async throws -> Address? {
        try await AddressRecord.find(id.uuid, on: store.database)?.domain()
    }

    public func find(postcode: Postcode, houseNumber: HouseNumber) async throws -> Address? {
        try await AddressRecord.query(on: store.database)
            .filter(\.$addressKey == AddressRecord.key(postcode, houseNumber)).first()?.domain()
    }

    /// Addresses, optionally within one postcode or area, ordered by postcode and number.
    public func list(page: Paging, postcode: Postcode? = nil, area: AreaCode? = nil) async throws -> Paged<Address> {
        var query = AddressRecord.query(on: store.database)
        if let postcode { query = query.filter(\.$postcode == postcode.value) }
        if let area { query = query.filter(\.$buurtCode =~ ("BU" + area.body)) }
        let total = try await query.count()
        let records = try await query.sort(\.$postcode).sort(\.$houseNumber).sort(\.$houseLetter)
            .sort(\.$addition).range(page.offset..<(page.offset + page.perPage)).all()
        return Paged(items: try records.map { try $0.domain() }, page: page.page, perPage: page.perPage, total: total)
    }

    public func create(_ input: AddressInput, context: AuditContext) async throws -> Address {
        let address = try input.validated(id: store.ids())
        let now = store.clock.now()
        return try await store.write { db in
            let key = AddressRecord.key(address.postcode, address.houseNumber)
            if try await AddressRecord.query(on: db).filter(\.$addressKey == key).count() > 0 {
                throw DomainError.conflict(key: "address.exists")
            }
            try await AddressRecord(address, at: now).create(on: db)
            try await store.audit.append(
                [AuditEvent("address.create", objects: ["address:\(address.id)"])], context: context, on: db)
            return address
        }
    }

    public func update(_ id: Address.ID, with input: AddressInput, context: AuditContext) async throws -> Address {
        let address = try input.validated(id: id)
        let now = store.clock.now()
        return try await store.write { db in
            guard let record = try await AddressRecord.find(id.uuid, on: db) else {
                throw DomainError.notFound(kind: "address")
            }
            let key = AddressRecord.key(address.postcode, address.houseNumber)
            if try await AddressRecord.query(on: db).filter(\.$addressKey == key).filter(\.$id != id.uuid).count() > 0 {
                throw DomainError.conflict(key: "address.exists")
            }
            record.update(from: address, at: now)
            try await record.save(on: db)
            try await store.audit.append(
                [AuditEvent("address.update", objects: ["address:\(id)"])], context: context, on: db)
            return address
        }
    }

    /// The outcome of an import: how many were added and updated, or why rows were rejected.
    public struct ImportReport: Sendable, Equatable {
        public var created: Int
        public var updated: Int
        public var rejected: [AddressCSV.Rejection]

        public var succeeded: Bool { rejected.isEmpty }

        public init(created: Int, updated: Int, rejected: [AddressCSV.Rejection]) {
            self.created = created
            self.updated = updated
            self.rejected = rejected
        }
    }

    /// Imports rows all or nothing: every row is checked first; one rejected row means nothing is written.
    /// An address already in the register (same postcode and house number) is updated.
    public func importRows(_ rows: [AddressCSV.Row], context: AuditContext, progress: (@Sendable (Int) -> Void)? = nil)
        async throws
        -> ImportReport
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
        guard rejected.isEmpty else { return ImportReport(created: 0, updated: 0, rejected: rejected) }
        let now = store.clock.now()
        let toWrite = valid
        return try await store.write { db in
            var created = 0
            var updated = 0
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
                    if let record = existing[AddressRecord.key(item.address.postcode, item.address.houseNumber)] {
                        record.update(from: item.address, at: now)
                        try await record.save(on: db)
                        updated += 1
                    } else {
                        fresh.append(AddressRecord(item.address, at: now))
                    }
                }
                if !fresh.isEmpty { try await fresh.create(on: db) }
                created += fresh.count
                progress?(created + updated)
            }
            try await store.audit.append(
                [AuditEvent("address.import", objects: ["created:\(created)", "updated:\(updated)"])], context: context,
                on: db)
            return ImportReport(created: created, updated: updated, rejected: [])
        }
    }
}

extension Store {
    public var addresses: AddressRepository { AddressRepository(store: self) }
}
