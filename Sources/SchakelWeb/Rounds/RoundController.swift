import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

extension OutcomeForm: Content {}

/// The concierge's day: today's round with outcomes in two taps, the coordinator's planning of a team's
/// rounds, day summaries, visits without a delivery and the out-of-view list.
enum RoundController {
    // MARK: Rounds

    /// The actor's rounds today; a concierge with one round goes straight to it.
    static func index(req: Request) async throws -> Response {
        let actor = try req.requireAuthenticated().actor
        let today = req.today
        let mine = try await req.store.rounds(req.auditContext).myRounds(on: today)
        if actor.role == .concierge, mine.count == 1 {
            return req.redirect(to: SiteRoute.rounds(.round(.value(mine[0].id))).path(), redirectType: .normal)
        }
        let teams = try await req.store.rounds(req.auditContext).plannableTeams()
        return req.page(RoundPages.index(mine: mine, teams: teams, today: today, context: req.pageContext))
    }

    static func show(req: Request) async throws -> Response {
        let id = try req.entityID(Round.self, "roundID")
        let view = try await req.store.rounds(req.auditContext).round(id)
        return req.page(RoundPages.round(view, context: req.pageContext))
    }

    /// The outcome form of a stop, for phones without JavaScript: the form carries an id made when the
    /// page was drawn, so pressing twice stores one moment.
    static func logOutcome(req: Request) async throws -> Response {
        let roundID = try req.entityID(Round.self, "roundID")
        let stopID = try req.entityID(RoundStop.self, "stopID")
        let form = try req.content.decode(OutcomeForm.self)
        _ = try await req.store.rounds(req.auditContext).logContact(
            ContactMomentInput(
                id: form.id, residentID: form.residentID, stopID: stopID.description, outcome: form.outcome,
                durationMinutes: try minutes(form.durationMinutes), note: form.note, concern: form.concern,
                recordedAt: nil))
        return req.redirect(
            to: SiteRoute.rounds(.round(.value(roundID))).path(fragment: "stop-\(stopID)"), redirectType: .normal)
    }

    struct CorrectionForm: Content {
        var id: String?
        var residentID: String
        var corrects: String
        var outcome: String
        var durationMinutes: String?
        var note: String?
    }

    /// A mis-tapped outcome corrected on its own day, for phones without JavaScript. A correction that
    /// cannot be stored (too late, or someone corrected it first) shows the round again with the reason at the stop.
    static func correctOutcome(req: Request) async throws -> Response {
        let roundID = try req.entityID(Round.self, "roundID")
        let stopID = try req.entityID(RoundStop.self, "stopID")
        let form = try req.content.decode(CorrectionForm.self)
        let rounds = req.store.rounds(req.auditContext)
        do {
            _ = try await rounds.logContact(
                ContactMomentInput(
                    id: form.id, residentID: form.residentID, stopID: stopID.description, outcome: form.outcome,
                    durationMinutes: try minutes(form.durationMinutes), note: form.note, concern: nil,
                    recordedAt: nil, corrects: form.corrects))
        } catch let error as ValidationError {
            let t = req.localizer
            let text = error.problems.map { "\(t.field($0.field)) \(t.problem($0))" }.joined(separator: " ")
            let page = req.page(
                RoundPages.round(try await rounds.round(roundID), notice: (stopID, text), context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        } catch DomainError.conflict(let key) {
            let page = req.page(
                RoundPages.round(
                    try await rounds.round(roundID), notice: (stopID, req.localizer("conflict." + key)),
                    context: req.pageContext))
            page.status = .conflict
            return page
        }
        return req.redirect(
            to: SiteRoute.rounds(.round(.value(roundID))).path(fragment: "stop-\(stopID)"), redirectType: .normal)
    }

    // MARK: Visits without a delivery

    static func newContact(req: Request) async throws -> Response {
        let residentID = try req.entityID(Resident.self, "residentID")
        let file = try await req.store.residents(req.auditContext).file(residentID)
        return req.page(RoundPages.contactForm(file: file, problems: [], form: nil, context: req.pageContext))
    }

    static func createContact(req: Request) async throws -> Response {
        let residentID = try req.entityID(Resident.self, "residentID")
        let form = try req.content.decode(OutcomeForm.self)
        do {
            _ = try await req.store.rounds(req.auditContext).logContact(
                ContactMomentInput(
                    id: form.id, residentID: residentID.description, stopID: nil, outcome: form.outcome,
                    durationMinutes: try minutes(form.durationMinutes), note: form.note, concern: form.concern,
                    recordedAt: nil))
        } catch let error as ValidationError {
            let file = try await req.store.residents(req.auditContext).file(residentID)
            let page = req.page(
                RoundPages.contactForm(file: file, problems: error.problems, form: form, context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        }
        return req.redirect(
            to: SiteRoute.resident(.value(residentID), .file).path(query: [("vastgelegd", "1")]), redirectType: .normal)
    }

    // MARK: Planning

    struct DayQuery: Content {
        var team: String?
        var date: String?
    }

    static func plan(req: Request) async throws -> Response {
        let (team, date, teams) = try await teamAndDate(req, try req.query.decode(DayQuery.self))
        let day = try await req.store.rounds(req.auditContext).planningDay(team: team.id, date: date)
        return req.page(RoundPages.planning(day, team: team, teams: teams, context: req.pageContext))
    }

    struct GenerateForm: Content {
        var team: String
        var date: String
        var concierges: [String]?
    }

    static func generate(req: Request) async throws -> Response {
        let form = try req.content.decode(GenerateForm.self)
        let (team, date, _) = try await teamAndDate(req, DayQuery(team: form.team, date: form.date))
        let concierges = try (form.concierges ?? []).map { try User.ID(parsing: $0) }
        let seconds = req.schakel.configuration.roundPlanningSeconds
        try await req.store.rounds(req.auditContext).generate(
            team: team.id, date: date, concierges: concierges, planner: RoundPlanning.planner(seconds: seconds))
        return req.redirect(
            to: SiteRoute.rounds(.plan).path(query: [("team", team.id.description), ("date", date.description)]),
            redirectType: .normal)
    }

    struct MoveForm: Content {
        var round: String?
        var direction: String?
        var back: String?
    }

    /// Moves a stop to another round, or one place up or down.
    static func moveStop(req: Request) async throws -> Response {
        let stopID = try req.entityID(RoundStop.self, "stopID")
        let form = try req.content.decode(MoveForm.self)
        let rounds = req.store.rounds(req.auditContext)
        if let direction = form.direction {
            try await rounds.reorder(stopID, by: direction == "up" ? -1 : 1)
        } else if let target = form.round {
            try await rounds.move(stopID, to: try Round.ID(parsing: target))
        }
        let back =
            form.back.flatMap { $0.hasPrefix(SiteRoute.rounds(.index).path() + "/") && !$0.hasPrefix("//") ? $0 : nil }
            ?? SiteRoute.rounds(.index).path()
        // Back at the stop that moved, not at the top of a long planning page.
        return req.redirect(to: back + "#plan-stop-\(stopID)", redirectType: .normal)
    }

    static func summary(req: Request) async throws -> Response {
        let (team, date, teams) = try await teamAndDate(req, try req.query.decode(DayQuery.self))
        let rounds = req.store.rounds(req.auditContext)
        var rows: [(String, DaySummary)] = []
        for (concierge, name) in try await rounds.conciergesOnDuty(team: team.id, date: date) {
            rows.append((name, try await rounds.daySummary(of: concierge, on: date)))
        }
        return req.page(RoundPages.summary(rows, team: team, teams: teams, date: date, context: req.pageContext))
    }

    // MARK: Out of view

    static func outOfView(req: Request) async throws -> Response {
        let named = (try? req.query.get(String.self, at: "team"))?.nonEmpty
        if let named, Team.ID(named) == nil {
            // Not a team: refused for someone who sees no list, not found for someone who does.
            _ = try await req.store.rounds(req.auditContext).outOfViewTeams(choosing: nil)
            throw DomainError.notFound(kind: "team")
        }
        return try await outOfViewPage(req, team: named.flatMap { Team.ID($0) }, problems: [])
    }

    /// The out-of-view list of a team (the first of the viewer's when none is asked for), with the problems
    /// of a refused form at its field and what was typed kept.
    static func outOfViewPage(
        _ req: Request, team requested: Team.ID?, problems: [FieldProblem], typed: [String: String] = [:],
        visitFor: Resident.ID? = nil
    ) async throws -> Response {
        let rounds = req.store.rounds(req.auditContext)
        let (team, teams) = try await rounds.outOfViewTeams(choosing: requested)
        let page = try Paging(page: try? req.query.get(Int.self, at: "page"))
        let entries = try await rounds.outOfView(team: team.id, today: req.today, page: page)
        let rule = try await rounds.outOfViewRule(of: team.id)
        let response = req.page(
            RoundPages.outOfView(
                entries, rule: rule, team: team, teams: teams, problems: problems, typed: typed, visitFor: visitFor,
                planned: (try? req.query.get(String.self, at: "gepland")) == "1",
                canChangeRule: try await rounds.plannableTeams().contains { $0.id == team.id },
                context: req.pageContext))
        if !problems.isEmpty { response.status = .unprocessableEntity }
        return response
    }

    struct VisitForm: Content {
        var team: String
        var residentID: String
        var date: String
    }

    static func planVisit(req: Request) async throws -> Response {
        let form = try req.content.decode(VisitForm.self)
        let team = try Team.ID(parsing: form.team)
        let resident = try Resident.ID(parsing: form.residentID)
        do {
            let date = try ValidationError.rename("date") { try LocalDate(form.date) }
            _ = try await req.store.deliveries(req.auditContext).planVisit(to: resident, on: date, team: team)
        } catch let error as ValidationError {
            return try await outOfViewPage(
                req, team: team, problems: error.problems, typed: ["date": form.date], visitFor: resident)
        }
        return req.redirect(
            to: SiteRoute.outOfView(.list).path(query: [("team", team.description), ("gepland", "1")]),
            redirectType: .normal)
    }

    struct SettingsForm: Content {
        var team: String
        var daysWithoutContact: String
        var missesInARow: String
    }

    static func saveSettings(req: Request) async throws -> Response {
        let form = try req.content.decode(SettingsForm.self)
        let team = try Team.ID(parsing: form.team)
        var validator = Validator()
        let days = Int(form.daysWithoutContact.trimmingCharacters(in: .whitespaces))
        let misses = Int(form.missesInARow.trimmingCharacters(in: .whitespaces))
        if days == nil { validator.add("daysWithoutContact", "outOfView.days") }
        if misses == nil { validator.add("missesInARow", "outOfView.misses") }
        do {
            try validator.finish()
            let rule = try OutOfViewRule(daysWithoutContact: days!, missesInARow: misses!)
            try await req.store.rounds(req.auditContext).setOutOfViewRule(rule, of: team)
        } catch let error as ValidationError {
            return try await outOfViewPage(
                req, team: team, problems: error.problems,
                typed: ["daysWithoutContact": form.daysWithoutContact, "missesInARow": form.missesInARow])
        }
        return req.redirect(
            to: SiteRoute.outOfView(.list).path(query: [("team", team.description)]), redirectType: .normal)
    }

    // MARK: Helpers

    static func minutes(_ text: String?) throws -> Int? {
        guard let text = text?.nonEmpty else { return nil }
        guard let minutes = Int(text) else { throw ValidationError(field: "durationMinutes", key: "contact.duration") }
        return minutes
    }

    /// The requested team (one the coordinator plans for) and date (today when absent).
    private static func teamAndDate(_ req: Request, _ query: DayQuery) async throws -> (Team, LocalDate, [Team]) {
        // Someone who plans no team is refused before a team they name is looked at.
        let named = query.team?.nonEmpty
        let (team, teams) = try await req.store.rounds(req.auditContext).planningTeams(
            choosing: named.flatMap { Team.ID($0) })
        if let named, Team.ID(named) == nil { throw DomainError.notFound(kind: "team") }
        let date = try query.date?.nonEmpty.map { text in try ValidationError.rename("date") { try LocalDate(text) } }
        return (team, date ?? req.today, teams)
    }
}

extension Request {
    /// Today in the Netherlands, by the application's clock.
    var today: LocalDate { LocalDate(store.clock.now()) }

    /// A typed id from a path parameter; a malformed one is "not found", like an unknown one.
    func entityID<Entity>(_: Entity.Type, _ name: String) throws -> EntityID<Entity> {
        guard let text = parameters.get(name), let id = EntityID<Entity>(text) else {
            throw DomainError.notFound(kind: String(describing: Entity.self).lowercased())
        }
        return id
    }
}
