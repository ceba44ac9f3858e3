import Foundation
import SchakelCore
import SchakelRoutes
import SchakelStore
import SchakelViews
import Vapor

extension ReferralForm: Content {}
extension ReferralStepForm: Content {}
extension ReferralInboxQuery: Content {}
extension TransferForm: Content {}

/// Referrals: the form with the consent gate, the partner's inbox, the referrer's sent list, one referral with
/// its steps and messages, and handing a resident to another team. Access and audit live in the store.
enum ReferralController {
    /// The form, from a resident's file, a signal or a service of the map; from the map without a resident,
    /// first a search for the resident.
    static func new(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let repository = req.store.referrals(req.auditContext)
        let service = try req.query[String.self, at: "dienst"]?.nonEmpty.map { try MapService.ID(parsing: $0) }
        guard let residentText = req.query[String.self, at: "bewoner"]?.nonEmpty else {
            try await repository.authorizeReferring()
            guard let service else { return req.redirect(to: SiteRoute.map.path()) }
            let hit = try await req.store.socialMap.service(service)
            let search = req.query[String.self, at: "zoek"]?.nonEmpty
            var results: [ResidentSummary] = []
            if let search {
                results = try await req.store.residents(req.auditContext).list(
                    matching: search, page: try Paging(perPage: 20)
                ).items
            }
            return req.page(
                ReferralPages.chooseResident(
                    service: ReferralTarget(
                        serviceID: service, organisationID: nil, name: hit.service.name,
                        providerName: hit.service.organizationName),
                    search: search, results: results, context: req.pageContext))
        }
        let resident = try Resident.ID(parsing: residentText)
        let signal = try req.query[String.self, at: "signaal"]?.nonEmpty.map { try Signal.ID(parsing: $0) }
        let options = try await repository.formOptions(resident: resident, signal: signal, service: service)
        let form = ReferralForm(
            residentID: resident.description, serviceID: service?.description, signalID: signal?.description,
            mode: "live", domains: try await signalDomains(signal, req: req))
        return req.page(ReferralPages.form(form, options: options, problems: [], context: req.pageContext))
    }

    /// The signal's domains, so a referral from it starts with them.
    private static func signalDomains(_ signal: Signal.ID?, req: Request) async throws -> [String] {
        guard let signal else { return [] }
        return try await req.store.signals(req.auditContext).detail(signal).signal.domains.map(\.rawValue)
    }

    static func create(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let form = try req.content.decode(ReferralForm.self)
        let repository = req.store.referrals(req.auditContext)
        do {
            let referral = try await repository.create(form.input)
            return req.redirect(to: SiteRoute.referral(.value(referral.id), .detail).path(), redirectType: .normal)
        } catch let error as ValidationError {
            guard let resident = form.residentID.flatMap(Resident.ID.init) else { throw error }
            let options = try await repository.formOptions(
                resident: resident, signal: form.signalID?.nonEmpty.flatMap(Signal.ID.init),
                service: form.serviceID?.nonEmpty.flatMap(MapService.ID.init))
            let page = req.page(
                ReferralPages.form(form, options: options, problems: error.problems, context: req.pageContext))
            page.status = .unprocessableEntity
            return page
        }
    }

    /// The inbox for people of an organisation that answers referrals; the sent list for someone who only refers.
    static func inbox(req: Request) async throws -> Response {
        let actor = try req.requireAuthenticated().actor
        let answers = AccessPolicy.answersReferrals(actor.role) && actor.organisationID != nil
        guard answers else {
            if AccessPolicy.canRefer(actor.role) { return req.redirect(to: SiteRoute.referrals(.sent).path()) }
            throw DomainError.forbidden(reason: "role")
        }
        let query = try req.query.decode(ReferralInboxQuery.self)
        let filter = ReferralFilter(
            scope: .inbox, state: query.state?.nonEmpty.flatMap(ReferralState.init(rawValue:)),
            overdueOnly: query.overdue == "1", mineOnly: query.mine == "1")
        let repository = req.store.referrals(req.auditContext)
        let page = try await repository.list(filter, page: try Paging(page: query.page))
        let counts = try await repository.counts(.inbox)
        return req.page(
            ReferralPages.inbox(
                page, counts: counts, query: query, canRefer: AccessPolicy.canRefer(actor.role),
                context: req.pageContext))
    }

    static func sent(req: Request) async throws -> Response {
        let actor = try req.requireAuthenticated().actor
        guard AccessPolicy.canRefer(actor.role) else {
            try await req.store.audit.record(
                [AuditEvent(.accessDenied, objects: ["referral.sent"])], context: req.auditContext)
            throw DomainError.forbidden(reason: "role")
        }
        let page = try await req.store.referrals(req.auditContext).list(
            ReferralFilter(scope: .sent), page: try Paging(page: req.query[Int.self, at: "page"]))
        return req.page(
            ReferralPages.sent(
                page, answers: AccessPolicy.answersReferrals(actor.role) && actor.organisationID != nil,
                context: req.pageContext))
    }

    static func show(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        return try await page(of: try req.entityID(Referral.self, "referralID"), problems: [], req: req)
    }

    static func page(
        of id: Referral.ID, problems: [FieldProblem], kept: [String: String] = [:], req: Request,
        status: HTTPResponseStatus = .ok
    ) async throws -> Response {
        let detail = try await req.store.referrals(req.auditContext).detail(id)
        let response = req.page(ReferralPages.detail(detail, problems: problems, kept: kept, context: req.pageContext))
        response.status = status
        return response
    }

    static func step(req: Request) async throws -> Response {
        let id = try req.entityID(Referral.self, "referralID")
        let form = try req.content.decode(ReferralStepForm.self)
        return try await handling(id, req: req, kept: form.kept) {
            let event = try ReferralEvent(
                name: form.event ?? "", reason: form.reason, outcome: form.outcome, contactDate: form.contactDate,
                contactHow: form.contactHow, today: LocalDate(req.store.clock.now()))
            _ = try await req.store.referrals(req.auditContext).apply(event, to: id, note: form.note)
        }
    }

    static func send(req: Request) async throws -> Response {
        let id = try req.entityID(Referral.self, "referralID")
        let form = try req.content.decode(ReferralStepForm.self)
        return try await handling(id, req: req, kept: form.kept) {
            let (recording, override) = try consentChoice(
                record: form.recordConsent, ground: form.overrideGround, reason: form.overrideReason)
            _ = try await req.store.referrals(req.auditContext).send(id, recordConsent: recording, override: override)
        }
    }

    static func assign(req: Request) async throws -> Response {
        let id = try req.entityID(Referral.self, "referralID")
        let form = try req.content.decode(ReferralStepForm.self)
        return try await handling(id, req: req, kept: form.kept) {
            guard let assignee = form.assigneeID?.nonEmpty.flatMap(User.ID.init) else {
                throw ValidationError(field: "assigneeID", key: "required")
            }
            _ = try await req.store.referrals(req.auditContext).assign(id, to: assignee)
        }
    }

    static func message(req: Request) async throws -> Response {
        let id = try req.entityID(Referral.self, "referralID")
        let form = try req.content.decode(ReferralStepForm.self)
        return try await handling(id, req: req, anchor: "berichten", kept: form.kept) {
            try await req.store.referrals(req.auditContext).message(id, text: form.message)
        }
    }

    /// What a form chose about consent: record it now (verbal or on paper), or a legal ground with a reason.
    static func consentChoice(record: String?, ground: String?, reason: String?) throws -> (
        ConsentRecording?, ConsentOverride?
    ) {
        var validator = Validator()
        var recording: ConsentRecording?
        if let text = record?.nonEmpty {
            recording = ConsentRecording(rawValue: text)
            if recording == nil { validator.add("recordConsent", "invalid") }
        }
        var override: ConsentOverride?
        if let text = ground?.nonEmpty {
            if let ground = LegalGround(rawValue: text) {
                override = validator.run { try ConsentOverride(ground: ground, reason: reason ?? "") }
            } else {
                validator.add("overrideGround", "invalid")
            }
        } else if reason?.nonEmpty != nil {
            validator.add("overrideGround", "referral.overrideGroundRequired")
        }
        if recording != nil && override != nil { validator.add("overrideGround", "referral.consentOrOverride") }
        try validator.finish()
        return (recording, override)
    }

    private static func handling(
        _ id: Referral.ID, req: Request, anchor: String = "verwijzing", kept: [String: String],
        _ change: () async throws -> Void
    ) async throws -> Response {
        do {
            try await change()
        } catch let error as ValidationError {
            return try await page(of: id, problems: error.problems, kept: kept, req: req, status: .unprocessableEntity)
        } catch {
            // Often a colleague or another tab moved it on meanwhile: show where it is now.
            guard let problem = req.conflictProblem(error, nowIn: "referral.nowIn") else { throw error }
            return try await page(of: id, problems: [problem], kept: kept, req: req, status: .conflict)
        }
        return req.redirect(
            to: SiteRoute.referral(.value(id), .detail).path(fragment: anchor), redirectType: .normal)
    }

    // MARK: Transfer

    static func transferForm(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let id = try req.entityID(Resident.self, "residentID")
        return try await transferPage(id, form: TransferForm(), problems: [], req: req)
    }

    private static func transferPage(
        _ id: Resident.ID, form: TransferForm, problems: [FieldProblem], req: Request
    ) async throws -> Response {
        let options = try await req.store.referrals(req.auditContext).transferOptions(id)
        let teams = try await req.store.accounts.teams()
        let current = options.current.flatMap { team in teams.first { $0.id == team }?.name }
        return req.page(
            ReferralPages.transfer(
                form, residentID: id, residentName: options.name, currentTeam: current, teams: options.teams,
                problems: problems, context: req.pageContext))
    }

    static func transfer(req: Request) async throws -> Response {
        _ = try req.requireAuthenticated()
        let id = try req.entityID(Resident.self, "residentID")
        let form = try req.content.decode(TransferForm.self)
        do {
            let (recording, override) = try consentChoice(
                record: form.recordConsent, ground: form.overrideGround, reason: form.overrideReason)
            try await req.store.referrals(req.auditContext).transfer(
                id, to: try form.teamID?.nonEmpty.map { try Team.ID(parsing: $0) }, reason: form.reason,
                recordConsent: recording, override: override)
        } catch let error as ValidationError {
            let page = try await transferPage(id, form: form, problems: error.problems, req: req)
            page.status = .unprocessableEntity
            return page
        }
        return req.redirect(to: SiteRoute.resident(.value(id), .file).path(), redirectType: .normal)
    }
}
