import Foundation

/// How a resident prefers to be reached.
public enum ContactChannel: String, Sendable, Codable, CaseIterable {
    case visit, phone, text, email, letter
}

/// A person living in a neighbourhood whom the teams keep in view.
public struct Resident: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Resident>

    public var id: ID
    public var givenName: String
    /// Family name including any prefix (`de Vries`, `van der Berg`).
    public var familyName: String
    public var dateOfBirth: LocalDate?
    public var addressID: Address.ID?
    public var householdID: Household.ID?
    public var phone: PhoneNumber?
    /// ISO 639-1 code, e.g. `nl`, `tr`, `ar`.
    public var preferredLanguage: String?
    public var contactChannels: [ContactChannel]
    /// Free text about reaching the resident, e.g. "liever 's ochtends".
    public var contactNote: String?
    /// What someone at the door needs to know, e.g. "bel twee keer, slechthorend".
    public var doorNotes: String?
    /// The team responsible when the address gives no covered neighbourhood.
    public var responsibleTeamID: Team.ID?

    public init(
        id: ID, givenName: String, familyName: String, dateOfBirth: LocalDate? = nil,
        addressID: Address.ID? = nil, householdID: Household.ID? = nil, phone: PhoneNumber? = nil,
        preferredLanguage: String? = nil, contactChannels: [ContactChannel] = [], contactNote: String? = nil,
        doorNotes: String? = nil, responsibleTeamID: Team.ID? = nil
    ) {
        self.id = id
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.addressID = addressID
        self.householdID = householdID
        self.phone = phone
        self.preferredLanguage = preferredLanguage
        self.contactChannels = contactChannels
        self.contactNote = contactNote
        self.doorNotes = doorNotes
        self.responsibleTeamID = responsibleTeamID
    }

    public var fullName: String { "\(givenName) \(familyName)" }

    /// Key for duplicate detection: accents, case and punctuation do not matter.
    public var nameKey: String { (givenName + " " + familyName).matchKey }
}

/// The editable fields of a resident as a form or JSON body gives them, before validation.
public struct ResidentInput: Sendable, Equatable, Codable {
    public var givenName: String
    public var familyName: String
    public var dateOfBirth: String?
    public var addressID: String?
    public var householdID: String?
    public var phone: String?
    public var preferredLanguage: String?
    public var contactChannels: [String]
    public var contactNote: String?
    public var doorNotes: String?

    public init(
        givenName: String, familyName: String, dateOfBirth: String? = nil, addressID: String? = nil,
        householdID: String? = nil, phone: String? = nil, preferredLanguage: String? = nil,
        contactChannels: [String] = [], contactNote: String? = nil, doorNotes: String? = nil
    ) {
        self.givenName = givenName
        self.familyName = familyName
        self.dateOfBirth = dateOfBirth
        self.addressID = addressID
        self.householdID = householdID
        self.phone = phone
        self.preferredLanguage = preferredLanguage
        self.contactChannels = contactChannels
        self.contactNote = contactNote
        self.doorNotes = doorNotes
    }

    /// Checks every field against the rules; `today` bounds the date of birth.
    public func validated(id: Resident.ID, today: LocalDate, responsibleTeamID: Team.ID?) throws -> Resident {
        var validator = Validator()
        let given = givenName.nonEmpty
        let family = familyName.nonEmpty
        if given == nil { validator.add("givenName", "required") }
        if family == nil { validator.add("familyName", "required") }
        if givenName.count > 100 { validator.add("givenName", "tooLong") }
        if familyName.count > 100 { validator.add("familyName", "tooLong") }
        if given != nil, let problem = givenName.personNameProblem { validator.add("givenName", problem) }
        if family != nil, let problem = familyName.personNameProblem { validator.add("familyName", problem) }
        let birth = dateOfBirth?.nonEmpty.flatMap { text in validator.check("dateOfBirth") { try LocalDate(text) } }
        if let birth, birth > today || birth.year < 1900 { validator.add("dateOfBirth", "dateOfBirth.outOfRange") }
        let address = addressID?.nonEmpty.flatMap { text in
            validator.check("addressID") { try Address.ID(parsing: text) }
        }
        let household = householdID?.nonEmpty.flatMap { text in
            validator.check("householdID") { try Household.ID(parsing: text) }
        }
        let phone = phone?.nonEmpty.flatMap { text in validator.check("phone") { try PhoneNumber(text) } }
        let language = preferredLanguage?.nonEmpty?.lowercased()
        if let language, !(language.count == 2 && language.allSatisfy({ $0.isASCII && $0.isLetter })) {
            validator.add("preferredLanguage", "language.format")
        }
        var channels: [ContactChannel] = []
        for raw in contactChannels {
            if let channel = ContactChannel(rawValue: raw) {
                if !channels.contains(channel) { channels.append(channel) }
            } else {
                validator.add("contactChannels", "contactChannel.unknown")
            }
        }
        if (contactNote?.count ?? 0) > 500 { validator.add("contactNote", "tooLong") }
        if (doorNotes?.count ?? 0) > 500 { validator.add("doorNotes", "tooLong") }
        try validator.finish()
        return Resident(
            id: id, givenName: given!, familyName: family!, dateOfBirth: birth, addressID: address,
            householdID: household, phone: phone, preferredLanguage: language, contactChannels: channels,
            contactNote: contactNote?.nonEmpty, doorNotes: doorNotes?.nonEmpty, responsibleTeamID: responsibleTeamID)
    }
}

/// A Dutch or international phone number, stored as digits with an optional leading `+`.
public struct PhoneNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let value: String

    public init(_ text: String) throws {
        let allowed = text.filter { !" -().".contains($0) }
        let digits = allowed.hasPrefix("+") ? allowed.dropFirst() : Substring(allowed)
        guard digits.allSatisfy({ $0.isASCII && $0.isNumber }) else {
            throw ValidationError(field: "phone", key: "phone.format")
        }
        let valid =
            allowed.hasPrefix("+") ? (8...15).contains(digits.count) : (digits.count == 10 && digits.hasPrefix("0"))
        guard valid else { throw ValidationError(field: "phone", key: "phone.format") }
        value = allowed
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    public var description: String { value }
}

/// People who live together at one address and are helped as one (één gezin, één plan).
public struct Household: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Household>
    public var id: ID
    public var name: String
    public var addressID: Address.ID?

    public init(id: ID, name: String, addressID: Address.ID?) throws {
        let name = try name.validatedName()
        self.id = id
        self.name = name
        self.addressID = addressID
    }
}

/// A resident's consent for a purpose, covering named organisations; withdrawing keeps the record.
public struct Consent: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Consent>
    public var id: ID
    public var residentID: Resident.ID
    /// What the consent is for, from the fixed list (`other` for the free text of older consents).
    public var purpose: ConsentPurpose
    /// The resident's own words or what they limited it to, e.g. "alleen over de schulden"; for an older
    /// consent the purpose as it was written.
    public var note: String?
    /// How it was given; nil for a consent recorded before this was asked.
    public var recording: ConsentRecording?
    /// The organisations the consent covers.
    public var organisationIDs: [Organisation.ID]
    public var givenAt: Date
    public var recordedBy: User.ID
    public var withdrawnAt: Date?
    public var withdrawnBy: User.ID?

    public static let maximumNoteLength = 300

    public init(
        id: ID, residentID: Resident.ID, purpose: ConsentPurpose, note: String? = nil,
        recording: ConsentRecording? = nil, organisationIDs: [Organisation.ID], givenAt: Date, recordedBy: User.ID,
        withdrawnAt: Date? = nil, withdrawnBy: User.ID? = nil
    ) throws {
        var validator = Validator()
        let note = note?.collapsingWhitespace.nonEmpty
        if purpose == .other && note == nil { validator.add("purpose", "required") }
        if (note?.count ?? 0) > Self.maximumNoteLength { validator.add("note", "tooLong") }
        if organisationIDs.isEmpty { validator.add("organisationIDs", "consent.noOrganisation") }
        try validator.finish()
        self.id = id
        self.residentID = residentID
        self.purpose = purpose
        self.note = note
        self.recording = recording
        self.organisationIDs = organisationIDs
        self.givenAt = givenAt
        self.recordedBy = recordedBy
        self.withdrawnAt = withdrawnAt
        self.withdrawnBy = withdrawnBy
    }

    /// Whether this consent, while active, covers the purpose for the organisation.
    public func covers(_ purpose: ConsentPurpose, for organisation: Organisation.ID) -> Bool {
        isActive && self.purpose == purpose && purpose != .other && organisationIDs.contains(organisation)
    }

    public var isActive: Bool { withdrawnAt == nil }

    /// Withdraws the consent; withdrawing twice is a conflict, not a silent change.
    public func withdrawn(at date: Date, by user: User.ID) throws -> Consent {
        guard isActive else { throw DomainError.illegalTransition(from: "withdrawn", to: "withdrawn") }
        var copy = self
        copy.withdrawnAt = date
        copy.withdrawnBy = user
        return copy
    }
}

/// Something that happened to a resident's record, shown on their timeline.
public struct TimelineEvent: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<TimelineEvent>
    public var id: ID
    public var residentID: Resident.ID
    public var at: Date
    /// A localisation key such as `timeline.resident.created`.
    public var kind: String
    public var actorID: User.ID?
    /// Which fields or objects were involved, e.g. `phone, doorNotes`; never their values.
    public var detail: String?

    public init(id: ID, residentID: Resident.ID, at: Date, kind: String, actorID: User.ID?, detail: String? = nil) {
        self.id = id
        self.residentID = residentID
        self.at = at
        self.kind = kind
        self.actorID = actorID
        self.detail = detail
    }
}
