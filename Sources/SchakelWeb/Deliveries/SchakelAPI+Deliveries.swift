import Foundation
import OpenAPIRuntime
import SchakelCore
import SchakelStore
import Vapor

/// The deliveries of the JSON API.
extension SchakelAPI {
    func listDeliveries(_ input: Operations.listDeliveries.Input) async throws -> Operations.listDeliveries.Output {
        let (request, _) = try APIRequest.authenticated()
        let resident = try Wire.residentID(input.query.residentId)
        let deliveries = try await request.store.deliveries(request.auditContext).deliveries(of: resident)
        return .ok(.init(body: .json(.init(items: deliveries.map { Wire.delivery($0, today: request.today) }))))
    }

    func createDelivery(_ input: Operations.createDelivery.Input) async throws -> Operations.createDelivery.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let delivery = try await request.store.deliveries(request.auditContext).create(
            for: try Wire.residentID(body.residentId), Wire.deliveryInput(body))
        return .created(.init(body: .json(Wire.delivery(delivery, today: request.today))))
    }

    func getDelivery(_ input: Operations.getDelivery.Input) async throws -> Operations.getDelivery.Output {
        let (request, _) = try APIRequest.authenticated()
        let delivery = try await request.store.deliveries(request.auditContext).delivery(
            try Wire.deliveryID(input.path.deliveryId))
        return .ok(.init(body: .json(Wire.delivery(delivery, today: request.today))))
    }

    func updateDelivery(_ input: Operations.updateDelivery.Input) async throws -> Operations.updateDelivery.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let id = try Wire.deliveryID(input.path.deliveryId)
        let repository = request.store.deliveries(request.auditContext)
        guard try await repository.delivery(id).residentID.description == body.residentId.lowercased() else {
            throw ValidationError(field: "residentId", key: "delivery.otherResident")
        }
        let delivery = try await repository.update(id, with: Wire.deliveryInput(body))
        return .ok(.init(body: .json(Wire.delivery(delivery, today: request.today))))
    }

    func pauseDelivery(_ input: Operations.pauseDelivery.Input) async throws -> Operations.pauseDelivery.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let delivery = try await request.store.deliveries(request.auditContext).pause(
            try Wire.deliveryID(input.path.deliveryId), from: body.from, until: body.until, reason: body.reason)
        return .created(.init(body: .json(Wire.delivery(delivery, today: request.today))))
    }

    func endDelivery(_ input: Operations.endDelivery.Input) async throws -> Operations.endDelivery.Output {
        let (request, _) = try APIRequest.authenticated()
        let delivery = try await request.store.deliveries(request.auditContext).end(
            try Wire.deliveryID(input.path.deliveryId))
        return .ok(.init(body: .json(Wire.delivery(delivery, today: request.today))))
    }
}

extension Wire {
    static func deliveryID(_ text: String) throws -> Delivery.ID {
        guard let id = Delivery.ID(text) else { throw DomainError.notFound(kind: "delivery") }
        return id
    }

    static func deliveryInput(_ body: Components.Schemas.DeliveryInput) -> DeliveryInput {
        DeliveryInput(
            kind: body.kind.rawValue, schedule: body.schedule.rawValue, weekdays: (body.weekdays ?? []).map(\.rawValue),
            startDate: body.startDate, endDate: body.endDate, windowStart: body.windowStart, windowEnd: body.windowEnd,
            doorNotes: body.doorNotes)
    }

    static func delivery(_ d: Delivery, today: LocalDate) -> Components.Schemas.Delivery {
        var weekdays: [Components.Schemas.Weekday] = []
        var schedule = "once"
        if case .weekly(let days, _, _) = d.recurrence {
            schedule = "weekly"
            weekdays = days.sorted().compactMap { .init(rawValue: $0.key) }
        }
        return .init(
            id: d.id.description, residentId: d.residentID.description, teamId: d.teamID.description,
            kind: .init(rawValue: d.kind.rawValue)!, schedule: .init(rawValue: schedule)!, weekdays: weekdays,
            startDate: d.recurrence.start.description, endDate: d.recurrence.end?.description,
            windowStart: d.windowStart.description, windowEnd: d.windowEnd.description, doorNotes: d.doorNotes,
            pauses: d.pauses.map {
                .init(id: $0.id.description, from: $0.from.description, until: $0.until.description, reason: $0.reason)
            },
            active: d.isActive(on: today), endedAt: d.cancelledAt)
    }
}
