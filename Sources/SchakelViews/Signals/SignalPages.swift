import Foundation
import SchakelCore
import SchakelRoutes

/// The pages of signals of concern.
public enum SignalPages {
    /// Common signals per domain, so raising one on a phone takes a tap or two. The text becomes the
    /// start of the observation, so it stays in Dutch, the language of the file.
    public static let quickSignals: [(domain: LifeDomain, texts: [String])] = [
        (.finances, ["Post stapelt zich op", "Schulden of aanmaningen", "Geen geld voor eten"]),
        (.housing, ["Huis is erg vervuild", "Dreigt huis uit te moeten"]),
        (.mentalHealth, ["Lijkt vergeetachtig of verward", "Lijkt somber"]),
        (.physicalHealth, ["Lijkt ziek of valt af", "Is gevallen"]),
        (.socialNetwork, ["Ziet niemand, lijkt eenzaam"]),
        (.instrumentalADL, ["Geen eten in huis", "Redt het huishouden niet"]),
        (.domesticRelations, ["Spanning of ruzie thuis"]),
        (.substanceUse, ["Drinkt veel"]),
    ]

    public static func acuteBox(_ t: Localizer) -> HTMLNode {
        H.div(
            [.cls("acute"), Attr(name: "role", value: "note")],
            [
                H.el("strong", [], [H.text(t("signal.acute.title"))]),
                H.el(
                    "ul", [],
                    [
                        H.el("li", [], [H.text(t("signal.acute.112") + " "), H.a("112", href: "tel:112")]),
                        H.el(
                            "li", [],
                            [H.text(t("signal.acute.veiligThuis") + " "), H.a("0800-2000", href: "tel:08002000")]),
                    ]),
            ])
    }

    public static func form(_ form: SignalForm, subject: String?, problems: [FieldProblem], context: PageContext)
        -> PageContent
    {
        let t = context.t
        var children: [HTMLNode] = [acuteBox(t), Forms.errorSummary(problems, t: t)]
        var fields: [HTMLNode] = []
        if let subject, let resident = form.residentID {
            fields.append(H.p(t("signal.about", subject), [.cls("subject")]))
            fields.append(H.void("input", [.type("hidden"), .name("residentID"), .value(resident)]))
        } else {
            fields.append(H.p(t("signal.addressOnly"), [.cls("muted")]))
            fields.append(
                Forms.field(
                    "postcode", label: t("field.postcode"), value: form.postcode, required: true, problems: problems,
                    t: t, autocomplete: "off"))
            fields.append(
                Forms.field(
                    "houseNumber", label: t("field.houseNumber"), value: form.houseNumber, required: true,
                    problems: problems, t: t, autocomplete: "off"))
        }
        if let moment = form.contactMomentID?.nonEmpty {
            fields.append(H.void("input", [.type("hidden"), .name("contactMomentID"), .value(moment)]))
        }
        fields.append(
            H.el(
                "fieldset", [.cls("choices")],
                [H.el("legend", [], [H.text(t("field.urgency"))])]
                    + SignalUrgency.allCases.map { urgency in
                        H.el(
                            "label", [.cls("choice urgency-\(urgency.rawValue)")],
                            [
                                H.void(
                                    "input",
                                    [
                                        .type("radio"), .name("urgency"), .value(urgency.rawValue),
                                        Attr.flag("checked", (form.urgency ?? "normal") == urgency.rawValue),
                                    ]),
                                H.text(" " + t("urgency.\(urgency.rawValue)")),
                            ])
                    }))
        let chosenQuick = Set(form.quick ?? [])
        fields.append(
            H.el(
                "fieldset", [.cls("quick")],
                [H.el("legend", [], [H.text(t("signal.quick"))])]
                    + quickSignals.flatMap { domain, texts in
                        texts.map { text in
                            H.el(
                                "label", [.cls("check")],
                                [
                                    H.void(
                                        "input",
                                        [
                                            .type("checkbox"), .name("quick[]"), .value(text),
                                            Attr.flag("checked", chosenQuick.contains(text)),
                                        ]),
                                    // Shown in the reader's language; the value stays Dutch for the file.
                                    H.text(" " + t("quick." + text)),
                                    H.el("small", [.cls("muted")], [H.text(t("domain.\(domain.rawValue)"))]),
                                ])
                        }
                    }))
        fields.append(
            Forms.textarea(
                "observation", label: t("field.observation"), value: form.observation, problems: problems, t: t,
                markOptional: false))
        let domainProblems = problems.filter { $0.field == "domains" }
        fields.append(
            H.el(
                "details", [Attr.flag("open", !domainProblems.isEmpty || !(form.domains ?? []).isEmpty)],
                [
                    H.el("summary", [], [H.text(t("signal.moreDomains"))]),
                    Forms.checkboxes(
                        "domains", legend: t("field.domains"),
                        options: LifeDomain.allCases.map { ($0.rawValue, t("domain.\($0.rawValue)")) },
                        checked: Set(form.domains ?? [])),
                ]
                    + domainProblems.map { H.p(t.problem($0), [.cls("field-error")]) }))
        fields.append(
            H.el(
                "label", [.cls("check")],
                [
                    H.void(
                        "input", [.type("checkbox"), .name("meldcode"), Attr.flag("checked", form.meldcode == "on")]),
                    H.text(" " + t("signal.meldcodeCheck")),
                ]))
        fields.append(Forms.submit(t("signal.submit")))
        children.append(Forms.post(action: SiteRoute.signals(.inbox).path(), context: context, [.cls("stack")], fields))
        return PageContent(title: t("signal.new"), body: children)
    }

    public static func sent(acute: Bool, context: PageContext) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = acute ? [acuteBox(t)] : []
        body.append(H.p(t("signal.sentText")))
        body.append(
            H.div(
                [.cls("actions")],
                [
                    H.a(t("signal.mine"), href: SiteRoute.signals(.reported).path(), [.cls("button")]),
                    H.a(t("nav.home"), href: SiteRoute.home.path(), [.cls("button secondary")]),
                ]))
        return PageContent(title: t("signal.sent"), body: body)
    }

    public static func badge(_ summary: SignalSummary, t: Localizer) -> [HTMLNode] {
        var nodes: [HTMLNode] = [
            H.el(
                "span", [.cls("badge urgency-\(summary.urgency.rawValue)")],
                [H.text(t("urgency.\(summary.urgency.rawValue)"))]),
            H.el("span", [.cls("badge")], [H.text(t("state.\(summary.state.rawValue)"))]),
        ]
        if summary.meldcode { nodes.append(H.el("span", [.cls("badge meldcode")], [H.text(t("signal.meldcode"))])) }
        if summary.overdue { nodes.append(H.el("span", [.cls("badge overdue")], [H.text(t("signal.overdue"))])) }
        return nodes
    }

    public static func subjectLine(name: String?, address: String?, t: Localizer) -> String {
        [name ?? t("signal.nameUnknown"), address].compactMap { $0 }.joined(separator: ", ")
    }

    public static func inbox(
        _ page: Paged<SignalSummary>, counts: [SignalState: Int], filter: SignalFilter,
        query: SignalInboxQuery, teams: [Team], users: [User.ID: String], context: PageContext
    ) -> PageContent {
        let t = context.t
        var teamValue = "mine"
        if case .team(let id) = filter.scope { teamValue = id.description }
        var body: [HTMLNode] = []
        body.append(
            H.el(
                "form",
                [
                    Attr(name: "method", value: "get"), Attr(name: "action", value: SiteRoute.signals(.inbox).path()),
                    .cls("filters"),
                ],
                [
                    Forms.select(
                        "team", label: t("signal.list"),
                        options: teams.map { ($0.id.description, $0.name) } + [("mine", t("signal.assignedToMe"))],
                        selected: teamValue, t: t),
                    Forms.select(
                        "state", label: t("field.state"),
                        options: [("", t("signal.allOpen"))]
                            + SignalState.allCases.map {
                                ($0.rawValue, t("state.\($0.rawValue)") + ($0.isOpen ? " (\(counts[$0] ?? 0))" : ""))
                            },
                        selected: query.state ?? "", t: t),
                    Forms.select(
                        "urgency", label: t("field.urgency"),
                        options: [("", t("common.all"))]
                            + SignalUrgency.allCases.map { ($0.rawValue, t("urgency.\($0.rawValue)")) },
                        selected: query.urgency ?? "", t: t),
                    Forms.select(
                        "domain", label: t("field.domain"),
                        options: [("", t("common.all"))]
                            + LifeDomain.allCases.map { ($0.rawValue, t("domain.\($0.rawValue)")) },
                        selected: query.domain ?? "", t: t),
                    Forms.check("overdue", label: t("signal.overdueOnly"), on: filter.overdueOnly),
                    Forms.submit(t("common.filter")),
                ]))
        if page.items.isEmpty {
            body.append(H.p(t("signal.inboxEmpty"), [.cls("empty")]))
        } else {
            body.append(
                H.el(
                    "ul", [.cls("cards signals")],
                    page.items.map { item in
                        H.el(
                            "li", [],
                            [
                                H.div([.cls("badges")], badge(item, t: t)),
                                H.a(
                                    subjectLine(name: item.residentName, address: item.addressLine, t: t),
                                    href: SiteRoute.signal(.value(item.id), .detail).path()),
                                H.p(
                                    item.domains.isEmpty
                                        ? t("signal.noDomain")
                                        : item.domains.map { t("domain.\($0.rawValue)") }.joined(separator: ", "),
                                    [.cls("muted")]),
                                H.p(
                                    t("signal.raisedDue", DateText.dutch(item.raisedAt), item.dueDate.dutch)
                                        + (item.assigneeID.flatMap { users[$0] }.map {
                                            " · " + t("signal.assignee", $0)
                                        } ?? ""),
                                    [.cls("muted")]),
                            ])
                    }))
        }
        // Every value is encoded: a filter typed into the address bar cannot break out of its place.
        let path = SiteRoute.signals(.inbox).path(query: [
            ("team", teamValue), ("state", query.state), ("urgency", query.urgency), ("domain", query.domain),
            ("overdue", filter.overdueOnly ? "1" : nil),
        ])
        body.append(Forms.pager(page, path: path, t: t))
        body.append(
            H.div(
                [.cls("actions")],
                [
                    H.a(t("signal.new"), href: SiteRoute.signals(.new).path(), [.cls("button")]),
                    H.a(t("signal.mine"), href: SiteRoute.signals(.reported).path(), [.cls("button secondary")]),
                ]))
        return PageContent(title: t("signal.inbox"), body: body)
    }

    public static func reported(_ page: Paged<ReportedSignal>, context: PageContext) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [H.p(t("signal.reportedIntro"), [.cls("muted")])]
        if page.items.isEmpty {
            body.append(H.p(t("signal.reportedEmpty"), [.cls("empty")]))
        } else {
            body.append(
                H.el(
                    "ul", [.cls("cards")],
                    page.items.map { item in
                        H.el(
                            "li", [.cls("reported")],
                            [
                                H.el(
                                    "strong", [],
                                    [H.text(subjectLine(name: item.residentName, address: item.addressLine, t: t))]),
                                H.p(DateText.dutch(item.raisedAt), [.cls("muted")]),
                                H.p(
                                    t("reporterStatus.\(item.status.rawValue)")
                                        + (item.outcome.map { " · " + t("neutral.\($0.rawValue)") } ?? ""),
                                    [.cls("status")]),
                            ]
                                + (item.referral.map { status in
                                    [H.p(t("referralReporter.\(status.rawValue)"), [.cls("status referral")])]
                                } ?? []))
                    }))
        }
        body.append(Forms.pager(page, path: SiteRoute.signals(.reported).path(), t: t))
        body.append(
            H.div([.cls("actions")], [H.a(t("signal.new"), href: SiteRoute.signals(.new).path(), [.cls("button")])]))
        return PageContent(title: t("signal.mine"), body: body)
    }

    public static func statistics(
        _ stats: (byState: [SignalState: Int], byDomain: [LifeDomain: Int]), context: PageContext
    )
        -> PageContent
    {
        let t = context.t
        let body: [HTMLNode] = [
            H.p(t("signal.statsIntro"), [.cls("muted")]),
            H.h2(t("field.state")),
            Forms.table(
                headers: [t("field.state"), t("signal.count")],
                rows: SignalState.allCases.map {
                    [H.text(t("state.\($0.rawValue)")), H.text("\(stats.byState[$0] ?? 0)")]
                }),
            H.h2(t("field.domains")),
            Forms.table(
                headers: [t("field.domain"), t("signal.count")],
                rows: LifeDomain.allCases.map {
                    [H.text(t("domain.\($0.rawValue)")), H.text("\(stats.byDomain[$0] ?? 0)")]
                }),
        ]
        return PageContent(title: t("signal.statistics"), body: body)
    }

    // MARK: One signal

    public static func detail(
        _ detail: SignalDetail, siblings: [SignalSummary], teams: [Team], users: [User.ID: String],
        problems: [FieldProblem], kept: [String: String] = [:], context: PageContext
    ) -> PageContent {
        let t = context.t
        let signal = detail.signal
        let subject = subjectLine(name: detail.residentName, address: detail.addressLine, t: t)
        guard detail.view == .full else {
            let body: [HTMLNode] = [
                H.p(subject, [.cls("subject")]),
                H.p(t("signal.raisedOn", DateText.dutch(signal.raisedAt)), [.cls("muted")]),
                H.p(
                    t("reporterStatus.\(ReporterStatus(signal.state).rawValue)")
                        + (signal.outcome.map { " · " + t("neutral.\($0.neutral.rawValue)") } ?? ""),
                    [.cls("status")]),
            ]
            return PageContent(title: t("signal.title"), body: body)
        }
        let summary = SignalSummary(
            signal, today: context.today, residentName: detail.residentName, addressLine: detail.addressLine)
        var body: [HTMLNode] = [Forms.errorSummary(problems, t: t), H.div([.cls("badges")], badge(summary, t: t))]
        var facts: [(String, String)] = [
            (t("signal.subject"), subject),
            (
                t("field.domains"),
                signal.domains.isEmpty
                    ? t("signal.noDomain") : signal.domains.map { t("domain.\($0.rawValue)") }.joined(separator: ", ")
            ),
            (t("signal.raisedBy"), (users[signal.reporterID] ?? "—") + ", " + DateText.dutch(signal.raisedAt)),
            (t("signal.due"), signal.dueDate.dutch + (signal.escalatedAt != nil ? " · " + t("signal.escalated") : "")),
            (t("signal.team"), signal.teamID.flatMap { id in teams.first { $0.id == id }?.name } ?? "—"),
            (t("signal.assigneeLabel"), signal.assigneeID.flatMap { users[$0] } ?? "—"),
        ]
        if let outcome = signal.outcome { facts.append((t("field.outcome"), t("outcome.\(outcome.rawValue)"))) }
        if let residentID = signal.residentID {
            body.append(
                H.el("p", [], [H.a(t("signal.toResident"), href: SiteRoute.resident(.value(residentID), .file).path())])
            )
        }
        body.append(
            H.el(
                "dl", [.cls("facts")],
                facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [H.text($0.1)])] }))
        body.append(H.h2(t("field.observation")))
        body.append(H.p(signal.observation, [.cls("observation")]))
        if signal.meldcode {
            body.append(meldcode(detail, users: users, problems: problems, kept: kept, context: context))
        }
        if detail.canHandle, let residentID = signal.residentID, signal.state.isOpen || !detail.referrals.isEmpty {
            body.append(
                ReferralPages.section(
                    detail.referrals,
                    referLink: signal.state.isOpen && signal.state != .new
                        ? SiteRoute.referrals(.new).path(query: [
                            ("bewoner", residentID.description), ("signaal", signal.id.description),
                        ]) : nil,
                    transferLink: nil, context: context))
        }
        if detail.canHandle && signal.state.isOpen {
            body.append(
                actions(
                    detail, siblings: siblings, teams: teams, problems: problems, kept: kept,
                    context: context))
        }
        if !detail.tasks.isEmpty {
            body.append(H.h2(t("signal.tasks")))
            body.append(
                H.el(
                    "ul", [],
                    detail.tasks.map { task in
                        H.el(
                            "li", [],
                            [
                                H.text(
                                    "\(task.date.dutch) · \(users[task.assigneeID] ?? "—") · \(task.instruction)"
                                        + (task.doneAt.map { " · " + t("signal.taskDone", DateText.dutch($0)) } ?? "")
                                        + (task.doneNote.map { ": " + $0 } ?? ""))
                            ])
                    }))
        }
        body.append(H.el("h2", [.id("geschiedenis")], [H.text(t("signal.history"))]))
        body.append(
            H.el(
                "ol", [.cls("history")],
                detail.history.map { entry in
                    var text =
                        DateText.dutch(entry.at) + " · " + (entry.actorID.flatMap { users[$0] } ?? t("signal.system"))
                        + " · "
                        + (entry.kind == "meldcode" && entry.reason != nil
                            ? t("history.meldcodeStep", entry.reason!) : t("history.\(entry.kind)"))
                    if let from = entry.fromState, let to = entry.toState, from != to {
                        text += " (\(t("state.\(from.rawValue)")) → \(t("state.\(to.rawValue)")))"
                    }
                    if let reason = entry.reason,
                        !["reroute", "meldcode", "merged_from", "escalate"].contains(entry.kind)
                    {
                        text += ": " + reason
                    }
                    return H.el("li", [], [H.text(text)])
                }))
        return PageContent(title: t("signal.title"), body: body)
    }

    private static func actions(
        _ detail: SignalDetail, siblings: [SignalSummary], teams: [Team], problems: [FieldProblem],
        kept: [String: String], context: PageContext
    ) -> HTMLNode {
        let t = context.t
        let signal = detail.signal
        // From the workflow, through the store: a meldcode signal closes only after step 5's decision.
        let events = detail.nextEvents
        var transition: [HTMLNode] = [
            Forms.select(
                "event", label: t("signal.next"), options: events.map { ($0, t("event.\($0)")) },
                selected: kept["event"] ?? events.first, problems: problems, t: t)
        ]
        if signal.state == .new || signal.domains.isEmpty {
            transition.append(
                Forms.checkboxes(
                    "domains", legend: t("field.domains"),
                    options: LifeDomain.allCases.map { ($0.rawValue, t("domain.\($0.rawValue)")) },
                    checked: Set(signal.domains.map(\.rawValue))))
        }
        if events.contains("close") && !signal.meldcode {
            transition.append(
                Forms.select(
                    "outcome", label: t("field.closingOutcome"),
                    options: [("", "—")] + SignalOutcome.closable.map { ($0.rawValue, t("outcome.\($0.rawValue)")) },
                    selected: kept["outcome"], problems: problems, t: t))
        }
        transition.append(
            Forms.textarea("reason", label: t("field.reason"), value: kept["reason"], problems: problems, t: t))
        transition.append(Forms.submit(t("signal.apply")))
        var sections: [HTMLNode] = [
            H.el("h2", [.id("acties")], [H.text(t("signal.actions"))]),
            Forms.post(
                action: SiteRoute.signal(.value(signal.id), .transition).path(), context: context, [.cls("stack")],
                transition),
        ]
        if detail.canReassign {
            sections.append(H.h2(t("signal.reassign")))
            sections.append(
                Forms.post(
                    action: SiteRoute.signal(.value(signal.id), .assign).path(), context: context, [.cls("stack")],
                    [
                        Forms.select(
                            "teamID", label: t("signal.team"), options: teams.map { ($0.id.description, $0.name) },
                            selected: kept["teamID"] ?? signal.teamID?.description, t: t),
                        Forms.select(
                            "assigneeID", label: t("signal.assigneeLabel"),
                            options: [("", "—")] + detail.assignees.map { ($0.id.description, $0.displayName) },
                            selected: kept["assigneeID"] ?? signal.assigneeID?.description, problems: problems, t: t),
                        Forms.field("assignReason", label: t("field.reason"), value: kept["assignReason"], t: t),
                        Forms.submit(t("signal.reassign")),
                    ]))
        }
        if !siblings.isEmpty {
            sections.append(H.h2(t("signal.merge")))
            sections.append(
                Forms.post(
                    action: SiteRoute.signal(.value(signal.id), .merge).path(), context: context, [.cls("stack")],
                    [
                        Forms.select(
                            "targetID", label: t("signal.mergeInto"),
                            options: siblings.map { sibling in
                                // Enough to tell signals apart: who, which domains, when, how far.
                                let about = sibling.residentName ?? sibling.addressLine ?? t("signal.unknownResident")
                                let domains = sibling.domains.map { t("domain.\($0.rawValue)") }.joined(separator: ", ")
                                return (
                                    sibling.id.description,
                                    [
                                        about, domains.isEmpty ? nil : domains, DateText.dutch(sibling.raisedAt),
                                        t("state.\(sibling.state.rawValue)"),
                                    ].compactMap { $0 }.joined(separator: " · ")
                                )
                            }, selected: kept["targetID"], problems: problems, t: t),
                        Forms.field("mergeReason", label: t("field.reason"), value: kept["mergeReason"], t: t),
                        Forms.submit(t("signal.merge")),
                    ]))
        }
        // Who may be asked is the access policy's to say (through the store).
        let doorWorkers = detail.checkers
        if !doorWorkers.isEmpty {
            sections.append(H.h2(t("signal.checkAgain")))
            sections.append(
                Forms.post(
                    action: SiteRoute.signal(.value(signal.id), .tasks).path(), context: context, [.cls("stack")],
                    [
                        Forms.select(
                            "taskFor", label: t("signal.taskFor"),
                            options: doorWorkers.map { ($0.id.description, "\($0.displayName) (\(t.role($0.role)))") },
                            selected: kept["taskFor"] ?? doorWorkers.first { $0.role == .concierge }?.id.description,
                            problems: problems, t: t),
                        Forms.field(
                            "date", label: t("field.date"),
                            value: kept["date"] ?? context.today.adding(workingDays: 2).description,
                            type: "date", required: true, problems: problems, t: t),
                        Forms.field(
                            "instruction", label: t("field.instruction"), value: kept["instruction"], required: true,
                            problems: problems,
                            t: t, hint: t("signal.instructionHint")),
                        Forms.submit(t("signal.addTask")),
                    ]))
        }
        return H.el("section", [], sections)
    }

    private static func meldcode(
        _ detail: SignalDetail, users: [User.ID: String], problems: [FieldProblem], kept: [String: String],
        context: PageContext
    ) -> HTMLNode {
        let t = context.t
        let workflow = detail.meldcode
        var children: [HTMLNode] = [
            H.el("h2", [.id("meldcode")], [H.text(t("meldcode.title"))]),
            H.p(t("meldcode.intro"), [.cls("muted")]),
        ]
        children.append(
            H.el(
                "ol", [.cls("meldcode-steps")],
                MeldcodeStep.allCases.map { step in
                    guard let entry = workflow.entries.first(where: { $0.step == step }) else {
                        return H.el(
                            "li", [.cls(step == workflow.nextStep ? "current" : "todo")],
                            [H.text(t("meldcode.step.\(step.rawValue)"))])
                    }
                    var lines = [
                        "\(DateText.dutch(entry.at)) · \(users[entry.by] ?? "—")", entry.reasoning,
                    ]
                    if let with = entry.consultedWith {
                        lines.append(t("meldcode.consultedWith", t("meldcode.consultee.\(with.rawValue)")))
                    }
                    if entry.conversationSkipped { lines.append(t("meldcode.skipped")) }
                    for (index, answer) in entry.answers.enumerated() {
                        lines.append(t("meldcode.question.\(index + 1)") + " " + t(answer ? "common.yes" : "common.no"))
                    }
                    if let decision = entry.decision { lines.append(t("meldcode.decision.\(decision.rawValue)")) }
                    if let followUp = entry.followUp { lines.append(t("field.followUp") + ": " + followUp) }
                    return H.el(
                        "li", [.cls("done")],
                        [H.el("strong", [], [H.text(t("meldcode.step.\(step.rawValue)"))])]
                            + lines.map { H.el("p", [], [H.text($0)]) })
                }))
        if detail.canHandle, detail.signal.state.isOpen, let step = workflow.nextStep {
            var fields: [HTMLNode] = [
                H.void("input", [.type("hidden"), .name("step"), .value("\(step.rawValue)")]),
                H.el("p", [], [H.el("strong", [], [H.text(t("meldcode.step.\(step.rawValue)"))])]),
                H.p(t("meldcode.help.\(step.rawValue)"), [.cls("muted")]),
            ]
            switch step {
            case .consult:
                fields.append(
                    Forms.select(
                        "consultedWith", label: t("meldcode.consultedWithLabel"),
                        options: [("", "—")]
                            + MeldcodeConsultee.allCases.map { ($0.rawValue, t("meldcode.consultee.\($0.rawValue)")) },
                        selected: kept["consultedWith"], problems: problems, t: t))
            case .conversation:
                fields.append(
                    H.el(
                        "label", [.cls("check")],
                        [
                            H.void(
                                "input",
                                [
                                    .type("checkbox"), .name("conversationSkipped"),
                                    Attr.flag("checked", kept["conversationSkipped"] == "on"),
                                ]),
                            H.text(" " + t("meldcode.skip")),
                        ]))
            case .decide:
                for question in 1...Afwegingskader.questionCount {
                    fields.append(
                        H.el(
                            "fieldset", [.cls("choices")],
                            [H.el("legend", [], [H.text(t("meldcode.question.\(question)"))])]
                                + ["yes", "no"].map { value in
                                    H.el(
                                        "label", [.cls("choice")],
                                        [
                                            H.void(
                                                "input",
                                                [
                                                    .type("radio"), .name("answer\(question)"), .value(value),
                                                    Attr.flag("checked", kept["answer\(question)"] == value),
                                                ]),
                                            H.text(" " + t(value == "yes" ? "common.yes" : "common.no")),
                                        ])
                                }))
                }
                fields.append(
                    Forms.textarea(
                        "followUp", label: t("field.followUp"), value: kept["followUp"], problems: problems, t: t))
            case .mapSignals, .weigh:
                break
            }
            fields.append(
                Forms.textarea(
                    "reasoning", label: t("field.reasoning"), value: kept["reasoning"], problems: problems, t: t,
                    markOptional: false))
            fields.append(Forms.submit(t("meldcode.record")))
            children.append(
                Forms.post(
                    action: SiteRoute.signal(.value(detail.signal.id), .meldcode).path(), context: context,
                    [.cls("stack")], fields))
        } else if let decision = workflow.decision {
            children.append(H.p(t("meldcode.decided", t("meldcode.decision.\(decision.rawValue)")), [.cls("status")]))
        }
        return H.el("section", [.cls("meldcode")], children)
    }

    // MARK: Settings

    /// `users` name the rules' assignees; `assignees` are those a new rule may name (the access policy's answer).
    public static func settings(
        deadlines: SignalDeadlines, rules: [RoutingRule], teams: [Team], users: [User], assignees: [User],
        problems: [FieldProblem], context: PageContext
    ) -> PageContent {
        let t = context.t
        let teamName = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0.name) })
        let userName = Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.displayName) })
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            H.h2(t("signal.deadlines")),
            H.p(t("signal.deadlinesIntro"), [.cls("muted")]),
            Forms.post(
                action: SiteRoute.signals(.deadlines).path(), context: context, [.cls("stack")],
                [
                    Forms.field(
                        "acuteDays", label: t("field.acuteDays"), value: "\(deadlines.acute)", type: "number",
                        required: true, problems: problems, t: t),
                    Forms.field(
                        "highDays", label: t("field.highDays"), value: "\(deadlines.high)", type: "number",
                        required: true, problems: problems, t: t),
                    Forms.field(
                        "normalDays", label: t("field.normalDays"), value: "\(deadlines.normal)", type: "number",
                        required: true, problems: problems, t: t),
                    Forms.submit(t("common.save")),
                ]),
            H.el("h2", [.id("regels")], [H.text(t("signal.rules"))]),
            H.p(t("signal.rulesIntro"), [.cls("muted")]),
            rules.isEmpty
                ? H.p(t("signal.rulesEmpty"), [.cls("empty")])
                : Forms.table(
                    headers: [
                        "#", t("field.domain"), t("field.minimumUrgency"), t("field.area"), t("signal.team"),
                        t("signal.assigneeLabel"), "",
                    ],
                    rows: rules.enumerated().map { index, rule in
                        [
                            H.text("\(index + 1)"),
                            H.text(rule.domain.map { t("domain.\($0.rawValue)") } ?? t("common.all")),
                            H.text(rule.minimumUrgency.map { t("urgency.\($0.rawValue)") } ?? t("common.all")),
                            H.text(rule.area?.description ?? t("common.all")), H.text(teamName[rule.teamID] ?? "—"),
                            H.text(rule.assigneeID.flatMap { userName[$0] } ?? "—"),
                            Forms.post(
                                action: SiteRoute.signals(.removeRule(.value(rule.id))).path(), context: context,
                                [.cls("inline")],
                                [H.el("button", [.type("submit"), .cls("secondary")], [H.text(t("common.remove"))])]),
                        ]
                    }),
            Forms.post(
                action: SiteRoute.signals(.rules).path(), context: context, [.cls("stack")],
                [
                    Forms.select(
                        "domain", label: t("field.domain"),
                        options: [("", t("common.all"))]
                            + LifeDomain.allCases.map { ($0.rawValue, t("domain.\($0.rawValue)")) },
                        selected: nil, problems: problems, t: t),
                    Forms.select(
                        "minimumUrgency", label: t("field.minimumUrgency"),
                        options: [("", t("common.all"))]
                            + SignalUrgency.allCases.map { ($0.rawValue, t("urgency.\($0.rawValue)")) },
                        selected: nil, problems: problems, t: t),
                    Forms.field(
                        "area", label: t("field.area"), value: nil, problems: problems, t: t, hint: t("signal.areaHint")
                    ),
                    Forms.select(
                        "teamID", label: t("signal.team"), options: teams.map { ($0.id.description, $0.name) },
                        selected: nil, problems: problems, t: t),
                    Forms.select(
                        "assigneeID", label: t("signal.assigneeLabel"),
                        options: [("", "—")]
                            + assignees.map { ($0.id.description, $0.displayName) },
                        selected: nil, problems: problems, t: t),
                    Forms.submit(t("signal.addRule")),
                ]),
        ]
        return PageContent(title: t("signal.settings"), body: body)
    }

    // MARK: Elsewhere

    /// The resident's signals on their file, for the professionals who see them.
    public static func section(_ signals: [SignalSummary], residentID: Resident.ID, context: PageContext) -> HTMLNode {
        let t = context.t
        var children: [HTMLNode] = [H.el("h2", [.id("signalen")], [H.text(t("signal.section"))])]
        if signals.isEmpty {
            children.append(H.p(t("signal.sectionEmpty"), [.cls("muted")]))
        } else {
            children.append(
                H.el(
                    "ul", [.cls("cards")],
                    signals.map { item in
                        H.el(
                            "li", [],
                            [
                                H.div([.cls("badges")], badge(item, t: t)),
                                H.a(
                                    DateText.dutch(item.raisedAt) + " · "
                                        + (item.domains.isEmpty
                                            ? t("signal.noDomain")
                                            : item.domains.map { t("domain.\($0.rawValue)") }.joined(separator: ", ")),
                                    href: SiteRoute.signal(.value(item.id), .detail).path()),
                            ])
                    }))
        }
        children.append(
            H.div(
                [.cls("actions")],
                [
                    H.a(
                        t("signal.new"),
                        href: SiteRoute.signals(.new).path(query: [("resident", residentID.description)]),
                        [.cls("button")])
                ]
            ))
        return H.el("section", [], children)
    }

    /// The concierge's "check again" list on the start page.
    public static func tasks(_ items: [TaskItem], context: PageContext) -> HTMLNode {
        let t = context.t
        guard !items.isEmpty else { return H.group([]) }
        return H.el(
            "section", [],
            [
                H.el("h2", [.id("nakijken")], [H.text(t("tasks.title"))]),
                H.el(
                    "ul", [.cls("cards")],
                    items.map { item in
                        H.el(
                            "li", [.cls("task")],
                            [
                                H.el(
                                    "strong", [],
                                    [H.text(subjectLine(name: item.residentName, address: item.addressLine, t: t))]),
                                H.p(item.task.date.dutch + " · " + item.task.instruction),
                                Forms.post(
                                    action: SiteRoute.taskDone(.value(item.task.id)).path(), context: context,
                                    [.cls("stack")],
                                    [
                                        Forms.field("note", label: t("tasks.note"), value: nil, t: t),
                                        Forms.submit(t("tasks.done")),
                                    ]),
                            ])
                    }),
            ])
    }
}
