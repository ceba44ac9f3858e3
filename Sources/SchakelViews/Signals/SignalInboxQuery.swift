import Foundation
import SchakelCore

public struct SignalInboxQuery: Codable, Sendable {
    public var team: String?
    public var state: String?
    public var urgency: String?
    public var domain: String?
    public var overdue: String?
    public var page: Int?

    public init(
        team: String? = nil, state: String? = nil, urgency: String? = nil, domain: String? = nil,
        overdue: String? = nil, page: Int? = nil
    ) {
        self.team = team
        self.state = state
        self.urgency = urgency
        self.domain = domain
        self.overdue = overdue
        self.page = page
    }

}
