import Foundation
import SchakelCore

public struct ActivityForm: Codable, Sendable {
    public var title: String?
    public var description: String?
    public var organiser: String?
    public var placeName: String?
    public var address: String?
    public var buurtCode: String?
    public var schedule: String?
    public var weekdays: [String]?
    public var startDate: String?
    public var endDate: String?
    public var starts: String?
    public var ends: String?
    public var capacity: String?
    public var free: String?

    public init() {}

    public init(_ a: Activity) {
        title = a.title
        description = a.description
        organiser = a.organiser
        placeName = a.placeName
        address = a.address
        buurtCode = a.buurtCode?.description
        if case .weekly(let days, _, _) = a.recurrence {
            schedule = "weekly"
            weekdays = days.sorted().map(\.key)
        } else {
            schedule = "once"
        }
        startDate = a.recurrence.start.description
        endDate = a.recurrence.end.flatMap { schedule == "weekly" ? $0.description : nil }
        starts = a.starts.description
        ends = a.ends.description
        capacity = a.capacity.map(String.init)
        free = a.free ? "on" : nil
    }

    public var input: ActivityInput {
        ActivityInput(
            title: title ?? "", description: description ?? "", organiser: organiser ?? "",
            placeName: placeName ?? "", address: address, buurtCode: buurtCode, schedule: schedule ?? "",
            weekdays: weekdays ?? [], startDate: startDate ?? "", endDate: endDate, starts: starts ?? "",
            ends: ends ?? "", capacity: capacity, free: free == "on")
    }
}
