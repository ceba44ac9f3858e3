import Foundation
import SchakelCore

/// Dates and times as people in the Netherlands read them.
public enum DateText {
    public static func dutch(_ date: Date) -> String {
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute], from: date)
        return String(format: "%d-%d-%d %02d:%02d", c.day!, c.month!, c.year!, c.hour!, c.minute!)
    }

    /// The time on a Dutch clock: `11:42`.
    public static func time(_ date: Date) -> String {
        let c = calendar.dateComponents([.hour, .minute], from: date)
        return String(format: "%02d:%02d", c.hour!, c.minute!)
    }

    private static let calendar: Calendar = {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = .amsterdam
        return calendar
    }()
}
