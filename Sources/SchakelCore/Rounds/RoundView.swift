import Foundation

/// One concierge's round with its stops in order.
public struct RoundView: Sendable, Equatable {
    public var round: Round
    public var conciergeName: String
    public var stops: [RoundStopView]
    public var summary: DaySummary

    public init(
        round: Round, conciergeName: String, stops: [RoundStopView], summary: DaySummary
    ) {
        self.round = round
        self.conciergeName = conciergeName
        self.stops = stops
        self.summary = summary
    }

}
