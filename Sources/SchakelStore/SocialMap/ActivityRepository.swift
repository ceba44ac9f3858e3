import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// Activities in the neighbourhood: the public calendar and feed (no personal data), and sign-ups and
/// attendance of residents by staff (personal data: access-checked, audited, on the resident's timeline).
public struct ActivityRepository: Sendable, ActingRepository {
    let store: Store
    let context: AuditContext

    // MARK: The calendar

    public func create(_ input: ActivityInput) async throws -> Activity {
        try await store.requireMapMaintainer(context, object: "activities")
        let activity = try input.validated(id: store.ids())
        let values = Self.values(activity, by: try actor.userID, at: store.clock.now())
        try await store.write { db in
            try await db.sql.insert(into: "activities").columns(Self.columns).values(values).run()
        }
        return activity
    }

    public func update(_ id: Activity.ID, with input: ActivityInput) async throws -> Activity {
        try await store.requireMapMaintainer(context, object: "activities")
        _ = try await activity(id)
        let activity = try input.validated(id: id)
        let values = Self.values(activity, by: try actor.userID, at: store.clock.now())
        try await store.write { db in
            var update = db.sql.update("activities").where("id", .equal, id.uuid)
            for (column, value) in zip(Self.columns, values) where column != "id" {
                update = update.set(SQLIdentifier(column), to: value)
            }
            try await update.run()
        }
        return activity
    }

    /// Cancels an activity (it leaves the calendar); sign-ups stay on record.
    public func cancel(_ id: Activity.ID) async throws {
        try await store.requireMapMaintainer(context, object: "activities")
        _ = try await activity(id)
        try await store.write { db in
            try await db.sql.update("activities").set("cancelled", to: true)
                .where("id", .equal, id.uuid).run()
        }
    }

    public func activity(_ id: Activity.ID) async throws -> Activity {
        guard
            let row = try await store.sql.select().columns(Self.columns).from("activities")
                .where("id", .equal, id.uuid).first()
        else { throw DomainError.notFound(kind: "activity") }
        return try Self.activity(row)
    }

    /// The days of the activities from a day on, in order, optionally in one gemeente, wijk or buurt.
    public func calendar(area: AreaCode?, from first: LocalDate, days: Int) async throws -> [ActivityDay] {
        var query = store.sql.select().columns(Self.columns).from("activities").where("cancelled", .equal, false)
        if let area {
            let prefix = "BU" + area.description.dropFirst(2)
            query = query.where("buurt_code", .like, area.level == .buurt ? area.description : prefix + "%")
        }
        let last = first.adding(days: days - 1)
        let activities = try await query.all().map(Self.activity)
        var result = activities.flatMap { activity in
            activity.dates(from: first, through: last).map { ActivityDay(activity: activity, date: $0, signedUp: 0) }
        }
        let counts = try await store.sql.select().column("activity_id").column("date")
            .column(SQLFunction("COUNT", args: SQLLiteral.all), as: "n").from("activity_signups")
            .where("date", .greaterThanOrEqual, first.description).where("date", .lessThanOrEqual, last.description)
            .groupBy("activity_id").groupBy("date").all()
        var taken: [String: Int] = [:]
        for row in counts {
            let key =
                "\(try row.decode(column: "activity_id", as: UUID.self))|\(try row.decode(column: "date", as: String.self))"
            taken[key] = try row.decode(column: "n", as: Int.self)
        }
        for index in result.indices {
            result[index].signedUp = taken["\(result[index].activity.id.uuid)|\(result[index].date)"] ?? 0
        }
        return result.sorted {
            ($0.date, $0.activity.starts, $0.activity.title) < ($1.date, $1.activity.starts, $1.activity.title)
        }
    }

    // MARK: Sign-ups and attendance

    /// Signs a resident up for one day of an activity, on their behalf.
    public func signUp(_ resident: Resident.ID, for id: Activity.ID, on date: LocalDate) async throws -> ActivitySignUp
    {
        let actor = try actor
        let scope = try await store.residents(context).scope(of: resident)
        guard AccessPolicy.canSignUpForActivities(scope, by: actor) else {
            try await store.audit.record(
                [AuditEvent(.accessDenied, resident: resident, objects: ["activity:\(id)"])], context: context)
            throw DomainError.forbidden(reason: "scope")
        }
        let activity = try await activity(id)
        let today = LocalDate(store.clock.now())
        guard !activity.cancelled, activity.recurrence.falls(on: date) else {
            throw ValidationError(field: "date", key: "activity.noSuchDay")
        }
        if date < today { throw ValidationError(field: "date", key: "date.inPast") }
        if date == today, activity.period(on: date).end <= store.clock.now() {
            throw ValidationError(field: "date", key: "activity.endedToday")
        }
        let signUp = ActivitySignUp(
            id: store.ids(), activityID: id, date: date, residentID: resident, signedUpBy: actor.userID,
            at: store.clock.now())
        let capacity = activity.capacity
        let title = activity.title
        try await store.write { db in
            let sql = db.sql
            let existing = try await sql.select().column("resident_id").from("activity_signups")
                .where("activity_id", .equal, id.uuid).where("date", .equal, date.description).all()
                .map { try $0.decode(column: "resident_id", as: UUID.self) }
            if existing.contains(resident.uuid) { throw DomainError.conflict(key: "activity.alreadySignedUp") }
            if let capacity, existing.count >= capacity { throw DomainError.conflict(key: "activity.full") }
            try await store.audit.append(
                [AuditEvent(.activitySignup, resident: resident, objects: ["activity:\(id)", "date:\(date)"])],
                context: context, on: db)
            try await sql.insert(into: "activity_signups").columns(
                "id", "activity_id", "date", "resident_id", "signed_up_by", "at", "attended"
            ).values(
                SQLBind(signUp.id.uuid), SQLBind(id.uuid), SQLBind(date.description), SQLBind(resident.uuid),
                SQLBind(actor.userID.uuid), SQLBind(signUp.at), SQLBind(Bool?.none)
            ).run()
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: resident, at: signUp.at, kind: "activity.signup",
                    actorID: actor.userID, detail: "\(title) · \(date.dutch)")
            ).create(on: db)
        }
        return signUp
    }

    /// Who is signed up for a day: names of residents the actor may see; the others only counted.
    public func signUps(for id: Activity.ID, on date: LocalDate) async throws -> [SignUpLine] {
        let actor = try actor
        guard AccessPolicy.canSignUpForActivities(nil, by: actor) else { throw DomainError.forbidden(reason: "role") }
        let rows = try await store.sql.select().columns("id", "resident_id", "signed_up_by", "at", "attended")
            .from("activity_signups").where("activity_id", .equal, id.uuid).where("date", .equal, date.description)
            .orderBy("at").all()
        var lines: [SignUpLine] = []
        let found = try await store.residentScopes(
            Set(try rows.map { try $0.decode(column: "resident_id", as: UUID.self) }))
        for row in rows {
            let resident = Resident.ID(try row.decode(column: "resident_id", as: UUID.self))
            let visible = found.scope(of: resident).map { AccessPolicy.canSignUpForActivities($0, by: actor) } ?? false
            let name = visible ? try found.residents[resident.uuid]?.domain().fullName : nil
            lines.append(
                SignUpLine(
                    signUp: ActivitySignUp(
                        id: .init(try row.decode(column: "id", as: UUID.self)), activityID: id, date: date,
                        residentID: resident, signedUpBy: .init(try row.decode(column: "signed_up_by", as: UUID.self)),
                        at: try row.decode(column: "at", as: Date.self),
                        attended: try row.decode(column: "attended", as: Bool?.self)),
                    residentName: name))
        }
        let shown = lines.filter { $0.residentName != nil }
        if !shown.isEmpty {
            try await store.audit.record(
                shown.map {
                    AuditEvent(
                        .activitySignups, resident: $0.signUp.residentID, objects: ["activity:\(id)", "date:\(date)"])
                }, context: context)
        }
        return lines
    }

    /// Records whether a resident came, on the day or after it.
    public func recordAttendance(_ signUpID: ActivitySignUp.ID, attended: Bool) async throws {
        let actor = try actor
        guard
            let row = try await store.sql.select().columns("activity_id", "date", "resident_id")
                .from("activity_signups").where("id", .equal, signUpID.uuid).first()
        else { throw DomainError.notFound(kind: "signup") }
        let resident = Resident.ID(try row.decode(column: "resident_id", as: UUID.self))
        let date = try LocalDate(try row.decode(column: "date", as: String.self))
        let activityID = Activity.ID(try row.decode(column: "activity_id", as: UUID.self))
        let scope = try await store.residents(context).scope(of: resident)
        guard AccessPolicy.canSignUpForActivities(scope, by: actor) else { throw DomainError.notFound(kind: "signup") }
        if date > LocalDate(store.clock.now()) { throw DomainError.conflict(key: "activity.notYet") }
        let title = try await activity(activityID).title
        try await store.write { db in
            try await store.audit.append(
                [
                    AuditEvent(
                        .activityAttendance, resident: resident, objects: ["activity:\(activityID)", "date:\(date)"])
                ],
                context: context, on: db)
            try await db.sql.update("activity_signups").set("attended", to: attended)
                .where("id", .equal, signUpID.uuid).run()
            try await TimelineEventRecord(
                TimelineEvent(
                    id: store.ids(), residentID: resident, at: store.clock.now(),
                    kind: attended ? "activity.attended" : "activity.absent", actorID: actor.userID,
                    detail: "\(title) · \(date.dutch)")
            ).create(on: db)
        }
    }

    // MARK: Rows

    static let columns = [
        "id", "title", "description", "organiser", "place_name", "address", "buurt_code", "schedule", "weekdays",
        "start_date", "end_date", "starts", "ends", "capacity", "free", "cancelled", "created_by", "updated_at",
    ]

    static func values(_ a: Activity, by user: User.ID, at now: Date) -> [any SQLExpression] {
        var schedule = "once"
        var weekdays = ""
        if case .weekly(let days, _, _) = a.recurrence {
            schedule = "weekly"
            weekdays = days.map { String($0.rawValue) }.sorted().joined(separator: ",")
        }
        return [
            SQLBind(a.id.uuid), SQLBind(a.title), SQLBind(a.description), SQLBind(a.organiser), SQLBind(a.placeName),
            SQLBind(a.address), SQLBind(a.buurtCode?.description), SQLBind(schedule), SQLBind(weekdays),
            SQLBind(a.recurrence.start.description), SQLBind(a.recurrence.end?.description), SQLBind(a.starts.minutes),
            SQLBind(a.ends.minutes), SQLBind(a.capacity), SQLBind(a.free), SQLBind(a.cancelled), SQLBind(user.uuid),
            SQLBind(now),
        ]
    }

    static func activity(_ row: any SQLRow) throws -> Activity {
        let start = try LocalDate(try row.decode(column: "start_date", as: String.self))
        let end = try row.decode(column: "end_date", as: String?.self).map { try LocalDate($0) }
        let recurrence: Recurrence =
            try row.decode(column: "schedule", as: String.self) == "weekly"
            ? .weekly(
                Set(
                    try row.decode(column: "weekdays", as: String.self).split(separator: ",")
                        .compactMap { Int($0).flatMap(Weekday.init(rawValue:)) }), from: start, until: end)
            : .once(start)
        return Activity(
            id: .init(try row.decode(column: "id", as: UUID.self)),
            title: try row.decode(column: "title", as: String.self),
            description: try row.decode(column: "description", as: String.self),
            organiser: try row.decode(column: "organiser", as: String.self),
            placeName: try row.decode(column: "place_name", as: String.self),
            address: try row.decode(column: "address", as: String?.self),
            buurtCode: try row.decode(column: "buurt_code", as: String?.self).flatMap { try? AreaCode($0) },
            recurrence: recurrence, starts: try TimeOfDay(minutes: try row.decode(column: "starts", as: Int.self)),
            ends: try TimeOfDay(minutes: try row.decode(column: "ends", as: Int.self)),
            capacity: try row.decode(column: "capacity", as: Int?.self),
            free: try row.decode(column: "free", as: Bool.self),
            cancelled: try row.decode(column: "cancelled", as: Bool.self))
    }
}

extension Store {
    public func activities(_ context: AuditContext) -> ActivityRepository {
        ActivityRepository(store: self, context: context)
    }
}
