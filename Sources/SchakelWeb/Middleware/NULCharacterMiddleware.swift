import Foundation
import NIOCore
import SchakelCore
import Vapor

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
