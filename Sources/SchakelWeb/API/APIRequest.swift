import OpenAPIRuntime
import OpenAPIVapor
import SchakelCore
import SchakelStore
import Vapor

/// The Vapor request an API handler runs for; generated handlers only see the OpenAPI input.
enum APIRequest {
    @TaskLocal static var current: Request?

    static func require() throws -> Request {
        guard let request = current else { throw Abort(.internalServerError) }
        return request
    }

    /// The request and its logged-in caller; 401 when the bearer token is missing, unknown or revoked.
    static func authenticated() throws -> (Request, Authenticated) {
        let request = try require()
        guard let authenticated = request.authenticated else {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"])
        }
        return (request, authenticated)
    }
}

/// Makes the Vapor request available to the handlers, reads the body within the size limit,
/// and answers anonymous calls with 401 (except the token exchange and the public activities).
struct APIRequestMiddleware: AsyncMiddleware {
    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        let limit = request.schakel.configuration.maxBodySize
        if let length = request.headers.first(name: .contentLength).flatMap(Int.init), length > limit {
            throw Abort(.payloadTooLarge)
        }
        if request.body.data == nil, request.method != .GET, request.method != .HEAD {
            // Collecting here enforces the limit for chunked bodies too.
            _ = try await request.body.collect(max: limit).get()
        }
        let isTokenExchange = request.method == .POST && request.url.path == "/api/v1/auth/token"
        // The neighbourhood's activities are public, as their pages are (`security: []` in the document).
        let isPublic =
            request.method == .GET
            && (request.url.path == "/api/v1/activities" || request.url.path.hasPrefix("/api/v1/activities/"))
        if request.authenticated == nil && !isTokenExchange && !isPublic {
            throw Abort(.unauthorized, headers: ["WWW-Authenticate": "Bearer"])
        }
        return try await APIRequest.$current.withValue(request) {
            try await next.respond(to: request)
        }
    }
}

/// Serves the OpenAPI document, the source of truth of the API.
enum OpenAPIDocumentController {
    static let document: String = {
        guard let url = Bundle.module.url(forResource: "openapi", withExtension: "yaml"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "" }
        return text
    }()

    static func show(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: document))
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "yaml", parameters: ["charset": "utf-8"])
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }
}

extension Application {
    /// Registers the generated API handlers under `/api`.
    func registerAPI() throws {
        let api = grouped(APIRequestMiddleware())
        let transport = VaporTransport(routesBuilder: api)
        try SchakelAPI().registerHandlers(
            on: transport, serverURL: URL(string: "/api")!,
            configuration: Configuration(dateTranscoder: LenientISO8601Transcoder()))
        get("api", "openapi.yaml", use: OpenAPIDocumentController.show)
    }
}

/// Reads RFC 3339 times with or without fractional seconds (browsers send milliseconds, as in
/// `new Date().toISOString()`); writes them with milliseconds, so a stored moment reads back exactly.
struct LenientISO8601Transcoder: DateTranscoder {
    private let fractional = ISO8601DateTranscoder(options: [.withInternetDateTime, .withFractionalSeconds])
    private let whole = ISO8601DateTranscoder.iso8601

    func encode(_ date: Date) throws -> String { try fractional.encode(date) }

    func decode(_ text: String) throws -> Date {
        if let date = try? fractional.decode(text) { return date }
        return try whole.decode(text)
    }
}
