import Foundation

/// A resident's record as one viewer may see it: with the basic view the other fields are empty.
public struct ResidentFile: Sendable, Equatable {
    public var resident: Resident
    public var view: ResidentView
    public var address: Address?
    public var household: Household?
    /// Other members of the household (full view only).
    public var householdMembers: [ResidentSummary]
    /// Consents, newest first (full view only).
    public var consents: [Consent]
    public var canEdit: Bool
    /// What the viewer may do from the file, each the access policy's answer for this resident.
    public var canManageDeliveries = false
    public var canLogContact = false
    public var canRaiseSignal = false
    public var canSignUpForActivities = false
    public var canViewAuditLog = false
    public var canRefer = false
    public var canTransfer = false
    /// The resident's referrals, newest first (for those who refer them).
    public var referrals: [ReferralSummary] = []

    public init(
        resident: Resident, view: ResidentView, address: Address? = nil, household: Household? = nil,
        householdMembers: [ResidentSummary], consents: [Consent], canEdit: Bool, canManageDeliveries: Bool = false,
        canLogContact: Bool = false, canRaiseSignal: Bool = false, canSignUpForActivities: Bool = false,
        canViewAuditLog: Bool = false
    ) {
        self.resident = resident
        self.view = view
        self.address = address
        self.household = household
        self.householdMembers = householdMembers
        self.consents = consents
        self.canEdit = canEdit
        self.canManageDeliveries = canManageDeliveries
        self.canLogContact = canLogContact
        self.canRaiseSignal = canRaiseSignal
        self.canSignUpForActivities = canSignUpForActivities
        self.canViewAuditLog = canViewAuditLog
    }
}
