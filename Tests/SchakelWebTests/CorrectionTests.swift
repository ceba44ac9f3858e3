import Fluent
import Foundation
import SQLKit
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// A mis-tapped outcome at the door is corrected by a new moment on the same day: the first stays in the
/// history and the access log, the correction counts.
@Suite("Correcting a mis-tapped outcome")
struct CorrectionTests {
    /// A moment for the API; `corrects` names the moment it corrects.
    func moment(_ id: UUID, resident: Resident, stop: String? = nil, outcome: String, corrects: String? = nil)
        -> String
    {
        var fields = [
            #""id":"\#(id.uuidString)""#, #""residentId":"\#(resident.id)""#, #""outcome":"\#(outcome)""#,
        ]
        if let stop { fields.append(#""stopId":"\#(stop)""#) }
        if let corrects { fields.append(#""corrects":"\#(corrects)""#) }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The correction form of a round page, from its opening tag to its end.
    func correctionForm(in page: String) -> String? {
        guard let start = page.range(of: #"class="correction""#),
            let end = page[start.upperBound...].range(of: "</form>")
        else { return nil }
        return String(page[start.lowerBound..<end.upperBound])
    }

    func status(of resident: Resident, on server: TestServer) async throws -> (lastContact: Int64?, misses: Int) {
        let sql = server.store.database as! any SQLDatabase
        let row = try #require(
            try await sql.select().columns("last_contact_ms", "trailing_misses").from("resident_contact_status")
                .where("resident_id", .equal, SQLBind(resident.id.uuid)).first())
        return (
            try row.decode(column: "last_contact_ms", as: Int64?.self),
            try row.decode(column: "trailing_misses", as: Int.self)
        )
    }

    @Test("on the round page: the correction counts, the first outcome stays in the history, twice is once")
    func correctOnTheRoundPage() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!
            try await server.arrangeMeal(for: annie, world: world)
            try await server.planToday(world: world)
            let concierge = server.browser()
            try await concierge.login("concierge")
            let location = try await concierge.get("/rondes").headers.first(name: .location) ?? ""
            let page = try await concierge.get(location)
            let action = try #require(page.body.firstMatch(of: /action="(\/rondes\/[^"]+\/uitkomst)"/)?.1)
            let first = try #require(page.inputValue(named: "id"))
            #expect(correctionForm(in: page.body) == nil)
            // The wrong button: "Niet thuis" while Annie opened the door.
            let tapped = try await concierge.post(
                String(action),
                form: [
                    ("id", first), ("residentID", annie.id.description), ("outcome", "notAtHome"),
                    ("durationMinutes", "3"),
                ])
            #expect(tapped.status == .seeOther)
            let done = try await concierge.get(location)
            #expect(done.body.contains("Niet thuis · "))
            #expect(done.body.contains("Verkeerd getikt? Corrigeren"))
            let correction = try #require(done.body.firstMatch(of: /action="(\/rondes\/[^"]+\/correctie)"/)?.1)
            #expect(done.inputValue(named: "corrects") == first)
            let form = try #require(correctionForm(in: done.body))
            let correctionID = try #require(form.firstMatch(of: /name="id" value="([^"]+)"/)?.1)
            // The outcome it corrects is not offered again; the duration typed first is kept.
            #expect(!form.contains(#"value="notAtHome""#))
            #expect(form.contains(#"value="contact""#))
            #expect(form.contains(#"value="3""#))
            let fields: [(String, String)] = [
                ("id", String(correctionID)), ("residentID", annie.id.description), ("corrects", first),
                ("outcome", "contact"), ("durationMinutes", "3"), ("note", "Toch thuis, deur ging later open"),
            ]
            #expect(try await concierge.post(String(correction), form: fields).status == .seeOther)
            // Pressing twice stores one correction.
            #expect(try await concierge.post(String(correction), form: fields).status == .seeOther)
            #expect(try await server.count("contact_moments") == 2)

            let after = try await concierge.get(location)
            #expect(after.body.contains("1 stops · 1 gedaan · 0 te gaan"))
            #expect(after.body.contains("Contact · "))
            #expect(after.body.contains("Gecorrigeerd; eerder: Niet thuis"))
            #expect(after.body.contains(#"<dd data-summary="contact">1</dd>"#))
            #expect(after.body.contains(#"<dd data-summary="notAtHome">0</dd>"#))
            // The correction can itself be corrected: the form now corrects the correction.
            #expect(after.inputValue(named: "corrects") == String(correctionID))

            // A second tab still showing the first outcome tries to correct it too: refused at the stop.
            let stale = try await concierge.post(
                String(correction),
                form: [
                    ("id", UUID().uuidString), ("residentID", annie.id.description), ("corrects", first),
                    ("outcome", "refused"),
                ])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("Deze uitkomst is al gecorrigeerd"))
            #expect(stale.body.contains("Annie de Vries"))
            #expect(try await server.count("contact_moments") == 2)

            // The day summary, the contact status and the timeline follow the correction.
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let summary = try await coordinator.get(
                "/rondes/dagoverzicht?team=\(world.teams["east"]!.id)&date=\(server.today)")
            #expect(summary.body.contains("<td>Concierge</td><td>1</td><td>0</td><td>1</td><td>0</td><td>0</td>"))
            let status = try await status(of: annie, on: server)
            #expect(status.lastContact != nil)
            #expect(status.misses == 0)
            let worker = server.browser()
            try await worker.login("socialworker")
            let timeline = try await worker.get("/bewoners/\(annie.id)/tijdlijn")
            #expect(timeline.body.contains("Aan de deur (ronde)"))
            #expect(timeline.body.contains("Niet thuis · 3 min"))
            #expect(timeline.body.contains("Uitkomst aan de deur gecorrigeerd"))
            #expect(timeline.body.contains("Contact · 3 min · Toch thuis, deur ging later open"))
            let log = try await server.store.audit.entries(
                resident: annie.id, from: nil, to: nil, page: try Paging(perPage: 100))
            let corrections = log.items.filter { $0.event == "contact.correct" }
            #expect(corrections.count == 1)
            #expect(corrections.first?.objects.contains("corrects:\(first.lowercased())") == true)
        }
    }

    @Test("who may correct, and until when: the recorder or the team's coordinator, on the day itself")
    func whoAndWhen() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!
            try await server.arrangeMeal(for: annie, world: world)
            try await server.planToday(world: world)
            var concierge = APIClient(server)
            try await concierge.login("concierge")
            let rounds = try await concierge.send(.GET, "/api/v1/rounds")
            let roundID = try #require((APIClient.json(rounds)["items"] as? [[String: Any]])?.first?["id"] as? String)
            let stop = try #require(
                (APIClient.json(try await concierge.send(.GET, "/api/v1/rounds/\(roundID)"))["stops"]
                    as? [[String: Any]])?.first?["id"] as? String)
            let first = UUID()
            let logged = try await concierge.send(
                .POST, "/api/v1/contact-moments",
                json: moment(first, resident: annie, stop: stop, outcome: "mailboxOnly"))
            #expect(logged.status == .created)
            let round = APIClient.json(try await concierge.send(.GET, "/api/v1/rounds/\(roundID)"))
            let shown = try #require((round["stops"] as? [[String: Any]])?.first)
            #expect(shown["contactMomentId"] as? String == first.uuidString.lowercased())
            #expect(shown["correctable"] as? Bool == true)

            // Someone who neither recorded it nor plans the team's rounds may not correct it.
            var worker = APIClient(server)
            try await worker.login("socialworker")
            let byWorker = try await worker.send(
                .POST, "/api/v1/contact-moments",
                json: moment(UUID(), resident: annie, outcome: "contact", corrects: first.uuidString))
            #expect(byWorker.status == .forbidden)
            var other = APIClient(server)
            try await other.login("concierge2")
            let byOther = try await other.send(
                .POST, "/api/v1/contact-moments",
                json: moment(UUID(), resident: annie, outcome: "contact", corrects: first.uuidString))
            #expect(byOther.status == .forbidden)
            let denied = try await server.store.audit.entries(
                resident: annie.id, from: nil, to: nil, page: try Paging(perPage: 100))
            #expect(
                Set(denied.items.filter { $0.event == "access.denied" }.map(\.username))
                    .isSuperset(of: ["socialworker", "concierge2"]))
            // A correction names a moment of the same resident, and cannot name itself.
            let wrongResident = try await concierge.send(
                .POST, "/api/v1/contact-moments",
                json: moment(
                    UUID(), resident: world.residents["kemal"]!, outcome: "contact", corrects: first.uuidString))
            #expect(wrongResident.status == .unprocessableEntity)
            let fields = (APIClient.json(wrongResident)["errors"] as? [[String: Any]])?.compactMap {
                $0["field"] as? String
            }
            #expect(fields == ["corrects"])
            let same = UUID()
            let itself = try await concierge.send(
                .POST, "/api/v1/contact-moments",
                json: moment(same, resident: annie, outcome: "contact", corrects: same.uuidString))
            #expect(itself.status == .unprocessableEntity)

            // The team's coordinator corrects it for the concierge; the stop and the time stay the visit's.
            var coordinator = APIClient(server)
            try await coordinator.login("coordinator")
            let fixed = UUID()
            let byCoordinator = try await coordinator.send(
                .POST, "/api/v1/contact-moments",
                json: moment(fixed, resident: annie, outcome: "contact", corrects: first.uuidString))
            #expect(byCoordinator.status == .created)
            let stored = APIClient.json(byCoordinator)
            #expect(stored["stopId"] as? String == stop)
            #expect(stored["corrects"] as? String == first.uuidString.lowercased())
            #expect(stored["recordedAt"] as? String == APIClient.json(logged)["recordedAt"] as? String)
            let counted = APIClient.json(try await concierge.send(.GET, "/api/v1/rounds/\(roundID)"))
            let day = try #require(counted["summary"] as? [String: Any])
            #expect(day["contacts"] as? Int == 1)
            #expect(day["mailboxOnly"] as? Int == 0)
            // It stays the concierge's visit: their own day summary counts it, and the log names the corrector.
            #expect(stored["recordedBy"] as? String == world.users["concierge"]!.id.description)
            let summary = try await server.store.rounds(try await world.context("concierge", on: server))
                .daySummary(of: world.users["concierge"]!.id, on: server.today)
            #expect(summary.contacts == 1 && summary.mailboxOnly == 0)
            let corrections = try await server.store.audit.entries(
                resident: annie.id, from: nil, to: nil, page: try Paging(perPage: 100)
            ).items.filter { $0.event == "contact.correct" }
            #expect(corrections.map(\.username) == ["coordinator"])
            // Sent again (a lost answer), the coordinator's correction is a replay, not a conflict.
            let again = try await coordinator.send(
                .POST, "/api/v1/contact-moments",
                json: moment(fixed, resident: annie, outcome: "contact", corrects: first.uuidString))
            #expect(again.status == .ok)

            // The next day it can no longer be corrected, also not by whoever recorded it.
            server.clock.advance(by: 24 * 3600)
            let late = try await coordinator.send(
                .POST, "/api/v1/contact-moments",
                json: moment(UUID(), resident: annie, outcome: "notAtHome", corrects: fixed.uuidString))
            #expect(late.status == .unprocessableEntity)
            #expect(
                (APIClient.json(late)["errors"] as? [[String: Any]])?.first?["field"] as? String == "corrects")
            #expect(try await server.count("contact_moments") == 2)
        }
    }

    @Test("three misses put a resident out of view; correcting one of today's to a contact brings them back")
    func outOfViewFollowsTheCorrection() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let kemal = world.residents["kemal"]!
            var concierge = APIClient(server)
            try await concierge.login("concierge")
            var last = UUID()
            for _ in 0..<3 {
                last = UUID()
                let sent = try await concierge.send(
                    .POST, "/api/v1/contact-moments", json: moment(last, resident: kemal, outcome: "notAtHome"))
                #expect(sent.status == .created)
                server.clock.advance(by: 60)
            }
            #expect(try await status(of: kemal, on: server).misses == 3)
            #expect(try await status(of: kemal, on: server).lastContact == nil)
            let corrected = try await concierge.send(
                .POST, "/api/v1/contact-moments",
                json: moment(UUID(), resident: kemal, outcome: "contact", corrects: last.uuidString))
            #expect(corrected.status == .created)
            let after = try await status(of: kemal, on: server)
            #expect(after.misses == 0)
            #expect(after.lastContact != nil)
        }
    }
}

@Suite("Correcting an outcome from two places at once")
struct ConcurrentCorrectionTests {
    @Test("eight corrections of one moment at once: one is stored, the others are told it was corrected")
    func concurrentCorrections() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!
            var concierge = APIClient(server)
            try await concierge.login("concierge")
            let first = UUID()
            let tests = CorrectionTests()
            #expect(
                try await concierge.send(
                    .POST, "/api/v1/contact-moments", json: tests.moment(first, resident: annie, outcome: "refused")
                ).status == .created)
            let client = concierge
            let outcomes = ["contact", "mailboxOnly", "notAtHome"]
            let statuses = try await withThrowingTaskGroup(of: HTTPStatus.self) { group in
                for index in 0..<8 {
                    let body = tests.moment(
                        UUID(), resident: annie, outcome: outcomes[index % 3], corrects: first.uuidString)
                    group.addTask { try await client.send(.POST, "/api/v1/contact-moments", json: body).status }
                }
                return try await group.reduce(into: [HTTPStatus]()) { $0.append($1) }
            }
            #expect(statuses.filter { $0 == .created }.count == 1)
            #expect(statuses.filter { $0 == .conflict }.count == 7)
            #expect(try await server.count("contact_moments") == 2)
            let sql = server.store.database as! any SQLDatabase
            let counted = try await sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n")
                .from("contact_moments").where("corrected_by", .is, SQLLiteral.null).first()?
                .decode(column: "n", as: Int.self)
            #expect(counted == 1)
            let log = try await server.store.audit.entries(
                resident: annie.id, from: nil, to: nil, page: try Paging(perPage: 100))
            #expect(log.items.filter { $0.event == "contact.correct" }.count == 1)
        }
    }
}
