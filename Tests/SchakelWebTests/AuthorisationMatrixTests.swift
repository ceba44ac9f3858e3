import Fluent
import Foundation
import SQLKit
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// The paths of the matrix, filled in with the ids of one scenario.
struct MatrixWorld: Sendable {
    var world: World
    var roundID: String
    var signalID: String
    var deliveryID: String

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
        return MatrixWorld(
            world: world, roundID: round.id.description, signalID: signal, deliveryID: delivery.id.description)
    }

    static let getPaths: [(String, @Sendable (MatrixWorld) -> String)] = [
        ("/", { _ in "/" }),
        ("/admin", { _ in "/admin" }),
        ("/admin/neighbourhoods", { _ in "/admin/neighbourhoods" }),
        ("/admin/users/:id", { "/admin/users/\($0.admin)" }),
        ("/admin/audit", { _ in "/admin/audit" }),
        ("/addresses", { _ in "/addresses" }),
        ("/addresses/new", { _ in "/addresses/new" }),
        ("/addresses/import", { _ in "/addresses/import" }),
        ("/addresses/:id/edit", { "/addresses/\($0.address)/edit" }),
        ("/residents", { _ in "/residents" }),
        ("/residents/new", { _ in "/residents/new" }),
        ("/residents/:id", { "/residents/\($0.annie)" }),
        ("/residents/:id/edit", { "/residents/\($0.annie)/edit" }),
        ("/residents/:id/timeline", { "/residents/\($0.annie)/timeline" }),
        ("/residents/:id/deliveries/new", { "/residents/\($0.annie)/deliveries/new" }),
        ("/residents/:id/contacts/new", { "/residents/\($0.annie)/contacts/new" }),
        ("/residents/:id/activities", { "/residents/\($0.annie)/activities" }),
        ("/deliveries/:id/edit", { "/deliveries/\($0.deliveryID)/edit" }),
        ("/rounds", { _ in "/rounds" }),
        ("/rounds/plan?team=", { "/rounds/plan?team=\($0.east)" }),
        ("/rounds/summary?team=", { "/rounds/summary?team=\($0.east)" }),
        ("/rounds/:id", { "/rounds/\($0.roundID)" }),
        ("/out-of-view?team=", { "/out-of-view?team=\($0.east)" }),
        ("/kaart/beheer", { _ in "/kaart/beheer" }),
        ("/kaart/beheer/nieuw", { _ in "/kaart/beheer/nieuw" }),
        ("/kaart/beheer/soorten", { _ in "/kaart/beheer/soorten" }),
        ("/kaart/beheer/activiteiten/nieuw", { _ in "/kaart/beheer/activiteiten/nieuw" }),
        ("/signals", { _ in "/signals" }),
        ("/signals?team=", { "/signals?team=\($0.east)" }),
        ("/signals/new", { _ in "/signals/new" }),
        ("/signals/sent", { _ in "/signals/sent" }),
        ("/signals/reported", { _ in "/signals/reported" }),
        ("/signals/settings", { _ in "/signals/settings" }),
        ("/signals/:id", { "/signals/\($0.signalID)" }),
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
    ]

    /// Expected status per path and role, in the order of `roles`: 200 shown, 303 sent on (a concierge to
    /// their round, someone without an inbox to their own reports), 403 refused, 404 not shown to exist.
    /// A new page or call gets a row here.
    static let expected = [
        "/                                 200 200 200 200 200 200 200 200 200",
        "/admin                            200 403 403 403 403 403 403 403 403",
        "/admin/neighbourhoods             200 403 403 403 403 403 403 403 403",
        "/admin/users/:id                  200 403 403 403 403 403 403 403 403",
        "/admin/audit                      200 403 403 403 403 403 403 403 403",
        "/addresses                        200 200 403 200 403 403 403 403 200",
        "/addresses/new                    200 200 403 200 403 403 403 403 200",
        "/addresses/import                 200 200 403 200 403 403 403 403 200",
        "/addresses/:id/edit               200 200 403 200 403 403 403 403 200",
        "/residents                        403 200 200 200 200 200 403 403 200",
        "/residents/new                    403 200 403 200 403 403 403 403 200",
        "/residents/:id                    403 200 200 200 200 200 403 403 403",
        "/residents/:id/edit               403 200 403 200 403 403 403 403 403",
        "/residents/:id/timeline           403 200 403 200 403 403 403 403 403",
        "/residents/:id/deliveries/new     403 200 403 200 403 403 403 403 403",
        "/residents/:id/contacts/new       403 200 200 200 200 200 403 403 403",
        "/residents/:id/activities         403 200 200 200 200 200 403 403 403",
        "/deliveries/:id/edit              403 200 403 200 403 403 403 403 403",
        "/rounds                           200 200 303 200 200 200 200 200 200",
        "/rounds/plan?team=                403 200 403 403 403 403 403 403 403",
        "/rounds/summary?team=             403 200 403 403 403 403 403 403 403",
        "/rounds/:id                       404 200 200 404 404 404 404 404 404",
        "/out-of-view?team=                403 200 403 200 403 403 403 403 403",
        "/kaart/beheer                     200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/nieuw               200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/soorten             200 200 403 200 403 403 403 403 200",
        "/kaart/beheer/activiteiten/nieuw  200 200 403 200 403 403 403 403 200",
        "/signals                          303 200 303 200 303 303 303 200 200",
        "/signals?team=                    303 200 303 200 303 303 303 200 200",
        "/signals/new                      403 200 200 200 200 200 200 403 200",
        "/signals/sent                     200 200 200 200 200 200 200 200 200",
        "/signals/reported                 200 200 200 200 200 200 200 200 200",
        "/signals/settings                 200 200 403 403 403 403 403 403 403",
        "/signals/:id                      404 200 200 200 404 404 404 404 404",
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
    ]

    /// The forms of the round page, per role as in `roles`: 303 stored and sent back to the round, 403 refused.
    /// Each role posts on a fresh outcome of the round's concierge, so one role's correction does not
    /// decide the next one's answer.
    static let postExpected = [
        "/rounds/:id/stops/:id/outcome     403 303 303 403 403 403 403 403 403",
        "/rounds/:id/stops/:id/correction  403 303 303 403 403 403 403 403 403",
    ]

    @Test("the round page's forms: outcome and correction, for every role, refusals logged")
    func postMatrix() async throws {
        try await withSchakel { server in
            let scenario = try await Self.scenario(server)
            let annie = scenario.world.residents["annie"]!
            let concierge = try await scenario.world.context("concierge", on: server)
            let round = try await server.store.rounds(concierge).round(try Round.ID(parsing: scenario.roundID))
            let stop = try #require(round.stops.first).stop.id
            let base = "/rounds/\(scenario.roundID)/stops/\(stop)"
            for (index, role) in Self.roles.enumerated() {
                let browser = server.browser()
                try await browser.login(role)
                _ = try await browser.get("/")
                let (earlier, _) = try await server.store.rounds(concierge).logContact(
                    ContactMomentInput(
                        id: nil, residentID: annie.id.description, stopID: stop.description, outcome: "notAtHome",
                        durationMinutes: nil, note: nil, concern: nil, recordedAt: nil))
                let forms: [String: (String, [(String, String)])] = [
                    "/rounds/:id/stops/:id/outcome": (
                        base + "/outcome",
                        [("id", UUID().uuidString), ("residentID", annie.id.description), ("outcome", "contact")]
                    ),
                    "/rounds/:id/stops/:id/correction": (
                        base + "/correction",
                        [
                            ("id", UUID().uuidString), ("residentID", annie.id.description),
                            ("corrects", earlier.id.description), ("outcome", "contact"),
                        ]
                    ),
                ]
                for row in Self.postExpected {
                    let cells = row.split(separator: " ")
                    let name = String(cells[0])
                    let want = UInt(cells[index + 1])!
                    let (path, form) = try #require(forms[name])
                    let before = try await Self.refusals(of: role, server)
                    let got = try await browser.post(path, form: form).status.code
                    #expect(got == want, "POST \(name) as \(role)")
                    if got == 403 {
                        let after = try await Self.refusals(of: role, server)
                        #expect(after > before, "refusal of POST \(name) as \(role) logged")
                    }
                }
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
                    #expect(got == want, "\(name) as \(role)")
                    if got == 403 {
                        let after = try await Self.refusals(of: role, server)
                        #expect(after > before, "refusal of \(name) as \(role) logged")
                    }
                }
            }
        }
    }
}
