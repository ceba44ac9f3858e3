import Foundation
import SchakelCore
import SchakelRoutes

/// The pages of the neighbourhood's activities.
public enum ActivityPages {
    public static func when(_ activity: Activity, on date: LocalDate, t: Localizer) -> String {
        t("weekday.\(date.weekday.key)") + " " + date.dutch + " · \(activity.starts)–\(activity.ends)"
    }

    public static func places(_ day: ActivityDay, t: Localizer) -> String {
        guard let left = day.placesLeft else { return t("activity.noLimit") }
        return left == 0 ? t("activity.full") : t("activity.placesLeft", left)
    }

    /// `canMaintain`: whether the viewer keeps the calendar (the access policy's answer).
    public static func calendar(
        _ days: [ActivityDay], area: AreaCode?, wijken: [Neighbourhood], canMaintain: Bool, context: PageContext
    ) -> PageContent {
        let t = context.t
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
        let feed = SiteRoute.activitiesFeed.path(query: area.map { [("wijk", $0.description)] } ?? [])
        var actions: [HTMLNode] = [H.a(t("activity.feed"), href: feed, [.cls("button secondary")])]
        if canMaintain {
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
        return PageContent(title: t("activity.title"), body: body)
    }

    /// `canSeeSignUps`: whether the viewer may open the sign-ups of a day; `canMaintain`: whether they keep
    /// the calendar (both the access policy's answers).
    public static func activity(
        _ activity: Activity, days: [ActivityDay], canSeeSignUps: Bool, canMaintain: Bool, context: PageContext
    ) -> PageContent {
        let t = context.t
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
        if days.isEmpty { body.append(H.p(t("activity.noDates"), [.cls("empty")])) }
        body.append(
            H.el(
                "ul", [.cls("dates")],
                days.map { day in
                    var line: [HTMLNode] = [H.text(when(activity, on: day.date, t: t) + " · " + places(day, t: t))]
                    if canSeeSignUps {
                        line.append(H.text(" · "))
                        line.append(
                            H.a(
                                t("activity.signUps"),
                                href: SiteRoute.activityDay(.value(activity.id), date: .value(day.date)).path()))
                    }
                    return H.el("li", [], line)
                }))
        if canMaintain {
            body.append(
                H.div(
                    [.cls("actions no-print")],
                    [
                        H.a(
                            t("activity.edit"), href: SiteRoute.upkeep(.activity(.value(activity.id))).path(),
                            [.cls("button secondary")]),
                        Forms.post(
                            action: SiteRoute.upkeep(.cancelActivity(.value(activity.id))).path(), context: context,
                            [.cls("inline")],
                            [H.el("button", [.type("submit"), .cls("secondary")], [H.text(t("activity.cancel"))])]),
                    ]))
        }
        body.append(H.div([.cls("actions no-print")], [H.a(t("activity.back"), href: SiteRoute.activities.path())]))
        return PageContent(title: activity.title, body: body)
    }

    public static func day(_ activity: Activity, date: LocalDate, lines: [SignUpLine], context: PageContext)
        -> PageContent
    {
        let t = context.t
        var body: [HTMLNode] = [
            H.p(when(activity, on: date, t: t) + " · " + activity.placeName, [.cls("subject")]),
            H.p(
                t("activity.signedUpCount", lines.count)
                    + (activity.capacity.map { " " + t("activity.ofCapacity", $0) } ?? ""), [.cls("muted")]),
        ]
        let past = date <= context.today
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
                                action: SiteRoute.attendance(.value(line.signUp.id)).path(), context: context,
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
        return PageContent(title: activity.title, body: body)
    }

    public static func signUpForm(
        file: ResidentFile, days: [ActivityDay], problems: [FieldProblem], context: PageContext
    )
        -> PageContent
    {
        let t = context.t
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
                action: SiteRoute.resident(.value(file.resident.id), .activities).path(), context: context,
                [.cls("stack")], fields),
        ]
        return PageContent(title: t("activity.signUp"), body: body)
    }

    public static func form(
        _ form: ActivityForm, id: Activity.ID?, buurten: [Neighbourhood], problems: [FieldProblem],
        context: PageContext
    ) -> PageContent {
        let t = context.t
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
        return PageContent(
            title: id == nil ? t("activity.new") : t("activity.edit"),
            body: [
                Forms.errorSummary(problems, t: t),
                Forms.post(action: action, context: context, [.cls("stack")], fields),
            ])
    }
}
