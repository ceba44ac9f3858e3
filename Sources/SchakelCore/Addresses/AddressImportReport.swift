import Foundation

/// The outcome of an import: how many were added and updated, or why rows were rejected.
public struct AddressImportReport: Sendable, Equatable {
    public var created: Int
    public var updated: Int
    public var rejected: [AddressCSV.Rejection]

    public var succeeded: Bool { rejected.isEmpty }

    public init(created: Int, updated: Int, rejected: [AddressCSV.Rejection]) {
        self.created = created
        self.updated = updated
        self.rejected = rejected
    }
}
