import Foundation
import SchakelCore
import SchakelTestSupport
import SchakelViews
import Testing
import Vapor

@testable import SchakelWeb

@Suite("Names and texts with invisible characters")
struct InvisibleTextTests {
    @Test(
        "a name with a control character, or without a letter, is refused",
        arguments: [
            ("\u{0}", "name.control"), ("Jan\u{0}Evil", "name.control"), ("\u{200B}\u{200B}", "name.noLetter"),
            ("\u{202E}nav", "name.control"), ("Jan\nEvil", "name.control"), ("1234", "name.noLetter"),
        ])
    func refusedNames(name: String, problem: String) {
        #expect(name.personNameProblem == problem)
    }

    @Test("ordinary names pass", arguments: ["Çelik-de Vries", "Ŝtefan", "Nguyễn", "O'Brien", "Anna Maria", "李"])
    func ordinaryNames(name: String) {
        #expect(name.personNameProblem == nil)
    }

    @Test("what is shown leaves out control characters and direction overrides, keeps line breaks")
    func shownText() {
        #expect(H.escape("Jan\u{0}Evil") == "JanEvil")
        #expect(H.escape("kaas\u{202E}tab\u{2066}x\u{2069}") == "kaastabx")
        #expect(H.escape("regel 1\nregel 2\t–") == "regel 1\nregel 2\t–")
        #expect(H.escape("\u{85}<b>") == "&lt;b&gt;")
    }

    @Test("the API refuses such names with 422 naming the field, and a NUL anywhere, on both databases")
    func apiRefuses() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            var api = APIClient(server)
            try await api.login("socialworker")
            let address = world.addresses["east1"]!.id
            for (given, family) in [(#"Jan\u0007"#, "Jansen"), (#"\u200b\u200b"#, "Jansen"), ("Piet", #"\u202ekaas"#)] {
                let response = try await api.send(
                    .POST, "/api/v1/residents",
                    json: #"{"givenName":"\#(given)","familyName":"\#(family)","addressId":"\#(address)"}"#)
                #expect(response.status == .unprocessableEntity, "\(given) \(family)")
                let fields = (APIClient.json(response)["errors"] as? [[String: Any]] ?? []).compactMap {
                    $0["field"] as? String
                }
                #expect(!fields.isEmpty)
            }
            // A NUL is refused in any text, before it reaches a database that cannot store it; never a 500.
            for body in [
                #"{"givenName":"\u0000","familyName":"\u0000","addressId":"\#(address)"}"#,
                #"{"givenName":"Jan\u0000Evil","familyName":"Jansen","addressId":"\#(address)"}"#,
            ] {
                let response = try await api.send(.POST, "/api/v1/residents", json: body)
                #expect(response.status == .unprocessableEntity)
                #expect((APIClient.json(response)["title"] as? String)?.contains("NUL") == true)
            }
            let signal = try await api.send(
                .POST, "/api/v1/signals",
                json:
                    #"{"residentId":"\#(world.residents["annie"]!.id)","domains":["financien"],"urgency":"normal","observation":"Post\u0000 stapelt"}"#
            )
            #expect(signal.status == .unprocessableEntity)
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/bewoners/nieuw")
            let form = try await browser.send(
                .POST, "/bewoners", headers: ["Content-Type": "application/x-www-form-urlencoded"],
                body: "_csrf=\(browser.csrf ?? "")&givenName=Jan%00Evil&familyName=Jansen")
            #expect(form.status == .unprocessableEntity)
            #expect(form.body.contains("onzichtbaar stuurteken"))
        }
    }
}
