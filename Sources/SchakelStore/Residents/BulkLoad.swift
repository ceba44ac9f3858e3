import FluentKit
import Foundation
import SchakelCore

/// Loads many records in one transaction, for demo data, imports and benchmarks.
/// It is logged as one audit entry naming the counts, not one per record.
public struct BulkLoader: Sendable {
    let store: Store

    public struct Batch: Sendable {
        public var addresses: [Address] = []
        public var households: [Household] = []
        public var residents: [Resident] = []
        public var consents: [Consent] = []

        public init() {}
    }

    public func load(_ batch: Batch, context: AuditContext) async throws {
        let now = store.clock.now()
        try await store.write { db in
            for chunk in batch.addresses.chunked(200) {
                try await chunk.map { AddressRecord($0, at: now) }.create(on: db)
            }
            for chunk in batch.households.chunked(200) {
                try await chunk.map { HouseholdRecord($0, at: now) }.create(on: db)
            }
            for chunk in batch.residents.chunked(100) {
                try await chunk.map { ResidentRecord($0, at: now) }.create(on: db)
            }
            for chunk in batch.residents.chunked(200) {
                try await chunk.map {
                    TimelineEventRecord(
                        TimelineEvent(
                            id: store.ids(), residentID: $0.id, at: now, kind: "resident.created", actorID: nil))
                }.create(on: db)
            }
            for chunk in batch.consents.chunked(200) { try await chunk.map { ConsentRecord($0) }.create(on: db) }
            try await store.audit.append(
                [
                    AuditEvent(
                        "bulk.load",
                        objects: [
                            "addresses:\(batch.addresses.count)", "households:\(batch.households.count)",
                            "residents:\(batch.residents.count)", "consents:\(batch.consents.count)",
                        ])
                ], context: context, on: db)
        }
    }
}

extension Array {
    func chunked(_ size: Int) -> [ArraySlice<Element>] {
        stride(from: 0, to: count, by: size).map { self[$0..<Swift.min($0 + size, count)] }
    }
}

extension Store {
    public var bulk: BulkLoader { BulkLoader(store: self) }
}
