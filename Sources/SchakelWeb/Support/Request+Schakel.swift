import SchakelCore
import SchakelStore
import SchakelViews
import Vapor

/// The logged-in person for this request, set by the session or bearer-token middleware.
struct Authenticated: Sendable {
    var user: User
    var actor: Actor
    var session: WebSession?
    /// The API token the request came with, if any.
    var tokenID: UUID?
}

extension Request {
    private struct AuthenticatedKey: StorageKey {
        typealias Value = Authenticated
    }

    var authenticated: Authenticated? {
        get { storage[AuthenticatedKey.self] }
        set { storage[AuthenticatedKey.self] = newValue }
    }

    /// The logged-in person, or a 401 (which sends a browser to the login page).
    func requireAuthenticated() throws -> Authenticated {
        guard let authenticated else { throw Abort(.unauthorized) }
        return authenticated
    }

    /// Who acts and from where, for the audit log.
    var auditContext: AuditContext {
        AuditContext(actor: authenticated?.actor, accessPoint: accessPoint, refusals: refusalNote)
    }

    private struct RefusalNoteKey: StorageKey {
        typealias Value = RefusalNote
    }

    /// Whether a refusal of this request is in the access log already (one note per request).
    var refusalNote: RefusalNote {
        if let note = storage[RefusalNoteKey.self] { return note }
        let note = RefusalNote()
        storage[RefusalNoteKey.self] = note
        return note
    }

    /// The client's IP address. Behind a trusted proxy, the last `X-Forwarded-For` entry: the one the proxy
    /// added itself. Entries before it come from the client, who can write anything there.
    var accessPoint: String? {
        if schakel.configuration.trustForwardedFor,
            let forwarded = headers[.xForwardedFor].flatMap({ $0.split(separator: ",") }).last?
                .trimmingCharacters(in: .whitespaces).nonEmpty
        {
            return forwarded
        }
        return remoteAddress?.ipAddress
    }

    /// The interface language: the `lang` cookie, else Dutch.
    var language: Language {
        // Vapor parses the Cookie header on every access; a page asks for its words many times.
        if let language = storage[LanguageKey.self] { return language }
        let language = cookies["schakel_lang"].flatMap { Language(rawValue: $0.string) } ?? .nl
        storage[LanguageKey.self] = language
        return language
    }

    private struct LanguageKey: StorageKey {
        typealias Value = Language
    }

    var localizer: Localizer { Localizer(language: language) }

    /// Whether the request belongs to the JSON API (and errors are problem+json).
    var isAPI: Bool { url.path == "/api" || url.path.hasPrefix("/api/") }
}

extension Request {
    /// `scheme://host` of the address this request came to, for absolute links (a calendar feed, the HSDA
    /// root); nil when the Host header does not look like a host name.
    var linkBase: String? {
        let host = headers.first(name: .host) ?? ""
        guard !host.isEmpty, host.allSatisfy({ $0.isLetter || $0.isNumber || ".:-[]".contains($0) }) else { return nil }
        let scheme = headers.first(name: "X-Forwarded-Proto") == "https" ? "https" : "http"
        return scheme + "://" + host
    }
}

extension Route {
    /// The route's pattern as written in the routes (`/bewoners/:residentID`): for logs, never the values.
    var pattern: String { "/" + path.map(\.description).joined(separator: "/") }
}

extension Request {
    /// The size limit of this request's route. The routes declare it, but their body is read only after
    /// the middleware that must read it first (the CSRF token, the NUL and JSON checks).
    var bodyLimit: Int {
        if url.path == AddressController.importPath { return AddressController.importBodyLimit.value }
        return application.routes.defaultMaxBodySize.value
    }

    /// The whole body, read once within the route's limit (413 past it); later calls get the same bytes.
    func collectedBody() async throws -> ByteBuffer? {
        try await body.collect(max: bodyLimit).get()
    }
}

extension Request {
    /// A refused change to show on the page it came from, as the form's problem: a transition that no longer
    /// fits (often a colleague or another tab moved the record on meanwhile: it says where it is now), or a
    /// compare-and-set that found a newer revision. `nowIn` names where the record is now (`signal.nowIn`,
    /// `referral.nowIn`). Nil for any other error.
    func conflictProblem(_ error: any Error, nowIn: String = "signal.nowIn") -> FieldProblem? {
        let t = localizer
        switch error {
        case DomainError.illegalTransition(let from, let to):
            let text =
                t("conflict.transition", t("state." + from), t("state." + to)) + " "
                + t(nowIn, t("state." + from))
            return FieldProblem(field: "event", key: "signal.conflict:" + text)
        case DomainError.conflict(let key):
            return FieldProblem(field: "event", key: "signal.conflict:" + t("conflict." + key))
        default:
            return nil
        }
    }
}
