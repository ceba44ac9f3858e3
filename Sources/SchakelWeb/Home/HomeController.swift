import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

/// The start page: what this person can do, by role.
enum HomeController {
    static func show(req: Request) async throws -> Response {
        let authenticated = try req.requireAuthenticated()
        let actor = authenticated.actor
        let teams = try await req.store.accounts.teams().filter { actor.teamIDs.contains($0.id) }
        let names = try await req.store.neighbourhoods.names(of: Set(teams.flatMap { $0.coverage.map(\.code) }))
        let signals = req.store.signals(req.auditContext)
        var counts: [HomePage.SignalCount]?
        if AccessPolicy.handlesSignals(actor.role) {
            counts = []
            for team in teams {
                counts?.append(
                    HomePage.SignalCount(
                        team: team, open: try await signals.count(SignalFilter(scope: .team(team.id))),
                        overdue: try await signals.count(SignalFilter(scope: .team(team.id), overdueOnly: true))))
            }
        }
        var stale: Int?
        if AccessPolicy.canMaintainMap(actor) {
            // Entries of the social map this person keeps that were not checked for six months.
            stale = try await req.store.socialMap.search(
                MapQuery(
                    sort: .name, includeInactive: true, owner: authenticated.user.id,
                    checkedBefore: MapUpkeepController.staleBefore(req)),
                page: try Paging(perPage: 1)
            ).total
        }
        let referrals = req.store.referrals(req.auditContext)
        // The inbox always for a partner; for the others who answer referrals once there are some.
        var inbox = AccessPolicy.answersReferrals(actor.role) ? try await referrals.counts(.inbox) : nil
        if actor.role != .partner, let counts = inbox, counts.byState.values.reduce(0, +) == 0 { inbox = nil }
        var sent: (open: Int, overdue: Int)?
        if AccessPolicy.canRefer(actor.role) {
            let counts = try await referrals.counts(.sent)
            sent = (counts.byState.values.reduce(0, +), counts.overdue)
        }
        let home = HomePage(
            role: actor.role, displayName: authenticated.user.displayName,
            teams: AccessPolicy.worksInTeams(actor.role) ? teams : nil, areaNames: names,
            tasks: try await signals.myTasks(), signalCounts: counts,
            canRaiseSignal: AccessPolicy.canRaiseSignal(about: nil, by: actor), staleMapEntries: stale,
            canSearchResidents: AccessPolicy.canListResidents(actor), referralInbox: inbox, referralsSent: sent)
        return req.page(HomePages.start(home, context: req.pageContext))
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
