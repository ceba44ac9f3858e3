import Foundation
import SchakelCore
import SchakelRoutes

/// The resident pages; mobile first, each one works without JavaScript.
public enum ResidentPages {
    /// The resident search; by POST so the name searched for stays out of URLs and logs.
    public static func searchForm(label: String, query: String?, context: PageContext) -> HTMLNode {
        let t = context.t
        return Forms.post(
            action: SiteRoute.residents(.search).path(), context: context, [.cls("search")],
            [
                Forms.field(
                    "q", label: label, value: query, type: "search", t: t, markOptional: false,
                    extra: [Attr(name: "autocomplete", value: "off")]),
                Forms.submit(t("common.search")),
            ])
    }

    /// `canCreate`: whether the viewer may add a resident (the access policy's answer).
    public static func list(_ page: Paged<ResidentSummary>, query: String?, canCreate: Bool, context: PageContext)
        -> PageContent
    {
        let t = context.t
        var body: [HTMLNode] = [
            searchForm(label: t("residents.searchLabel"), query: query, context: context)
        ]
        if canCreate {
            body.append(H.p("", [.cls("actions")]))
            body.append(H.a(t("residents.new"), href: SiteRoute.residents(.new).path(), [.cls("button")]))
        }
        if page.items.isEmpty {
            body.append(H.p(t(query?.nonEmpty == nil ? "residents.emptyCoverage" : "residents.empty"), [.cls("empty")]))
        } else {
            body.append(
                H.el(
                    "ul", [.cls("cards")],
                    page.items.map { resident in
                        H.el(
                            "li", [],
                            [
                                H.a(
                                    resident.fullName, href: SiteRoute.resident(.value(resident.id), .file).path(),
                                    [.cls("title")]),
                                H.el(
                                    "span", [.cls("muted")], [H.text(resident.addressLine ?? t("residents.noAddress"))]),
                                resident.dateOfBirth.map {
                                    H.el(
                                        "span", [.cls("muted")], [H.text(t("residents.dateOfBirth") + ": " + $0.dutch)])
                                } ?? H.group([]),
                            ])
                    }))
        }
        if let query = query?.nonEmpty {
            // Search results page by POST too, so the query stays out of the URL.
            if page.pageCount > 1 {
                var buttons: [HTMLNode] = []
                for (label, target) in [(t("common.previous"), page.page - 1), (t("common.next"), page.page + 1)]
                where target >= 1 && target <= page.pageCount {
                    buttons.append(
                        Forms.post(
                            action: SiteRoute.residents(.search).path(), context: context, [.cls("inline")],
                            [
                                H.void("input", [.type("hidden"), .name("q"), .value(query)]),
                                H.void("input", [.type("hidden"), .name("page"), .value(String(target))]),
                                Forms.submit(label),
                            ]))
                }
                body.append(
                    H.el(
                        "nav", [.cls("pager")],
                        buttons + [H.el("span", [], [H.text(t("common.page", page.page, page.pageCount))])]))
            } else {
                body.append(H.p(t("common.total", page.total), [.cls("muted")]))
            }
        } else {
            body.append(Forms.pager(page, path: SiteRoute.residents(.index).path(), t: t))
        }
        return PageContent(title: t("residents.title"), body: body)
    }

    public static func file(
        _ file: ResidentFile, organisations: [Organisation], joinable: [Household], extra: [HTMLNode] = [],
        saved: Bool = false, context: PageContext
    ) -> PageContent {
        let t = context.t
        let r = file.resident
        var details: [(String, String)] = []
        details.append((t("field.address"), file.address?.singleLine ?? t("residents.noAddress")))
        if let phone = r.phone { details.append((t("field.phone"), phone.value)) }
        if let notes = r.doorNotes { details.append((t("field.doorNotes"), notes)) }
        if file.view == .full {
            if let birth = r.dateOfBirth { details.append((t("field.dateOfBirth"), birth.dutch)) }
            if let language = r.preferredLanguage { details.append((t("field.preferredLanguage"), language)) }
            if !r.contactChannels.isEmpty {
                details.append(
                    (
                        t("field.contactChannels"),
                        r.contactChannels.map { t("channel." + $0.rawValue) }.joined(separator: ", ")
                    ))
            }
            if let note = r.contactNote { details.append((t("field.contactNote"), note)) }
        }
        var body: [HTMLNode] = []
        if saved {
            body.append(H.p(t("contact.saved"), [.cls("notice")]))
        }
        if file.view == .basic { body.append(H.p(t("resident.basicView"), [.cls("notice")])) }
        body.append(
            H.el(
                "section", [.aria("labelledby", "gegevens")],
                [
                    H.el("h2", [.id("gegevens")], [H.text(t("resident.details"))]),
                    H.el(
                        "dl", [.cls("details")],
                        details.flatMap { [H.el("dt", [], [H.text($0.0)]), H.el("dd", [], [H.text($0.1)])] }),
                ]))
        var actions: [HTMLNode] = []
        if file.canEdit {
            actions.append(
                H.a(t("resident.edit"), href: SiteRoute.resident(.value(r.id), .edit).path(), [.cls("button")]))
        }
        if file.canLogContact {
            actions.append(
                H.a(
                    t("contact.log"), href: SiteRoute.resident(.value(r.id), .newContact).path(),
                    [.cls("button secondary")]))
        }
        // Whoever sees the file and works with residents can raise a signal about them from here.
        if file.canRaiseSignal {
            actions.append(
                H.a(
                    t("signal.new"), href: SiteRoute.signals(.new).path(query: [("resident", r.id.description)]),
                    [.cls("button secondary")]))
        }
        if file.canSignUpForActivities {
            actions.append(
                H.a(
                    t("activity.signUp"), href: SiteRoute.resident(.value(r.id), .activities).path(),
                    [.cls("button secondary")]))
        }
        if file.view == .full {
            actions.append(
                H.a(
                    t("resident.timeline"), href: SiteRoute.resident(.value(r.id), .timeline).path(),
                    [.cls("button secondary")]))
        }
        if file.canViewAuditLog {
            actions.append(
                H.a(
                    t("nav.audit"), href: SiteRoute.admin(.audit).path(query: [("resident", r.id.description)]),
                    [.cls("button secondary")]))
        }
        if !actions.isEmpty { body.append(H.div([.cls("actions")], actions)) }
        body += extra

        if file.view == .full {
            body.append(household(file, joinable: joinable, context: context))
            body.append(consents(file, organisations: organisations, context: context))
        }
        if file.canRefer {
            body.append(
                ReferralPages.section(
                    file.referrals,
                    referLink: SiteRoute.referrals(.new).path(query: [("bewoner", r.id.description)]),
                    transferLink: file.canTransfer ? SiteRoute.resident(.value(r.id), .transfer).path() : nil,
                    context: context))
        }
        return PageContent(title: r.fullName, body: body)
    }

    private static func household(_ file: ResidentFile, joinable: [Household], context: PageContext) -> HTMLNode {
        let t = context.t
        var children: [HTMLNode] = [H.el("h2", [.id("huishouden")], [H.text(t("resident.household"))])]
        if let household = file.household {
            children.append(H.p(household.name))
            if !file.householdMembers.isEmpty {
                children.append(H.el("h3", [], [H.text(t("resident.householdMembers"))]))
                children.append(
                    H.el(
                        "ul", [],
                        file.householdMembers.map {
                            H.el("li", [], [H.a($0.fullName, href: SiteRoute.resident(.value($0.id), .file).path())])
                        }))
            }
            if file.canEdit {
                children.append(
                    Forms.post(
                        action: SiteRoute.resident(.value(file.resident.id), .leaveHousehold).path(), context: context,
                        [.cls("inline")],
                        [H.el("button", [.type("submit"), .cls("secondary")], [H.text(t("resident.householdLeave"))])]))
            }
        } else {
            children.append(H.p(t("resident.householdNone")))
            for household in joinable {
                children.append(
                    Forms.post(
                        action: SiteRoute.resident(.value(file.resident.id), .joinHousehold).path(), context: context,
                        [.cls("inline")],
                        [
                            H.void("input", [.type("hidden"), .name("householdID"), .value(household.id.description)]),
                            Forms.submit(t("resident.householdJoin", household.name)),
                        ]))
            }
            if file.canEdit {
                children.append(
                    Forms.post(
                        action: SiteRoute.resident(.value(file.resident.id), .household).path(), context: context,
                        [.cls("stacked")],
                        [
                            Forms.field(
                                "name", label: t("resident.householdName"),
                                value: "Huishouden \(file.resident.familyName)", required: true, t: t),
                            Forms.submit(t("resident.householdCreate")),
                        ]))
            }
        }
        return H.el("section", [], children)
    }

    private static func consents(_ file: ResidentFile, organisations: [Organisation], context: PageContext) -> HTMLNode
    {
        let t = context.t
        let names = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        var children: [HTMLNode] = [H.el("h2", [.id("toestemmingen")], [H.text(t("resident.consents"))])]
        if file.consents.isEmpty {
            children.append(H.p(t("resident.consentsNone")))
        } else {
            children.append(
                H.el(
                    "ul", [.cls("cards")],
                    file.consents.map { consent in
                        var parts: [HTMLNode] = [
                            H.el("strong", [], [H.text(t("consentPurpose.\(consent.purpose.rawValue)"))]),
                            consent.note.map { H.el("span", [], [H.text(consent.purpose == .other ? $0 : "“\($0)”")]) }
                                ?? H.group([]),
                            H.el(
                                "span", [.cls("muted")],
                                [H.text(consent.organisationIDs.map { names[$0] ?? "?" }.joined(separator: ", "))]),
                            H.el("span", [], [H.text(t("resident.consentGiven", DateText.dutch(consent.givenAt)))]),
                        ]
                        if let withdrawn = consent.withdrawnAt {
                            parts.append(
                                H.el(
                                    "span", [.cls("withdrawn")],
                                    [H.text(t("resident.consentWithdrawn", DateText.dutch(withdrawn)))]))
                        } else if file.canEdit {
                            parts.append(
                                Forms.post(
                                    action: SiteRoute.resident(
                                        .value(file.resident.id), .withdrawConsent(.value(consent.id))
                                    ).path(),
                                    context: context, [.cls("inline")],
                                    [
                                        Forms.submit(t("resident.consentWithdraw"))
                                    ]))
                        }
                        return H.el("li", [], parts)
                    }))
        }
        if file.canEdit {
            children.append(
                Forms.post(
                    action: SiteRoute.resident(.value(file.resident.id), .consents).path(), context: context,
                    [.cls("stacked")],
                    [
                        H.el("h3", [], [H.text(t("resident.consentAdd"))]),
                        Forms.select(
                            "purpose", label: t("resident.consentPurpose"),
                            options: ConsentPurpose.choosable.map { ($0.rawValue, t("consentPurpose.\($0.rawValue)")) },
                            selected: nil, t: t),
                        Forms.field("note", label: t("resident.consentNote"), value: nil, t: t),
                        H.el(
                            "fieldset", [.cls("choices")],
                            [H.el("legend", [], [H.text(t("resident.consentRecording"))])]
                                + ConsentRecording.allCases.map { recording in
                                    H.el(
                                        "label", [.cls("choice")],
                                        [
                                            H.void(
                                                "input",
                                                [
                                                    .type("radio"), .name("recording"), .value(recording.rawValue),
                                                    Attr.flag("checked", recording == .verbal),
                                                ]),
                                            H.text(" " + t("consentRecording.\(recording.rawValue)")),
                                        ])
                                }),
                        H.el(
                            "fieldset", [],
                            [H.el("legend", [], [H.text(t("resident.consentOrganisations"))])]
                                + organisations.map { organisation in
                                    H.el(
                                        "label", [.cls("check")],
                                        [
                                            H.void(
                                                "input",
                                                [
                                                    .type("checkbox"), .name("organisationIDs[]"),
                                                    .value(organisation.id.description),
                                                ]),
                                            H.text(" " + organisation.name),
                                        ])
                                }),
                        Forms.submit(t("resident.consentAdd")),
                    ]))
        }
        return H.el("section", [], children)
    }

    public static func form(
        _ form: ResidentForm, residentID: Resident.ID?, problems: [FieldProblem], context: PageContext
    ) -> PageContent {
        let t = context.t
        let channels = Set(form.contactChannels ?? [])
        let action =
            residentID.map { SiteRoute.resident(.value($0), .file).path() } ?? SiteRoute.residents(.index).path()
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: action, context: context, [.cls("stacked"), Attr(name: "novalidate", value: nil)],
                [
                    Forms.field(
                        "givenName", label: t("field.givenName"), value: form.givenName, required: true,
                        problems: problems, t: t, autocomplete: "off"),
                    Forms.field(
                        "familyName", label: t("field.familyName"), value: form.familyName, required: true,
                        problems: problems, t: t, autocomplete: "off"),
                    Forms.field(
                        "dateOfBirth", label: t("field.dateOfBirth"), value: form.dateOfBirth, type: "date",
                        problems: problems, t: t),
                    H.el(
                        "fieldset", [],
                        [
                            H.el("legend", [], [H.text(t("field.address"))]),
                            H.p(t("resident.addressHelp"), [.cls("muted")]),
                            Forms.field(
                                "postcode", label: t("field.postcode"), value: form.postcode, problems: problems, t: t,
                                extra: [Attr(name: "inputmode", value: "text"), Attr(name: "maxlength", value: "7")]),
                            Forms.field(
                                "houseNumber", label: t("field.houseNumber"), value: form.houseNumber,
                                problems: problems, t: t, extra: [Attr(name: "inputmode", value: "numeric")]),
                            Forms.field(
                                "houseLetter", label: t("field.houseLetter"), value: form.houseLetter,
                                problems: problems, t: t),
                            Forms.field(
                                "houseNumberAddition", label: t("field.houseNumberAddition"),
                                value: form.houseNumberAddition, problems: problems, t: t),
                        ]),
                    Forms.field(
                        "phone", label: t("field.phone"), value: form.phone, type: "tel", problems: problems, t: t),
                    Forms.field(
                        "preferredLanguage", label: t("field.preferredLanguage"), value: form.preferredLanguage,
                        problems: problems, t: t),
                    H.el(
                        "fieldset", [],
                        [H.el("legend", [], [H.text(t("field.contactChannels"))])]
                            + ContactChannel.allCases.map { channel in
                                H.el(
                                    "label", [.cls("check")],
                                    [
                                        H.void(
                                            "input",
                                            [
                                                .type("checkbox"), .name("contactChannels[]"), .value(channel.rawValue),
                                                Attr.flag("checked", channels.contains(channel.rawValue)),
                                            ]),
                                        H.text(" " + t("channel." + channel.rawValue)),
                                    ])
                            }),
                    Forms.textarea(
                        "contactNote", label: t("field.contactNote"), value: form.contactNote, problems: problems, t: t),
                    Forms.textarea(
                        "doorNotes", label: t("field.doorNotes"), value: form.doorNotes, problems: problems, t: t),
                    Forms.submit(t("common.save")),
                ]),
        ]
        let title = residentID == nil ? t("residents.new") : t("resident.edit")
        return PageContent(title: title, body: body, status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    public static func duplicates(_ matches: [ResidentSummary], form: ResidentForm, context: PageContext)
        -> PageContent
    {
        let t = context.t
        var hidden: [HTMLNode] = []
        let values: [(String, String?)] = [
            ("givenName", form.givenName), ("familyName", form.familyName), ("dateOfBirth", form.dateOfBirth),
            ("postcode", form.postcode), ("houseNumber", form.houseNumber), ("houseLetter", form.houseLetter),
            ("houseNumberAddition", form.houseNumberAddition), ("phone", form.phone),
            ("preferredLanguage", form.preferredLanguage), ("contactNote", form.contactNote),
            ("doorNotes", form.doorNotes),
            ("confirmedNew", "1"),
        ]
        for (name, value) in values { hidden.append(H.void("input", [.type("hidden"), .name(name), .value(value)])) }
        for channel in form.contactChannels ?? [] {
            hidden.append(H.void("input", [.type("hidden"), .name("contactChannels[]"), .value(channel)]))
        }
        let body: [HTMLNode] = [
            H.p(t("resident.duplicatesIntro"), [.cls("notice"), Attr(name: "role", value: "alert")]),
            H.el(
                "ul", [.cls("cards")],
                matches.map { match in
                    H.el(
                        "li", [.cls("duplicate")],
                        [
                            H.el("strong", [], [H.text(match.fullName)]),
                            H.el("span", [.cls("muted")], [H.text(match.addressLine ?? t("residents.noAddress"))]),
                            match.dateOfBirth.map {
                                H.el("span", [], [H.text(t("residents.dateOfBirth") + ": " + $0.dutch)])
                            } ?? H.group([]),
                            H.a(
                                t("resident.open"), href: SiteRoute.resident(.value(match.id), .file).path(),
                                [.cls("button")]),
                        ])
                }),
            Forms.post(
                action: SiteRoute.residents(.index).path(), context: context, [],
                hidden + [
                    H.el("button", [.type("submit"), .cls("secondary")], [H.text(t("resident.duplicatesConfirm"))])
                ]),
        ]
        return PageContent(title: t("resident.duplicates"), body: body, status: .conflict)
    }

    public static func timeline(
        _ page: Paged<TimelineEvent>, residentID: Resident.ID, actorNames: [User.ID: String], context: PageContext
    ) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [H.a(t("common.back"), href: SiteRoute.resident(.value(residentID), .file).path())]
        if page.items.isEmpty {
            body.append(H.p(t("timeline.empty"), [.cls("empty")]))
        } else {
            body.append(
                H.el(
                    "ol", [.cls("timeline")],
                    page.items.map { event in
                        H.el(
                            "li", [],
                            [
                                H.el(
                                    "time",
                                    [Attr(name: "datetime", value: ISO8601DateFormatter().string(from: event.at))],
                                    [H.text(DateText.dutch(event.at))]),
                                H.el("strong", [], [H.text(t("timeline." + event.kind))]),
                                H.el(
                                    "span", [.cls("muted")],
                                    [
                                        H.text(
                                            [
                                                event.detail.map { describe($0, kind: event.kind, t: t) },
                                                event.actorID.flatMap { actorNames[$0] },
                                            ].compactMap { $0 }.joined(separator: " · "))
                                    ]),
                            ])
                    }))
        }
        body.append(Forms.pager(page, path: SiteRoute.resident(.value(residentID), .timeline).path(), t: t))
        return PageContent(title: t("resident.timeline"), body: body)
    }

    /// Field lists in the timeline are stored as names (`phone, doorNotes`); show them in words.
    private static func describe(_ detail: String, kind: String, t: Localizer) -> String {
        // Contact moments start with their outcome, deliveries are their kind: both shown in words.
        if kind.hasPrefix("contact.delivery") || kind.hasPrefix("contact.visit") || kind == "contact.corrected" {
            var parts = detail.components(separatedBy: " · ")
            if let first = parts.first, Localizer.table["outcome." + first] != nil { parts[0] = t("outcome." + first) }
            return parts.joined(separator: " · ")
        }
        // Signals name their domains when raised and their outcome when closed.
        if kind.hasPrefix("signal.") || kind.hasPrefix("meldcode.signal.") {
            let keys = detail.split(separator: ",").map(String.init)
            if !keys.isEmpty, keys.allSatisfy({ LifeDomain(rawValue: $0) != nil }) {
                return keys.map { t("domain." + $0) }.joined(separator: ", ")
            }
            if SignalOutcome(rawValue: detail) != nil { return t("outcome." + detail) }
            return detail
        }
        if kind.hasPrefix("consent."), let purpose = ConsentPurpose(rawValue: detail) {
            return t("consentPurpose." + purpose.rawValue)
        }
        // A referral names where it went; a transfer the team.
        if kind.hasPrefix("referral.") || kind == "resident.transferred" { return detail }
        if kind.hasPrefix("delivery."), Localizer.table["deliveryKind." + detail] != nil {
            return t("deliveryKind." + detail)
        }
        if kind.hasPrefix("contact.") || kind.hasPrefix("delivery.") || kind.hasPrefix("visit.") { return detail }
        let parts = detail.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        guard
            parts.allSatisfy({
                Localizer.table["field." + $0] != nil || $0 == "name" || $0 == "address" || $0 == "household"
                    || $0 == "contactPreferences"
            })
        else { return detail }
        return parts.map {
            t.field($0 == "contactPreferences" ? "contactChannels" : $0 == "household" ? "householdID" : $0)
        }.joined(separator: ", ")
    }
}
