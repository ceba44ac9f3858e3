import Foundation
import SchakelCore
import Vapor

/// Security headers on every response, errors included. No inline script or style is allowed,
/// and no page may be framed.
struct SecurityHeadersMiddleware: AsyncMiddleware {
    static let contentSecurityPolicy = [
        "default-src 'self'", "script-src 'self'", "style-src 'self'", "img-src 'self' data:",
        "connect-src 'self'", "form-action 'self'", "frame-ancestors 'none'", "base-uri 'none'", "object-src 'none'",
    ].joined(separator: "; ")

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let response = try await next.respond(to: request)
        let headers = [
            ("Content-Security-Policy", Self.contentSecurityPolicy),
            ("X-Content-Type-Options", "nosniff"),
            ("X-Frame-Options", "DENY"),
            ("Referrer-Policy", "no-referrer"),
            ("Permissions-Policy", "geolocation=(self), camera=(), microphone=()"),
            ("Cross-Origin-Opener-Policy", "same-origin"),
        ]
        for (name, value) in headers { response.headers.replaceOrAdd(name: name, value: value) }
        if response.headers.first(name: .cacheControl) == nil, !request.url.path.hasPrefix("/static/") {
            // Personal data must not linger in shared or browser caches.
            response.headers.replaceOrAdd(name: .cacheControl, value: "no-store")
        }
        return response
    }
}

/// Logs each request by method, route pattern, status and duration; never the path or query,
/// which may contain personal data.
struct RequestLogMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let start = ContinuousClock.now
        do {
            let response = try await next.respond(to: request)
            log(request, status: response.status.code, start: start)
            return response
        } catch {
            log(request, status: (error as? any AbortError)?.status.code ?? 500, start: start)
            throw error
        }
    }

    private func log(_ request: Request, status: UInt, start: ContinuousClock.Instant) {
        let route = request.route?.pattern ?? "(no route)"
        let elapsed = ContinuousClock.now - start
        let millis = Double(elapsed.components.attoseconds) / 1e15 + Double(elapsed.components.seconds) * 1000
        request.logger.info("\(request.method) \(route) \(status) \(String(format: "%.1f", millis))ms")
    }
}

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

/// Holds JSON bodies of the API to what the OpenAPI document allows where the generated decoder is
/// lenient: `null` is not a value of any field (leave the field out), and a body needs a content type.
struct APIBodyMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard request.isAPI, [.POST, .PUT, .PATCH].contains(request.method) else {
            return try await next.respond(to: request)
        }
        if let body = try await request.collectedBody(), body.readableBytes > 0 {
            guard request.headers.contentType != nil else { throw Abort(.unsupportedMediaType) }
            if request.headers.contentType == .json,
                let value = try? JSONSerialization.jsonObject(with: Data(body.readableBytesView), options: []),
                let field = Self.firstNull(in: value, path: "")
            {
                throw ValidationError(field: field.isEmpty ? "body" : field, key: "null")
            }
        }
        return try await next.respond(to: request)
    }

    /// The path of the first `null` in a JSON value (`domains`, `items[2].name`), or nil.
    static func firstNull(in value: Any, path: String) -> String? {
        if value is NSNull { return path }
        if let object = value as? [String: Any] {
            for key in object.keys.sorted() {
                if let found = firstNull(in: object[key]!, path: path.isEmpty ? key : "\(path).\(key)") {
                    return found
                }
            }
        }
        if let array = value as? [Any] {
            for (index, item) in array.enumerated() {
                if let found = firstNull(in: item, path: "\(path)[\(index)]") { return found }
            }
        }
        return nil
    }
}
