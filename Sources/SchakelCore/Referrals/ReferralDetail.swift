import Foundation

/// One referral as someone may see it, with what they may do next.
public struct ReferralDetail: Sendable, Equatable {
    public var referral: Referral
    public var view: ReferralView
    public var residentName: String
    /// How to reach the resident: while the referral is the partner's to act on, and always for the referrer.
    public var contact: ReferralContact?
    /// The parts of the file that went with it.
    public var shared: ReferralSharedFile
    public var history: [ReferralHistoryEntry]
    /// Display names of the people in the history, the referrer and the assignee.
    public var people: [User.ID: String]
    /// The receiving organisation's name, if it works in Schakel.
    public var organisationName: String?
    public var referrerOrganisationName: String?
    /// The steps the viewer may take next, by name.
    public var nextEvents: [String]
    /// The partner's colleagues it may be given to (empty when the viewer may not assign).
    public var assignees: [User]
    public var canMessage: Bool

    public init(
        referral: Referral, view: ReferralView, residentName: String, contact: ReferralContact?,
        shared: ReferralSharedFile, history: [ReferralHistoryEntry], people: [User.ID: String],
        organisationName: String?, referrerOrganisationName: String?, nextEvents: [String], assignees: [User],
        canMessage: Bool
    ) {
        self.referral = referral
        self.view = view
        self.residentName = residentName
        self.contact = contact
        self.shared = shared
        self.history = history
        self.people = people
        self.organisationName = organisationName
        self.referrerOrganisationName = referrerOrganisationName
        self.nextEvents = nextEvents
        self.assignees = assignees
        self.canMessage = canMessage
    }

    /// The messages between referrer and partner, oldest first.
    public var messages: [ReferralHistoryEntry] { history.filter { $0.kind == "message" } }
}

/// What the partner needs to reach the resident ("that, not what").
public struct ReferralContact: Sendable, Equatable {
    public var addressLine: String?
    public var phone: String?
    public var preferredLanguage: String?
    public var channels: [ContactChannel]
    public var contactNote: String?

    public init(
        addressLine: String?, phone: String?, preferredLanguage: String?, channels: [ContactChannel],
        contactNote: String?
    ) {
        self.addressLine = addressLine
        self.phone = phone
        self.preferredLanguage = preferredLanguage
        self.channels = channels
        self.contactNote = contactNote
    }
}

/// The parts of the file the referrer chose to send; a part not chosen is nil or empty.
public struct ReferralSharedFile: Sendable, Equatable {
    public var dateOfBirth: LocalDate?
    /// The other household members as "name (age)".
    public var household: [String]
    public var doorNotes: String?
    /// What was seen, from the signal the referral comes from.
    public var observation: String?

    public init(
        dateOfBirth: LocalDate? = nil, household: [String] = [], doorNotes: String? = nil, observation: String? = nil
    ) {
        self.dateOfBirth = dateOfBirth
        self.household = household
        self.doorNotes = doorNotes
        self.observation = observation
    }
}

/// A referral in a list: the inbox, the resident's file, the referrer's sent referrals.
public struct ReferralSummary: Sendable, Equatable, Identifiable {
    public var id: Referral.ID
    public var residentID: Resident.ID
    public var residentName: String
    public var targetName: String
    public var organisationName: String?
    public var state: ReferralState
    public var mode: ReferralMode
    public var domains: [LifeDomain]
    public var createdAt: Date
    public var sentAt: Date?
    public var answerDue: LocalDate?
    public var contactDue: LocalDate?
    public var overridden: Bool
    public var escalated: Bool
    public var assigneeName: String?
    public var referrerName: String?
    /// Waiting past the day for an answer or, after acceptance, for first contact.
    public var overdue: Bool
    /// The signal it was made from, if any.
    public var signalID: Signal.ID?

    public init(
        id: Referral.ID, residentID: Resident.ID, residentName: String, targetName: String,
        organisationName: String?, state: ReferralState, mode: ReferralMode, domains: [LifeDomain], createdAt: Date,
        sentAt: Date?, answerDue: LocalDate?, contactDue: LocalDate?, overridden: Bool, escalated: Bool,
        assigneeName: String?, referrerName: String?, overdue: Bool
    ) {
        self.id = id
        self.residentID = residentID
        self.residentName = residentName
        self.targetName = targetName
        self.organisationName = organisationName
        self.state = state
        self.mode = mode
        self.domains = domains
        self.createdAt = createdAt
        self.sentAt = sentAt
        self.answerDue = answerDue
        self.contactDue = contactDue
        self.overridden = overridden
        self.escalated = escalated
        self.assigneeName = assigneeName
        self.referrerName = referrerName
        self.overdue = overdue
    }
}

/// Which referrals a list holds.
public struct ReferralFilter: Sendable, Equatable {
    public enum Scope: Sendable, Equatable {
        /// Addressed to the actor's organisation: the partner's inbox.
        case inbox
        /// Sent by the actor.
        case sent
    }

    public var scope: Scope
    /// One state; nil is every open one.
    public var state: ReferralState?
    public var overdueOnly: Bool
    public var mineOnly: Bool

    public init(scope: Scope, state: ReferralState? = nil, overdueOnly: Bool = false, mineOnly: Bool = false) {
        self.scope = scope
        self.state = state
        self.overdueOnly = overdueOnly
        self.mineOnly = mineOnly
    }
}
