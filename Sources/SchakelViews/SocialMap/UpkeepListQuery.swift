import Foundation
import SchakelCore

public struct UpkeepListQuery: Codable, Sendable {
    public var q: String?
    public var verouderd: String?
    public var mijn: String?
    public var page: Int?

    public init(
        q: String? = nil, verouderd: String? = nil, mijn: String? = nil, page: Int? = nil
    ) {
        self.q = q
        self.verouderd = verouderd
        self.mijn = mijn
        self.page = page
    }

}
