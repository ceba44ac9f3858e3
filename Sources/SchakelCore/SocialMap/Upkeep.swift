import Foundation

/// What Schakel keeps beside a service's HSDS document: who keeps it right, and its capacity.
public struct Upkeep: Sendable, Equatable {
    public var owner: User.ID?
    public var acceptsReferrals: Bool
    /// About how many weeks a new referral waits.
    public var waitWeeks: Int?
    /// Working days to answer a referral and, after acceptance, to first contact; nil for the standard terms.
    public var terms: ReferralTerms?

    public init(owner: User.ID?, acceptsReferrals: Bool, waitWeeks: Int?, terms: ReferralTerms? = nil) {
        self.owner = owner
        self.acceptsReferrals = acceptsReferrals
        self.waitWeeks = waitWeeks
        self.terms = terms
    }
}
