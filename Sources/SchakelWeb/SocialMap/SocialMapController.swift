import Foundation
import SchakelCore
import SchakelStore
import SchakelViews
import Vapor

extension MapSearchForm: Content {}

/// The public social map: search in Dutch, filters for the street, and a page per service. No login, no
/// personal data.
enum SocialMapController {

    static func index(req: Request) async throws -> Response {
        let form = try req.query.decode(MapSearchForm.self)
        var validator = Validator()
        let area = form.wijk?.nonEmpty.flatMap { code in validator.check("wijk") { try AreaCode(code) } }
        let postcode = form.postcode?.nonEmpty.flatMap { code in validator.check("postcode") { try Postcode(code) } }
        let sort = form.sorteer.flatMap(MapQuery.Sort.init(rawValue:)) ?? .relevance
        let paging = try Paging(page: form.page, perPage: 20)
        let repository = req.store.socialMap
        var near: Coordinate?
        if let lat = form.lat.flatMap(Double.init), let lon = form.lon.flatMap(Double.init) {
            near = try? Coordinate(latitude: lat, longitude: lon)
            if near == nil { validator.add("lat", "map.outsideNetherlands") }
        } else if let postcode {
            near = try await repository.coordinate(of: postcode)
            if near == nil { validator.add("postcode", "map.postcodeUnknown") }
        } else if sort == .distance {
            validator.add("postcode", "map.postcodeForDistance")
        }
        let query = MapQuery(
            text: form.q?.nonEmpty, term: form.soort?.nonEmpty, area: area, language: form.taal?.nonEmpty,
            freeOnly: form.gratis == "1", openNow: form.open == "1", near: near,
            sort: sort == .distance && near == nil ? .relevance : sort)
        let (results, partial) = try await repository.find(query, page: paging)
        let wijken = try await req.store.neighbourhoods.list(page: try Paging(perPage: 100), level: .wijk).items
        return req.page(
            SocialMapPages.search(
                form: form, results: results, partial: partial, terms: try await repository.terms(), wijken: wijken,
                problems: validator.problems, now: req.schakel.store.clock.now(), context: req.pageContext))
    }

    static func show(req: Request) async throws -> Response {
        let id = try req.entityID(MapService.self, "serviceID")
        let hit = try await req.store.socialMap.service(id)
        let figures = try await req.store.referrals(req.auditContext).responsiveness(of: [id])[id]
        let canRefer = req.auditContext.actor.map { AccessPolicy.canRefer($0.role) } ?? false
        return req.page(
            SocialMapPages.service(
                hit, now: req.schakel.store.clock.now(), responsiveness: figures, canRefer: canRefer,
                forResident: req.query[String.self, at: "bewoner"].flatMap(Resident.ID.init), context: req.pageContext))
    }
}
