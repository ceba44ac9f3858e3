import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

extension ActivityForm: Content {}

/// The neighbourhood's activities: a public calendar and iCalendar feed, upkeep by staff, and sign-ups and
/// attendance of residents (from the resident's file and the day's list).
enum ActivityController {
    /// How far ahead the calendar and the feed look.
    static let calendarDays = 28
    static let feedDays = 90

    struct CalendarQuery: Content {
        var wijk: String?
    }

    static func area(_ req: Request) throws -> AreaCode? {
        let query = try req.query.decode(CalendarQuery.self)
        return try query.wijk?.nonEmpty.map { code in try ValidationError.rename("wijk") { try AreaCode(code) } }
    }

    static func repository(_ req: Request) -> ActivityRepository { req.store.activities(req.auditContext) }

    /// The logged-in person, if any: the calendar is public.
    private static func viewer(_ req: Request) -> Actor? { req.authenticated?.actor }

    /// The buurten an activity can be in, for its form.
    private static func buurten(_ req: Request) async throws -> [Neighbourhood] {
        try await req.store.neighbourhoods.list(page: try Paging(perPage: 100), level: .buurt).items
    }

    static func calendar(req: Request) async throws -> Response {
        let area = try area(req)
        let days = try await repository(req).calendar(area: area, from: req.today, days: calendarDays)
        let wijken = try await req.store.neighbourhoods.list(page: try Paging(perPage: 100), level: .wijk).items
        return req.page(
            ActivityPages.calendar(
                days, area: area, wijken: wijken, canMaintain: viewer(req).map(AccessPolicy.canMaintainMap) ?? false,
                context: req.pageContext))
    }

    static func feed(req: Request) async throws -> Response {
        let area = try area(req)
        let days = try await repository(req).calendar(area: area, from: req.today, days: feedDays)
        // Links back to the activity use the host the calendar was fetched from, if it looks like one.
        let base = req.linkBase ?? ""
        let events = days.map { day in
            let period = day.activity.period(on: day.date)
            return ICalendar.Event(
                uid: "\(day.activity.id)-\(day.date)@schakel", start: period.start, end: period.end,
                summary: day.activity.title, description: day.activity.description + " — " + day.activity.organiser,
                location: [day.activity.placeName, day.activity.address].compactMap { $0 }.joined(separator: ", "),
                url: base.isEmpty ? nil : base + SiteRoute.activity(.value(day.activity.id)).path())
        }
        let name = "Activiteiten" + (area.map { " " + $0.description } ?? "")
        let response = Response(
            status: .ok, body: .init(string: ICalendar.feed(name: name, events: events, now: req.store.clock.now())))
        response.headers.contentType = HTTPMediaType(
            type: "text", subType: "calendar", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=900")
        return response
    }

    static func show(req: Request) async throws -> Response {
        let id = try req.entityID(Activity.self, "activityID")
        let repository = repository(req)
        let activity = try await repository.activity(id)
        let days = try await repository.calendar(area: nil, from: req.today, days: calendarDays).filter {
            $0.activity.id == id
        }
        return req.page(
            ActivityPages.activity(
                activity, days: days,
                canSeeSignUps: viewer(req).map { AccessPolicy.canSignUpForActivities(nil, by: $0) } ?? false,
                canMaintain: viewer(req).map(AccessPolicy.canMaintainMap) ?? false, context: req.pageContext))
    }

    // MARK: A day's sign-ups (staff)

    static func day(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let id = try req.entityID(Activity.self, "activityID")
        let date = try ValidationError.rename("date") { try LocalDate(req.parameters.get("date") ?? "") }
        let repository = repository(req)
        let activity = try await repository.activity(id)
        let lines = try await repository.signUps(for: id, on: date)
        return req.page(ActivityPages.day(activity, date: date, lines: lines, context: req.pageContext))
    }

    struct AttendanceForm: Content {
        var attended: String
    }

    static func attendance(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let signUp = try req.entityID(ActivitySignUp.self, "signUpID")
        let form = try req.content.decode(AttendanceForm.self)
        try await repository(req).recordAttendance(signUp, attended: form.attended == "yes")
        return req.redirect(
            to: req.headers.first(name: .referer).flatMap(localPath) ?? SiteRoute.activities.path(),
            redirectType: .normal)
    }

    /// Only a path on this site, never another site, as the place to go back to.
    static func localPath(_ referer: String) -> String? {
        guard let url = URL(string: referer), url.path.hasPrefix(SiteRoute.activities.path() + "/") else { return nil }
        return url.path
    }

    // MARK: Signing a resident up (from the resident's file)

    static func signUpForm(req: Request) async throws -> Response {
        let resident = try req.entityID(Resident.self, "residentID")
        let file = try await req.store.residents(req.auditContext).file(resident)
        let days = try await repository(req).calendar(area: nil, from: req.today, days: 14)
        return req.page(ActivityPages.signUpForm(file: file, days: days, problems: [], context: req.pageContext))
    }

    struct SignUpForm: Content {
        /// `activityID|date`.
        var day: String?
    }

    static func signUp(req: Request) async throws -> Response {
        let resident = try req.entityID(Resident.self, "residentID")
        let form = try req.content.decode(SignUpForm.self)
        do {
            let parts = (form.day ?? "").split(separator: "|").map(String.init)
            guard parts.count == 2, let id = Activity.ID(parts[0]) else {
                throw ValidationError(field: "day", key: "required")
            }
            let date = try ValidationError.rename("day") { try LocalDate(parts[1]) }
            _ = try await repository(req).signUp(resident, for: id, on: date)
            return req.redirect(
                to: SiteRoute.resident(.value(resident), .file).path(fragment: "tijdlijn"), redirectType: .normal)
        } catch let error as ValidationError {
            // The problems are about the chosen day, whatever the store calls the field.
            let problems = error.problems.map { FieldProblem(field: "day", key: $0.key) }
            return try await signUpFormAgain(req, resident, problems: problems, status: .unprocessableEntity)
        } catch DomainError.conflict(let key) {
            // Signed up already, or full: the form again with the reason at the day, not a dead end.
            return try await signUpFormAgain(
                req, resident, problems: [FieldProblem(field: "day", key: key)], status: .conflict)
        }
    }

    private static func signUpFormAgain(
        _ req: Request, _ resident: Resident.ID, problems: [FieldProblem], status: HTTPResponseStatus
    ) async throws -> Response {
        let file = try await req.store.residents(req.auditContext).file(resident)
        let days = try await repository(req).calendar(area: nil, from: req.today, days: 14)
        let page = req.page(
            ActivityPages.signUpForm(file: file, days: days, problems: problems, context: req.pageContext))
        page.status = status
        return page
    }

    // MARK: Upkeep

    static func new(req: Request) async throws -> Response {
        _ = try await MapUpkeepController.requireMaintainer(req)
        var form = ActivityForm()
        form.schedule = "weekly"
        form.startDate = req.today.description
        form.free = "on"
        return try await req.page(
            ActivityPages.form(form, id: nil, buurten: try await buurten(req), problems: [], context: req.pageContext))
    }

    static func edit(req: Request) async throws -> Response {
        _ = try await MapUpkeepController.requireMaintainer(req)
        let id = try req.entityID(Activity.self, "activityID")
        return try await req.page(
            ActivityPages.form(
                ActivityForm(try await repository(req).activity(id)), id: id, buurten: try await buurten(req),
                problems: [],
                context: req.pageContext))
    }

    static func save(req: Request) async throws -> Response {
        _ = try await MapUpkeepController.requireMaintainer(req)
        let id = req.parameters.get("activityID").flatMap(Activity.ID.init)
        let form = try req.content.decode(ActivityForm.self)
        do {
            let activity =
                if let id {
                    try await repository(req).update(id, with: form.input)
                } else {
                    try await repository(req).create(form.input)
                }
            return req.redirect(to: SiteRoute.activity(.value(activity.id)).path(), redirectType: .normal)
        } catch let error as ValidationError {
            let page = try await req.page(
                ActivityPages.form(
                    form, id: id, buurten: try await buurten(req), problems: error.problems, context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        }
    }

    static func cancel(req: Request) async throws -> Response {
        _ = try await MapUpkeepController.requireMaintainer(req)
        try await repository(req).cancel(try req.entityID(Activity.self, "activityID"))
        return req.redirect(to: SiteRoute.activities.path(), redirectType: .normal)
    }
}
