import Foundation
import SchakelCore
import Vapor

/// Answers 405 with an `Allow` header, instead of 404, when the path exists but not for this method
/// (TRACE, or a DELETE on a list).
struct MethodNotAllowedMiddleware: AsyncMiddleware {
    /// The methods of each fixed path (one without parameters), read from the routes once they are all there.
    struct FixedPathsKey: StorageKey {
        typealias Value = [String: Set<String>]
    }

    static func fixedPaths(of routes: Routes) -> [String: Set<String>] {
        var paths: [String: Set<String>] = [:]
        for route in routes.all where route.path.allSatisfy({ if case .constant = $0 { true } else { false } }) {
            paths[route.pattern, default: []].insert(route.method.rawValue)
        }
        return paths
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let parts = request.url.path.split(separator: "/").map(String.init)
        // A fixed path (`/api/v1/residents/search`) answers only its own methods, even where a pattern of
        // another method (`PUT /api/v1/residents/{residentId}`) would match it too.
        if let methods = request.application.storage[FixedPathsKey.self]?["/" + parts.joined(separator: "/")],
            !methods.contains(request.method.rawValue), request.method != .HEAD
        {
            throw Abort(.methodNotAllowed, headers: ["Allow": methods.sorted().joined(separator: ", ")])
        }
        do {
            return try await next.respond(to: request)
        } catch let error as any AbortError where error.status == .notFound && request.route == nil {
            let allowed = Set(
                request.application.routes.all.filter { Self.matches($0.path, parts) }.map(\.method.rawValue))
            guard !allowed.isEmpty, !allowed.contains(request.method.rawValue) else { throw error }
            throw Abort(.methodNotAllowed, headers: ["Allow": allowed.sorted().joined(separator: ", ")])
        }
    }

    static func matches(_ pattern: [PathComponent], _ parts: [String]) -> Bool {
        if case .catchall = pattern.last { return parts.count >= pattern.count - 1 }
        guard pattern.count == parts.count else { return false }
        for (component, part) in zip(pattern, parts) {
            switch component {
            case .constant(let text): if text != part { return false }
            case .parameter, .anything, .catchall: continue
            }
        }
        return true
    }
}
