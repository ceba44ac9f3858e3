import Foundation

/// A resident with standing deliveries who is out of view, and why.
public struct OutOfViewEntry: Sendable, Equatable {
    public var residentID: Resident.ID
    public var fullName: String
    public var addressLine: String?
    public var lastContact: Date?
    public var reason: OutOfViewReason
    /// The first visit planned for the resident from today on, if any: the list says so.
    public var plannedVisit: LocalDate?

    public init(
        residentID: Resident.ID, fullName: String, addressLine: String? = nil, lastContact: Date? = nil,
        reason: OutOfViewReason, plannedVisit: LocalDate? = nil
    ) {
        self.residentID = residentID
        self.fullName = fullName
        self.addressLine = addressLine
        self.lastContact = lastContact
        self.reason = reason
        self.plannedVisit = plannedVisit
    }

}
