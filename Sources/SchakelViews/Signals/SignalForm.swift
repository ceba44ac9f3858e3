import Foundation
import SchakelCore

public struct SignalForm: Codable, Sendable {
    public var residentID: String?
    public var postcode: String?
    public var houseNumber: String?
    public var domains: [String]?
    public var quick: [String]?
    public var urgency: String?
    public var observation: String?
    public var meldcode: String?
    public var contactMomentID: String?

    /// The observation with the chosen common signals in front, so one tap is enough.
    public var fullObservation: String {
        ((quick ?? []).map { $0 + "." } + [observation ?? ""]).filter { !$0.isEmpty }.joined(separator: " ")
    }

    /// Domains chosen directly plus those of the chosen common signals.
    public var allDomains: [String] {
        var result = domains ?? []
        for text in quick ?? [] {
            if let domain = SignalPages.quickSignals.first(where: { $0.texts.contains(text) })?.domain {
                result.append(domain.rawValue)
            }
        }
        return result
    }

    public init(
        residentID: String? = nil, postcode: String? = nil, houseNumber: String? = nil, domains: [String]? = nil,
        quick: [String]? = nil, urgency: String? = nil, observation: String? = nil, meldcode: String? = nil,
        contactMomentID: String? = nil
    ) {
        self.residentID = residentID
        self.postcode = postcode
        self.houseNumber = houseNumber
        self.domains = domains
        self.quick = quick
        self.urgency = urgency
        self.observation = observation
        self.meldcode = meldcode
        self.contactMomentID = contactMomentID
    }

}
