import Foundation
import SchakelCore

public struct DeliveryForm: Codable, Sendable {
    public var kind: String
    public var schedule: String
    public var weekdays: [String]?
    public var startDate: String
    public var endDate: String?
    public var windowStart: String
    public var windowEnd: String
    public var doorNotes: String?

    public var input: DeliveryInput {
        DeliveryInput(
            kind: kind, schedule: schedule, weekdays: weekdays ?? [], startDate: startDate, endDate: endDate,
            windowStart: windowStart, windowEnd: windowEnd, doorNotes: doorNotes)
    }

    public init(
        kind: String, schedule: String, weekdays: [String]?, startDate: String, endDate: String?,
        windowStart: String, windowEnd: String, doorNotes: String?
    ) {
        self.kind = kind
        self.schedule = schedule
        self.weekdays = weekdays
        self.startDate = startDate
        self.endDate = endDate
        self.windowStart = windowStart
        self.windowEnd = windowEnd
        self.doorNotes = doorNotes
    }

    public init(_ delivery: Delivery) {
        var days: [String] = []
        var schedule = "once"
        var end: String?
        if case .weekly(let set, _, let until) = delivery.recurrence {
            days = set.sorted().map(\.key)
            schedule = "weekly"
            end = until?.description
        }
        self.init(
            kind: delivery.kind.rawValue, schedule: schedule, weekdays: days,
            startDate: delivery.recurrence.start.description, endDate: end,
            windowStart: delivery.windowStart.description, windowEnd: delivery.windowEnd.description,
            doorNotes: delivery.doorNotes)
    }
}
