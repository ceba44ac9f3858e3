import Foundation

/// Where a referral stands, from the referrer's draft to the resident helped or the reason why not.
///
/// `draft → sent → received → accepted → in contact → completed`, with `declined` after sent or received,
/// `closed` (no show, withdrew, unreachable, moved) after accepted or in contact, and `withdrawn` by the
/// referrer at any open step. A logged referral is `logged` from the start and expects nothing of anyone.
public enum ReferralState: String, Sendable, Codable, CaseIterable {
    case draft
    case sent
    /// First opened by someone of the partner organisation.
    case received
    case accepted
    case declined
    /// The partner has had first contact with the resident.
    case inContact = "in_contact"
    case completed
    case closed
    case withdrawn
    /// The resident was pointed to the help; nobody is asked to act.
    case logged

    /// Whether someone still has to act: the partner or the referrer.
    public var isOpen: Bool { [.draft, .sent, .received, .accepted, .inContact].contains(self) }

    /// Not yet accepted: what a withdrawn consent stops.
    public var isPending: Bool { [.draft, .sent, .received].contains(self) }

    /// Whether the partner organisation has the referral and may see the resident's contact details: from
    /// sending until it is declined or ends. Afterwards the partner keeps the record only.
    public var partnerHasContact: Bool { [.sent, .received, .accepted, .inContact].contains(self) }

    /// The status of a FHIR R4 `Task` under the HL7 SDOH Clinical Care *TaskForReferralManagement* profile.
    public var fhirTaskStatus: String {
        switch self {
        case .draft: "draft"
        case .sent: "requested"
        case .received: "received"
        case .accepted: "accepted"
        case .declined: "rejected"
        case .inContact: "in-progress"
        case .completed, .logged: "completed"
        case .closed: "failed"
        case .withdrawn: "cancelled"
        }
    }

    /// What the concierge or volunteer who raised the signal is told: in neutral words, never the partner's work.
    public var reporterStatus: ReferralReporterStatus {
        switch self {
        case .draft, .sent, .received, .logged: .referred
        case .accepted, .inContact: .pickedUp
        case .completed: .done
        case .declined, .closed, .withdrawn: .stopped
        }
    }
}

/// A referral's state as the person who raised the original signal hears it.
public enum ReferralReporterStatus: String, Sendable, Codable, CaseIterable {
    case referred, pickedUp = "picked_up", done, stopped
}
