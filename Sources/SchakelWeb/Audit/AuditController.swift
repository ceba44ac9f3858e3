import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
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
        _ = try req.requireAuthenticated()
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
        try await req.store.audit.authorizeReading(of: resident, context: req.auditContext)
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
            page = try await req.store.audit.entries(
                resident: resident, from: fromDate, to: toDate, page: paging, context: req.auditContext)
        }
        let subjects = Dictionary(
            try await req.store.audit.subjects(
                ids: Set(page.items.compactMap(\.residentID)), context: req.auditContext
            ).map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let model = AuditLogPage(
            residentText: residentText, resident: resident, from: from, to: to, problems: problems, choices: choices,
            more: more, entries: page, subjects: subjects)
        return req.page(AuditPages.log(model, context: req.pageContext))
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
