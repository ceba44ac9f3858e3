import Foundation

/// What a user does in the neighbourhood; decides, with their teams, what they may see.
public enum Role: String, Sendable, Codable, CaseIterable, Comparable {
    case concierge
    case socialWorker = "social_worker"
    case experienceExpert = "experience_expert"
    case volunteer
    case partner
    case coordinator
    case policy
    case admin

    public static func < (lhs: Role, rhs: Role) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}

/// The kinds of organisation that work in a neighbourhood.
public enum OrganisationKind: String, Sendable, Codable, CaseIterable {
    case welfare
    case municipalSocialTeam = "municipal_social_team"
    case districtNursing = "district_nursing"
    case mentalHealth = "mental_health"
    case housingCorporation = "housing_corporation"
    case recoveryGroup = "recovery_group"
    case volunteerCentre = "volunteer_centre"
    case municipality
    case other

    /// Whether the statutory meldcode (huiselijk geweld en kindermishandeling) binds its professionals.
    /// Volunteer organisations are not bound by it.
    public var boundByMeldcode: Bool {
        switch self {
        case .volunteerCentre, .recoveryGroup, .other: false
        default: true
        }
    }
}

/// An organisation whose people use Schakel.
public struct Organisation: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Organisation>
    public var id: ID
    public var name: String
    public var kind: OrganisationKind

    public init(id: ID, name: String, kind: OrganisationKind) throws {
        let name = try name.validatedName()
        self.id = id
        self.name = name
        self.kind = kind
    }
}

/// A team working in one or more neighbourhoods; its members may come from several organisations.
public struct Team: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Team>
    public var id: ID
    public var name: String
    /// The organisation that leads the team, if any.
    public var organisationID: Organisation.ID?
    /// The CBS areas the team covers, each with the year of its code.
    public var coverage: [Coverage]

    public struct Coverage: Sendable, Equatable, Codable, Hashable {
        public var code: AreaCode
        public var year: Int

        public init(code: AreaCode, year: Int) {
            self.code = code
            self.year = year
        }
    }

    public init(id: ID, name: String, organisationID: Organisation.ID?, coverage: [Coverage] = []) throws {
        let name = try name.validatedName()
        self.id = id
        self.name = name
        self.organisationID = organisationID
        self.coverage = coverage
    }
}

/// A person who logs in to Schakel.
public struct User: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<User>
    public var id: ID
    public var username: String
    public var displayName: String
    public var role: Role
    public var organisationID: Organisation.ID?
    public var teamIDs: [Team.ID]
    public var active: Bool

    public init(
        id: ID, username: String, displayName: String, role: Role, organisationID: Organisation.ID?,
        teamIDs: [Team.ID] = [], active: Bool = true
    ) throws {
        var validator = Validator()
        let username = username.trimmingCharacters(in: .whitespaces).lowercased()
        if !Self.isValidUsername(username) { validator.add("username", "username.format") }
        if displayName.nonEmpty == nil { validator.add("displayName", "required") }
        if displayName.count > 120 { validator.add("displayName", "tooLong") }
        try validator.finish()
        self.id = id
        self.username = username
        self.displayName = displayName.collapsingWhitespace
        self.role = role
        self.organisationID = organisationID
        self.teamIDs = teamIDs
        self.active = active
    }

    /// 2–40 characters: lower-case letters, digits, `.`, `-`, `_`.
    public static func isValidUsername(_ username: String) -> Bool {
        (2...40).contains(username.count)
            && username.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || ".-_".contains($0)) }
    }
}

/// Password rules: long enough to resist guessing; no composition rules (NIST SP 800-63B).
public enum PasswordRule {
    public static let minimumLength = 10
    public static let maximumLength = 72  // bcrypt reads at most 72 bytes

    public static func validate(_ password: String) throws {
        if password.count < minimumLength { throw ValidationError(field: "password", key: "password.tooShort") }
        if password.utf8.count > maximumLength { throw ValidationError(field: "password", key: "password.tooLong") }
    }
}
