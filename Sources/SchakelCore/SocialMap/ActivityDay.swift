import Foundation

/// One day of an activity on the calendar, with how many signed up.
public struct ActivityDay: Sendable, Equatable {
    public var activity: Activity
    public var date: LocalDate
    public var signedUp: Int

    /// Places left, or nil without a limit.
    public var placesLeft: Int? { activity.capacity.map { max(0, $0 - signedUp) } }

    public init(
        activity: Activity, date: LocalDate, signedUp: Int
    ) {
        self.activity = activity
        self.date = date
        self.signedUp = signedUp
    }

}
