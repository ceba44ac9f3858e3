import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// What the round planner gets for each stop to divide and order.
public struct StopToPlan: Sendable {
    public var coordinate: Coordinate?
    public var windowStart: TimeOfDay
    public var windowEnd: TimeOfDay
    /// Postcode and house number, for street order when there are no coordinates.
    public var streetKey: String
}

/// Divides stops among `concierges` rounds and orders each: returns, per round, indexes into the stops.
public typealias RoundPlanner = @Sendable (_ stops: [StopToPlan], _ concierges: Int) -> [[Int]]

/// Rounds, their stops, contact moments at the door, day summaries and the out-of-view list.
/// Every method checks the access policy and writes the audit log.
public struct RoundRepository: Sendable, ActingRepository {
    let store: Store
    let context: AuditContext

    // MARK: Planning

    /// The coordinator's view of a team's day.
    public func planningDay(team: Team.ID, date: LocalDate) async throws -> PlanningDay {
        try await requirePlanner(team)
        let rounds = try await RoundRecord.query(on: store.database).filter(\.$teamID == team.uuid)
            .filter(\.$date == date.description).all()
        var views: [RoundView] = []
        for record in rounds { views.append(try await view(of: try record.domain())) }
        views.sort { $0.conciergeName < $1.conciergeName }
        let due = try await dueDeliveries(team: team, date: date)
        let planned = Set(
            try await RoundStopRecord.query(on: store.database).filter(\.$date == date.description)
                .filter(\.$deliveryID ~~ due.map(\.delivery.id.uuid)).all().map(\.deliveryID))
        let coverage = try await teamCoverage(team)
        var unplanned = 0
        var paused: [(String, DeliveryPause)] = []
        var movedAway: [Delivery.ID] = []
        for item in due where !planned.contains(item.delivery.id.uuid) {
            if !covers(coverage, team: team, item.scope) {
                movedAway.append(item.delivery.id)
            } else if case .paused(let pause) = item.delivery.occurrence(on: date) {
                paused.append((item.name, pause))
            } else {
                unplanned += 1
            }
        }
        let concierges = try await store.accounts.users().filter {
            $0.role == .concierge && $0.active && $0.teamIDs.contains(team)
        }
        return PlanningDay(
            team: team, date: date, rounds: views, unplanned: unplanned, paused: paused, movedAway: movedAway,
            concierges: concierges)
    }

    /// Puts the day's due deliveries that are not yet on a round onto rounds, one per concierge on duty.
    /// Existing rounds keep their stops; new stops are added to the end of the round the planner picks.
    /// Returns the number of stops added.
    @discardableResult
    public func generate(team: Team.ID, date: LocalDate, concierges: [User.ID], planner: RoundPlanner) async throws
        -> Int
    {
        try await requirePlanner(team)
        let members = try await store.accounts.users().filter {
            $0.role == .concierge && $0.active && $0.teamIDs.contains(team)
        }
        let onDuty = Array(Set(concierges)).sorted { $0.description < $1.description }
        guard !onDuty.isEmpty else { throw ValidationError(field: "concierges", key: "round.noConcierges") }
        guard onDuty.allSatisfy({ id in members.contains { $0.id == id } }) else {
            throw ValidationError(field: "concierges", key: "round.notAConcierge")
        }
        let due = try await dueDeliveries(team: team, date: date)
        let coverage = try await teamCoverage(team)
        let now = store.clock.now()
        let alreadyPlanned = Set(
            try await RoundStopRecord.query(on: store.database).filter(\.$date == date.description)
                .filter(\.$deliveryID ~~ due.map(\.delivery.id.uuid)).all().map(\.deliveryID))
        let todo = due.filter { item in
            guard !alreadyPlanned.contains(item.delivery.id.uuid), covers(coverage, team: team, item.scope) else {
                return false
            }
            if case .scheduled = item.delivery.occurrence(on: date) { return true }
            return false
        }
        // One door, one concierge: the deliveries of a resident whose windows overlap (a meal and medicine) are
        // planned as one stop in the window they share, and come back as stops next to each other. Deliveries
        // hours apart stay separate visits.
        var doors: [[Int]] = []
        var windows: [(start: TimeOfDay, end: TimeOfDay)] = []
        var doorsOf: [Resident.ID: [Int]] = [:]
        for (index, item) in todo.enumerated() {
            let window = (item.delivery.windowStart, item.delivery.windowEnd)
            if let door = doorsOf[item.delivery.residentID]?.first(where: { door in
                max(windows[door].start, window.0) < min(windows[door].end, window.1)
            }) {
                doors[door].append(index)
                windows[door] = (max(windows[door].start, window.0), min(windows[door].end, window.1))
            } else {
                doorsOf[item.delivery.residentID, default: []].append(doors.count)
                doors.append([index])
                windows.append(window)
            }
        }
        // Planning may take a moment; it runs before the transaction so other writers are not held up.
        let toPlan = doors.indices.map { door in
            StopToPlan(
                coordinate: todo[doors[door][0]].coordinate, windowStart: windows[door].start,
                windowEnd: windows[door].end, streetKey: todo[doors[door][0]].streetKey)
        }
        var groups = doors.isEmpty ? Array(repeating: [], count: onDuty.count) : planner(toPlan, onDuty.count)
        let flat = groups.flatMap { $0 }
        if groups.count != onDuty.count || flat.count != doors.count || Set(flat) != Set(doors.indices) {
            // A planner that loses or doubles a stop must not lose a delivery: fall back to street order.
            groups = StreetOrderDivision.divide(Array(doors.indices), into: onDuty.count) { toPlan[$0].streetKey }
        }
        let plannedGroups = groups.map { $0.flatMap { doors[$0] } }
        return try await store.write { db in
            // Stops planned by someone else in the meantime are left where they are.
            let plannedMeanwhile = Set(
                try await RoundStopRecord.query(on: db).filter(\.$date == date.description)
                    .filter(\.$deliveryID ~~ todo.map(\.delivery.id.uuid)).all().map(\.deliveryID))
            var rounds: [RoundRecord] = []
            for concierge in onDuty {
                if let existing = try await RoundRecord.query(on: db).filter(\.$teamID == team.uuid)
                    .filter(\.$date == date.description).filter(\.$conciergeID == concierge.uuid).first()
                {
                    rounds.append(existing)
                } else {
                    let record = RoundRecord(
                        Round(id: store.ids(), teamID: team, date: date, conciergeID: concierge), at: now)
                    try await record.create(on: db)
                    rounds.append(record)
                }
            }
            var added = 0
            var events: [AuditEvent] = []
            for (round, group) in zip(rounds, plannedGroups) {
                var position =
                    (try await RoundStopRecord.query(on: db).filter(\.$roundID == round.id!).max(\.$position) ?? 0)
                for index in group where !plannedMeanwhile.contains(todo[index].delivery.id.uuid) {
                    position += 1
                    added += 1
                    let item = todo[index]
                    let stop = RoundStop(
                        id: store.ids(), roundID: .init(round.id!), position: position,
                        residentID: item.delivery.residentID, deliveryID: item.delivery.id)
                    try await RoundStopRecord(stop, date: date).create(on: db)
                    events.append(
                        AuditEvent(
                            .roundPlan, resident: item.delivery.residentID,
                            objects: ["round:\(round.id!.uuidString.lowercased())", "stop:\(stop.id)"]))
                }
            }
            try await store.audit.append(events, context: context, on: db)
            return added
        }
    }

    /// Moves a stop to the end of another round of the same team and day.
    public func move(_ stopID: RoundStop.ID, to roundID: Round.ID) async throws {
        let (stop, round) = try await loadStop(stopID)
        try await requirePlanner(round.teamID)
        guard let target = try await RoundRecord.find(roundID.uuid, on: store.database)?.domain(),
            target.teamID == round.teamID, target.date == round.date
        else { throw DomainError.notFound(kind: "round") }
        guard target.id != round.id else { return }
        try await store.write { db in
            let last = try await RoundStopRecord.query(on: db).filter(\.$roundID == roundID.uuid).max(\.$position) ?? 0
            try await RoundStopRecord.query(on: db).filter(\.$id == stopID.uuid)
                .set(\.$roundID, to: roundID.uuid).set(\.$position, to: last + 1).update()
            try await renumber(round.id, on: db)
            try await store.audit.append(
                [AuditEvent(.roundMove, resident: stop.residentID, objects: ["stop:\(stopID)", "round:\(roundID)"])],
                context: context, on: db)
        }
    }

    /// Moves a stop one place earlier (`-1`) or later (`+1`) in its round.
    public func reorder(_ stopID: RoundStop.ID, by offset: Int) async throws {
        let (stop, round) = try await loadStop(stopID)
        try await requirePlanner(round.teamID)
        try await store.write { db in
            let stops = try await RoundStopRecord.query(on: db).filter(\.$roundID == round.id.uuid).sort(\.$position)
                .all()
            guard let index = stops.firstIndex(where: { $0.id == stopID.uuid }) else {
                throw DomainError.notFound(kind: "stop")
            }
            let other = index + (offset < 0 ? -1 : 1)
            guard stops.indices.contains(other) else { return }
            let (a, b) = (stops[index].position, stops[other].position)
            stops[index].position = b
            stops[other].position = a
            try await stops[index].save(on: db)
            try await stops[other].save(on: db)
            try await store.audit.append(
                [AuditEvent(.roundReorder, resident: stop.residentID, objects: ["stop:\(stopID)"])],
                context: context, on: db)
        }
    }

    /// The concierges with a round of the team on the day, by name; reads no resident.
    public func conciergesOnDuty(team: Team.ID, date: LocalDate) async throws -> [(User.ID, String)] {
        try await requirePlanner(team)
        let concierges = try await RoundRecord.query(on: store.database).filter(\.$teamID == team.uuid)
            .filter(\.$date == date.description).all().map(\.conciergeID)
        guard !concierges.isEmpty else { return [] }
        return try await UserRecord.query(on: store.database).filter(\.$id ~~ concierges).sort(\.$displayName).all()
            .map { (User.ID($0.id!), $0.displayName) }
    }

    // MARK: The concierge's round

    /// The actor's rounds on a day.
    public func myRounds(on date: LocalDate) async throws -> [Round] {
        let actor = try actor
        return try await RoundRecord.query(on: store.database).filter(\.$conciergeID == actor.userID.uuid)
            .filter(\.$date == date.description).all().map { try $0.domain() }
    }

    /// A round with its stops, for its concierge or the team's coordinator; the read is audited per resident.
    public func round(_ id: Round.ID) async throws -> RoundView {
        guard let (round, conciergeName) = try await RoundRecord.round(id, on: store.sql) else {
            throw DomainError.notFound(kind: "round")
        }
        let actor = try actor
        guard AccessPolicy.canViewRound(round, by: actor) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["round:\(id)"])], context: context)
            throw DomainError.notFound(kind: "round")
        }
        return try await view(of: round, conciergeName: conciergeName)
    }

    /// Stores what happened at a door. The id comes from the phone, so sending the same moment again
    /// (after a lost answer or an offline queue) stores it once: `created` is false for a replay.
    public func logContact(_ input: ContactMomentInput) async throws -> (moment: ContactMoment, created: Bool) {
        let actor = try actor
        let now = store.clock.now()
        var moment = try input.validated(newID: store.ids(), by: actor.userID, now: now)
        // A form posted twice gets its time from the server each time; the time does not tell them apart.
        // A correction keeps the time of the visit it corrects.
        let serverTimed = input.recordedAt == nil || moment.corrects != nil
        if let existing = try await ContactMomentRecord.moment(moment.id, on: store.sql) {
            return try await replay(of: existing, as: moment, ignoringTime: serverTimed)
        }
        let enteredAt = moment.recordedAt
        var corrected: ContactMoment?
        if let correctsID = moment.corrects {
            guard let original = try await ContactMomentRecord.moment(correctsID, on: store.sql),
                original.residentID == moment.residentID
            else { throw ValidationError(field: "corrects", key: "contact.correctsUnknown") }
            if let stop = moment.stopID, stop != original.stopID {
                throw ValidationError(field: "stopID", key: "contact.correctsOtherStop")
            }
            // The correction describes the same visit: its stop, its time and who was at the door (the day
            // summary counts it for them); who corrected it is in the access log and the timeline.
            moment.stopID = original.stopID
            moment.recordedAt = original.recordedAt
            moment.recordedBy = original.recordedBy
            corrected = original
        }
        let scope: ResidentScope
        do {
            scope = try await store.residents(context).scope(of: moment.residentID)
        } catch DomainError.notFound {
            throw ValidationError(field: "residentID", key: "resident.unknown")
        }
        if let stopID = moment.stopID {
            // From a round: the stop must be on one of the actor's rounds (or their team's, for a coordinator).
            let (stop, round) = try await loadStop(stopID)
            // The round's concierge, for a resident they may still see (not one who moved away).
            guard AccessPolicy.canViewRound(round, by: actor), AccessPolicy.canLogContact(with: scope, by: actor) else {
                try await store.audit.record(
                    [AuditEvent(.accessDenied, resident: moment.residentID, objects: ["stop:\(stopID)"])],
                    context: context)
                throw DomainError.forbidden(reason: "scope")
            }
            guard stop.residentID == moment.residentID else {
                throw ValidationError(field: "stopID", key: "contact.stopOfOtherResident")
            }
            moment.deliveryID = stop.deliveryID
            if let corrected { try await requireCorrection(of: corrected, round: round, scope: scope) }
        } else if !AccessPolicy.canLogContact(with: scope, by: actor) {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: moment.residentID, objects: ["contact.create"])],
                context: context)
            throw DomainError.forbidden(reason: "scope")
        } else if let corrected {
            moment.deliveryID = corrected.deliveryID
            try await requireCorrection(of: corrected, round: nil, scope: scope)
        }
        if let corrected {
            // Only on the day itself (the day the correction was entered, which an offline phone sends later).
            guard ContactMoment.correctable(recordedOn: LocalDate(corrected.recordedAt), today: LocalDate(enteredAt))
            else { throw ValidationError(field: "corrects", key: "contact.correctionTooLate") }
        }
        let stored = moment
        let doorstepSignal = try await SignalRepository(store: store, context: context)
            .doorstepSignal(for: moment, scope: scope)
        do {
            try await store.write { db in
                // The audit entry first: on PostgreSQL its row lock orders concurrent writers, so the
                // resident's contact status below is computed from every committed moment.
                let stop = stored.stopID.map { ["stop:\($0)"] } ?? []
                let corrects = stored.corrects.map { ["corrects:\($0)"] } ?? []
                try await store.audit.append(
                    [
                        AuditEvent(
                            stored.corrects == nil ? .contactCreate : .contactCorrect, resident: stored.residentID,
                            objects: ["contact:\(stored.id)"] + corrects + stop)
                    ], context: context, on: db)
                let sql = db.sql
                if let old = stored.corrects {
                    // Compare-and-set: a moment is corrected once; a second correction at the same time finds
                    // it marked and is refused (the later one must correct the correction).
                    let marked = try await sql.raw(
                        """
                        UPDATE contact_moments SET corrected_by = \(bind: stored.id.uuid) \
                        WHERE id = \(bind: old.uuid) AND corrected_by IS NULL RETURNING id
                        """
                    ).all()
                    guard !marked.isEmpty else { throw DomainError.conflict(key: "contact.alreadyCorrected") }
                }
                try await ContactMomentRecord.insert(stored, receivedAt: now, on: sql)
                let kind =
                    stored.corrects != nil
                    ? "contact.corrected" : stored.stopID == nil ? "contact.visit" : "contact.delivery"
                try await TimelineEventRecord.insert(
                    TimelineEvent(
                        id: store.ids(), residentID: stored.residentID,
                        at: stored.corrects == nil ? stored.recordedAt : enteredAt, kind: kind, actorID: actor.userID,
                        detail: ContactMoment.timelineDetail(stored)),
                    on: sql)
                // A concern typed at the door becomes a signal for the covering team, in the same transaction.
                if let signal = doorstepSignal {
                    try await SignalRepository(store: store, context: context).insert(signal, on: db)
                }
                try await refreshStatus(of: stored.residentID, on: db)
            }
        } catch {
            // The same moment sent twice at once: the second insert fails on the key; answer as a replay.
            if let existing = try? await ContactMomentRecord.moment(stored.id, on: store.sql) {
                return try await replay(of: existing, as: stored, ignoringTime: serverTimed)
            }
            throw error
        }
        return (stored, true)
    }

    /// A concierge's day in numbers: their own, or any of the team's for its coordinator.
    public func daySummary(of concierge: User.ID, on date: LocalDate) async throws -> DaySummary {
        let actor = try actor
        let rounds = try await RoundRecord.query(on: store.database).filter(\.$conciergeID == concierge.uuid)
            .filter(\.$date == date.description).all()
        if concierge != actor.userID {
            guard let user = try await store.accounts.user(concierge),
                user.teamIDs.contains(where: { AccessPolicy.canPlanRounds(of: $0, by: actor) })
            else { throw DomainError.forbidden(reason: "scope") }
        }
        let stops =
            rounds.isEmpty
            ? 0
            : try await RoundStopRecord.query(on: store.database).filter(\.$roundID ~~ rounds.map { $0.id! }).count()
        let moments = try await ContactMomentRecord.moments(
            store.sql.select().from(ContactMomentRecord.schema).where("recorded_by", .equal, SQLBind(concierge.uuid))
                .where("day", .equal, SQLBind(date.description)).where("corrected_by", .is, SQLLiteral.null))
        return DaySummary(stops: stops, moments: moments)
    }

    // MARK: Out of view

    public func outOfViewRule(of team: Team.ID) async throws -> OutOfViewRule {
        let row = try await store.sql.select().columns("out_of_view_days", "out_of_view_misses").from("team_settings")
            .where("team_id", .equal, SQLBind(team.uuid)).first()
        guard let row else { return .standard }
        return try OutOfViewRule(
            daysWithoutContact: row.decode(column: "out_of_view_days", as: Int.self),
            missesInARow: row.decode(column: "out_of_view_misses", as: Int.self))
    }

    public func setOutOfViewRule(_ rule: OutOfViewRule, of team: Team.ID) async throws {
        try await requirePlanner(team)
        try await store.write { db in
            let sql = db.sql
            try await sql.insert(into: "team_settings").columns("team_id", "out_of_view_days", "out_of_view_misses")
                .values(SQLBind(team.uuid), SQLBind(rule.daysWithoutContact), SQLBind(rule.missesInARow))
                .onConflict(with: ["team_id"]) {
                    $0.set(excludedValueOf: "out_of_view_days").set(excludedValueOf: "out_of_view_misses")
                }
                .run()
            try await store.audit.append(
                [AuditEvent(.teamSettings, objects: ["team:\(team)"])], context: context, on: db)
        }
    }

    /// Residents with a standing delivery of the team who had no real contact for the team's number of days,
    /// or whose latest outcomes were all misses; longest out of view first.
    public func outOfView(team: Team.ID, today: LocalDate, page: Paging) async throws -> Paged<OutOfViewEntry> {
        let actor = try actor
        guard AccessPolicy.canViewOutOfView(of: team, by: actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, objects: ["outOfView:\(team)"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
        let rule = try await outOfViewRule(of: team)
        let cutoffDate = today.adding(days: -rule.daysWithoutContact)
        // A contact before the start of the day after the cutoff date is at least N days ago.
        let cutoffMs = cutoffDate.adding(days: 1).moment(at: try TimeOfDay(minutes: 0)).millisecondsSince1970
        let day = today.description
        // Residents of the team's active standing deliveries whom the actor may see and who meet the rule:
        // those whose contact status meets it, found through the status table's indexes (a few hundred of a
        // team's thousands), and those never met at the door whose delivery started before the cutoff date.
        // On SQLite, without statistics, the planner would check the first part's deliveries through the
        // team index; the unary plus leaves it the resident index.
        let teamColumn = store.engine == .sqlite ? "+d.team_id" : "d.team_id"
        func activeDelivery(startedBy: String) -> SQLQueryString {
            """
            \(unsafeRaw: teamColumn) = \(bind: team.uuid) AND d.schedule = 'weekly' AND d.cancelled_at IS NULL \
            AND d.start_date <= \(bind: startedBy) AND (d.end_date IS NULL OR d.end_date >= \(bind: day))
            """
        }
        var visible: [SQLQueryString] = actor.coverage.map { "a.buurt_code LIKE \(bind: "BU\($0.body)%")" }
        visible += actor.teamIDs.map { "r.responsible_team_id = \(bind: $0.uuid)" }
        if visible.isEmpty { visible = ["1 = 0"] }
        var query: SQLQueryString = """
            SELECT c.id, c.last_contact_ms, c.trailing_misses FROM (\
            SELECT s.resident_id AS id, s.last_contact_ms, s.trailing_misses FROM resident_contact_status s \
            WHERE (s.trailing_misses >= \(bind: rule.missesInARow) OR s.last_contact_ms < \(bind: cutoffMs)) \
            AND EXISTS (SELECT 1 FROM deliveries d WHERE d.resident_id = s.resident_id AND \
            \(activeDelivery(startedBy: day))) \
            UNION \
            SELECT d.resident_id AS id, s.last_contact_ms, s.trailing_misses FROM deliveries d \
            LEFT JOIN resident_contact_status s ON s.resident_id = d.resident_id \
            WHERE \(activeDelivery(startedBy: cutoffDate.description)) AND s.last_contact_ms IS NULL\
            ) c JOIN residents r ON r.id = c.id LEFT JOIN addresses a ON a.id = r.address_id WHERE (
            """
        for (index, condition) in visible.enumerated() {
            if index > 0 { query.appendLiteral(" OR ") }
            query += condition
        }
        query.appendLiteral(") ORDER BY COALESCE(c.last_contact_ms, 0), c.id")
        // Names and addresses are read for the page shown only.
        let matches = try await store.sql.raw(query).all()
        let total = matches.count
        let pageRows = matches.dropFirst(page.offset).prefix(page.perPage)
        let ids = try pageRows.map { try $0.decode(column: "id", as: UUID.self) }
        var details: [UUID: any SQLRow] = [:]
        var since: [UUID: String] = [:]
        if !ids.isEmpty {
            for row in try await store.sql.raw(
                """
                SELECT r.id, r.given_name, r.family_name, a.street, a.house_number, a.house_letter, \
                a.house_number_addition, a.postcode, a.place FROM residents r \
                LEFT JOIN addresses a ON a.id = r.address_id WHERE r.id IN (\(binds: ids))
                """
            ).all() {
                details[try row.decode(column: "id", as: UUID.self)] = row
            }
            for row in try await store.sql.raw(
                """
                SELECT resident_id, MIN(start_date) AS since FROM deliveries WHERE team_id = \(bind: team.uuid) \
                AND schedule = 'weekly' AND resident_id IN (\(binds: ids)) GROUP BY resident_id
                """
            ).all() {
                since[try row.decode(column: "resident_id", as: UUID.self)] = try row.decode(
                    column: "since", as: String.self)
            }
        }
        var entries: [OutOfViewEntry] = []
        for row in pageRows {
            let uuid = try row.decode(column: "id", as: UUID.self)
            guard let detail = details[uuid] else { continue }
            let lastContact = try row.decode(column: "last_contact_ms", as: Int64?.self).map(
                Date.init(millisecondsSince1970:))
            guard
                let reason = rule.reason(
                    lastContact: lastContact,
                    trailingMisses: try row.decode(column: "trailing_misses", as: Int?.self) ?? 0,
                    deliveriesSince: try since[uuid].map { try LocalDate($0) } ?? today, today: today)
            else { continue }
            entries.append(
                OutOfViewEntry(
                    residentID: .init(uuid),
                    fullName:
                        "\(try detail.decode(column: "given_name", as: String.self)) \(try detail.decode(column: "family_name", as: String.self))",
                    addressLine: try Address.singleLine(from: detail), lastContact: lastContact, reason: reason))
        }
        if !entries.isEmpty {
            // Visits planned from today on (one-off visits without goods, not cancelled).
            let visits = try await store.sql.select().column("resident_id").column("start_date").from("deliveries")
                .where("kind", .equal, SQLBind(DeliveryKind.visit.rawValue))
                .where("team_id", .equal, SQLBind(team.uuid))
                .where("start_date", .greaterThanOrEqual, SQLBind(today.description))
                .where("cancelled_at", .is, SQLLiteral.null)
                .where("resident_id", .in, entries.map(\.residentID.uuid)).all()
            var first: [UUID: LocalDate] = [:]
            for row in visits {
                let resident = try row.decode(column: "resident_id", as: UUID.self)
                guard let date = try? LocalDate(try row.decode(column: "start_date", as: String.self)) else { continue }
                if first[resident].map({ date < $0 }) ?? true { first[resident] = date }
            }
            for index in entries.indices { entries[index].plannedVisit = first[entries[index].residentID.uuid] }
            try await store.audit.record(
                entries.map { AuditEvent(.residentOutOfView, resident: $0.residentID, objects: ["team:\(team)"]) },
                context: context)
        }
        return Paged(items: entries, page: page.page, perPage: page.perPage, total: total)
    }

    // MARK: Helpers

    private struct Due {
        var delivery: Delivery
        var scope: ResidentScope
        var name: String
        var coordinate: Coordinate?
        var streetKey: String
    }

    /// The team's deliveries whose schedule falls on the date, paused ones included.
    private func dueDeliveries(team: Team.ID, date: LocalDate) async throws -> [Due] {
        let day = date.description
        let records = try await DeliveryRecord.query(on: store.database).filter(\.$teamID == team.uuid)
            .filter(\.$cancelledAt == nil).filter(\.$startDate <= day)
            .group(.or) { $0.filter(\.$endDate == nil).filter(\.$endDate >= day) }
            .all()
        let deliveries = try await DeliveryRepository(store: store, context: context).withPauses(
            records, on: store.database
        ).filter { $0.occurrence(on: date) != nil }
        guard !deliveries.isEmpty else { return [] }
        let residents = try await ResidentRecord.query(on: store.database)
            .filter(\.$id ~~ Set(deliveries.map(\.residentID.uuid))).all()
        let addressIDs = Set(residents.compactMap(\.addressID))
        let addresses =
            addressIDs.isEmpty
            ? [:]
            : Dictionary(
                uniqueKeysWithValues: try await AddressRecord.query(on: store.database).filter(\.$id ~~ addressIDs)
                    .all()
                    .map { ($0.id!, $0) })
        let byID = Dictionary(uniqueKeysWithValues: residents.map { ($0.id!, $0) })
        return deliveries.compactMap { delivery in
            guard let resident = byID[delivery.residentID.uuid] else { return nil }
            let address = resident.addressID.flatMap { addresses[$0] }
            return Due(
                delivery: delivery,
                scope: ResidentScope(
                    residentID: delivery.residentID, buurtCode: address?.buurtCode.flatMap { try? AreaCode($0) },
                    responsibleTeamID: resident.responsibleTeamID.map { .init($0) }),
                name: "\(resident.givenName) \(resident.familyName)",
                coordinate: address.flatMap { a in
                    a.latitude.flatMap { lat in a.longitude.flatMap { try? Coordinate(latitude: lat, longitude: $0) } }
                },
                streetKey: address.map { "\($0.postcode)|\(String(format: "%06d", $0.houseNumber))" } ?? "~")
        }
    }

    private func teamCoverage(_ team: Team.ID) async throws -> [AreaCode] {
        try await store.sql.raw("SELECT code FROM team_coverage WHERE team_id = \(bind: team.uuid)").all()
            .compactMap { try? AreaCode(try $0.decode(column: "code", as: String.self)) }
    }

    /// Whether the team still covers the resident (their neighbourhood, or the team is responsible).
    private func covers(_ coverage: [AreaCode], team: Team.ID, _ scope: ResidentScope) -> Bool {
        if scope.responsibleTeamID == team { return true }
        guard let buurt = scope.buurtCode else { return false }
        return coverage.contains { $0.contains(buurt) }
    }

    private func loadStop(_ id: RoundStop.ID) async throws -> (RoundStop, Round) {
        guard
            let row = try await store.sql.raw(
                """
                SELECT s.round_id, s.position, s.resident_id, s.delivery_id, r.team_id, r.date, r.concierge_id
                FROM round_stops s JOIN rounds r ON r.id = s.round_id WHERE s.id = \(bind: id.uuid)
                """
            ).first()
        else { throw ValidationError(field: "stopID", key: "stop.unknown") }
        let round = Round(
            id: .init(try row.decode(column: "round_id", as: UUID.self)),
            teamID: .init(try row.decode(column: "team_id", as: UUID.self)),
            date: try LocalDate(try row.decode(column: "date", as: String.self)),
            conciergeID: .init(try row.decode(column: "concierge_id", as: UUID.self)))
        let stop = RoundStop(
            id: id, roundID: round.id, position: try row.decode(column: "position", as: Int.self),
            residentID: .init(try row.decode(column: "resident_id", as: UUID.self)),
            deliveryID: .init(try row.decode(column: "delivery_id", as: UUID.self)))
        return (stop, round)
    }

    /// Whether the actor may correct `moment`: refused attempts are in the access log.
    private func requireCorrection(of moment: ContactMoment, round: Round?, scope: ResidentScope) async throws {
        guard
            AccessPolicy.canCorrectContact(recordedBy: moment.recordedBy, round: round, resident: scope, by: try actor)
        else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: moment.residentID, objects: ["contact:\(moment.id)"])],
                context: context)
            throw DomainError.forbidden(reason: "scope")
        }
    }

    /// The teams whose rounds the actor plans, and of them the one asked for (the first when none is).
    /// Refused, and logged, for someone who plans no team; a team they do not plan is not found.
    public func planningTeams(choosing requested: Team.ID?) async throws -> (team: Team, all: [Team]) {
        let all = try await plannableTeams()
        guard let first = all.first else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["rounds"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
        guard let requested else { return (first, all) }
        guard let team = all.first(where: { $0.id == requested }) else { throw DomainError.notFound(kind: "team") }
        return (team, all)
    }

    /// The teams whose rounds the actor plans; none for most roles.
    public func plannableTeams() async throws -> [Team] {
        let actor = try actor
        return try await store.accounts.teams().filter { AccessPolicy.canPlanRounds(of: $0.id, by: actor) }
    }

    /// The teams whose out-of-view list the actor may see, and of them the one asked for (the first when none
    /// is). Another team's list is refused, and logged, not silently swapped for one's own.
    public func outOfViewTeams(choosing requested: Team.ID?) async throws -> (team: Team, all: [Team]) {
        let actor = try actor
        let all = try await store.accounts.teams().filter { AccessPolicy.canViewOutOfView(of: $0.id, by: actor) }
        guard let team = requested.map({ id in all.first { $0.id == id } }) ?? all.first else {
            let object = requested.map { "outOfView:\($0)" } ?? "outOfView"
            try await store.audit.record([AuditEvent(.accessDenied, objects: [object])], context: context)
            throw DomainError.forbidden(reason: all.isEmpty ? "role" : "team")
        }
        return (team, all)
    }

    private func requirePlanner(_ team: Team.ID) async throws {
        guard AccessPolicy.canPlanRounds(of: team, by: try actor) else {
            try await store.audit.record([AuditEvent(.accessDenied, objects: ["rounds:\(team)"])], context: context)
            throw DomainError.forbidden(reason: "role")
        }
    }

    private func renumber(_ round: Round.ID, on db: any Database) async throws {
        let stops = try await RoundStopRecord.query(on: db).filter(\.$roundID == round.uuid).sort(\.$position).all()
        for (index, stop) in stops.enumerated() where stop.position != index + 1 {
            stop.position = index + 1
            try await stop.save(on: db)
        }
    }

    /// The stored moment for a replayed id: the same content is fine, different content is a conflict.
    private func replay(of existing: ContactMoment, as sent: ContactMoment, ignoringTime: Bool) async throws
        -> (moment: ContactMoment, created: Bool)
    {
        var sent = sent
        sent.deliveryID = existing.deliveryID
        // A correction may leave out its stop, and names the person who was at the door, not the corrector.
        if sent.corrects != nil {
            if sent.stopID == nil { sent.stopID = existing.stopID }
            sent.recordedBy = existing.recordedBy
        }
        if ignoringTime { sent.recordedAt = existing.recordedAt }
        guard existing.sameContent(as: sent) else { throw DomainError.conflict(key: "contact.idReused") }
        try await store.audit.record(
            [AuditEvent(.contactReplay, resident: existing.residentID, objects: ["contact:\(existing.id)"])],
            context: context)
        return (existing, false)
    }

    /// Recomputes the resident's last contact and trailing misses from their moments, and the open signals.
    private func refreshStatus(of resident: Resident.ID, on db: any Database) async throws {
        let sql = db.sql
        let recent = try await sql.select().columns("outcome", "recorded_at_ms").from("contact_moments")
            .where("resident_id", .equal, SQLBind(resident.uuid)).where("corrected_by", .is, SQLLiteral.null)
            .orderBy("recorded_at_ms", .descending)
            .limit(OutOfViewRule.maximumMisses + 1).all()
        let outcomes = try recent.map { ContactOutcome(rawValue: try $0.decode(column: "outcome", as: String.self)) }
        let misses = outcomes.prefix { $0?.isMiss == true }.count
        let lastOutcome = try recent.first?.decode(column: "recorded_at_ms", as: Int64.self)
        // Last contact and open signals are counted by the database in the same statement.
        let resident = resident.uuid
        try await sql.raw(
            """
            INSERT INTO resident_contact_status (resident_id, last_contact_ms, last_outcome_ms, trailing_misses, \
            open_concerns) VALUES (\(bind: resident), \
            (SELECT MAX(recorded_at_ms) FROM contact_moments WHERE resident_id = \(bind: resident) \
            AND outcome = \(bind: ContactOutcome.contact.rawValue) AND corrected_by IS NULL), \(bind: lastOutcome), \(bind: misses), \
            (\(SignalRepository.openSignalCount(.init(resident))))) \
            ON CONFLICT (resident_id) DO UPDATE SET last_contact_ms = excluded.last_contact_ms, \
            last_outcome_ms = excluded.last_outcome_ms, trailing_misses = excluded.trailing_misses, \
            open_concerns = excluded.open_concerns
            """
        ).run()
    }

    /// The round with its stops as the actor may see them; one audit entry per resident shown.
    private func view(of round: Round, conciergeName: String? = nil) async throws -> RoundView {
        let actor = try actor
        let rows = try await store.sql.select()
            .columns(
                SQLColumn("id", table: "st"), SQLColumn("position", table: "st"), SQLColumn("resident_id", table: "st"),
                SQLColumn("delivery_id", table: "st"), SQLColumn("given_name", table: "r"),
                SQLColumn("family_name", table: "r"), SQLColumn("door_notes", table: "r"),
                SQLColumn("responsible_team_id", table: "r"), SQLColumn("street", table: "a"),
                SQLColumn("house_number", table: "a"), SQLColumn("house_letter", table: "a"),
                SQLColumn("house_number_addition", table: "a"), SQLColumn("postcode", table: "a"),
                SQLColumn("place", table: "a"), SQLColumn("latitude", table: "a"), SQLColumn("longitude", table: "a"),
                SQLColumn("buurt_code", table: "a"), SQLColumn("last_contact_ms", table: "s"),
                SQLColumn("open_concerns", table: "s")
            )
            .from(SQLAlias(SQLIdentifier("round_stops"), as: SQLIdentifier("st")))
            .join(
                SQLAlias(SQLIdentifier("residents"), as: SQLIdentifier("r")), method: SQLJoinMethod.inner,
                on: SQLColumn("resident_id", table: "st"), .equal, SQLColumn("id", table: "r")
            )
            .join(
                SQLAlias(SQLIdentifier("addresses"), as: SQLIdentifier("a")), method: SQLJoinMethod.left,
                on: SQLColumn("address_id", table: "r"), .equal, SQLColumn("id", table: "a")
            )
            .join(
                SQLAlias(SQLIdentifier("resident_contact_status"), as: SQLIdentifier("s")), method: SQLJoinMethod.left,
                on: SQLColumn("resident_id", table: "s"), .equal, SQLColumn("id", table: "r")
            )
            .where(SQLColumn("round_id", table: "st"), .equal, SQLBind(round.id.uuid))
            .orderBy(SQLColumn("position", table: "st"))
            .all()
        let deliveryIDs = try rows.map { try $0.decode(column: "delivery_id", as: UUID.self) }
        let deliveries = Dictionary(
            uniqueKeysWithValues: try await DeliveryRepository(store: store, context: context)
                .deliveries(deliveryIDs).map { ($0.id.uuid, $0) })
        let stopIDs = try rows.map { try $0.decode(column: "id", as: UUID.self) }
        let moments =
            stopIDs.isEmpty
            ? []
            : try await ContactMomentRecord.moments(
                store.sql.select().from(ContactMomentRecord.schema).where("stop_id", .in, SQLBind.group(stopIDs))
                    .orderBy("recorded_at_ms"))
        let effective = moments.filter { $0.correctedBy == nil }
        let outcomeByStop = Dictionary(effective.compactMap { m in m.stopID.map { ($0, m) } }, uniquingKeysWith: { $1 })
        let correctedByStop = Dictionary(
            grouping: moments.filter { $0.correctedBy != nil && $0.stopID != nil }, by: { $0.stopID! })
        let today = LocalDate(store.clock.now())
        let coverage = try await teamCoverage(round.teamID)
        var stops: [RoundStopView] = []
        var events: [AuditEvent] = []
        for row in rows {
            let stopID = RoundStop.ID(try row.decode(column: "id", as: UUID.self))
            let residentID = Resident.ID(try row.decode(column: "resident_id", as: UUID.self))
            let deliveryID = try row.decode(column: "delivery_id", as: UUID.self)
            guard let delivery = deliveries[deliveryID] else { continue }
            let scope = try ResidentScope(residentID, row: row)
            let stop = RoundStop(
                id: stopID, roundID: round.id, position: try row.decode(column: "position", as: Int.self),
                residentID: residentID, deliveryID: delivery.id)
            // A resident out of the team's area, or out of the viewer's sight, is shown without their data.
            let visible =
                covers(coverage, team: round.teamID, scope) && AccessPolicy.view(of: scope, by: actor) >= .basic
            let outcome = outcomeByStop[stopID]
            var state: StopState = .open
            if !visible {
                state = .movedAway
            } else if let outcome {
                state = .done(outcome.outcome)
            } else if case .paused(let pause) = delivery.occurrence(on: round.date) {
                state = .paused(pause)
            } else if delivery.cancelledAt != nil {
                state = .ended
            }
            var view = RoundStopView(
                stop: stop, state: state, kind: delivery.kind, windowStart: delivery.windowStart,
                windowEnd: delivery.windowEnd, residentName: nil, addressLine: nil, coordinate: nil, doorNotes: [],
                lastContact: nil, openConcerns: 0, outcome: nil)
            if visible {
                view.residentName =
                    "\(try row.decode(column: "given_name", as: String.self)) \(try row.decode(column: "family_name", as: String.self))"
                view.addressLine = try Address.singleLine(from: row)
                if let lat = try row.decode(column: "latitude", as: Double?.self),
                    let lon = try row.decode(column: "longitude", as: Double?.self)
                {
                    view.coordinate = try? Coordinate(latitude: lat, longitude: lon)
                }
                view.doorNotes = [try row.decode(column: "door_notes", as: String?.self), delivery.doorNotes]
                    .compactMap { $0 }
                view.lastContact = try row.decode(column: "last_contact_ms", as: Int64?.self).map(
                    Date.init(millisecondsSince1970:))
                view.openConcerns = try row.decode(column: "open_concerns", as: Int?.self) ?? 0
                view.outcome = outcome
                view.corrected = correctedByStop[stopID] ?? []
                if let outcome {
                    view.correctable =
                        ContactMoment.correctable(recordedOn: LocalDate(outcome.recordedAt), today: today)
                        && AccessPolicy.canCorrectContact(
                            recordedBy: outcome.recordedBy, round: round, resident: scope, by: actor)
                }
                events.append(
                    AuditEvent(.roundRead, resident: residentID, objects: ["round:\(round.id)", "stop:\(stopID)"]))
            }
            stops.append(view)
        }
        try await store.audit.record(events, context: context)
        var name = conciergeName ?? ""
        if conciergeName == nil {
            name = try await UserRecord.find(round.conciergeID.uuid, on: store.database)?.displayName ?? ""
        }
        let summary = DaySummary(stops: stops.count, moments: effective)
        return RoundView(round: round, conciergeName: name, stops: stops, summary: summary)
    }
}

extension Store {
    /// Rounds and contact moments on behalf of one actor; every call checks access and is audited.
    public func rounds(_ context: AuditContext) -> RoundRepository {
        RoundRepository(store: self, context: context)
    }
}
