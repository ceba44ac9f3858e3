import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

/// Logging in and out on the web, with slowing down after repeated failures.
enum LoginController {
    struct LoginForm: Content {
        var username: String
        var password: String
    }

    /// Failures counted per account and per source within this window.
    static let failureWindow: TimeInterval = 15 * 60
    static let freeAttempts = 5

    static func show(req: Request) async throws -> Response {
        if req.authenticated != nil { return req.redirect(to: SiteRoute.home.path()) }
        let notice: String? =
            req.query[String.self, at: "uit"] != nil
            ? req.localizer("login.loggedOut")
            : (req.storage[WebSessionMiddleware.SessionExpiredKey.self] == true ? req.localizer("login.expired") : nil)
        return req.page(LoginPages.login(username: "", message: notice, isError: false, context: req.pageContext))
    }

    static func login(req: Request) async throws -> Response {
        let form = try req.content.decode(LoginForm.self)
        let username = form.username.trimmingCharacters(in: .whitespaces).lowercased()
        do {
            let user = try await authenticate(username: username, password: form.password, request: req)
            let started = try await req.store.sessions.startSession(
                for: user.id,
                context: AuditContext(
                    actor: try await req.store.accounts.actor(for: user), accessPoint: req.accessPoint))
            let response = req.redirect(to: SiteRoute.home.path(), redirectType: .normal)
            response.cookies[WebSessionMiddleware.cookieName] = .init(
                string: started.secret, maxAge: Int(req.schakel.configuration.sessions.absoluteTimeout), path: "/",
                isSecure: req.schakel.configuration.secureCookies, isHTTPOnly: true, sameSite: .lax)
            return response
        } catch let error as ThrottledError {
            let page = req.page(
                LoginPages.login(
                    username: username, message: req.localizer("login.throttled", error.seconds), isError: true,
                    context: req.pageContext))
            page.status = .tooManyRequests
            page.headers.replaceOrAdd(name: "Retry-After", value: String(error.seconds))
            return page
        } catch is LoginFailed {
            let page = req.page(
                LoginPages.login(
                    username: username, message: req.localizer("login.failed"), isError: true, context: req.pageContext)
            )
            page.status = .unauthorized
            return page
        }
    }

    struct LoginFailed: Error {}

    /// Checks the password, unless the account or the source is slowed down; used by the web and the API.
    static func authenticate(username: String, password: String, request: Request) async throws -> User {
        let sessions = request.store.sessions
        let keys = ["user:" + username] + (request.accessPoint.map { ["ip:" + $0] } ?? [])
        for key in keys {
            let recent = try await sessions.recentFailures(key: key, within: failureWindow)
            if let wait = delay(afterFailures: recent.count, latest: recent.latest, now: request.store.clock.now()) {
                throw ThrottledError(seconds: wait)
            }
        }
        let credentials = try await request.store.accounts.credentials(username: username)
        // Verify against a hash of the configured cost for unknown users, so timing does not tell which
        // usernames exist.
        let hash = credentials?.passwordHash ?? request.schakel.dummyPasswordHash
        let matches = try await request.password.async.verify(password, created: hash)
        guard let credentials, matches, credentials.user.active else {
            try await sessions.recordFailure(keys: keys)
            throw LoginFailed()
        }
        try await sessions.clearFailures(key: "user:" + username)
        return credentials.user
    }

    /// Seconds still to wait: none for the first five failures, then 15 s doubling per failure, at most 15 minutes.
    static func delay(afterFailures count: Int, latest: Date?, now: Date) -> Int? {
        guard count >= freeAttempts, let latest else { return nil }
        let wait = min(15 * pow(2, Double(count - freeAttempts)), 15 * 60)
        let remaining = latest.addingTimeInterval(wait).timeIntervalSince(now)
        return remaining > 0 ? Int(remaining.rounded(.up)) : nil
    }

    static func logout(req: Request) async throws -> Response {
        if let session = req.authenticated?.session {
            try await req.store.sessions.endSession(session.id, context: req.auditContext)
        }
        let response = req.redirect(to: SiteRoute.login.path(query: [("uit", "1")]), redirectType: .normal)
        response.cookies[WebSessionMiddleware.cookieName] = .expired
        return response
    }

    /// Sets the language cookie and returns to the page the switch was on.
    static func language(req: Request) async throws -> Response {
        let language = (try? req.query.get(String.self, at: "lang")).flatMap(Language.init(rawValue:)) ?? .nl
        // Only a local path: never redirect elsewhere.
        let back =
            (try? req.query.get(String.self, at: "back")).flatMap {
                $0.hasPrefix("/") && !$0.hasPrefix("//") && !$0.contains("\\") ? $0 : nil
            } ?? "/"
        let response = req.redirect(to: back, redirectType: .normal)
        response.cookies["schakel_lang"] = .init(
            string: language.rawValue, maxAge: 365 * 86400, path: "/", isHTTPOnly: true, sameSite: .lax)
        return response
    }
}
