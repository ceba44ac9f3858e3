import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

extension SignalInboxQuery: Content {}

extension SignalForm: Content {}

/// Signals of concern: raising from the street, the inbox, triage and follow-up, the meldcode steps,
/// "check again" tasks and the reporter's view.
enum SignalController {

    static func new(req: Request) async throws -> Response {
        try await req.store.signals(req.auditContext).authorizeRaising()
        let form = SignalForm(
            residentID: req.query[String.self, at: "resident"], domains: [], urgency: "normal",
            contactMomentID: req.query[String.self, at: "contact"])
        return try await req.page(
            SignalPages.form(form, subject: subject(of: form, req: req), problems: [], context: req.pageContext))
    }

    static func create(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let form = try req.content.decode(SignalForm.self)
        do {
            var addressID: String?
            if form.residentID?.nonEmpty == nil, form.postcode?.nonEmpty != nil || form.houseNumber?.nonEmpty != nil {
                addressID = try await address(postcode: form.postcode ?? "", number: form.houseNumber ?? "", req: req)
                    .description
            }
            let signal = try await req.store.signals(req.auditContext).raise(
                SignalInput(
                    residentID: form.residentID, addressID: addressID, domains: form.allDomains,
                    urgency: form.urgency ?? "", observation: form.fullObservation, meldcode: form.meldcode == "on",
                    contactMomentID: form.contactMomentID))
            return req.redirect(
                to: SiteRoute.signals(.sent).path(query: [("urgency", signal.urgency.rawValue)]), redirectType: .normal)
        } catch let error as ValidationError {
            let page = try await req.page(
                SignalPages.form(
                    form, subject: subject(of: form, req: req), problems: error.problems, context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        }
    }

    /// The confirmation after raising; for an acute signal what to do now comes first.
    static func sent(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let acute = req.query[String.self, at: "urgency"] == SignalUrgency.acute.rawValue
        return req.page(SignalPages.sent(acute: acute, context: req.pageContext))
    }

    /// The inbox for professionals; the reporter's own signals for everyone else; counts for the policy role.
    static func index(req: Request) async throws -> Response {
        let actor = try req.requireAuthenticated().actor
        let repository = req.store.signals(req.auditContext)
        // Those who handle signals get the inbox, those who only follow the figures the statistics, and
        // everyone else the signals they raised.
        guard AccessPolicy.handlesSignals(actor.role) else {
            if AccessPolicy.canViewSignalCounts(actor) {
                return req.page(SignalPages.statistics(try await repository.statistics(), context: req.pageContext))
            }
            return req.redirect(to: SiteRoute.signals(.reported).path())
        }
        let teams = try await req.store.accounts.teams().filter { actor.teamIDs.contains($0.id) }
        let filterForm = try req.query.decode(SignalInboxQuery.self)
        let scope: SignalFilter.Scope
        if filterForm.team == "mine" || teams.isEmpty {
            scope = .mine
        } else if let text = filterForm.team, let id = Team.ID(text), actor.teamIDs.contains(id) {
            scope = .team(id)
        } else {
            scope = .team(teams[0].id)
        }
        let filter = SignalFilter(
            scope: scope, state: filterForm.state.flatMap(SignalState.init(rawValue:)),
            urgency: filterForm.urgency.flatMap(SignalUrgency.init(rawValue:)),
            domain: filterForm.domain.flatMap(LifeDomain.init(rawValue:)), overdueOnly: filterForm.overdue == "1")
        let page = try await repository.inbox(filter, page: try Paging(page: filterForm.page))
        let counts = try await repository.counts(scope)
        return req.page(
            SignalPages.inbox(
                page, counts: counts, filter: filter, query: filterForm, teams: teams, users: try await names(req),
                context: req.pageContext))
    }

    static func reported(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let page = try Paging(page: req.query[Int.self, at: "page"])
        return req.page(
            SignalPages.reported(
                try await req.store.signals(req.auditContext).reported(page: page), context: req.pageContext))
    }

    static func show(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let id = try req.entityID(Signal.self, "signalID")
        return try await page(of: id, problems: [], req: req)
    }

    static func page(
        of id: Signal.ID, problems: [FieldProblem], kept: [String: String] = [:], req: Request,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let repository = req.store.signals(req.auditContext)
        let detail = try await repository.detail(id)
        var siblings: [SignalSummary] = []
        if detail.canHandle, let resident = detail.signal.residentID, detail.signal.state.isOpen {
            siblings = try await repository.signals(of: resident).filter { $0.id != id && $0.state.isOpen }
        }
        let teams = try await req.store.accounts.teams()
        let users = try await req.store.accounts.users()
        let response = req.page(
            SignalPages.detail(
                detail, siblings: siblings, teams: teams,
                users: Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.displayName) }), problems: problems,
                kept: kept, context: req.pageContext))
        response.status = status
        return response
    }

    struct TransitionForm: Content {
        var event: String
        var outcome: String?
        var reason: String?
        var domains: [String]?
    }

    static func transition(req: Request) async throws -> Response {
        let id = try req.entityID(Signal.self, "signalID")
        let form = try req.content.decode(TransitionForm.self)
        let kept = ["event": form.event, "outcome": form.outcome, "reason": form.reason]
        return try await handling(id, req: req, kept: kept.compactMapValues { $0 }) {
            let domains = (form.domains ?? []).compactMap(LifeDomain.init(rawValue:))
            _ = try await req.store.signals(req.auditContext).apply(
                try SignalStep(name: form.event, outcome: form.outcome), to: id, reason: form.reason, domains: domains)
        }
    }

    struct AssignForm: Content {
        var teamID: String?
        var assigneeID: String?
        var assignReason: String?
    }

    static func assign(req: Request) async throws -> Response {
        let id = try req.entityID(Signal.self, "signalID")
        let form = try req.content.decode(AssignForm.self)
        let kept = ["teamID": form.teamID, "assigneeID": form.assigneeID, "assignReason": form.assignReason]
        return try await handling(id, req: req, kept: kept.compactMapValues { $0 }) {
            _ = try await req.store.signals(req.auditContext).assign(
                id, team: form.teamID?.nonEmpty.flatMap(Team.ID.init),
                assignee: form.assigneeID?.nonEmpty.flatMap(User.ID.init),
                reason: form.assignReason)
        }
    }

    struct MergeForm: Content {
        var targetID: String
        var mergeReason: String?
    }

    static func merge(req: Request) async throws -> Response {
        let id = try req.entityID(Signal.self, "signalID")
        let form = try req.content.decode(MergeForm.self)
        guard let target = Signal.ID(form.targetID) else {
            throw ValidationError(field: "targetID", key: "invalid")
        }
        let kept = ["targetID": form.targetID, "mergeReason": form.mergeReason]
        return try await handling(
            id, req: req, then: SiteRoute.signal(.value(target), .detail).path(), kept: kept.compactMapValues { $0 }
        ) {
            _ = try await req.store.signals(req.auditContext).merge(id, into: target, reason: form.mergeReason)
        }
    }

    struct TaskForm: Content {
        var taskFor: String
        var date: String
        var instruction: String
    }

    static func addTask(req: Request) async throws -> Response {
        let id = try req.entityID(Signal.self, "signalID")
        let form = try req.content.decode(TaskForm.self)
        let kept = ["taskFor": form.taskFor, "date": form.date, "instruction": form.instruction]
        // The store names the person `assigneeID`; on this page that is the task form's `taskFor`.
        return try await handling(id, req: req, kept: kept, renaming: ["assigneeID": "taskFor"]) {
            guard let assignee = User.ID(form.taskFor) else {
                throw ValidationError(field: "assigneeID", key: "required")
            }
            _ = try await req.store.signals(req.auditContext).addTask(
                to: id, assignee: assignee, date: form.date, instruction: form.instruction)
        }
    }

    struct MeldcodeForm: Content {
        var step: Int
        var reasoning: String
        var consultedWith: String?
        var conversationSkipped: String?
        var answer1: String?
        var answer2: String?
        var answer3: String?
        var answer4: String?
        var answer5: String?
        var followUp: String?

        /// The afwegingskader's answers in order, up to the first unanswered question.
        var answers: [Bool] {
            var result: [Bool] = []
            for answer in [answer1, answer2, answer3, answer4, answer5] {
                guard let answer, answer == "yes" || answer == "no" else { break }
                result.append(answer == "yes")
            }
            return result
        }
    }

    static func meldcode(req: Request) async throws -> Response {
        let id = try req.entityID(Signal.self, "signalID")
        let form = try req.content.decode(MeldcodeForm.self)
        var kept = ["reasoning": form.reasoning, "consultedWith": form.consultedWith, "followUp": form.followUp]
        kept["conversationSkipped"] = form.conversationSkipped
        for (index, answer) in [form.answer1, form.answer2, form.answer3, form.answer4, form.answer5].enumerated() {
            kept["answer\(index + 1)"] = answer
        }
        return try await handling(id, req: req, anchor: "meldcode", kept: kept.compactMapValues { $0 }) {
            _ = try await req.store.signals(req.auditContext).recordMeldcodeStep(
                id,
                MeldcodeStepInput(
                    step: form.step, reasoning: form.reasoning, consultedWith: form.consultedWith,
                    conversationSkipped: form.conversationSkipped == "on", answers: form.answers,
                    followUp: form.followUp))
        }
    }

    struct DoneForm: Content {
        var note: String?
    }

    static func completeTask(req: Request) async throws -> Response {
        let id = try req.entityID(SignalTask.self, "taskID")
        let form = try req.content.decode(DoneForm.self)
        try await req.store.signals(req.auditContext).completeTask(id, note: form.note)
        return req.redirect(to: SiteRoute.home.path(fragment: "nakijken"), redirectType: .normal)
    }

    // MARK: Settings

    static func settings(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        return try await settingsPage(problems: [], req: req)
    }

    static func settingsPage(problems: [FieldProblem], req: Request) async throws -> Response {
        let settings = try await req.store.signals(req.auditContext).settings()
        let users = try await req.store.accounts.users()
        let response = req.page(
            SignalPages.settings(
                deadlines: settings.deadlines, rules: settings.rules,
                teams: try await req.store.accounts.teams(), users: users,
                assignees: users.filter { AccessPolicy.handlesSignals($0.role) && $0.active }, problems: problems,
                context: req.pageContext))
        if !problems.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    struct DeadlineForm: Content {
        var acuteDays: Int
        var highDays: Int
        var normalDays: Int
    }

    static func saveDeadlines(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let form = try req.content.decode(DeadlineForm.self)
        do {
            try await req.store.signals(req.auditContext).setDeadlines(
                try SignalDeadlines(acute: form.acuteDays, high: form.highDays, normal: form.normalDays))
        } catch let error as ValidationError {
            return try await settingsPage(problems: error.problems, req: req)
        }
        return req.redirect(to: SiteRoute.signals(.settings).path(), redirectType: .normal)
    }

    struct RuleForm: Content {
        var domain: String?
        var minimumUrgency: String?
        var area: String?
        var teamID: String
        var assigneeID: String?
    }

    static func addRule(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let form = try req.content.decode(RuleForm.self)
        do {
            let draft = try RoutingRuleDraft(
                domain: form.domain, minimumUrgency: form.minimumUrgency, area: form.area, team: form.teamID,
                assignee: form.assigneeID)
            _ = try await req.store.signals(req.auditContext).addRule(draft)
        } catch let error as ValidationError {
            return try await settingsPage(problems: error.problems, req: req)
        }
        return req.redirect(to: SiteRoute.signals(.settings).path(fragment: "regels"), redirectType: .normal)
    }

    static func removeRule(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        try await req.store.signals(req.auditContext).removeRule(try req.entityID(RoutingRule.self, "ruleID"))
        return req.redirect(to: SiteRoute.signals(.settings).path(fragment: "regels"), redirectType: .normal)
    }

    // MARK: Helpers

    /// Runs a change; bad input shows the signal page again with the problems and what was entered (`kept`,
    /// by field name), anything else is the error page.
    private static func handling(
        _ id: Signal.ID, req: Request, then target: String? = nil, anchor: String = "acties",
        kept: [String: String], renaming: [String: String] = [:], _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
        } catch let error as ValidationError {
            let problems = error.problems.map { FieldProblem(field: renaming[$0.field] ?? $0.field, key: $0.key) }
            return try await page(of: id, problems: problems, kept: kept, req: req, status: .unprocessableEntity)
        } catch {
            // Often someone else (or another tab) moved the signal on meanwhile: show where it is now, and what
            // can be done from there, keeping what was typed.
            guard let problem = req.conflictProblem(error) else { throw error }
            return try await page(of: id, problems: [problem], kept: kept, req: req, status: .conflict)
        }
        return req.redirect(
            to: (target ?? SiteRoute.signal(.value(id), .detail).path()) + "#\(anchor)", redirectType: .normal)
    }

    /// Who the signal is about, as the form shows it: the resident's name when known and visible.
    private static func subject(of form: SignalForm, req: Request) async throws -> String? {
        guard let text = form.residentID?.nonEmpty, let id = Resident.ID(text) else { return nil }
        guard let file = try? await req.store.residents(req.auditContext).file(id) else { return nil }
        return [file.resident.fullName, file.address?.singleLine].compactMap { $0 }.joined(separator: ", ")
    }

    private static func address(postcode: String, number: String, req: Request) async throws -> Address.ID {
        var validator = Validator()
        let code = validator.check("postcode") { try Postcode(postcode) }
        let digits = number.trimmingCharacters(in: .whitespaces).prefix { $0.isNumber }
        let rest = number.trimmingCharacters(in: .whitespaces).dropFirst(digits.count)
            .trimmingCharacters(in: CharacterSet(charactersIn: " -"))
        let house = validator.check("houseNumber") { () throws -> HouseNumber in
            guard let value = Int(digits) else { throw ValidationError(field: "houseNumber", key: "required") }
            if rest.count == 1, rest.first!.isLetter { return try HouseNumber(number: value, letter: rest) }
            return try HouseNumber(number: value, addition: rest.isEmpty ? nil : rest)
        }
        try validator.finish()
        guard let address = try await req.store.addresses.find(postcode: code!, houseNumber: house!) else {
            throw ValidationError(field: "postcode", key: "signal.addressUnknown")
        }
        return address.id
    }

    /// Display names of users by id, for history and assignment.
    static func names(_ req: Request) async throws -> [User.ID: String] {
        Dictionary(uniqueKeysWithValues: try await req.store.accounts.users().map { ($0.id, $0.displayName) })
    }
}
