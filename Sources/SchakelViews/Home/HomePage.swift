import SchakelCore

/// What the start page shows a person: their teams, their "check again" tasks, the open signals of each
/// team, the referrals to answer and those sent, and the ways into their work, each decided by the access policy before the page is drawn.
public struct HomePage: Sendable {
    /// A team's open and overdue signals.
    public struct SignalCount: Sendable {
        public var team: Team
        public var open: Int
        public var overdue: Int

        public init(team: Team, open: Int, overdue: Int) {
            self.team = team
            self.open = open
            self.overdue = overdue
        }
    }

    public var role: Role
    public var displayName: String
    /// The person's teams, with the names of the areas they cover; nil for roles that work without a team.
    public var teams: [Team]?
    public var areaNames: [AreaCode: String]
    public var tasks: [TaskItem]
    /// nil for someone who does not handle signals.
    public var signalCounts: [SignalCount]?
    public var canRaiseSignal: Bool
    /// How many map entries this person keeps were not checked for six months; nil for someone who does
    /// not keep the map.
    public var staleMapEntries: Int?
    public var canSearchResidents: Bool
    /// The open referrals to this person's organisation per state and how many are overdue; nil for someone
    /// who does not answer referrals.
    public var referralInbox: (byState: [ReferralState: Int], overdue: Int)?
    /// How many of the referrals this person sent are open and overdue; nil for someone who does not refer.
    public var referralsSent: (open: Int, overdue: Int)?

    public init(
        role: Role, displayName: String, teams: [Team]?, areaNames: [AreaCode: String], tasks: [TaskItem],
        signalCounts: [SignalCount]?, canRaiseSignal: Bool, staleMapEntries: Int?, canSearchResidents: Bool,
        referralInbox: (byState: [ReferralState: Int], overdue: Int)? = nil,
        referralsSent: (open: Int, overdue: Int)? = nil
    ) {
        self.role = role
        self.displayName = displayName
        self.teams = teams
        self.areaNames = areaNames
        self.tasks = tasks
        self.signalCounts = signalCounts
        self.canRaiseSignal = canRaiseSignal
        self.staleMapEntries = staleMapEntries
        self.canSearchResidents = canSearchResidents
        self.referralInbox = referralInbox
        self.referralsSent = referralsSent
    }
}
