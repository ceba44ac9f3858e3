import Foundation
import SchakelCore

public struct MapSearchForm: Codable, Sendable {
    public var q: String?
    /// A taxonomy term id.
    public var soort: String?
    /// A wijk code.
    public var wijk: String?
    public var taal: String?
    public var gratis: String?
    public var open: String?
    public var sorteer: String?
    public var postcode: String?
    /// The phone's location, from "Dichtbij mij".
    public var lat: String?
    public var lon: String?
    public var page: Int?

    public var isEmpty: Bool {
        [q, soort, wijk, taal, gratis, open, postcode].allSatisfy { $0?.nonEmpty == nil }
    }

    public init(
        q: String? = nil, soort: String? = nil, wijk: String? = nil, taal: String? = nil, gratis: String? = nil,
        open: String? = nil, sorteer: String? = nil, postcode: String? = nil, lat: String? = nil, lon: String? = nil,
        page: Int? = nil
    ) {
        self.q = q
        self.soort = soort
        self.wijk = wijk
        self.taal = taal
        self.gratis = gratis
        self.open = open
        self.sorteer = sorteer
        self.postcode = postcode
        self.lat = lat
        self.lon = lon
        self.page = page
    }

}
