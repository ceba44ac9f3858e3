import Foundation
import SchakelCore
import SchakelRoutes

/// The deliveries section of the resident's file and the delivery form.
public enum DeliveryPages {
    /// Deliveries, for those who arrange them.
    public static func section(_ deliveries: [Delivery], residentID: Resident.ID, context: PageContext) -> HTMLNode {
        let t = context.t
        var children: [HTMLNode] = [H.el("h2", [.id("leveringen")], [H.text(t("deliveries.title"))])]
        if deliveries.isEmpty { children.append(H.p(t("deliveries.empty"), [.cls("empty")])) }
        let today = context.today
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
                                        context: context, [.cls("inline")],
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
                                    action: SiteRoute.delivery(.value(delivery.id), .pause).path(), context: context,
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
                                    action: SiteRoute.delivery(.value(delivery.id), .end).path(), context: context,
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

    public static func schedule(_ delivery: Delivery, t: Localizer) -> String {
        let window = "\(delivery.windowStart)–\(delivery.windowEnd)"
        switch delivery.recurrence {
        case .once(let day): return t("deliveries.once", day.dutch, window)
        case .weekly(let days, let from, let until):
            let names = days.sorted().map { t("weekday." + $0.key) }.joined(separator: ", ")
            return t("deliveries.weekly", names, window, from.dutch)
                + (until.map { " " + t("deliveries.until", $0.dutch) } ?? "")
        }
    }

    public static func form(
        _ form: DeliveryForm, file: ResidentFile, deliveryID: Delivery.ID?,
        problems: [FieldProblem], context: PageContext
    ) -> PageContent {
        let t = context.t
        let action =
            deliveryID.map { SiteRoute.delivery(.value($0), .update).path() }
            ?? SiteRoute.resident(.value(file.resident.id), .deliveries).path()
        let body: [HTMLNode] = [
            H.a(
                t("common.back"), href: SiteRoute.resident(.value(file.resident.id), .file).path(fragment: "leveringen")
            ),
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: action, context: context, [.cls("stacked")],
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
        return PageContent(
            title: t(deliveryID == nil ? "deliveries.newTitle" : "deliveries.editTitle", file.resident.fullName),
            body: body)
    }
}
