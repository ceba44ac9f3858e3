import SchakelCore
import SchakelRoutes
import SchakelStore
import Vapor

/// The start page: what this person can do, by role.
enum HomeController {
    static func show(req: Request) async throws -> Response {
        let authenticated = try req.requireAuthenticated()
        let t = req.localizer
        let actor = authenticated.actor
        var body: [HTMLNode] = [H.p(t("home.role", t.role(actor.role)))]
        switch actor.role {
        case .policy: body.append(H.p(t("home.policy")))
        case .admin: body.append(H.p(t("home.admin")))
        case .partner: body.append(H.p(t("home.partner")))
        default: break
        }
        let teams = try await req.store.accounts.teams().filter { actor.teamIDs.contains($0.id) }
        // Areas by name, as people know them; the code only where the CBS list does not have it.
        let names = try await req.store.neighbourhoods.names(of: Set(teams.flatMap { $0.coverage.map(\.code) }))
        if actor.role != .admin && actor.role != .policy {
            body.append(H.h2(t("home.teams")))
            if teams.isEmpty {
                body.append(H.p(t("home.noTeams")))
            } else {
                body.append(
                    H.el(
                        "ul", [],
                        teams.map { team in
                            H.el(
                                "li", [],
                                [
                                    H.el("strong", [], [H.text(team.name)]),
                                    H.text(
                                        team.coverage.isEmpty
                                            ? ""
                                            : " — "
                                                + t(
                                                    "home.coverage",
                                                    team.coverage.map { names[$0.code] ?? $0.code.description }
                                                        .joined(separator: ", "))),
                                ])
                        }))
            }
        }
        let signals = req.store.signals(req.auditContext)
        body.append(SignalPages.tasks(try await signals.myTasks(), request: req))
        if AccessPolicy.handlesSignals(actor.role) {
            var lines: [HTMLNode] = []
            for team in teams {
                let open = try await signals.count(SignalFilter(scope: .team(team.id)))
                let overdue = try await signals.count(SignalFilter(scope: .team(team.id), overdueOnly: true))
                lines.append(
                    H.el(
                        "li", [],
                        [
                            H.a(
                                t("home.signals", team.name, open),
                                href: SiteRoute.signals(.inbox).path(query: [("team", team.id.description)])),
                            overdue > 0
                                ? H.el("span", [.cls("badge overdue")], [H.text(" " + t("home.overdue", overdue))])
                                : H.group([]),
                        ]))
            }
            if !lines.isEmpty {
                body.append(H.h2(t("signal.inbox")))
                body.append(H.el("ul", [], lines))
            }
        }
        if actor.role != .admin && actor.role != .policy {
            body.append(
                H.div([.cls("actions")], [H.a(t("signal.new"), href: SiteRoute.signals(.new).path(), [.cls("button")])])
            )
        }
        if AccessPolicy.canMaintainMap(actor) {
            // Entries of the social map this person keeps that were not checked for six months.
            let stale = try await req.store.socialMap.search(
                MapQuery(
                    sort: .name, includeInactive: true, owner: authenticated.user.id,
                    checkedBefore: MapUpkeepController.staleBefore(req)),
                page: try Paging(perPage: 1)
            ).total
            if stale > 0 {
                body.append(
                    H.el(
                        "p", [.cls("notice")],
                        [
                            H.a(
                                t("upkeep.staleNotice", stale),
                                href: SiteRoute.upkeep(.index).path(query: [("verouderd", "1"), ("mijn", "1")]))
                        ]))
            }
            body.append(
                H.div(
                    [.cls("actions")],
                    [H.a(t("upkeep.title"), href: SiteRoute.upkeep(.index).path(), [.cls("button secondary")])]))
        }
        if AccessPolicy.canListResidents(actor) {
            body.append(ResidentPages.searchForm(label: t("home.findResident"), query: nil, request: req))
        }
        return Layout.response(
            PageContent(title: t("home.welcome", authenticated.user.displayName), body: body), request: req)
    }
}

/// Health for load balancers: 200 when the database answers, 503 when it does not.
enum HealthController {
    static func check(req: Request) async throws -> Response {
        let reachable = await req.store.isReachable()
        let response = Response(status: reachable ? .ok : .serviceUnavailable)
        response.headers.contentType = .json
        response.body = .init(
            string: reachable
                ? #"{"status":"ok","database":"ok"}"# : #"{"status":"unavailable","database":"unreachable"}"#)
        return response
    }
}
