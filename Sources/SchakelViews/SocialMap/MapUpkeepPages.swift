import Foundation
import SchakelCore
import SchakelRoutes

/// The pages for keeping the social map right.
public enum MapUpkeepPages {
    public static func index(
        _ page: Paged<MapHit>, query: UpkeepListQuery, owners: [User.ID: String],
        context: PageContext
    ) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [
            H.p(t("upkeep.intro"), [.cls("muted")]),
            H.el(
                "form",
                [
                    Attr(name: "method", value: "get"), Attr(name: "action", value: SiteRoute.upkeep(.index).path()),
                    .cls("filters"),
                ],
                [
                    Forms.field("q", label: t("map.query"), value: query.q, type: "search", t: t, markOptional: false),
                    Forms.check("verouderd", label: t("upkeep.staleOnly"), on: query.verouderd == "1"),
                    Forms.check("mijn", label: t("upkeep.mineOnly"), on: query.mijn == "1"),
                    Forms.submit(t("common.filter")),
                ]),
            H.div(
                [.cls("actions")],
                [
                    H.a(t("upkeep.new"), href: SiteRoute.upkeep(.new).path(), [.cls("button")]),
                    H.a(t("upkeep.termsTitle"), href: SiteRoute.upkeep(.terms).path(), [.cls("button secondary")]),
                    H.a(t("activity.new"), href: SiteRoute.upkeep(.newActivity).path(), [.cls("button secondary")]),
                ]),
        ]
        if page.items.isEmpty {
            body.append(H.p(t("upkeep.empty"), [.cls("empty")]))
        } else {
            body.append(
                H.el(
                    "ul", [.cls("cards services")],
                    page.items.map { hit in
                        let service = hit.service
                        let stale = service.isStale(today: context.today)
                        var badges: [HTMLNode] = []
                        if stale { badges.append(H.el("span", [.cls("badge overdue")], [H.text(t("upkeep.stale"))])) }
                        if service.status != "active" {
                            badges.append(H.el("span", [.cls("badge")], [H.text(t("upkeep.status.\(service.status)"))]))
                        }
                        if !hit.acceptsReferrals {
                            badges.append(H.el("span", [.cls("badge")], [H.text(t("map.noReferrals"))]))
                        }
                        return H.el(
                            "li", [],
                            [
                                H.div([.cls("badges")], badges),
                                H.a(
                                    service.name, href: SiteRoute.upkeep(.service(.value(service.id))).path(),
                                    [.cls("title")]),
                                H.p(
                                    [
                                        service.organizationName,
                                        t("map.lastChecked", service.lastChecked?.dutch ?? t("map.never")),
                                        t("upkeep.owner", hit.owner.flatMap { owners[$0] } ?? t("upkeep.noOwner")),
                                    ].compactMap { $0 }.joined(separator: " · "), [.cls("muted")]),
                                Forms.post(
                                    action: SiteRoute.upkeep(.checked(.value(service.id))).path(), context: context,
                                    [.cls("inline")],
                                    [
                                        H.el(
                                            "button", [.type("submit"), .cls("secondary")],
                                            [H.text(t("upkeep.checked"))])
                                    ]),
                            ])
                    }))
        }
        let path =
            SiteRoute.upkeep(.index).path(query: [("q", query.q ?? "")])
            + (query.verouderd == "1" ? "&verouderd=1" : "") + (query.mijn == "1" ? "&mijn=1" : "")
        body.append(Forms.pager(page, path: path, t: t))
        return PageContent(title: t("upkeep.title"), body: body)
    }

    public static func terms(
        _ terms: [MapService.Term], synonyms: [(id: UUID, words: [String])], standardGroups: Int,
        problems: [FieldProblem], typed: String?, typedWords: String?, context: PageContext
    ) -> PageContent {
        let t = context.t
        var body: [HTMLNode] = [
            H.p(t("upkeep.termsIntro"), [.cls("muted")]), Forms.errorSummary(problems, t: t),
            Forms.post(
                action: SiteRoute.upkeep(.terms).path(), context: context, [.cls("stack")],
                [
                    Forms.field(
                        "name", label: t("upkeep.newTerm"), value: typed, required: true, problems: problems, t: t),
                    Forms.submit(t("upkeep.addTerm")),
                ]),
        ]
        body.append(
            H.el(
                "ul", [.cls("cards")],
                terms.map { term in
                    H.el(
                        "li", [],
                        [
                            Forms.post(
                                action: SiteRoute.upkeep(.term(.value(term.id))).path(), context: context,
                                [.cls("row")],
                                [
                                    H.div(
                                        [.cls("field")],
                                        [
                                            H.el(
                                                "label", [.for("term-\(term.id)")],
                                                [
                                                    H.text(
                                                        t("field.name")
                                                            + (term.taxonomy.map {
                                                                $0 == DutchTaxonomy.name ? "" : " (\($0))"
                                                            }
                                                                ?? ""))
                                                ]),
                                            H.void(
                                                "input",
                                                [
                                                    .type("text"), .name("name"), .id("term-\(term.id)"),
                                                    .value(term.name),
                                                ]),
                                        ]),
                                    H.el("button", [.type("submit"), .cls("secondary")], [H.text(t("upkeep.rename"))]),
                                ])
                        ])
                }))
        body.append(H.el("h2", [.id("zoekwoorden")], [H.text(t("upkeep.synonymsTitle"))]))
        body.append(H.p(t("upkeep.synonymsIntro", standardGroups), [.cls("muted")]))
        body.append(
            synonyms.isEmpty
                ? H.p(t("upkeep.synonymsEmpty"), [.cls("empty")])
                : H.el(
                    "ul", [.cls("cards")],
                    synonyms.map { group in
                        H.el(
                            "li", [],
                            [
                                H.text(group.words.joined(separator: ", ") + " "),
                                Forms.post(
                                    action: SiteRoute.upkeep(.removeSynonyms(.value(group.id))).path(),
                                    context: context,
                                    [.cls("inline")],
                                    [
                                        H.el(
                                            "button", [.type("submit"), .cls("link-dark")],
                                            [H.text(t("upkeep.synonymsRemove"))])
                                    ]),
                            ])
                    }))
        body.append(
            Forms.post(
                action: SiteRoute.upkeep(.synonyms).path(), context: context, [.cls("stack")],
                [
                    Forms.field(
                        "words", label: t("upkeep.synonymsNew"), value: typedWords, required: true,
                        problems: problems, t: t, hint: t("upkeep.synonymsHint")),
                    Forms.submit(t("upkeep.synonymsAdd")),
                ]))
        return PageContent(title: t("upkeep.termsTitle"), body: body)
    }

    public static func form(
        _ form: ServiceForm, id: MapService.ID?, organizations: [(id: UUID, name: String, description: String?)],
        terms: [MapService.Term], owners: [User], partners: [Organisation] = [], problems: [FieldProblem],
        context: PageContext
    ) -> PageContent {
        let t = context.t
        let dayOptions = Weekday.allCases.map { ($0.key, t("weekday.\($0.key)")) }
        var fields: [HTMLNode] = [
            Forms.field("name", label: t("upkeep.name"), value: form.name, required: true, problems: problems, t: t),
            Forms.textarea(
                "description", label: t("upkeep.description"), value: form.description, problems: problems, t: t,
                markOptional: false),
            Forms.select(
                "organizationID", label: t("upkeep.organization"),
                options: organizations.map { ($0.id.uuidString.lowercased(), $0.name) } + [
                    ("new", t("upkeep.newOrganization"))
                ],
                selected: form.organizationID?.lowercased() ?? (organizations.isEmpty ? "new" : nil),
                problems: problems, t: t),
            Forms.field(
                "organizationName", label: t("upkeep.organizationName"), value: form.organizationName,
                problems: problems,
                t: t, hint: t("upkeep.organizationHint")),
            Forms.textarea(
                "organizationDescription", label: t("upkeep.organizationDescription"),
                value: form.organizationDescription, problems: problems, t: t),
            Forms.checkboxes(
                "terms", legend: t("map.term"), options: terms.map { ($0.id, $0.name) }, checked: Set(form.terms ?? [])),
            H.el("h2", [], [H.text(t("map.whereWhen"))]),
            Forms.field("placeName", label: t("upkeep.placeName"), value: form.placeName, problems: problems, t: t),
            Forms.field("street", label: t("upkeep.street"), value: form.street, problems: problems, t: t),
            Forms.field("postcode", label: t("field.postcode"), value: form.postcode, problems: problems, t: t),
            Forms.field("city", label: t("upkeep.city"), value: form.city, problems: problems, t: t),
        ]
        for (index, (days, opens, closes)) in [
            (form.days1, form.opens1, form.closes1), (form.days2, form.opens2, form.closes2),
        ].enumerated() {
            let n = index + 1
            let mine = problems.filter { $0.field == "days\(n)" }
            fields.append(
                H.el(
                    "fieldset", [.cls("opening")],
                    [
                        H.el("legend", [], [H.text(t("upkeep.opening", n))]),
                        Forms.checkboxes(
                            "days\(n)", legend: t("upkeep.days"), options: dayOptions, checked: Set(days ?? [])),
                    ] + mine.map { H.p(t.problem($0), [.cls("field-error")]) } + [
                        Forms.field(
                            "opens\(n)", label: t("upkeep.opens"), value: opens, type: "time", problems: problems, t: t),
                        Forms.field(
                            "closes\(n)", label: t("upkeep.closes"), value: closes, type: "time", problems: problems,
                            t: t,
                            hint: t("upkeep.closesHint")),
                    ]))
        }
        fields += [
            H.el("h2", [], [H.text(t("upkeep.details"))]),
            Forms.checkboxes(
                "languages", legend: t("map.language"),
                options: ServiceDraft.languageNames.sorted { $0.value < $1.value }.map { ($0.key, $0.value) },
                checked: Set(form.languages ?? ["nl"])),
            Forms.field(
                "cost", label: t("upkeep.cost"), value: form.cost, problems: problems, t: t, hint: t("upkeep.costHint")),
            Forms.textarea(
                "applicationProcess", label: t("map.apply"), value: form.applicationProcess, problems: problems, t: t),
            Forms.textarea(
                "eligibility", label: t("map.eligibility"), value: form.eligibility, problems: problems, t: t),
            Forms.field("phone", label: t("field.phone"), value: form.phone, type: "tel", problems: problems, t: t),
            Forms.field("email", label: t("upkeep.email"), value: form.email, type: "email", problems: problems, t: t),
            Forms.field("url", label: t("map.website"), value: form.url, type: "url", problems: problems, t: t),
            Forms.select(
                "status", label: t("upkeep.statusLabel"),
                options: MapService.statuses.map { ($0, t("upkeep.status.\($0)")) }, selected: form.status ?? "active",
                problems: problems, t: t),
            H.el("h2", [], [H.text(t("upkeep.capacity"))]),
            H.el(
                "label", [.cls("check")],
                [
                    H.void(
                        "input",
                        [
                            .type("checkbox"), .name("acceptsReferrals"),
                            Attr.flag("checked", form.acceptsReferrals == "on"),
                        ]),
                    H.text(" " + t("map.acceptsReferrals")),
                ]),
            Forms.field(
                "waitWeeks", label: t("upkeep.waitWeeks"), value: form.waitWeeks, type: "number", problems: problems,
                t: t),
            Forms.field(
                "responseDays", label: t("upkeep.responseDays"), value: form.responseDays, type: "number",
                problems: problems, t: t, hint: t("upkeep.responseDaysHint")),
            Forms.field(
                "contactDays", label: t("upkeep.contactDays"), value: form.contactDays, type: "number",
                problems: problems, t: t, hint: t("upkeep.contactDaysHint")),
            Forms.select(
                "answeringOrganisationID", label: t("upkeep.answering"),
                options: [("", t("upkeep.answeringNone"))] + partners.map { ($0.id.description, $0.name) },
                selected: form.answeringOrganisationID, problems: problems, t: t),
            Forms.select(
                "ownerID", label: t("upkeep.ownerLabel"),
                options: [("", t("upkeep.noOwner"))] + owners.map { ($0.id.description, $0.displayName) },
                selected: form.ownerID, t: t),
            Forms.submit(t("upkeep.save")),
        ]
        let action = id.map { SiteRoute.upkeep(.service(.value($0))).path() } ?? SiteRoute.upkeep(.index).path()
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t), Forms.post(action: action, context: context, [.cls("stack")], fields),
        ]
        return PageContent(title: id == nil ? t("upkeep.new") : t("upkeep.edit", form.name ?? ""), body: body)
    }
}
