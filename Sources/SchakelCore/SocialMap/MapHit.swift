import Foundation

/// A service found, with what a list shows beside it.
public struct MapHit: Sendable, Equatable {
    public var service: MapService
    public var acceptsReferrals: Bool
    public var waitWeeks: Int?
    public var owner: User.ID?
    /// Metres from the point searched from, when one was given and the service has a location.
    public var distance: Double?
    /// The service's own referral terms; nil for the standard ones.
    public var terms: ReferralTerms?

    public init(
        service: MapService, acceptsReferrals: Bool, waitWeeks: Int? = nil, owner: User.ID? = nil,
        distance: Double? = nil, terms: ReferralTerms? = nil
    ) {
        self.service = service
        self.acceptsReferrals = acceptsReferrals
        self.waitWeeks = waitWeeks
        self.owner = owner
        self.distance = distance
        self.terms = terms
    }

    /// What Schakel keeps beside the document, as it is now.
    public var upkeep: Upkeep {
        Upkeep(owner: owner, acceptsReferrals: acceptsReferrals, waitWeeks: waitWeeks, terms: terms)
    }

}
