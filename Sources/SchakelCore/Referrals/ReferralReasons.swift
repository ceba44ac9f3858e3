import Foundation

/// A live referral is sent to the partner and waits for their answer; a logged one records that the resident
/// was pointed to the help and expects no action from anyone (findhelp's distinction).
public enum ReferralMode: String, Sendable, Codable, CaseIterable {
    case live, logged
}

/// How the partner should make contact with the resident, or how they did.
public enum ReferralContactMethod: String, Sendable, Codable, CaseIterable {
    case phone
    case letter
    /// Through the referrer, who knows the resident.
    case viaReferrer = "via_referrer"
    /// A joint visit of referrer and partner: the warm handover.
    case jointVisit = "joint_visit"
}

/// The parts of the file a referral carries, chosen by the referrer; name, address and the ways to reach
/// the resident always go, nothing else travels.
public enum ReferralShare: String, Sendable, Codable, CaseIterable {
    case dateOfBirth = "date_of_birth"
    /// Who else lives in the household (names and ages).
    case household
    case doorNotes = "door_notes"
    /// What was seen, from the signal the referral comes from.
    case signalObservation = "signal_observation"
}

/// Why a partner declines; the referrer is then asked to choose another service.
public enum ReferralDeclineReason: String, Sendable, Codable, CaseIterable {
    case noCapacity = "no_capacity"
    case notEligible = "not_eligible"
    case otherServiceFits = "other_service_fits"
    case alreadyKnown = "already_known"
    case residentRefused = "resident_refused"
    case other
}

/// Why an accepted referral ended without the help being given.
public enum ReferralCloseReason: String, Sendable, Codable, CaseIterable {
    case noShow = "no_show"
    case residentWithdrew = "resident_withdrew"
    case unreachable
    case moved
}

/// How a completed referral ended for the resident.
public enum ReferralOutcome: String, Sendable, Codable, CaseIterable {
    case helped, partly, notHelped = "not_helped"
}

/// The legal ground for sending a referral without the resident's consent.
public enum LegalGround: String, Sendable, Codable, CaseIterable {
    /// Acute danger for the resident or others (vital interest, AVG art. 6(1)(d)).
    case acuteDanger = "acute_danger"
    /// The right to report without consent under the meldcode (Wet verplichte meldcode).
    case meldrecht
    /// A legal duty of the organisation (AVG art. 6(1)(c)), e.g. under the Wmo 2015 or the Jeugdwet.
    case legalDuty = "legal_duty"
}

/// Sending without consent: the legal ground and the reason in the referrer's words. Marked on the
/// referral, shown to the partner and the coordinator, and audited.
public struct ConsentOverride: Sendable, Equatable, Codable {
    public var ground: LegalGround
    public var reason: String

    public static let maximumReasonLength = 1000

    public init(ground: LegalGround, reason: String) throws {
        let reason = reason.trimmingCharacters(in: .whitespacesAndNewlines)
        var validator = Validator()
        if reason.isEmpty { validator.add("overrideReason", "referral.overrideReasonRequired") }
        if reason.count > Self.maximumReasonLength { validator.add("overrideReason", "tooLong") }
        try validator.finish()
        self.ground = ground
        self.reason = reason
    }
}
