import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

extension UpkeepListQuery: Content {}
extension ServiceForm: Content {}

/// Keeping the social map right: adding and changing services, their capacity and owner, and checking them.
/// For coordinators, social workers and administrators.
enum MapUpkeepController {

    /// The logged-in person, once the store has let them into the upkeep (it decides and logs a refusal).
    static func requireMaintainer(_ req: Request) async throws -> Authenticated {
        let authenticated = try req.requireAuthenticated()
        try await req.store.socialMap.authorizeUpkeep(context: req.auditContext)
        return authenticated
    }

    /// Six months: an entry not checked since is stale.
    static func staleBefore(_ req: Request) -> LocalDate { MapService.staleBefore(today: req.today) }

    static func index(req: Request) async throws -> Response {
        let authenticated = try await requireMaintainer(req)
        let query = try req.query.decode(UpkeepListQuery.self)
        let page = try await req.store.socialMap.search(
            MapQuery(
                text: query.q?.nonEmpty, sort: query.q?.nonEmpty == nil ? .name : .relevance, includeInactive: true,
                owner: query.mijn == "1" ? authenticated.user.id : nil,
                checkedBefore: query.verouderd == "1" ? staleBefore(req) : nil),
            page: try Paging(page: query.page, perPage: 25))
        let users = try await req.store.accounts.users()
        return req.page(
            MapUpkeepPages.index(
                page, query: query, owners: Dictionary(uniqueKeysWithValues: users.map { ($0.id, $0.displayName) }),
                context: req.pageContext))
    }

    static func new(req: Request) async throws -> Response {
        let authenticated = try await requireMaintainer(req)
        var form = ServiceForm()
        form.ownerID = authenticated.user.id.description
        form.acceptsReferrals = "on"
        form.city = "Amersfoort"
        return try await formPage(form, id: nil, problems: [], req: req)
    }

    static func edit(req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        let id = try req.entityID(MapService.self, "serviceID")
        let hit = try await req.store.socialMap.service(id, includeInactive: true)
        var form = ServiceForm(hit)
        form.answeringOrganisationID = try await hit.service.organizationID.flatMap(UUID.init(uuidString:))
            .asyncMap { try await req.store.socialMap.answeringOrganisation(of: $0) }??.description
        return try await formPage(form, id: id, problems: [], req: req)
    }

    static func create(req: Request) async throws -> Response {
        try await save(id: nil, req: req)
    }

    static func update(req: Request) async throws -> Response {
        try await save(id: try req.entityID(MapService.self, "serviceID"), req: req)
    }

    private static func save(id: MapService.ID?, req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        let form = try req.content.decode(ServiceForm.self)
        let repository = req.store.socialMap
        do {
            let existing = try await id.asyncMap { try await repository.service($0, includeInactive: true) }
            let organizations = try await repository.organizationNames()
            var (draft, upkeep) = try form.draft(
                id: (id ?? req.store.ids()).uuid, organizations: organizations, terms: try await repository.terms())
            if var place = draft.place, place.latitude == nil, let postcode = try? Postcode(place.postcode) {
                // Where the register knows the postcode, the map can measure distance to it.
                let coordinate = try await repository.coordinate(of: postcode)
                place.latitude = coordinate?.latitude
                place.longitude = coordinate?.longitude
                draft.place = place
            }
            draft.lastChecked = existing?.service.lastChecked ?? req.today
            draft.ownerEmail = existing?.service.ownerEmail
            let document = existing.map { draft.merged(into: $0.service.document) } ?? draft.document()
            let saved = try await repository.save(document, upkeep: upkeep, context: req.auditContext)
            try await repository.setAnsweringOrganisation(
                of: draft.organizationID,
                to: try form.answeringOrganisationID?.nonEmpty.map { try Organisation.ID(parsing: $0) },
                context: req.auditContext)
            return req.redirect(to: SiteRoute.mapService(.value(saved.id)).path(), redirectType: .normal)
        } catch let error as ValidationError {
            let page = try await formPage(form, id: id, problems: error.problems, req: req)
            page.status = .unprocessableEntity
            return page
        }
    }

    static func markChecked(req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        let id = try req.entityID(MapService.self, "serviceID")
        try await req.store.socialMap.markChecked(id, by: nil, context: req.auditContext)
        return req.redirect(to: SiteRoute.upkeep(.index).path(query: [("verouderd", "1")]), redirectType: .normal)
    }

    // MARK: Kinds of help

    struct TermForm: Content {
        var name: String?
    }

    static func terms(req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        return try await termsPage(req, problems: [], typed: nil, typedWords: nil)
    }

    /// The kinds of help and the map's own search words, with what was typed when something was refused.
    static func termsPage(_ req: Request, problems: [FieldProblem], typed: String?, typedWords: String?)
        async throws -> Response
    {
        let map = req.store.socialMap
        let page = req.page(
            MapUpkeepPages.terms(
                try await map.terms(), synonyms: try await map.ownSynonymGroups(),
                standardGroups: SearchVocabulary.standard.groups.count, problems: problems, typed: typed,
                typedWords: typedWords, context: req.pageContext))
        if !problems.isEmpty { page.status = .unprocessableEntity }
        return page
    }

    struct SynonymForm: Content {
        var words: String?
    }

    static func addSynonyms(req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        let form = try req.content.decode(SynonymForm.self)
        do {
            try await req.store.socialMap.addSynonymGroup(form.words ?? "", context: req.auditContext)
            return req.redirect(to: SiteRoute.upkeep(.terms).path(fragment: "zoekwoorden"), redirectType: .normal)
        } catch let error as ValidationError {
            return try await termsPage(req, problems: error.problems, typed: nil, typedWords: form.words)
        }
    }

    static func removeSynonyms(req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        guard let id = req.parameters.get("groupID").flatMap(UUID.init(uuidString:)) else {
            throw DomainError.notFound(kind: "synonyms")
        }
        try await req.store.socialMap.removeSynonymGroup(id, context: req.auditContext)
        return req.redirect(to: SiteRoute.upkeep(.terms).path(fragment: "zoekwoorden"), redirectType: .normal)
    }

    static func addTerm(req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        let form = try req.content.decode(TermForm.self)
        do {
            _ = try await req.store.socialMap.addTerm(named: form.name ?? "", context: req.auditContext)
            return req.redirect(to: SiteRoute.upkeep(.terms).path(), redirectType: .normal)
        } catch let error as ValidationError {
            return try await termsPage(req, problems: error.problems, typed: form.name, typedWords: nil)
        }
    }

    static func renameTerm(req: Request) async throws -> Response {
        _ = try await requireMaintainer(req)
        let form = try req.content.decode(TermForm.self)
        do {
            try await req.store.socialMap.renameTerm(
                req.parameters.get("termID") ?? "", to: form.name ?? "", context: req.auditContext)
            return req.redirect(to: SiteRoute.upkeep(.terms).path(), redirectType: .normal)
        } catch let error as ValidationError {
            return try await termsPage(req, problems: error.problems, typed: nil, typedWords: nil)
        }
    }

    private static func formPage(_ form: ServiceForm, id: MapService.ID?, problems: [FieldProblem], req: Request)
        async throws -> Response
    {
        let users = try await req.store.accounts.users().filter { $0.active && AccessPolicy.canMaintainMap($0.role) }
        return req.page(
            MapUpkeepPages.form(
                form, id: id, organizations: try await req.store.socialMap.organizationNames(),
                terms: try await req.store.socialMap.terms(), owners: users,
                partners: try await req.store.accounts.organisations().sorted { $0.name < $1.name }, problems: problems,
                context: req.pageContext))
    }
}
