import Foundation
import SchakelCore

/// The fields of the resident form; the address is looked up by postcode and house number.
public struct ResidentForm: Codable, Sendable {
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: String?
    public var postcode: String?
    public var houseNumber: String?
    public var houseLetter: String?
    public var houseNumberAddition: String?
    public var phone: String?
    public var preferredLanguage: String?
    public var contactChannels: [String]?
    public var contactNote: String?
    public var doorNotes: String?
    public var confirmedNew: String?

    public static let empty = ResidentForm(givenName: "", familyName: "")

    public init(
        givenName: String, familyName: String, dateOfBirth: String? = nil, postcode: String? = nil,
        houseNumber: String? = nil, houseLetter: String? = nil, houseNumberAddition: String? = nil,
        phone: String? = nil, preferredLanguage: String? = nil, contactChannels: [String]? = nil,
        contactNote: String? = nil, doorNotes: String? = nil, confirmedNew: String? = nil
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.houseLetter = houseLetter
        self.houseNumberAddition = houseNumberAddition
        self.phone = phone
        self.preferredLanguage = preferredLanguage
        self.contactChannels = contactChannels
        self.contactNote = contactNote
        self.doorNotes = doorNotes
        self.confirmedNew = confirmedNew
    }

}
