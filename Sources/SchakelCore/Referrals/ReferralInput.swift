import Foundation

/// A referral as a form or the API sends it, before its checks. Either a service or an organisation.
public struct ReferralInput: Sendable, Equatable {
    public var residentID: String
    public var serviceID: String?
    public var organisationID: String?
    public var signalID: String?
    public var mode: String
    public var question: String
    public var domains: [String]
    public var contactMethod: String?
    public var shares: [String]
    /// Keep it as a draft instead of sending it.
    public var draft: Bool
    /// Record the resident's consent now: `verbal` or `paper`.
    public var recordConsent: String?
    /// Send without consent on this legal ground, with a reason.
    public var overrideGround: String?
    public var overrideReason: String?

    public init(
        residentID: String, serviceID: String? = nil, organisationID: String? = nil, signalID: String? = nil,
        mode: String = "live", question: String, domains: [String], contactMethod: String? = nil,
        shares: [String] = [], draft: Bool = false, recordConsent: String? = nil, overrideGround: String? = nil,
        overrideReason: String? = nil
    ) {
        self.residentID = residentID
        self.serviceID = serviceID
        self.organisationID = organisationID
        self.signalID = signalID
        self.mode = mode
        self.question = question
        self.domains = domains
        self.contactMethod = contactMethod
        self.shares = shares
        self.draft = draft
        self.recordConsent = recordConsent
        self.overrideGround = overrideGround
        self.overrideReason = overrideReason
    }

    public static let maximumQuestionLength = 2000

    /// The checked parts; every problem at once.
    public func validated() throws -> ValidatedReferralInput {
        var validator = Validator()
        let resident = validator.check("residentID") { try Resident.ID(parsing: residentID) }
        let service = serviceID?.nonEmpty.flatMap { text in
            validator.check("serviceID") { try MapService.ID(parsing: text) }
        }
        let organisation = organisationID?.nonEmpty.flatMap { text in
            validator.check("organisationID") { try Organisation.ID(parsing: text) }
        }
        if serviceID?.nonEmpty == nil && organisationID?.nonEmpty == nil {
            validator.add("serviceID", "referral.targetRequired")
        } else if serviceID?.nonEmpty != nil && organisationID?.nonEmpty != nil {
            validator.add("organisationID", "referral.oneTarget")
        }
        let signal = signalID?.nonEmpty.flatMap { text in validator.check("signalID") { try Signal.ID(parsing: text) } }
        let mode = ReferralMode(rawValue: mode)
        if mode == nil { validator.add("mode", "invalid") }
        let question = question.trimmingCharacters(in: .whitespacesAndNewlines)
        if question.isEmpty { validator.add("question", "required") }
        if question.count > Self.maximumQuestionLength { validator.add("question", "tooLong") }
        let named = domains.filter { !$0.isEmpty }
        if named.contains(where: { LifeDomain(rawValue: $0) == nil }) {
            validator.add("domains", "invalid")
        } else if named.isEmpty {
            validator.add("domains", "signal.domainRequired")
        }
        var contact: ReferralContactMethod?
        if let text = contactMethod?.nonEmpty {
            contact = ReferralContactMethod(rawValue: text)
            if contact == nil { validator.add("contactMethod", "invalid") }
        } else if mode == .live {
            validator.add("contactMethod", "required")
        }
        let shareList = shares.filter { !$0.isEmpty }
        if shareList.contains(where: { ReferralShare(rawValue: $0) == nil }) { validator.add("shares", "invalid") }
        if shareList.contains(ReferralShare.signalObservation.rawValue) && signal == nil {
            validator.add("shares", "referral.observationWithoutSignal")
        }
        var recording: ConsentRecording?
        if let text = recordConsent?.nonEmpty {
            recording = ConsentRecording(rawValue: text)
            if recording == nil { validator.add("recordConsent", "invalid") }
        }
        var override: ConsentOverride?
        if let text = overrideGround?.nonEmpty {
            if let ground = LegalGround(rawValue: text) {
                override = validator.run { try ConsentOverride(ground: ground, reason: overrideReason ?? "") }
            } else {
                validator.add("overrideGround", "invalid")
            }
        } else if overrideReason?.nonEmpty != nil {
            validator.add("overrideGround", "referral.overrideGroundRequired")
        }
        if recording != nil && (overrideGround?.nonEmpty != nil) {
            validator.add("overrideGround", "referral.consentOrOverride")
        }
        if mode == .logged && (recording != nil || overrideGround?.nonEmpty != nil) {
            validator.add("mode", "referral.loggedSharesNothing")
        }
        try validator.finish()
        return ValidatedReferralInput(
            residentID: resident!, serviceID: service, organisationID: organisation, signalID: signal, mode: mode!,
            question: question, domains: LifeDomain.allCases.filter { named.contains($0.rawValue) },
            contactMethod: contact, shares: ReferralShare.allCases.filter { shareList.contains($0.rawValue) },
            draft: draft, recordConsent: recording, override: override)
    }
}

/// Referral input after its checks.
public struct ValidatedReferralInput: Sendable, Equatable {
    public var residentID: Resident.ID
    public var serviceID: MapService.ID?
    public var organisationID: Organisation.ID?
    public var signalID: Signal.ID?
    public var mode: ReferralMode
    public var question: String
    public var domains: [LifeDomain]
    public var contactMethod: ReferralContactMethod?
    public var shares: [ReferralShare]
    public var draft: Bool
    public var recordConsent: ConsentRecording?
    public var override: ConsentOverride?
}

/// On what a referral may be sent to another organisation.
public enum ConsentBasis: Sendable, Equatable {
    /// Nothing is shared with another organisation: the referrer's own organisation, or a logged referral.
    case notNeeded
    /// A recorded consent for referral that covers the organisation.
    case consent(Consent.ID)
    /// The referrer records the consent now, as it was given.
    case recordNow(ConsentRecording)
    /// Sent without consent on a legal ground.
    case override(ConsentOverride)

    /// The consent gate: a live referral to another organisation needs the resident's consent for referral
    /// covering that organisation, a consent recorded now, or an override with its ground and reason.
    /// Without any, the error says what is missing.
    public static func decide(
        mode: ReferralMode, to organisation: Organisation.ID?, from referrer: Organisation.ID?, consents: [Consent],
        recordNow: ConsentRecording?, override: ConsentOverride?
    ) throws -> ConsentBasis {
        guard mode == .live, let organisation, organisation != referrer else { return .notNeeded }
        if let consent = consents.first(where: { $0.covers(.referral, for: organisation) }) {
            return .consent(consent.id)
        }
        if let recordNow { return .recordNow(recordNow) }
        if let override { return .override(override) }
        throw ValidationError(field: "consent", key: "referral.consentMissing")
    }
}
