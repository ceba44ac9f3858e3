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
