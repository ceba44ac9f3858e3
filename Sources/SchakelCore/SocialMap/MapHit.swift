import Foundation

/// A service found, with what a list shows beside it.
public struct MapHit: Sendable, Equatable {
    public var service: MapService
    public var acceptsReferrals: Bool
    public var waitWeeks: Int?
    public var owner: User.ID?
    /// Metres from the point searched from, when one was given and the service has a location.
    public var distance: Double?

    public init(
        service: MapService, acceptsReferrals: Bool, waitWeeks: Int? = nil, owner: User.ID? = nil,
        distance: Double? = nil
    ) {
        self.service = service
        self.acceptsReferrals = acceptsReferrals
        self.waitWeeks = waitWeeks
        self.owner = owner
        self.distance = distance
    }

}
