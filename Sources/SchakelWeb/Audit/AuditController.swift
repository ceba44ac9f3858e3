import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import Vapor

/// The access log per resident, filtered by period: for the administrator (privacy officer)
/// and for the coordinator of a team that covers the resident.
enum AuditController {
    static func index(req: Request) async throws -> Response {
        try await page(
            req, residentText: (try? req.query.get(String.self, at: "resident"))?.nonEmpty,
            from: (try? req.query.get(String.self, at: "from"))?.nonEmpty,
            to: (try? req.query.get(String.self, at: "to"))?.nonEmpty, byName: false)
    }

    struct SearchForm: Content {
        var resident: String?
        var from: String?
        var to: String?
    }

    /// The filter form is posted, so a name or postcode typed in never appears in an address; one resident
    /// found is shown under their id.
    static func search(req: Request) async throws -> Response {
        let form = try req.content.decode(SearchForm.self)
        return try await page(
            req, residentText: form.resident?.nonEmpty, from: form.from?.nonEmpty, to: form.to?.nonEmpty, byName: true)
    }

    private static func page(_ req: Request, residentText: String?, from: String?, to: String?, byName: Bool)
        async throws -> Response
    {
        let actor = try req.requireAuthenticated().actor
        let t = req.localizer
        var problems: [FieldProblem] = []
        var resident = residentText.flatMap(Resident.ID.init)
        var choices: [AuditSubject] = []
        var more = false
        if residentText != nil, resident == nil, !byName {
            problems.append(FieldProblem(field: "resident", key: "id.format"))
        } else if let residentText, resident == nil {
            // A name or postcode: the one resident it finds, or a choice between several.
            choices = try await req.store.audit.subjects(matching: residentText, context: req.auditContext, limit: 51)
            more = choices.count > 50
            choices = Array(choices.prefix(50))
            if choices.count == 1 {
                resident = choices[0].id
                choices = []
            } else if choices.isEmpty {
                problems.append(FieldProblem(field: "resident", key: "audit.noResident"))
            }
        }
        let scope =
            try await resident.asyncMap { try await req.store.residents(req.auditContext).scopeIfExists(of: $0) } ?? nil
        guard AccessPolicy.canViewAuditLog(of: scope, by: actor) else {
            try await req.store.audit.record(
                [AuditEvent(.accessDenied, resident: resident, objects: ["audit.read"])], context: req.auditContext)
            throw DomainError.forbidden(reason: "role")
        }
        if byName, problems.isEmpty, choices.isEmpty, let resident {
            let target = SiteRoute.admin(.audit).path(query: [
                ("resident", resident.description), ("from", from), ("to", to),
            ])
            return req.redirect(to: target, redirectType: .normal)
        }
        var fromDate: Date?
        var toDate: Date?
        if let from { fromDate = startOfDay(from, field: "from", problems: &problems) }
        if let to { toDate = startOfDay(to, field: "to", problems: &problems).map { $0.addingTimeInterval(86400) } }
        let paging = try Paging(page: try? req.query.get(Int.self, at: "page"), perPage: 50)
        var page = Paged<AuditEntry>(items: [], page: 1, perPage: 50, total: 0)
        if problems.isEmpty && choices.isEmpty {
            page = try await req.store.audit.entries(resident: resident, from: fromDate, to: toDate, page: paging)
            // Looking at the access log is itself an access to the resident's data.
            if let resident {
                try await req.store.audit.record(
                    [AuditEvent(.auditRead, resident: resident)], context: req.auditContext)
            }
        }
        let subjects = Dictionary(
            try await req.store.audit.subjects(
                ids: Set(page.items.compactMap(\.residentID)), context: req.auditContext
            ).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        var query: [String] = []
        // The id, never a name, goes into the address of the next page.
        if let resident { query.append("resident=\(resident)") }
        if let from { query.append("from=\(from)") }
        if let to { query.append("to=\(to)") }
        let path = SiteRoute.admin(.audit).path() + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        var body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: SiteRoute.admin(.audit).path(), request: req, [.cls("stacked")],
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
        return Layout.response(
            PageContent(title: t("nav.audit"), body: body, status: problems.isEmpty ? .ok : .unprocessableEntity),
            request: req)
    }

    private static func startOfDay(_ text: String, field: String, problems: inout [FieldProblem]) -> Date? {
        guard let date = try? LocalDate(text) else {
            problems.append(FieldProblem(field: field, key: "date.format"))
            return nil
        }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .amsterdam
        return calendar.date(from: DateComponents(year: date.year, month: date.month, day: date.day))
    }
}

extension Optional {
    func asyncMap<U>(_ transform: (Wrapped) async throws -> U) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}
