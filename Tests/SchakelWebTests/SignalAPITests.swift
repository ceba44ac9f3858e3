import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@Suite("Signals through the API")
struct SignalAPITests {
    func fields(_ response: TestResponse) -> [String] {
        (APIClient.json(response)["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    @Test("raise, inbox, triage, a refused transition named, a task done, close; the reporter sees status only")
    func raiseToClose() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!
            var concierge = APIClient(server)
            try await concierge.login("concierge")
            let bad = try await concierge.send(
                .POST, "/api/v1/signals", json: #"{"domains":[],"urgency":"normal","observation":"  "}"#)
            #expect(bad.status == .unprocessableEntity)
            #expect(Set(fields(bad)) == ["residentId", "domains", "observation"])
            #expect(try await server.count("signals") == 0)
            let unknownDomain = try await concierge.send(
                .POST, "/api/v1/signals",
                json: #"{"residentId":"\#(annie.id)","domains":["geluk"],"urgency":"normal","observation":"x"}"#)
            #expect(unknownDomain.status == .badRequest)

            let raised = try await concierge.send(
                .POST, "/api/v1/signals",
                json: """
                    {"residentId":"\(annie.id)","domains":["financien"],"urgency":"acute",\
                    "observation":"Brieven van de deurwaarder op de mat"}
                    """)
            #expect(raised.status == .created)
            let receipt = APIClient.json(raised)
            #expect(receipt["status"] as? String == "received")
            #expect((receipt["actNow"] as? String)?.contains("0800-2000") == true)
            let id = try #require(receipt["id"] as? String)

            var worker = APIClient(server)
            try await worker.login("socialworker")
            let inbox = try await worker.send(.GET, "/api/v1/signals?teamId=\(world.teams["east"]!.id)&urgency=acute")
            #expect(inbox.status == .ok)
            let items = try #require(APIClient.json(inbox)["items"] as? [[String: Any]])
            #expect(items.map { $0["id"] as? String } == [id])
            #expect(items.first?["residentId"] as? String == annie.id.description)
            let elsewhere = try await worker.send(.GET, "/api/v1/signals?teamId=\(world.teams["centre"]!.id)")
            #expect(elsewhere.status == .forbidden)

            let illegal = try await worker.send(
                .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"close","outcome":"referred"}"#)
            #expect(illegal.status == .conflict)
            #expect(illegal.headers.contentType?.subType == "problem+json")
            #expect(APIClient.json(illegal)["title"] as? String == "Van ‘nieuw’ naar ‘gesloten’ kan niet.")
            let triaged = try await worker.send(
                .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"triage","reason":"Ik bel haar"}"#)
            #expect(triaged.status == .ok)
            let detail = APIClient.json(triaged)
            #expect(detail["state"] as? String == "triaged")
            #expect(detail["assigneeId"] as? String == world.users["socialworker"]!.id.description)
            let history = try #require(detail["history"] as? [[String: Any]])
            #expect(history.last?["kind"] as? String == "triage")
            #expect(history.last?["reason"] as? String == "Ik bel haar")
            #expect(history.last?["fromState"] as? String == "new")

            let noOutcome = try await worker.send(
                .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"close"}"#)
            #expect(noOutcome.status == .unprocessableEntity)
            #expect(fields(noOutcome) == ["outcome"])

            let concierge2ID = world.users["concierge"]!.id
            let task = try await worker.send(
                .POST, "/api/v1/signals/\(id)/tasks",
                json: #"{"assigneeId":"\#(concierge2ID)","date":"\#(server.today)","instruction":"Kijk even"}"#)
            #expect(task.status == .created)
            let taskID = try #require(APIClient.json(task)["id"] as? String)
            let tasks = try await concierge.send(.GET, "/api/v1/tasks")
            let taskItems = try #require(APIClient.json(tasks)["items"] as? [[String: Any]])
            #expect(taskItems.map { $0["id"] as? String } == [taskID])
            #expect(taskItems.first?["residentName"] as? String == "Annie de Vries")
            #expect(
                try await concierge.send(.POST, "/api/v1/tasks/\(taskID)/done", json: #"{"note":"Gaat beter"}"#).status
                    == .noContent)
            #expect(
                try await concierge.send(.POST, "/api/v1/tasks/\(taskID)/done", json: #"{}"#).status == .conflict)

            let closed = try await worker.send(
                .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"close","outcome":"referred"}"#)
            #expect(APIClient.json(closed)["state"] as? String == "closed")

            let status = APIClient.json(try await concierge.send(.GET, "/api/v1/signals/\(id)"))
            #expect(status["view"] as? String == "status")
            #expect(status["status"] as? String == "closed")
            #expect(status["neutralOutcome"] as? String == "help_arranged")
            #expect(status["observation"] == nil)
            #expect(status["outcome"] == nil)
            #expect((status["history"] as? [Any])?.isEmpty == true)
            let reported = APIClient.json(try await concierge.send(.GET, "/api/v1/signals/reported"))
            let first = try #require((reported["items"] as? [[String: Any]])?.first)
            #expect(first["outcome"] as? String == "help_arranged")

            var policy = APIClient(server)
            try await policy.login("policy")
            let statistics = APIClient.json(try await policy.send(.GET, "/api/v1/signals/statistics"))
            let byState = try #require(statistics["byState"] as? [[String: Any]])
            #expect(byState.first { $0["state"] as? String == "closed" }?["count"] as? Int == 1)
            #expect(try await concierge.send(.GET, "/api/v1/signals/statistics").status == .forbidden)
            #expect(try await policy.send(.GET, "/api/v1/signals/\(id)").status == .notFound)

            let audit = try await server.store.audit.entries(
                resident: annie.id, from: nil, to: nil, page: try Paging(perPage: 100))
            let events = Set(audit.items.map(\.event))
            #expect(events.isSuperset(of: ["signal.create", "signal.list", "signal.read", "signal.status"]))
        }
    }

    @Test("the meldcode through the API: hidden from the volunteer, steps in order, closed after the decision")
    func meldcode() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var volunteer = APIClient(server)
            try await volunteer.login("volunteer")
            let raised = try await volunteer.send(
                .POST, "/api/v1/signals",
                json: """
                    {"residentId":"\(world.residents["kemal"]!.id)","domains":["huiselijke_relaties"],\
                    "urgency":"high","observation":"Geschreeuw","meldcode":true}
                    """)
            #expect(raised.status == .created)
            let id = try #require(APIClient.json(raised)["id"] as? String)
            #expect(try await volunteer.send(.GET, "/api/v1/signals/\(id)").status == .notFound)
            let reported = APIClient.json(try await volunteer.send(.GET, "/api/v1/signals/reported"))
            #expect((reported["items"] as? [Any])?.isEmpty == true)

            var worker = APIClient(server)
            try await worker.login("socialworker")
            let steps = "/api/v1/signals/\(id)/meldcode-steps"
            let outOfOrder = try await worker.send(.POST, steps, json: #"{"step":3,"reasoning":"Gesprek"}"#)
            #expect(outOfOrder.status == .conflict)
            #expect(
                try await worker.send(.POST, steps, json: #"{"step":1,"reasoning":"Geschreeuw gehoord"}"#).status
                    == .created)
            let noConsultee = try await worker.send(.POST, steps, json: #"{"step":2,"reasoning":"Overlegd"}"#)
            #expect(noConsultee.status == .unprocessableEntity)
            #expect(fields(noConsultee) == ["consultedWith"])
            for body in [
                #"{"step":2,"reasoning":"Advies gevraagd","consultedWith":"veilig_thuis"}"#,
                #"{"step":3,"reasoning":"Gesprek gevoerd"}"#, #"{"step":4,"reasoning":"Ernstig"}"#,
            ] {
                #expect(try await worker.send(.POST, steps, json: body).status == .created)
            }
            let early = try await worker.send(.POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"triage"}"#)
            #expect(early.status == .ok)
            let undecided = try await worker.send(
                .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"close"}"#)
            #expect(undecided.status == .conflict)
            let decided = try await worker.send(
                .POST, steps, json: #"{"step":5,"reasoning":"Onveilig","answers":[true,true]}"#)
            let detail = APIClient.json(decided)
            let recorded = try #require(detail["meldcodeSteps"] as? [[String: Any]])
            #expect(recorded.count == 5)
            #expect(recorded.last?["decision"] as? String == "report_veilig_thuis")
            #expect(recorded[1]["consultedWith"] as? String == "veilig_thuis")
            #expect(detail["nextMeldcodeStep"] == nil)
            let closed = try await worker.send(.POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"close"}"#)
            #expect(APIClient.json(closed)["outcome"] as? String == "reported_veilig_thuis")
        }
    }
}
