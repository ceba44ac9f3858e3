import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

extension ResidentForm: Content {}

/// Residents on the web: list and search, the file, creating with duplicate check, editing,
/// consents, households and the timeline. Access and audit happen in the store's resident repository.
enum ResidentController {
    struct SearchForm: Content {
        var q: String?
        var page: Int?
    }

    /// Whether the viewer may add a resident, as the list offers it.
    private static func canCreate(_ req: Request) throws -> Bool {
        AccessPolicy.canCreateResidents(try req.requireAuthenticated().actor)
    }

    static func index(req: Request) async throws -> Response {
        let page = try Paging(page: try? req.query.get(Int.self, at: "page"))
        let residents = try await req.store.residents(req.auditContext).list(matching: nil, page: page)
        return req.page(
            ResidentPages.list(residents, query: nil, canCreate: try canCreate(req), context: req.pageContext))
    }

    /// Search by POST so names never appear in a URL or an access log.
    static func search(req: Request) async throws -> Response {
        let form = try req.content.decode(SearchForm.self)
        let page = try Paging(page: form.page)
        let residents = try await req.store.residents(req.auditContext).list(matching: form.q, page: page)
        return req.page(
            ResidentPages.list(residents, query: form.q, canCreate: try canCreate(req), context: req.pageContext))
    }

    static func show(req: Request) async throws -> Response {
        let id = try residentID(req)
        let file = try await req.store.residents(req.auditContext).file(id)
        let organisations = file.view == .full ? try await req.store.accounts.organisations() : []
        let joinable =
            file.canEdit && file.household == nil
            ? try await req.store.residents(req.auditContext).householdsAtAddress(of: id) : []
        var extra: [HTMLNode] = []
        if file.view == .full {
            extra.append(
                SignalPages.section(
                    try await req.store.signals(req.auditContext).signals(of: id), residentID: id,
                    context: req.pageContext))
            if file.canManageDeliveries {
                extra.append(
                    DeliveryPages.section(
                        try await req.store.deliveries(req.auditContext).deliveries(of: id), residentID: id,
                        context: req.pageContext))
            }
        }
        return req.page(
            ResidentPages.file(
                file, organisations: organisations, joinable: joinable, extra: extra,
                saved: (try? req.query.get(String.self, at: "vastgelegd")) == "1", context: req.pageContext))
    }

    static func new(req: Request) async throws -> Response {
        try await req.store.residents(req.auditContext).authorizeCreate()
        return req.page(ResidentPages.form(.empty, residentID: nil, problems: [], context: req.pageContext))
    }

    static func create(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let form = try req.content.decode(ResidentForm.self)
        do {
            let input = try await input(from: form, store: req.store)
            switch try await req.store.residents(req.auditContext).create(input, confirmedNew: form.confirmedNew == "1")
            {
            case .created(let resident):
                return req.redirect(to: SiteRoute.resident(.value(resident.id), .file).path(), redirectType: .normal)
            case .possibleDuplicates(let matches):
                return req.page(ResidentPages.duplicates(matches, form: form, context: req.pageContext))
            }
        } catch let error as ValidationError {
            let page = req.page(
                ResidentPages.form(form, residentID: nil, problems: error.problems, context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        }
    }

    static func edit(req: Request) async throws -> Response {
        let id = try residentID(req)
        let file = try await req.store.residents(req.auditContext).file(id)
        guard file.canEdit else { throw DomainError.forbidden(reason: "scope") }
        let r = file.resident
        let form = ResidentForm(
            givenName: r.givenName, familyName: r.familyName, dateOfBirth: r.dateOfBirth?.description,
            postcode: file.address?.postcode.description,
            houseNumber: file.address.map { String($0.houseNumber.number) },
            houseLetter: file.address?.houseNumber.letter, houseNumberAddition: file.address?.houseNumber.addition,
            phone: r.phone?.value, preferredLanguage: r.preferredLanguage,
            contactChannels: r.contactChannels.map(\.rawValue),
            contactNote: r.contactNote, doorNotes: r.doorNotes, confirmedNew: nil)
        return req.page(ResidentPages.form(form, residentID: id, problems: [], context: req.pageContext))
    }

    static func update(req: Request) async throws -> Response {
        let id = try residentID(req)
        let form = try req.content.decode(ResidentForm.self)
        do {
            let input = try await input(from: form, store: req.store)
            _ = try await req.store.residents(req.auditContext).update(id, with: input)
            return req.redirect(to: SiteRoute.resident(.value(id), .file).path(), redirectType: .normal)
        } catch let error as ValidationError {
            let page = req.page(
                ResidentPages.form(form, residentID: id, problems: error.problems, context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        }
    }

    static func timeline(req: Request) async throws -> Response {
        let id = try residentID(req)
        let page = try Paging(page: try? req.query.get(Int.self, at: "page"), perPage: 50)
        let repository = req.store.residents(req.auditContext)
        let events = try await repository.timeline(id, page: page)
        let names = Dictionary(
            uniqueKeysWithValues: try await req.store.accounts.users().map { ($0.id, $0.displayName) })
        return req.page(ResidentPages.timeline(events, residentID: id, actorNames: names, context: req.pageContext))
    }

    struct ConsentForm: Content {
        var purpose: String?
        var note: String?
        var recording: String?
        var organisationIDs: [String]?
    }

    static func addConsent(req: Request) async throws -> Response {
        let id = try residentID(req)
        let form = try req.content.decode(ConsentForm.self)
        let organisations = try (form.organisationIDs ?? []).map { raw -> Organisation.ID in
            guard let id = Organisation.ID(raw) else {
                throw ValidationError(field: "organisationIDs", key: "organisation.unknown")
            }
            return id
        }
        _ = try await req.store.residents(req.auditContext).addConsent(
            to: id,
            ConsentInput(
                purpose: form.purpose ?? "", note: form.note, recording: form.recording,
                organisationIDs: organisations))
        return req.redirect(
            to: SiteRoute.resident(.value(id), .file).path(fragment: "toestemmingen"), redirectType: .normal)
    }

    static func withdrawConsent(req: Request) async throws -> Response {
        let id = try residentID(req)
        guard let consentID = req.parameters.get("consentID").flatMap(Consent.ID.init) else {
            throw DomainError.notFound(kind: "consent")
        }
        _ = try await req.store.residents(req.auditContext).withdrawConsent(consentID, of: id)
        return req.redirect(
            to: SiteRoute.resident(.value(id), .file).path(fragment: "toestemmingen"), redirectType: .normal)
    }

    struct HouseholdForm: Content {
        var name: String
    }

    static func createHousehold(req: Request) async throws -> Response {
        let id = try residentID(req)
        let form = try req.content.decode(HouseholdForm.self)
        _ = try await req.store.residents(req.auditContext).createHousehold(for: id, name: form.name)
        return req.redirect(
            to: SiteRoute.resident(.value(id), .file).path(fragment: "huishouden"), redirectType: .normal)
    }

    struct JoinForm: Content {
        var householdID: String
    }

    static func joinHousehold(req: Request) async throws -> Response {
        let id = try residentID(req)
        let form = try req.content.decode(JoinForm.self)
        guard let household = Household.ID(form.householdID) else { throw DomainError.notFound(kind: "household") }
        _ = try await req.store.residents(req.auditContext).join(id, household: household)
        return req.redirect(
            to: SiteRoute.resident(.value(id), .file).path(fragment: "huishouden"), redirectType: .normal)
    }

    static func leaveHousehold(req: Request) async throws -> Response {
        let id = try residentID(req)
        try await req.store.residents(req.auditContext).leaveHousehold(id)
        return req.redirect(
            to: SiteRoute.resident(.value(id), .file).path(fragment: "huishouden"), redirectType: .normal)
    }

    // MARK: Helpers

    static func residentID(_ req: Request) throws -> Resident.ID {
        guard let id = req.parameters.get("residentID").flatMap(Resident.ID.init) else {
            throw DomainError.notFound(kind: "resident")
        }
        return id
    }

    /// Turns the form into domain input; the address must exist in the register.
    /// Problems with the address and with the other fields are reported together.
    static func input(from form: ResidentForm, store: Store) async throws -> ResidentInput {
        var validator = Validator()
        var addressID: String?
        if let postcodeText = form.postcode?.nonEmpty {
            let postcode = validator.check("postcode") { try Postcode(postcodeText) }
            let number = form.houseNumber.flatMap { Int($0.trimmingCharacters(in: .whitespaces)) }
            if number == nil {
                validator.add("houseNumber", form.houseNumber?.nonEmpty == nil ? "required" : "houseNumber.notANumber")
            }
            let house = number.flatMap { number in
                validator.run {
                    try HouseNumber(number: number, letter: form.houseLetter, addition: form.houseNumberAddition)
                }
            }
            if let postcode, let house {
                if let address = try await store.addresses.find(postcode: postcode, houseNumber: house) {
                    addressID = address.id.description
                } else {
                    validator.add("postcode", "address.notFound")
                }
            }
        }
        let input = ResidentInput(
            givenName: form.givenName, familyName: form.familyName, dateOfBirth: form.dateOfBirth, addressID: addressID,
            phone: form.phone, preferredLanguage: form.preferredLanguage, contactChannels: form.contactChannels ?? [],
            contactNote: form.contactNote, doorNotes: form.doorNotes)
        _ = validator.run {
            try input.validated(id: store.ids(), today: LocalDate(store.clock.now()), responsibleTeamID: nil)
        }
        try validator.finish()
        return input
    }
}
