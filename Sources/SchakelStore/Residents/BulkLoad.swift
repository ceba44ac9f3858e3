import FluentKit
import Foundation
import SQLKit
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
        public var deliveries: [Delivery] = []
        /// Contact history; written with its timeline entries, and each resident's contact status is derived from it.
        public var contactMoments: [ContactMoment] = []

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
            for chunk in batch.deliveries.chunked(200) {
                try await chunk.map { DeliveryRecord($0, at: now, by: nil) }.create(on: db)
            }
            let pauses = batch.deliveries.flatMap { d in d.pauses.map { DeliveryPauseRecord($0, of: d.id) } }
            for chunk in pauses.chunked(200) { try await chunk.create(on: db) }
            try await insertContactHistory(batch.contactMoments, receivedAt: now, on: db)
            try await store.audit.append(
                [
                    AuditEvent(
                        .bulkLoad,
                        objects: [
                            "addresses:\(batch.addresses.count)", "households:\(batch.households.count)",
                            "residents:\(batch.residents.count)", "consents:\(batch.consents.count)",
                            "deliveries:\(batch.deliveries.count)", "contactMoments:\(batch.contactMoments.count)",
                        ])
                ], context: context, on: db)
        }
    }
}

extension BulkLoader {
    /// Plain multi-row inserts: at this volume (millions of moments for a benchmark city) Fluent models are too slow.
    func insertContactHistory(_ moments: [ContactMoment], receivedAt: Date, on db: any Database) async throws {
        guard !moments.isEmpty else { return }
        let sql = db.sql
        for chunk in moments.chunked(1000) {
            var insert = sql.insert(into: "contact_moments").columns(
                "id", "resident_id", "stop_id", "delivery_id", "outcome", "duration_minutes", "note", "concern",
                "recorded_at_ms", "day", "recorded_by", "received_at")
            var timeline = sql.insert(into: "timeline_events").columns(
                "id", "resident_id", "at", "kind", "actor_id", "detail")
            for m in chunk {
                let record = ContactMomentRecord(m, receivedAt: receivedAt)
                insert = insert.values([
                    SQLBind(m.id.uuid), SQLBind(m.residentID.uuid), SQLBind(m.stopID?.uuid),
                    SQLBind(m.deliveryID?.uuid), SQLBind(m.outcome.rawValue), SQLBind(m.durationMinutes),
                    SQLBind(m.note), SQLBind(m.concern), SQLBind(record.recordedAtMs), SQLBind(record.day),
                    SQLBind(m.recordedBy.uuid), SQLBind(receivedAt),
                ])
                timeline = timeline.values([
                    SQLBind(UUID()), SQLBind(m.residentID.uuid), SQLBind(m.recordedAt),
                    SQLBind(m.stopID == nil && m.deliveryID == nil ? "contact.visit" : "contact.delivery"),
                    SQLBind(m.recordedBy.uuid), SQLBind(ContactMoment.timelineDetail(m)),
                ])
            }
            try await insert.run()
            try await timeline.run()
        }
        // Each resident's status, as `RoundRepository.refreshStatus` would compute it moment by moment.
        var statuses: [(UUID, Int64?, Int64, Int, Int)] = []
        for (resident, list) in Dictionary(grouping: moments, by: \.residentID) {
            let ordered = list.sorted { $0.recordedAt > $1.recordedAt }
            let misses = ordered.prefix { $0.outcome.isMiss }.count
            let lastContact = ordered.first { $0.outcome.isRealContact }?.recordedAt.millisecondsSince1970
            let lastOutcome = ordered[0].recordedAt.millisecondsSince1970
            // Signals are not part of a bulk history, so none are open.
            statuses.append((resident.uuid, lastContact, lastOutcome, misses, 0))
        }
        for chunk in statuses.chunked(1000) {
            var insert = sql.insert(into: "resident_contact_status").columns(
                "resident_id", "last_contact_ms", "last_outcome_ms", "trailing_misses", "open_concerns")
            for s in chunk {
                insert = insert.values([SQLBind(s.0), SQLBind(s.1), SQLBind(s.2), SQLBind(s.3), SQLBind(s.4)])
            }
            try await insert.run()
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
