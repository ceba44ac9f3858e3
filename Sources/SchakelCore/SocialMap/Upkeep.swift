import Foundation

/// What Schakel keeps beside a service's HSDS document: who keeps it right, and its capacity.
public struct Upkeep: Sendable, Equatable {
    public var owner: User.ID?
    public var acceptsReferrals: Bool
    /// About how many weeks a new referral waits.
    public var waitWeeks: Int?

    public init(owner: User.ID?, acceptsReferrals: Bool, waitWeeks: Int?) {
        self.owner = owner
        self.acceptsReferrals = acceptsReferrals
        self.waitWeeks = waitWeeks
    }
}
