import Foundation
import SchakelCore

/// What the referral form shows and sends.
public struct ReferralForm: Codable, Sendable {
    public var residentID: String?
    public var serviceID: String?
    public var organisationID: String?
    public var signalID: String?
    public var mode: String?
    public var question: String?
    public var domains: [String]?
    public var contactMethod: String?
    public var shares: [String]?
    /// `1` keeps it as a draft.
    public var draft: String?
    /// `verbal` or `paper`: the resident gives consent now.
    public var recordConsent: String?
    public var overrideGround: String?
    public var overrideReason: String?

    public init(
        residentID: String? = nil, serviceID: String? = nil, organisationID: String? = nil, signalID: String? = nil,
        mode: String? = nil, question: String? = nil, domains: [String]? = nil, contactMethod: String? = nil,
        shares: [String]? = nil, draft: String? = nil, recordConsent: String? = nil, overrideGround: String? = nil,
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

    /// The store's input.
    public var input: ReferralInput {
        ReferralInput(
            residentID: residentID ?? "", serviceID: serviceID, organisationID: organisationID, signalID: signalID,
            mode: mode ?? "live", question: question ?? "", domains: domains ?? [], contactMethod: contactMethod,
            shares: shares ?? [], draft: draft == "1", recordConsent: recordConsent, overrideGround: overrideGround,
            overrideReason: overrideReason)
    }
}

/// What a step on a referral sends: the step, its reason or outcome, first contact, a note.
public struct ReferralStepForm: Codable, Sendable {
    public var event: String?
    public var reason: String?
    public var outcome: String?
    public var contactDate: String?
    public var contactHow: String?
    public var note: String?
    public var recordConsent: String?
    public var overrideGround: String?
    public var overrideReason: String?
    public var assigneeID: String?
    public var message: String?

    public init(
        event: String? = nil, reason: String? = nil, outcome: String? = nil, contactDate: String? = nil,
        contactHow: String? = nil, note: String? = nil
    ) {
        self.event = event
        self.reason = reason
        self.outcome = outcome
        self.contactDate = contactDate
        self.contactHow = contactHow
        self.note = note
    }

    /// The values to show again when a step was refused.
    public var kept: [String: String] {
        var kept: [String: String] = [:]
        for (key, value) in [
            ("event", event), ("reason", reason), ("outcome", outcome), ("contactDate", contactDate),
            ("contactHow", contactHow), ("note", note), ("message", message), ("overrideReason", overrideReason),
        ] {
            if let value { kept[key] = value }
        }
        return kept
    }
}

/// The inbox's filter, as the query string sends it.
public struct ReferralInboxQuery: Codable, Sendable {
    public var state: String?
    public var overdue: String?
    public var mine: String?
    public var page: Int?

    public init(state: String? = nil, overdue: String? = nil, mine: String? = nil, page: Int? = nil) {
        self.state = state
        self.overdue = overdue
        self.mine = mine
        self.page = page
    }
}

/// Handing a resident's responsibility to another team.
public struct TransferForm: Codable, Sendable {
    public var teamID: String?
    public var reason: String?
    public var recordConsent: String?
    public var overrideGround: String?
    public var overrideReason: String?

    public init(
        teamID: String? = nil, reason: String? = nil, recordConsent: String? = nil, overrideGround: String? = nil,
        overrideReason: String? = nil
    ) {
        self.teamID = teamID
        self.reason = reason
        self.recordConsent = recordConsent
        self.overrideGround = overrideGround
        self.overrideReason = overrideReason
    }
}
