import Foundation
import SchakelCore
import SchakelRoutes

/// The pages of referrals: the form with the consent gate, the partner's inbox, the referrer's sent list,
/// one referral with its steps and messages, and handing a resident to another team.
public enum ReferralPages {
    // MARK: The form

    public static func form(
        _ form: ReferralForm, options: ReferralFormOptions, problems: [FieldProblem], context: PageContext
    ) -> PageContent {
        let t = context.t
        var fields: [HTMLNode] = [
            H.p(t("referral.about", options.residentName), [.cls("subject")]),
            H.void("input", [.type("hidden"), .name("residentID"), .value(options.residentID.description)]),
        ]
        if let signal = options.signalID {
            fields.append(H.void("input", [.type("hidden"), .name("signalID"), .value(signal.description)]))
            fields.append(H.p(t("referral.fromSignal"), [.cls("muted")]))
        }
        var services = options.services
        if let chosen = options.chosenService, !services.contains(where: { $0.serviceID == chosen.serviceID }) {
            services.insert(chosen, at: 0)
        }
        let chosenService = form.serviceID ?? options.chosenService?.serviceID?.description
        var serviceOptions: [(String, String)] = [("", t("referral.noService"))]
        for target in services {
            var label = target.name
            if let provider = target.providerName { label += " · " + provider }
            if target.organisationID == nil { label += " · " + t("referral.onlyLogged") }
            serviceOptions.append((target.serviceID?.description ?? "", label))
        }
        fields.append(
            Forms.select(
                "serviceID", label: t("referral.service"), options: serviceOptions, selected: chosenService,
                problems: problems, t: t))
        fields.append(
            Forms.select(
                "organisationID", label: t("referral.organisation"),
                options: [("", "—")] + options.organisations.map { ($0.id.description, $0.name) },
                selected: form.organisationID, problems: problems, t: t))
        fields.append(
            H.el(
                "fieldset", [.cls("checks")],
                [H.el("legend", [], [H.text(t("referral.mode"))])]
                    + ReferralMode.allCases.map { mode in
                        H.el(
                            "label", [.cls("choice")],
                            [
                                H.void(
                                    "input",
                                    [
                                        .type("radio"), .name("mode"), .value(mode.rawValue),
                                        Attr.flag("checked", (form.mode ?? "live") == mode.rawValue),
                                    ]),
                                H.text(" " + t("referralMode.\(mode.rawValue)")),
                            ])
                    }
                    + problems.filter { $0.field == "mode" }.map { H.p(t.problem($0), [.cls("field-error")]) }))
        fields.append(
            Forms.textarea(
                "question", label: t("referral.question"), value: form.question, problems: problems, t: t,
                markOptional: false))
        fields.append(
            Forms.checkboxes(
                "domains", legend: t("field.domains"),
                options: LifeDomain.allCases.map { ($0.rawValue, t("domain.\($0.rawValue)")) },
                checked: Set(form.domains ?? [])))
        fields += problems.filter { $0.field == "domains" }.map { H.p(t.problem($0), [.cls("field-error")]) }
        fields.append(
            Forms.select(
                "contactMethod", label: t("referral.contactMethod"),
                options: [("", "—")]
                    + ReferralContactMethod.allCases.map { ($0.rawValue, t("contactMethod.\($0.rawValue)")) },
                selected: form.contactMethod ?? ReferralContactMethod.phone.rawValue, problems: problems, t: t))
        let shares = ReferralShare.allCases.filter { $0 != .signalObservation || options.signalID != nil }
        fields.append(
            Forms.checkboxes(
                "shares", legend: t("referral.shares"),
                options: shares.map { ($0.rawValue, t("share.\($0.rawValue)")) }, checked: Set(form.shares ?? [])))
        fields.append(H.p(t("referral.sharesAlways"), [.cls("muted")]))
        fields.append(consentBlock(form, options: options, problems: problems, context: context))
        fields.append(Forms.check("draft", label: t("referral.keepDraft"), on: form.draft == "1"))
        fields.append(Forms.submit(t("referral.submit")))
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(action: SiteRoute.referrals(.new).path(), context: context, [.cls("stack")], fields),
        ]
        return PageContent(title: t("referral.new"), body: body)
    }

    /// Which organisations consent covers, and what to do when it does not: record it now, or send on a
    /// legal ground with a reason.
    static func consentBlock(
        _ form: ReferralForm, options: ReferralFormOptions, problems: [FieldProblem], context: PageContext
    ) -> HTMLNode {
        let t = context.t
        let names = Dictionary(uniqueKeysWithValues: options.organisations.map { ($0.id, $0.name) })
        let covered = options.consentedOrganisations.compactMap { names[$0] }.sorted()
        return consentFields(
            intro: covered.isEmpty
                ? t("referral.consentNone") : t("referral.consentCovers", covered.joined(separator: ", ")),
            recordConsent: form.recordConsent, overrideGround: form.overrideGround,
            overrideReason: form.overrideReason, problems: problems, context: context)
    }

    static func consentFields(
        intro: String, recordConsent: String?, overrideGround: String?, overrideReason: String?,
        problems: [FieldProblem], context: PageContext
    ) -> HTMLNode {
        let t = context.t
        let consentProblems = problems.filter { ["consent", "recordConsent"].contains($0.field) }
        let overrideProblems = problems.filter { ["overrideGround", "overrideReason"].contains($0.field) }
        return H.el(
            "fieldset", [.cls(consentProblems.isEmpty ? "consent" : "consent invalid"), .id("f-consent")],
            [
                H.el("legend", [], [H.text(t("referral.consent"))]),
                H.p(intro),
            ]
                + [("", t("referral.consentAsRecorded"))]
                .map { ($0.0, $0.1) }.map { value, label in
                    H.el(
                        "label", [.cls("choice")],
                        [
                            H.void(
                                "input",
                                [
                                    .type("radio"), .name("recordConsent"), .value(value),
                                    Attr.flag("checked", (recordConsent ?? "").isEmpty),
                                ]), H.text(" " + label),
                        ])
                }
                + ConsentRecording.allCases.map { recording in
                    H.el(
                        "label", [.cls("choice")],
                        [
                            H.void(
                                "input",
                                [
                                    .type("radio"), .name("recordConsent"), .value(recording.rawValue),
                                    Attr.flag("checked", recordConsent == recording.rawValue),
                                ]),
                            H.text(" " + t("referral.consentNow.\(recording.rawValue)")),
                        ])
                }
                + consentProblems.map { H.p(t.problem($0), [.cls("field-error")]) }
                + [
                    H.el(
                        "details", [Attr.flag("open", !overrideProblems.isEmpty || overrideGround?.nonEmpty != nil)],
                        [
                            H.el("summary", [], [H.text(t("referral.override"))]),
                            H.p(t("referral.overrideIntro"), [.cls("muted")]),
                            Forms.select(
                                "overrideGround", label: t("referral.overrideGround"),
                                options: [("", "—")]
                                    + LegalGround.allCases.map { ($0.rawValue, t("legalGround.\($0.rawValue)")) },
                                selected: overrideGround, problems: problems, t: t),
                            Forms.textarea(
                                "overrideReason", label: t("referral.overrideReason"), value: overrideReason,
                                problems: problems, t: t, markOptional: false),
                        ])
                ])
    }

    /// Referring from a service of the map without a resident yet: find the resident first.
    public static func chooseResident(
        service: ReferralTarget, search: String?, results: [ResidentSummary], context: PageContext
    ) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [
            H.p(t("referral.toService", service.name), [.cls("subject")]),
            H.el(
                "form", [Attr(name: "method", value: "get"), .cls("stack")],
                [
                    H.void("input", [.type("hidden"), .name("dienst"), .value(service.serviceID?.description)]),
                    Forms.field("zoek", label: t("referral.findResident"), value: search, required: true, t: t),
                    Forms.submit(t("common.search")),
                ]),
        ]
        if search?.nonEmpty != nil {
            if results.isEmpty {
                body.append(H.p(t("referral.noResidentFound"), [.cls("empty")]))
            } else {
                body.append(
                    H.el(
                        "ul", [.cls("cards")],
                        results.map { resident in
                            H.el(
                                "li", [],
                                [
                                    H.a(
                                        resident.fullName,
                                        href: SiteRoute.referrals(.new).path(query: [
                                            ("bewoner", resident.id.description),
                                            ("dienst", service.serviceID?.description),
                                        ])),
                                    H.el("span", [.cls("muted")], [H.text(resident.addressLine ?? "")]),
                                ])
                        }))
            }
        }
        return PageContent(title: t("referral.new"), body: body)
    }

    // MARK: Lists

    /// The partner's inbox: counts per state, filters, overdue first.
    public static func inbox(
        _ page: Paged<ReferralSummary>, counts: (byState: [ReferralState: Int], overdue: Int),
        query: ReferralInboxQuery, canRefer: Bool, context: PageContext
    ) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [tabs(current: .inbox, canRefer: canRefer, answers: true, t: t)]
        body.append(inboxCounts(counts, t: t))
        body.append(
            H.el(
                "form", [Attr(name: "method", value: "get"), .cls("filters")],
                [
                    Forms.select(
                        "state", label: t("field.state"),
                        options: [("", t("referral.allOpen"))]
                            + ReferralState.allCases.filter { $0 != .draft && $0 != .logged }.map {
                                ($0.rawValue, t("state.\($0.rawValue)"))
                            },
                        selected: query.state, t: t),
                    Forms.check("overdue", label: t("referral.overdueOnly"), on: query.overdue == "1"),
                    Forms.check("mine", label: t("referral.mineOnly"), on: query.mine == "1"),
                    Forms.submit(t("common.filter")),
                ]))
        body.append(list(page.items, showResident: true, showTarget: true, context: context))
        body.append(
            Forms.pager(
                page,
                path: SiteRoute.referrals(.inbox).path(query: [
                    ("state", query.state?.nonEmpty), ("overdue", query.overdue?.nonEmpty),
                    ("mine", query.mine?.nonEmpty),
                ]), t: t))
        return PageContent(title: t("referral.inbox"), body: body)
    }

    /// The inbox's open referrals per state and the overdue ones, each a link to the inbox filtered so.
    static func inboxCounts(_ counts: (byState: [ReferralState: Int], overdue: Int), t: Localizer) -> HTMLNode {
        let open = ReferralState.allCases.filter(\.isOpen).filter { $0 != .draft }
        return H.el(
            "ul", [.cls("counts")],
            open.map { state in
                H.el(
                    "li", [],
                    [
                        H.a(
                            "\(t("state.\(state.rawValue)")): \(counts.byState[state] ?? 0)",
                            href: SiteRoute.referrals(.inbox).path(query: [("state", state.rawValue)]))
                    ])
            }
                + [
                    H.el(
                        "li", [.cls(counts.overdue > 0 ? "overdue" : "")],
                        [
                            H.a(
                                "\(t("referral.overdue")): \(counts.overdue)",
                                href: SiteRoute.referrals(.inbox).path(query: [("overdue", "1")]))
                        ])
                ])
    }

    /// The referrals the viewer sent, with where each stands.
    public static func sent(_ page: Paged<ReferralSummary>, answers: Bool, context: PageContext) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [tabs(current: .sent, canRefer: true, answers: answers, t: t)]
        body.append(list(page.items, showResident: true, showTarget: true, showReferrer: false, context: context))
        body.append(Forms.pager(page, path: SiteRoute.referrals(.sent).path(), t: t))
        return PageContent(title: t("referral.sentTitle"), body: body)
    }

    static func tabs(current: SiteRoute.Referrals, canRefer: Bool, answers: Bool, t: Localizer) -> HTMLNode {
        guard answers && canRefer else { return H.group([]) }
        var links: [HTMLNode] = []
        if answers {
            links.append(
                H.a(
                    t("referral.inbox"), href: SiteRoute.referrals(.inbox).path(),
                    [current == .inbox ? .aria("current", "page") : nil]))
        }
        if canRefer {
            links.append(
                H.a(
                    t("referral.sentTitle"), href: SiteRoute.referrals(.sent).path(),
                    [current == .sent ? .aria("current", "page") : nil]))
        }
        return H.el("nav", [.cls("tabs")], links)
    }

    /// Referrals as cards: where each went or who it is about, the state and what is due.
    public static func list(
        _ items: [ReferralSummary], showResident: Bool, showTarget: Bool, showReferrer: Bool = true,
        context: PageContext
    ) -> HTMLNode {
        let t = context.t
        guard !items.isEmpty else { return H.p(t("referral.none"), [.cls("empty")]) }
        return H.el(
            "ul", [.cls("cards referrals")],
            items.map { item in
                var title: [String] = []
                if showResident { title.append(item.residentName) }
                if showTarget || !showResident { title.append(item.targetName) }
                var lines: [HTMLNode] = [
                    H.el(
                        "a", [.href(SiteRoute.referral(.value(item.id), .detail).path())],
                        [H.el("strong", [], [H.text(title.joined(separator: " · "))])]),
                    H.div([.cls("badges")], badges(item, t: t)),
                ]
                var facts: [String] = []
                if let sent = item.sentAt { facts.append(t("referral.sentOn", DateText.dutch(sent))) }
                if item.state == .accepted, let due = item.contactDue {
                    facts.append(t("referral.contactDue", due.dutch))
                } else if [.sent, .received].contains(item.state), let due = item.answerDue {
                    facts.append(t("referral.answerDue", due.dutch))
                }
                if let assignee = item.assigneeName { facts.append(t("referral.assignedTo", assignee)) }
                if showReferrer, let referrer = item.referrerName { facts.append(t("referral.referredBy", referrer)) }
                if !facts.isEmpty { lines.append(H.p(facts.joined(separator: " · "), [.cls("muted")])) }
                return H.el("li", [], lines)
            })
    }

    static func badges(_ item: ReferralSummary, t: Localizer) -> [HTMLNode] {
        var nodes = [
            H.el("span", [.cls("badge state-\(item.state.rawValue)")], [H.text(t("state.\(item.state.rawValue)"))])
        ]
        if item.overdue { nodes.append(H.el("span", [.cls("badge overdue")], [H.text(t("referral.overdue"))])) }
        if item.escalated { nodes.append(H.el("span", [.cls("badge")], [H.text(t("referral.escalated"))])) }
        if item.overridden {
            nodes.append(H.el("span", [.cls("badge meldcode")], [H.text(t("referral.withoutConsent"))]))
        }
        return nodes
    }

    /// The referrals section of a resident's file or a signal's page.
    public static func section(
        _ items: [ReferralSummary], referLink: String?, transferLink: String?, context: PageContext
    ) -> HTMLNode {
        let t = context.t
        var children: [HTMLNode] = [
            H.el("h2", [.id("verwijzingen")], [H.text(t("referral.section"))]),
            list(items, showResident: false, showTarget: true, context: context),
        ]
        var actions: [HTMLNode] = []
        if let referLink { actions.append(H.a(t("referral.refer"), href: referLink, [.cls("button")])) }
        if let transferLink {
            actions.append(H.a(t("transfer.title"), href: transferLink, [.cls("button secondary")]))
        }
        if !actions.isEmpty { children.append(H.div([.cls("actions")], actions)) }
        return H.el("section", [], children)
    }

    // MARK: One referral

    public static func detail(
        _ detail: ReferralDetail, problems: [FieldProblem], kept: [String: String] = [:], context: PageContext
    ) -> PageContent {
        let t = context.t
        let referral = detail.referral
        let summary = ReferralSummary(
            id: referral.id, residentID: referral.residentID, residentName: detail.residentName,
            targetName: referral.targetName, organisationName: detail.organisationName, state: referral.state,
            mode: referral.mode, domains: referral.domains, createdAt: referral.createdAt, sentAt: referral.sentAt,
            answerDue: referral.answerDue, contactDue: referral.contactDue, overridden: referral.override != nil,
            escalated: referral.escalatedAt != nil || referral.contactFlaggedAt != nil, assigneeName: nil,
            referrerName: nil, overdue: referral.overdue(today: context.today))
        var body: [HTMLNode] = [Forms.errorSummary(problems, t: t), H.div([.cls("badges")], badges(summary, t: t))]
        if let override = referral.override {
            body.append(
                H.div(
                    [.cls("notice"), Attr(name: "role", value: "note")],
                    [
                        H.el("strong", [], [H.text(t("referral.withoutConsent"))]),
                        H.p(t("legalGround.\(override.ground.rawValue)") + ": " + override.reason),
                    ]))
        }
        if referral.state == .declined && detail.view == .full {
            body.append(
                H.div(
                    [.cls("notice")],
                    [
                        H.p(t("referral.declinedChooseOther")),
                        H.a(
                            t("referral.referAgain"),
                            href: SiteRoute.referrals(.new).path(query: [
                                ("bewoner", referral.residentID.description),
                                ("signaal", referral.signalID?.description),
                            ]), [.cls("button")]),
                    ]))
        }
        var facts: [(String, String)] = [
            (t("referral.resident"), detail.residentName),
            (
                t("referral.to"),
                [referral.targetName, detail.organisationName].compactMap { $0 }.joined(separator: " · ")
            ),
            (t("referral.mode"), t("referralModeShort.\(referral.mode.rawValue)")),
            (
                t("referral.by"),
                [detail.people[referral.referrerID], detail.referrerOrganisationName].compactMap { $0 }
                    .joined(separator: ", ")
            ),
            (t("field.domains"), referral.domains.map { t("domain.\($0.rawValue)") }.joined(separator: ", ")),
        ]
        if let method = referral.contactMethod {
            facts.append((t("referral.contactVia"), t("contactMethod.\(method.rawValue)")))
        }
        if let sent = referral.sentAt { facts.append((t("referral.sent"), DateText.dutch(sent))) }
        if [.sent, .received].contains(referral.state), let due = referral.answerDue {
            facts.append((t("referral.answerBy"), due.dutch))
        }
        if referral.state == .accepted, let due = referral.contactDue {
            facts.append((t("referral.contactBy"), due.dutch))
        }
        if let assignee = referral.assigneeID {
            facts.append((t("referral.assignee"), detail.people[assignee] ?? "—"))
        }
        if let date = referral.firstContactOn {
            facts.append(
                (
                    t("referral.firstContact"),
                    date.dutch + (referral.firstContactHow.map { " · " + t("contactMethod.\($0.rawValue)") } ?? "")
                ))
        }
        if let reason = referral.declineReason {
            facts.append((t("referral.declineReason"), t("declineReason.\(reason.rawValue)")))
        }
        if let reason = referral.closeReason {
            facts.append((t("referral.closeReason"), t("closeReason.\(reason.rawValue)")))
        }
        if let outcome = referral.outcome {
            facts.append((t("field.outcome"), t("referralOutcome.\(outcome.rawValue)")))
        }
        body.append(
            H.el(
                "dl", [.cls("facts")],
                facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [H.text($0.1)])] }))
        body.append(H.h2(t("referral.question")))
        body.append(H.p(referral.question, [.cls("observation")]))
        if let contact = detail.contact {
            body.append(contactSection(contact, shared: detail.shared, t: t))
        } else if detail.view == .partner {
            body.append(H.p(t("referral.contactEnded"), [.cls("muted")]))
        }
        if detail.view == .full {
            body.append(
                H.el(
                    "p", [],
                    [H.a(t("signal.toResident"), href: SiteRoute.resident(.value(referral.residentID), .file).path())]))
        }
        body.append(steps(detail, problems: problems, kept: kept, context: context))
        body.append(messages(detail, problems: problems, kept: kept, context: context))
        body.append(H.el("h2", [.id("geschiedenis")], [H.text(t("signal.history"))]))
        body.append(
            H.el(
                "ol", [.cls("history")],
                detail.history.filter { $0.kind != "message" }.map { entry in
                    var text =
                        DateText.dutch(entry.at) + " · "
                        + (entry.actorID.flatMap { detail.people[$0] } ?? t("signal.system")) + " · "
                        + t("referralHistory.\(entry.kind)")
                    if let from = entry.fromState, let to = entry.toState, from != to {
                        text += " (\(t("state.\(from.rawValue)")) → \(t("state.\(to.rawValue)")))"
                    }
                    return H.el("li", [], [H.text(text)])
                }))
        return PageContent(title: t("referral.title"), body: body)
    }

    static func contactSection(_ contact: ReferralContact, shared: ReferralSharedFile, t: Localizer) -> HTMLNode {
        var facts: [(String, HTMLNode)] = []
        if let line = contact.addressLine { facts.append((t("field.address"), H.text(line))) }
        if let phone = contact.phone {
            facts.append((t("field.phone"), H.a(phone, href: "tel:" + phone.filter { $0.isNumber || $0 == "+" })))
        }
        if let language = contact.preferredLanguage {
            facts.append((t("referral.language"), H.text(ServiceDraft.languageNames[language] ?? language)))
        }
        if !contact.channels.isEmpty {
            facts.append(
                (
                    t("field.contactChannels"),
                    H.text(contact.channels.map { t("channel.\($0.rawValue)") }.joined(separator: ", "))
                ))
        }
        if let note = contact.contactNote { facts.append((t("field.contactNote"), H.text(note))) }
        if let birth = shared.dateOfBirth { facts.append((t("share.date_of_birth"), H.text(birth.dutch))) }
        if !shared.household.isEmpty {
            facts.append((t("share.household"), H.text(shared.household.joined(separator: ", "))))
        }
        if let notes = shared.doorNotes { facts.append((t("share.door_notes"), H.text(notes))) }
        var children: [HTMLNode] = [
            H.h2(t("referral.contact")),
            H.el("dl", [.cls("facts")], facts.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [$0.1])] }),
        ]
        if let observation = shared.observation {
            children.append(H.el("h3", [], [H.text(t("share.signal_observation"))]))
            children.append(H.p(observation, [.cls("observation")]))
        }
        return H.el("section", [], children)
    }

    /// The forms for the steps the viewer may take: accept, decline with a reason, first contact, the
    /// outcome, closing, withdrawing, sending a draft; and giving it to a colleague.
    static func steps(
        _ detail: ReferralDetail, problems: [FieldProblem], kept: [String: String], context: PageContext
    ) -> HTMLNode {
        let t = context.t
        let id = detail.referral.id
        var forms: [HTMLNode] = []
        let step = SiteRoute.referral(.value(id), .step).path()
        for name in detail.nextEvents {
            var fields: [HTMLNode] = [H.void("input", [.type("hidden"), .name("event"), .value(name)])]
            let scope = name
            switch name {
            case "send":
                forms.append(
                    Forms.post(
                        action: SiteRoute.referral(.value(id), .send).path(), context: context, [.cls("stack step")],
                        [
                            H.el("h3", [], [H.text(t("referralEvent.send"))]),
                            consentFields(
                                intro: t("referral.consentAtSend"), recordConsent: nil, overrideGround: nil,
                                overrideReason: kept["overrideReason"], problems: problems, context: context),
                            Forms.submit(t("referralEvent.send")),
                        ]))
                continue
            case "decline":
                fields.append(
                    Forms.select(
                        "reason", label: t("referral.declineReason"),
                        options: [("", "—")]
                            + ReferralDeclineReason.allCases.map { ($0.rawValue, t("declineReason.\($0.rawValue)")) },
                        selected: kept["event"] == name ? kept["reason"] : nil, problems: problems, t: t,
                        scope: scope))
                fields.append(
                    Forms.textarea(
                        "note", label: t("referral.note"), value: kept["event"] == name ? kept["note"] : nil,
                        problems: problems, t: t, scope: scope))
            case "first_contact":
                fields.append(
                    Forms.field(
                        "contactDate", label: t("referral.contactDate"),
                        value: kept["contactDate"] ?? context.today.description, type: "date", required: true,
                        problems: problems, t: t, scope: scope,
                        extra: [Attr(name: "max", value: context.today.description)]))
                fields.append(
                    Forms.select(
                        "contactHow", label: t("referral.contactHow"),
                        options: ReferralContactMethod.allCases.map {
                            ($0.rawValue, t("contactMethod.\($0.rawValue)"))
                        },
                        selected: kept["contactHow"] ?? detail.referral.contactMethod?.rawValue, problems: problems,
                        t: t, scope: scope))
            case "complete":
                fields.append(
                    Forms.select(
                        "outcome", label: t("field.outcome"),
                        options: [("", "—")]
                            + ReferralOutcome.allCases.map { ($0.rawValue, t("referralOutcome.\($0.rawValue)")) },
                        selected: kept["outcome"], problems: problems, t: t, scope: scope))
            case "close":
                fields.append(
                    Forms.select(
                        "reason", label: t("referral.closeReason"),
                        options: [("", "—")]
                            + ReferralCloseReason.allCases.map { ($0.rawValue, t("closeReason.\($0.rawValue)")) },
                        selected: kept["event"] == name ? kept["reason"] : nil, problems: problems, t: t,
                        scope: scope))
            default: break
            }
            fields.append(Forms.submit(t("referralEvent.\(name)")))
            forms.append(
                Forms.post(
                    action: step, context: context, [.cls(name == "withdraw" ? "stack step secondary" : "stack step")],
                    [H.el("h3", [], [H.text(t("referralEvent.\(name)"))])] + fields))
        }
        if !detail.assignees.isEmpty {
            forms.append(
                Forms.post(
                    action: SiteRoute.referral(.value(id), .assign).path(), context: context, [.cls("stack step")],
                    [
                        H.el("h3", [], [H.text(t("referral.assign"))]),
                        Forms.select(
                            "assigneeID", label: t("referral.assignee"),
                            options: detail.assignees.map { ($0.id.description, $0.displayName) },
                            selected: detail.referral.assigneeID?.description, problems: problems, t: t),
                        Forms.submit(t("referral.assign")),
                    ]))
        }
        guard !forms.isEmpty else { return H.group([]) }
        return H.el("section", [.cls("steps")], [H.h2(t("referral.next"))] + forms)
    }

    static func messages(
        _ detail: ReferralDetail, problems: [FieldProblem], kept: [String: String], context: PageContext
    ) -> HTMLNode {
        let t = context.t
        let messages = detail.messages
        guard detail.canMessage || !messages.isEmpty else { return H.group([]) }
        var children: [HTMLNode] = [H.el("h2", [.id("berichten")], [H.text(t("referral.messages"))])]
        if messages.isEmpty {
            children.append(H.p(t("referral.noMessages"), [.cls("muted")]))
        } else {
            children.append(
                H.el(
                    "ol", [.cls("messages")],
                    messages.map { entry in
                        H.el(
                            "li", [],
                            [
                                H.el(
                                    "span", [.cls("muted")],
                                    [
                                        H.text(
                                            DateText.dutch(entry.at) + " · "
                                                + (entry.actorID.flatMap { detail.people[$0] } ?? "—"))
                                    ]),
                                H.p(entry.detail ?? ""),
                            ])
                    }))
        }
        if detail.canMessage {
            children.append(
                Forms.post(
                    action: SiteRoute.referral(.value(detail.referral.id), .message).path(), context: context,
                    [.cls("stack")],
                    [
                        Forms.textarea(
                            "message", label: t("referral.message"), value: kept["message"], problems: problems, t: t,
                            markOptional: false),
                        Forms.submit(t("referral.sendMessage")),
                    ]))
        }
        return H.el("section", [], children)
    }

    // MARK: Transfer

    public static func transfer(
        _ form: TransferForm, residentID: Resident.ID, residentName: String, currentTeam: String?, teams: [Team],
        problems: [FieldProblem], context: PageContext
    ) -> PageContent {
        let t = context.t
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            H.p(t("referral.about", residentName), [.cls("subject")]),
            H.p(t("transfer.intro"), [.cls("muted")]),
            H.p(t("transfer.current", currentTeam ?? "—")),
            Forms.post(
                action: SiteRoute.resident(.value(residentID), .transfer).path(), context: context, [.cls("stack")],
                [
                    Forms.select(
                        "teamID", label: t("transfer.team"),
                        options: [("", "—")] + teams.map { ($0.id.description, $0.name) }, selected: form.teamID,
                        problems: problems, t: t),
                    Forms.textarea(
                        "reason", label: t("transfer.reason"), value: form.reason, problems: problems, t: t,
                        markOptional: false),
                    consentFields(
                        intro: t("transfer.consent"), recordConsent: form.recordConsent,
                        overrideGround: form.overrideGround, overrideReason: form.overrideReason, problems: problems,
                        context: context),
                    Forms.submit(t("transfer.submit")),
                ]),
        ]
        return PageContent(title: t("transfer.title"), body: body)
    }
}
