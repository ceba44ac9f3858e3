import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

extension DeliveryForm: Content {}

/// Standing and one-off deliveries on the resident's file: arrange, change, pause and end.
enum DeliveryController {

    static func new(req: Request) async throws -> Response {
        let residentID = try req.entityID(Resident.self, "residentID")
        let file = try await req.store.residents(req.auditContext).file(residentID)
        guard file.canManageDeliveries else { throw DomainError.forbidden(reason: "scope") }
        let form = DeliveryForm(
            kind: "meal", schedule: "weekly", weekdays: [], startDate: req.today.description, endDate: nil,
            windowStart: "11:30", windowEnd: "13:00", doorNotes: nil)
        return req.page(DeliveryPages.form(form, file: file, deliveryID: nil, problems: [], context: req.pageContext))
    }

    static func create(req: Request) async throws -> Response {
        let residentID = try req.entityID(Resident.self, "residentID")
        let form = try req.content.decode(DeliveryForm.self)
        do {
            _ = try await req.store.deliveries(req.auditContext).create(for: residentID, form.input)
        } catch let error as ValidationError {
            let file = try await req.store.residents(req.auditContext).file(residentID)
            let page = req.page(
                DeliveryPages.form(
                    form, file: file, deliveryID: nil, problems: error.problems, context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        }
        return req.redirect(
            to: SiteRoute.resident(.value(residentID), .file).path(fragment: "leveringen"), redirectType: .normal)
    }

    static func edit(req: Request) async throws -> Response {
        let id = try req.entityID(Delivery.self, "deliveryID")
        let delivery = try await req.store.deliveries(req.auditContext).delivery(id)
        let file = try await req.store.residents(req.auditContext).file(delivery.residentID)
        return req.page(
            DeliveryPages.form(
                DeliveryForm(delivery), file: file, deliveryID: id, problems: [], context: req.pageContext))
    }

    static func update(req: Request) async throws -> Response {
        let id = try req.entityID(Delivery.self, "deliveryID")
        let form = try req.content.decode(DeliveryForm.self)
        let repository = req.store.deliveries(req.auditContext)
        do {
            let delivery = try await repository.update(id, with: form.input)
            return req.redirect(
                to: SiteRoute.resident(.value(delivery.residentID), .file).path(fragment: "leveringen"),
                redirectType: .normal)
        } catch let error as ValidationError {
            let delivery = try await repository.delivery(id)
            let file = try await req.store.residents(req.auditContext).file(delivery.residentID)
            let page = req.page(
                DeliveryPages.form(form, file: file, deliveryID: id, problems: error.problems, context: req.pageContext)
            )
            page.status = .unprocessableEntity
            return page
        }
    }

    struct PauseForm: Content {
        var pauseFrom: String
        var pauseUntil: String
        var pauseReason: String?
    }

    static func pause(req: Request) async throws -> Response {
        let id = try req.entityID(Delivery.self, "deliveryID")
        let form = try req.content.decode(PauseForm.self)
        let delivery = try await req.store.deliveries(req.auditContext).pause(
            id, from: form.pauseFrom, until: form.pauseUntil, reason: form.pauseReason)
        return req.redirect(
            to: SiteRoute.resident(.value(delivery.residentID), .file).path(fragment: "leveringen"),
            redirectType: .normal)
    }

    static func removePause(req: Request) async throws -> Response {
        let id = try req.entityID(Delivery.self, "deliveryID")
        let pauseID = try req.entityID(DeliveryPause.self, "pauseID")
        let delivery = try await req.store.deliveries(req.auditContext).removePause(pauseID, from: id)
        return req.redirect(
            to: SiteRoute.resident(.value(delivery.residentID), .file).path(fragment: "leveringen"),
            redirectType: .normal)
    }

    static func end(req: Request) async throws -> Response {
        let id = try req.entityID(Delivery.self, "deliveryID")
        let delivery = try await req.store.deliveries(req.auditContext).end(id)
        return req.redirect(
            to: SiteRoute.resident(.value(delivery.residentID), .file).path(fragment: "leveringen"),
            redirectType: .normal)
    }
}
