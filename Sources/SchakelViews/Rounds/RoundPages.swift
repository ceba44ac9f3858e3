import Foundation
import SchakelCore
import SchakelRoutes

/// The pages of the concierge's day. The round page is built for a phone in a stairwell: large buttons,
/// one form per stop that works without JavaScript, and `round.js` to queue outcomes when offline.
public enum RoundPages {
    public static func index(mine: [Round], teams: [Team], today: LocalDate, context: PageContext) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = []
        if mine.isEmpty {
            body.append(H.p(t("rounds.noneToday"), [.cls("empty")]))
        } else {
            body.append(
                H.el(
                    "ul", [.cls("cards")],
                    mine.enumerated().map { offset, round in
                        H.el(
                            "li", [],
                            [H.a(t("rounds.open", offset + 1), href: SiteRoute.rounds(.round(.value(round.id))).path())]
                        )
                    }))
        }
        if !teams.isEmpty {
            body.append(H.h2(t("rounds.planning")))
            body.append(
                H.el(
                    "ul", [],
                    teams.map { team in
                        H.el(
                            "li", [],
                            [
                                H.a(
                                    team.name,
                                    href: SiteRoute.rounds(.plan).path(query: [
                                        ("team", team.id.description), ("date", today.description),
                                    ])), H.text(" · "),
                                H.a(
                                    t("rounds.summary"),
                                    href: SiteRoute.rounds(.summary).path(query: [
                                        ("team", team.id.description), ("date", today.description),
                                    ])),
                            ])
                    }))
        }
        return PageContent(title: t("rounds.title", today.dutch), body: body)
    }

    // MARK: The round

    /// The round; `notice` is a refusal to show at one stop (a correction that came too late, or twice).
    public static func round(_ view: RoundView, notice: (stop: RoundStop.ID, text: String)? = nil, context: PageContext)
        -> PageContent
    {
        let t = context.t
        let done = view.stops.filter { if case .done = $0.state { true } else { false } }.count
        var body: [HTMLNode] = [
            H.p(
                t("round.progress", view.stops.count, done, view.stops.count - done),
                [
                    .id("voortgang"), Attr(name: "data-total", value: String(view.stops.count)),
                    Attr(name: "data-template", value: t("round.progress")),
                ]),
            H.el(
                "p",
                [
                    .id("sync-status"), .cls("sync"), Attr(name: "role", value: "status"), .aria("live", "polite"),
                    // Each person's queue is their own, also when two share a phone.
                    Attr(name: "data-queue", value: context.viewer?.userID.description),
                    Attr(name: "data-text-queued", value: t("round.queued")),
                    Attr(name: "data-text-sent", value: t("round.sent")),
                    Attr(name: "data-text-login", value: t("round.loginAgain")),
                    Attr(name: "data-text-refused", value: t("round.refused")),
                    Attr(name: "data-text-retry", value: t("round.refusedRetry")),
                    Attr(name: "data-text-correct", value: t("round.correct")),
                    Attr(name: "data-text-corrected", value: t("round.correctedFrom")),
                    Attr(name: "data-outcome-labels", value: outcomeLabels(t)),
                ], []),
            H.el("ul", [.id("sync-refusals"), .cls("sync-refusals"), Attr(name: "role", value: "alert")], []),
        ]
        if view.stops.isEmpty {
            body.append(H.p(t("round.empty"), [.cls("empty")]))
        } else {
            body.append(
                H.el(
                    "ol", [.cls("stops")],
                    view.stops.map {
                        stop(view, $0, notice: $0.stop.id == notice?.stop ? notice?.text : nil, context: context)
                    }))
        }
        body.append(summarySection(view.summary, t: t))
        body.append(H.el("script", [Attr(name: "src", value: "/round.js"), Attr.flag("defer")], []))
        return PageContent(title: t("round.title", view.round.date.dutch, view.conciergeName), body: body)
    }

    private static func stop(_ view: RoundView, _ stop: RoundStopView, notice: String?, context: PageContext)
        -> HTMLNode
    {
        let t = context.t
        var children: [HTMLNode] = []
        let number = "\(stop.stop.position). "
        guard let name = stop.residentName else {
            return H.el(
                "li", [.cls("stop moved"), .id("stop-\(stop.stop.id)")],
                [
                    H.el("h2", [], [H.text(number + t("round.movedAway"))]),
                    H.p(t("round.movedAwayHint"), [.cls("muted")]),
                ])
        }
        children.append(H.el("h2", [], [H.text(number + name)]))
        if let line = stop.addressLine { children.append(H.p(line, [.cls("address")])) }
        children.append(
            H.p(
                "\(t("deliveryKind." + stop.kind.rawValue)) · \(stop.windowStart)–\(stop.windowEnd)", [.cls("what")]))
        for note in stop.doorNotes {
            children.append(
                H.el("p", [.cls("door")], [H.el("strong", [], [H.text(t("round.door") + " ")]), H.text(note)]))
        }
        var meta = [
            stop.lastContact.map { t("round.lastContact", LocalDate($0).dutch) } ?? t("round.noContactYet")
        ]
        if stop.openConcerns == 1 {
            meta.append(t("round.openConcern"))
        } else if stop.openConcerns > 1 {
            meta.append(t("round.openConcerns", stop.openConcerns))
        }
        children.append(H.p(meta.joined(separator: " · "), [.cls("muted")]))
        var state = "open"
        switch stop.state {
        case .movedAway: break
        case .paused(let pause):
            state = "paused"
            children.append(H.p(t("round.paused", pause.until.dutch), [.cls("notice")]))
        case .ended:
            state = "paused"
            children.append(H.p(t("round.ended"), [.cls("notice")]))
        case .done(let outcome):
            state = "done done-\(outcome.rawValue)"
            children.append(
                H.p(
                    t(
                        "round.done", t("outcome." + outcome.rawValue),
                        stop.outcome.map { DateText.time($0.recordedAt) } ?? ""),
                    [.cls("done")]))
            if !stop.corrected.isEmpty {
                children.append(
                    H.p(
                        t(
                            "round.correctedFrom",
                            stop.corrected.map { t("outcome." + $0.outcome.rawValue) }.joined(separator: ", ")),
                        [.cls("muted corrected")]))
            }
            if let notice {
                children.append(H.p(notice, [.cls("error"), Attr(name: "role", value: "alert")]))
            }
            if stop.correctable, let moment = stop.outcome {
                children.append(correctionForm(view, stop, moment, open: notice != nil, context: context))
            }
        case .open:
            children.append(outcomeForm(view, stop, context: context))
        }
        if state != "paused", stop.state != .movedAway {
            // A signal with domains and urgency, beside the short concern of the outcome form.
            let raise = SiteRoute.signals(.new).path(query: [
                ("resident", stop.stop.residentID.description), ("contact", stop.outcome?.id.description),
            ])
            children.append(H.el("p", [.cls("raise")], [H.a(t("signal.new"), href: raise)]))
        }
        return H.el(
            "li",
            [
                .cls("stop \(state)"), .id("stop-\(stop.stop.id)"),
                Attr(name: "data-stop", value: stop.stop.id.description),
            ], children)
    }

    /// Four large buttons; the optional details sit above them so one tap saves everything.
    private static func outcomeForm(_ view: RoundView, _ stop: RoundStopView, context: PageContext) -> HTMLNode {
        let t = context.t
        return Forms.post(
            action: SiteRoute.rounds(.outcome(.value(view.round.id), stop: .value(stop.stop.id))).path(),
            context: context,
            [.cls("outcome"), Attr(name: "data-resident", value: stop.stop.residentID.description)],
            [
                H.void("input", [.type("hidden"), .name("id"), .value(context.ids(ContactMoment.self).description)]),
                H.void("input", [.type("hidden"), .name("residentID"), .value(stop.stop.residentID.description)]),
                H.el(
                    "details", [],
                    [
                        H.el("summary", [], [H.text(t("round.more"))]),
                        durationField(nil, scope: stop.stop.id.description, t: t),
                        Forms.textarea(
                            "note", label: t("field.note"), value: nil, problems: [], t: t,
                            scope: stop.stop.id.description),
                        Forms.textarea(
                            "concern", label: t("field.concern"), value: nil, problems: [], t: t,
                            scope: stop.stop.id.description),
                    ]),
                outcomeButtons(ContactOutcome.allCases, t: t),
            ])
    }

    /// The big outcome buttons; one tap submits the form with the outcome.
    private static func outcomeButtons(_ outcomes: [ContactOutcome], t: Localizer) -> HTMLNode {
        H.div(
            [.cls("outcomes")],
            outcomes.map { outcome in
                H.el(
                    "button",
                    [.type("submit"), .name("outcome"), .value(outcome.rawValue), .cls("outcome-\(outcome.rawValue)")],
                    [H.text(t("outcome." + outcome.rawValue))])
            })
    }

    /// Minutes at the door, 0 to 480, with the phone's number keyboard.
    private static func durationField(_ minutes: Int?, scope: String, t: Localizer) -> HTMLNode {
        Forms.field(
            "durationMinutes", label: t("field.durationMinutes"), value: minutes.map(String.init), type: "number",
            t: t, scope: scope,
            extra: [
                Attr(name: "min", value: "0"), Attr(name: "max", value: "480"),
                Attr(name: "inputmode", value: "numeric"),
            ])
    }

    /// The outcomes in words, as JSON for `round.js`, which draws a correction form after a tap.
    private static func outcomeLabels(_ t: Localizer) -> String {
        let labels = Dictionary(
            uniqueKeysWithValues: ContactOutcome.allCases.map { ($0.rawValue, t("outcome." + $0.rawValue)) })
        let encoder = JSONEncoder()
        encoder.outputFormatting = .sortedKeys
        return (try? encoder.encode(labels)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }

    /// "Verkeerd getikt?": the other outcomes as buttons, with the duration and note of the outcome it corrects.
    /// The corrected outcome stays in the history; the correction counts instead.
    private static func correctionForm(
        _ view: RoundView, _ stop: RoundStopView, _ moment: ContactMoment, open: Bool, context: PageContext
    ) -> HTMLNode {
        let t = context.t
        let scope = "\(stop.stop.id)-correct"
        return H.el(
            "details", [.cls("correct"), Attr.flag("open", open)],
            [
                H.el("summary", [], [H.text(t("round.correct"))]),
                Forms.post(
                    action: SiteRoute.rounds(.correction(.value(view.round.id), stop: .value(stop.stop.id))).path(),
                    context: context,
                    [
                        .cls("correction"), Attr(name: "data-resident", value: stop.stop.residentID.description),
                        Attr(name: "data-outcome", value: moment.outcome.rawValue),
                        moment.durationMinutes.map { Attr(name: "data-minutes", value: String($0)) },
                    ],
                    [
                        H.void(
                            "input",
                            [.type("hidden"), .name("id"), .value(context.ids(ContactMoment.self).description)]),
                        H.void(
                            "input", [.type("hidden"), .name("residentID"), .value(stop.stop.residentID.description)]),
                        H.void("input", [.type("hidden"), .name("corrects"), .value(moment.id.description)]),
                        H.p(t("round.correctHint"), [.cls("muted")]),
                        durationField(moment.durationMinutes, scope: scope, t: t),
                        Forms.textarea(
                            "note", label: t("field.note"), value: moment.note, problems: [], t: t, scope: scope),
                        outcomeButtons(ContactOutcome.allCases.filter { $0 != moment.outcome }, t: t),
                    ]),
            ])
    }

    public static func summarySection(_ summary: DaySummary, t: Localizer) -> HTMLNode {
        H.el(
            "section", [.aria("labelledby", "dag")],
            [
                H.el("h2", [.id("dag")], [H.text(t("summary.title"))]),
                H.el(
                    "dl", [.cls("details summary")],
                    summaryRows(summary, t: t).enumerated().flatMap { index, row in
                        [
                            H.el("dt", [], [H.text(row.0)]),
                            H.el("dd", [Attr(name: "data-summary", value: summaryKeys[index])], [H.text(row.1)]),
                        ]
                    }),
            ])
    }

    /// What each row of the day summary counts, so the round page's script can keep them up to date.
    public static let summaryKeys = [
        "stops", "open", "contact", "mailboxOnly", "notAtHome", "refused", "extraVisits", "minutes",
    ]

    public static func summaryRows(_ s: DaySummary, t: Localizer) -> [(String, String)] {
        [
            (t("summary.stops"), "\(s.stops)"), (t("summary.open"), "\(s.open)"),
            (t("outcome.contact"), "\(s.contacts)"), (t("outcome.mailboxOnly"), "\(s.mailboxOnly)"),
            (t("outcome.notAtHome"), "\(s.notAtHome)"), (t("outcome.refused"), "\(s.refused)"),
            (t("summary.extraVisits"), "\(s.extraVisits)"), (t("summary.minutes"), "\(s.minutesAtDoors)"),
        ]
    }

    // MARK: A visit without a delivery

    public static func contactForm(
        file: ResidentFile, problems: [FieldProblem], form: OutcomeForm?, context: PageContext
    ) -> PageContent {
        let t = context.t
        let r = file.resident
        let body: [HTMLNode] = [
            H.a(t("common.back"), href: SiteRoute.resident(.value(r.id), .file).path()),
            H.p(t("contact.intro"), [.cls("muted")]),
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: SiteRoute.resident(.value(r.id), .contacts).path(), context: context, [.cls("stacked")],
                [
                    H.void(
                        "input",
                        [.type("hidden"), .name("id"), .value(form?.id ?? context.ids(ContactMoment.self).description)]),
                    H.void("input", [.type("hidden"), .name("residentID"), .value(r.id.description)]),
                    H.el(
                        "fieldset", [],
                        [H.el("legend", [], [H.text(t("field.outcome"))])]
                            + ContactOutcome.allCases.map { outcome in
                                H.el(
                                    "label", [.cls("check")],
                                    [
                                        H.void(
                                            "input",
                                            [
                                                .type("radio"), .name("outcome"), .value(outcome.rawValue),
                                                Attr.flag("checked", (form?.outcome ?? "contact") == outcome.rawValue),
                                            ]),
                                        H.text(" " + t("outcome." + outcome.rawValue)),
                                    ])
                            }),
                    Forms.field(
                        "durationMinutes", label: t("field.durationMinutes"), value: form?.durationMinutes,
                        type: "number", problems: problems, t: t),
                    Forms.textarea("note", label: t("field.note"), value: form?.note, problems: problems, t: t),
                    Forms.textarea(
                        "concern", label: t("field.concern"), value: form?.concern, problems: problems, t: t),
                    Forms.submit(t("contact.save")),
                ]),
        ]
        return PageContent(title: t("contact.title", r.fullName), body: body)
    }

    // MARK: Planning

    public static func planning(_ day: PlanningDay, team: Team, teams: [Team], context: PageContext) -> PageContent {
        let t = context.t
        let back = SiteRoute.rounds(.plan).path(query: [("team", team.id.description), ("date", day.date.description)])
        var body: [HTMLNode] = [
            dayPicker(action: SiteRoute.rounds(.plan).path(), team: team, teams: teams, date: day.date, t: t)
        ]
        body.append(H.p(t("plan.unplanned", day.unplanned), [.id("unplanned")]))
        let onDuty = Set(day.rounds.map(\.round.conciergeID))
        if day.concierges.isEmpty {
            body.append(H.p(t("plan.noConcierges"), [.cls("notice")]))
        } else {
            body.append(
                Forms.post(
                    action: SiteRoute.rounds(.plan).path(), context: context, [.cls("stacked")],
                    [
                        H.void("input", [.type("hidden"), .name("team"), .value(team.id.description)]),
                        H.void("input", [.type("hidden"), .name("date"), .value(day.date.description)]),
                        Forms.checkboxes(
                            "concierges", legend: t("plan.onDuty"),
                            options: day.concierges.map { ($0.id.description, $0.displayName) },
                            checked: onDuty.isEmpty
                                ? Set(day.concierges.map(\.id.description)) : Set(onDuty.map(\.description))),
                        Forms.submit(day.rounds.isEmpty ? t("plan.make") : t("plan.update")),
                    ]))
        }
        if !day.paused.isEmpty {
            body.append(H.h2(t("plan.paused")))
            body.append(
                H.el(
                    "ul", [],
                    day.paused.map {
                        H.el("li", [], [H.text("\($0.name) — \(t("round.paused", $0.pause.until.dutch))")])
                    })
            )
        }
        if !day.movedAway.isEmpty {
            body.append(H.p(t("plan.movedAway", day.movedAway.count), [.cls("notice")]))
        }
        for round in day.rounds {
            body.append(
                H.el(
                    "section", [.cls("round")],
                    [
                        H.el(
                            "h2", [],
                            [
                                H.a(
                                    "\(round.conciergeName) (\(round.stops.count))",
                                    href: SiteRoute.rounds(.round(.value(round.round.id))).path())
                            ]),
                        round.stops.isEmpty
                            ? H.p(t("round.empty"), [.cls("empty")])
                            : Forms.table(
                                headers: ["#", t("field.name"), t("field.window"), t("field.state"), ""],
                                rows: round.stops.map { stop in
                                    [
                                        // The page comes back here after a stop was moved.
                                        H.el(
                                            "span", [.id("plan-stop-\(stop.stop.id)")],
                                            [H.text("\(stop.stop.position)")]),
                                        H.text(
                                            [stop.residentName ?? t("round.movedAway"), stop.addressLine]
                                                .compactMap { $0 }.joined(separator: ", ")),
                                        H.text("\(stop.windowStart)–\(stop.windowEnd)"),
                                        H.text(stateText(stop.state, t: t)),
                                        moveControls(stop, rounds: day.rounds, back: back, context: context),
                                    ]
                                }),
                    ]))
        }
        body.append(H.p("", []))
        body.append(
            H.a(
                t("rounds.summary"),
                href: SiteRoute.rounds(.summary).path(query: [
                    ("team", team.id.description), ("date", day.date.description),
                ])))
        return PageContent(title: t("plan.title", team.name), body: body)
    }

    private static func moveControls(_ stop: RoundStopView, rounds: [RoundView], back: String, context: PageContext)
        -> HTMLNode
    {
        let t = context.t
        let action = SiteRoute.rounds(.moveStop(.value(stop.stop.id))).path()
        var nodes: [HTMLNode] = [
            Forms.post(
                action: action, context: context, [.cls("inline")],
                [
                    H.void("input", [.type("hidden"), .name("back"), .value(back)]),
                    H.el(
                        "button",
                        [
                            .type("submit"), .name("direction"), .value("up"), .cls("secondary"),
                            .aria("label", t("plan.up")),
                        ],
                        [H.text("↑")]),
                    H.el(
                        "button",
                        [
                            .type("submit"), .name("direction"), .value("down"), .cls("secondary"),
                            .aria("label", t("plan.down")),
                        ], [H.text("↓")]),
                ])
        ]
        let others = rounds.filter { $0.round.id != stop.stop.roundID }
        if !others.isEmpty {
            nodes.append(
                Forms.post(
                    action: action, context: context, [.cls("inline move")],
                    [
                        H.void("input", [.type("hidden"), .name("back"), .value(back)]),
                        H.el(
                            "select", [.name("round"), .aria("label", t("plan.moveTo"))],
                            others.map { H.el("option", [.value($0.round.id.description)], [H.text($0.conciergeName)]) }
                        ),
                        H.el("button", [.type("submit"), .cls("secondary")], [H.text(t("plan.move"))]),
                    ]))
        }
        return H.div([.cls("move-controls")], nodes)
    }

    public static func stateText(_ state: StopState, t: Localizer) -> String {
        switch state {
        case .open: t("state.open")
        case .done(let outcome): t("outcome." + outcome.rawValue)
        case .paused(let pause): t("round.paused", pause.until.dutch)
        case .ended: t("round.ended")
        case .movedAway: t("round.movedAway")
        }
    }

    private static func dayPicker(action: String, team: Team, teams: [Team], date: LocalDate, t: Localizer) -> HTMLNode
    {
        H.el(
            "form", [Attr(name: "method", value: "get"), Attr(name: "action", value: action), .cls("row")],
            [
                teams.count > 1
                    ? Forms.select(
                        "team", label: t("field.team"), options: teams.map { ($0.id.description, $0.name) },
                        selected: team.id.description, t: t)
                    : H.void("input", [.type("hidden"), .name("team"), .value(team.id.description)]),
                Forms.field(
                    "date", label: t("field.date"), value: date.description, type: "date", t: t, markOptional: false),
                Forms.submit(t("common.show")),
            ])
    }

    public static func summary(
        _ rows: [(String, DaySummary)], team: Team, teams: [Team], date: LocalDate, context: PageContext
    )
        -> PageContent
    {
        let t = context.t
        var body: [HTMLNode] = [
            dayPicker(action: SiteRoute.rounds(.summary).path(), team: team, teams: teams, date: date, t: t)
        ]
        if rows.isEmpty {
            body.append(H.p(t("summary.none"), [.cls("empty")]))
        } else {
            let headers = [t("role.concierge")] + summaryRows(DaySummary(), t: t).map(\.0)
            body.append(
                Forms.table(
                    headers: headers,
                    rows: rows.map { name, s in [H.text(name)] + summaryRows(s, t: t).map { H.text($0.1) } }))
        }
        return PageContent(title: t("summary.teamTitle", team.name, date.dutch), body: body)
    }

    // MARK: Out of view

    public static func outOfView(
        _ page: Paged<OutOfViewEntry>, rule: OutOfViewRule, team: Team, teams: [Team], problems: [FieldProblem],
        typed: [String: String] = [:], visitFor: Resident.ID? = nil, planned: Bool = false, canChangeRule: Bool,
        context: PageContext
    ) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [
            H.p(t("outOfView.rule", rule.daysWithoutContact, rule.missesInARow), [.cls("muted")]),
            Forms.errorSummary(problems, t: t),
        ]
        if planned {
            body.append(H.p(t("outOfView.planned"), [.cls("notice")]))
        }
        if teams.count > 1 {
            body.append(
                H.el(
                    "form",
                    [
                        Attr(name: "method", value: "get"),
                        Attr(name: "action", value: SiteRoute.outOfView(.list).path()), .cls("row"),
                    ],
                    [
                        Forms.select(
                            "team", label: t("field.team"), options: teams.map { ($0.id.description, $0.name) },
                            selected: team.id.description, t: t),
                        Forms.submit(t("common.show")),
                    ]))
        }
        if page.items.isEmpty {
            body.append(H.p(t("outOfView.empty"), [.cls("empty")]))
        } else {
            let tomorrow = context.today.adding(days: 1).description
            body.append(
                H.el(
                    "ul", [.cls("cards"), .id("uit-beeld")],
                    page.items.map { entry in
                        H.el(
                            "li", [],
                            [
                                H.a(
                                    entry.fullName, href: SiteRoute.resident(.value(entry.residentID), .file).path(),
                                    [.cls("title")]),
                                H.text(entry.addressLine ?? ""),
                                H.el("strong", [], [H.text(reason(entry.reason, t: t))]),
                                H.el(
                                    "span", [.cls("muted")],
                                    [
                                        H.text(
                                            entry.lastContact.map { t("round.lastContact", LocalDate($0).dutch) }
                                                ?? t("round.noContactYet"))
                                    ]),
                                entry.plannedVisit.map {
                                    H.p(t("outOfView.visitPlanned", $0.dutch), [.cls("notice")])
                                } ?? H.group([]),
                                Forms.post(
                                    action: SiteRoute.outOfView(.visits).path(), context: context, [.cls("row")],
                                    [
                                        H.void("input", [.type("hidden"), .name("team"), .value(team.id.description)]),
                                        H.void(
                                            "input",
                                            [
                                                .type("hidden"), .name("residentID"),
                                                .value(entry.residentID.description),
                                            ]),
                                        Forms.field(
                                            "date", label: t("field.visitDate"),
                                            value: visitFor == entry.residentID ? typed["date"] : tomorrow,
                                            type: "date", problems: visitFor == entry.residentID ? problems : [],
                                            t: t, markOptional: false, scope: entry.residentID.description),
                                        Forms.submit(t("outOfView.planVisit")),
                                    ]),
                            ])
                    }))
            body.append(
                Forms.pager(page, path: SiteRoute.outOfView(.list).path(query: [("team", team.id.description)]), t: t))
        }
        if canChangeRule {
            body.append(H.h2(t("outOfView.settings")))
            body.append(
                Forms.post(
                    action: SiteRoute.outOfView(.settings).path(), context: context, [.cls("row")],
                    [
                        H.void("input", [.type("hidden"), .name("team"), .value(team.id.description)]),
                        Forms.field(
                            "daysWithoutContact", label: t("field.daysWithoutContact"),
                            value: typed["daysWithoutContact"] ?? "\(rule.daysWithoutContact)", type: "number",
                            problems: problems, t: t, markOptional: false),
                        Forms.field(
                            "missesInARow", label: t("field.missesInARow"),
                            value: typed["missesInARow"] ?? "\(rule.missesInARow)", type: "number", problems: problems,
                            t: t, markOptional: false),
                        Forms.submit(t("common.save")),
                    ]))
        }
        return PageContent(title: t("outOfView.title", team.name), body: body)
    }

    public static func reason(_ reason: OutOfViewReason, t: Localizer) -> String {
        switch reason {
        case .noContact(let days, let never): never ? t("outOfView.never", days) : t("outOfView.days", days)
        case .missesInARow(let count): t("outOfView.misses", count)
        }
    }
}
