import Foundation
import Vapor

/// The web app's paths were English before they became Dutch (`/residents/…/edit` is now
/// `/bewoners/…/wijzigen`). A bookmark, a link in an e-mail or a round page left open on a phone still
/// works: a GET is sent on with 301, a form post with 308 (the browser sends the same form again).
struct OldPathRedirectMiddleware: AsyncMiddleware {
    static let prefixes = [
        "login": "inloggen", "logout": "uitloggen", "language": "taal", "admin": "beheer", "addresses": "adressen",
        "residents": "bewoners", "deliveries": "leveringen", "rounds": "rondes", "signals": "signalen",
        "tasks": "taken", "out-of-view": "uit-beeld",
    ]
    static let common = [
        "new": "nieuw", "edit": "wijzigen", "settings": "instellingen", "remove": "weghalen", "import": "importeren",
    ]
    /// Words that meant something else under each old prefix.
    static let words: [String: [String: String]] = [
        "admin": [
            "organisations": "organisaties", "users": "accounts", "neighbourhoods": "buurten", "audit": "toegangslog",
            "coverage": "werkgebied",
        ],
        "residents": [
            "search": "zoeken", "timeline": "tijdlijn", "consents": "toestemmingen", "withdraw": "intrekken",
            "household": "huishouden", "join": "koppelen", "leave": "verlaten", "deliveries": "leveringen",
            "contacts": "contacten", "activities": "activiteiten",
        ],
        "deliveries": ["pause": "pauzeren", "pauses": "pauzes", "end": "beeindigen"],
        "rounds": [
            "plan": "planning", "summary": "dagoverzicht", "move": "verplaatsen", "outcome": "uitkomst",
            "correction": "correctie",
        ],
        "signals": [
            "sent": "verstuurd", "reported": "gemeld", "deadlines": "termijnen", "rules": "regels",
            "transition": "stap", "assign": "toewijzen", "merge": "samenvoegen", "tasks": "taken",
        ],
        "tasks": ["done": "gedaan"],
        "out-of-view": ["visits": "bezoeken"],
    ]

    /// The Dutch path of an old English one, or nil when the path is not an old one.
    static func dutchPath(of path: String) -> String? {
        var segments = path.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard segments.count >= 2, segments[0].isEmpty, let first = prefixes[segments[1]] else { return nil }
        let words = Self.words[segments[1]] ?? [:]
        segments[1] = first
        for index in segments.indices.dropFirst(2) {
            segments[index] = words[segments[index]] ?? common[segments[index]] ?? segments[index]
        }
        return segments.joined(separator: "/")
    }

    func respond(to request: Request, chainingTo next: any AsyncResponder) async throws -> Response {
        guard let path = Self.dutchPath(of: request.url.path) else { return try await next.respond(to: request) }
        let target = path + (request.url.query.map { "?" + $0 } ?? "")
        let safe = request.method == .GET || request.method == .HEAD
        return request.redirect(to: target, redirectType: safe ? .permanent : .permanentPost)
    }
}
