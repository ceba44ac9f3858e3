import Foundation
import SchakelCore
import SchakelViews

/// Fixed people, places and moments for the page snapshots: every id, date and name is the same on every
/// run, so a changed snapshot means a changed page.
enum Fixture {
    /// A stable id: `00000000-0000-0000-0000-00000000000N`.
    static func id<T>(_ n: Int) -> EntityID<T> {
        EntityID(UUID(uuidString: String(format: "00000000-0000-0000-0000-%012d", n))!)
    }

    static let today = try! LocalDate(year: 2026, month: 12, day: 3)
    /// 3 December 2026, 10:30 in Amersfoort.
    static let morning = Date(timeIntervalSince1970: 1_796_290_200)

    static let organisation = try! Organisation(id: id(1), name: "Welzijn Amersfoort", kind: .welfare)
    static let team = try! Team(
        id: id(2), name: "Wijkteam Kruiskamp", organisationID: organisation.id,
        coverage: [Team.Coverage(code: try! AreaCode("WK030709"), year: 2025)])
    static let concierge = try! User(
        id: id(3), username: "sanne", displayName: "Sanne de Vries", role: .concierge,
        organisationID: organisation.id, teamIDs: [team.id])
    static let socialWorker = try! User(
        id: id(4), username: "ahmed", displayName: "Ahmed Yilmaz", role: .socialWorker,
        organisationID: organisation.id, teamIDs: [team.id])
    static let coordinator = try! User(
        id: id(5), username: "marieke", displayName: "Marieke Jansen", role: .coordinator,
        organisationID: organisation.id, teamIDs: [team.id])

    static let address = try! Address(
        id: id(10), postcode: try! Postcode("3822AB"), houseNumber: try! HouseNumber(number: 12),
        street: "Elly Takmastraat", place: "Amersfoort",
        coordinate: try! Coordinate(latitude: 52.1795, longitude: 5.4071),
        buurtCode: try! AreaCode("BU03070900"))
    static let resident = Resident(
        id: id(11), givenName: "Johanna", familyName: "Bakker",
        dateOfBirth: try! LocalDate(year: 1941, month: 5, day: 14),
        addressID: address.id, phone: try! PhoneNumber("033 123 4567"), preferredLanguage: "nl",
        contactChannels: [.phone, .visit], doorNotes: "Bel twee keer; hoort slecht.")

    /// The page context of a logged-in person, in Dutch unless asked otherwise.
    static func context(
        _ user: User?, sections: [AccessPolicy.Section] = [], path: String = "/", language: Language = .nl
    ) -> PageContext {
        PageContext(
            language: language, csrfToken: "csrf-token", today: today, path: path,
            viewer: user.map { PageContext.Viewer(userID: $0.id, displayName: $0.displayName, sections: sections) },
            ids: IDGenerator { UUID(uuidString: "00000000-0000-0000-0000-0000000000ff")! })
    }
}
