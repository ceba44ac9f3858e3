import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@testable import SchakelWeb

@Suite("Logging in and out")
struct LoginTests {
    @Test("a user logs in with the form and sees their home page")
    func login() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            let response = try await browser.login("socialworker")
            #expect(response.status == .seeOther)
            #expect(response.location == "/")
            let home = try await browser.get("/")
            #expect(home.status == .ok)
            #expect(home.body.contains("Welkom, Socialworker"))
            #expect(home.body.contains("Team Oost"))
            let cookie = try #require(response.headers[.setCookie].first { $0.hasPrefix("schakel_session=") })
            #expect(cookie.contains("HttpOnly"))
            #expect(cookie.contains("SameSite=Lax"))
        }
    }

    @Test("a wrong password gets a Dutch message and no session")
    func wrongPassword() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            let response = try await browser.login("socialworker", password: "niet-het-wachtwoord")
            #expect(response.status == .unauthorized)
            #expect(response.body.contains("Gebruikersnaam of wachtwoord klopt niet."))
            #expect(browser.cookie("schakel_session") == nil)
            #expect(try await browser.get("/").location == "/inloggen")
        }
    }

    @Test("after five failed logins the account is slowed down, even with the right password")
    func throttling() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            for _ in 0..<5 {
                #expect(try await browser.login("concierge", password: "fout-fout-fout").status == .unauthorized)
            }
            let blocked = try await browser.login("concierge")
            #expect(blocked.status == .tooManyRequests)
            #expect(blocked.headers.first(name: "Retry-After") == "15")
            #expect(blocked.body.contains("Te veel mislukte pogingen"))
            server.clock.advance(by: 16)
            #expect(try await browser.login("concierge").status == .seeOther)
        }
    }

    @Test("a form without the CSRF token is refused")
    func csrf() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.get("/inloggen")
            let response = try await browser.post(
                "/inloggen", form: [("username", "socialworker"), ("password", World.password)], includeCSRF: false)
            #expect(response.status == .forbidden)
            #expect(response.body.contains("Het formulier is verlopen"))
            let forged = try await browser.post(
                "/inloggen", form: [("username", "socialworker"), ("password", World.password), ("_csrf", "vervalst")])
            #expect(forged.status == .forbidden)
        }
    }

    @Test("logging out ends the session on the server, not only in the browser")
    func logout() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("coordinator")
            let secret = try #require(browser.cookie("schakel_session"))
            try await browser.get("/")
            let out = try await browser.post("/uitloggen", form: [])
            #expect(out.location == "/inloggen?uit=1")
            let replay = server.browser()
            replay.setCookie("schakel_session", secret)
            #expect(try await replay.get("/").location == "/inloggen")
        }
    }

    @Test("a session ends after 30 idle minutes and after 12 hours in any case")
    func timeouts() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let idle = server.browser()
            try await idle.login("coordinator")
            server.clock.advance(by: 29 * 60)
            #expect(try await idle.get("/").status == .ok)
            server.clock.advance(by: 31 * 60)
            #expect(try await idle.get("/").location == "/inloggen")

            let busy = server.browser()
            try await busy.login("socialworker")
            for _ in 0..<35 {
                server.clock.advance(by: 20 * 60)
                #expect(try await busy.get("/").status == .ok)
            }
            server.clock.advance(by: 25 * 60)
            #expect(try await busy.get("/").location == "/inloggen")
        }
    }

    @Test(
        "every response carries the security headers, error pages too",
        arguments: ["/inloggen", "/does-not-exist", "/healthz"])
    func securityHeaders(path: String) async throws {
        try await withSchakel { server in
            let response = try await server.browser().get(path)
            let csp = try #require(response.headers.first(name: "Content-Security-Policy"))
            #expect(csp.contains("frame-ancestors 'none'"))
            #expect(csp.contains("script-src 'self'"))
            #expect(!csp.contains("unsafe-inline"))
            #expect(response.headers.first(name: "X-Content-Type-Options") == "nosniff")
            #expect(response.headers.first(name: "Referrer-Policy") == "no-referrer")
        }
    }

    @Test("the interface switches to English and back")
    func language() async throws {
        try await withSchakel { server in
            let browser = server.browser()
            #expect(try await browser.get("/inloggen").body.contains("Inloggen"))
            let switched = try await browser.get("/taal?lang=en&back=/inloggen")
            #expect(switched.location == "/inloggen")
            #expect(try await browser.get("/inloggen").body.contains("Log in with your Schakel account."))
            #expect(try await browser.get("/taal?lang=nl&back=//evil.example").location == "/")
        }
    }

    @Test("the health check answers 200 while the database is reachable")
    func health() async throws {
        try await withSchakel { server in
            let response = try await server.browser().get("/healthz")
            #expect(response.status == .ok)
            #expect(response.body.contains("\"database\":\"ok\""))
        }
    }

    @Test("the health check reports an unreachable database with 503")
    func unreachableDatabase() async throws {
        // A PostgreSQL URL where nothing listens; nothing is migrated, so the app starts and must say it is unwell.
        try await withSchakel(configure: {
            $0.database = .postgres(url: "postgres://nobody@127.0.0.1:1/none?sslmode=disable", schema: nil)
            $0.autoMigrate = false
        }) { server in
            let response = try await server.browser().get("/healthz")
            #expect(response.status == .serviceUnavailable)
            #expect(response.body.contains("unreachable"))
        }
    }
}

@Suite("The client's address in the access log behind a proxy")
struct ForwardedForTests {
    @Test("behind a trusted proxy the log keeps the address the proxy added, not what the client wrote before it")
    func lastHop() async throws {
        try await withSchakel(configure: { $0.trustForwardedFor = true }) { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            browser.headers.replaceOrAdd(name: "X-Forwarded-For", value: "203.0.113.66, 198.51.100.7")
            try await browser.login("concierge")
            let log = try await server.store.audit.entries(
                resident: nil, from: nil, to: nil, page: try Paging(perPage: 100))
            let login = try #require(log.items.first { $0.event == "session.start" && $0.username == "concierge" })
            #expect(login.accessPoint == "198.51.100.7")
        }
    }
}
