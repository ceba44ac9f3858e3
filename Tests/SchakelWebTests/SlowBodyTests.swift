import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@testable import SchakelWeb

@Suite("Forms whose body arrives in pieces, and logins that do not tell which accounts exist")
struct SlowBodyTests {
    @Test("a login whose body arrives in two parts is accepted like one in a single part")
    func loginInPieces() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.get("/inloggen")
            let response = try await browser.postInPieces(
                "/inloggen", form: [("username", "socialworker"), ("password", World.password)], pieces: 2, pause: 0.05)
            #expect(response.status == 303)
        }
    }

    @Test("an address list uploaded in many parts is imported, not refused as a forged form")
    func uploadInPieces() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            let page = try await browser.get("/adressen/importeren")
            let token = try #require(page.inputValue(named: "_csrf"))
            var csv = "postcode;huisnummer;straat;plaats;buurtcode\n"
            for number in 1...3000 { csv += "3822AD;\(number);Nieuwe straat;Amersfoort;BU03070900\n" }
            let boundary = "----schakel-test"
            var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(token)\r\n"
            body += "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.csv\"\r\n"
            body += "Content-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
            #expect(body.utf8.count > 100_000)
            let response = try await browser.sendInPieces(
                "/adressen/importeren", contentType: "multipart/form-data; boundary=\(boundary)", body: Data(body.utf8),
                pieces: 8, pause: 0.02)
            #expect(response.status == 200)
            #expect(
                try await server.store.addresses.list(page: try Paging(), context: .commandLine).total == 3 + 3000)
        }
    }

    @Test("a form larger than the limit is 413, not a refused token")
    func tooLarge() async throws {
        try await withSchakel(configure: { $0.maxBodySize = 4096 }) { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/bewoners/nieuw")
            let response = try await browser.postInPieces(
                "/bewoners", form: [("givenName", String(repeating: "a", count: 10_000))], pieces: 3, pause: 0.02)
            #expect(response.status == 413)
        }
    }

    @Test("an unknown username is checked against a hash of the configured cost")
    func dummyHashCost() async throws {
        try await withSchakel(configure: { $0.bcryptCost = 6 }) { server in
            let hash = server.app.schakel.dummyPasswordHash
            #expect(hash.split(separator: "$")[1] == "06")
            let matches = try Bcrypt.verify("x", created: hash)
            #expect(!matches)
        }
    }
}

@Suite("Request targets no page has")
struct RequestTargetTests {
    @Test("a NUL in the path does not serve one file under another's type")
    func nulInPath() async throws {
        try await withSchakel { server in
            let browser = server.browser()
            let script = try await browser.get("/round.js")
            #expect(script.status == .ok)
            let trick = try await browser.get("/round.js%00.html")
            #expect(trick.status == .notFound)
            #expect(trick.headers.contentType?.description.hasPrefix("text/html") == true)
            #expect(!trick.body.contains("localStorage"))
        }
    }

    @Test("a very long address is answered 414 with a page, not a closed connection")
    func longURL() async throws {
        try await withSchakel { server in
            let response = try await server.browser().get("/kaart?q=" + String(repeating: "a", count: 20_000))
            #expect(response.status == .uriTooLong)
            #expect(response.body.contains("te lang"))
        }
    }
}
