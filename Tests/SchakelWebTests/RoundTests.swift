import Fluent
import Foundation
import SQLKit
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// Scenario helpers for the concierge's day.
extension TestServer {
    var today: LocalDate { LocalDate(clock.date) }

    /// Arranges a meal on today's weekday (and Thursday), as the east coordinator.
    @discardableResult
    func arrangeMeal(for resident: Resident, world: World, from start: LocalDate? = nil, doorNotes: String? = nil)
        async throws -> Delivery
    {
        try await store.deliveries(try await world.context("coordinator", on: self)).create(
            for: resident.id,
            DeliveryInput(
                kind: "meal", schedule: "weekly", weekdays: [today.weekday.key, "thursday"],
                startDate: (start ?? today).description, endDate: nil, windowStart: "11:30", windowEnd: "13:00",
                doorNotes: doorNotes))
    }

    /// Makes today's rounds through the planning form, as the coordinator does.
    func planToday(world: World, concierges: [User.ID]? = nil) async throws {
        let coordinator = browser()
        try await coordinator.login("coordinator")
        _ = try await coordinator.get("/rondes/planning?team=\(world.teams["east"]!.id)&date=\(today)")
        let response = try await coordinator.post(
            "/rondes/planning",
            form: [("team", world.teams["east"]!.id.description), ("date", today.description)]
                + (concierges ?? [world.users["concierge"]!.id]).map { ("concierges[]", $0.description) })
        #expect(response.status == .seeOther)
    }

    func count(_ table: String, where column: String? = nil, equals value: UUID? = nil) async throws -> Int {
        let sql = store.database as! any SQLDatabase
        var query = sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from(table)
        if let column, let value { query = query.where(SQLColumn(column), .equal, SQLBind(value)) }
        return try await query.first()?.decode(column: "n", as: Int.self) ?? -1
    }
}

@Suite("The concierge's day: deliveries, rounds and outcomes on the web")
struct RoundWebTests {
    @Test("a standing delivery becomes a stop on today's round, with door notes, window and no content of concerns")
    func deliveryToRound() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            try await server.arrangeMeal(
                for: world.residents["annie"]!, world: world, doorNotes: "Sleutelkastje, code bij de coördinator")
            try await server.arrangeMeal(for: world.residents["kemal"]!, world: world)
            try await server.planToday(world: world)

            let concierge = server.browser()
            try await concierge.login("concierge")
            let index = try await concierge.get("/rondes")
            #expect(index.status == .seeOther)
            let location = index.headers.first(name: .location) ?? ""
            let page = try await concierge.get(location)
            #expect(page.status == .ok)
            #expect(page.body.contains("Annie de Vries"))
            #expect(page.body.contains("Kemal Yılmaz"))
            #expect(page.body.contains("Bel twee keer, slechthorend."))
            #expect(page.body.contains("Sleutelkastje, code bij de coördinator"))
            #expect(page.body.contains("11:30–13:00"))
            #expect(page.body.contains("2 stops · 0 gedaan · 2 te gaan"))
            #expect(page.body.contains("Nog geen contact vastgelegd"))
            #expect(!page.body.contains("3-5-1941") && !page.body.contains("1941-05-03"))
            // The read is in the access log, once per resident shown.
            let reads = try await server.store.audit.entries(
                resident: world.residents["annie"]!.id, from: nil, to: nil, page: try Paging(perPage: 100))
            #expect(reads.items.contains { $0.event == "round.read" && $0.username == "concierge" })

            // Another concierge does not see the round, and cannot tell it exists.
            let other = server.browser()
            try await other.login("concierge2")
            #expect(try await other.get(location).status == .notFound)
        }
    }

    @Test("an outcome in two taps: the stop is done, the timeline shows it, the day summary counts it")
    func outcomeByForm() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
            try await server.planToday(world: world)
            let concierge = server.browser()
            try await concierge.login("concierge")
            let location = try await concierge.get("/rondes").headers.first(name: .location) ?? ""
            let page = try await concierge.get(location)
            let action = try #require(page.body.firstMatch(of: /action="(\/rondes\/[^"]+\/uitkomst)"/)?.1)
            let id = try #require(page.inputValue(named: "id"))
            let fields: [(String, String)] = [
                ("id", id), ("residentID", world.residents["annie"]!.id.description), ("outcome", "contact"),
                ("durationMinutes", "12"), ("note", "Gezellig gepraat"), ("concern", "Koelkast leeg"),
            ]
            #expect(try await concierge.post(String(action), form: fields).status == .seeOther)
            // Pressing again (a double tap, or the back button) stores nothing new.
            #expect(try await concierge.post(String(action), form: fields).status == .seeOther)
            #expect(try await server.count("contact_moments") == 1)
            let after = try await concierge.get(location)
            #expect(after.body.contains("1 stops · 1 gedaan · 0 te gaan"))
            #expect(after.body.contains("Contact · "))

            let worker = server.browser()
            try await worker.login("socialworker")
            let timeline = try await worker.get("/bewoners/\(world.residents["annie"]!.id)/tijdlijn")
            #expect(timeline.body.contains("Aan de deur (ronde)"))
            #expect(timeline.body.contains("Contact · 12 min · Gezellig gepraat"))
            // The concern typed at the door became a signal for the covering team.
            #expect(timeline.body.contains("Signaal gemeld"))
            let file = try await worker.get("/bewoners/\(world.residents["annie"]!.id)")
            let signal = try #require(file.body.firstMatch(of: /href="(\/signalen\/[0-9a-f-]+)"/)?.1)
            #expect(try await worker.get(String(signal)).body.contains("Koelkast leeg"))

            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let summary = try await coordinator.get(
                "/rondes/dagoverzicht?team=\(world.teams["east"]!.id)&date=\(server.today)")
            #expect(summary.status == .ok)
            #expect(summary.body.contains("<td>Concierge</td><td>1</td><td>0</td><td>1</td>"))
            #expect(summary.body.contains("<td>12</td>"))
        }
    }

    @Test("a coordinator moves a stop to another concierge and reorders by hand")
    func rebalance() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let second = try User(
                id: server.store.ids(), username: "concierge3", displayName: "Concierge3", role: .concierge,
                organisationID: world.organisations["welfare"]!.id, teamIDs: [world.teams["east"]!.id])
            try await server.store.accounts.createUser(
                second, passwordHash: try await server.app.password.async.hash(World.password),
                context: .commandLine)
            for key in ["annie", "kemal"] { try await server.arrangeMeal(for: world.residents[key]!, world: world) }
            try await server.planToday(world: world)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            try await server.planToday(world: world, concierges: [world.users["concierge"]!.id, second.id])
            let plan = try await coordinator.get(
                "/rondes/planning?team=\(world.teams["east"]!.id)&date=\(server.today)")
            #expect(plan.body.contains("Concierge (2)"))
            #expect(plan.body.contains("Concierge3 (0)"))
            let context = try await world.context("coordinator", on: server)
            let day = try await server.store.rounds(context).planningDay(
                team: world.teams["east"]!.id, date: server.today)
            let full = try #require(day.rounds.first { $0.stops.count == 2 })
            let empty = try #require(day.rounds.first { $0.stops.isEmpty })
            let last = full.stops[1]
            let up = try await coordinator.post(
                "/rondes/stops/\(last.stop.id)/verplaatsen", form: [("direction", "up"), ("back", "/rondes/planning")])
            #expect(up.status == .seeOther)
            // Back at the stop that moved, which the planning page marks.
            #expect(up.location == "/rondes/planning#plan-stop-\(last.stop.id)")
            let reordered = try await server.store.rounds(context).round(full.round.id)
            #expect(reordered.stops.map(\.stop.id) == [last.stop.id, full.stops[0].stop.id])
            let moved = try await coordinator.post(
                "/rondes/stops/\(last.stop.id)/verplaatsen", form: [("round", empty.round.id.description)])
            #expect(moved.status == .seeOther)
            #expect(try await server.store.rounds(context).round(empty.round.id).stops.map(\.stop.id) == [last.stop.id])
            #expect(try await server.store.rounds(context).round(full.round.id).stops.map(\.stop.position) == [1])
            // A concierge may not rebalance.
            let concierge = server.browser()
            try await concierge.login("concierge")
            _ = try await concierge.get("/rondes")
            let refused = try await concierge.post(
                "/rondes/stops/\(last.stop.id)/verplaatsen", form: [("round", full.round.id.description)])
            #expect(refused.status == .forbidden)
        }
    }

    @Test("a paused delivery and a resident who moved away stay on the round, shown as such")
    func pausedAndMovedAway() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
            try await server.arrangeMeal(for: world.residents["kemal"]!, world: world)
            try await server.planToday(world: world)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            _ = try await coordinator.get("/bewoners/\(world.residents["annie"]!.id)")
            let paused = try await coordinator.post(
                "/leveringen/\(annie.id)/pauzeren",
                form: [
                    ("pauseFrom", server.today.description), ("pauseUntil", server.today.adding(days: 6).description),
                    ("pauseReason", "Ziekenhuis"),
                ])
            #expect(paused.status == .seeOther)
            // Kemal's address is now in the centre team's area.
            let address = world.addresses["east2"]!
            _ = try await server.store.addresses.update(
                address.id,
                with: AddressInput(
                    postcode: address.postcode.value, houseNumber: "4", street: address.street, place: "Amersfoort",
                    latitude: "52.17", longitude: "5.40", buurtCode: "BU03070101"),
                context: .commandLine)
            let concierge = server.browser()
            try await concierge.login("concierge")
            let location = try await concierge.get("/rondes").headers.first(name: .location) ?? ""
            let page = try await concierge.get(location)
            #expect(page.body.contains("Gepauzeerd tot en met \(server.today.adding(days: 6).dutch)"))
            #expect(page.body.contains("Verhuisd buiten de wijk"))
            #expect(!page.body.contains("Kemal"))
            #expect(!page.body.contains("Camera Obscurastraat"))
            #expect(page.body.components(separatedBy: "class=\"outcome\"").count == 1, "no stop can be logged")
            // Nor through the API: the concierge no longer sees Kemal.
            var api = APIClient(server)
            try await api.login("concierge")
            let roundID = location.split(separator: "/").last.map(String.init) ?? ""
            let stops =
                APIClient.json(try await api.send(.GET, "/api/v1/rounds/\(roundID)"))["stops"] as? [[String: Any]]
            let moved = try #require(stops?.first { $0["state"] as? String == "movedAway" })
            #expect(moved["name"] == nil && moved["address"] == nil)
            let refused = try await api.send(
                .POST, "/api/v1/contact-moments",
                json:
                    #"{"id":"\#(UUID())","residentId":"\#(world.residents["kemal"]!.id)","stopId":"\#(moved["id"] as? String ?? "")","outcome":"contact"}"#
            )
            #expect(refused.status == .forbidden)
            #expect(try await server.count("contact_moments") == 0)
            // The next day's planning does not plan the moved resident, and says so.
            let plan = try await coordinator.get(
                "/rondes/planning?team=\(world.teams["east"]!.id)&date=\(server.today.adding(days: 3))")
            #expect(plan.status == .ok)
        }
    }

    @Test("an ended delivery shows as ended; a one-day pause without a reason still shows as a pause")
    func endedAndOneDayPause() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
            let kemal = try await server.arrangeMeal(for: world.residents["kemal"]!, world: world)
            try await server.planToday(world: world)
            let coordinator = try await world.context("coordinator", on: server)
            _ = try await server.store.deliveries(coordinator).end(annie.id)
            let today = server.today.description
            _ = try await server.store.deliveries(coordinator).pause(kemal.id, from: today, until: today, reason: nil)
            let concierge = server.browser()
            try await concierge.login("concierge")
            let location = try await concierge.get("/rondes").headers.first(name: .location) ?? ""
            let page = try await concierge.get(location)
            #expect(page.body.components(separatedBy: "Levering beëindigd").count == 2)
            #expect(page.body.contains("Gepauzeerd tot en met \(server.today.dutch)"))
        }
    }

    @Test("delivery forms with wrong input show every problem in Dutch and store nothing")
    func badDeliveryInput() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let form = try await coordinator.get("/bewoners/\(world.residents["annie"]!.id)/leveringen/nieuw")
            #expect(form.status == .ok)
            let response = try await coordinator.post(
                "/bewoners/\(world.residents["annie"]!.id)/leveringen",
                form: [
                    ("kind", "meal"), ("schedule", "weekly"), ("startDate", "31-02-2026"), ("windowStart", "13:00"),
                    ("windowEnd", "11:00"),
                ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("kies minstens één dag."))
            #expect(response.body.contains("moet later zijn dan het begin van het tijdvak."))
            #expect(response.body.contains("error-summary"))
            #expect(try await server.count("deliveries") == 0)
            // A volunteer cannot arrange deliveries at all.
            let volunteer = server.browser()
            try await volunteer.login("volunteer")
            _ = try await volunteer.get("/")
            let refused = try await volunteer.post(
                "/bewoners/\(world.residents["annie"]!.id)/leveringen",
                form: [
                    ("kind", "meal"), ("schedule", "weekly"), ("weekdays[]", "monday"),
                    ("startDate", server.today.description), ("windowStart", "11:30"), ("windowEnd", "13:00"),
                ])
            #expect(refused.status == .forbidden)
            #expect(try await server.count("deliveries") == 0)
        }
    }
}

@Suite("Contact moments through the API: exactly once, with the phone's time")
struct ContactMomentAPITests {
    func moment(_ id: UUID, resident: Resident, stop: String? = nil, outcome: String, at: Date) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        let time = formatter.string(from: at)
        return """
            {"id":"\(id.uuidString)","residentId":"\(resident.id)",\(stop.map { "\"stopId\":\"\($0)\"," } ?? "")\
            "outcome":"\(outcome)","durationMinutes":5,"recordedAt":"\(time)"}
            """
    }

    @Test("resending a moment answers 200 and stores nothing; the same id with other content is a conflict")
    func idempotentReplay() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("concierge")
            let id = UUID()
            let recorded = server.clock.date.addingTimeInterval(-2 * 3600)
            let annie = world.residents["annie"]!
            let first = try await api.send(
                .POST, "/api/v1/contact-moments", json: moment(id, resident: annie, outcome: "contact", at: recorded))
            #expect(first.status == .created)
            let replay = try await api.send(
                .POST, "/api/v1/contact-moments", json: moment(id, resident: annie, outcome: "contact", at: recorded))
            #expect(replay.status == .ok)
            #expect(APIClient.json(replay)["id"] as? String == id.uuidString.lowercased())
            let conflict = try await api.send(
                .POST, "/api/v1/contact-moments", json: moment(id, resident: annie, outcome: "refused", at: recorded))
            #expect(conflict.status == .conflict)
            #expect(
                APIClient.json(conflict)["title"] as? String
                    == "Deze uitkomst is al eerder met andere inhoud opgeslagen.")
            #expect(try await server.count("contact_moments") == 1)
            // Stored with the time it was entered, not the time it arrived.
            let sql = server.store.database as! any SQLDatabase
            let stored = try await sql.select().column("recorded_at_ms").from("contact_moments").first()?
                .decode(column: "recorded_at_ms", as: Int64.self)
            #expect(stored == Int64((recorded.timeIntervalSince1970 * 1000).rounded()))
            let entries = try await server.store.audit.entries(
                resident: annie.id, from: nil, to: nil, page: try Paging(perPage: 100))
            #expect(entries.items.filter { $0.event == "contact.create" }.count == 1)
            #expect(entries.items.filter { $0.event == "contact.replay" }.count == 1)
        }
    }

    @Test("many resends at once still store one moment")
    func concurrentResends() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("concierge")
            let id = UUID()
            let body = moment(id, resident: world.residents["kemal"]!, outcome: "notAtHome", at: server.clock.date)
            let client = api
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for _ in 0..<8 {
                    group.addTask { try await client.send(.POST, "/api/v1/contact-moments", json: body).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .ok }.count == 7)
            #expect(try await server.count("contact_moments") == 1)
        }
    }

    @Test("bad moments get a problem naming each field; a stop on someone else's round is refused")
    func refusals() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
            try await server.planToday(world: world)
            var api = APIClient(server)
            try await api.login("concierge")
            let future = try await api.send(
                .POST, "/api/v1/contact-moments",
                json: moment(
                    UUID(), resident: world.residents["annie"]!, outcome: "contact",
                    at: server.clock.date.addingTimeInterval(3 * 3600)))
            #expect(future.status == .unprocessableEntity)
            let errors = APIClient.json(future)["errors"] as? [[String: Any]] ?? []
            #expect(errors.compactMap { $0["field"] as? String } == ["recordedAt"])
            let unknown = try await api.send(
                .POST, "/api/v1/contact-moments",
                json: #"{"id":"\#(UUID())","residentId":"\#(UUID())","outcome":"contact"}"#)
            #expect(unknown.status == .unprocessableEntity)
            // Greet lives in the centre: the east concierge cannot log a visit to her.
            let greet = try await api.send(
                .POST, "/api/v1/contact-moments",
                json: moment(UUID(), resident: world.residents["greet"]!, outcome: "contact", at: server.clock.date))
            #expect(greet.status == .forbidden)
            // The centre concierge cannot use a stop on the east round.
            let rounds = try await api.send(.GET, "/api/v1/rounds")
            let roundID = try #require((APIClient.json(rounds)["items"] as? [[String: Any]])?.first?["id"] as? String)
            let round = try await api.send(.GET, "/api/v1/rounds/\(roundID)")
            let stop = try #require((APIClient.json(round)["stops"] as? [[String: Any]])?.first?["id"] as? String)
            var other = APIClient(server)
            try await other.login("concierge2")
            #expect(try await other.send(.GET, "/api/v1/rounds/\(roundID)").status == .notFound)
            let foreign = try await other.send(
                .POST, "/api/v1/contact-moments",
                json: moment(
                    UUID(), resident: world.residents["annie"]!, stop: stop, outcome: "contact", at: server.clock.date))
            #expect(foreign.status == .forbidden)
            #expect(try await server.count("contact_moments") == 0)
        }
    }
}

@Suite("Out of view: who had no real contact for too long")
struct OutOfViewTests {
    @Test("no real contact for 14 days, or three misses in a row, puts a resident on the list until seen again")
    func rules() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let start = server.today.adding(days: -40)
            for key in ["annie", "kemal"] {
                try await server.arrangeMeal(for: world.residents[key]!, world: world, from: start)
            }
            let concierge = try await world.context("concierge", on: server)
            func log(_ key: String, _ outcome: String, daysAgo: Double) async throws {
                _ = try await server.store.rounds(concierge).logContact(
                    ContactMomentInput(
                        id: nil, residentID: world.residents[key]!.id.description, stopID: nil, outcome: outcome,
                        durationMinutes: nil, note: nil, concern: nil,
                        recordedAt: server.clock.date.addingTimeInterval(-daysAgo * 86400)))
            }
            // Annie: a real contact 20 days ago, since then only the mailbox twice.
            try await log("annie", "contact", daysAgo: 20)
            try await log("annie", "mailboxOnly", daysAgo: 10)
            try await log("annie", "refused", daysAgo: 8)
            // Kemal: seen 4 days ago, then three misses in a row, one of them sent late from an offline phone.
            try await log("kemal", "contact", daysAgo: 4)
            try await log("kemal", "notAtHome", daysAgo: 3)
            try await log("kemal", "notAtHome", daysAgo: 1)
            try await log("kemal", "mailboxOnly", daysAgo: 2)

            let worker = server.browser()
            try await worker.login("socialworker")
            let page = try await worker.get("/uit-beeld")
            #expect(page.status == .ok)
            #expect(page.body.contains("Annie de Vries"))
            #expect(page.body.contains("20 dagen geen echt contact"))
            #expect(page.body.contains("Kemal Yılmaz"))
            #expect(page.body.contains("3 keer achter elkaar niemand gezien"))

            // Kemal is seen again: off the list. A contact logged late but older than the misses would not count.
            try await log("kemal", "contact", daysAgo: 0.1)
            let after = try await worker.get("/uit-beeld")
            #expect(!after.body.contains("Kemal Yılmaz"))

            // The team allows 30 days: Annie is no longer out of view.
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            _ = try await coordinator.get("/uit-beeld")
            let saved = try await coordinator.post(
                "/uit-beeld/instellingen",
                form: [
                    ("team", world.teams["east"]!.id.description), ("daysWithoutContact", "30"),
                    ("missesInARow", "3"),
                ])
            #expect(saved.status == .seeOther)
            #expect(try await worker.get("/uit-beeld").body.contains("Niemand uit beeld"))

            // A follow-up visit planned from the list becomes a stop on that day's round.
            let visit = try await coordinator.post(
                "/uit-beeld/bezoeken",
                form: [
                    ("team", world.teams["east"]!.id.description),
                    ("residentID", world.residents["annie"]!.id.description),
                    ("date", server.today.adding(days: 1).description),
                ])
            #expect(visit.status == .seeOther)
            let plan = try await coordinator.get(
                "/rondes/planning?team=\(world.teams["east"]!.id)&date=\(server.today.adding(days: 1))")
            #expect(plan.body.contains("1 levering(en) nog niet op een ronde."))
            // Policy and concierges do not see the list.
            let concierge2 = server.browser()
            try await concierge2.login("concierge")
            #expect(try await concierge2.get("/uit-beeld").status == .forbidden)
        }
    }

    @Test("a resident never met at the door is out of view once the first delivery is the team's number of days ago")
    func neverMet() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            // Annie's meals started 40 days ago, Kemal's 5 days ago; neither was ever really met.
            try await server.arrangeMeal(
                for: world.residents["annie"]!, world: world, from: server.today.adding(days: -40))
            try await server.arrangeMeal(
                for: world.residents["kemal"]!, world: world, from: server.today.adding(days: -5))
            let worker = server.browser()
            try await worker.login("socialworker")
            var page = try await worker.get("/uit-beeld")
            #expect(page.body.contains("Annie de Vries"))
            #expect(page.body.contains("Nog nooit echt contact (40 dagen sinds de eerste levering)"))
            #expect(!page.body.contains("Kemal Yılmaz"))
            // A mailbox-only delivery is no contact: both stay as they were.
            let concierge = try await world.context("concierge", on: server)
            for key in ["annie", "kemal"] {
                _ = try await server.store.rounds(concierge).logContact(
                    ContactMomentInput(
                        id: nil, residentID: world.residents[key]!.id.description, stopID: nil,
                        outcome: "mailboxOnly", durationMinutes: nil, note: nil, concern: nil, recordedAt: nil))
            }
            page = try await worker.get("/uit-beeld")
            #expect(page.body.contains("Nog nooit echt contact (40 dagen sinds de eerste levering)"))
            #expect(!page.body.contains("Kemal Yılmaz"))
        }
    }
}
