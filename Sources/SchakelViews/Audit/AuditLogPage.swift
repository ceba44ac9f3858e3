import SchakelCore

/// What the access-log page shows: the filter as typed, the residents to choose between when a name or
/// postcode matched several, or one page of entries with the residents they are about.
public struct AuditLogPage: Sendable {
    public var residentText: String?
    public var resident: Resident.ID?
    public var from: String?
    public var to: String?
    public var problems: [FieldProblem]
    public var choices: [AuditSubject]
    /// More residents matched than `choices` holds.
    public var more: Bool
    public var entries: Paged<AuditEntry>
    public var subjects: [Resident.ID: AuditSubject]

    public init(
        residentText: String?, resident: Resident.ID?, from: String?, to: String?, problems: [FieldProblem],
        choices: [AuditSubject], more: Bool, entries: Paged<AuditEntry>, subjects: [Resident.ID: AuditSubject]
    ) {
        self.residentText = residentText
        self.resident = resident
        self.from = from
        self.to = to
        self.problems = problems
        self.choices = choices
        self.more = more
        self.entries = entries
        self.subjects = subjects
    }
}
