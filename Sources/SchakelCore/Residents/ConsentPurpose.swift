import Foundation

/// What a resident consents to: a fixed list, so that a referral, a household plan or a volunteer's visit
/// can check whether it is covered. Consents recorded before the list existed carry their own words and
/// are read as `other`: they stay visible but cover none of the purposes.
public enum ConsentPurpose: String, Sendable, Codable, CaseIterable {
    /// Referring the resident to an organisation and sharing what the referral carries with it.
    case referral
    /// Working with the organisations of one household plan.
    case householdPlan = "household_plan"
    /// Support by an experience expert (ervaringsdeskundige).
    case peerSupport = "peer_support"
    /// Contact by a volunteer for a small service.
    case volunteerContact = "volunteer_contact"
    /// Free text from before the list; covers nothing the product checks.
    case other

    /// The purposes a person may choose for a new consent.
    public static let choosable: [ConsentPurpose] = [.referral, .householdPlan, .peerSupport, .volunteerContact]
}

/// How a consent was given, as the person who recorded it saw it.
public enum ConsentRecording: String, Sendable, Codable, CaseIterable {
    /// Said to the professional, who wrote it down.
    case verbal
    /// Signed on paper, kept by the organisation.
    case paper
}

/// A consent as a form or the API sends it: the purpose's code, the resident's own words, how it was given.
public struct ConsentInput: Sendable, Equatable {
    public var purpose: String
    public var note: String?
    public var recording: String?
    public var organisationIDs: [Organisation.ID]

    public init(purpose: String, note: String? = nil, recording: String? = nil, organisationIDs: [Organisation.ID]) {
        self.purpose = purpose
        self.note = note
        self.recording = recording
        self.organisationIDs = organisationIDs
    }

    /// The consent it records, with every problem at once.
    public func consent(id: Consent.ID, resident: Resident.ID, at now: Date, by user: User.ID) throws -> Consent {
        var validator = Validator()
        let code = purpose.nonEmpty
        let purpose = code.flatMap(ConsentPurpose.init(rawValue:))
        if code == nil {
            validator.add("purpose", "required")
        } else if purpose == nil || purpose == .other {
            validator.add("purpose", "invalid")
        }
        var how: ConsentRecording?
        if let text = recording?.nonEmpty {
            how = ConsentRecording(rawValue: text)
            if how == nil { validator.add("recording", "invalid") }
        } else {
            validator.add("recording", "required")
        }
        try validator.finish()
        return try Consent(
            id: id, residentID: resident, purpose: purpose!, note: note, recording: how,
            organisationIDs: organisationIDs, givenAt: now, recordedBy: user)
    }
}
