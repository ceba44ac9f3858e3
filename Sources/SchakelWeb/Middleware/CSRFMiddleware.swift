import Foundation
import NIOCore
import SchakelCore
import SchakelStore
import Vapor

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
