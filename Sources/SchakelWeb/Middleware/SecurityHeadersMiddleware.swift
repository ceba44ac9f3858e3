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
        let route = request.route.map { "/" + $0.path.map(\.description).joined(separator: "/") } ?? "(no route)"
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
