import Foundation

/// What the person who raised a signal sees of it: that it arrived, was picked up and closed.
public struct ReportedSignal: Sendable, Equatable {
    public var id: Signal.ID
    public var raisedAt: Date
    public var status: ReporterStatus
    public var outcome: NeutralOutcome?
    public var residentName: String?
    public var addressLine: String?
    /// Where the referral made from it stands, in neutral words ("opgepakt"), if one was made.
    public var referral: ReferralReporterStatus?

    public init(
        id: Signal.ID, raisedAt: Date, status: ReporterStatus, outcome: NeutralOutcome? = nil,
        residentName: String? = nil, addressLine: String? = nil
    ) {
        self.id = id
        self.raisedAt = raisedAt
        self.status = status
        self.outcome = outcome
        self.residentName = residentName
        self.addressLine = addressLine
    }

}
