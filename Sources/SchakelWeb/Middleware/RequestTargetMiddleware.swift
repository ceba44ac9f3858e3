import Foundation
import SchakelCore
import Vapor

/// Refuses addresses no page has: longer than 8 KB (414), or with a NUL or other control character in the
/// path (404), which the file system would otherwise cut short, serving one file under another's name.
struct RequestTargetMiddleware: AsyncMiddleware {
    static let maximumLength = 8192

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        if request.url.string.utf8.count > Self.maximumLength { throw Abort(.uriTooLong) }
        let path = request.url.path
        if path.contains("%00")
            || (path.removingPercentEncoding ?? path).unicodeScalars.contains(where: {
                $0.properties.generalCategory == .control
            })
        {
            throw Abort(.notFound)
        }
        return try await next.respond(to: request)
    }
}
