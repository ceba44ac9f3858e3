import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import Vapor

/// The pages of the neighbourhood's activities.
enum ActivityPages {
    static func when(_ activity: Activity, on date: LocalDate, t: Localizer) -> String {
        t("weekday.\(date.weekday.key)") + " " + date.dutch + " · \(activity.starts)–\(activity.ends)"
    }

    static func places(_ day: ActivityDay, t: Localizer) -> String {
        guard let left = day.placesLeft else { return t("activity.noLimit") }
        return left == 0 ? t("activity.full") : t("activity.placesLeft", left)
    }

    static func calendar(_ days: [ActivityDay], area: AreaCode?, wijken: [Neighbourhood], request: Request) -> Response
    {
        let t = request.localizer
        var body: [HTMLNode] = [
            H.p(t("activity.intro"), [.cls("muted")]),
            H.el(
                "form",
                [
                    Attr(name: "method", value: "get"), Attr(name: "action", value: SiteRoute.activities.path()),
                    .cls("filters"),
                ],
                [
                    Forms.select(
                        "wijk", label: t("map.wijk"),
                        options: [("", t("map.everywhere"))] + wijken.map { ($0.code.description, $0.name) },
                        selected: area?.description, t: t),
                    Forms.submit(t("common.filter")),
                ]),
        ]
        let feed = SiteRoute.activitiesFeed.path() + (area.map { "?wijk=\($0)" } ?? "")
        var actions: [HTMLNode] = [H.a(t("activity.feed"), href: feed, [.cls("button secondary")])]
        if let actor = request.authenticated?.actor, AccessPolicy.canMaintainMap(actor) {
            actions.insert(H.a(t("activity.new"), href: SiteRoute.upkeep(.newActivity).path(), [.cls("button")]), at: 0)
        }
        body.append(H.div([.cls("actions no-print")], actions))
        if days.isEmpty { body.append(H.p(t("activity.none"), [.cls("empty")])) }
        for (date, group) in Dictionary(grouping: days, by: \.date).sorted(by: { $0.key < $1.key }) {
            body.append(H.h2(t("weekday.\(date.weekday.key)") + " " + date.dutch))
            body.append(
                H.el(
                    "ul", [.cls("cards activities")],
                    group.map { day in
                        var badges: [HTMLNode] = []
                        if day.activity.free {
                            badges.append(H.el("span", [.cls("badge")], [H.text(t("map.freeBadge"))]))
                        }
                        if day.placesLeft == 0 {
                            badges.append(H.el("span", [.cls("badge overdue")], [H.text(t("activity.full"))]))
                        }
                        return H.el(
                            "li", [],
                            [
                                H.div([.cls("badges")], badges),
                                H.a(
                                    "\(day.activity.starts)–\(day.activity.ends) · \(day.activity.title)",
                                    href: SiteRoute.activity(.value(day.activity.id)).path(), [.cls("title")]),
                                H.p(
                                    [day.activity.placeName, day.activity.address, day.activity.organiser]
                                        .compactMap { $0 }.joined(separator: " · "), [.cls("muted")]),
                                H.p(places(day, t: t), [.cls("muted")]),
                            ])
                    }))
        }
        return Layout.response(PageContent(title: t("activity.title"), body: body), request: request)
    }

    static func activity(_ activity: Activity, days: [ActivityDay], request: Request) -> Response {
        let t = request.localizer
        var body: [HTMLNode] = [H.p(activity.organiser, [.cls("subject")])]
        if activity.cancelled { body.append(H.p(t("activity.cancelled"), [.cls("notice")])) }
        if !activity.description.isEmpty { body.append(H.p(activity.description)) }
        var facts: [(String, String)] = [
            (t("activity.where"), [activity.placeName, activity.address].compactMap { $0 }.joined(separator: ", ")),
            (t("map.costs"), activity.free ? t("map.freeBadge") : t("activity.costs")),
        ]
        if let capacity = activity.capacity { facts.append((t("activity.capacity"), "\(capacity)")) }
        body.append(
            H.el(
                "dl", [.cls("facts")],
                facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [H.text($0.1)])] }))
        body.append(H.h2(t("activity.dates")))
        let staff = request.authenticated.map { AccessPolicy.canSignUpForActivities(nil, by: $0.actor) } ?? false
        if days.isEmpty { body.append(H.p(t("activity.noDates"), [.cls("empty")])) }
        body.append(
            H.el(
                "ul", [.cls("dates")],
                days.map { day in
                    var line: [HTMLNode] = [H.text(when(activity, on: day.date, t: t) + " · " + places(day, t: t))]
                    if staff {
                        line.append(H.text(" · "))
                        line.append(
                            H.a(
                                t("activity.signUps"),
                                href: SiteRoute.activityDay(.value(activity.id), date: .value(day.date)).path()))
                    }
                    return H.el("li", [], line)
                }))
        if let actor = request.authenticated?.actor, AccessPolicy.canMaintainMap(actor) {
            body.append(
                H.div(
                    [.cls("actions no-print")],
                    [
                        H.a(
                            t("activity.edit"), href: SiteRoute.upkeep(.activity(.value(activity.id))).path(),
                            [.cls("button secondary")]),
                        Forms.post(
                            action: SiteRoute.upkeep(.cancelActivity(.value(activity.id))).path(), request: request,
                            [.cls("inline")],
                            [H.el("button", [.type("submit"), .cls("secondary")], [H.text(t("activity.cancel"))])]),
                    ]))
        }
        body.append(H.div([.cls("actions no-print")], [H.a(t("activity.back"), href: SiteRoute.activities.path())]))
        return Layout.response(PageContent(title: activity.title, body: body), request: request)
    }

    static func day(_ activity: Activity, date: LocalDate, lines: [SignUpLine], request: Request) -> Response {
        let t = request.localizer
        var body: [HTMLNode] = [
            H.p(when(activity, on: date, t: t) + " · " + activity.placeName, [.cls("subject")]),
            H.p(
                t("activity.signedUpCount", lines.count)
                    + (activity.capacity.map { " " + t("activity.ofCapacity", $0) } ?? ""), [.cls("muted")]),
        ]
        let past = date <= request.today
        let hidden = lines.filter { $0.residentName == nil }.count
        body.append(
            H.el(
                "ul", [.cls("cards")],
                lines.filter { $0.residentName != nil }.map { line in
                    var children: [HTMLNode] = [
                        H.a(
                            line.residentName!, href: SiteRoute.resident(.value(line.signUp.residentID), .file).path(),
                            [.cls("title")]),
                        H.p(
                            line.signUp.attended.map { t($0 ? "activity.came" : "activity.didNotCome") }
                                ?? t("activity.attendanceOpen"), [.cls("muted")]),
                    ]
                    if past {
                        children.append(
                            Forms.post(
                                action: SiteRoute.attendance(.value(line.signUp.id)).path(), request: request,
                                [.cls("actions")],
                                [
                                    H.el(
                                        "button", [.type("submit"), .name("attended"), .value("yes")],
                                        [H.text(t("activity.came"))]),
                                    H.el(
                                        "button",
                                        [.type("submit"), .name("attended"), .value("no"), .cls("secondary")],
                                        [H.text(t("activity.didNotCome"))]),
                                ]))
                    }
                    return H.el("li", [], children)
                }))
        if hidden > 0 { body.append(H.p(t("activity.othersSignedUp", hidden), [.cls("muted")])) }
        body.append(
            H.div([.cls("actions")], [H.a(t("activity.back"), href: SiteRoute.activity(.value(activity.id)).path())]))
        return Layout.response(PageContent(title: activity.title, body: body), request: request)
    }

    static func signUpForm(file: ResidentFile, days: [ActivityDay], problems: [FieldProblem], request: Request)
        -> Response
    {
        let t = request.localizer
        let open = days.filter { $0.placesLeft != 0 }
        var fields: [HTMLNode] = [
            H.p(t("activity.signUpFor", file.resident.fullName), [.cls("subject")])
        ]
        if open.isEmpty {
            fields.append(H.p(t("activity.none"), [.cls("empty")]))
        } else {
            fields.append(
                Forms.select(
                    "day", label: t("activity.which"),
                    options: [("", "—")]
                        + open.map { day in
                            (
                                "\(day.activity.id)|\(day.date)",
                                when(day.activity, on: day.date, t: t) + " · " + day.activity.title + " · "
                                    + day.activity.placeName
                            )
                        }, selected: nil, problems: problems, t: t))
            fields.append(Forms.submit(t("activity.signUp")))
        }
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: SiteRoute.resident(.value(file.resident.id), .activities).path(), request: request,
                [.cls("stack")], fields),
        ]
        return Layout.response(PageContent(title: t("activity.signUp"), body: body), request: request)
    }

    static func form(
        _ form: ActivityController.ActivityForm, id: Activity.ID?, problems: [FieldProblem], request: Request
    )
        async throws -> Response
    {
        let t = request.localizer
        let buurten = try await request.store.neighbourhoods.list(page: try Paging(perPage: 100), level: .buurt).items
        let fields: [HTMLNode] = [
            Forms.field(
                "title", label: t("activity.titleLabel"), value: form.title, required: true, problems: problems, t: t),
            Forms.textarea(
                "description", label: t("upkeep.description"), value: form.description, problems: problems, t: t),
            Forms.field(
                "organiser", label: t("activity.organiser"), value: form.organiser, required: true, problems: problems,
                t: t),
            Forms.field(
                "placeName", label: t("upkeep.placeName"), value: form.placeName, required: true, problems: problems,
                t: t),
            Forms.field("address", label: t("upkeep.street"), value: form.address, problems: problems, t: t),
            Forms.select(
                "buurtCode", label: t("activity.buurt"),
                options: [("", "—")] + buurten.map { ($0.code.description, $0.name) }, selected: form.buurtCode,
                problems: problems, t: t),
            Forms.select(
                "schedule", label: t("activity.schedule"),
                options: [("weekly", t("activity.weekly")), ("once", t("activity.once"))], selected: form.schedule,
                problems: problems, t: t),
            Forms.checkboxes(
                "weekdays", legend: t("upkeep.days"),
                options: Weekday.allCases.map { ($0.key, t("weekday.\($0.key)")) }, checked: Set(form.weekdays ?? [])),
            Forms.field(
                "startDate", label: t("activity.startDate"), value: form.startDate, type: "date", required: true,
                problems: problems, t: t),
            Forms.field(
                "endDate", label: t("activity.endDate"), value: form.endDate, type: "date", problems: problems, t: t),
            Forms.field(
                "starts", label: t("upkeep.opens"), value: form.starts, type: "time", required: true,
                problems: problems, t: t),
            Forms.field(
                "ends", label: t("upkeep.closes"), value: form.ends, type: "time", required: true, problems: problems,
                t: t),
            Forms.field(
                "capacity", label: t("activity.capacity"), value: form.capacity, type: "number", problems: problems,
                t: t),
            H.el(
                "label", [.cls("check")],
                [
                    H.void("input", [.type("checkbox"), .name("free"), Attr.flag("checked", form.free == "on")]),
                    H.text(" " + t("map.freeBadge")),
                ]),
            Forms.submit(t("upkeep.save")),
        ]
        let action = id.map { SiteRoute.upkeep(.activity(.value($0))).path() } ?? SiteRoute.upkeep(.activities).path()
        return Layout.response(
            PageContent(
                title: id == nil ? t("activity.new") : t("activity.edit"),
                body: [
                    Forms.errorSummary(problems, t: t),
                    Forms.post(action: action, request: request, [.cls("stack")], fields),
                ]),
            request: request)
    }
}
