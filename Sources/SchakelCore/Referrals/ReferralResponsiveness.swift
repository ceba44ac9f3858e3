import Foundation

/// How a service answers referrals, from those of the last 180 days: the median working days to an answer,
/// the share accepted and the median working days from sending to first contact. Shown only from
/// `minimumCount` referrals on, so that one or two cases do not speak for a service (or identify a resident).
public struct ReferralResponsiveness: Sendable, Equatable {
    /// One sent referral's dates.
    public struct Timing: Sendable, Equatable {
        public var sentOn: LocalDate
        public var answeredOn: LocalDate?
        public var accepted: Bool
        public var firstContactOn: LocalDate?

        public init(sentOn: LocalDate, answeredOn: LocalDate?, accepted: Bool, firstContactOn: LocalDate?) {
            self.sentOn = sentOn
            self.answeredOn = answeredOn
            self.accepted = accepted
            self.firstContactOn = firstContactOn
        }
    }

    public static let minimumCount = 5
    public static let windowDays = 180

    /// How many referrals were sent in the window.
    public var count: Int
    public var medianDaysToAnswer: Double?
    /// Accepted of those answered, 0…1.
    public var acceptedShare: Double?
    public var medianDaysToContact: Double?

    public init(count: Int, medianDaysToAnswer: Double?, acceptedShare: Double?, medianDaysToContact: Double?) {
        self.count = count
        self.medianDaysToAnswer = medianDaysToAnswer
        self.acceptedShare = acceptedShare
        self.medianDaysToContact = medianDaysToContact
    }

    public init(_ timings: [Timing]) {
        count = timings.count
        let answered = timings.filter { $0.answeredOn != nil }
        medianDaysToAnswer = Self.median(answered.map { Double($0.sentOn.workingDays(until: $0.answeredOn!)) })
        acceptedShare = answered.isEmpty ? nil : Double(answered.filter(\.accepted).count) / Double(answered.count)
        medianDaysToContact = Self.median(
            timings.compactMap { timing in timing.firstContactOn.map { Double(timing.sentOn.workingDays(until: $0)) } })
    }

    /// Whether there are enough referrals to show the figures.
    public var isShown: Bool { count >= Self.minimumCount }

    static func median(_ values: [Double]) -> Double? {
        guard !values.isEmpty else { return nil }
        let sorted = values.sorted()
        let middle = sorted.count / 2
        return sorted.count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2
    }
}
