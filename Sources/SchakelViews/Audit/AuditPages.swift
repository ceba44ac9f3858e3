import Foundation
import SchakelCore
import SchakelRoutes

/// The access log per resident, as the privacy officer and a team's coordinator read it.
public enum AuditPages {
    public static func log(_ model: AuditLogPage, context: PageContext) -> PageContent {
        let t = context.t
        let (problems, choices, more, page, subjects) = (
            model.problems, model.choices, model.more, model.entries, model.subjects
        )
        let (resident, residentText, from, to) = (model.resident, model.residentText, model.from, model.to)
        // The id, never a name, goes into the address of the next page.
        let path = SiteRoute.admin(.audit).path(query: [
            ("resident", resident?.description), ("from", from), ("to", to),
        ])
        var body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: SiteRoute.admin(.audit).path(), context: context, [.cls("stacked")],
                [
                    Forms.field(
                        "resident", label: t("audit.resident"),
                        value: resident.flatMap { subjects[$0]?.name } ?? residentText, problems: problems, t: t,
                        hint: t("audit.residentHint")),
                    Forms.field("from", label: t("audit.from"), value: from, type: "date", problems: problems, t: t),
                    Forms.field("to", label: t("audit.to"), value: to, type: "date", problems: problems, t: t),
                    Forms.submit(t("common.search")),
                ]),
        ]
        if !choices.isEmpty {
            body.append(
                H.p(
                    more ? t("audit.chooseMany", choices.count) : t("audit.choose", choices.count),
                    [.cls("notice")]))
            body.append(
                H.el(
                    "ul", [.cls("cards")],
                    choices.map { subject in
                        H.el(
                            "li", [],
                            [
                                H.a(
                                    subject.name,
                                    href: SiteRoute.admin(.audit).path(query: [("resident", subject.id.description)]),
                                    [.cls("title")]),
                                H.text(" " + (subject.addressLine ?? "")),
                            ])
                    }))
        } else {
            body.append(
                page.items.isEmpty
                    ? H.p(t("audit.empty"), [.cls("empty")])
                    : Forms.table(
                        headers: [
                            "#", t("audit.when"), t("audit.event"), t("audit.residentColumn"), t("audit.user"),
                            t("admin.role"), t("audit.accessPoint"), t("audit.objects"),
                        ],
                        rows: page.items.map { entry in
                            [
                                H.text(String(entry.sequence)), H.text(DateText.dutch(entry.at)),
                                H.text(t.auditEvent(entry.event)),
                                H.text(entry.residentID.map { subjects[$0]?.name ?? t("audit.residentHidden") } ?? "—"),
                                H.text(entry.username ?? "—"), H.text(entry.role.map { t.role($0) } ?? "—"),
                                H.text(entry.accessPoint ?? "—"),
                                H.text(entry.objects.map { t.auditObject($0) }.joined(separator: ", ")),
                            ]
                        }))
            body.append(Forms.pager(page, path: path, t: t))
        }
        return PageContent(title: t("nav.audit"), body: body, status: problems.isEmpty ? .ok : .unprocessableEntity)
    }
}
