import Foundation

/// Finds residents that are probably the same person as one about to be created.
public enum DuplicateCheck {
    public enum Reason: String, Sendable, Equatable, Codable {
        case nameAndDateOfBirth = "name_and_date_of_birth"
        case nameAndAddress = "name_and_address"
    }

    public struct Match: Sendable, Equatable {
        public var resident: Resident
        public var reasons: [Reason]
    }

    /// Residents among `existing` with the same name and either the same date of birth or the same address.
    public static func matches(for candidate: Resident, among existing: [Resident]) -> [Match] {
        existing.compactMap { other in
            guard other.id != candidate.id, other.nameKey == candidate.nameKey else { return nil }
            var reasons: [Reason] = []
            if let birth = candidate.dateOfBirth, birth == other.dateOfBirth { reasons.append(.nameAndDateOfBirth) }
            if let address = candidate.addressID, address == other.addressID { reasons.append(.nameAndAddress) }
            return reasons.isEmpty ? nil : Match(resident: other, reasons: reasons)
        }
    }
}
