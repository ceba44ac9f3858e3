import Fluent
import Foundation
import SQLKit
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@testable import SchakelWeb

/// The paths of the matrix, filled in with the ids of one scenario.
struct MatrixWorld: Sendable {
    var world: World
    var roundID: String
    var signalID: String
    var deliveryID: String
    var serviceID: String
    var activityID: String
    var activityDate: String
    var householdID: String
    var referralID: String

    var annie: String { world.residents["annie"]!.id.description }
    var east: String { world.teams["east"]!.id.description }
    var centre: String { world.teams["centre"]!.id.description }
    var address: String { world.addresses["east1"]!.id.description }
    var admin: String { world.users["admin"]!.id.description }
}

@Suite("Authorisation matrix: every page and call, for every role")
struct AuthorisationMatrixTests {
    static let roles = [
        "admin", "coordinator", "concierge", "socialworker", "peer", "volunteer", "partner", "policy", "socialworker2",
    ]

    static func scenario(_ server: TestServer) async throws -> MatrixWorld {
        let world = try await World.build(on: server)
        let delivery = try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
        try await server.planToday(world: world)
        let concierge = try await world.context("concierge", on: server)
        let round = try #require(try await server.store.rounds(concierge).myRounds(on: server.today).first)
        var api = APIClient(server)
        try await api.login("concierge")
        let raised = try await api.send(
            .POST, "/api/v1/signals",
            json:
                #"{"residentId":"\#(world.residents["annie"]!.id)","domains":["financien"],"urgency":"normal","observation":"Post stapelt zich op"}"#
        )
        let signal = try #require(APIClient.json(raised)["id"] as? String)
        let services = try DemoData.mapServices(today: server.today)
        _ = try await server.store.socialMap.importServices(services.map { $0.document() }, context: .commandLine)
        let (activity, day) = try await ActivityWebTests().lunch(server, world: world)
        let worker = try await world.context("socialworker", on: server)
        let household = try await server.store.residents(worker).createHousehold(
            for: world.residents["kemal"]!.id, name: "Yılmaz")
        let referral = try await server.store.referrals(worker).create(
            ReferralInput(
                residentID: world.residents["annie"]!.id.description,
                organisationID: world.organisations["ggz"]!.id.description, question: "Hulp bij somberheid",
                domains: ["geestelijke_gezondheid"], contactMethod: "phone", recordConsent: "verbal"))
        return MatrixWorld(
            world: world, roundID: round.id.description, signalID: signal, deliveryID: delivery.id.description,
            serviceID: try #require(services.first).id.uuidString.lowercased(), activityID: activity.id.description,
            activityDate: day.description, householdID: household.id.description,
            referralID: referral.id.description)
    }

    static let getPaths: [(String, @Sendable (MatrixWorld) -> String)] = [
        ("/", { _ in "/" }),
        ("/beheer", { _ in "/beheer" }),
        ("/beheer/buurten", { _ in "/beheer/buurten" }),
        ("/beheer/accounts/:id", { "/beheer/accounts/\($0.admin)" }),
        ("/beheer/toegangslog", { _ in "/beheer/toegangslog" }),
        ("/adressen", { _ in "/adressen" }),
        ("/adressen/nieuw", { _ in "/adressen/nieuw" }),
        ("/adressen/importeren", { _ in "/adressen/importeren" }),
        ("/adressen/:id/wijzigen", { "/adressen/\($0.address)/wijzigen" }),
        ("/bewoners", { _ in "/bewoners" }),
        ("/bewoners/nieuw", { _ in "/bewoners/nieuw" }),
        ("/bewoners/:id", { "/bewoners/\($0.annie)" }),
        ("/bewoners/:id/wijzigen", { "/bewoners/\($0.annie)/wijzigen" }),
        ("/bewoners/:id/tijdlijn", { "/bewoners/\($0.annie)/tijdlijn" }),
        ("/bewoners/:id/leveringen/nieuw", { "/bewoners/\($0.annie)/leveringen/nieuw" }),
        ("/bewoners/:id/contacten/nieuw", { "/bewoners/\($0.annie)/contacten/nieuw" }),
        ("/bewoners/:id/activiteiten", { "/bewoners/\($0.annie)/activiteiten" }),
        ("/leveringen/:id/wijzigen", { "/leveringen/\($0.deliveryID)/wijzigen" }),
        ("/rondes", { _ in "/rondes" }),
        ("/rondes/planning?team=", { "/rondes/planning?team=\($0.east)" }),
        ("/rondes/dagoverzicht?team=", { "/rondes/dagoverzicht?team=\($0.east)" }),
        ("/rondes/:id", { "/rondes/\($0.roundID)" }),
        ("/uit-beeld?team=", { "/uit-beeld?team=\($0.east)" }),
        ("/kaart/beheer", { _ in "/kaart/beheer" }),
        ("/kaart/beheer/nieuw", { _ in "/kaart/beheer/nieuw" }),
        ("/kaart/beheer/soorten", { _ in "/kaart/beheer/soorten" }),
        ("/kaart/beheer/activiteiten/nieuw", { _ in "/kaart/beheer/activiteiten/nieuw" }),
        ("/kaart/beheer/:id", { "/kaart/beheer/\($0.serviceID)" }),
        ("/kaart/beheer/activiteiten/:id", { "/kaart/beheer/activiteiten/\($0.activityID)" }),
        ("/kaart/activiteiten/:id/:id", { "/kaart/activiteiten/\($0.activityID)/\($0.activityDate)" }),
        ("/signalen", { _ in "/signalen" }),
        ("/signalen?team=", { "/signalen?team=\($0.east)" }),
        ("/signalen/nieuw", { _ in "/signalen/nieuw" }),
        ("/signalen/verstuurd", { _ in "/signalen/verstuurd" }),
        ("/signalen/gemeld", { _ in "/signalen/gemeld" }),
        ("/signalen/instellingen", { _ in "/signalen/instellingen" }),
        ("/signalen/:id", { "/signalen/\($0.signalID)" }),
        ("/verwijzingen", { _ in "/verwijzingen" }),
        ("/verwijzingen/verstuurd", { _ in "/verwijzingen/verstuurd" }),
        ("/verwijzingen/nieuw?bewoner=", { "/verwijzingen/nieuw?bewoner=\($0.annie)" }),
        ("/verwijzingen/nieuw?dienst=", { "/verwijzingen/nieuw?dienst=\($0.serviceID)&zoek=annie" }),
        ("/verwijzingen/:id", { "/verwijzingen/\($0.referralID)" }),
        ("/bewoners/:id/overdragen", { "/bewoners/\($0.annie)/overdragen" }),
        ("/api/v1/residents", { _ in "/api/v1/residents" }),
        ("/api/v1/residents/:id", { "/api/v1/residents/\($0.annie)" }),
        ("/api/v1/addresses", { _ in "/api/v1/addresses" }),
        ("/api/v1/signals?teamId=", { "/api/v1/signals?teamId=\($0.east)" }),
        ("/api/v1/signals/statistics", { _ in "/api/v1/signals/statistics" }),
        ("/api/v1/signals/:id", { "/api/v1/signals/\($0.signalID)" }),
        ("/api/v1/rounds/:id", { "/api/v1/rounds/\($0.roundID)" }),
        ("/api/v1/teams/:id/out-of-view", { "/api/v1/teams/\($0.east)/out-of-view" }),
        ("/api/v1/deliveries?residentId=", { "/api/v1/deliveries?residentId=\($0.annie)" }),
        ("/api/v1/activities", { _ in "/api/v1/activities" }),
        ("/api/v1/activities/:id", { "/api/v1/activities/\($0.activityID)" }),
        ("/api/v1/neighbourhoods", { _ in "/api/v1/neighbourhoods" }),
        ("/api/v1/addresses/:id", { "/api/v1/addresses/\($0.address)" }),
        ("/api/v1/residents/:id/timeline", { "/api/v1/residents/\($0.annie)/timeline" }),
        ("/api/v1/households/:id", { "/api/v1/households/\($0.householdID)" }),
        ("/api/v1/deliveries/:id", { "/api/v1/deliveries/\($0.deliveryID)" }),
        ("/api/v1/rounds", { _ in "/api/v1/rounds" }),
        ("/api/v1/signals/reported", { _ in "/api/v1/signals/reported" }),
        ("/api/v1/tasks", { _ in "/api/v1/tasks" }),
        ("/api/v1/referrals", { _ in "/api/v1/referrals" }),
        ("/api/v1/referrals?scope=sent", { _ in "/api/v1/referrals?scope=sent" }),
        ("/api/v1/referrals/:id", { "/api/v1/referrals/\($0.referralID)" }),
        ("/api/v1/referrals/:id/fhir", { "/api/v1/referrals/\($0.referralID)/fhir" }),
        ("/api/v1/residents/:id/referrals", { "/api/v1/residents/\($0.annie)/referrals" }),
    ]

    /// Expected status per path and role, in the order of `roles`: 200 shown, 303 sent on (a concierge to
    /// their round, someone without an inbox to their own reports), 403 refused, 404 not shown to exist.
    /// A new page or call gets a row here.
    static let expected = [
        "/                                 200 200 200 200 200 200 200 200 200",
        "/beheer                            200 403 403 403 403 403 403 403 403",
        "/beheer/buurten             200 403 403 403 403 403 403 403 403",
        "/beheer/accounts/:id                  200 403 403 403 403 403 403 403 403",
        "/beheer/toegangslog                      200 403 403 403 403 403 403 403 403",
        "/adressen                        200 200 403 200 403 403 403 403 200",
        "/adressen/nieuw                    200 200 403 200 403 403 403 403 200",
        "/adressen/importeren                 200 200 403 200 403 403 403 403 200",
        "/adressen/:id/wijzigen               200 200 403 200 403 403 403 403 200",
        "/bewoners                        403 200 200 200 200 200 403 403 200",
        "/bewoners/nieuw                    403 200 403 200 403 403 403 403 200",
        "/bewoners/:id                    403 200 200 200 200 200 403 403 403",
        "/bewoners/:id/wijzigen               403 200 403 200 403 403 403 403 403",
        "/bewoners/:id/tijdlijn           403 200 403 200 403 403 403 403 403",
        "/bewoners/:id/leveringen/nieuw     403 200 403 200 403 403 403 403 403",
        "/bewoners/:id/contacten/nieuw       403 200 200 200 200 200 403 403 403",
        "/bewoners/:id/activiteiten         403 200 200 200 200 200 403 403 403",
        "/leveringen/:id/wijzigen              403 200 403 200 403 403 403 403 403",
        "/rondes                           200 200 303 200 200 200 200 200 200",
        "/rondes/planning?team=                403 200 403 403 403 403 403 403 403",
        "/rondes/dagoverzicht?team=             403 200 403 403 403 403 403 403 403",
        "/rondes/:id                       404 200 200 404 404 404 404 404 404",
        "/uit-beeld?team=                403 200 403 200 403 403 403 403 403",
        "/kaart/beheer                     200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/nieuw               200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/soorten             200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/activiteiten/nieuw  200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/:id                 200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/activiteiten/:id    200 200 403 200 403 403 403 403 200",
        "/kaart/activiteiten/:id/:id       403 200 200 200 200 200 403 403 200",
        "/signalen                          303 200 303 200 303 303 303 200 200",
        "/signalen?team=                    303 200 303 200 303 303 303 200 200",
        "/signalen/nieuw                      403 200 200 200 200 200 200 403 200",
        "/signalen/verstuurd                     200 200 200 200 200 200 200 200 200",
        "/signalen/gemeld                 200 200 200 200 200 200 200 200 200",
        "/signalen/instellingen                 200 200 403 403 403 403 403 403 403",
        "/signalen/:id                      404 200 200 200 404 404 404 404 404",
        "/verwijzingen                     403 200 403 200 403 403 200 403 200",
        "/verwijzingen/verstuurd           403 200 403 200 403 403 403 403 200",
        "/verwijzingen/nieuw?bewoner=      403 200 403 200 403 403 403 403 403",
        "/verwijzingen/nieuw?dienst=       403 200 403 200 403 403 403 403 200",
        "/verwijzingen/:id                 403 200 403 200 403 403 200 403 403",
        "/bewoners/:id/overdragen          403 200 403 403 403 403 403 403 403",
        "/api/v1/residents                 403 200 200 200 200 200 403 403 200",
        "/api/v1/residents/:id             403 200 200 200 200 200 403 403 403",
        "/api/v1/addresses                 200 200 403 200 403 403 403 403 200",
        "/api/v1/signals?teamId=           403 200 403 200 403 403 403 403 403",
        "/api/v1/signals/statistics        403 200 403 200 403 403 403 200 200",
        "/api/v1/signals/:id               404 200 200 200 404 404 404 404 404",
        "/api/v1/rounds/:id                404 200 200 404 404 404 404 404 404",
        "/api/v1/teams/:id/out-of-view     403 200 403 200 403 403 403 403 403",
        "/api/v1/deliveries?residentId=    403 200 403 200 403 403 403 403 403",
        "/api/v1/activities                200 200 200 200 200 200 200 200 200",
        "/api/v1/activities/:id            200 200 200 200 200 200 200 200 200",
        "/api/v1/neighbourhoods            200 200 200 200 200 200 200 200 200",
        "/api/v1/addresses/:id             200 200 403 200 403 403 403 403 200",
        "/api/v1/residents/:id/timeline    403 200 403 200 403 403 403 403 403",
        "/api/v1/households/:id            403 200 403 200 403 403 403 403 403",
        "/api/v1/deliveries/:id            403 200 403 200 403 403 403 403 403",
        "/api/v1/rounds                    200 200 200 200 200 200 200 200 200",
        "/api/v1/signals/reported          200 200 200 200 200 200 200 200 200",
        "/api/v1/tasks                     200 200 200 200 200 200 200 200 200",
        "/api/v1/referrals                 403 200 403 200 403 403 200 403 200",
        "/api/v1/referrals?scope=sent      403 200 403 200 403 403 403 403 200",
        "/api/v1/referrals/:id             403 200 403 200 403 403 200 403 403",
        "/api/v1/referrals/:id/fhir        403 200 403 200 403 403 200 403 403",
        "/api/v1/residents/:id/referrals   403 200 403 200 403 403 403 403 403",
    ]

    @Test("a team id that is not one: not found for a planner, refused (and logged) for someone who plans none")
    func unknownTeam() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            for (role, planning, outOfView) in [
                ("coordinator", 404, 404), ("socialworker", 403, 404), ("concierge", 403, 403),
            ] as [(String, UInt, UInt)] {
                let browser = server.browser()
                try await browser.login(role)
                let before = try await Self.refusals(of: role, server)
                #expect(try await browser.get("/rondes/planning?team=geen-team").status.code == planning, "\(role)")
                #expect(try await browser.get("/uit-beeld?team=geen-team").status.code == outOfView, "\(role)")
                let refused = [planning, outOfView].filter { $0 == 403 }.count
                #expect(try await Self.refusals(of: role, server) == before + refused, "\(role)")
            }
        }
    }

    /// How many refusals of this user the access log holds.
    static func refusals(of username: String, _ server: TestServer) async throws -> Int {
        let sql = server.store.database as! any SQLDatabase
        return try await sql.raw(
            "SELECT COUNT(*) AS n FROM audit_entries WHERE event = 'access.denied' AND username = \(bind: username)"
        ).first()?.decode(column: "n", as: Int.self) ?? 0
    }

    @Test("each role gets what the policy gives it, and every refusal is in the access log")
    func matrix() async throws {
        try await withSchakel { server in
            let scenario = try await Self.scenario(server)
            let paths = Dictionary(uniqueKeysWithValues: Self.getPaths)
            #expect(Set(paths.keys) == Set(Self.expected.map { String($0.split(separator: " ")[0]) }))
            var observed: [String: [UInt]] = [:]
            for (index, role) in Self.roles.enumerated() {
                let browser = server.browser()
                try await browser.login(role)
                var api = APIClient(server)
                try await api.login(role)
                for row in Self.expected {
                    let cells = row.split(separator: " ")
                    let name = String(cells[0])
                    let want = UInt(cells[index + 1])!
                    guard let make = paths[name] else { continue }
                    let path = make(scenario)
                    let before = try await Self.refusals(of: role, server)
                    let response: TestResponse
                    if name.hasPrefix("/api") {
                        response = try await api.send(.GET, path)
                    } else {
                        response = try await browser.get(path)
                    }
                    let got = response.status.code
                    observed[name, default: []].append(got)
                    #expect(got == want, "\(name) as \(role)")
                    if got == 403 {
                        let after = try await Self.refusals(of: role, server)
                        #expect(after > before, "refusal of \(name) as \(role) logged")
                    }
                }
            }
            let table = Self.expected.map { row in
                let name = String(row.split(separator: " ")[0])
                return "\(name) \((observed[name] ?? []).map(String.init).joined(separator: " "))"
            }
            if zip(table, Self.expected).contains(where: { $0.split(separator: " ") != $1.split(separator: " ") }) {
                Issue.record("observed:\n\(table.joined(separator: "\n"))")
            }
        }
    }
}

@Suite("Old English paths lead to the Dutch ones")
struct OldPathRedirectTests {
    @Test("a bookmark is sent on with 301, a form post with 308, with its query; the API and the map are left alone")
    func redirects() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!.id
            let browser = server.browser()
            let edit = try await browser.get("/residents/\(annie)/edit?back=1")
            #expect(edit.status == .movedPermanently)
            #expect(edit.headers.first(name: .location) == "/bewoners/\(annie)/wijzigen?back=1")
            let plan = try await browser.get("/rounds/plan?team=x&date=2026-12-03")
            #expect(plan.headers.first(name: .location) == "/rondes/planning?team=x&date=2026-12-03")
            let post = try await browser.post("/signals/settings/rules/abc/remove", form: [])
            #expect(post.status == .permanentRedirect)
            #expect(post.headers.first(name: .location) == "/signalen/instellingen/regels/abc/weghalen")
            #expect(try await browser.get("/login").headers.first(name: .location) == "/inloggen")
            #expect(try await browser.get("/kaart").status == .ok)
            #expect(try await browser.get("/api/v1/residents").status == .unauthorized)
            // Followed, the old login page is the login page.
            #expect(try await browser.get("/inloggen").body.contains("f-username"))
        }
    }
}

@Suite("Links made by the route type")
struct RouteLinkTests {
    @Test("the language link of a page carries its path encoded, and followed it returns to that page in English")
    func languageLink() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            let page = try await browser.get("/bewoners/\(world.residents["annie"]!.id)/tijdlijn")
            let link = try #require(page.body.firstMatch(of: /href="(\/taal\?[^"]+)"/)?.1)
            #expect(link.contains("back=%2Fbewoners%2F"))
            let switched = try await browser.get(String(link).replacingOccurrences(of: "&amp;", with: "&"))
            #expect(switched.status == .seeOther)
            #expect(switched.headers.first(name: .location) == "/bewoners/\(world.residents["annie"]!.id)/tijdlijn")
            #expect(try await browser.get("/bewoners").body.contains("lang=\"en\""))
        }
    }
}

@Suite("Every route has a row in the authorisation matrix")
struct MatrixCoverageTests {
    /// Routes anyone may use, logged in or not: they show nothing personal, or are the way in and out.
    static let open: Set<String> = [
        "GET /healthz", "GET /inloggen", "POST /inloggen", "POST /uitloggen", "GET /taal", "GET /kaart",
        "GET /kaart/diensten/:id", "GET /kaart/activiteiten", "GET /kaart/activiteiten.ics",
        "GET /kaart/activiteiten/:id", "POST /api/v1/auth/token", "GET /api/openapi.yaml",
        // The social map as open data (HSDS 3).
        "GET /api/hsds", "GET /api/hsds/openapi.json", "GET /api/hsds/services", "GET /api/hsds/services/:id",
        "GET /api/hsds/organizations", "GET /api/hsds/organizations/:id", "GET /api/hsds/service_at_locations",
        "GET /api/hsds/service_at_locations/:id", "GET /api/hsds/taxonomies", "GET /api/hsds/taxonomies/:id",
        "GET /api/hsds/taxonomy_terms", "GET /api/hsds/taxonomy_terms/:id",
    ]

    /// Every registered route as `METHOD /path`, with each parameter written `:id`.
    static func registered(_ app: Application) -> Set<String> {
        Set(
            app.routes.all.map { route in
                "\(route.method.rawValue) /"
                    + route.path.map { component -> String in
                        if case .parameter = component { return ":id" }
                        return component.description
                    }.joined(separator: "/")
            })
    }

    @Test("each registered route, page or call, is in a matrix or among the open routes, and each row is a route")
    func everyRoute() async throws {
        try await withSchakel { server in
            let rows = Set(
                AuthorisationMatrixTests.getPaths.map { name, _ in "GET " + String(name.split(separator: "?")[0]) }
            ).union(WriteMatrixTests.rows.map(\.name))
            let routes = Self.registered(server.app)
            let missing = routes.subtracting(rows).subtracting(Self.open).sorted()
            #expect(missing.isEmpty, "routes without a row: \(missing)")
            let stale = rows.union(Self.open).subtracting(routes).sorted()
            #expect(stale.isEmpty, "rows without a route: \(stale)")
        }
    }
}
