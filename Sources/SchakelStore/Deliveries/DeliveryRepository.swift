import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// Standing and one-off deliveries of a resident, with their pauses. Arranged by professionals who
/// fully see the resident; every read and change is audited and changes appear on the timeline.
public struct DeliveryRepository: Sendable, ActingRepository {
    let store: Store
    let context: AuditContext

    /// The resident's deliveries, current ones first; ended ones are kept for the record.
    public func deliveries(of resident: Resident.ID) async throws -> [Delivery] {
        let scope = try await store.residents(context).scope(of: resident)
        try await requireManage(scope)
        let records = try await DeliveryRecord.query(on: store.database).filter(\.$residentID == resident.uuid)
            .sort(\.$startDate).all()
        let deliveries = try await withPauses(records, on: store.database)
        if !deliveries.isEmpty {
            try await store.audit.record(
                [AuditEvent(.deliveryList, resident: resident, objects: deliveries.map { "delivery:\($0.id)" })],
                context: context)
        }
        let today = LocalDate(store.clock.now())
        return deliveries.sorted { ($0.isActive(on: today) ? 0 : 1) < ($1.isActive(on: today) ? 0 : 1) }
    }

    public func delivery(_ id: Delivery.ID) async throws -> Delivery {
        let (delivery, scope) = try await load(id)
        try await requireManage(scope)
        try await store.audit.record(
            [AuditEvent(.deliveryRead, resident: delivery.residentID, objects: ["delivery:\(id)"])], context: context
        )
        return delivery
    }

    /// Arranges a delivery, made by the actor's team that covers the resident.
    public func create(for resident: Resident.ID, _ input: DeliveryInput) async throws -> Delivery {
        let scope = try await store.residents(context).scope(of: resident)
        try await requireManage(scope)
        guard let team = try await coveringTeam(for: scope) else {
            throw ValidationError(field: "teamID", key: "delivery.noTeam")
        }
        let now = store.clock.now()
        let delivery = try input.validated(
            id: store.ids(), residentID: resident, teamID: team, today: LocalDate(now))
        let actorID = try actor.userID
        return try await store.write { db in
            try await DeliveryRecord(delivery, at: now, by: actorID).create(on: db)
            try await timeline(resident, "delivery.created", detail: delivery.kind.rawValue, on: db)
            try await store.audit.append(
                [AuditEvent(.deliveryCreate, resident: resident, objects: ["delivery:\(delivery.id)"])],
                context: context, on: db)
            return delivery
        }
    }

    /// Replaces the schedule, window and door notes; pauses stay.
    public func update(_ id: Delivery.ID, with input: DeliveryInput) async throws -> Delivery {
        let (before, scope) = try await load(id)
        try await requireManage(scope)
        var updated = try input.validated(
            id: id, residentID: before.residentID, teamID: before.teamID,
            today: min(before.recurrence.start, LocalDate(store.clock.now())))
        updated.pauses = before.pauses
        updated.cancelledAt = before.cancelledAt
        let stored = updated
        return try await store.write { db in
            guard let record = try await DeliveryRecord.find(id.uuid, on: db) else {
                throw DomainError.notFound(kind: "delivery")
            }
            record.update(from: stored)
            try await record.save(on: db)
            try await timeline(stored.residentID, "delivery.updated", detail: stored.kind.rawValue, on: db)
            try await store.audit.append(
                [AuditEvent(.deliveryUpdate, resident: stored.residentID, objects: ["delivery:\(id)"])],
                context: context, on: db)
            return stored
        }
    }

    /// Pauses the delivery from one day to another, e.g. during a hospital stay.
    public func pause(_ id: Delivery.ID, from: String, until: String, reason: String?) async throws -> Delivery {
        let (delivery, scope) = try await load(id)
        try await requireManage(scope)
        var validator = Validator()
        let start = validator.check("pauseFrom") { try LocalDate(from) }
        let end = validator.check("pauseUntil") { try LocalDate(until) }
        try validator.finish()
        let pause = try DeliveryPause(id: store.ids(), from: start!, until: end!, reason: reason)
        var paused = delivery
        paused.pauses.append(pause)
        let result = paused
        return try await store.write { db in
            try await DeliveryPauseRecord(pause, of: id).create(on: db)
            try await timeline(
                delivery.residentID, "delivery.paused", detail: "\(pause.from.dutch) – \(pause.until.dutch)", on: db)
            try await store.audit.append(
                [AuditEvent(.deliveryPause, resident: delivery.residentID, objects: ["delivery:\(id)"])],
                context: context, on: db)
            return result
        }
    }

    public func removePause(_ pauseID: DeliveryPause.ID, from id: Delivery.ID) async throws -> Delivery {
        let (delivery, scope) = try await load(id)
        try await requireManage(scope)
        guard delivery.pauses.contains(where: { $0.id == pauseID }) else { throw DomainError.notFound(kind: "pause") }
        var resumed = delivery
        resumed.pauses.removeAll { $0.id == pauseID }
        let result = resumed
        return try await store.write { db in
            try await DeliveryPauseRecord.query(on: db).filter(\.$id == pauseID.uuid).delete()
            try await timeline(delivery.residentID, "delivery.resumed", detail: nil, on: db)
            try await store.audit.append(
                [AuditEvent(.deliveryResume, resident: delivery.residentID, objects: ["delivery:\(id)"])],
                context: context, on: db)
            return result
        }
    }

    /// Stops the delivery for good; it stays on record.
    public func end(_ id: Delivery.ID) async throws -> Delivery {
        let (delivery, scope) = try await load(id)
        try await requireManage(scope)
        guard delivery.cancelledAt == nil else {
            throw DomainError.illegalTransition(from: "ended", to: "ended")
        }
        let now = store.clock.now()
        var ended = delivery
        ended.cancelledAt = now
        let result = ended
        return try await store.write { db in
            try await DeliveryRecord.query(on: db).filter(\.$id == id.uuid).set(\.$cancelledAt, to: now).update()
            try await timeline(delivery.residentID, "delivery.ended", detail: delivery.kind.rawValue, on: db)
            try await store.audit.append(
                [AuditEvent(.deliveryEnd, resident: delivery.residentID, objects: ["delivery:\(id)"])],
                context: context, on: db)
            return result
        }
    }

    /// Plans a visit without goods for a day, e.g. to follow up on a resident out of view.
    public func planVisit(to resident: Resident.ID, on date: LocalDate, team: Team.ID) async throws -> Delivery {
        let scope = try await store.residents(context).scope(of: resident)
        let actor = try actor
        guard AccessPolicy.canViewOutOfView(of: team, by: actor), AccessPolicy.view(of: scope, by: actor) == .full
        else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: resident, objects: ["visit.plan"])], context: context)
            throw DomainError.forbidden(reason: "scope")
        }
        let now = store.clock.now()
        guard date >= LocalDate(now) else { throw ValidationError(field: "date", key: "date.inPast") }
        let visit = Delivery(
            id: store.ids(), residentID: resident, teamID: team, kind: .visit, recurrence: .once(date),
            windowStart: try TimeOfDay(minutes: 9 * 60), windowEnd: try TimeOfDay(minutes: 17 * 60), doorNotes: nil)
        return try await store.write { db in
            try await DeliveryRecord(visit, at: now, by: actor.userID).create(on: db)
            try await timeline(resident, "visit.planned", detail: date.dutch, on: db)
            try await store.audit.append(
                [AuditEvent(.visitPlan, resident: resident, objects: ["delivery:\(visit.id)"])], context: context,
                on: db)
            return visit
        }
    }

    // MARK: Helpers

    func load(_ id: Delivery.ID) async throws -> (Delivery, ResidentScope) {
        guard let record = try await DeliveryRecord.find(id.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "delivery")
        }
        let delivery = try await withPauses([record], on: store.database)[0]
        return (delivery, try await store.residents(context).scope(of: delivery.residentID))
    }

    /// Deliveries by id with their pauses, read with SQLKit (two queries); unknown ids are left out.
    func deliveries(_ ids: [UUID]) async throws -> [Delivery] {
        guard !ids.isEmpty else { return [] }
        let sql = store.sql
        let pauses = try await sql.select().column("*").from(DeliveryPauseRecord.schema)
            .where("delivery_id", .in, SQLBind.group(ids)).orderBy("from_date").all()
            .map(DeliveryPauseRecord.pause(from:))
        let byDelivery = Dictionary(grouping: pauses, by: \.delivery)
        return try await sql.select().column("*").from(DeliveryRecord.schema)
            .where("id", .in, SQLBind.group(ids)).all()
            .map { row in
                let id = try row.decode(column: "id", as: UUID.self)
                return try DeliveryRecord.delivery(from: row, pauses: (byDelivery[id] ?? []).map(\.pause))
            }
    }

    /// Domain deliveries with their pauses, in the order of the records.
    func withPauses(_ records: [DeliveryRecord], on db: any Database) async throws -> [Delivery] {
        guard !records.isEmpty else { return [] }
        let pauses = try await DeliveryPauseRecord.query(on: db).filter(\.$deliveryID ~~ records.map { $0.id! })
            .sort(\.$fromDate).all()
        let byDelivery = Dictionary(grouping: pauses, by: \.deliveryID)
        return try records.map { try $0.domain(pauses: (byDelivery[$0.id!] ?? []).map { try $0.domain() }) }
    }

    /// The actor's team that is responsible for or covers the resident, if any.
    func coveringTeam(for scope: ResidentScope) async throws -> Team.ID? {
        let actor = try actor
        if let team = scope.responsibleTeamID, actor.teamIDs.contains(team) { return team }
        guard let buurt = scope.buurtCode, !actor.teamIDs.isEmpty else { return nil }
        let coverage = try await TeamCoverageRecord.query(on: store.database)
            .filter(\.$teamID ~~ actor.teamIDs.map(\.uuid)).all()
        return
            coverage
            .filter { (try? AreaCode($0.code))?.contains(buurt) == true }
            .map { Team.ID($0.teamID) }
            .min { $0.description < $1.description }
    }

    private func requireManage(_ scope: ResidentScope) async throws {
        guard AccessPolicy.canManageDeliveries(for: scope, by: try actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: scope.residentID, objects: ["deliveries"])], context: context)
            throw DomainError.forbidden(reason: "scope")
        }
    }

    private func timeline(_ resident: Resident.ID, _ kind: String, detail: String?, on db: any Database) async throws {
        try await TimelineEventRecord(
            TimelineEvent(
                id: store.ids(), residentID: resident, at: store.clock.now(), kind: kind, actorID: try actor.userID,
                detail: detail)
        ).create(on: db)
    }
}

extension Store {
    /// Deliveries on behalf of one actor; every call checks access and is audited.
    public func deliveries(_ context: AuditContext) -> DeliveryRepository {
        DeliveryRepository(store: self, context: context)
    }
}
