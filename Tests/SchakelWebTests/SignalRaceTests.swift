import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// Two handlers acting on one signal at the same moment: every change is a compare-and-set on the
/// signal's revision in the write transaction, so one wins and the other is told, never a lost change.
@Suite("Signals: two handlers at once")
struct SignalRaceTests {
    func raise(_ concierge: APIClient, about resident: Resident) async throws -> String {
        let raised = try await concierge.send(
            .POST, "/api/v1/signals",
            json: #"{"residentId":"\#(resident.id)","domains":["financien"],"urgency":"normal","observation":"Post"}"#)
        #expect(raised.status == .created)
        return try #require(APIClient.json(raised)["id"] as? String)
    }

    /// The API clients of the reporting concierge and the two handlers, logged in.
    static func clients(_ server: TestServer) async throws -> (APIClient, APIClient, APIClient) {
        var clients: [APIClient] = []
        for username in ["concierge", "socialworker", "coordinator"] {
            var client = APIClient(server)
            try await client.login(username)
            clients.append(client)
        }
        return (clients[0], clients[1], clients[2])
    }

    /// Sends two requests as close together as the server lets them, and returns both statuses.
    func race(
        _ first: @escaping @Sendable () async throws -> HTTPStatus,
        _ second: @escaping @Sendable () async throws -> HTTPStatus
    )
        async throws -> (HTTPStatus, HTTPStatus)
    {
        async let a = first()
        async let b = second()
        return try await (a, b)
    }

    @Test(
        "close against wait_for_resident on a triaged signal, 20 times: the history is one chain, a close stays closed")
    func closeAgainstWait() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let (concierge, worker, coordinator) = try await SignalRaceTests.clients(server)
            let (w, c) = (worker, coordinator)
            for _ in 0..<20 {
                let id = try await raise(concierge, about: world.residents["annie"]!)
                let triaged = try await worker.send(
                    .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"triage"}"#)
                #expect(triaged.status == .ok)
                let (closed, waiting) = try await race(
                    {
                        try await w.send(
                            .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"close","outcome":"referred"}"#
                        ).status
                    },
                    {
                        try await c.send(
                            .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"wait_for_resident"}"#
                        ).status
                    })
                // Either one wins and the other is told (409), or they came one after the other (wait, then
                // close); never two steps from the same state.
                let statuses: [HTTPStatus] = [closed, waiting]
                let accepted = statuses.filter { $0 == .ok }.count
                let refused = statuses.filter { $0 == .conflict }.count
                #expect(accepted + refused == 2, "\(closed) \(waiting)")
                let detail = APIClient.json(try await worker.send(.GET, "/api/v1/signals/\(id)"))
                let steps = (detail["history"] as? [[String: Any]] ?? []).compactMap { step -> (String?, String)? in
                    guard let to = step["toState"] as? String else { return nil }
                    return (step["fromState"] as? String, to)
                }
                let expectedSteps = 2 + accepted
                #expect(steps.count == expectedSteps)
                for (before, after) in zip(steps, steps.dropFirst()) {
                    #expect(after.0 == before.1, "a step from \(after.0 ?? "-") after one to \(before.1)")
                }
                let state = detail["state"] as? String
                #expect(state == steps.last?.1)
                if closed == .ok { #expect(state == "closed") }
            }
        }
    }

    @Test("assignment against triage, 20 times: a triaged signal never falls back to new, an assignment is kept")
    func assignAgainstTriage() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let (concierge, worker, coordinator) = try await SignalRaceTests.clients(server)
            let (w, c) = (worker, coordinator)
            let east = world.teams["east"]!.id
            let chosen = world.users["coordinator"]!.id
            var lost = 0
            for _ in 0..<20 {
                let id = try await raise(concierge, about: world.residents["annie"]!)
                let (triaged, assigned) = try await race(
                    {
                        try await w.send(.POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"triage"}"#)
                            .status
                    },
                    {
                        try await c.send(
                            .POST, "/api/v1/signals/\(id)/assignment",
                            json: #"{"teamId":"\#(east)","assigneeId":"\#(chosen)"}"#
                        ).status
                    })
                #expect([triaged, assigned].contains(.ok))
                #expect([triaged, assigned].allSatisfy { $0 == .ok || $0 == .conflict })
                let detail = APIClient.json(try await worker.send(.GET, "/api/v1/signals/\(id)"))
                if triaged == .ok, detail["state"] as? String != "triaged" { lost += 1 }
                if assigned == .ok, triaged != .ok, detail["assigneeId"] as? String != chosen.description { lost += 1 }
            }
            #expect(lost == 0)
        }
    }

    @Test("two completions of one task at once: done once, with one note")
    func taskDoneTwice() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let (concierge, worker, _) = try await SignalRaceTests.clients(server)
            let id = try await raise(concierge, about: world.residents["annie"]!)
            _ = try await worker.send(.POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"triage"}"#)
            let task = try await worker.send(
                .POST, "/api/v1/signals/\(id)/tasks",
                json:
                    #"{"assigneeId":"\#(world.users["concierge"]!.id)","date":"\#(server.today)","instruction":"Kijk even"}"#
            )
            let taskID = try #require(APIClient.json(task)["id"] as? String)
            let phone = concierge
            let (first, second) = try await race(
                { try await phone.send(.POST, "/api/v1/tasks/\(taskID)/done", json: #"{"note":"Deur open"}"#).status },
                { try await phone.send(.POST, "/api/v1/tasks/\(taskID)/done", json: #"{"note":"Niemand"}"#).status })
            #expect([first, second].filter { $0.code < 300 }.count == 1, "\(first) \(second)")
            #expect([first, second].filter { $0 == .conflict }.count == 1, "\(first) \(second)")
            let detail = APIClient.json(try await worker.send(.GET, "/api/v1/signals/\(id)"))
            let done = (detail["history"] as? [[String: Any]] ?? []).filter { $0["kind"] as? String == "task_done" }
            #expect(done.count == 1)
        }
    }
}

@Suite("The signal page offers what the workflow and the policy allow")
struct SignalOffersTests {
    @Test("waiting for the resident offers resume, waiting for the reporter and close; only handlers to assign to")
    func offers() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let (concierge, worker, _) = try await SignalRaceTests.clients(server)
            let id = try await SignalRaceTests().raise(concierge, about: world.residents["annie"]!)
            _ = try await worker.send(.POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"triage"}"#)
            _ = try await worker.send(
                .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"wait_for_resident"}"#)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let page = try await coordinator.get("/signalen/\(id)")
            let events = page.body.matches(of: /<option value="([a-z_]+)"[^>]*>/).map { String($0.1) }
            #expect(events.contains("resume"))
            #expect(events.contains("wait_for_reporter"))
            #expect(events.contains("close"))
            #expect(!events.contains("wait_for_resident"))
            #expect(!events.contains("triage"))
            // The assignee list names the team's handlers, not its concierge; the check-again list its door workers.
            let assignees = try #require(page.body.firstMatch(of: /name="assigneeID"[^>]*>(.*?)<\/select>/)?.1)
            #expect(assignees.contains(world.users["socialworker"]!.id.description))
            #expect(!assignees.contains(world.users["concierge"]!.id.description))
            let checkers = try #require(page.body.firstMatch(of: /name="taskFor"[^>]*>(.*?)<\/select>/)?.1)
            #expect(checkers.contains(world.users["concierge"]!.id.description))
            #expect(!checkers.contains(world.users["coordinator"]!.id.description))
            // Assigning the concierge anyway is refused at the field.
            var api = APIClient(server)
            try await api.login("coordinator")
            let refused = try await api.send(
                .POST, "/api/v1/signals/\(id)/assignment",
                json: #"{"teamId":"\#(world.teams["east"]!.id)","assigneeId":"\#(world.users["concierge"]!.id)"}"#)
            #expect(refused.status == .unprocessableEntity)
        }
    }
}
