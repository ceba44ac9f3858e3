import Foundation

/// How much of a referral someone may see.
public enum ReferralView: Int, Sendable, Comparable {
    case none
    /// The concierge or volunteer who raised the signal it came from: its state in neutral words.
    case status
    /// The receiving organisation: what the referral carries and, while it is theirs to act on, the
    /// resident's contact details; never the file, the signals or other referrals.
    case partner
    /// The referrer's side: the professionals who fully see the resident.
    case full

    public static func < (lhs: ReferralView, rhs: ReferralView) -> Bool { lhs.rawValue < rhs.rawValue }
}
