import NIOCore
import SchakelCore
import SchakelStore
import Vapor

/// Finds who is calling: a bearer token under `/api`, else the session cookie.
/// Unknown, expired or disabled credentials leave the request anonymous.
struct WebSessionMiddleware: AsyncMiddleware {
    static let cookieName = "schakel_session"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let store = request.store
        if request.isAPI, let bearer = request.headers.bearerAuthorization?.token {
            if let owner = try await store.sessions.tokenOwner(secret: bearer),
                let (user, actor) = try await store.accounts.userAndActor(owner.user), user.active
            {
                request.authenticated = Authenticated(user: user, actor: actor, session: nil, tokenID: owner.tokenID)
            }
        } else if let secret = request.cookies[Self.cookieName]?.string, !secret.isEmpty {
            if let session = try await store.sessions.session(
                secret: secret, policy: request.schakel.configuration.sessions),
                let (user, actor) = try await store.accounts.userAndActor(session.userID), user.active
            {
                request.authenticated = Authenticated(user: user, actor: actor, session: session, tokenID: nil)
            } else {
                request.storage[SessionExpiredKey.self] = true
            }
        }
        let response = try await next.respond(to: request)
        if request.storage[SessionExpiredKey.self] == true, request.authenticated == nil {
            response.cookies[Self.cookieName] = .expired
        }
        return response
    }

    struct SessionExpiredKey: StorageKey {
        typealias Value = Bool
    }
}

extension HTTPCookies.Value {
    static var expired: HTTPCookies.Value {
        .init(
            string: "", expires: Date(timeIntervalSince1970: 0), maxAge: 0, path: "/", isHTTPOnly: true, sameSite: .lax)
    }
}

/// Refuses state-changing requests that do not prove they come from Schakel's own pages:
/// forms carry `_csrf`, script calls with a session cookie send `X-CSRF-Token`. Bearer-token calls
/// carry no ambient credential and need neither.
struct CSRFMiddleware: AsyncMiddleware {
    static let preSessionCookie = "schakel_csrf"

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let safe: [HTTPMethod] = [.GET, .HEAD, .OPTIONS]
        if !safe.contains(request.method) && !request.isAPI {
            let expected = request.authenticated?.session?.csrfToken ?? request.cookies[Self.preSessionCookie]?.string
            var given = request.headers.first(name: "X-CSRF-Token")
            if given == nil {
                // A body may still be arriving in pieces: read all of it (within the size limit, else 413)
                // before looking for the form's token, or a slow upload would look like a forged one.
                _ = try await request.collectedBody()
                given = try? request.content.get(String.self, at: "_csrf")
            }
            guard let expected, let given, constantTimeEquals(expected, given) else { throw CSRFError() }
        } else if !safe.contains(request.method), request.isAPI, let session = request.authenticated?.session {
            guard let given = request.headers.first(name: "X-CSRF-Token"), constantTimeEquals(session.csrfToken, given)
            else {
                throw CSRFError()
            }
        }
        let response = try await next.respond(to: request)
        if let fresh = request.storage[FreshTokenKey.self] {
            response.cookies[Self.preSessionCookie] = .init(
                string: fresh, path: "/", isSecure: request.schakel.configuration.secureCookies, isHTTPOnly: true,
                sameSite: .strict)
        }
        return response
    }

    struct FreshTokenKey: StorageKey {
        typealias Value = String
    }
}

extension Request {
    /// The token forms must return: the session's, or before login a cookie-bound one (double submit).
    var csrfToken: String {
        if let token = authenticated?.session?.csrfToken { return token }
        if let token = cookies[CSRFMiddleware.preSessionCookie]?.string, !token.isEmpty { return token }
        if let token = storage[CSRFMiddleware.FreshTokenKey.self] { return token }
        let token = SessionRepository.newSecret()
        storage[CSRFMiddleware.FreshTokenKey.self] = token
        return token
    }
}

/// Compares secrets without leaking through timing where they differ.
func constantTimeEquals(_ a: String, _ b: String) -> Bool {
    let x = Array(a.utf8)
    let y = Array(b.utf8)
    guard x.count == y.count else { return false }
    var difference: UInt8 = 0
    for index in x.indices { difference |= x[index] ^ y[index] }
    return difference == 0
}

/// Refuses a request body that holds a NUL character, raw or written as `\u0000` in JSON or `%00` in a
/// form: no text of Schakel may contain one, PostgreSQL cannot store one, and SQLite would cut the text
/// off where it stands when shown.
struct NULCharacterMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if [.POST, .PUT, .PATCH].contains(request.method) {
            if let body = try await request.collectedBody(),
                Self.holdsNUL(body.readableBytesView, contentType: request.headers.contentType)
            {
                throw NULCharacterError()
            }
        }
        return try await next.respond(to: request)
    }

    /// Whether the body holds a NUL: as a raw byte in any body, escaped as `\u0000` in JSON, as `%00` in a
    /// URL-encoded form (where a typed `%` itself is `%25`).
    static func holdsNUL(_ bytes: ByteBufferView, contentType: HTTPMediaType?) -> Bool {
        if bytes.contains(0) { return true }
        if contentType == .json { return bytes.firstRange(of: Array("\\u0000".utf8)) != nil }
        if contentType == .urlEncodedForm { return bytes.firstRange(of: Array("%00".utf8)) != nil }
        return false
    }
}

/// A request body with a NUL character.
struct NULCharacterError: Error {}
