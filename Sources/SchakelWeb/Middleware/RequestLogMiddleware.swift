import Foundation
import SchakelCore
import Vapor

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
