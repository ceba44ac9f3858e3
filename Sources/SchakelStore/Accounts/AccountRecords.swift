import FluentKit
import Foundation
import SchakelCore

final class OrganisationRecord: Model, @unchecked Sendable {
    static let schema = "organisations"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @Field(key: "kind") var kind: String
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ organisation: Organisation, createdAt: Date) {
        id = organisation.id.uuid
        update(from: organisation)
        self.createdAt = createdAt
    }

    func update(from organisation: Organisation) {
        name = organisation.name
        kind = organisation.kind.rawValue
    }

    func domain() throws -> Organisation {
        try Organisation(id: .init(id!), name: name, kind: OrganisationKind(rawValue: kind) ?? .other)
    }
}

final class TeamRecord: Model, @unchecked Sendable {
    static let schema = "teams"
    @ID(key: .id) var id: UUID?
    @Field(key: "name") var name: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ team: Team, createdAt: Date) {
        id = team.id.uuid
        name = team.name
        organisationID = team.organisationID?.uuid
        self.createdAt = createdAt
    }
}

final class TeamCoverageRecord: Model, @unchecked Sendable {
    static let schema = "team_coverage"
    @ID(key: .id) var id: UUID?
    @Field(key: "team_id") var teamID: UUID
    @Field(key: "code") var code: String
    @Field(key: "year") var year: Int

    init() {}

    init(teamID: UUID, coverage: Team.Coverage) {
        id = UUID()
        self.teamID = teamID
        code = coverage.code.description
        year = coverage.year
    }
}

final class UserRecord: Model, @unchecked Sendable {
    static let schema = "users"
    @ID(key: .id) var id: UUID?
    @Field(key: "username") var username: String
    @Field(key: "display_name") var displayName: String
    @Field(key: "role") var role: String
    @OptionalField(key: "organisation_id") var organisationID: UUID?
    @Field(key: "password_hash") var passwordHash: String
    @Field(key: "active") var active: Bool
    @Field(key: "created_at") var createdAt: Date

    init() {}

    init(_ user: User, passwordHash: String, createdAt: Date) {
        id = user.id.uuid
        self.passwordHash = passwordHash
        self.createdAt = createdAt
        update(from: user)
    }

    func update(from user: User) {
        username = user.username
        displayName = user.displayName
        role = user.role.rawValue
        organisationID = user.organisationID?.uuid
        active = user.active
    }

    func domain(teamIDs: [Team.ID]) throws -> User {
        try User(
            id: .init(id!), username: username, displayName: displayName, role: Role(rawValue: role) ?? .volunteer,
            organisationID: organisationID.map { .init($0) }, teamIDs: teamIDs, active: active)
    }
}

final class TeamMemberRecord: Model, @unchecked Sendable {
    static let schema = "team_members"
    @ID(key: .id) var id: UUID?
    @Field(key: "team_id") var teamID: UUID
    @Field(key: "user_id") var userID: UUID

    init() {}

    init(teamID: UUID, userID: UUID) {
        id = UUID()
        self.teamID = teamID
        self.userID = userID
    }
}

final class NeighbourhoodRecord: Model, @unchecked Sendable {
    static let schema = "neighbourhoods"
    @ID(key: .id) var id: UUID?
    @Field(key: "code") var code: String
    @Field(key: "name") var name: String
    @Field(key: "year") var year: Int

    init() {}

    init(_ neighbourhood: Neighbourhood) {
        id = neighbourhood.id.uuid
        code = neighbourhood.code.description
        name = neighbourhood.name
        year = neighbourhood.year
    }

    func domain() throws -> Neighbourhood {
        try Neighbourhood(id: .init(id!), code: AreaCode(code), name: name, year: year)
    }
}
