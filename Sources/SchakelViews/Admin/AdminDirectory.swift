import SchakelCore

/// What the administration pages list: every organisation, team and account.
public struct AdminDirectory: Sendable {
    public var organisations: [Organisation]
    public var teams: [Team]
    public var users: [User]

    public init(organisations: [Organisation], teams: [Team], users: [User] = []) {
        self.organisations = organisations
        self.teams = teams
        self.users = users
    }
}
