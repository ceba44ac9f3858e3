import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// Organisations, teams with their coverage, and users. Changes are audited.
public struct AccountRepository: Sendable {
    let store: Store

    /// Opens the administration pages (the lists of organisations, teams and accounts with their forms):
    /// for administrators only; a refusal is logged.
    public func authorizeAdministration(context: AuditContext) async throws {
        try await store.requireAdministrator(context, object: "administration")
    }

    // MARK: Organisations

    public func organisations() async throws -> [Organisation] {
        try await OrganisationRecord.query(on: store.database).sort(\.$name).all().map { try $0.domain() }
    }

    public func createOrganisation(name: String, kind: OrganisationKind, context: AuditContext) async throws
        -> Organisation
    {
        try await store.requireAdministrator(context, object: "organisations:create")
        let organisation = try Organisation(id: store.ids(), name: name, kind: kind)
        let now = store.clock.now()
        return try await store.write { db in
            if try await OrganisationRecord.query(on: db).filter(\.$name == organisation.name).count() > 0 {
                throw DomainError.conflict(key: "organisation.nameTaken")
            }
            try await OrganisationRecord(organisation, createdAt: now).create(on: db)
            try await store.audit.append(
                [AuditEvent(.organisationCreate, objects: ["organisation:\(organisation.id)"])], context: context,
                on: db)
            return organisation
        }
    }

    // MARK: Teams

    public func teams() async throws -> [Team] {
        let records = try await TeamRecord.query(on: store.database).sort(\.$name).all()
        let coverage = try await TeamCoverageRecord.query(on: store.database).sort(\.$code).all()
        let byTeam = Dictionary(grouping: coverage, by: \.teamID)
        return try records.map { record in
            try Team(
                id: .init(record.id!), name: record.name, organisationID: record.organisationID.map { .init($0) },
                coverage: try (byTeam[record.id!] ?? []).map { .init(code: try AreaCode($0.code), year: $0.year) })
        }
    }

    public func createTeam(name: String, organisationID: Organisation.ID?, context: AuditContext) async throws -> Team {
        try await store.requireAdministrator(context, object: "teams:create")
        let team = try Team(id: store.ids(), name: name, organisationID: organisationID)
        let now = store.clock.now()
        return try await store.write { db in
            if try await TeamRecord.query(on: db).filter(\.$name == team.name).count() > 0 {
                throw DomainError.conflict(key: "team.nameTaken")
            }
            if let organisationID, try await OrganisationRecord.find(organisationID.uuid, on: db) == nil {
                throw ValidationError(field: "organisationID", key: "organisation.unknown")
            }
            try await TeamRecord(team, createdAt: now).create(on: db)
            try await store.audit.append(
                [AuditEvent(.teamCreate, objects: ["team:\(team.id)"])], context: context, on: db)
            return team
        }
    }

    /// Adds an area to a team's coverage; the team then sees residents living there.
    public func addCoverage(_ coverage: Team.Coverage, to team: Team.ID, context: AuditContext) async throws {
        try await store.requireAdministrator(context, object: "teams:coverage")
        try await store.write { db in
            guard try await TeamRecord.find(team.uuid, on: db) != nil else { throw DomainError.notFound(kind: "team") }
            // Once the CBS list is in, a team covers only areas on it: a mistyped code would cover nobody.
            if try await NeighbourhoodRecord.query(on: db).filter(\.$code == coverage.code.description).count() == 0,
                try await NeighbourhoodRecord.query(on: db).count() > 0
            {
                throw ValidationError(field: "code", key: "areaCode.unknown")
            }
            let existing = try await TeamCoverageRecord.query(on: db).filter(\.$teamID == team.uuid)
                .filter(\.$code == coverage.code.description).count()
            if existing > 0 { throw DomainError.conflict(key: "team.coverageExists") }
            try await TeamCoverageRecord(teamID: team.uuid, coverage: coverage).create(on: db)
            try await store.audit.append(
                [AuditEvent(.teamCoverageAdd, objects: ["team:\(team)", "area:\(coverage.code)"])], context: context,
                on: db)
        }
    }

    public func removeCoverage(_ code: AreaCode, from team: Team.ID, context: AuditContext) async throws {
        try await store.requireAdministrator(context, object: "teams:coverage")
        try await store.write { db in
            let records = try await TeamCoverageRecord.query(on: db).filter(\.$teamID == team.uuid)
                .filter(\.$code == code.description).all()
            guard !records.isEmpty else { throw DomainError.notFound(kind: "coverage") }
            for record in records { try await record.delete(on: db) }
            try await store.audit.append(
                [AuditEvent(.teamCoverageRemove, objects: ["team:\(team)", "area:\(code)"])], context: context,
                on: db)
        }
    }

    // MARK: Users

    public func users() async throws -> [User] {
        let records = try await UserRecord.query(on: store.database).sort(\.$username).all()
        let memberships = Dictionary(
            grouping: try await TeamMemberRecord.query(on: store.database).all(), by: \.userID)
        return try records.map { record in
            try record.domain(teamIDs: (memberships[record.id!] ?? []).map { .init($0.teamID) })
        }
    }

    public func user(_ id: User.ID) async throws -> User? {
        guard let record = try await UserRecord.find(id.uuid, on: store.database) else { return nil }
        let teams = try await TeamMemberRecord.query(on: store.database).filter(\.$userID == id.uuid).all()
        return try record.domain(teamIDs: teams.map { .init($0.teamID) })
    }

    /// The user and the actor they act as, in two queries: what every logged-in request needs.
    public func userAndActor(_ id: User.ID) async throws -> (user: User, actor: Actor)? {
        // One query, read with SQLKit: every request with a session or token starts here.
        let rows = try await store.sql.raw(
            """
            SELECT u.username, u.display_name, u.role, u.organisation_id, u.active, o.kind AS organisation_kind,
                m.team_id, c.code
            FROM users u
            LEFT JOIN organisations o ON o.id = u.organisation_id
            LEFT JOIN team_members m ON m.user_id = u.id
            LEFT JOIN team_coverage c ON c.team_id = m.team_id
            WHERE u.id = \(bind: id.uuid)
            """
        ).all()
        guard let first = rows.first else { return nil }
        var teams: [Team.ID] = []
        var coverage: [AreaCode] = []
        for row in rows {
            if let team = try row.decode(column: "team_id", as: UUID?.self).map(Team.ID.init), !teams.contains(team) {
                teams.append(team)
            }
            if let code = try row.decode(column: "code", as: String?.self) { coverage.append(try AreaCode(code)) }
        }
        let user = try User(
            id: id, username: try first.decode(column: "username", as: String.self),
            displayName: try first.decode(column: "display_name", as: String.self),
            role: Role(rawValue: try first.decode(column: "role", as: String.self)) ?? .volunteer,
            organisationID: try first.decode(column: "organisation_id", as: UUID?.self).map { .init($0) },
            teamIDs: teams, active: try first.decode(column: "active", as: Bool.self))
        let kind = try first.decode(column: "organisation_kind", as: String?.self).flatMap(
            OrganisationKind.init(rawValue:))
        return (
            user,
            Actor(
                userID: user.id, username: user.username, role: user.role, organisationID: user.organisationID,
                teamIDs: Set(teams), coverage: coverage,
                meldcodeBound: AccessPolicy.handlesSignals(user.role) && (kind?.boundByMeldcode ?? false))
        )
    }

    /// The user and their stored password hash, for logging in.
    public func credentials(username: String) async throws -> (user: User, passwordHash: String)? {
        let name = username.trimmingCharacters(in: .whitespaces).lowercased()
        guard let record = try await UserRecord.query(on: store.database).filter(\.$username == name).first() else {
            return nil
        }
        let teams = try await TeamMemberRecord.query(on: store.database).filter(\.$userID == record.id!).all()
        return (try record.domain(teamIDs: teams.map { .init($0.teamID) }), record.passwordHash)
    }

    public func userCount() async throws -> Int {
        try await UserRecord.query(on: store.database).count()
    }

    /// Creates a user; `passwordHash` is already hashed (bcrypt) by the caller.
    public func createUser(_ user: User, passwordHash: String, context: AuditContext) async throws {
        try await store.requireAdministrator(context, object: "users:create")
        let now = store.clock.now()
        try await store.write { db in
            if try await UserRecord.query(on: db).filter(\.$username == user.username).count() > 0 {
                throw DomainError.conflict(key: "user.usernameTaken")
            }
            if let organisationID = user.organisationID,
                try await OrganisationRecord.find(organisationID.uuid, on: db) == nil
            {
                throw ValidationError(field: "organisationID", key: "organisation.unknown")
            }
            try await UserRecord(user, passwordHash: passwordHash, createdAt: now).create(on: db)
            try await replaceMemberships(of: user.id, with: user.teamIDs, on: db)
            try await store.audit.append(
                [AuditEvent(.userCreate, objects: ["user:\(user.id)", "role:\(user.role.rawValue)"])],
                context: context, on: db)
        }
    }

    /// Changes name, role, organisation, teams and whether the account is active.
    public func updateUser(_ user: User, context: AuditContext) async throws {
        try await store.requireAdministrator(context, object: "users:update")
        try await store.write { db in
            guard let record = try await UserRecord.find(user.id.uuid, on: db) else {
                throw DomainError.notFound(kind: "user")
            }
            record.update(from: user)
            try await record.save(on: db)
            try await replaceMemberships(of: user.id, with: user.teamIDs, on: db)
            if !user.active { try await WebSessionRecord.query(on: db).filter(\.$userID == user.id.uuid).delete() }
            try await store.audit.append(
                [AuditEvent(.userUpdate, objects: ["user:\(user.id)", "role:\(user.role.rawValue)"])],
                context: context, on: db)
        }
    }

    public func setPassword(of user: User.ID, passwordHash: String, context: AuditContext) async throws {
        try await store.requireAdministrator(context, object: "users:password")
        try await store.write { db in
            guard let record = try await UserRecord.find(user.uuid, on: db) else {
                throw DomainError.notFound(kind: "user")
            }
            record.passwordHash = passwordHash
            try await record.save(on: db)
            // A new password ends every session and token of the old one.
            try await WebSessionRecord.query(on: db).filter(\.$userID == user.uuid).delete()
            try await APITokenRecord.query(on: db).filter(\.$userID == user.uuid).filter(\.$revokedAt == nil)
                .set(\.$revokedAt, to: store.clock.now()).update()
            try await store.audit.append(
                [AuditEvent(.userPassword, objects: ["user:\(user)"])], context: context, on: db)
        }
    }

    private func replaceMemberships(of user: User.ID, with teams: [Team.ID], on db: any Database) async throws {
        try await TeamMemberRecord.query(on: db).filter(\.$userID == user.uuid).delete()
        for team in Set(teams) {
            guard try await TeamRecord.find(team.uuid, on: db) != nil else {
                throw ValidationError(field: "teamIDs", key: "team.unknown")
            }
            try await TeamMemberRecord(teamID: team.uuid, userID: user.uuid).create(on: db)
        }
    }

    /// The acting person as the access policy sees them: role, organisation, teams and covered areas.
    public func actor(for user: User) async throws -> Actor {
        let coverage: [TeamCoverageRecord] =
            user.teamIDs.isEmpty
            ? []
            : try await TeamCoverageRecord.query(on: store.database).filter(\.$teamID ~~ user.teamIDs.map(\.uuid)).all()
        return Actor(
            userID: user.id, username: user.username, role: user.role, organisationID: user.organisationID,
            teamIDs: Set(user.teamIDs), coverage: try coverage.map { try AreaCode($0.code) },
            meldcodeBound: try await meldcodeBound(user.organisationID))
    }

    /// The actors of many users at once (a team's members): two queries, however many there are.
    public func actors(for users: [User]) async throws -> [Actor] {
        let teams = Set(users.flatMap(\.teamIDs))
        let coverage =
            teams.isEmpty
            ? [:]
            : Dictionary(
                grouping: try await TeamCoverageRecord.query(on: store.database).filter(\.$teamID ~~ teams.map(\.uuid))
                    .all(), by: \.teamID)
        let bound = Dictionary(
            uniqueKeysWithValues: try await organisations().map { ($0.id, $0.kind.boundByMeldcode) })
        return try users.map { user in
            Actor(
                userID: user.id, username: user.username, role: user.role, organisationID: user.organisationID,
                teamIDs: Set(user.teamIDs),
                coverage: try user.teamIDs.flatMap { coverage[$0.uuid] ?? [] }.map { try AreaCode($0.code) },
                meldcodeBound: user.organisationID.flatMap { bound[$0] } ?? false)
        }
    }

    /// Whether the organisation's professionals are bound by the meldcode.
    func meldcodeBound(_ organisation: Organisation.ID?) async throws -> Bool {
        guard let organisation, let record = try await OrganisationRecord.find(organisation.uuid, on: store.database)
        else { return false }
        return OrganisationKind(rawValue: record.kind)?.boundByMeldcode ?? false
    }
}

extension Store {
    public var accounts: AccountRepository { AccountRepository(store: self) }
}
