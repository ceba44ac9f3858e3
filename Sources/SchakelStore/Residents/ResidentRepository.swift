import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// The outcome of creating a resident: created, or possibly the same as someone already known.
public enum ResidentCreation: Sendable, Equatable {
    case created(Resident)
    case possibleDuplicates([ResidentSummary])
}

/// Residents, households, consents and timelines. Every method checks the access policy and writes
/// the audit log; reads of a resident are logged, refusals too.
public struct ResidentRepository: Sendable, ActingRepository {
    let store: Store
    let context: AuditContext

    // MARK: Reading

    /// Residents the actor may see, optionally matching a name or postcode, by family name.
    public func list(matching text: String?, page: Paging) async throws -> Paged<ResidentSummary> {
        let actor = try actor
        guard AccessPolicy.canListResidents(actor) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["residents:list"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
        let view = AccessPolicy.maximumView(for: actor.role)
        func filtered(_ query: SQLSelectBuilder) -> SQLSelectBuilder {
            var query = query.from(SQLAlias(SQLIdentifier("residents"), as: SQLIdentifier("r")))
                .join(
                    SQLAlias(SQLIdentifier("addresses"), as: SQLIdentifier("a")), method: SQLJoinMethod.left,
                    on: SQLColumn("address_id", table: "r"), .equal, SQLColumn("id", table: "a")
                )
                .where { group in
                    var group = group
                    for area in actor.coverage {
                        group = group.orWhere(SQLColumn("buurt_code", table: "a"), .like, SQLBind("BU\(area.body)%"))
                    }
                    for team in actor.teamIDs {
                        group = group.orWhere(SQLColumn("responsible_team_id", table: "r"), .equal, SQLBind(team.uuid))
                    }
                    return group
                }
            if let text = text?.nonEmpty {
                if let postcode = try? Postcode(text) {
                    query = query.where(SQLColumn("postcode", table: "a"), .equal, SQLBind(postcode.value))
                } else {
                    let key = text.matchKey
                    query = query.where(SQLColumn("name_key", table: "r"), .like, SQLBind("%\(key)%"))
                }
            }
            return query
        }
        let total =
            try await filtered(store.sql.select().column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n"))
            .first()?.decode(column: "n", as: Int.self) ?? 0
        let rows = try await filtered(
            store.sql.select().columns(
                SQLColumn("id", table: "r"), SQLColumn("given_name", table: "r"), SQLColumn("family_name", table: "r"),
                SQLColumn("date_of_birth", table: "r"), SQLColumn("street", table: "a"),
                SQLColumn("house_number", table: "a"), SQLColumn("house_letter", table: "a"),
                SQLColumn("house_number_addition", table: "a"), SQLColumn("postcode", table: "a"),
                SQLColumn("place", table: "a"))
        )
        .orderBy(SQLColumn("family_name", table: "r")).orderBy(SQLColumn("given_name", table: "r"))
        .orderBy(SQLColumn("id", table: "r"))
        .limit(page.perPage).offset(page.offset).all()
        let items = try rows.map { row -> ResidentSummary in
            ResidentSummary(
                id: .init(try row.decode(column: "id", as: UUID.self)),
                fullName:
                    "\(try row.decode(column: "given_name", as: String.self)) \(try row.decode(column: "family_name", as: String.self))",
                addressLine: try Address.singleLine(from: row),
                dateOfBirth: view == .full
                    ? try row.decode(column: "date_of_birth", as: String?.self).flatMap { try? LocalDate($0) } : nil)
        }
        if !items.isEmpty {
            try await store.audit.record(
                items.map { AuditEvent(.residentList, resident: $0.id, objects: ["resident:\($0.id)"]) },
                context: context)
        }
        return Paged(items: items, page: page.page, perPage: page.perPage, total: total)
    }

    /// The record as the actor may see it; logs the read, or the refusal.
    public func file(_ id: Resident.ID) async throws -> ResidentFile {
        let (record, scope) = try await load(id)
        let actor = try actor
        let view = AccessPolicy.view(of: scope, by: actor)
        try await requireView(.basic, of: scope, event: .residentRead)
        var resident = try record.domain()
        let address = try await resident.addressID.asyncFlatMap {
            try await AddressRecord.find($0.uuid, on: store.database)?.domain()
        }
        var household: Household?
        var members: [ResidentSummary] = []
        var consents: [Consent] = []
        var objects = ["resident:\(id)"]
        if view == .full {
            if let householdID = resident.householdID {
                household = try await HouseholdRecord.find(householdID.uuid, on: store.database)?.domain()
                members = try await ResidentRecord.query(on: store.database).filter(\.$householdID == householdID.uuid)
                    .filter(\.$id != id.uuid).sort(\.$givenName).all()
                    .map {
                        ResidentSummary(
                            id: .init($0.id!), fullName: "\($0.givenName) \($0.familyName)", addressLine: nil,
                            dateOfBirth: nil)
                    }
                objects.append("household:\(householdID)")
            }
            consents = try await ConsentRecord.query(on: store.database).filter(\.$residentID == id.uuid)
                .sort(\.$givenAt, .descending).all().map { try $0.domain() }
            objects += consents.map { "consent:\($0.id)" }
        } else {
            resident = Resident(
                id: resident.id, givenName: resident.givenName, familyName: resident.familyName,
                addressID: resident.addressID, phone: resident.phone, doorNotes: resident.doorNotes)
        }
        if let address { objects.append("address:\(address.id)") }
        try await store.audit.record([AuditEvent(.residentRead, resident: id, objects: objects)], context: context)
        var file = ResidentFile(
            resident: resident, view: view, address: address, household: household, householdMembers: members,
            consents: consents, canEdit: AccessPolicy.canEdit(scope, by: actor))
        file.canManageDeliveries = AccessPolicy.canManageDeliveries(for: scope, by: actor)
        file.canLogContact = AccessPolicy.canLogContact(with: scope, by: actor)
        file.canRaiseSignal = AccessPolicy.canRaiseSignal(about: scope, by: actor)
        file.canSignUpForActivities = AccessPolicy.canSignUpForActivities(scope, by: actor)
        file.canViewAuditLog = AccessPolicy.canViewAuditLog(of: scope, by: actor)
        file.canRefer = AccessPolicy.canRefer(scope, by: actor)
        file.canTransfer = AccessPolicy.canTransfer(scope, by: actor)
        if file.canRefer { file.referrals = try await store.referrals(context).ofResident(id) }
        return file
    }

    /// What happened to the record, newest first (full view).
    public func timeline(_ id: Resident.ID, page: Paging) async throws -> Paged<TimelineEvent> {
        let (_, scope) = try await load(id)
        try await requireView(.full, of: scope, event: .residentTimeline)
        var query = TimelineEventRecord.query(on: store.database).filter(\.$residentID == id.uuid)
        // That a meldcode signal exists is for the professionals who handle the meldcode only.
        if !AccessPolicy.handlesMeldcode(try actor) {
            query = query.filter(\.$kind, .custom("NOT LIKE"), "meldcode.%")
        }
        let total = try await query.count()
        let events = try await query.sort(\.$at, .descending).range(page.offset..<(page.offset + page.perPage)).all()
            .map { $0.domain() }
        try await store.audit.record(
            [AuditEvent(.residentTimeline, resident: id, objects: ["resident:\(id)"])], context: context)
        return Paged(items: events, page: page.page, perPage: page.perPage, total: total)
    }

    /// The scope of a resident, or nil when there is no such resident; reads nothing else and logs nothing.
    public func scopeIfExists(of id: Resident.ID) async throws -> ResidentScope? {
        do {
            return try await scope(of: id)
        } catch DomainError.notFound {
            return nil
        }
    }

    /// The scope the policy decides on, for other features that need to check access to a resident.
    public func scope(of id: Resident.ID) async throws -> ResidentScope {
        // One plain query: logging an outcome checks the scope of its resident.
        guard
            let row = try await store.sql.raw(
                """
                SELECT r.responsible_team_id, a.buurt_code FROM residents r
                LEFT JOIN addresses a ON a.id = r.address_id WHERE r.id = \(bind: id.uuid)
                """
            ).first()
        else { throw DomainError.notFound(kind: "resident") }
        return try ResidentScope(id, row: row)
    }

    // MARK: Changing

    /// Creates a resident; unless `confirmedNew`, a probable duplicate is returned instead of created.
    /// Whether the actor may add residents (the new-resident form asks before it is drawn); a refusal is logged.
    public func authorizeCreate() async throws {
        guard AccessPolicy.canCreateResidents(try actor) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["resident:create"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
    }

    public func create(_ input: ResidentInput, confirmedNew: Bool = false) async throws -> ResidentCreation {
        try await authorizeCreate()
        let actor = try actor
        let today = LocalDate(store.clock.now())
        var resident = try input.validated(id: store.ids(), today: today, responsibleTeamID: nil)
        try await checkReferences(of: resident, on: store.database)
        // Without a neighbourhood the creating team stays responsible, so the resident does not fall out of view.
        if try await scope(for: resident, on: store.database).buurtCode == nil {
            resident.responsibleTeamID = actor.teamIDs.sorted { $0.description < $1.description }.first
        }
        if !confirmedNew {
            let candidates = try await ResidentRecord.query(on: store.database).filter(\.$nameKey == resident.nameKey)
                .all()
                .map { try $0.domain() }
            let matches = DuplicateCheck.matches(for: resident, among: candidates)
            // Only records the actor may see are offered; a match outside their view is left to the team that sees it.
            var visible: [ResidentSummary] = []
            for match in matches {
                let scope = try await scope(of: match.resident.id)
                if AccessPolicy.view(of: scope, by: actor) > .none {
                    let address = try await match.resident.addressID.asyncFlatMap {
                        try await AddressRecord.find($0.uuid, on: store.database)?.domain()
                    }
                    visible.append(
                        ResidentSummary(
                            id: match.resident.id, fullName: match.resident.fullName, addressLine: address?.singleLine,
                            dateOfBirth: AccessPolicy.view(of: scope, by: actor) == .full
                                ? match.resident.dateOfBirth : nil))
                }
            }
            if !visible.isEmpty {
                try await store.audit.record(
                    visible.map {
                        AuditEvent(.residentDuplicateCheck, resident: $0.id, objects: ["resident:\($0.id)"])
                    },
                    context: context)
                return .possibleDuplicates(visible)
            }
        }
        let now = store.clock.now()
        let scope = try await scope(for: resident, on: store.database)
        guard AccessPolicy.view(of: scope, by: actor) == .full else {
            throw ValidationError(field: "addressID", key: "resident.addressOutsideCoverage")
        }
        let created = resident
        return try await store.write { db in
            try await ResidentRecord(created, at: now).create(on: db)
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: created.id, at: now, kind: "resident.created", actorID: actor.userID)
            ).create(on: db)
            try await store.audit.append(
                [AuditEvent(.residentCreate, resident: created.id, objects: ["resident:\(created.id)"])],
                context: context, on: db)
            return .created(created)
        }
    }

    /// Replaces the editable fields; the timeline names the fields that changed, never their values.
    /// Household membership is not changed here but through the household.
    public func update(_ id: Resident.ID, with input: ResidentInput) async throws -> Resident {
        let (record, scope) = try await load(id)
        try await requireEdit(scope)
        let before = try record.domain()
        var updated = try input.validated(
            id: id, today: LocalDate(store.clock.now()), responsibleTeamID: before.responsibleTeamID)
        updated.householdID = before.householdID
        let stored = updated
        try await checkReferences(of: updated, on: store.database)
        let newScope = try await self.scope(for: updated, on: store.database)
        guard AccessPolicy.view(of: newScope, by: try actor) == .full else {
            throw ValidationError(field: "addressID", key: "resident.addressOutsideCoverage")
        }
        let changed = Self.changedFields(before, updated)
        let now = store.clock.now()
        let actorID = try actor.userID
        return try await store.write { db in
            guard let record = try await ResidentRecord.find(id.uuid, on: db) else {
                throw DomainError.notFound(kind: "resident")
            }
            record.update(from: stored, at: now)
            try await record.save(on: db)
            // A move to another neighbourhood sends the resident's open signals to the team now responsible.
            if newScope.buurtCode != scope.buurtCode {
                try await store.signals(context).rerouteOpenSignals(of: id, buurt: newScope.buurtCode, on: db)
            }
            if !changed.isEmpty {
                try await TimelineEventRecord(
                    TimelineEvent(
                        id: store.ids(), residentID: id, at: now, kind: "resident.updated", actorID: actorID,
                        detail: changed.joined(separator: ", "))
                ).create(on: db)
            }
            try await store.audit.append(
                [AuditEvent(.residentUpdate, resident: id, objects: ["resident:\(id)"] + changed)], context: context,
                on: db)
            return stored
        }
    }

    /// Records a consent for a purpose from the list, covering organisations.
    public func addConsent(to id: Resident.ID, _ input: ConsentInput) async throws -> Consent {
        let (_, scope) = try await load(id)
        try await requireEdit(scope)
        let consent = try input.consent(id: store.ids(), resident: id, at: store.clock.now(), by: try actor.userID)
        return try await store.write { db in
            try await insert(consent, on: db)
            return consent
        }
    }

    /// Stores a consent with its timeline event and audit entry, in the caller's transaction.
    func insert(_ consent: Consent, on db: any Database) async throws {
        let organisations = consent.organisationIDs
        let known = try await OrganisationRecord.query(on: db).filter(\.$id ~~ organisations.map(\.uuid)).count()
        guard known == Set(organisations).count else {
            throw ValidationError(field: "organisationIDs", key: "organisation.unknown")
        }
        try await ConsentRecord(consent).create(on: db)
        try await TimelineEventRecord(
            TimelineEvent(
                id: store.ids(), residentID: consent.residentID, at: consent.givenAt, kind: "consent.given",
                actorID: consent.recordedBy, detail: consent.purpose.rawValue)
        ).create(on: db)
        try await store.audit.append(
            [AuditEvent(.consentGive, resident: consent.residentID, objects: ["consent:\(consent.id)"])],
            context: context, on: db)
    }

    public func withdrawConsent(_ consentID: Consent.ID, of id: Resident.ID) async throws -> Consent {
        let (_, scope) = try await load(id)
        try await requireEdit(scope)
        let actorID = try actor.userID
        let now = store.clock.now()
        return try await store.write { db in
            guard let record = try await ConsentRecord.find(consentID.uuid, on: db), record.residentID == id.uuid else {
                throw DomainError.notFound(kind: "consent")
            }
            let withdrawn = try record.domain().withdrawn(at: now, by: actorID)
            // Compare-and-set: of two withdrawals at once, one finds it withdrawn already.
            let rows = try await db.sql.raw(
                """
                UPDATE consents SET withdrawn_at = \(bind: now), withdrawn_by = \(bind: actorID.uuid) \
                WHERE id = \(bind: consentID.uuid) AND withdrawn_at IS NULL RETURNING id
                """
            ).all()
            guard !rows.isEmpty else { throw DomainError.illegalTransition(from: "withdrawn", to: "withdrawn") }
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: id, at: now, kind: "consent.withdrawn", actorID: actorID,
                    detail: withdrawn.purpose.rawValue)
            ).create(on: db)
            try await store.audit.append(
                [AuditEvent(.consentWithdraw, resident: id, objects: ["consent:\(consentID)"])], context: context,
                on: db)
            // Referrals sent under this consent that are not yet accepted stop; the partner sees why.
            try await store.referrals(context).stopPending(under: consentID, resident: id, at: now, on: db)
            return withdrawn
        }
    }

    // MARK: Households

    /// Starts a household for a resident (at their address) and makes them its first member.
    public func createHousehold(for id: Resident.ID, name: String) async throws -> Household {
        let (record, scope) = try await load(id)
        try await requireEdit(scope)
        let household = try Household(id: store.ids(), name: name, addressID: record.addressID.map { .init($0) })
        let now = store.clock.now()
        let actorID = try actor.userID
        return try await store.write { db in
            try await HouseholdRecord(household, at: now).create(on: db)
            try await ResidentRecord.query(on: db).filter(\.$id == id.uuid).set(\.$householdID, to: household.id.uuid)
                .update()
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: id, at: now, kind: "household.joined", actorID: actorID,
                    detail: household.name)
            ).create(on: db)
            try await store.audit.append(
                [AuditEvent(.householdCreate, resident: id, objects: ["household:\(household.id)"])],
                context: context, on: db)
            return household
        }
    }

    /// Adds a resident to an existing household; the actor must be able to edit the resident
    /// and fully see the household's current members.
    public func join(_ id: Resident.ID, household householdID: Household.ID) async throws -> Household {
        let (record, scope) = try await load(id)
        try await requireEdit(scope)
        guard let household = try await HouseholdRecord.find(householdID.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "household")
        }
        for member in try await ResidentRecord.query(on: store.database).filter(\.$householdID == householdID.uuid)
            .all()
        {
            try await requireView(.full, of: try await load(Resident.ID(member.id!)).scope, event: .householdJoin)
        }
        if record.householdID == householdID.uuid { return try household.domain() }
        let now = store.clock.now()
        let actorID = try actor.userID
        let name = household.name
        try await store.write { db in
            try await ResidentRecord.query(on: db).filter(\.$id == id.uuid).set(\.$householdID, to: householdID.uuid)
                .update()
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: id, at: now, kind: "household.joined", actorID: actorID, detail: name)
            ).create(on: db)
            try await store.audit.append(
                [AuditEvent(.householdJoin, resident: id, objects: ["household:\(householdID)"])], context: context,
                on: db)
        }
        return try household.domain()
    }

    /// Takes a resident out of their household; the household stays for its other members.
    public func leaveHousehold(_ id: Resident.ID) async throws {
        let (record, scope) = try await load(id)
        try await requireEdit(scope)
        guard let householdID = record.householdID else {
            throw DomainError.illegalTransition(from: "none", to: "none")
        }
        let name = try await HouseholdRecord.find(householdID, on: store.database)?.name
        let now = store.clock.now()
        let actorID = try actor.userID
        try await store.write { db in
            try await ResidentRecord.query(on: db).filter(\.$id == id.uuid).set(\.$householdID, to: nil).update()
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: id, at: now, kind: "household.left", actorID: actorID, detail: name)
            ).create(on: db)
            try await store.audit.append(
                [
                    AuditEvent(
                        .householdLeave, resident: id, objects: ["household:\(householdID.uuidString.lowercased())"])
                ],
                context: context, on: db)
        }
    }

    /// Households at the resident's address that they could join (none when they have no address).
    public func householdsAtAddress(of id: Resident.ID) async throws -> [Household] {
        let (record, scope) = try await load(id)
        guard AccessPolicy.canEdit(scope, by: try actor), let address = record.addressID else { return [] }
        return try await HouseholdRecord.query(on: store.database).filter(\.$addressID == address).sort(\.$name).all()
            .map { try $0.domain() }.filter { $0.id.uuid != record.householdID }
    }

    /// A household and its members, if the actor may fully see every member.
    public func household(_ id: Household.ID) async throws -> (household: Household, members: [ResidentSummary]) {
        guard let record = try await HouseholdRecord.find(id.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "household")
        }
        let members = try await ResidentRecord.query(on: store.database).filter(\.$householdID == id.uuid).sort(
            \.$givenName
        ).all()
        var visible: [ResidentSummary] = []
        for member in members {
            let scope = try await load(Resident.ID(member.id!)).scope
            try await requireView(.full, of: scope, event: .householdRead)
            visible.append(
                ResidentSummary(
                    id: .init(member.id!), fullName: "\(member.givenName) \(member.familyName)", addressLine: nil,
                    dateOfBirth: try member.dateOfBirth.map { try LocalDate($0) }))
        }
        try await store.audit.record(
            visible.map { AuditEvent(.householdRead, resident: $0.id, objects: ["household:\(id)"]) },
            context: context)
        return (try record.domain(), visible)
    }

    // MARK: Helpers

    private func load(_ id: Resident.ID) async throws -> (record: ResidentRecord, scope: ResidentScope) {
        guard let record = try await ResidentRecord.find(id.uuid, on: store.database) else {
            throw DomainError.notFound(kind: "resident")
        }
        let buurt = try await record.addressID.asyncFlatMap {
            try await AddressRecord.find($0, on: store.database)?.buurtCode
        }
        return (
            record,
            ResidentScope(
                residentID: id, buurtCode: buurt.flatMap { try? AreaCode($0) },
                responsibleTeamID: record.responsibleTeamID.map { .init($0) })
        )
    }

    private func scope(for resident: Resident, on db: any Database) async throws -> ResidentScope {
        let buurt = try await resident.addressID.asyncFlatMap {
            try await AddressRecord.find($0.uuid, on: db)?.buurtCode
        }
        return ResidentScope(
            residentID: resident.id, buurtCode: buurt.flatMap { try? AreaCode($0) },
            responsibleTeamID: resident.responsibleTeamID)
    }

    private func checkReferences(of resident: Resident, on db: any Database) async throws {
        var validator = Validator()
        if let address = resident.addressID, try await AddressRecord.find(address.uuid, on: db) == nil {
            validator.add("addressID", "address.unknown")
        }
        if let household = resident.householdID, try await HouseholdRecord.find(household.uuid, on: db) == nil {
            validator.add("householdID", "household.unknown")
        }
        try validator.finish()
    }

    /// Throws `forbidden` and logs the refusal when the actor's view is less than `needed`.
    private func requireView(_ needed: ResidentView, of scope: ResidentScope, event: AuditAction) async throws {
        let actor = try actor
        guard AccessPolicy.view(of: scope, by: actor) >= needed else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: scope.residentID, objects: [event.rawValue])], context: context)
            throw DomainError.forbidden(reason: "scope")
        }
    }

    private func requireEdit(_ scope: ResidentScope) async throws {
        guard AccessPolicy.canEdit(scope, by: try actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: scope.residentID, objects: ["resident.update"])],
                context: context)
            throw DomainError.forbidden(reason: "scope")
        }
    }

    static func changedFields(_ a: Resident, _ b: Resident) -> [String] {
        var fields: [String] = []
        if a.givenName != b.givenName || a.familyName != b.familyName { fields.append("name") }
        if a.dateOfBirth != b.dateOfBirth { fields.append("dateOfBirth") }
        if a.addressID != b.addressID { fields.append("address") }
        if a.householdID != b.householdID { fields.append("household") }
        if a.phone != b.phone { fields.append("phone") }
        if a.preferredLanguage != b.preferredLanguage { fields.append("preferredLanguage") }
        if a.contactChannels != b.contactChannels || a.contactNote != b.contactNote {
            fields.append("contactPreferences")
        }
        if a.doorNotes != b.doorNotes { fields.append("doorNotes") }
        return fields
    }
}

extension Optional {
    func asyncFlatMap<U>(_ transform: (Wrapped) async throws -> U?) async rethrows -> U? {
        guard let value = self else { return nil }
        return try await transform(value)
    }
}

extension Store {
    /// Resident data on behalf of one actor; every call checks access and is audited.
    public func residents(_ context: AuditContext) -> ResidentRepository {
        ResidentRepository(store: self, context: context)
    }
}
