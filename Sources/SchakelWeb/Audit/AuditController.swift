import Foundation
import SchakelCore
import SchakelStore
import Vapor

/// The access log per resident, filtered by period: for the administrator (privacy officer)
/// and for the coordinator of a team that covers the resident.
enum AuditController {
    static func index(req: Request) async throws -> Response {
        let actor = try req.requireAuthenticated().actor
        let t = req.localizer
        var problems: [FieldProblem] = []
        let residentText = (try? req.query.get(String.self, at: "resident"))?.nonEmpty
        let resident = residentText.flatMap(Resident.ID.init)
        if residentText != nil && resident == nil { problems.append(FieldProblem(field: "resident", key: "id.format")) }
        let scope =
            try await resident.asyncMap { try await req.store.residents(req.auditContext).scopeIfExists(of: $0) } ?? nil
        guard AccessPolicy.canViewAuditLog(of: scope, by: actor) else {
            try await req.store.audit.record(
                [AuditEvent("access.denied", resident: resident, objects: ["audit.read"])], context: req.auditContext)
            throw DomainError.forbidden(reason: "role")
        }
        let from = (try? req.query.get(String.self, at: "from"))?.nonEmpty
        let to = (try? req.query.get(String.self, at: "to"))?.nonEmpty
        var fromDate: Date?
        var toDate: Date?
        if let from { fromDate = startOfDay(from, field: "from", problems: &problems) }
        if let to { toDate = startOfDay(to, field: "to", problems: &problems).map { $0.addingTimeInterval(86400) } }
        let paging = try Paging(page: try? req.query.get(Int.self, at: "page"), perPage: 50)
        var page = Paged<AuditEntry>(items: [], page: 1, perPage: 50, total: 0)
        if problems.isEmpty {
            page = try await req.store.audit.entries(resident: resident, from: fromDate, to: toDate, page: paging)
            // Looking at the access log is itself an access to the resident's data.
            if let resident {
                try await req.store.audit.record(
                    [AuditEvent("audit.read", resident: resident)], context: req.auditContext)
            }
        }
        var query: [String] = []
        if let residentText { query.append("resident=\(residentText)") }
        if let from { query.append("from=\(from)") }
        if let to { query.append("to=\(to)") }
        let path = "/admin/audit" + (query.isEmpty ? "" : "?" + query.joined(separator: "&"))
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            H.el(
                "form",
                [Attr(name: "method", value: "get"), Attr(name: "action", value: "/admin/audit"), .cls("stacked")],
                [
                    Forms.field(
                        "resident", label: t("audit.resident"), value: residentText, problems: problems, t: t,
                        hint: t("audit.residentHint")),
                    Forms.field("from", label: t("audit.from"), value: from, type: "date", problems: problems, t: t),
                    Forms.field("to", label: t("audit.to"), value: to, type: "date", problems: problems, t: t),
                    Forms.submit(t("common.search")),
                ]),
            page.items.isEmpty
                ? H.p(t("audit.empty"), [.cls("empty")])
                : Forms.table(
                    headers: [
                        "#", t("audit.when"), t("audit.event"), t("audit.user"), t("admin.role"),
                        t("audit.accessPoint"), t("audit.objects"),
                    ],
                    rows: page.items.map { entry in
                        [
                            H.text(String(entry.sequence)), H.text(DateText.dutch(entry.at)), H.text(entry.event),
                            H.text(entry.username ?? "—"), H.text(entry.role.map { t.role($0) } ?? "—"),
                            H.text(entry.accessPoint ?? "—"),
                            H.text(entry.objects.joined(separator: ", ")),
                        ]
                    }),
            Forms.pager(page, path: path, t: t),
        ]
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
