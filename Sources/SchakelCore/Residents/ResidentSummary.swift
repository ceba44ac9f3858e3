import Foundation

/// A line in a list of residents, holding only what the viewer may see.
public struct ResidentSummary: Sendable, Equatable {
    public var id: Resident.ID
    public var fullName: String
    public var addressLine: String?
    /// nil unless the viewer has the full view.
    public var dateOfBirth: LocalDate?

    public init(
        id: Resident.ID, fullName: String, addressLine: String? = nil, dateOfBirth: LocalDate? = nil
    ) {
        self.id = id
        self.fullName = fullName
        self.addressLine = addressLine
        self.dateOfBirth = dateOfBirth
    }

}
