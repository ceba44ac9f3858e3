import Foundation
import SchakelCore

public struct OutcomeForm: Codable, Sendable {
    public var id: String?
    public var residentID: String
    public var outcome: String
    public var durationMinutes: String?
    public var note: String?
    public var concern: String?

    public init(
        id: String? = nil, residentID: String, outcome: String, durationMinutes: String? = nil, note: String? = nil,
        concern: String? = nil
    ) {
        self.id = id
        self.residentID = residentID
        self.outcome = outcome
        self.durationMinutes = durationMinutes
        self.note = note
        self.concern = concern
    }

}
