import Foundation

/// What to look for on the social map.
public struct MapQuery: Sendable, Equatable {
    public enum Sort: String, Sendable, CaseIterable {
        /// `responsive`: services that accept referrals first, those that answer them in time (of at least five
        /// answered or escalated in the last 180 days) before those that do not or have too few, then by name.
        case relevance, name, distance, responsive
    }

    public var text: String?
    /// A taxonomy term id.
    public var term: String?
    /// A gemeente, wijk or buurt: services whose location lies in it.
    public var area: AreaCode?
    /// A language code, e.g. `tr`.
    public var language: String?
    public var freeOnly: Bool
    public var openNow: Bool
    /// Where to measure distance from.
    public var near: Coordinate?
    public var sort: Sort
    /// Staff see inactive services too; the public map does not.
    public var includeInactive: Bool
    /// Only the services of one organisation.
    public var organizationID: UUID?
    /// Only services kept by this person.
    public var owner: User.ID?
    /// Only services last checked before this day, or never.
    public var checkedBefore: LocalDate?
    /// Services with any of the words instead of all of them (what `find` falls back to).
    public var anyWord = false

    public init(
        text: String? = nil, term: String? = nil, area: AreaCode? = nil, language: String? = nil,
        freeOnly: Bool = false, openNow: Bool = false, near: Coordinate? = nil, sort: Sort = .relevance,
        includeInactive: Bool = false, organizationID: UUID? = nil, owner: User.ID? = nil,
        checkedBefore: LocalDate? = nil
    ) {
        self.organizationID = organizationID
        self.owner = owner
        self.checkedBefore = checkedBefore
        self.text = text
        self.term = term
        self.area = area
        self.language = language
        self.freeOnly = freeOnly
        self.openNow = openNow
        self.near = near
        self.sort = sort
        self.includeInactive = includeInactive
    }
}
