import Foundation

/// A resident as the access-log view names them: for the privacy officer and the coordinator, who look up
/// whose data was touched.
public struct AuditSubject: Sendable, Equatable {
    public var id: Resident.ID
    public var name: String
    public var addressLine: String?

    public init(id: Resident.ID, name: String, addressLine: String? = nil) {
        self.id = id
        self.name = name
        self.addressLine = addressLine
    }
}
