import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import Vapor

/// Standing and one-off deliveries on the resident's file: arrange, change, pause and end.
enum DeliveryController {
    struct DeliveryForm: Content {
        var kind: String
        var schedule: String
        var weekdays: [String]?
        var startDate: String
        var endDate: String?
        var windowStart: String
        var windowEnd: String
        var doorNotes: String?

        var input: DeliveryInput {
            DeliveryInput(
                kind: kind, schedule: schedule, weekdays: weekdays ?? [], startDate: startDate, endDate: endDate,
                windowStart: windowStart, windowEnd: windowEnd, doorNotes: doorNotes)
        }

        init(
            kind: String, schedule: String, weekdays: [String]?, startDate: String, endDate: String?,
            windowStart: String, windowEnd: String, doorNotes: String?
        ) {
            self.kind = kind
            self.schedule = schedule
            self.weekdays = weekdays
            self.startDate = startDate
            self.endDate = endDate
            self.windowStart = windowStart
            self.windowEnd = windowEnd
            self.doorNotes = doorNotes
        }

        init(_ delivery: Delivery) {
            var days: [String] = []
            var schedule = "once"
            var end: String?
            if case .weekly(let set, _, let until) = delivery.recurrence {
                days = set.sorted().map(\.key)
                schedule = "weekly"
                end = until?.description
            }
            self.init(
                kind: delivery.kind.rawValue, schedule: schedule, weekdays: days,
                startDate: delivery.recurrence.start.description, endDate: end,
                windowStart: delivery.windowStart.description, windowEnd: delivery.windowEnd.description,
                doorNotes: delivery.doorNotes)
        }
    }

    static func new(req: Request) async throws -> Response {
        let residentID = try req.entityID(Resident.self, "residentID")
        let file = try await req.store.residents(req.auditContext).file(residentID)
        guard file.canManageDeliveries else { throw DomainError.forbidden(reason: "scope") }
        let form = DeliveryForm(
            kind: "meal", schedule: "weekly", weekdays: [], startDate: req.today.description, endDate: nil,
            windowStart: "11:30", windowEnd: "13:00", doorNotes: nil)
        return DeliveryPages.form(form, file: file, deliveryID: nil, problems: [], request: req)
    }

    static func create(req: Request) async throws -> Response {
        let residentID = try req.entityID(Resident.self, "residentID")
        let form = try req.content.decode(DeliveryForm.self)
        do {
            _ = try await req.store.deliveries(req.auditContext).create(for: residentID, form.input)
        } catch let error as ValidationError {
            let file = try await req.store.residents(req.auditContext).file(residentID)
            let page = DeliveryPages.form(form, file: file, deliveryID: nil, problems: error.problems, request: req)
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
        return DeliveryPages.form(DeliveryForm(delivery), file: file, deliveryID: id, problems: [], request: req)
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
            let page = DeliveryPages.form(form, file: file, deliveryID: id, problems: error.problems, request: req)
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

/// The deliveries section of the resident's file and the delivery form.
enum DeliveryPages {
    /// Deliveries, for those who arrange them.
    static func section(_ deliveries: [Delivery], residentID: Resident.ID, request: Request) -> HTMLNode {
        let t = request.localizer
        var children: [HTMLNode] = [H.el("h2", [.id("leveringen")], [H.text(t("deliveries.title"))])]
        if deliveries.isEmpty { children.append(H.p(t("deliveries.empty"), [.cls("empty")])) }
        let today = request.today
        children.append(
            H.el(
                "ul", [.cls("cards")],
                deliveries.map { delivery in
                    var lines: [HTMLNode] = [
                        H.el("span", [.cls("title")], [H.text(t("deliveryKind." + delivery.kind.rawValue))]),
                        H.text(schedule(delivery, t: t)),
                    ]
                    if let notes = delivery.doorNotes {
                        lines.append(H.p(t("round.door") + " " + notes, [.cls("muted")]))
                    }
                    if !delivery.isActive(on: today) {
                        lines.append(H.p(t("deliveries.ended"), [.cls("withdrawn")]))
                        return H.el("li", [.cls("ended")], lines)
                    }
                    for pause in delivery.pauses where pause.until >= today {
                        lines.append(
                            H.div(
                                [.cls("pause")],
                                [
                                    H.text(
                                        t("deliveries.pause", pause.from.dutch, pause.until.dutch)
                                            + (pause.reason.map { " (\($0))" } ?? "")),
                                    Forms.post(
                                        action: SiteRoute.delivery(.value(delivery.id), .removePause(.value(pause.id)))
                                            .path(),
                                        request: request, [.cls("inline")],
                                        [
                                            H.el(
                                                "button", [.type("submit"), .cls("link-dark")],
                                                [H.text(t("deliveries.resume"))])
                                        ]),
                                ]))
                    }
                    lines.append(
                        H.el(
                            "details", [],
                            [
                                H.el("summary", [], [H.text(t("deliveries.pauseAction"))]),
                                Forms.post(
                                    action: SiteRoute.delivery(.value(delivery.id), .pause).path(), request: request,
                                    [.cls("row")],
                                    [
                                        Forms.field(
                                            "pauseFrom", label: t("field.pauseFrom"), value: today.description,
                                            type: "date", t: t, markOptional: false,
                                            scope: delivery.id.description),
                                        Forms.field(
                                            "pauseUntil", label: t("field.pauseUntil"), value: nil, type: "date",
                                            t: t, markOptional: false, scope: delivery.id.description),
                                        Forms.field(
                                            "pauseReason", label: t("field.pauseReason"), value: nil, t: t,
                                            scope: delivery.id.description),
                                        Forms.submit(t("deliveries.pauseAction")),
                                    ]),
                            ]))
                    lines.append(
                        H.div(
                            [.cls("actions")],
                            [
                                H.a(
                                    t("common.edit"), href: SiteRoute.delivery(.value(delivery.id), .edit).path(),
                                    [.cls("button secondary")]),
                                Forms.post(
                                    action: SiteRoute.delivery(.value(delivery.id), .end).path(), request: request,
                                    [.cls("inline")],
                                    [
                                        H.el(
                                            "button", [.type("submit"), .cls("secondary")],
                                            [H.text(t("deliveries.end"))])
                                    ]),
                            ]))
                    return H.el("li", [], lines)
                }))
        children.append(
            H.div(
                [.cls("actions")],
                [
                    H.a(
                        t("deliveries.new"), href: SiteRoute.resident(.value(residentID), .newDelivery).path(),
                        [.cls("button")])
                ]))
        return H.el("section", [], children)
    }

    static func schedule(_ delivery: Delivery, t: Localizer) -> String {
        let window = "\(delivery.windowStart)–\(delivery.windowEnd)"
        switch delivery.recurrence {
        case .once(let day): return t("deliveries.once", day.dutch, window)
        case .weekly(let days, let from, let until):
            let names = days.sorted().map { t("weekday." + $0.key) }.joined(separator: ", ")
            return t("deliveries.weekly", names, window, from.dutch)
                + (until.map { " " + t("deliveries.until", $0.dutch) } ?? "")
        }
    }

    static func form(
        _ form: DeliveryController.DeliveryForm, file: ResidentFile, deliveryID: Delivery.ID?,
        problems: [FieldProblem], request: Request
    ) -> Response {
        let t = request.localizer
        let action =
            deliveryID.map { SiteRoute.delivery(.value($0), .update).path() }
            ?? SiteRoute.resident(.value(file.resident.id), .deliveries).path()
        let body: [HTMLNode] = [
            H.a(
                t("common.back"), href: SiteRoute.resident(.value(file.resident.id), .file).path(fragment: "leveringen")
            ),
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: action, request: request, [.cls("stacked")],
                [
                    Forms.select(
                        "kind", label: t("field.deliveryKind"),
                        options: DeliveryKind.allCases.filter { $0 != .visit }.map {
                            ($0.rawValue, t("deliveryKind." + $0.rawValue))
                        }, selected: form.kind, problems: problems, t: t),
                    Forms.select(
                        "schedule", label: t("field.schedule"),
                        options: [("weekly", t("schedule.weekly")), ("once", t("schedule.once"))],
                        selected: form.schedule, problems: problems, t: t),
                    Forms.checkboxes(
                        "weekdays", legend: t("field.weekdays"),
                        options: Weekday.allCases.map { ($0.key, t("weekday." + $0.key)) },
                        checked: Set(form.weekdays ?? [])),
                    problems.contains { $0.field == "weekdays" }
                        ? H.p(t("problem.delivery.weekdays"), [.cls("field-error")]) : H.group([]),
                    Forms.field(
                        "startDate", label: t("field.startDate"), value: form.startDate, type: "date", required: true,
                        problems: problems, t: t),
                    Forms.field(
                        "endDate", label: t("field.endDate"), value: form.endDate, type: "date", problems: problems,
                        t: t),
                    Forms.field(
                        "windowStart", label: t("field.windowStart"), value: form.windowStart, type: "time",
                        required: true, problems: problems, t: t),
                    Forms.field(
                        "windowEnd", label: t("field.windowEnd"), value: form.windowEnd, type: "time", required: true,
                        problems: problems, t: t),
                    Forms.textarea(
                        "doorNotes", label: t("field.deliveryDoorNotes"), value: form.doorNotes, problems: problems,
                        t: t),
                    Forms.submit(t("common.save")),
                ]),
        ]
        return Layout.response(
            PageContent(
                title: t(deliveryID == nil ? "deliveries.newTitle" : "deliveries.editTitle", file.resident.fullName),
                body: body), request: request)
    }
}
