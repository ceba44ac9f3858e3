import Foundation
import OpenAPIRuntime
import SchakelCore
import SchakelStore
import SchakelViews
import Vapor

/// Referrals in the JSON API. Access checks, the consent gate, the state machine and audit live in the store
/// and the core; these handlers only translate.
extension SchakelAPI {
    func listReferrals(_ input: Operations.listReferrals.Input) async throws -> Operations.listReferrals.Output {
        let (request, _) = try APIRequest.authenticated()
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        let filter = ReferralFilter(
            scope: input.query.scope == .sent ? .sent : .inbox,
            state: input.query.state.flatMap { ReferralState(rawValue: $0.rawValue) },
            overdueOnly: input.query.overdue == true, mineOnly: input.query.mine == true)
        let repository = request.store.referrals(request.auditContext)
        let page = try await repository.list(filter, page: paging)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.referralSummary), paging: Wire.paging(page)))))
    }

    func createReferral(_ input: Operations.createReferral.Input) async throws -> Operations.createReferral.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.referrals(request.auditContext)
        let referral = try await Wire.namingAPIFields {
            try await repository.create(
                ReferralInput(
                    residentID: body.residentId, serviceID: body.serviceId, organisationID: body.organisationId,
                    signalID: body.signalId, mode: body.mode?.rawValue ?? "live", question: body.question,
                    domains: body.domains.map(\.rawValue), contactMethod: body.contactMethod?.rawValue,
                    shares: (body.shares ?? []).map(\.rawValue), draft: body.draft == true,
                    recordConsent: body.recordConsent?.rawValue, overrideGround: body.overrideGround?.rawValue,
                    overrideReason: body.overrideReason))
        }
        return .created(.init(body: .json(try await detail(referral.id, request))))
    }

    func getReferral(_ input: Operations.getReferral.Input) async throws -> Operations.getReferral.Output {
        let (request, _) = try APIRequest.authenticated()
        return .ok(.init(body: .json(try await detail(try Wire.referralID(input.path.referralId), request))))
    }

    func referralEvent(_ input: Operations.referralEvent.Input) async throws -> Operations.referralEvent.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.referralID(input.path.referralId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.referrals(request.auditContext)
        _ = try await Wire.namingAPIFields {
            let event = try ReferralEvent(
                name: body.event.rawValue, reason: body.reason, outcome: body.outcome?.rawValue,
                contactDate: body.contactDate, contactHow: body.contactHow?.rawValue,
                today: LocalDate(request.store.clock.now()))
            return try await repository.apply(event, to: id, note: body.note)
        }
        return .ok(.init(body: .json(try await detail(id, request))))
    }

    func sendReferral(_ input: Operations.sendReferral.Input) async throws -> Operations.sendReferral.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.referralID(input.path.referralId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.referrals(request.auditContext)
        _ = try await Wire.namingAPIFields {
            let (recording, override) = try ReferralController.consentChoice(
                record: body.recordConsent?.rawValue, ground: body.overrideGround?.rawValue,
                reason: body.overrideReason)
            return try await repository.send(id, recordConsent: recording, override: override)
        }
        return .ok(.init(body: .json(try await detail(id, request))))
    }

    func assignReferral(_ input: Operations.assignReferral.Input) async throws -> Operations.assignReferral.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.referralID(input.path.referralId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        guard let assignee = User.ID(body.assigneeId) else {
            throw ValidationError(field: "assigneeId", key: "invalid")
        }
        let repository = request.store.referrals(request.auditContext)
        _ = try await Wire.namingAPIFields { try await repository.assign(id, to: assignee) }
        return .ok(.init(body: .json(try await detail(id, request))))
    }

    func messageReferral(_ input: Operations.messageReferral.Input) async throws -> Operations.messageReferral.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.referralID(input.path.referralId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.referrals(request.auditContext)
        try await Wire.namingAPIFields {
            try await repository.message(id, text: body.text)
        }
        return .noContent(.init())
    }

    func getReferralFHIR(_ input: Operations.getReferralFHIR.Input) async throws -> Operations.getReferralFHIR.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.referralID(input.path.referralId)
        let t = request.localizer
        let bundle = try await request.store.referrals(request.auditContext).fhir(id) { t("domain.\($0.rawValue)") }
        let data = Data(bundle.serialized().utf8)
        let accepted = input.headers.accept.map(\.contentType)
        if accepted.contains(.json) && !accepted.contains(.application_fhir_plus_json) {
            let container = try JSONDecoder().decode(
                Operations.getReferralFHIR.Output.Ok.Body.jsonPayload.self, from: data)
            return .ok(.init(body: .json(container)))
        }
        let container = try JSONDecoder().decode(
            Operations.getReferralFHIR.Output.Ok.Body.application_fhir_plus_jsonPayload.self, from: data)
        return .ok(.init(body: .application_fhir_plus_json(container)))
    }

    func listResidentReferrals(_ input: Operations.listResidentReferrals.Input) async throws
        -> Operations.listResidentReferrals.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.residentID(input.path.residentId)
        let repository = request.store.referrals(request.auditContext)
        try await repository.authorizeListing(of: id)
        let items = try await repository.ofResident(id)
        return .ok(.init(body: .json(.init(items: items.map(Wire.referralSummary)))))
    }

    func transferResident(_ input: Operations.transferResident.Input) async throws
        -> Operations.transferResident.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.residentID(input.path.residentId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.referrals(request.auditContext)
        try await Wire.namingAPIFields {
            let (recording, override) = try ReferralController.consentChoice(
                record: body.recordConsent?.rawValue, ground: body.overrideGround?.rawValue,
                reason: body.overrideReason)
            guard let team = Team.ID(body.teamId) else { throw ValidationError(field: "teamID", key: "invalid") }
            try await repository.transfer(
                id, to: team, reason: body.reason, recordConsent: recording, override: override)
        }
        return .noContent(.init())
    }

    /// The referral as the caller may see it, for an answer.
    private func detail(_ id: Referral.ID, _ request: Request) async throws -> Components.Schemas.ReferralDetail {
        Wire.referral(
            try await request.store.referrals(request.auditContext).detail(id),
            today: LocalDate(request.store.clock.now()))
    }
}

extension Wire {
    static func referralID(_ text: String) throws -> Referral.ID {
        guard let id = Referral.ID(text) else { throw DomainError.notFound(kind: "referral") }
        return id
    }

    static func referralSummary(_ s: ReferralSummary) -> Components.Schemas.ReferralSummary {
        .init(
            id: s.id.description, residentId: s.residentID.description, residentName: s.residentName,
            targetName: s.targetName, organisationName: s.organisationName, state: enumValue(s.state),
            mode: enumValue(s.mode), domains: s.domains.map(enumValue), createdAt: s.createdAt, sentAt: s.sentAt,
            answerDue: s.answerDue?.description, contactDue: s.contactDue?.description, overridden: s.overridden,
            escalated: s.escalated, overdue: s.overdue, assigneeName: s.assigneeName, referrerName: s.referrerName,
            signalId: s.signalID?.description)
    }

    static func referral(_ d: ReferralDetail, today: LocalDate) -> Components.Schemas.ReferralDetail {
        let r = d.referral
        let summary = ReferralSummary(
            id: r.id, residentID: r.residentID, residentName: d.residentName, targetName: r.targetName,
            organisationName: d.organisationName, state: r.state, mode: r.mode, domains: r.domains,
            createdAt: r.createdAt, sentAt: r.sentAt, answerDue: r.answerDue, contactDue: r.contactDue,
            overridden: r.override != nil, escalated: r.escalatedAt != nil || r.contactFlaggedAt != nil,
            assigneeName: r.assigneeID.flatMap { d.people[$0] }, referrerName: d.people[r.referrerID],
            overdue: r.overdue(today: today))
        var withSignal = summary
        withSignal.signalID = r.signalID
        return .init(
            summary: referralSummary(withSignal), view: d.view == .full ? .full : .partner, question: r.question,
            contactMethod: r.contactMethod.map(enumValue), shares: r.shares.map(\.rawValue),
            contact: d.contact.map { c in
                .init(
                    address: c.addressLine, phone: c.phone, preferredLanguage: c.preferredLanguage,
                    channels: c.channels.map(\.rawValue), contactNote: c.contactNote)
            },
            shared: .init(
                dateOfBirth: d.shared.dateOfBirth?.description,
                household: d.shared.household.isEmpty ? nil : d.shared.household, doorNotes: d.shared.doorNotes,
                observation: d.shared.observation),
            override: r.override.map { .init(ground: enumValue($0.ground), reason: $0.reason) },
            declineReason: r.declineReason?.rawValue, closeReason: r.closeReason?.rawValue,
            outcome: r.outcome.map(enumValue), firstContactOn: r.firstContactOn?.description,
            firstContactHow: r.firstContactHow.map(enumValue), fhirTaskStatus: r.state.fhirTaskStatus,
            history: d.history.filter { $0.kind != "message" }.map { entry in
                .init(
                    at: entry.at, actorName: entry.actorID.flatMap { d.people[$0] }, kind: entry.kind,
                    fromState: entry.fromState.map(enumValue), toState: entry.toState.map(enumValue))
            },
            messages: d.messages.map { entry in
                .init(at: entry.at, authorName: entry.actorID.flatMap { d.people[$0] }, text: entry.detail ?? "")
            },
            nextEvents: d.nextEvents)
    }
}
