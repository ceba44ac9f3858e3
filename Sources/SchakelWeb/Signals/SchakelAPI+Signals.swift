import Foundation
import OpenAPIRuntime
import SchakelCore
import SchakelStore
import SchakelViews
import Vapor

/// Signals of concern and "check again" tasks in the JSON API. Access checks, state machines and audit
/// live in the store and the core; these handlers only translate.
extension SchakelAPI {
    func listSignals(_ input: Operations.listSignals.Input) async throws -> Operations.listSignals.Output {
        let (request, _) = try APIRequest.authenticated()
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        var scope = SignalFilter.Scope.mine
        if let text = input.query.teamId {
            guard let team = Team.ID(text) else { throw ValidationError(field: "teamId", key: "invalid") }
            scope = .team(team)
        }
        let filter = SignalFilter(
            scope: scope, state: input.query.state.flatMap { SignalState(rawValue: $0.rawValue) },
            urgency: input.query.urgency.flatMap { SignalUrgency(rawValue: $0.rawValue) },
            domain: input.query.domain.flatMap { LifeDomain(rawValue: $0.rawValue) },
            overdueOnly: input.query.overdue == true)
        let page = try await request.store.signals(request.auditContext).inbox(filter, page: paging)
        return .ok(.init(body: .json(.init(items: page.items.map(Wire.signalSummary), paging: Wire.paging(page)))))
    }

    func raiseSignal(_ input: Operations.raiseSignal.Input) async throws -> Operations.raiseSignal.Output {
        let (request, _) = try APIRequest.authenticated()
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let signal = try await Wire.namingAPIFields {
            try await request.store.signals(request.auditContext).raise(
                SignalInput(
                    residentID: body.residentId, addressID: body.addressId, domains: body.domains.map(\.rawValue),
                    urgency: body.urgency.rawValue, observation: body.observation, meldcode: body.meldcode == true,
                    contactMomentID: body.contactMomentId))
        }
        let t = request.localizer
        let actNow =
            signal.urgency == .acute
            ? "\(t("signal.acute.title")) \(t("signal.acute.112")) 112. \(t("signal.acute.veiligThuis")) 0800-2000."
            : nil
        return .created(
            .init(
                body: .json(
                    .init(
                        id: signal.id.description, raisedAt: signal.raisedAt,
                        urgency: Wire.enumValue(signal.urgency), status: Wire.enumValue(ReporterStatus(signal.state)),
                        actNow: actNow))))
    }

    func listReportedSignals(_ input: Operations.listReportedSignals.Input) async throws
        -> Operations.listReportedSignals.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let paging = try Paging(page: input.query.page, perPage: input.query.perPage)
        let page = try await request.store.signals(request.auditContext).reported(page: paging)
        let items = page.items.map { item in
            Components.Schemas.ReportedSignal(
                id: item.id.description, raisedAt: item.raisedAt, status: Wire.enumValue(item.status),
                outcome: item.outcome.map(Wire.enumValue), residentName: item.residentName, address: item.addressLine)
        }
        return .ok(.init(body: .json(.init(items: items, paging: Wire.paging(page)))))
    }

    func getSignalStatistics(_ input: Operations.getSignalStatistics.Input) async throws
        -> Operations.getSignalStatistics.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let counts = try await request.store.signals(request.auditContext).statistics()
        return .ok(
            .init(
                body: .json(
                    .init(
                        byState: SignalState.allCases.map {
                            .init(state: Wire.enumValue($0), count: counts.byState[$0] ?? 0)
                        },
                        byDomain: LifeDomain.allCases.map {
                            .init(domain: Wire.enumValue($0), count: counts.byDomain[$0] ?? 0)
                        }))))
    }

    func getSignal(_ input: Operations.getSignal.Input) async throws -> Operations.getSignal.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.signalID(input.path.signalId)
        return .ok(.init(body: .json(Wire.signal(try await request.store.signals(request.auditContext).detail(id)))))
    }

    func transitionSignal(_ input: Operations.transitionSignal.Input) async throws
        -> Operations.transitionSignal.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.signalID(input.path.signalId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.signals(request.auditContext)
        _ = try await Wire.namingAPIFields {
            try await repository.apply(
                try SignalStep(name: body.event.rawValue, outcome: body.outcome?.rawValue), to: id,
                reason: body.reason, domains: (body.domains ?? []).compactMap { LifeDomain(rawValue: $0.rawValue) })
        }
        return .ok(.init(body: .json(Wire.signal(try await repository.detail(id)))))
    }

    func assignSignal(_ input: Operations.assignSignal.Input) async throws -> Operations.assignSignal.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.signalID(input.path.signalId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let team = try body.teamId.map { text in
            guard let team = Team.ID(text) else { throw ValidationError(field: "teamId", key: "invalid") }
            return team
        }
        let assignee = try body.assigneeId.map { text in
            guard let user = User.ID(text) else { throw ValidationError(field: "assigneeId", key: "invalid") }
            return user
        }
        let repository = request.store.signals(request.auditContext)
        _ = try await Wire.namingAPIFields {
            try await repository.assign(id, team: team, assignee: assignee, reason: body.reason)
        }
        return .ok(.init(body: .json(Wire.signal(try await repository.detail(id)))))
    }

    func mergeSignal(_ input: Operations.mergeSignal.Input) async throws -> Operations.mergeSignal.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.signalID(input.path.signalId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        guard let target = Signal.ID(body.targetId) else { throw ValidationError(field: "targetId", key: "invalid") }
        let repository = request.store.signals(request.auditContext)
        _ = try await Wire.namingAPIFields { try await repository.merge(id, into: target, reason: body.reason) }
        return .ok(.init(body: .json(Wire.signal(try await repository.detail(id)))))
    }

    func recordMeldcodeStep(_ input: Operations.recordMeldcodeStep.Input) async throws
        -> Operations.recordMeldcodeStep.Output
    {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.signalID(input.path.signalId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        let repository = request.store.signals(request.auditContext)
        _ = try await Wire.namingAPIFields {
            try await repository.recordMeldcodeStep(
                id,
                MeldcodeStepInput(
                    step: body.step, reasoning: body.reasoning, consultedWith: body.consultedWith?.rawValue,
                    conversationSkipped: body.conversationSkipped == true, answers: body.answers ?? [],
                    followUp: body.followUp))
        }
        return .created(.init(body: .json(Wire.signal(try await repository.detail(id)))))
    }

    func addSignalTask(_ input: Operations.addSignalTask.Input) async throws -> Operations.addSignalTask.Output {
        let (request, _) = try APIRequest.authenticated()
        let id = try Wire.signalID(input.path.signalId)
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        guard let assignee = User.ID(body.assigneeId) else {
            throw ValidationError(field: "assigneeId", key: "invalid")
        }
        let task = try await Wire.namingAPIFields {
            try await request.store.signals(request.auditContext).addTask(
                to: id, assignee: assignee, date: body.date, instruction: body.instruction)
        }
        return .created(.init(body: .json(Wire.task(task, residentName: nil, address: nil))))
    }

    func listMyTasks(_ input: Operations.listMyTasks.Input) async throws -> Operations.listMyTasks.Output {
        let (request, _) = try APIRequest.authenticated()
        let items = try await request.store.signals(request.auditContext).myTasks()
        return .ok(
            .init(
                body: .json(
                    .init(
                        items: items.map {
                            Wire.task($0.task, residentName: $0.residentName, address: $0.addressLine)
                        }))))
    }

    func completeTask(_ input: Operations.completeTask.Input) async throws -> Operations.completeTask.Output {
        let (request, _) = try APIRequest.authenticated()
        guard let id = SignalTask.ID(input.path.taskId) else { throw DomainError.notFound(kind: "task") }
        guard case .json(let body) = input.body else { throw Abort(.unsupportedMediaType) }
        try await request.store.signals(request.auditContext).completeTask(id, note: body.note)
        return .noContent(.init())
    }
}

extension Wire {
    static func signalID(_ text: String) throws -> Signal.ID {
        guard let id = Signal.ID(text) else { throw DomainError.notFound(kind: "signal") }
        return id
    }

    /// A domain enum as the generated wire enum of the same raw values.
    static func enumValue<Domain: RawRepresentable<String>, Wire: RawRepresentable<String>>(_ value: Domain) -> Wire {
        Wire(rawValue: value.rawValue)!
    }

    /// Runs a store call, naming its input problems as the API does (`residentID` becomes `residentId`).
    static func namingAPIFields<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as ValidationError {
            throw ValidationError(
                error.problems.map { problem in
                    let field = problem.field.hasSuffix("ID") ? problem.field.dropLast(2) + "Id" : problem.field
                    return FieldProblem(field: field, key: problem.key)
                })
        }
    }

    static func signalSummary(_ s: SignalSummary) -> Components.Schemas.SignalSummary {
        .init(
            id: s.id.description, raisedAt: s.raisedAt, urgency: enumValue(s.urgency),
            domains: s.domains.map(enumValue),
            state: enumValue(s.state), outcome: s.outcome.map(enumValue), dueDate: s.dueDate.description,
            overdue: s.overdue, escalated: s.escalated, meldcode: s.meldcode, residentId: s.residentID?.description,
            residentName: s.residentName, address: s.addressLine, teamId: s.teamID?.description,
            assigneeId: s.assigneeID?.description)
    }

    /// The signal as the caller may see it; the reporter's view holds the status and a neutral outcome only.
    static func signal(_ d: SignalDetail) -> Components.Schemas.SignalDetail {
        let s = d.signal
        let full = d.view == .full
        return .init(
            id: s.id.description, view: full ? .full : .status, status: enumValue(ReporterStatus(s.state)),
            neutralOutcome: s.outcome.map { enumValue($0.neutral) }, state: full ? enumValue(s.state) : nil,
            outcome: full ? s.outcome.map(enumValue) : nil, urgency: enumValue(s.urgency),
            domains: full ? s.domains.map(enumValue) : [], observation: full ? s.observation : nil,
            meldcode: s.meldcode, residentId: s.residentID?.description, residentName: d.residentName,
            address: d.addressLine, teamId: full ? s.teamID?.description : nil,
            assigneeId: full ? s.assigneeID?.description : nil, reporterId: full ? s.reporterID.description : nil,
            contactMomentId: full ? s.contactMomentID?.description : nil, raisedAt: s.raisedAt,
            dueDate: s.dueDate.description, escalatedAt: full ? s.escalatedAt : nil, closedAt: s.closedAt,
            mergedIntoId: full ? s.mergedIntoID?.description : nil,
            history: d.history.map(historyEntry), meldcodeSteps: d.meldcode.entries.map(meldcodeStep),
            nextMeldcodeStep: full && s.meldcode && s.state.isOpen ? d.meldcode.nextStep?.rawValue : nil,
            tasks: d.tasks.map { task($0, residentName: nil, address: nil) }, canHandle: d.canHandle,
            canReassign: d.canReassign)
    }

    static func historyEntry(_ h: SignalHistoryEntry) -> Components.Schemas.SignalHistoryEntry {
        .init(
            id: h.id.description, at: h.at, actorId: h.actorID?.description, kind: h.kind,
            fromState: h.fromState.map(enumValue), toState: h.toState.map(enumValue), reason: h.reason)
    }

    static func meldcodeStep(_ e: MeldcodeEntry) -> Components.Schemas.MeldcodeStepRecord {
        .init(
            id: e.id.description, step: e.step.rawValue, by: e.by.description, at: e.at, reasoning: e.reasoning,
            consultedWith: e.consultedWith.map(enumValue), conversationSkipped: e.conversationSkipped,
            answers: e.answers, decision: e.decision.map(enumValue), followUp: e.followUp)
    }

    static func task(_ t: SignalTask, residentName: String?, address: String?) -> Components.Schemas.Task {
        .init(
            id: t.id.description, signalId: t.signalID.description, residentId: t.residentID?.description,
            assigneeId: t.assigneeID.description, date: t.date.description, instruction: t.instruction,
            createdBy: t.createdBy.description, doneAt: t.doneAt, doneNote: t.doneNote, residentName: residentName,
            address: address)
    }
}
