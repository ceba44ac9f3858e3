import Foundation

/// A service or organisation a referral can go to, as the form offers it.
public struct ReferralTarget: Sendable, Equatable {
    public var serviceID: MapService.ID?
    /// The organisation in Schakel that answers its referrals; nil when the provider does not work in
    /// Schakel, so only a logged referral is possible.
    public var organisationID: Organisation.ID?
    public var name: String
    /// The provider's name on the map.
    public var providerName: String?
    public var waitWeeks: Int?

    public init(
        serviceID: MapService.ID?, organisationID: Organisation.ID?, name: String, providerName: String?,
        waitWeeks: Int? = nil
    ) {
        self.serviceID = serviceID
        self.organisationID = organisationID
        self.name = name
        self.providerName = providerName
        self.waitWeeks = waitWeeks
    }
}

/// What the referral form offers: the resident, where the referral can go, and which organisations the
/// resident's recorded consent for referral already covers.
public struct ReferralFormOptions: Sendable, Equatable {
    public var residentID: Resident.ID
    public var residentName: String
    public var signalID: Signal.ID?
    /// The service the referrer came from on the map, if any.
    public var chosenService: ReferralTarget?
    public var services: [ReferralTarget]
    public var organisations: [Organisation]
    public var consentedOrganisations: Set<Organisation.ID>
    /// The referrer's own organisation: a referral to it needs no consent.
    public var ownOrganisationID: Organisation.ID?

    public init(
        residentID: Resident.ID, residentName: String, signalID: Signal.ID?, chosenService: ReferralTarget?,
        services: [ReferralTarget], organisations: [Organisation], consentedOrganisations: Set<Organisation.ID>,
        ownOrganisationID: Organisation.ID?
    ) {
        self.residentID = residentID
        self.residentName = residentName
        self.signalID = signalID
        self.chosenService = chosenService
        self.services = services
        self.organisations = organisations
        self.consentedOrganisations = consentedOrganisations
        self.ownOrganisationID = ownOrganisationID
    }
}
