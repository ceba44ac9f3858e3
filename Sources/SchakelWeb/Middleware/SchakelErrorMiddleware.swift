import Foundation
import HTTPTypes
import OpenAPIRuntime
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

/// How an error is shown: status, a localisation key for the title and any field problems.
struct ErrorDescription {
    var status: HTTPResponseStatus
    var titleKey: String
    var problems: [FieldProblem] = []
    var headers: HTTPHeaders = [:]
    /// Values for the title's placeholders, e.g. the two states of a refused transition (localisation keys).
    var titleArguments: [String] = []
    /// Probable duplicates of a resident being created (API only).
    var duplicates: [Components.Schemas.ResidentSummary]?
    /// The problem type a script can act on (API only): `about:blank` unless the kind of error matters.
    var type = "about:blank"

    init(status: HTTPResponseStatus, titleKey: String? = nil, problems: [FieldProblem] = [], headers: HTTPHeaders = [:])
    {
        self.status = status
        self.titleKey = titleKey ?? "error.\(status.code)"
        self.problems = problems
        self.headers = headers
    }

    /// Maps every error to a client-safe description; unknown errors are a 500 without detail.
    /// The title in the reader's language, with its placeholders filled in.
    func title(_ t: Localizer) -> String {
        var text = t(titleKey)
        for (index, argument) in titleArguments.enumerated() {
            text = text.replacingOccurrences(of: "{\(index)}", with: t(argument))
        }
        return text
    }

    static func of(_ error: any Error) -> ErrorDescription {
        switch error {
        case let error as ValidationError:
            return .init(status: .unprocessableEntity, problems: error.problems)
        case let error as PossibleDuplicatesError:
            var description = ErrorDescription(status: .conflict, titleKey: "resident.duplicates")
            description.duplicates = error.matches.map(Wire.summary)
            return description
        case DomainError.notFound:
            return .init(status: .notFound)
        case DomainError.forbidden:
            return .init(status: .forbidden)
        case DomainError.conflict(let key):
            return .init(status: .conflict, titleKey: "conflict.\(key)")
        case DomainError.illegalTransition(let from, let to):
            var description = ErrorDescription(status: .conflict, titleKey: "conflict.transition")
            description.titleArguments = ["state." + from, "state." + to]
            return description
        case let error as CSRFError:
            // A script that sees this type fetches the current token and sends again.
            var description = ErrorDescription(status: .forbidden, titleKey: error.key)
            description.type = CSRFError.problemType
            return description
        case is NULCharacterError:
            // Well-formed, but a value that cannot be stored.
            return .init(status: .unprocessableEntity, titleKey: "error.nul")
        case let error as ThrottledError:
            return .init(status: .tooManyRequests, headers: ["Retry-After": String(error.seconds)])
        case let error as DecodingError:
            return .init(status: .badRequest, problems: [problem(of: error)])
        case let error as ServerError:
            // The generated API code wraps what a handler or the request parsing threw.
            if let decoding = decodingError(in: error.underlyingError) {
                return .init(status: .badRequest, problems: [problem(of: decoding)])
            }
            if let convertible = error.underlyingError as? any HTTPResponseConvertible,
                !(error.underlyingError is any AbortError)
            {
                return .init(status: HTTPResponseStatus(statusCode: convertible.httpStatus.code))
            }
            return of(error.underlyingError)
        case let error as any AbortError:
            return .init(status: error.status, headers: error.headers)
        default:
            return .init(status: .internalServerError)
        }
    }
}

/// The first `DecodingError` inside an error, found through its associated values.
private func decodingError(in error: any Error) -> DecodingError? {
    if let decoding = error as? DecodingError { return decoding }
    for child in Mirror(reflecting: error).children {
        if let decoding = child.value as? DecodingError { return decoding }
        if let nested = child.value as? any Error, let decoding = decodingError(in: nested) { return decoding }
    }
    return nil
}

/// The query parameter whose value a `DecodingError` from the URI decoder is about; that decoder gives no
/// coding path, so the parameter is found by its value: one that is not a number where a number was
/// expected, not true or false, or the value an enum could not be made from.
private func queryParameter(failing error: DecodingError, in request: Request) -> String? {
    guard let items = URLComponents(string: request.url.string)?.queryItems, !items.isEmpty else { return nil }
    switch error {
    case .typeMismatch(let type, let context) where context.codingPath.isEmpty:
        let valid: (String) -> Bool =
            switch type {
            case is Int.Type, is Int32.Type, is Int64.Type: { Int($0) != nil }
            case is Double.Type: { Double($0) != nil }
            case is Bool.Type: { $0 == "true" || $0 == "false" }
            default: { _ in true }
            }
        return items.first { !valid($0.value ?? "") }?.name
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
        return items.first { item in
            guard let value = item.value, !value.isEmpty else { return false }
            return context.debugDescription.hasSuffix("value \(value)")
        }?.name
    default:
        return nil
    }
}

/// Names the field a JSON body got wrong, without repeating its value.
private func problem(of error: DecodingError) -> FieldProblem {
    func path(_ context: DecodingError.Context, adding key: (any CodingKey)? = nil) -> String {
        let keys = context.codingPath + (key.map { [$0] } ?? [])
        let names = keys.map { $0.intValue.map { "[\($0)]" } ?? $0.stringValue }
        return names.isEmpty ? "body" : names.joined(separator: ".").replacingOccurrences(of: ".[", with: "[")
    }
    switch error {
    case .keyNotFound(let key, let context):
        return FieldProblem(field: path(context, adding: key), key: "required")
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
        return FieldProblem(field: path(context), key: "invalid")
    case .dataCorrupted(let context):
        if context.debugDescription.contains("Additional properties are disabled") {
            return FieldProblem(field: path(context), key: "unknownField")
        }
        return FieldProblem(field: path(context), key: context.codingPath.isEmpty ? "json" : "invalid")
    @unknown default:
        return FieldProblem(field: "body", key: "json")
    }
}

/// Turns every error into a Dutch (or English) HTML page, or `application/problem+json` under `/api`.
/// The body never repeats the input or the internal error, so no personal data leaks.
struct SchakelErrorMiddleware: AsyncMiddleware {
    let environment: Environment

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        do {
            return try await next.respond(to: request)
        } catch {
            var description = ErrorDescription.of(error)
            if request.isAPI, [.GET, .DELETE, .HEAD].contains(request.method),
                description.problems.count == 1, description.problems[0].field == "body",
                let server = error as? ServerError, let decoding = decodingError(in: server.underlyingError),
                let name = queryParameter(failing: decoding, in: request)
            {
                // A query parameter the generated code could not read: name it, not "body".
                description.problems[0].field = name
            }
            if description.status == .internalServerError {
                request.logger.error("Unhandled error: \(String(reflecting: type(of: error))): \(error)")
            }
            if description.status == .forbidden, !(error is CSRFError), request.authenticated != nil,
                !request.refusalNote.isLogged
            {
                // Every refusal is in the access log: the repositories log those they decide; a check made
                // before any data was read is logged here, with the route's pattern (never its values).
                try? await request.store.audit.record(
                    [
                        AuditEvent(
                            .accessDenied, objects: ["route:\(request.method) \(request.route?.pattern ?? "?")"])
                    ],
                    context: request.auditContext)
            }
            if request.isAPI {
                return Problem.response(description, localizer: Localizer(language: .nl))
            }
            if description.status == .unauthorized, request.method == .GET {
                return request.redirect(to: SiteRoute.login.path())
            }
            let response = ErrorPage.response(description, request: request)
            return response
        }
    }
}

/// The RFC 9457 problem document of the API; titles are Dutch.
struct Problem: Content {
    struct FieldError: Content {
        var field: String
        var code: String
        var message: String
    }

    var type: String
    var title: String
    var status: Int
    var errors: [FieldError]?
    var duplicates: [Components.Schemas.ResidentSummary]?

    static func response(_ description: ErrorDescription, localizer: Localizer) -> Response {
        let problem = Problem(
            type: description.type, title: description.title(localizer), status: Int(description.status.code),
            errors: description.problems.isEmpty
                ? nil
                : description.problems.map {
                    FieldError(
                        field: $0.field, code: $0.key, message: "\(localizer.field($0.field)) \(localizer.problem($0))")
                },
            duplicates: description.duplicates)
        let response = Response(status: description.status, headers: description.headers)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        response.body = .init(data: (try? encoder.encode(problem)) ?? Data())
        response.headers.contentType = HTTPMediaType(
            type: "application", subType: "problem+json", parameters: ["charset": "utf-8"])
        return response
    }
}

/// Creating a resident who is probably known already; carries what the caller may see of the matches.
struct PossibleDuplicatesError: Error {
    let matches: [ResidentSummary]
}

struct CSRFError: Error {
    let key = "error.csrf"
    /// The problem type of a refused token: resending with the current one can succeed.
    static let problemType = "urn:schakel:problem:csrf"
}

struct ThrottledError: Error {
    let seconds: Int
}
