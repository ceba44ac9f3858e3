import Foundation
import OpenAPIRuntime
import SchakelCore
import SchakelStore
import Vapor

/// The handlers of the JSON API, generated from `openapi.yaml`. They translate between the wire
/// types and the domain; access checks and audit happen in the store's repositories.
/// Errors are thrown and become problem+json in `SchakelErrorMiddleware`.
struct SchakelAPI: APIProtocol {
    // MARK: Auth

    func createToken(_ input: Operations.createToken.Input) async throws -> Operations.createToken.Output {
        let request = try APIRequest.require()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let username = body.username.trimmingCharacters(in: .whitespaces).lowercased()
        let user: User
        do {
            user = try await LoginController.authenticate(username: username, password: body.password, request: request)
        } catch is LoginController.LoginFailed {
            throw Abort(.unauthorized)
        }
        let store = request.store
        let context = AuditContext(actor: try await store.accounts.actor(for: user), accessPoint: request.accessPoint)
        let token = try await store.sessions.issueToken(
            for: user.id, policy: request.schakel.configuration.sessions, context: context)
        return .created(.init(body: .json(.init(token: token.secret, tokenType: .Bearer, expiresAt: token.expiresAt))))
    }

    func revokeToken(_ input: Operations.revokeToken.Input) async throws -> Operations.revokeToken.Output {
        let (request, authenticated) = try APIRequest.authenticated()
        guard let tokenID = authenticated.tokenID else { throw Abort(.badRequest) }
        try await request.store.sessions.revokeToken(tokenID, context: request.auditContext)
        return .noContent(.init())
    }

    // MARK: Neighbourhoods

    func listNeighbourhoods(_ input: Operations.listNeighbourhoods.Input) async throws
        -> Operations.listNeighbourhoods.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        let level = input.query.level.flatMap { AreaCode.Level(rawValue: $0.rawValue) }
        let page = try await request.store.neighbourhoods.list(page: paging, level: level)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.neighbourhood), paging: Wire.paging(page)))))
    }

    // MARK: Addresses

    func listAddresses(_ input: Operations.listAddresses.Input) async throws -> Operations.listAddresses.Output {
        let (request, _) = try APIRequest.authenticated()
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        let postcode = try input.query.postcode.flatMap(\.nonEmpty).map { text in
            try ValidationError.rename("postcode") { try Postcode(text) }
        }
        let page = try await request.store.addresses.list(
            page: paging, postcode: postcode, context: request.auditContext)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.address), paging: Wire.paging(page)))))
    }

    func createAddress(_ input: Operations.createAddress.Input) async throws -> Operations.createAddress.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let address = try await request.store.addresses.create(Wire.addressInput(body), context: request.auditContext)
        return .created(.init(body: .json(Wire.address(address))))
    }

    func getAddress(_ input: Operations.getAddress.Input) async throws -> Operations.getAddress.Output {
        let (request, _) = try APIRequest.authenticated()
        guard let id = Address.ID(input.path.addressId),
            let address = try await request.store.addresses.find(id, context: request.auditContext)
        else {
            throw DomainError.notFound(kind: "address")
        }
        return .ok(.init(body: .json(Wire.address(address))))
    }

    func updateAddress(_ input: Operations.updateAddress.Input) async throws -> Operations.updateAddress.Output {
        let (request, _) = try APIRequest.authenticated()
        guard let id = Address.ID(input.path.addressId) else { throw DomainError.notFound(kind: "address") }
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let address = try await request.store.addresses.update(
            id, with: Wire.addressInput(body), context: request.auditContext)
        return .ok(.init(body: .json(Wire.address(address))))
    }

    // MARK: Residents

    func listResidents(_ input: Operations.listResidents.Input) async throws -> Operations.listResidents.Output {
        let (request, _) = try APIRequest.authenticated()
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        let page = try await request.store.residents(request.auditContext).list(matching: nil, page: paging)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.summary), paging: Wire.paging(page)))))
    }

    func searchResidents(_ input: Operations.searchResidents.Input) async throws -> Operations.searchResidents.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        // The document allows 100 characters: a longer search is no name or postcode.
        guard body.query.count <= 100 else { throw ValidationError(field: "query", key: "tooLong") }
        let paging = try Paging(page: body.page, perPage: body.perPage)
        let page = try await request.store.residents(request.auditContext).list(matching: body.query, page: paging)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.summary), paging: Wire.paging(page)))))
    }

    func createResident(_ input: Operations.createResident.Input) async throws -> Operations.createResident.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.residents(request.auditContext)
        switch try await repository.create(Wire.residentInput(body), confirmedNew: body.confirmedNew == true) {
        case .created(let resident):
            return .created(.init(body: .json(Wire.file(try await repository.file(resident.id)))))
        case .possibleDuplicates(let matches):
            // Thrown, so it is answered as problem+json like every other error, whatever the Accept header.
            throw PossibleDuplicatesError(matches: matches)
        }
    }

    func getResident(_ input: Operations.getResident.Input) async throws -> Operations.getResident.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.residentID(input.path.residentId)
        return .ok(.init(body: .json(Wire.file(try await request.store.residents(request.auditContext).file(id)))))
    }

    func updateResident(_ input: Operations.updateResident.Input) async throws -> Operations.updateResident.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.residentID(input.path.residentId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.residents(request.auditContext)
        _ = try await repository.update(id, with: Wire.residentInput(body))
        return .ok(.init(body: .json(Wire.file(try await repository.file(id)))))
    }

    func getResidentTimeline(_ input: Operations.getResidentTimeline.Input) async throws
        -> Operations.getResidentTimeline.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.residentID(input.path.residentId)
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        let page = try await request.store.residents(request.auditContext).timeline(id, page: paging)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.event), paging: Wire.paging(page)))))
    }

    func giveConsent(_ input: Operations.giveConsent.Input) async throws -> Operations.giveConsent.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.residentID(input.path.residentId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let organisations = try body.organisationIds.map { text -> Organisation.ID in
            guard let id = Organisation.ID(text) else {
                throw ValidationError(field: "organisationIds", key: "organisation.unknown")
            }
            return id
        }
        let consent = try await request.store.residents(request.auditContext).addConsent(
            to: id,
            ConsentInput(
                purpose: body.purpose.rawValue, note: body.note, recording: body.recording.rawValue,
                organisationIDs: organisations))
        return .created(.init(body: .json(Wire.consent(consent))))
    }

    func withdrawConsent(_ input: Operations.withdrawConsent.Input) async throws -> Operations.withdrawConsent.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.residentID(input.path.residentId)
        guard let consentID = Consent.ID(input.path.consentId) else { throw DomainError.notFound(kind: "consent") }
        let consent = try await request.store.residents(request.auditContext).withdrawConsent(consentID, of: id)
        return .ok(.init(body: .json(Wire.consent(consent))))
    }

    // MARK: Households

    func createHousehold(_ input: Operations.createHousehold.Input) async throws -> Operations.createHousehold.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let residentID = try Wire.residentID(body.residentId)
        let repository = request.store.residents(request.auditContext)
        let household = try await repository.createHousehold(for: residentID, name: body.name)
        let members = try await repository.household(household.id).members
        return .created(.init(body: .json(Wire.household(household, members: members))))
    }

    func addHouseholdMember(_ input: Operations.addHouseholdMember.Input) async throws
        -> Operations.addHouseholdMember.Output
    {
        let (request, _) = try APIRequest.authenticated()
        guard let householdID = Household.ID(input.path.householdId) else {
            throw DomainError.notFound(kind: "household")
        }
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.residents(request.auditContext)
        _ = try await repository.join(try Wire.residentID(body.residentId), household: householdID)
        let result = try await repository.household(householdID)
        return .ok(.init(body: .json(Wire.household(result.household, members: result.members))))
    }

    func removeHouseholdMember(_ input: Operations.removeHouseholdMember.Input) async throws
        -> Operations.removeHouseholdMember.Output
    {
        let (request, _) = try APIRequest.authenticated()
        guard let householdID = Household.ID(input.path.householdId) else {
            throw DomainError.notFound(kind: "household")
        }
        let residentID = try Wire.residentID(input.path.residentId)
        let repository = request.store.residents(request.auditContext)
        guard try await repository.file(residentID).resident.householdID == householdID else {
            throw DomainError.notFound(kind: "household")
        }
        try await repository.leaveHousehold(residentID)
        return .noContent(.init())
    }

    func getHousehold(_ input: Operations.getHousehold.Input) async throws -> Operations.getHousehold.Output {
        let (request, _) = try APIRequest.authenticated()
        guard let id = Household.ID(input.path.householdId) else { throw DomainError.notFound(kind: "household") }
        let result = try await request.store.residents(request.auditContext).household(id)
        return .ok(.init(body: .json(Wire.household(result.household, members: result.members))))
    }
}

extension ValidationError {
    /// Runs `parse`, naming its problems after the API field.
    static func rename<T>(_ field: String, _ parse: () throws -> T) throws -> T {
        var validator = Validator()
        let value = validator.check(field, parse)
        try validator.finish()
        return value!
    }
}
