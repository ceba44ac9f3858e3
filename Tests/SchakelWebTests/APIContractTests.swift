import Foundation
import SchakelCore
import SchakelTestSupport
import Testing
import Vapor

/// What the API answers where the generated code alone is lenient or vague.
@Suite("JSON API: answers as the OpenAPI document says")
struct APIContractTests {
    static func fields(_ response: TestResponse) -> [String] {
        (APIClient.json(response)["errors"] as? [[String: Any]] ?? []).compactMap { $0["field"] as? String }
    }

    @Test("a query parameter that is not a number is named, and a page number too large says the range")
    func queryParameters() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let word = try await api.send(.GET, "/api/v1/residents?page=abc")
            #expect(word.status == .badRequest)
            #expect(Self.fields(word) == ["page"])
            let state = try await api.send(.GET, "/api/v1/signals?state=verzonnen")
            #expect(state.status == .badRequest)
            #expect(Self.fields(state) == ["state"])
            let far = try await api.send(.GET, "/api/v1/residents?page=108321795021")
            #expect(far.status == .unprocessableEntity)
            #expect(far.body.contains("tussen 1 en 1.000.000"))
        }
    }

    @Test("null is no value, a body needs a content type, and a search is at most 100 characters")
    func bodies() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let signal = try await api.send(
                .POST, "/api/v1/signals",
                json: #"{"residentId":"\#(world.residents["annie"]!.id)","domains":null,"urgency":"normal"}"#)
            #expect(signal.status == .unprocessableEntity)
            #expect(Self.fields(signal) == ["domains"])
            let headers: HTTPHeaders = ["Authorization": "Bearer \(api.token!)", "Accept": "application/json"]
            let bare = try await api.browser.send(
                .POST, "/api/v1/residents/search", headers: headers, body: #"{"query":"x"}"#)
            #expect(bare.status == .unsupportedMediaType)
            let long = try await api.send(
                .POST, "/api/v1/residents/search", json: #"{"query":"\#(String(repeating: "a", count: 101))"}"#)
            #expect(long.status == .unprocessableEntity)
            #expect(Self.fields(long) == ["query"])
        }
    }

    @Test("a method a path does not have is 405 with Allow, also where a pattern of another method matches")
    func methods() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let trace = try await api.send(.TRACE, "/api/v1/addresses")
            #expect(trace.status == .methodNotAllowed)
            #expect(trace.headers.first(name: "Allow") == "GET, POST")
            let put = try await api.send(.PUT, "/api/v1/residents/search", json: #"{"query":""}"#)
            #expect(put.status == .methodNotAllowed)
            #expect(put.headers.first(name: "Allow") == "POST")
            #expect(try await api.send(.GET, "/api/v1/nergens").status == .notFound)
        }
    }
}

@Suite("JSON API: activities and the HSDS description")
struct ActivityAPITests {
    @Test("the activities are read without login, per wijk, with places left and no personal data")
    func activities() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let (activity, day) = try await ActivityWebTests().lunch(server, world: world)
            let visitor = APIClient(server)
            let list = try await visitor.send(.GET, "/api/v1/activities?wijk=WK030709&days=14")
            #expect(list.status == .ok)
            let items = APIClient.json(list)["items"] as? [[String: Any]] ?? []
            #expect(items.first?["activityId"] as? String == activity.id.description)
            #expect(items.first?["date"] as? String == day.description)
            #expect(items.first?["placesLeft"] as? Int == 2)
            let elsewhere = try await visitor.send(.GET, "/api/v1/activities?wijk=WK030701")
            #expect((APIClient.json(elsewhere)["items"] as? [Any])?.isEmpty == true)
            let one = try await visitor.send(.GET, "/api/v1/activities/\(activity.id)")
            #expect(one.status == .ok)
            #expect(APIClient.json(one)["weekly"] as? Bool == true)
            #expect((APIClient.json(one)["dates"] as? [String])?.first == day.description)
            #expect(try await visitor.send(.GET, "/api/v1/activities/\(UUID())").status == .notFound)
            #expect(try await visitor.send(.GET, "/api/v1/activities?days=500").status == .unprocessableEntity)
            #expect(try await visitor.send(.GET, "/api/v1/activities?wijk=XX").status == .unprocessableEntity)
        }
    }

    @Test("the HSDA root points at the HSDS 3.0 description served beside it, which names this server")
    func hsdsDescription() async throws {
        try await withSchakel { server in
            let visitor = server.browser()
            let root = try await visitor.get("/api/hsds/")
            let url = try #require(APIClient.json(root)["openapi_url"] as? String)
            #expect(url.hasSuffix("/api/hsds/openapi.json") && url.hasPrefix("http://127.0.0.1:"))
            let document = try await visitor.get("/api/hsds/openapi.json")
            #expect(document.status == .ok)
            let json = APIClient.json(document)
            #expect((json["servers"] as? [[String: Any]])?.first?["url"] as? String == "/api/hsds")
            #expect((json["paths"] as? [String: Any])?["/services"] != nil)
            let ours = try await visitor.get("/api/openapi.yaml")
            #expect(ours.body.contains("/api/hsds/openapi.json"))
            #expect(ours.body.contains("/v1/activities"))
        }
    }
}
