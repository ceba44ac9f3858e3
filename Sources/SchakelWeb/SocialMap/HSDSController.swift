import Foundation
import SchakelCore
import SchakelStore
import Vapor

/// The social map as Open Referral HSDA 3.0 under `/api/hsds/`: public, read-only, paged as HSDA prescribes
/// (`total_items`, `total_pages`, `page_number`, `size`, `first_page`, `last_page`, `empty`, `contents`).
enum HSDSController {
    struct ListQuery: Content {
        var search: String?
        var page: Int?
        var per_page: Int?
        var taxonomy_term_id: String?
        var taxonomy_id: String?
        var organization_id: String?
        var parent_id: String?
        var top_only: Bool?

        func paging() throws -> Paging {
            do {
                return try Paging(page: page, perPage: per_page ?? 50)
            } catch let error as ValidationError {
                throw ValidationError(
                    error.problems.map {
                        FieldProblem(field: $0.field == "perPage" ? "per_page" : $0.field, key: $0.key)
                    })
            }
        }
    }

    static func register(_ app: Application) {
        let hsds = app.grouped("api", "hsds")
        hsds.get(use: root)
        hsds.get("openapi.json", use: openAPI)
        hsds.get("services", use: services)
        hsds.get("services", ":id", use: service)
        hsds.get("organizations", use: organizations)
        hsds.get("organizations", ":id", use: organization)
        hsds.get("service_at_locations", use: serviceAtLocations)
        hsds.get("service_at_locations", ":id", use: serviceAtLocation)
        hsds.get("taxonomies", use: taxonomies)
        hsds.get("taxonomies", ":id", use: taxonomy)
        hsds.get("taxonomy_terms", use: taxonomyTerms)
        hsds.get("taxonomy_terms", ":id", use: taxonomyTerm)
    }

    /// The HSDS 3.0 API description, with Schakel's title and server filled in.
    static let openAPIDocument: String = {
        guard let url = Bundle.module.url(forResource: "hsds-openapi", withExtension: "json"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { return "{}" }
        return text
    }()

    static func openAPI(req: Request) async throws -> Response {
        let response = Response(status: .ok, body: .init(string: openAPIDocument))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=300")
        return response
    }

    /// Where this server serves the HSDS API description, as an absolute URL (the field is a `uri`), from
    /// the host the request came to when it looks like one; else the specification's own file.
    static func documentURL(_ req: Request) -> String {
        req.linkBase.map { $0 + "/api/hsds/openapi.json" }
            ?? "https://raw.githubusercontent.com/openreferral/specification/3.0/schema/openapi.json"
    }

    static func root(req: Request) async throws -> Response {
        json(
            .object([
                "version": .string("3.0"), "profile": .string("https://openreferral.org"),
                "openapi_url": .string(documentURL(req)),
            ]))
    }

    static func services(req: Request) async throws -> Response {
        let query = try req.query.decode(ListQuery.self)
        let organization = try query.organization_id?.nonEmpty.map { text in
            guard let id = UUID(uuidString: text) else {
                throw ValidationError(field: "organization_id", key: "hsds.uuid")
            }
            return id
        }
        let page = try await req.store.socialMap.searchDocuments(
            MapQuery(
                text: query.search, term: query.taxonomy_term_id,
                sort: query.search?.nonEmpty == nil ? .name : .relevance,
                includeInactive: true, organizationID: organization),
            page: try query.paging())
        // The stored documents go out as they are, without parsing them again.
        var envelope = paged(page.map { _ in JSONValue.null })
        envelope["contents"] = nil
        return json(
            text: "{\"contents\":[" + page.items.joined(separator: ",") + "]," + envelope.serialized().dropFirst())
    }

    static func service(req: Request) async throws -> Response {
        let id = try req.entityID(MapService.self, "id")
        var document = try await req.store.socialMap.service(id, includeInactive: true).service.document
        // How the service answers referrals, as attributes of the service (from five referrals on).
        if let figures = try await req.store.referrals(req.auditContext).responsiveness(of: [id])[id] {
            let measured = SocialMapRepository.responsivenessAttributes(of: id, figures)
            if !measured.isEmpty {
                let kept: [JSONValue] =
                    if case .array(let items) = document["attributes"] ?? .null {
                        items.filter { $0["link_type"]?.text != "referral_responsiveness" }
                    } else { [] }
                document["attributes"] = .array(kept + measured)
            }
        }
        return json(document)
    }

    static func organizations(req: Request) async throws -> Response {
        let query = try req.query.decode(ListQuery.self)
        return json(
            paged(try await req.store.socialMap.organizations(matching: query.search, page: try query.paging())))
    }

    static func organization(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw DomainError.notFound(kind: "organization")
        }
        return json(try await req.store.socialMap.organization(id))
    }

    static func serviceAtLocations(req: Request) async throws -> Response {
        let query = try req.query.decode(ListQuery.self)
        return json(paged(try await req.store.socialMap.serviceAtLocations(page: try query.paging())))
    }

    static func serviceAtLocation(req: Request) async throws -> Response {
        guard let id = req.parameters.get("id").flatMap(UUID.init(uuidString:)) else {
            throw DomainError.notFound(kind: "service_at_location")
        }
        return json(try await req.store.socialMap.serviceAtLocation(id))
    }

    static func taxonomies(req: Request) async throws -> Response {
        let query = try req.query.decode(ListQuery.self)
        let paging = try query.paging()
        let all = try await req.store.socialMap.taxonomies()
        let items = Array(all.dropFirst(paging.offset).prefix(paging.perPage))
        return json(paged(Paged(items: items, page: paging.page, perPage: paging.perPage, total: all.count)))
    }

    static func taxonomy(req: Request) async throws -> Response {
        let id = req.parameters.get("id") ?? ""
        guard let found = try await req.store.socialMap.taxonomies().first(where: { $0["id"]?.text == id }) else {
            throw DomainError.notFound(kind: "taxonomy")
        }
        return json(found)
    }

    static func taxonomyTerms(req: Request) async throws -> Response {
        let query = try req.query.decode(ListQuery.self)
        return json(
            paged(
                try await req.store.socialMap.taxonomyTerms(
                    taxonomy: query.taxonomy_id, parent: query.parent_id, topOnly: query.top_only == true,
                    page: try query.paging())))
    }

    static func taxonomyTerm(req: Request) async throws -> Response {
        json(try await req.store.socialMap.taxonomyTerm(req.parameters.get("id") ?? ""))
    }

    /// A page in HSDA's form.
    static func paged(_ page: Paged<JSONValue>) -> JSONValue {
        .object([
            "total_items": .int(page.total), "total_pages": .int(page.pageCount), "page_number": .int(page.page),
            "size": .int(page.items.count), "first_page": .bool(page.page == 1),
            "last_page": .bool(page.page >= page.pageCount), "empty": .bool(page.items.isEmpty),
            "contents": .array(page.items),
        ])
    }

    static func json(_ value: JSONValue) -> Response { json(text: value.serialized()) }

    static func json(text: String) -> Response {
        let response = Response(status: .ok, body: .init(string: text))
        response.headers.contentType = .json
        response.headers.replaceOrAdd(name: .cacheControl, value: "public, max-age=60")
        return response
    }
}

extension Paged {
    func map<T>(_ transform: (Item) -> T) -> Paged<T> {
        Paged<T>(items: items.map(transform), page: page, perPage: perPage, total: total)
    }
}
