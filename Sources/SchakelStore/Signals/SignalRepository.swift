import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// Signals of concern: raising, routing, triage and follow-up, the meldcode workflow, "check again" tasks
/// and feedback to the reporter. Every read and change is audited; changes appear on the resident's timeline.
public struct SignalRepository: Sendable, ActingRepository {
    let store: Store
    let context: AuditContext

    // MARK: Raising

    /// Raises a signal about a resident or an address, routed to the responsible team.
    /// Whether the actor may raise signals at all (the form asks before it is drawn; who the signal is about
    /// is checked when it is raised); a refusal is logged.
    public func authorizeRaising() async throws {
        guard AccessPolicy.canRaiseSignal(about: nil, by: try actor) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["signal:raise"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
    }

    /// The deadlines and routing rules, for the settings page: for those who manage them.
    public func settings() async throws -> (deadlines: SignalDeadlines, rules: [RoutingRule]) {
        guard AccessPolicy.canManageSignalSettings(try actor) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["signals:settings"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
        return (try await deadlines(), try await rules())
    }

    public func raise(_ input: SignalInput) async throws -> Signal {
        let actor = try actor
        let valid = try input.validated()
        var scope: ResidentScope?
        var addressID = valid.addressID
        if let resident = valid.residentID {
            guard let found = try await store.residents(context).scopeIfExists(of: resident) else {
                throw ValidationError(field: "residentID", key: "resident.unknown")
            }
            scope = found
            addressID = try await ResidentRecord.find(resident.uuid, on: store.database)?.addressID.map(Address.ID.init)
        } else if let addressID, try await AddressRecord.find(addressID.uuid, on: store.database) == nil {
            throw ValidationError(field: "addressID", key: "address.unknown")
        }
        guard AccessPolicy.canRaiseSignal(about: scope, by: actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: valid.residentID, objects: ["signal.create"])],
                context: context)
            throw DomainError.forbidden(reason: "scope")
        }
        if let moment = valid.contactMomentID {
            let record = try await ContactMomentRecord.find(moment.uuid, on: store.database)
            guard let record, record.residentID == valid.residentID?.uuid else {
                throw ValidationError(field: "contactMomentID", key: "signal.momentOfOtherResident")
            }
        }
        let buurt = try await area(resident: scope, address: addressID)
        let now = store.clock.now()
        let deadlines = try await deadlines()
        let route = try await routing(domains: valid.domains, urgency: valid.urgency, buurt: buurt, fallback: actor)
        let signal = Signal(
            id: store.ids(), residentID: valid.residentID, addressID: addressID, domains: valid.domains,
            urgency: valid.urgency, observation: valid.observation, meldcode: valid.meldcode,
            contactMomentID: valid.contactMomentID, teamID: route.teamID, assigneeID: route.assigneeID,
            reporterID: actor.userID, raisedAt: now,
            dueDate: deadlines.dueDate(for: valid.urgency, raisedOn: LocalDate(now)))
        try await store.write { db in
            try await insert(signal, on: db)
        }
        return signal
    }

    /// Stores a new signal with its first history entry, timeline event and audit entry, in the caller's transaction.
    func insert(_ signal: Signal, on db: any Database) async throws {
        try await store.audit.append(
            [AuditEvent(.signalCreate, resident: signal.residentID, objects: ["signal:\(signal.id)"])],
            context: context, on: db)
        try await SignalRecord(signal).create(on: db)
        try await history(signal.id, "raised", to: .new, reason: nil, on: db)
        if let resident = signal.residentID {
            // The timeline says that a signal was raised and in which domains, never what was seen;
            // for a meldcode signal not even the domains.
            try await timeline(
                resident, Self.timelineKind(signal, "signal.raised"),
                detail: signal.meldcode ? nil : signal.domains.map(\.rawValue).joined(separator: ","), on: db)
            try await Self.refreshOpenSignals(of: resident, on: db)
        }
    }

    /// The signal a concern typed at the door becomes: normal urgency, its domains set at triage.
    func doorstepSignal(for moment: ContactMoment, scope: ResidentScope) async throws -> Signal? {
        guard let concern = moment.concern?.nonEmpty else { return nil }
        let actor = try actor
        let deadlines = try await deadlines()
        let route = try await routing(domains: [], urgency: .normal, buurt: scope.buurtCode, fallback: actor)
        let now = store.clock.now()
        let address = try await ResidentRecord.find(moment.residentID.uuid, on: store.database)?.addressID
        return Signal(
            id: store.ids(), residentID: moment.residentID, addressID: address.map(Address.ID.init), domains: [],
            urgency: .normal, observation: String(concern.prefix(SignalInput.maximumObservationLength)),
            meldcode: false, contactMomentID: moment.id, teamID: route.teamID, assigneeID: route.assigneeID,
            reporterID: actor.userID, raisedAt: now, dueDate: deadlines.dueDate(for: .normal, raisedOn: LocalDate(now)))
    }

    // MARK: Reading

    /// One signal as the actor may see it: the whole file for its handlers, the status for its reporter.
    public func detail(_ id: Signal.ID) async throws -> SignalDetail {
        let actor = try actor
        let (signal, view) = try await load(id)
        guard view > .none else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: signal.residentID, objects: ["signal:\(id)"])], context: context)
            throw DomainError.notFound(kind: "signal")
        }
        let (name, line) = try await label(resident: signal.residentID, address: signal.addressID)
        try await store.audit.record(
            [
                AuditEvent(
                    view == .full ? .signalRead : .signalStatus, resident: signal.residentID,
                    objects: ["signal:\(id)"])
            ],
            context: context)
        guard view == .full else {
            var redacted = signal
            redacted.observation = ""
            redacted.domains = []
            redacted.assigneeID = nil
            redacted.teamID = nil
            return SignalDetail(
                signal: redacted, view: view, residentName: name, addressLine: line, history: [],
                meldcode: MeldcodeWorkflow(), tasks: [], canHandle: false, canReassign: false)
        }
        let history = try await SignalHistoryRecord.query(on: store.database).filter(\.$signalID == id.uuid)
            .sort(\.$at).all().map { $0.domain() }
        let steps = try await MeldcodeEntryRecord.query(on: store.database).filter(\.$signalID == id.uuid).all()
            .compactMap { $0.domain() }
        let tasks = try await SignalTaskRecord.query(on: store.database).filter(\.$signalID == id.uuid)
            .sort(\.$date).all().map { try $0.domain() }
        let meldcode = MeldcodeWorkflow(entries: steps)
        var detail = SignalDetail(
            signal: signal, view: view, residentName: name, addressLine: line, history: history,
            meldcode: meldcode, tasks: tasks, canHandle: AccessPolicy.canHandle(view, by: actor),
            canReassign: AccessPolicy.canReassign(signal, view: view, by: actor))
        if detail.canHandle {
            detail.nextEvents = signal.nextEvents(meldcodeDecided: meldcode.decision != nil)
            let members = try await teamMembers(signal.teamID)
            detail.assignees = members.filter { AccessPolicy.canBeAssigned(signal, to: $0.actor) }.map(\.user)
            detail.checkers = members.filter { AccessPolicy.canBeAskedToCheckAgain(signal, person: $0.actor) }
                .map(\.user)
            detail.referrals = try await store.referrals(context).ofSignal(id)
        }
        return detail
    }

    /// The active members of a team, each with the actor the access policy judges.
    private func teamMembers(_ team: Team.ID?) async throws -> [(user: User, actor: Actor)] {
        guard let team else { return [] }
        let users = try await store.accounts.users().filter { $0.active && $0.teamIDs.contains(team) }
        return Array(zip(users, try await store.accounts.actors(for: users)))
    }

    /// A team's or the actor's own signals, the earliest due first.
    public func inbox(_ filter: SignalFilter, page: Paging) async throws -> Paged<SignalSummary> {
        let query = try query(for: filter)
        let total = try await query.count()
        let records = try await query.sort(\.$dueDate).sort(\.$raisedAt)
            .range(page.offset..<(page.offset + page.perPage)).all()
        let items = try await summaries(records, today: LocalDate(store.clock.now()))
        if !items.isEmpty {
            try await store.audit.record(
                items.map {
                    AuditEvent(.signalList, resident: residentOf(records, $0.id), objects: ["signal:\($0.id)"])
                },
                context: context)
        }
        return Paged(items: items, page: page.page, perPage: page.perPage, total: total)
    }

    /// How many signals a list holds; reads no signal, so nothing to audit.
    public func count(_ filter: SignalFilter) async throws -> Int {
        try await query(for: filter).count()
    }

    /// How many signals a list holds per open state, for the inbox's filter.
    public func counts(_ scope: SignalFilter.Scope) async throws -> [SignalState: Int] {
        var result: [SignalState: Int] = [:]
        for state in SignalState.allCases where state.isOpen {
            result[state] = try await count(SignalFilter(scope: scope, state: state))
        }
        return result
    }

    private func query(for filter: SignalFilter) throws -> QueryBuilder<SignalRecord> {
        let actor = try actor
        var query = SignalRecord.query(on: store.database)
        switch filter.scope {
        case .team(let team):
            guard actor.teamIDs.contains(team), AccessPolicy.handlesSignals(actor.role) else {
                throw DomainError.forbidden(reason: "scope")
            }
            query = query.filter(\.$teamID == team.uuid)
        case .mine:
            query = query.filter(\.$assigneeID == actor.userID.uuid)
        }
        if !AccessPolicy.handlesMeldcode(actor) {
            query = query.filter(\.$meldcode == false)
        }
        if let state = filter.state {
            query = query.filter(\.$state == state.rawValue)
        } else {
            query = query.filter(\.$state != SignalState.closed.rawValue)
        }
        if let urgency = filter.urgency { query = query.filter(\.$urgency == urgency.rawValue) }
        if let domain = filter.domain { query = query.filter(\.$domains, .custom("LIKE"), "%\(domain.rawValue)%") }
        if filter.overdueOnly {
            let today = LocalDate(store.clock.now())
            query = query.filter(\.$state == SignalState.new.rawValue).filter(\.$dueDate < today.description)
        }
        return query
    }

    /// The signals the actor raised, with what they may know: status and a neutral outcome. Meldcode
    /// signals are not shown to their reporter.
    public func reported(page: Paging) async throws -> Paged<ReportedSignal> {
        let actor = try actor
        let query = SignalRecord.query(on: store.database).filter(\.$reporterID == actor.userID.uuid)
            .filter(\.$meldcode == false)
        let total = try await query.count()
        let records = try await query.sort(\.$raisedAt, .descending).range(page.offset..<(page.offset + page.perPage))
            .all()
        let signals = try records.map { try $0.domain() }
        let names = try await labels(signals.map { ($0.residentID, $0.addressID) }, minimum: .basic)
        let referrals = try await store.referrals(context).reporterStatuses(of: signals.map(\.id))
        let items = zip(signals, names).map { signal, name in
            var item = ReportedSignal(
                id: signal.id, raisedAt: signal.raisedAt, status: ReporterStatus(signal.state),
                outcome: signal.outcome?.neutral, residentName: name.0, addressLine: name.1)
            item.referral = referrals[signal.id]
            return item
        }
        if !items.isEmpty {
            try await store.audit.record(
                items.map {
                    AuditEvent(.signalStatus, resident: residentOf(records, $0.id), objects: ["signal:\($0.id)"])
                },
                context: context)
        }
        return Paged(items: items, page: page.page, perPage: page.perPage, total: total)
    }

    /// The signals about one resident the actor may fully see, newest first.
    public func signals(of resident: Resident.ID) async throws -> [SignalSummary] {
        let actor = try actor
        let scope = try await store.residents(context).scope(of: resident)
        let records = try await SignalRecord.query(on: store.database).filter(\.$residentID == resident.uuid)
            .sort(\.$raisedAt, .descending).all()
        let visible = try records.filter {
            AccessPolicy.view(of: try $0.domain(), resident: scope, area: scope.buurtCode, by: actor) == .full
        }
        let items = try await summaries(visible, today: LocalDate(store.clock.now()))
        if !items.isEmpty {
            try await store.audit.record(
                [AuditEvent(.signalList, resident: resident, objects: items.map { "signal:\($0.id)" })],
                context: context)
        }
        return items
    }

    /// Counts per state and domain without any person in them: what the policy role may see.
    public func statistics() async throws -> (byState: [SignalState: Int], byDomain: [LifeDomain: Int]) {
        guard AccessPolicy.canViewSignalCounts(try actor) else { throw DomainError.forbidden(reason: "role") }
        let rows = try await store.sql.select().column("state").column("domains").from("signals").all()
        var byState: [SignalState: Int] = [:]
        var byDomain: [LifeDomain: Int] = [:]
        for row in rows {
            if let state = SignalState(rawValue: try row.decode(column: "state", as: String.self)) {
                byState[state, default: 0] += 1
            }
            for key in try row.decode(column: "domains", as: String.self).split(separator: ",") {
                if let domain = LifeDomain(rawValue: String(key)) { byDomain[domain, default: 0] += 1 }
            }
        }
        return (byState, byDomain)
    }

    // MARK: Changing

    /// A step asked for by a handler. Closing without an outcome is only for a meldcode signal, whose outcome
    /// is the meldcode's decision; any other signal needs an outcome to close.
    public func apply(_ step: SignalStep, to id: Signal.ID, reason: String?, domains: [LifeDomain] = []) async throws
        -> Signal
    {
        switch step {
        case .event(let event):
            return try await apply(event, to: id, reason: reason, domains: domains)
        case .closeByDecision:
            guard try await SignalRecord.find(id.uuid, on: store.database)?.meldcode == true else {
                throw ValidationError(field: "outcome", key: "required")
            }
            return try await apply(.close(.noConcern), to: id, reason: reason, domains: domains)
        }
    }

    /// Moves the signal through its states. Triage may set the domains (a signal from the door has none
    /// yet); a changed domain reruns the routing. Closing a meldcode signal needs the meldcode's decision.
    public func apply(_ event: SignalEvent, to id: Signal.ID, reason: String?, domains: [LifeDomain]? = nil)
        async throws -> Signal
    {
        try Self.checkReason(reason)
        let (signal, view, revision) = try await loadForChange(id)
        try await requireHandle(signal, view)
        var event = event
        if case .close = event, signal.meldcode {
            let steps = try await MeldcodeEntryRecord.query(on: store.database).filter(\.$signalID == id.uuid).all()
            guard let decision = MeldcodeWorkflow(entries: steps.compactMap { $0.domain() }).decision else {
                throw DomainError.conflict(key: "meldcode.undecided")
            }
            event = .close(decision.outcome)
        }
        var next = try signal.applying(event, at: store.clock.now())
        if let domains, !domains.isEmpty { next.domains = LifeDomain.allCases.filter(domains.contains) }
        if event == .triage && next.domains.isEmpty {
            throw ValidationError(field: "domains", key: "signal.domainRequired")
        }
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        let rerouted = next.domains != signal.domains
        if rerouted {
            let scope = try await signal.residentID.asyncFlatMap {
                try await store.residents(context).scopeIfExists(of: $0)
            }
            let buurt = try await area(resident: scope, address: signal.addressID)
            let route = try await routing(
                domains: next.domains, urgency: next.urgency, buurt: buurt, fallback: try actor)
            next.teamID = route.teamID ?? next.teamID
            if route.teamID != signal.teamID || route.assigneeID != nil { next.assigneeID = route.assigneeID }
        }
        if event == .triage && next.assigneeID == nil { next.assigneeID = try actor.userID }
        let stored = next
        let applied = event
        try await store.write { db in
            try await save(stored, read: revision, event: .signal(applied), on: db)
            try await history(id, applied.name, from: signal.state, to: stored.state, reason: reason, on: db)
            if rerouted {
                try await history(id, "reroute", reason: stored.domains.map(\.rawValue).joined(separator: ","), on: db)
            }
            if let resident = stored.residentID, stored.state != signal.state {
                try await timeline(
                    resident, Self.timelineKind(stored, "signal.\(stored.state.rawValue)"),
                    detail: stored.outcome?.rawValue, on: db)
                try await Self.refreshOpenSignals(of: resident, on: db)
            }
        }
        return stored
    }

    /// Gives the signal to another team or person (the coordinator's decision).
    public func assign(_ id: Signal.ID, team: Team.ID?, assignee: User.ID?, reason: String?) async throws -> Signal {
        try Self.checkReason(reason)
        let actor = try actor
        let (signal, view, revision) = try await loadForChange(id)
        guard AccessPolicy.canReassign(signal, view: view, by: actor) else {
            throw try await denied(signal, "signal.assign")
        }
        var next = signal
        if let team {
            guard try await TeamRecord.find(team.uuid, on: store.database) != nil else {
                throw ValidationError(field: "teamID", key: "invalid")
            }
            next.teamID = team
        }
        if let assignee {
            guard let user = try await store.accounts.user(assignee), user.active,
                next.teamID.map({ user.teamIDs.contains($0) }) ?? false
            else { throw ValidationError(field: "assigneeID", key: "signal.assigneeNotInTeam") }
            guard AccessPolicy.canBeAssigned(signal, to: try await store.accounts.actor(for: user)) else {
                throw ValidationError(
                    field: "assigneeID", key: signal.meldcode ? "signal.meldcodeAssignee" : "signal.assigneeNotHandler")
            }
        }
        next.assigneeID = assignee
        let stored = next
        try await store.write { db in
            try await save(stored, read: revision, event: .signalAssign, on: db)
            try await history(id, "assign", reason: reason?.nonEmpty, on: db)
        }
        return stored
    }

    /// Merges a duplicate into another signal about the same resident or address; the duplicate closes.
    public func merge(_ id: Signal.ID, into targetID: Signal.ID, reason: String?) async throws -> Signal {
        try Self.checkReason(reason)
        guard id != targetID else { throw ValidationError(field: "targetID", key: "signal.mergeSelf") }
        let (signal, view, revision) = try await loadForChange(id)
        try await requireHandle(signal, view)
        let (target, targetView, targetRevision) = try await loadForChange(targetID)
        try await requireHandle(target, targetView)
        guard target.state.isOpen else {
            throw DomainError.illegalTransition(from: target.state.rawValue, to: SignalState.closed.rawValue)
        }
        guard signal.residentID == target.residentID, signal.residentID != nil || signal.addressID == target.addressID
        else { throw ValidationError(field: "targetID", key: "signal.mergeOtherResident") }
        var merged = try signal.applying(.merge, at: store.clock.now())
        merged.mergedIntoID = targetID
        let stored = merged
        try await store.write { db in
            try await save(stored, read: revision, event: .signalMerge, on: db)
            // The target must still be open as it was read: it is revised too, so it cannot close meanwhile.
            try await revise(targetID, read: targetRevision, on: db)
            try await history(id, "merge", from: signal.state, to: .closed, reason: reason?.nonEmpty, on: db)
            try await history(targetID, "merged_from", reason: "\(id)", on: db)
            if let resident = stored.residentID {
                try await timeline(resident, Self.timelineKind(stored, "signal.merged"), detail: nil, on: db)
                try await Self.refreshOpenSignals(of: resident, on: db)
            }
        }
        return stored
    }

    /// Records the next step of the meldcode workflow; steps come in order and each once.
    public func recordMeldcodeStep(_ id: Signal.ID, _ input: MeldcodeStepInput) async throws -> MeldcodeWorkflow {
        let (signal, view, revision) = try await loadForChange(id)
        try await requireHandle(signal, view)
        guard signal.meldcode else { throw DomainError.conflict(key: "meldcode.notMeldcode") }
        guard signal.state.isOpen else {
            throw DomainError.illegalTransition(from: signal.state.rawValue, to: "meldcode_step_\(input.step)")
        }
        let steps = try await MeldcodeEntryRecord.query(on: store.database).filter(\.$signalID == id.uuid).all()
        let (workflow, entry) = try MeldcodeWorkflow(entries: steps.compactMap { $0.domain() }).recording(
            input, id: store.ids(), by: try actor.userID, at: store.clock.now())
        try await store.write { db in
            try await store.audit.append(
                [
                    AuditEvent(
                        .meldcode(entry.step), resident: signal.residentID, objects: ["signal:\(id)"])
                ],
                context: context, on: db)
            // The step is decided on the signal and its steps as read: a step or a close meanwhile refuses it.
            try await revise(id, read: revision, on: db)
            try await MeldcodeEntryRecord(entry, of: id).create(on: db)
            try await history(id, "meldcode", reason: "\(entry.step.rawValue)", on: db)
        }
        return workflow
    }

    /// Asks someone of the team to look again on a day ("kijk donderdag even of het beter gaat").
    public func addTask(to id: Signal.ID, assignee: User.ID, date: String, instruction: String) async throws
        -> SignalTask
    {
        let actor = try actor
        let (signal, view) = try await load(id)
        try await requireHandle(signal, view)
        var validator = Validator()
        let day = validator.check("date") { try LocalDate(date) }
        if let day, day < LocalDate(store.clock.now()) { validator.add("date", "date.inPast") }
        let user = try await store.accounts.user(assignee)
        if user == nil || user?.active != true
            || !(signal.teamID.map { team in user?.teamIDs.contains(team) ?? false } ?? false)
        {
            validator.add("assigneeID", "signal.assigneeNotInTeam")
        } else if let user,
            try await !AccessPolicy.canBeAskedToCheckAgain(signal, person: store.accounts.actor(for: user))
        {
            validator.add("assigneeID", signal.meldcode ? "signal.meldcodeAssignee" : "signal.notAskable")
        }
        let task = validator.run {
            try SignalTask(
                id: store.ids(), signalID: id, residentID: signal.residentID, assigneeID: assignee,
                date: day ?? LocalDate(store.clock.now()), instruction: instruction, createdBy: actor.userID)
        }
        try validator.finish()
        let stored = task!
        try await store.write { db in
            try await store.audit.append(
                [
                    AuditEvent(
                        .signalTask, resident: signal.residentID, objects: ["signal:\(id)", "task:\(stored.id)"])
                ],
                context: context, on: db)
            try await SignalTaskRecord(stored).create(on: db)
            try await history(id, "task", reason: stored.instruction, on: db)
        }
        return stored
    }

    /// The actor's open "check again" tasks up to a week ahead, with the name and address they need at the door.
    public func myTasks() async throws -> [TaskItem] {
        let actor = try actor
        let until = LocalDate(store.clock.now()).adding(days: 7)
        let records = try await SignalTaskRecord.query(on: store.database).filter(\.$assigneeID == actor.userID.uuid)
            .filter(\.$doneAt == nil).filter(\.$date <= until.description).sort(\.$date).limit(100).all()
        let tasks = try records.map { try $0.domain() }
        let signalIDs = Set(tasks.map(\.signalID.uuid))
        let signalAddresses = try await store.records(SignalRecord.self, signalIDs).mapValues(\.addressID)
        let names = try await labels(
            tasks.map { ($0.residentID, (signalAddresses[$0.signalID.uuid] ?? nil).map(Address.ID.init)) },
            minimum: .basic)
        let items = zip(tasks, names).map { task, name in
            TaskItem(task: task, residentName: name.0, addressLine: name.1)
        }
        if !items.isEmpty {
            try await store.audit.record(
                items.map { AuditEvent(.taskList, resident: $0.task.residentID, objects: ["task:\($0.task.id)"]) },
                context: context)
        }
        return items
    }

    /// Marks a task as done with what the concierge saw; the handlers read it in the signal's history.
    public func completeTask(_ id: SignalTask.ID, note: String?) async throws {
        let actor = try actor
        guard let record = try await SignalTaskRecord.find(id.uuid, on: store.database),
            record.assigneeID == actor.userID.uuid
        else { throw DomainError.notFound(kind: "task") }
        guard record.doneAt == nil else { throw DomainError.illegalTransition(from: "task_done", to: "task_done") }
        let note = note?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if let note, note.count > 1000 { throw ValidationError(field: "note", key: "tooLong") }
        let now = store.clock.now()
        let resident = record.residentID.map(Resident.ID.init)
        try await store.write { db in
            try await store.audit.append(
                [AuditEvent(.taskDone, resident: resident, objects: ["task:\(id)"])], context: context, on: db)
            // Compare-and-set: done once, also when marked from two phones at once.
            let marked = try await db.sql.raw(
                """
                UPDATE signal_tasks SET done_at = \(bind: now), done_note = \(bind: note) \
                WHERE id = \(bind: id.uuid) AND done_at IS NULL RETURNING id
                """
            ).all()
            guard !marked.isEmpty else { throw DomainError.illegalTransition(from: "task_done", to: "task_done") }
            try await history(.init(record.signalID), "task_done", reason: note, on: db)
            if let resident { try await timeline(resident, "task.done", detail: nil, on: db) }
        }
    }

    /// Marks every signal that waits past its due date as escalated, once, so the coordinator sees it.
    /// Safe to run on several instances at once: the update only touches signals not yet escalated.
    public func escalateOverdue() async throws -> Int {
        let now = store.clock.now()
        let today = LocalDate(now).description
        let overdue = try await SignalRecord.query(on: store.database).filter(\.$state == SignalState.new.rawValue)
            .filter(\.$dueDate < today).filter(\.$escalatedAt == nil).all()
        var escalated = 0
        for record in overdue {
            let id = Signal.ID(record.id!)
            let changed = try await store.write { db -> Bool in
                let rows = try await db.sql.raw(
                    """
                    UPDATE signals SET escalated_at = \(bind: now) WHERE id = \(bind: id.uuid) AND escalated_at IS NULL \
                    RETURNING id
                    """
                ).all()
                guard !rows.isEmpty else { return false }
                try await history(id, "escalate", reason: record.dueDate, on: db)
                try await store.audit.append(
                    [
                        AuditEvent(
                            .signalEscalate, resident: record.residentID.map(Resident.ID.init),
                            objects: ["signal:\(id)"])
                    ], context: context, on: db)
                return true
            }
            if changed { escalated += 1 }
        }
        return escalated
    }

    /// Reruns the routing of a resident's open signals after a move to another neighbourhood.
    func rerouteOpenSignals(of resident: Resident.ID, buurt: AreaCode?, on db: any Database) async throws {
        let open = try await SignalRecord.query(on: db).filter(\.$residentID == resident.uuid)
            .filter(\.$state != SignalState.closed.rawValue).all()
        for found in open {
            // Read again after a change that came in between (within this transaction it then shows).
            var record: SignalRecord? = found
            for _ in 0..<5 {
                guard let current = record, current.state != SignalState.closed.rawValue else { break }
                var signal = try current.domain()
                let route = try await routing(
                    domains: signal.domains, urgency: signal.urgency, buurt: buurt, fallback: nil, on: db)
                guard let team = route.teamID, team != signal.teamID else { break }
                signal.teamID = team
                signal.assigneeID = route.assigneeID
                if try await write(signal, read: current.revision, on: db) {
                    try await history(signal.id, "reroute", reason: buurt?.description, on: db)
                    break
                }
                record = try await SignalRecord.find(found.id, on: db)
            }
        }
    }

    /// Why something was done is at most 1,000 characters, as the API document says.
    static func checkReason(_ reason: String?) throws {
        if let reason, reason.count > 1000 { throw ValidationError(field: "reason", key: "tooLong") }
    }

    // MARK: Settings

    public func deadlines() async throws -> SignalDeadlines {
        guard let record = try await SignalSettingsRecord.query(on: store.database).first() else { return .standard }
        return (try? SignalDeadlines(acute: record.acuteDays, high: record.highDays, normal: record.normalDays))
            ?? .standard
    }

    public func setDeadlines(_ deadlines: SignalDeadlines) async throws {
        guard AccessPolicy.canManageSignalSettings(try actor) else { throw DomainError.forbidden(reason: "role") }
        try await store.write { db in
            try await store.audit.append([AuditEvent(.signalSettings)], context: context, on: db)
            let record = try await SignalSettingsRecord.query(on: db).first() ?? SignalSettingsRecord()
            record.acuteDays = deadlines.acute
            record.highDays = deadlines.high
            record.normalDays = deadlines.normal
            try await record.save(on: db)
        }
    }

    public func rules() async throws -> [RoutingRule] {
        try await RoutingRuleRecord.query(on: store.database).sort(\.$position).all().map { $0.domain() }
    }

    /// Adds a routing rule at the end of the list.
    /// Adds a routing rule at the end of the list: its team must exist, and its person be of that team.
    public func addRule(_ draft: RoutingRuleDraft) async throws -> RoutingRule {
        guard AccessPolicy.canManageSignalSettings(try actor) else { throw DomainError.forbidden(reason: "role") }
        var validator = Validator()
        if try await TeamRecord.find(draft.teamID.uuid, on: store.database) == nil {
            validator.add("teamID", "invalid")
        } else if let assignee = draft.assigneeID,
            try await store.accounts.user(assignee)?.teamIDs.contains(draft.teamID) != true
        {
            validator.add("assigneeID", "signal.assigneeNotInTeam")
        }
        try validator.finish()
        let position = (try await RoutingRuleRecord.query(on: store.database).max(\.$position) ?? 0) + 1
        let rule = RoutingRule(
            id: store.ids(), position: position, domain: draft.domain, minimumUrgency: draft.minimumUrgency,
            area: draft.area, teamID: draft.teamID, assigneeID: draft.assigneeID)
        try await store.write { db in
            try await store.audit.append(
                [AuditEvent(.routingAdd, objects: ["rule:\(rule.id)"])], context: context, on: db)
            try await RoutingRuleRecord(rule).create(on: db)
        }
        return rule
    }

    public func removeRule(_ id: RoutingRule.ID) async throws {
        guard AccessPolicy.canManageSignalSettings(try actor) else { throw DomainError.forbidden(reason: "role") }
        try await store.write { db in
            try await store.audit.append(
                [AuditEvent(.routingRemove, objects: ["rule:\(id)"])], context: context, on: db)
            try await RoutingRuleRecord.query(on: db).filter(\.$id == id.uuid).delete()
        }
    }

    // MARK: Helpers

    func load(_ id: Signal.ID) async throws -> (Signal, SignalView) {
        let (signal, view, _) = try await loadForChange(id)
        return (signal, view)
    }

    /// The signal, how the actor sees it, and the revision a change must name to be written.
    private func loadForChange(_ id: Signal.ID) async throws -> (Signal, SignalView, revision: Int) {
        guard let record = try await SignalRecord.find(id.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "signal")
        }
        let signal = try record.domain()
        let scope = try await signal.residentID.asyncFlatMap {
            try await store.residents(context).scopeIfExists(of: $0)
        }
        let area = try await area(resident: scope, address: signal.addressID)
        return (signal, AccessPolicy.view(of: signal, resident: scope, area: area, by: try actor), record.revision)
    }

    private func requireHandle(_ signal: Signal, _ view: SignalView) async throws {
        guard AccessPolicy.canHandle(view, by: try actor) else { throw try await denied(signal, "signal.handle") }
    }

    /// Logs the refusal and returns the error to throw.
    private func denied(_ signal: Signal, _ what: String) async throws -> any Error {
        try await store.audit.record(
            [AuditEvent(.accessDenied, resident: signal.residentID, objects: [what, "signal:\(signal.id)"])],
            context: context)
        return DomainError.forbidden(reason: "scope")
    }

    /// The buurt a signal is about: the resident's, else the address's.
    private func area(resident: ResidentScope?, address: Address.ID?) async throws -> AreaCode? {
        if let buurt = resident?.buurtCode { return buurt }
        guard let address else { return nil }
        return try await AddressRecord.find(address.uuid, on: store.database)?.domain().buurtCode
    }

    private func routing(
        domains: [LifeDomain], urgency: SignalUrgency, buurt: AreaCode?, fallback actor: Actor?,
        on db: (any Database)? = nil
    ) async throws -> RoutingDecision {
        let db = db ?? store.database
        let rules = try await RoutingRuleRecord.query(on: db).all().map { $0.domain() }
        let coverage = try await TeamCoverageRecord.query(on: db).all().compactMap { record in
            (try? AreaCode(record.code)).map { (team: Team.ID(record.teamID), area: $0) }
        }
        return SignalRouting.route(
            domains: domains, urgency: urgency, buurt: buurt, rules: rules, coverage: coverage,
            fallback: actor?.teamIDs.sorted { $0.description < $1.description }.first)
    }

    /// The resident's name and address line, when the actor may see at least `minimum` of them.
    /// The name and address line of who a signal is about, as the actor may see them: the name only when the
    /// actor sees the resident at least at `minimum`; the address when only the address is known.
    private func label(resident: Resident.ID?, address: Address.ID?, minimum: ResidentView = .full) async throws
        -> (String?, String?)
    {
        try await labels([(resident, address)], minimum: minimum)[0]
    }

    /// Labels for many subjects at once, in their order: two queries, however many there are.
    private func labels(_ subjects: [(resident: Resident.ID?, address: Address.ID?)], minimum: ResidentView)
        async throws -> [(String?, String?)]
    {
        let actor = try actor
        let found = try await store.residentScopes(
            Set(subjects.compactMap { $0.resident?.uuid }), addresses: Set(subjects.compactMap { $0.address?.uuid }))
        return try subjects.map { subject in
            if let id = subject.resident, let record = found.residents[id.uuid], let scope = found.scope(of: id) {
                guard AccessPolicy.view(of: scope, by: actor) >= minimum else { return (nil, nil) }
                let address = record.addressID.flatMap { found.addresses[$0] }
                return (try record.domain().fullName, try address?.domain().singleLine)
            }
            return (nil, try subject.address.flatMap { found.addresses[$0.uuid] }?.domain().singleLine)
        }
    }

    private func summaries(_ records: [SignalRecord], today: LocalDate) async throws -> [SignalSummary] {
        let signals = try records.map { try $0.domain() }
        let names = try await labels(signals.map { ($0.residentID, $0.addressID) }, minimum: .basic)
        return zip(signals, names).map { signal, name in
            SignalSummary(signal, today: today, residentName: name.0, addressLine: name.1)
        }
    }

    private func residentOf(_ records: [SignalRecord], _ id: Signal.ID) -> Resident.ID? {
        records.first { $0.id == id.uuid }?.residentID.map(Resident.ID.init)
    }

    /// Writes a change decided on the signal as it was at `read`, with its audit entry; refused (and the
    /// transaction rolled back) when someone changed the signal since.
    private func save(_ signal: Signal, read revision: Int, event: AuditAction, on db: any Database) async throws {
        try await store.audit.append(
            [AuditEvent(event, resident: signal.residentID, objects: ["signal:\(signal.id)"])], context: context, on: db
        )
        guard try await write(signal, read: revision, on: db) else {
            throw DomainError.conflict(key: "signal.changedMeanwhile")
        }
    }

    /// Compare-and-set of what a change may touch (state, outcome, domains, team, assignee, merge), only
    /// when the stored revision is still `revision`. Returns whether it was written. The escalation mark is
    /// left alone: the escalation job sets it by its own compare-and-set.
    private func write(_ signal: Signal, read revision: Int, on db: any Database) async throws -> Bool {
        try await !db.sql.raw(
            """
            UPDATE signals SET state = \(bind: signal.state.rawValue), outcome = \(bind: signal.outcome?.rawValue), \
            closed_at = \(bind: signal.closedAt), \
            domains = \(bind: signal.domains.map(\.rawValue).joined(separator: ",")), \
            team_id = \(bind: signal.teamID?.uuid), assignee_id = \(bind: signal.assigneeID?.uuid), \
            merged_into_id = \(bind: signal.mergedIntoID?.uuid), revision = revision + 1 \
            WHERE id = \(bind: signal.id.uuid) AND revision = \(bind: revision) RETURNING id
            """
        ).all().isEmpty
    }

    /// Raises the revision of a signal that a change relies on without changing it (a merge's target, the
    /// signal of a meldcode step), so that a change of it meanwhile refuses this one.
    private func revise(_ id: Signal.ID, read revision: Int, on db: any Database) async throws {
        let rows = try await db.sql.raw(
            """
            UPDATE signals SET revision = revision + 1 WHERE id = \(bind: id.uuid) AND revision = \(bind: revision) \
            RETURNING id
            """
        ).all()
        guard !rows.isEmpty else { throw DomainError.conflict(key: "signal.changedMeanwhile") }
    }

    private func history(
        _ id: Signal.ID, _ kind: String, from: SignalState? = nil, to: SignalState? = nil, reason: String?,
        on db: any Database
    ) async throws {
        try await SignalHistoryRecord(
            SignalHistoryEntry(
                id: store.ids(), signalID: id, at: store.clock.now(), actorID: context.actor?.userID, kind: kind,
                fromState: from, toState: to, reason: reason)
        ).create(on: db)
    }

    private func timeline(_ resident: Resident.ID, _ kind: String, detail: String?, on db: any Database) async throws {
        try await TimelineEventRecord(
            TimelineEvent(
                id: store.ids(), residentID: resident, at: store.clock.now(), kind: kind,
                actorID: context.actor?.userID,
                detail: detail)
        ).create(on: db)
    }

    /// Timeline entries of a meldcode signal are marked, so only meldcode professionals see them.
    static func timelineKind(_ signal: Signal, _ kind: String) -> String {
        signal.meldcode ? "meldcode." + kind : kind
    }

    /// Keeps the count of open signals a round stop shows (never their content) in step with the signals.
    static func refreshOpenSignals(of resident: Resident.ID, on db: any Database) async throws {
        try await db.sql.raw(
            """
            INSERT INTO resident_contact_status (resident_id, trailing_misses, open_concerns) \
            VALUES (\(bind: resident.uuid), 0, (\(openSignalCount(resident)))) \
            ON CONFLICT (resident_id) DO UPDATE SET open_concerns = excluded.open_concerns
            """
        ).run()
    }

    /// The number of open signals about a resident that a round may show: meldcode signals are left out.
    static func openSignalCount(_ resident: Resident.ID) -> SQLQueryString {
        """
        SELECT COUNT(*) FROM signals WHERE resident_id = \(bind: resident.uuid) AND state <> 'closed' \
        AND meldcode = \(bind: false)
        """
    }
}

extension Store {
    /// Signals on behalf of one actor; every call checks access and is audited.
    public func signals(_ context: AuditContext) -> SignalRepository {
        SignalRepository(store: self, context: context)
    }
}
