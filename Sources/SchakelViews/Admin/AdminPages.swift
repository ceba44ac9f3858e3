import Foundation
import SchakelCore
import SchakelRoutes

public enum AdminPages {
    public static func overview(
        _ directory: AdminDirectory, context: PageContext, problems: [FieldProblem], notice: String?,
        typed: [String: String] = [:]
    ) -> PageContent {
        let t = context.t
        let (organisations, teams, users) = (directory.organisations, directory.teams, directory.users)
        let organisationNames = Dictionary(uniqueKeysWithValues: organisations.map { ($0.id, $0.name) })
        let teamNames = Dictionary(uniqueKeysWithValues: teams.map { ($0.id, $0.name) })
        let organisationOptions = [("", t("common.none"))] + organisations.map { ($0.id.description, $0.name) }

        var body: [HTMLNode] = []
        if let notice { body.append(H.p(notice, [.cls("notice"), Attr(name: "role", value: "status")])) }
        body.append(Forms.errorSummary(problems, t: t))
        body.append(
            H.div(
                [.cls("actions")],
                [
                    H.a(
                        t("admin.neighbourhoods"), href: SiteRoute.admin(.neighbourhoods).path(),
                        [.cls("button secondary")]),
                    H.a(t("nav.audit"), href: SiteRoute.admin(.audit).path(), [.cls("button secondary")]),
                ]))

        // Organisations
        body.append(H.el("h2", [.id("organisaties")], [H.text(t("admin.organisations"))]))
        body.append(
            organisations.isEmpty
                ? H.p(t("admin.organisationsEmpty"), [.cls("empty")])
                : Forms.table(
                    headers: [t("field.name"), t("admin.kind")],
                    rows: organisations.map { [H.text($0.name), H.text(t.organisationKind($0.kind))] }))
        body.append(
            Forms.post(
                action: SiteRoute.admin(.organisations).path(), context: context, [.cls("stacked")],
                [
                    H.el("h3", [], [H.text(t("admin.organisationAdd"))]),
                    Forms.field(
                        "name", label: t("field.name"), value: nil, required: true, t: t, scope: "organisation"),
                    Forms.select(
                        "kind", label: t("admin.kind"),
                        options: OrganisationKind.allCases.map { ($0.rawValue, t.organisationKind($0)) }, selected: nil,
                        t: t),
                    Forms.submit(t("admin.organisationAdd")),
                ]))

        // Teams and coverage
        body.append(H.el("h2", [.id("teams")], [H.text(t("admin.teams"))]))
        if teams.isEmpty { body.append(H.p(t("admin.teamsEmpty"), [.cls("empty")])) }
        for team in teams {
            var items: [HTMLNode] = [
                H.el("strong", [], [H.text(team.name)]),
                H.el("span", [.cls("muted")], [H.text(team.organisationID.flatMap { organisationNames[$0] } ?? "")]),
            ]
            items.append(
                H.el(
                    "ul", [],
                    team.coverage.map { coverage in
                        H.el(
                            "li", [],
                            [
                                H.text("\(coverage.code) (\(coverage.year)) "),
                                Forms.post(
                                    action: SiteRoute.admin(.removeCoverage(.value(team.id))).path(), context: context,
                                    [.cls("inline")],
                                    [
                                        H.void(
                                            "input",
                                            [.type("hidden"), .name("code"), .value(coverage.code.description)]),
                                        H.el(
                                            "button", [.type("submit"), .cls("link-dark")],
                                            [H.text(t("admin.coverageRemove"))]),
                                    ]),
                            ])
                    }))
            items.append(
                Forms.post(
                    action: SiteRoute.admin(.coverage(.value(team.id))).path(), context: context, [.cls("row")],
                    [
                        Forms.field(
                            "code", label: t("admin.coverageCode"), value: nil, required: true, t: t,
                            hint: t("admin.coverageHint"), scope: team.id.description),
                        Forms.field(
                            "year", label: t("field.year"), value: "2025", type: "number", required: true, t: t,
                            scope: team.id.description),
                        Forms.submit(t("admin.coverageAdd")),
                    ]))
            body.append(H.el("ul", [.cls("cards")], [H.el("li", [], items)]))
        }
        body.append(
            Forms.post(
                action: SiteRoute.admin(.teams).path(), context: context, [.cls("stacked")],
                [
                    H.el("h3", [], [H.text(t("admin.teamAdd"))]),
                    Forms.field("name", label: t("field.name"), value: nil, required: true, t: t, scope: "team"),
                    Forms.select(
                        "organisationID", label: t("admin.leadOrganisation"), options: organisationOptions,
                        selected: nil, t: t, scope: "team"),
                    Forms.submit(t("admin.teamAdd")),
                ]))

        // Users
        body.append(H.el("h2", [.id("gebruikers")], [H.text(t("admin.users"))]))
        body.append(
            Forms.table(
                headers: [
                    t("field.username"), t("field.displayName"), t("admin.role"), t("admin.organisation"),
                    t("admin.teams"), t("admin.active"),
                ],
                rows: users.map { user in
                    [
                        H.a(user.username, href: SiteRoute.admin(.user(.value(user.id))).path()),
                        H.text(user.displayName),
                        H.text(t.role(user.role)),
                        H.text(user.organisationID.flatMap { organisationNames[$0] } ?? ""),
                        H.text(user.teamIDs.compactMap { teamNames[$0] }.joined(separator: ", ")),
                        H.text(user.active ? t("common.yes") : t("common.no")),
                    ]
                }))
        body.append(
            Forms.post(
                action: SiteRoute.admin(.users).path(), context: context, [.cls("stacked")],
                [
                    H.el("h3", [], [H.text(t("admin.userAdd"))]),
                    Forms.field(
                        "username", label: t("field.username"), value: typed["username"], required: true,
                        problems: problems, t: t, autocomplete: "off"),
                    Forms.field(
                        "displayName", label: t("field.displayName"), value: typed["displayName"], required: true,
                        problems: problems, t: t),
                    Forms.select(
                        "role", label: t("admin.role"), options: Role.allCases.map { ($0.rawValue, t.role($0)) },
                        selected: nil, t: t),
                    Forms.select(
                        "organisationID", label: t("admin.organisation"), options: organisationOptions, selected: nil,
                        t: t),
                    Forms.checkboxes(
                        "teamIDs", legend: t("admin.teams"), options: teams.map { ($0.id.description, $0.name) },
                        checked: []),
                    Forms.field(
                        "password", label: t("field.password"), value: nil, type: "password", required: true,
                        problems: problems, t: t, autocomplete: "new-password", hint: t("admin.passwordHint")),
                    Forms.submit(t("admin.userAdd")),
                ]))
        return PageContent(title: t("nav.admin"), body: body)
    }

    /// Asks before an area is taken from a team, saying what it means for the residents living there.
    public static func confirmCoverageRemoval(team: Team, code: AreaCode, name: String?, context: PageContext)
        -> PageContent
    {
        let t = context.t
        let area = name.map { "\($0) (\(code))" } ?? code.description
        let body: [HTMLNode] = [
            H.p(t("admin.coverageRemoveWarning", area, team.name), [.cls("notice")]),
            Forms.post(
                action: SiteRoute.admin(.removeCoverage(.value(team.id))).path(), context: context, [.cls("row")],
                [
                    H.void("input", [.type("hidden"), .name("code"), .value(code.description)]),
                    H.void("input", [.type("hidden"), .name("confirm"), .value("1")]),
                    Forms.submit(t("admin.coverageRemoveConfirm")),
                    H.a(
                        t("common.cancel"), href: SiteRoute.admin(.index).path(fragment: "teams"),
                        [.cls("button secondary")]),
                ]),
        ]
        return PageContent(title: t("admin.coverageRemoveTitle", area), body: body)
    }

    public static func userForm(_ user: User, directory: AdminDirectory, context: PageContext, problems: [FieldProblem])
        -> PageContent
    {
        let t = context.t
        let (organisations, teams) = (directory.organisations, directory.teams)
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            Forms.post(
                action: SiteRoute.admin(.user(.value(user.id))).path(), context: context, [.cls("stacked")],
                [
                    H.p("\(t("field.username")): \(user.username)"),
                    Forms.field(
                        "displayName", label: t("field.displayName"), value: user.displayName, required: true,
                        problems: problems, t: t),
                    Forms.select(
                        "role", label: t("admin.role"), options: Role.allCases.map { ($0.rawValue, t.role($0)) },
                        selected: user.role.rawValue, problems: problems, t: t),
                    Forms.select(
                        "organisationID", label: t("admin.organisation"),
                        options: [("", t("common.none"))] + organisations.map { ($0.id.description, $0.name) },
                        selected: user.organisationID?.description, t: t),
                    Forms.checkboxes(
                        "teamIDs", legend: t("admin.teams"), options: teams.map { ($0.id.description, $0.name) },
                        checked: Set(user.teamIDs.map(\.description))),
                    H.el(
                        "label", [.cls("check")],
                        [
                            H.void(
                                "input",
                                [.type("checkbox"), .name("active"), .value("1"), Attr.flag("checked", user.active)]),
                            H.text(" " + t("admin.active")),
                        ]),
                    Forms.field(
                        "password", label: t("admin.newPassword"), value: nil, type: "password", problems: problems,
                        t: t, autocomplete: "new-password", hint: t("admin.passwordHint")),
                    Forms.submit(t("common.save")),
                ]),
        ]
        return PageContent(title: user.displayName, body: body, status: problems.isEmpty ? .ok : .unprocessableEntity)
    }

    public static func neighbourhoods(_ page: Paged<Neighbourhood>, context: PageContext, problems: [FieldProblem])
        -> PageContent
    {
        let t = context.t
        let body: [HTMLNode] = [
            Forms.errorSummary(problems, t: t),
            page.items.isEmpty
                ? H.p(t("admin.neighbourhoodsEmpty"), [.cls("empty")])
                : Forms.table(
                    headers: [t("field.code"), t("field.name"), t("field.year")],
                    rows: page.items.map { [H.text($0.code.description), H.text($0.name), H.text(String($0.year))] }),
            Forms.pager(page, path: SiteRoute.admin(.neighbourhoods).path(), t: t),
            Forms.post(
                action: SiteRoute.admin(.neighbourhoods).path(), context: context, [.cls("stacked")],
                [
                    H.el("h2", [], [H.text(t("admin.neighbourhoodAdd"))]),
                    Forms.field(
                        "code", label: t("field.code"), value: nil, required: true, problems: problems, t: t,
                        hint: t("admin.coverageHint")),
                    Forms.field("name", label: t("field.name"), value: nil, required: true, problems: problems, t: t),
                    Forms.field(
                        "year", label: t("field.year"), value: "2025", type: "number", required: true,
                        problems: problems, t: t),
                    Forms.submit(t("admin.neighbourhoodAdd")),
                ]),
        ]
        return PageContent(
            title: t("admin.neighbourhoods"), body: body, status: problems.isEmpty ? .ok : .unprocessableEntity)
    }
}
