import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// Referrals: the referrer's form and the consent gate, the partner's inbox and steps, messages between
/// them, deadlines and escalation, and the figures of how fast a service answers. Every read and change is
/// audited in its transaction, refusals too; every step is a compare-and-set on the referral's revision.
public struct ReferralRepository: Sendable, ActingRepository {
    let store: Store
    let context: AuditContext

    static let maximumMessageLength = 1000
    /// At most this many services in the form's list; the map's "Doorverwijzen" reaches every other one.
    static let formServiceLimit = 300

    // MARK: The form

    /// What the form for referring this resident offers; for those who may refer them (a refusal is logged).
    public func formOptions(resident id: Resident.ID, signal: Signal.ID?, service: MapService.ID?) async throws
        -> ReferralFormOptions
    {
        let actor = try actor
        let scope = try await store.residents(context).scope(of: id)
        try await requireRefer(scope, object: "referral.form")
        guard let record = try await ResidentRecord.find(id.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "resident")
        }
        if let signal { _ = try await checkedSignal(signal, of: id) }
        let consents = try await ConsentRecord.query(on: store.database).filter(\.$residentID == id.uuid)
            .filter(\.$withdrawnAt == nil).all().map { try $0.domain() }
        let consented = Set(consents.filter { $0.purpose == .referral }.flatMap(\.organisationIDs))
        let services = try await targets(nil)
        let chosen = try await service.asyncFlatMap { try await targets([$0.uuid]).first }
        try await store.audit.record(
            [AuditEvent(.residentRead, resident: id, objects: ["resident:\(id)", "referral.form"])], context: context)
        return ReferralFormOptions(
            residentID: id, residentName: "\(record.givenName) \(record.familyName)", signalID: signal,
            chosenService: chosen, services: services,
            organisations: try await store.accounts.organisations().sorted { $0.name < $1.name },
            consentedOrganisations: consented, ownOrganisationID: actor.organisationID)
    }

    /// Whether the actor refers at all (the map's "Doorverwijzen" and the form's resident search); a refusal is logged.
    public func authorizeReferring() async throws {
        guard AccessPolicy.canRefer(try actor.role) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["referral.form"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
    }

    /// Services that accept referrals, by name, with the organisation in Schakel that answers them.
    private func targets(_ ids: [UUID]?) async throws -> [ReferralTarget] {
        var query = store.sql.select().column(SQLColumn("id", table: "s")).column(SQLColumn("name", table: "s"))
            .column(SQLColumn("wait_weeks", table: "s")).column(SQLColumn("status", table: "s"))
            .column(SQLColumn("accepts_referrals", table: "s"))
            .column(SQLColumn("name", table: "o"), as: "provider")
            .column(SQLColumn("organisation_id", table: "o"))
            .from(SQLAlias(SQLIdentifier("map_services"), as: SQLIdentifier("s")))
            .join(
                SQLAlias(SQLIdentifier("map_organizations"), as: SQLIdentifier("o")), method: SQLJoinMethod.left,
                on: SQLColumn("organization_id", table: "s"), .equal, SQLColumn("id", table: "o"))
        if let ids {
            query = query.where(SQLColumn("id", table: "s"), .in, SQLBind.group(ids))
        } else {
            query = query.where(SQLColumn("status", table: "s"), .equal, SQLBind("active"))
                .where(SQLColumn("accepts_referrals", table: "s"), .equal, SQLBind(true))
                .orderBy(SQLColumn("name", table: "s")).limit(Self.formServiceLimit)
        }
        return try await query.all().map { row in
            ReferralTarget(
                serviceID: .init(try row.decode(column: "id", as: UUID.self)),
                organisationID: try row.decode(column: "organisation_id", as: UUID?.self).map(Organisation.ID.init),
                name: try row.decode(column: "name", as: String.self),
                providerName: try row.decode(column: "provider", as: String?.self),
                waitWeeks: try row.decode(column: "wait_weeks", as: Int?.self))
        }
    }

    // MARK: Referring

    /// Refers a resident: to a service (the organisation answering it in Schakel receives it) or to an
    /// organisation. A live referral to another organisation passes the consent gate: a recorded consent
    /// for referral covering it, one recorded now, or an override with its legal ground and reason.
    public func create(_ input: ReferralInput) async throws -> Referral {
        let actor = try actor
        let valid = try input.validated()
        guard let scope = try await store.residents(context).scopeIfExists(of: valid.residentID) else {
            throw ValidationError(field: "residentID", key: "resident.unknown")
        }
        try await requireRefer(scope, object: "referral.create")
        if let signal = valid.signalID { _ = try await checkedSignal(signal, of: valid.residentID) }
        let target = try await target(of: valid)
        let now = store.clock.now()
        var referral = Referral(
            id: store.ids(), residentID: valid.residentID, serviceID: valid.serviceID,
            organisationID: target.organisationID, targetName: target.name, signalID: valid.signalID,
            mode: valid.mode, question: valid.question, domains: valid.domains, contactMethod: valid.contactMethod,
            shares: valid.mode == .logged ? [] : valid.shares, referrerID: actor.userID,
            teamID: scope.responsibleTeamID.flatMap { actor.teamIDs.contains($0) ? $0 : nil }
                ?? actor.teamIDs.sorted { $0.description < $1.description }.first,
            referrerOrganisationID: actor.organisationID, createdAt: now)
        let send = valid.mode == .live && !valid.draft
        var consent: Consent?
        if send {
            let basis = try await gate(
                to: referral, from: actor.organisationID, recordNow: valid.recordConsent, override: valid.override)
            consent = try apply(basis, to: &referral, at: now)
            referral = try referral.applying(.send, at: now, terms: target.terms)
        }
        let stored = referral
        let recorded = consent
        try await store.write { db in
            if let recorded { try await store.residents(context).insert(recorded, on: db) }
            var events = [AuditEvent(.referralCreate, resident: stored.residentID, objects: ["referral:\(stored.id)"])]
            if let override = stored.override {
                events.append(
                    AuditEvent(
                        .referralOverride, resident: stored.residentID,
                        objects: ["referral:\(stored.id)", "ground:\(override.ground.rawValue)"]))
            }
            try await store.audit.append(events, context: context, on: db)
            try await ReferralRecord(stored).create(on: db)
            try await history(stored.id, "created", to: .draft, detail: nil, on: db)
            if stored.state != .draft {
                try await history(
                    stored.id, stored.mode == .logged ? "logged" : "send", from: .draft, to: stored.state,
                    detail: stored.override.map { "override:\($0.ground.rawValue)" }, on: db)
            }
            try await timeline(stored.residentID, "referral.\(stored.state.rawValue)", stored.targetName, on: db)
            if let signal = stored.signalID {
                try await SignalHistoryRecord(
                    SignalHistoryEntry(
                        id: store.ids(), signalID: signal, at: now, actorID: stored.referrerID, kind: "referral",
                        reason: stored.targetName)
                ).create(on: db)
            }
        }
        return stored
    }

    /// Sends a draft; the consent gate as for a new referral.
    public func send(_ id: Referral.ID, recordConsent: ConsentRecording?, override: ConsentOverride?) async throws
        -> Referral
    {
        let actor = try actor
        let (referral, view, revision) = try await loadForChange(id)
        guard AccessPolicy.canTake(.send, view: view) else { throw try await denied(referral, "referral.send") }
        let now = store.clock.now()
        var next = referral
        let basis = try await gate(
            to: referral, from: actor.organisationID, recordNow: recordConsent, override: override)
        let consent = try apply(basis, to: &next, at: now)
        next = try next.applying(.send, at: now, terms: try await terms(of: referral))
        let stored = next
        try await store.write { db in
            if let consent { try await store.residents(context).insert(consent, on: db) }
            if let override = stored.override {
                try await store.audit.append(
                    [
                        AuditEvent(
                            .referralOverride, resident: stored.residentID,
                            objects: ["referral:\(stored.id)", "ground:\(override.ground.rawValue)"])
                    ], context: context, on: db)
            }
            try await save(stored, read: revision, step: "send", from: referral.state, detail: nil, on: db)
        }
        return stored
    }

    /// A step asked for on the referral: the partner's answer, first contact and outcome, or the referrer's
    /// withdrawal. Sending goes through `send`, which passes the consent gate.
    public func apply(_ event: ReferralEvent, to id: Referral.ID, note: String? = nil) async throws -> Referral {
        if event == .send { return try await send(id, recordConsent: nil, override: nil) }
        let note = try Self.checkedMessage(note, required: false)
        let (referral, view, revision) = try await loadForChange(id)
        guard AccessPolicy.canTake(event, view: view) else {
            throw try await denied(referral, "referral.\(event.name)")
        }
        let next = try referral.applying(event, at: store.clock.now(), terms: try await terms(of: referral))
        let detail: String? =
            switch event {
            case .decline(let reason): reason.rawValue
            case .close(let reason): reason.rawValue
            case .complete(let outcome): outcome.rawValue
            case .firstContact(let date, let how): "\(date) \(how.rawValue)"
            default: nil
            }
        try await store.write { db in
            try await save(next, read: revision, step: event.name, from: referral.state, detail: detail, on: db)
            if let note { try await history(id, "message", detail: note, on: db) }
        }
        return next
    }

    /// Gives the referral to a colleague of the receiving organisation.
    public func assign(_ id: Referral.ID, to assignee: User.ID) async throws -> Referral {
        let (referral, view, revision) = try await loadForChange(id)
        guard AccessPolicy.canAssign(referral, view: view) else { throw try await denied(referral, "referral.assign") }
        guard let found = try await store.accounts.userAndActor(assignee), found.user.active,
            AccessPolicy.canBeGivenReferral(referral, person: found.actor)
        else { throw ValidationError(field: "assigneeID", key: "referral.assigneeNotPartner") }
        var next = referral
        next.assigneeID = assignee
        let stored = next
        try await store.write { db in
            try await store.audit.append(
                [AuditEvent(.referralAssign, resident: stored.residentID, objects: ["referral:\(id)"])],
                context: context, on: db)
            guard try await write(stored, read: revision, on: db) else {
                throw DomainError.conflict(key: "referral.changedMeanwhile")
            }
            try await history(id, "assign", detail: found.user.displayName, on: db)
        }
        return stored
    }

    /// A short message between the partner and the referrer, on the referral.
    public func message(_ id: Referral.ID, text: String?) async throws {
        let text = try Self.checkedMessage(text, required: true)!
        let (referral, view, _) = try await loadForChange(id)
        guard AccessPolicy.canMessage(referral, view: view) else {
            throw try await denied(referral, "referral.message")
        }
        try await store.write { db in
            try await store.audit.append(
                [AuditEvent(.referralMessage, resident: referral.residentID, objects: ["referral:\(id)"])],
                context: context, on: db)
            try await history(id, "message", detail: text, on: db)
        }
    }

    // MARK: Reading

    /// One referral as the actor may see it. The first time someone of the receiving organisation opens a
    /// sent referral it becomes received. A person who may not see it gets 403, logged.
    public func detail(_ id: Referral.ID) async throws -> ReferralDetail {
        var (referral, view, revision) = try await loadForChange(id)
        guard view >= .partner else { throw try await denied(referral, "referral:\(id)") }
        if view == .partner && referral.state == .sent {
            let received = try referral.applying(.receive, at: store.clock.now(), terms: .standard)
            let read = revision
            let changed = try await store.write { db -> Bool in
                guard try await write(received, read: read, on: db) else { return false }
                try await history(id, "receive", from: .sent, to: .received, detail: nil, on: db)
                try await timeline(received.residentID, "referral.received", received.targetName, on: db)
                return true
            }
            if changed {
                referral = received
            } else {
                (referral, view, revision) = try await loadForChange(id)
            }
        }
        let showsContact = view == .full || referral.state.partnerHasContact
        let resident = try await ResidentRecord.find(referral.residentID.uuid, on: store.database)
        var contact: ReferralContact?
        var shared = ReferralSharedFile()
        if showsContact, let resident {
            let address = try await resident.addressID.asyncFlatMap {
                try await AddressRecord.find($0, on: store.database)?.domain()
            }
            let domain = try resident.domain()
            contact = ReferralContact(
                addressLine: address?.singleLine, phone: domain.phone?.description,
                preferredLanguage: domain.preferredLanguage, channels: domain.contactChannels,
                contactNote: domain.contactNote)
            shared = try await sharedFile(referral, resident: domain)
        }
        let entries = try await ReferralHistoryRecord.query(on: store.database)
            .filter(\.$referralID == id.uuid).sort(\.$at).all().map { $0.domain() }
        let people = try await displayNames(
            Set(
                entries.compactMap(\.actorID?.uuid) + [referral.referrerID.uuid]
                    + [referral.assigneeID?.uuid].compactMap { $0 }))
        let organisations = try await organisationNames(
            Set([referral.organisationID?.uuid, referral.referrerOrganisationID?.uuid].compactMap { $0 }))
        var assignees: [User] = []
        if AccessPolicy.canAssign(referral, view: view), let organisation = referral.organisationID {
            let users = try await store.accounts.users().filter { $0.active && $0.organisationID == organisation }
            let actors = try await store.accounts.actors(for: users)
            assignees = zip(users, actors).filter { AccessPolicy.canBeGivenReferral(referral, person: $0.1) }.map(\.0)
        }
        try await store.audit.record(
            [
                AuditEvent(
                    .referralRead, resident: referral.residentID,
                    objects: ["referral:\(id)"] + (showsContact ? ["contact"] : []))
            ], context: context)
        let next = referral.state.nextEvents.filter { name in
            ReferralEvent.isPartnerStep(name) ? view == .partner : view == .full
        }
        return ReferralDetail(
            referral: referral, view: view,
            residentName: resident.map { "\($0.givenName) \($0.familyName)" } ?? "",
            contact: contact, shared: shared, history: entries, people: people,
            organisationName: referral.organisationID.flatMap { organisations[$0.uuid] },
            referrerOrganisationName: referral.referrerOrganisationID.flatMap { organisations[$0.uuid] },
            nextEvents: next, assignees: assignees, canMessage: AccessPolicy.canMessage(referral, view: view))
    }

    /// The referral as FHIR R4: a bundle of its `ServiceRequest` and `Task`, with what the viewer may see.
    public func fhir(_ id: Referral.ID, domainNames: (LifeDomain) -> String) async throws -> JSONValue {
        let detail = try await detail(id)
        try await store.audit.record(
            [AuditEvent(.referralExport, resident: detail.referral.residentID, objects: ["referral:\(id)"])],
            context: context)
        return ReferralFHIR.bundle(detail, now: store.clock.now(), domainNames: domainNames)
    }

    /// The partner's inbox (addressed to the actor's organisation) or the referrer's sent referrals, the
    /// earliest due first, so the overdue ones lead.
    public func list(_ filter: ReferralFilter, page: Paging) async throws -> Paged<ReferralSummary> {
        let (condition, binds) = try listCondition(filter)
        let total =
            try await store.sql.raw("SELECT COUNT(*) AS n FROM referrals WHERE " + condition + binds).first()?
            .decode(column: "n", as: Int.self) ?? 0
        let ids = try await store.sql.raw(
            "SELECT id FROM referrals WHERE " + condition + binds
                + " ORDER BY COALESCE(contact_due, answer_due, '9999-12-31'), created_at DESC"
                + " LIMIT \(literal: page.perPage) OFFSET \(literal: page.offset)"
        ).all().map { try $0.decode(column: "id", as: UUID.self) }
        let records = try await store.records(ReferralRecord.self, Set(ids))
        let referrals = try ids.compactMap { try records[$0]?.domain() }
        let items = try await summaries(referrals)
        if !items.isEmpty {
            try await store.audit.record(
                items.map { AuditEvent(.referralList, resident: $0.residentID, objects: ["referral:\($0.id)"]) },
                context: context)
        }
        return Paged(items: items, page: page.page, perPage: page.perPage, total: total)
    }

    /// How many referrals the inbox holds per open state, and how many are overdue; reads no person.
    public func counts(_ scope: ReferralFilter.Scope) async throws -> (byState: [ReferralState: Int], overdue: Int) {
        var byState: [ReferralState: Int] = [:]
        for state in ReferralState.allCases where state.isOpen {
            let (condition, binds) = try listCondition(ReferralFilter(scope: scope, state: state))
            byState[state] =
                try await store.sql.raw("SELECT COUNT(*) AS n FROM referrals WHERE " + condition + binds).first()?
                .decode(column: "n", as: Int.self) ?? 0
        }
        let (condition, binds) = try listCondition(ReferralFilter(scope: scope, overdueOnly: true))
        let overdue =
            try await store.sql.raw("SELECT COUNT(*) AS n FROM referrals WHERE " + condition + binds).first()?
            .decode(column: "n", as: Int.self) ?? 0
        return (byState, overdue)
    }

    /// The WHERE clause of a list, checked for the actor: the inbox for someone of an organisation who answers
    /// referrals, the sent list for someone who refers.
    private func listCondition(_ filter: ReferralFilter) throws -> (SQLQueryString, SQLQueryString) {
        let actor = try actor
        var condition: SQLQueryString
        switch filter.scope {
        case .inbox:
            guard AccessPolicy.answersReferrals(actor.role), let organisation = actor.organisationID else {
                throw DomainError.forbidden(reason: "role")
            }
            condition = "organisation_id = \(bind: organisation.uuid) AND mode = 'live' AND state <> 'draft'"
        case .sent:
            guard AccessPolicy.canRefer(actor.role) else { throw DomainError.forbidden(reason: "role") }
            condition = "referrer_id = \(bind: actor.userID.uuid)"
        }
        var more: SQLQueryString = ""
        if let state = filter.state {
            more = more + " AND state = \(bind: state.rawValue)"
        } else if filter.scope == .inbox {
            more = more + " AND state IN ('sent', 'received', 'accepted', 'in_contact')"
        } else {
            more = more + " AND state IN ('draft', 'sent', 'received', 'accepted', 'in_contact')"
        }
        if filter.overdueOnly {
            let today = LocalDate(store.clock.now()).description
            more =
                more
                + " AND ((state IN ('sent', 'received') AND answer_due < \(bind: today))"
                + " OR (state = 'accepted' AND contact_due < \(bind: today)))"
        }
        if filter.mineOnly { more = more + " AND assignee_id = \(bind: actor.userID.uuid)" }
        return (condition, more)
    }

    /// Whether the actor may list the resident's referrals (those who may refer them); a refusal is logged.
    public func authorizeListing(of resident: Resident.ID) async throws {
        try await requireRefer(try await store.residents(context).scope(of: resident), object: "referral.list")
    }

    /// The referrals of one resident, for those who fully see them (the file's list), newest first.
    public func ofResident(_ id: Resident.ID) async throws -> [ReferralSummary] {
        let scope = try await store.residents(context).scope(of: id)
        guard AccessPolicy.canRefer(scope, by: try actor) else { return [] }
        let referrals = try await ReferralRecord.query(on: store.database).filter(\.$residentID == id.uuid)
            .sort(\.$createdAt, .descending).all().map { try $0.domain() }
        let items = try await summaries(referrals)
        if !items.isEmpty {
            try await store.audit.record(
                [AuditEvent(.referralList, resident: id, objects: items.map { "referral:\($0.id)" })], context: context)
        }
        return items
    }

    /// The referrals made from one signal, for the signal's page (its handlers fully see the resident).
    public func ofSignal(_ id: Signal.ID) async throws -> [ReferralSummary] {
        guard let signal = try await SignalRecord.find(id.uuid, on: store.database),
            let resident = signal.residentID
        else { return [] }
        return try await ofResident(.init(resident)).filter { summary in
            summary.signalID == id
        }
    }

    /// For the reporter of signals: the state of the latest referral from each, in neutral words.
    func reporterStatuses(of signals: [Signal.ID]) async throws -> [Signal.ID: ReferralReporterStatus] {
        guard !signals.isEmpty else { return [:] }
        let records = try await ReferralRecord.query(on: store.database).filter(\.$signalID ~~ signals.map(\.uuid))
            .sort(\.$createdAt).all()
        var result: [Signal.ID: ReferralReporterStatus] = [:]
        var events: [AuditEvent] = []
        for record in records {
            guard let signal = record.signalID, let state = ReferralState(rawValue: record.state) else { continue }
            result[.init(signal)] = state.reporterStatus
            events.append(
                AuditEvent(.referralStatus, resident: .init(record.residentID), objects: ["referral:\(record.id!)"]))
        }
        if !events.isEmpty { try await store.audit.record(events, context: context) }
        return result
    }

    // MARK: Consent and responsibility

    /// Stops the referrals sent under a consent that is being withdrawn and not yet accepted; the partner sees
    /// them withdrawn with the reason. In the withdrawal's transaction.
    func stopPending(under consent: Consent.ID, resident: Resident.ID, at now: Date, on db: any Database)
        async throws
    {
        let pending = try await ReferralRecord.query(on: db).filter(\.$consentID == consent.uuid)
            .filter(\.$state ~~ ["draft", "sent", "received"]).all()
        for record in pending {
            let id = Referral.ID(record.id!)
            let rows = try await db.sql.raw(
                """
                UPDATE referrals SET state = 'withdrawn', ended_at = \(bind: now), revision = revision + 1 \
                WHERE id = \(bind: id.uuid) AND state IN ('draft', 'sent', 'received') RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { continue }
            try await history(
                id, "consent_withdrawn", from: ReferralState(rawValue: record.state), to: .withdrawn, detail: nil,
                on: db)
            try await store.audit.append(
                [AuditEvent(.referralChange, resident: resident, objects: ["referral:\(id)", "consent_withdrawn"])],
                context: context, on: db)
            try await timeline(resident, "referral.withdrawn", record.targetName, on: db)
        }
    }

    /// The transfer form: for a coordinator who fully sees the resident (a refusal is logged); the resident's
    /// name and current team, and the teams it can go to.
    public func transferOptions(_ resident: Resident.ID) async throws -> (
        name: String, current: Team.ID?, teams: [Team]
    ) {
        let scope = try await store.residents(context).scope(of: resident)
        guard AccessPolicy.canTransfer(scope, by: try actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: resident, objects: ["resident.transfer"])], context: context)
            throw DomainError.forbidden(reason: "scope")
        }
        guard let record = try await ResidentRecord.find(resident.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "resident")
        }
        try await store.audit.record(
            [AuditEvent(.residentRead, resident: resident, objects: ["resident:\(resident)", "resident.transfer"])],
            context: context)
        return (
            "\(record.givenName) \(record.familyName)", scope.responsibleTeamID,
            try await store.accounts.teams().filter { $0.id != scope.responsibleTeamID }.sorted { $0.name < $1.name }
        )
    }

    /// Hands the responsibility for a resident to another team (e.g. after a move): the coordinator's decision,
    /// with the consent rules of a referral when the team belongs to another organisation. The access policy
    /// follows the responsible team. A compare-and-set on the team it was read with.
    public func transfer(
        _ resident: Resident.ID, to team: Team.ID?, reason: String?, recordConsent: ConsentRecording?,
        override: ConsentOverride?
    ) async throws {
        let actor = try actor
        let scope = try await store.residents(context).scope(of: resident)
        guard AccessPolicy.canTransfer(scope, by: actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: resident, objects: ["resident.transfer"])], context: context)
            throw DomainError.forbidden(reason: "scope")
        }
        var validator = Validator()
        let reason = reason?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if reason == nil { validator.add("reason", "required") }
        if (reason?.count ?? 0) > Self.maximumMessageLength { validator.add("reason", "tooLong") }
        var target: TeamRecord?
        if let team {
            target = try await TeamRecord.find(team.uuid, on: store.database)
            if target == nil { validator.add("teamID", "invalid") }
            if team == scope.responsibleTeamID { validator.add("teamID", "transfer.sameTeam") }
        } else {
            validator.add("teamID", "required")
        }
        try validator.finish()
        let from = try await scope.responsibleTeamID.asyncFlatMap {
            try await TeamRecord.find($0.uuid, on: store.database)
        }
        let organisation = target?.organisationID.map(Organisation.ID.init)
        let basis: ConsentBasis
        do {
            basis = try ConsentBasis.decide(
                mode: .live, to: organisation,
                from: from?.organisationID.map(Organisation.ID.init) ?? actor.organisationID,
                consents: try await activeConsents(of: resident), recordNow: recordConsent, override: override)
        } catch let error as ValidationError {
            throw ValidationError(
                error.problems.map { FieldProblem(field: $0.field, key: $0.key + ":" + target!.name) })
        }
        let now = store.clock.now()
        var consent: Consent?
        var consentID: Consent.ID?
        switch basis {
        case .consent(let id): consentID = id
        case .recordNow(let recording):
            let new = try Consent(
                id: store.ids(), residentID: resident, purpose: .referral, recording: recording,
                organisationIDs: [organisation!], givenAt: now, recordedBy: actor.userID)
            consent = new
            consentID = new.id
        case .notNeeded, .override: break
        }
        let old = scope.responsibleTeamID
        let recorded = consent
        let recordedID = consentID
        let teamName = target!.name
        try await store.write { db in
            let guardClause: SQLQueryString =
                old.map { "responsible_team_id = \(bind: $0.uuid)" } ?? "responsible_team_id IS NULL"
            let rows = try await db.sql.raw(
                "UPDATE residents SET responsible_team_id = \(bind: team!.uuid), updated_at = \(bind: now) WHERE id = \(bind: resident.uuid) AND "
                    + guardClause + " RETURNING id"
            ).all()
            guard !rows.isEmpty else { throw DomainError.conflict(key: "resident.changedMeanwhile") }
            if let recorded { try await store.residents(context).insert(recorded, on: db) }
            try await db.sql.insert(into: "responsibility_transfers")
                .columns(
                    "id", "resident_id", "from_team_id", "to_team_id", "at", "actor_id", "reason", "consent_id",
                    "override_ground", "override_reason"
                )
                .values(
                    SQLBind(store.ids(Resident.self).uuid), SQLBind(resident.uuid), SQLBind(old?.uuid),
                    SQLBind(team!.uuid),
                    SQLBind(now), SQLBind(actor.userID.uuid), SQLBind(reason!), SQLBind(recordedID?.uuid),
                    SQLBind(override?.ground.rawValue), SQLBind(override?.reason)
                ).run()
            var events = [AuditEvent(.residentTransfer, resident: resident, objects: ["team:\(team!)"])]
            if let override {
                events.append(
                    AuditEvent(
                        .referralOverride, resident: resident,
                        objects: ["transfer", "ground:\(override.ground.rawValue)"]))
            }
            try await store.audit.append(events, context: context, on: db)
            try await timeline(resident, "resident.transferred", teamName, on: db)
        }
    }

    // MARK: Deadlines

    /// Escalates every unanswered referral past its day to the receiving organisation's coordinator, and flags
    /// every accepted one without first contact past its day, each once: the mark is a compare-and-set, so
    /// several servers on one database escalate each referral exactly once.
    public func escalateOverdue() async throws -> (escalated: Int, flagged: Int) {
        let now = store.clock.now()
        let today = LocalDate(now).description
        let unanswered = try await store.sql.raw(
            """
            SELECT id, resident_id FROM referrals WHERE state IN ('sent', 'received') \
            AND answer_due < \(bind: today) AND escalated_at IS NULL
            """
        ).all()
        let silent = try await store.sql.raw(
            """
            SELECT id, resident_id FROM referrals WHERE state = 'accepted' \
            AND contact_due < \(bind: today) AND contact_flagged_at IS NULL
            """
        ).all()
        var escalated = 0
        for row in unanswered {
            let id = try row.decode(column: "id", as: UUID.self)
            let resident = Resident.ID(try row.decode(column: "resident_id", as: UUID.self))
            if try await mark(
                id, column: "escalated_at", states: "'sent', 'received'", kind: "escalate", action: .referralEscalate,
                resident: resident, at: now)
            {
                escalated += 1
            }
        }
        var flagged = 0
        for row in silent {
            let id = try row.decode(column: "id", as: UUID.self)
            let resident = Resident.ID(try row.decode(column: "resident_id", as: UUID.self))
            if try await mark(
                id, column: "contact_flagged_at", states: "'accepted'", kind: "contact_overdue",
                action: .referralContactOverdue, resident: resident, at: now)
            {
                flagged += 1
            }
        }
        return (escalated, flagged)
    }

    private func mark(
        _ id: UUID, column: String, states: String, kind: String, action: AuditAction, resident: Resident.ID,
        at now: Date
    ) async throws -> Bool {
        try await store.write { db -> Bool in
            let rows = try await db.sql.raw(
                """
                UPDATE referrals SET \(unsafeRaw: column) = \(bind: now) WHERE id = \(bind: id) \
                AND \(unsafeRaw: column) IS NULL AND state IN (\(unsafeRaw: states)) RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { return false }
            try await history(.init(id), kind, detail: nil, on: db)
            try await store.audit.append(
                [AuditEvent(action, resident: resident, objects: ["referral:\(id)"])], context: context, on: db)
            return true
        }
    }

    // MARK: Responsiveness

    /// How the services answered the referrals sent to them in the last 180 days; no person in it.
    public func responsiveness(of services: [MapService.ID]) async throws -> [MapService.ID: ReferralResponsiveness] {
        guard !services.isEmpty else { return [:] }
        let since = store.clock.now().addingTimeInterval(-Double(ReferralResponsiveness.windowDays) * 86_400)
        let rows = try await store.sql.select().column("service_id").column("sent_at").column("answered_at")
            .column("decline_reason").column("first_contact_on").from("referrals")
            .where("service_id", .in, services.map(\.uuid)).where("mode", .equal, "live")
            .where("sent_at", .greaterThanOrEqual, since).all()
        var timings: [MapService.ID: [ReferralResponsiveness.Timing]] = [:]
        for row in rows {
            let service = MapService.ID(try row.decode(column: "service_id", as: UUID.self))
            let answered = try row.decode(column: "answered_at", as: Date?.self)
            let declined = try row.decode(column: "decline_reason", as: String?.self) != nil
            timings[service, default: []].append(
                ReferralResponsiveness.Timing(
                    sentOn: LocalDate(try row.decode(column: "sent_at", as: Date.self)),
                    answeredOn: answered.map { LocalDate($0) },
                    accepted: answered != nil && !declined,
                    firstContactOn: try row.decode(column: "first_contact_on", as: String?.self).flatMap {
                        try? LocalDate($0)
                    }))
        }
        return Dictionary(uniqueKeysWithValues: services.map { ($0, ReferralResponsiveness(timings[$0] ?? [])) })
    }

    // MARK: Helpers

    /// The referral, how the actor sees it, and the revision a change must name.
    private func loadForChange(_ id: Referral.ID) async throws -> (Referral, ReferralView, revision: Int) {
        guard let record = try await ReferralRecord.find(id.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "referral")
        }
        let referral = try record.domain()
        let scope = try await store.residents(context).scope(of: referral.residentID)
        let reporter = try await reporter(of: referral.signalID)
        return (
            referral, AccessPolicy.view(of: referral, resident: scope, reporterID: reporter, by: try actor),
            record.revision
        )
    }

    /// The reporter of the signal a referral came from; none for a meldcode signal, which its reporter does
    /// not see.
    private func reporter(of signal: Signal.ID?) async throws -> User.ID? {
        guard let signal, let record = try await SignalRecord.find(signal.uuid, on: store.database), !record.meldcode
        else { return nil }
        return .init(record.reporterID)
    }

    private func requireRefer(_ scope: ResidentScope, object: String) async throws {
        guard AccessPolicy.canRefer(scope, by: try actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: scope.residentID, objects: [object])], context: context)
            throw DomainError.forbidden(reason: "scope")
        }
    }

    private func denied(_ referral: Referral, _ what: String) async throws -> any Error {
        try await store.audit.record(
            [AuditEvent(.accessDenied, resident: referral.residentID, objects: [what, "referral:\(referral.id)"])],
            context: context)
        return DomainError.forbidden(reason: "scope")
    }

    /// A signal a referral comes from: about this resident, open, and one the actor handles.
    private func checkedSignal(_ id: Signal.ID, of resident: Resident.ID) async throws -> Signal {
        guard let record = try await SignalRecord.find(id.uuid, on: store.database), record.residentID == resident.uuid
        else { throw ValidationError(field: "signalID", key: "referral.signalOfOtherResident") }
        let signal = try record.domain()
        let (_, view) = try await store.signals(context).load(id)
        guard AccessPolicy.canHandle(view, by: try actor) else {
            throw ValidationError(field: "signalID", key: "referral.signalOfOtherResident")
        }
        guard signal.state.isOpen else { throw ValidationError(field: "signalID", key: "referral.signalClosed") }
        return signal
    }

    /// Where a referral goes: a service that exists, is active and accepts referrals (a live one must be
    /// answered by an organisation in Schakel), or an organisation.
    private func target(of input: ValidatedReferralInput) async throws -> (
        organisationID: Organisation.ID?, name: String, terms: ReferralTerms
    ) {
        if let service = input.serviceID {
            guard
                let row = try await store.sql.select().column("status").column("accepts_referrals")
                    .column("response_days").column("contact_days").from("map_services")
                    .where("id", .equal, service.uuid).first(),
                let target = try await targets([service.uuid]).first
            else { throw ValidationError(field: "serviceID", key: "referral.unknownService") }
            guard try row.decode(column: "status", as: String.self) == "active" else {
                throw ValidationError(field: "serviceID", key: "referral.serviceDefunct")
            }
            guard try row.decode(column: "accepts_referrals", as: Bool.self) else {
                throw ValidationError(field: "serviceID", key: "referral.notAccepting")
            }
            if input.mode == .live && target.organisationID == nil {
                throw ValidationError(field: "mode", key: "referral.providerNotInSchakel")
            }
            return (target.organisationID, target.name, try SocialMapRepository.terms(row) ?? .standard)
        }
        guard let organisation = input.organisationID,
            let record = try await OrganisationRecord.find(organisation.uuid, on: store.database)
        else { throw ValidationError(field: "organisationID", key: "organisation.unknown") }
        return (organisation, record.name, .standard)
    }

    private func terms(of referral: Referral) async throws -> ReferralTerms {
        guard let service = referral.serviceID,
            let row = try await store.sql.select().column("response_days").column("contact_days").from("map_services")
                .where("id", .equal, service.uuid).first()
        else { return .standard }
        return try SocialMapRepository.terms(row) ?? .standard
    }

    /// The consent gate for a live referral; a refusal names the organisation the consent is missing for.
    private func gate(
        to referral: Referral, from organisation: Organisation.ID?, recordNow: ConsentRecording?,
        override: ConsentOverride?
    ) async throws -> ConsentBasis {
        do {
            return try ConsentBasis.decide(
                mode: .live, to: referral.organisationID, from: organisation,
                consents: try await activeConsents(of: referral.residentID), recordNow: recordNow, override: override)
        } catch let error as ValidationError {
            let name =
                try await referral.organisationID.asyncFlatMap {
                    try await OrganisationRecord.find($0.uuid, on: store.database)?.name
                } ?? referral.targetName
            throw ValidationError(error.problems.map { FieldProblem(field: $0.field, key: $0.key + ":" + name) })
        }
    }

    private func activeConsents(of resident: Resident.ID) async throws -> [Consent] {
        try await ConsentRecord.query(on: store.database).filter(\.$residentID == resident.uuid)
            .filter(\.$withdrawnAt == nil).all().map { try $0.domain() }
    }

    /// Puts the consent basis on the referral; a consent recorded now is returned to be stored with it.
    private func apply(_ basis: ConsentBasis, to referral: inout Referral, at now: Date) throws -> Consent? {
        switch basis {
        case .notNeeded:
            return nil
        case .consent(let id):
            referral.consentID = id
            return nil
        case .recordNow(let recording):
            let consent = try Consent(
                id: store.ids(), residentID: referral.residentID, purpose: .referral, recording: recording,
                organisationIDs: [referral.organisationID!], givenAt: now, recordedBy: referral.referrerID)
            referral.consentID = consent.id
            return consent
        case .override(let override):
            referral.override = override
            return nil
        }
    }

    /// The parts of the file the referrer chose to send.
    private func sharedFile(_ referral: Referral, resident: Resident) async throws -> ReferralSharedFile {
        var shared = ReferralSharedFile()
        let today = LocalDate(store.clock.now())
        for part in referral.shares {
            switch part {
            case .dateOfBirth: shared.dateOfBirth = resident.dateOfBirth
            case .doorNotes: shared.doorNotes = resident.doorNotes
            case .household:
                if let household = resident.householdID {
                    shared.household = try await ResidentRecord.query(on: store.database)
                        .filter(\.$householdID == household.uuid).filter(\.$id != resident.id.uuid)
                        .sort(\.$givenName).all().map { member in
                            let age = try member.dateOfBirth.map { try LocalDate($0).years(until: today) }
                            return "\(member.givenName) \(member.familyName)" + (age.map { " (\($0))" } ?? "")
                        }
                }
            case .signalObservation:
                if let signal = referral.signalID {
                    shared.observation = try await SignalRecord.find(signal.uuid, on: store.database)?.observation
                }
            }
        }
        return shared
    }

    private func summaries(_ referrals: [Referral]) async throws -> [ReferralSummary] {
        let residents = try await store.records(ResidentRecord.self, Set(referrals.map(\.residentID.uuid)))
        let people = try await displayNames(
            Set(referrals.flatMap { [$0.referrerID.uuid] + [$0.assigneeID?.uuid].compactMap { $0 } }))
        let organisations = try await organisationNames(Set(referrals.compactMap(\.organisationID?.uuid)))
        let today = LocalDate(store.clock.now())
        return referrals.map { referral in
            var summary = ReferralSummary(
                id: referral.id, residentID: referral.residentID,
                residentName: residents[referral.residentID.uuid].map { "\($0.givenName) \($0.familyName)" } ?? "",
                targetName: referral.targetName,
                organisationName: referral.organisationID.flatMap { organisations[$0.uuid] }, state: referral.state,
                mode: referral.mode, domains: referral.domains, createdAt: referral.createdAt, sentAt: referral.sentAt,
                answerDue: referral.answerDue, contactDue: referral.contactDue, overridden: referral.override != nil,
                escalated: referral.escalatedAt != nil || referral.contactFlaggedAt != nil,
                assigneeName: referral.assigneeID.flatMap { people[$0] }, referrerName: people[referral.referrerID],
                overdue: referral.overdue(today: today))
            summary.signalID = referral.signalID
            return summary
        }
    }

    private func displayNames(_ ids: Set<UUID>) async throws -> [User.ID: String] {
        let users = try await store.records(UserRecord.self, ids)
        return Dictionary(uniqueKeysWithValues: users.map { (User.ID($0.key), $0.value.displayName) })
    }

    private func organisationNames(_ ids: Set<UUID>) async throws -> [UUID: String] {
        try await store.records(OrganisationRecord.self, ids).mapValues(\.name)
    }

    static func checkedMessage(_ text: String?, required: Bool) throws -> String? {
        let text = text?.trimmingCharacters(in: .whitespacesAndNewlines).nonEmpty
        if required && text == nil { throw ValidationError(field: "message", key: "required") }
        if (text?.count ?? 0) > maximumMessageLength { throw ValidationError(field: "message", key: "tooLong") }
        return text
    }

    /// Writes a step decided on the referral as it was at `read`, with its history, timeline and audit entry;
    /// refused (and rolled back) when someone changed the referral since.
    private func save(
        _ referral: Referral, read revision: Int, step: String, from: ReferralState, detail: String?,
        on db: any Database
    ) async throws {
        try await store.audit.append(
            [AuditEvent(.referralChange, resident: referral.residentID, objects: ["referral:\(referral.id)", step])],
            context: context, on: db)
        guard try await write(referral, read: revision, on: db) else {
            throw DomainError.conflict(key: "referral.changedMeanwhile")
        }
        try await history(referral.id, step, from: from, to: referral.state, detail: detail, on: db)
        try await timeline(referral.residentID, "referral.\(referral.state.rawValue)", referral.targetName, on: db)
    }

    /// Compare-and-set of what a step may change, only when the stored revision is still `revision`.
    /// The escalation marks are left alone: the job sets them by their own compare-and-set.
    private func write(_ referral: Referral, read revision: Int, on db: any Database) async throws -> Bool {
        try await !db.sql.raw(
            """
            UPDATE referrals SET state = \(bind: referral.state.rawValue), \
            assignee_id = \(bind: referral.assigneeID?.uuid), consent_id = \(bind: referral.consentID?.uuid), \
            override_ground = \(bind: referral.override?.ground.rawValue), \
            override_reason = \(bind: referral.override?.reason), sent_at = \(bind: referral.sentAt), \
            received_at = \(bind: referral.receivedAt), answered_at = \(bind: referral.answeredAt), \
            answer_due = \(bind: referral.answerDue?.description), contact_due = \(bind: referral.contactDue?.description), \
            first_contact_on = \(bind: referral.firstContactOn?.description), \
            first_contact_how = \(bind: referral.firstContactHow?.rawValue), \
            decline_reason = \(bind: referral.declineReason?.rawValue), \
            close_reason = \(bind: referral.closeReason?.rawValue), outcome = \(bind: referral.outcome?.rawValue), \
            ended_at = \(bind: referral.endedAt), revision = revision + 1 \
            WHERE id = \(bind: referral.id.uuid) AND revision = \(bind: revision) RETURNING id
            """
        ).all().isEmpty
    }

    private func history(
        _ id: Referral.ID, _ kind: String, from: ReferralState? = nil, to: ReferralState? = nil, detail: String?,
        on db: any Database
    ) async throws {
        try await ReferralHistoryRecord(
            ReferralHistoryEntry(
                id: store.ids(), referralID: id, at: store.clock.now(), actorID: context.actor?.userID, kind: kind,
                fromState: from, toState: to, detail: detail)
        ).create(on: db)
    }

    /// The resident's timeline names the step and where the referral went, never the question.
    private func timeline(_ resident: Resident.ID, _ kind: String, _ target: String, on db: any Database) async throws {
        try await TimelineEventRecord(
            TimelineEvent(
                id: store.ids(), residentID: resident, at: store.clock.now(), kind: kind,
                actorID: context.actor?.userID, detail: target)
        ).create(on: db)
    }
}

extension Store {
    /// Referrals on behalf of one actor; every call checks access and is audited.
    public func referrals(_ context: AuditContext) -> ReferralRepository {
        ReferralRepository(store: self, context: context)
    }
}
