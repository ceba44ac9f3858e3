import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// Drives the JSON API over HTTP with a bearer token.
struct APIClient {
    let browser: Browser
    var token: String?

    init(_ server: TestServer) {
        browser = server.browser()
    }

    mutating func login(_ username: String, password: String = World.password) async throws {
        let response = try await send(
            .POST, "/api/v1/auth/token", json: #"{"username":"\#(username)","password":"\#(password)"}"#)
        guard response.status == .created, let token = Self.json(response)["token"] as? String else {
            throw TestFailure("token exchange failed: \(response.status)")
        }
        self.token = token
    }

    func send(_ method: HTTPMethod, _ path: String, json: String? = nil, contentType: String = "application/json")
        async throws -> TestResponse
    {
        var headers: HTTPHeaders = ["Accept": "application/json"]
        if json != nil { headers.add(name: .contentType, value: contentType) }
        if let token { headers.add(name: .authorization, value: "Bearer \(token)") }
        return try await browser.send(method, path, headers: headers, body: json)
    }

    static func json(_ response: TestResponse) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(response.body.utf8))) as? [String: Any] ?? [:]
    }
}

@Suite("JSON API")
struct APITests {
    @Test("a token is issued for a right password only, and every other call needs it")
    func tokens() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            let anonymous = try await api.send(.GET, "/api/v1/residents")
            #expect(anonymous.status == .unauthorized)
            #expect(anonymous.headers.contentType?.description.hasPrefix("application/problem+json") == true)
            #expect(APIClient.json(anonymous)["title"] as? String == "Je bent niet ingelogd.")
            let wrong = try await api.send(
                .POST, "/api/v1/auth/token", json: #"{"username":"socialworker","password":"fout-fout-fout"}"#)
            #expect(wrong.status == .unauthorized)
            try await api.login("socialworker")
            let list = try await api.send(.GET, "/api/v1/residents?perPage=10")
            #expect(list.status == .ok)
            let items = APIClient.json(list)["items"] as? [[String: Any]] ?? []
            #expect(Set(items.compactMap { $0["name"] as? String }) == ["Annie de Vries", "Kemal Yılmaz"])
            let paging = APIClient.json(list)["paging"] as? [String: Any]
            #expect(paging?["total"] as? Int == 2)
        }
    }

    @Test("a revoked token no longer works")
    func revoke() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            #expect(try await api.send(.DELETE, "/api/v1/auth/token").status == .noContent)
            #expect(try await api.send(.GET, "/api/v1/residents").status == .unauthorized)
        }
    }

    @Test(
        "bad input gets a clear 4xx problem, never a 500",
        arguments: [
            ("{\"givenName\": \"Piet\", ", "application/json", 400, "body"),
            (
                "{\"givenName\": \"Piet\", \"familyName\": \"Smit\", \"shoeSize\": 43}", "application/json", 400,
                "shoeSize"
            ),
            ("{\"givenName\": 12, \"familyName\": \"Smit\"}", "application/json", 400, "givenName"),
            ("{\"familyName\": \"Smit\"}", "application/json", 400, "givenName"),
            ("givenName=Piet", "text/plain", 415, nil),
            (
                "{\"givenName\": \"\", \"familyName\": \"Smit\", \"dateOfBirth\": \"2099-01-01\"}", "application/json",
                422, "givenName"
            ),
        ] as [(String, String, Int, String?)])
    func badInput(body: String, contentType: String, status: Int, field: String?) async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let response = try await api.send(.POST, "/api/v1/residents", json: body, contentType: contentType)
            #expect(Int(response.status.code) == status)
            let problem = APIClient.json(response)
            #expect(problem["status"] as? Int == status)
            #expect((problem["title"] as? String)?.isEmpty == false)
            if let field {
                let errors = problem["errors"] as? [[String: Any]] ?? []
                #expect(errors.contains { $0["field"] as? String == field }, "errors: \(errors)")
            }
            let list = try await api.send(.GET, "/api/v1/residents")
            #expect((APIClient.json(list)["paging"] as? [String: Any])?["total"] as? Int == 2)
        }
    }

    @Test("an oversized body is refused with 413")
    func oversized() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let huge = "{\"givenName\": \"" + String(repeating: "a", count: 2 << 20) + "\", \"familyName\": \"x\"}"
            let response = try await api.send(.POST, "/api/v1/residents", json: huge)
            #expect(response.status == .payloadTooLarge)
        }
    }

    @Test(
        "invalid postcodes are refused with the field named, and nothing is written",
        arguments: ["1234 SA", "0123AB", "12345"])
    func invalidPostcode(postcode: String) async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("coordinator")
            let response = try await api.send(
                .POST, "/api/v1/addresses",
                json: #"{"postcode":"\#(postcode)","houseNumber":100000,"street":"Hof","place":"Amersfoort"}"#)
            #expect(response.status == .unprocessableEntity)
            let fields = (APIClient.json(response)["errors"] as? [[String: Any]] ?? []).compactMap {
                $0["field"] as? String
            }
            #expect(Set(fields) == ["postcode", "houseNumber"])
            let list = try await api.send(.GET, "/api/v1/addresses")
            #expect((APIClient.json(list)["paging"] as? [String: Any])?["total"] as? Int == 3)
        }
    }

    @Test("addresses are created, read and changed; a second one at the same number is a conflict")
    func addresses() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("coordinator")
            let body =
                #"{"postcode":"3822 ad","houseNumber":7,"houseLetter":"b","street":"Het Gein","place":"Amersfoort","latitude":52.185,"longitude":5.415,"buurtCode":"BU03070905"}"#
            let created = try await api.send(.POST, "/api/v1/addresses", json: body)
            #expect(created.status == .created)
            let address = APIClient.json(created)
            #expect(address["display"] as? String == "Het Gein 7B, 3822 AD Amersfoort")
            let id = try #require(address["id"] as? String)
            #expect(try await api.send(.POST, "/api/v1/addresses", json: body).status == .conflict)
            let updated = try await api.send(
                .PUT, "/api/v1/addresses/\(id)", json: body.replacingOccurrences(of: "Het Gein", with: "Het Gein-Oost"))
            #expect(APIClient.json(updated)["street"] as? String == "Het Gein-Oost")
            let byPostcode = try await api.send(.GET, "/api/v1/addresses?postcode=3822AD")
            #expect((APIClient.json(byPostcode)["items"] as? [Any])?.count == 1)
        }
    }

    @Test("a resident the caller may not see is a 403, an unknown one a 404")
    func residentAccess() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker2")
            let refused = try await api.send(.GET, "/api/v1/residents/\(world.residents["annie"]!.id)")
            #expect(refused.status == .forbidden)
            #expect(!refused.body.contains("Annie"))
            #expect(try await api.send(.GET, "/api/v1/residents/\(UUID())").status == .notFound)
            #expect(try await api.send(.GET, "/api/v1/residents/niet-een-id").status == .notFound)
            let own = try await api.send(.GET, "/api/v1/residents/\(world.residents["greet"]!.id)")
            #expect(APIClient.json(own)["view"] as? String == "full")
        }
    }

    @Test("a concierge gets the basic view: no date of birth, no consents")
    func basicView() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("concierge")
            let file = APIClient.json(try await api.send(.GET, "/api/v1/residents/\(world.residents["annie"]!.id)"))
            #expect(file["view"] as? String == "basic")
            #expect(file["dateOfBirth"] == nil)
            #expect(file["doorNotes"] as? String == "Bel twee keer, slechthorend.")
            #expect((file["consents"] as? [Any])?.isEmpty == true)
        }
    }

    @Test("creating a probable duplicate answers 409 with the existing record; confirmedNew creates it")
    func duplicates() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let body =
                #"{"givenName":"Annie","familyName":"de Vries","dateOfBirth":"1941-05-03","addressId":"\#(world.addresses["east1"]!.id)"}"#
            let conflict = try await api.send(.POST, "/api/v1/residents", json: body)
            #expect(conflict.status == .conflict)
            let duplicates = APIClient.json(conflict)["duplicates"] as? [[String: Any]] ?? []
            #expect(duplicates.first?["id"] as? String == world.residents["annie"]!.id.description)
            let created = try await api.send(
                .POST, "/api/v1/residents", json: String(body.dropLast()) + #","confirmedNew":true}"#)
            #expect(created.status == .created)
            #expect(APIClient.json(created)["view"] as? String == "full")
        }
    }

    @Test("households, consents and the timeline through the API")
    func householdsAndConsents() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let kemal = world.residents["kemal"]!.id
            let household = try await api.send(
                .POST, "/api/v1/households", json: #"{"residentId":"\#(kemal)","name":"Huishouden Yılmaz"}"#)
            #expect(household.status == .created)
            let householdID = try #require(APIClient.json(household)["id"] as? String)
            let read = APIClient.json(try await api.send(.GET, "/api/v1/households/\(householdID)"))
            #expect((read["members"] as? [[String: Any]])?.first?["name"] as? String == "Kemal Yılmaz")
            let consent = try await api.send(
                .POST, "/api/v1/residents/\(kemal)/consents",
                json:
                    #"{"purpose":"referral","recording":"verbal","organisationIds":["\#(world.organisations["ggz"]!.id)"]}"#
            )
            #expect(consent.status == .created)
            let consentID = try #require(APIClient.json(consent)["id"] as? String)
            #expect(
                try await api.send(.POST, "/api/v1/residents/\(kemal)/consents/\(consentID)/withdraw").status == .ok)
            #expect(
                try await api.send(.POST, "/api/v1/residents/\(kemal)/consents/\(consentID)/withdraw").status
                    == .conflict)
            let annie = world.residents["annie"]!.id
            let joined = try await api.send(
                .POST, "/api/v1/households/\(householdID)/members", json: #"{"residentId":"\#(annie)"}"#)
            #expect((APIClient.json(joined)["members"] as? [[String: Any]])?.count == 2)
            #expect(
                try await api.send(.DELETE, "/api/v1/households/\(householdID)/members/\(annie)").status == .noContent)
            #expect(
                try await api.send(.DELETE, "/api/v1/households/\(householdID)/members/\(annie)").status == .notFound)
            let timeline = APIClient.json(try await api.send(.GET, "/api/v1/residents/\(kemal)/timeline"))
            let kinds = (timeline["items"] as? [[String: Any]] ?? []).compactMap { $0["kind"] as? String }
            #expect(kinds == ["consent.withdrawn", "consent.given", "household.joined", "resident.created"])
        }
    }

    @Test("searching residents by POST keeps names out of the URL")
    func search() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let found = APIClient.json(
                try await api.send(.POST, "/api/v1/residents/search", json: #"{"query":"vries"}"#))
            #expect((found["items"] as? [[String: Any]])?.map { $0["name"] as? String } == ["Annie de Vries"])
            let badPaging = try await api.send(
                .POST, "/api/v1/residents/search", json: #"{"query":"vries","perPage":500}"#)
            #expect(badPaging.status == .unprocessableEntity)
        }
    }

    @Test("the OpenAPI document is served and neighbourhoods are paged")
    func document() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let spec = try await server.browser().get("/api/openapi.yaml")
            #expect(spec.status == .ok)
            #expect(spec.body.hasPrefix("openapi: 3.1.0"))
            var api = APIClient(server)
            try await api.login("policy")
            #expect(try await api.send(.GET, "/api/v1/neighbourhoods?perPage=0").status == .unprocessableEntity)
            #expect(try await api.send(.GET, "/api/v1/residents").status == .forbidden)
        }
    }
}
