import Foundation

/// A referral of a resident to a service of the social map or to an organisation: who referred, what the
/// question is in the resident's words, what travels with it and where it stands. The referrer's team keeps
/// responsibility for the resident; the partner organisation sees only what the referral carries.
public struct Referral: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Referral>
    public var id: ID
    public var residentID: Resident.ID
    /// The service of the social map, if the referral is to one.
    public var serviceID: MapService.ID?
    /// The organisation that receives it (its people answer it); nil for a logged referral to a provider that
    /// does not work in Schakel.
    public var organisationID: Organisation.ID?
    /// The service's or organisation's name when it was referred to, so the record reads the same later.
    public var targetName: String
    /// The signal in follow-up the referral comes from.
    public var signalID: Signal.ID?
    public var mode: ReferralMode
    public var state: ReferralState
    /// The question in the resident's words.
    public var question: String
    public var domains: [LifeDomain]
    /// How the partner should make contact (live referrals).
    public var contactMethod: ReferralContactMethod?
    /// The parts of the file that go with it.
    public var shares: [ReferralShare]
    public var referrerID: User.ID
    /// The referrer's team, which keeps responsibility.
    public var teamID: Team.ID?
    public var referrerOrganisationID: Organisation.ID?
    /// The partner's colleague who handles it.
    public var assigneeID: User.ID?
    /// The consent it was sent under; nil when none was needed (the referrer's own organisation, a logged
    /// referral) or when it was sent under an override.
    public var consentID: Consent.ID?
    public var override: ConsentOverride?
    public var createdAt: Date
    public var sentAt: Date?
    public var receivedAt: Date?
    /// When the partner accepted or declined.
    public var answeredAt: Date?
    /// The partner must answer by this day (working days after sending).
    public var answerDue: LocalDate?
    /// After acceptance, first contact is due by this day.
    public var contactDue: LocalDate?
    public var firstContactOn: LocalDate?
    public var firstContactHow: ReferralContactMethod?
    public var declineReason: ReferralDeclineReason?
    public var closeReason: ReferralCloseReason?
    public var outcome: ReferralOutcome?
    /// When it was completed, closed, declined or withdrawn.
    public var endedAt: Date?
    /// When the unanswered referral was escalated to the partner organisation's coordinator.
    public var escalatedAt: Date?
    /// When the accepted referral without first contact was flagged.
    public var contactFlaggedAt: Date?

    public init(
        id: ID, residentID: Resident.ID, serviceID: MapService.ID?, organisationID: Organisation.ID?,
        targetName: String, signalID: Signal.ID?, mode: ReferralMode, question: String, domains: [LifeDomain],
        contactMethod: ReferralContactMethod?, shares: [ReferralShare], referrerID: User.ID, teamID: Team.ID?,
        referrerOrganisationID: Organisation.ID?, createdAt: Date
    ) {
        self.id = id
        self.residentID = residentID
        self.serviceID = serviceID
        self.organisationID = organisationID
        self.targetName = targetName
        self.signalID = signalID
        self.mode = mode
        self.state = mode == .logged ? .logged : .draft
        self.question = question
        self.domains = domains
        self.contactMethod = contactMethod
        self.shares = shares
        self.referrerID = referrerID
        self.teamID = teamID
        self.referrerOrganisationID = referrerOrganisationID
        self.createdAt = createdAt
    }

    /// The referral after the event at a moment: each step records its time, reason or outcome; sending
    /// and accepting set the next deadline from the service's terms.
    public func applying(_ event: ReferralEvent, at now: Date, terms: ReferralTerms) throws -> Referral {
        var next = self
        next.state = try state.apply(event)
        let today = LocalDate(now)
        switch event {
        case .send:
            next.sentAt = now
            next.answerDue = today.adding(workingDays: terms.responseDays)
        case .receive:
            next.receivedAt = now
        case .accept:
            next.answeredAt = now
            next.contactDue = today.adding(workingDays: terms.contactDays)
        case .decline(let reason):
            next.answeredAt = now
            next.declineReason = reason
            next.endedAt = now
        case .firstContact(let date, let how):
            if let sentAt, date < LocalDate(sentAt) {
                throw ValidationError(field: "contactDate", key: "referral.contactBeforeSent")
            }
            next.firstContactOn = date
            next.firstContactHow = how
        case .complete(let outcome):
            next.outcome = outcome
            next.endedAt = now
        case .close(let reason):
            next.closeReason = reason
            next.endedAt = now
        case .withdraw:
            next.endedAt = now
        }
        return next
    }

    /// Waiting for the partner's answer past its day.
    public func answerOverdue(today: LocalDate) -> Bool {
        [.sent, .received].contains(state) && (answerDue.map { $0 < today } ?? false)
    }

    /// Accepted, without first contact past its day.
    public func contactOverdue(today: LocalDate) -> Bool {
        state == .accepted && (contactDue.map { $0 < today } ?? false)
    }

    public func overdue(today: LocalDate) -> Bool { answerOverdue(today: today) || contactOverdue(today: today) }
}

/// A service's terms for referrals: working days to answer, and after acceptance to first contact.
public struct ReferralTerms: Sendable, Equatable, Codable {
    public var responseDays: Int
    public var contactDays: Int

    public static let allowedDays = 1...60
    public static let standard = ReferralTerms(checkedResponseDays: 5, contactDays: 10)

    private init(checkedResponseDays: Int, contactDays: Int) {
        self.responseDays = checkedResponseDays
        self.contactDays = contactDays
    }

    public init(responseDays: Int, contactDays: Int) throws {
        var validator = Validator()
        if !Self.allowedDays.contains(responseDays) { validator.add("responseDays", "referral.daysRange") }
        if !Self.allowedDays.contains(contactDays) { validator.add("contactDays", "referral.daysRange") }
        try validator.finish()
        self.responseDays = responseDays
        self.contactDays = contactDays
    }
}

/// One step in a referral's history: a transition, an assignment, a message, an escalation, with who and when.
public struct ReferralHistoryEntry: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<ReferralHistoryEntry>
    public var id: ID
    public var referralID: Referral.ID
    public var at: Date
    public var actorID: User.ID?
    /// `created`, `logged`, an event name (`send`, `accept` …), `assign`, `message`, `escalate`,
    /// `contact_overdue`, `consent_withdrawn`.
    public var kind: String
    public var fromState: ReferralState?
    public var toState: ReferralState?
    /// A reason or outcome code, or the text of a message.
    public var detail: String?

    public init(
        id: ID, referralID: Referral.ID, at: Date, actorID: User.ID?, kind: String, fromState: ReferralState? = nil,
        toState: ReferralState? = nil, detail: String? = nil
    ) {
        self.id = id
        self.referralID = referralID
        self.at = at
        self.actorID = actorID
        self.kind = kind
        self.fromState = fromState
        self.toState = toState
        self.detail = detail
    }
}
