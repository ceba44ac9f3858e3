import SchakelCore

/// What the start page shows a person: their teams, their "check again" tasks, the open signals of each
/// team, and the ways into their work, each decided by the access policy before the page is drawn.
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

    public init(
        role: Role, displayName: String, teams: [Team]?, areaNames: [AreaCode: String], tasks: [TaskItem],
        signalCounts: [SignalCount]?, canRaiseSignal: Bool, staleMapEntries: Int?, canSearchResidents: Bool
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
    }
}
