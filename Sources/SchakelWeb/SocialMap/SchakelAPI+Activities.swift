import Foundation
import OpenAPIRuntime
import SchakelCore
import SchakelStore
import Vapor

/// The neighbourhood's activities in the JSON API: public and read-only, like the calendar pages; no
/// personal data (who signed up is never here).
extension SchakelAPI {
    func listActivityDays(_ input: Operations.listActivityDays.Input) async throws
        -> Operations.listActivityDays.Output
    {
        let request = try APIRequest.require()
        var validator = Validator()
        let wijk = input.query.wijk?.nonEmpty.flatMap { code in validator.check("wijk") { try AreaCode(code) } }
        let days = input.query.days ?? ActivityController.calendarDays
        if !(1...90).contains(days) { validator.add("days", "days.outOfRange") }
        try validator.finish()
        let found = try await request.store.activities(request.auditContext).calendar(
            area: wijk, from: request.today, days: days)
        return .ok(.init(body: .json(.init(items: found.map(Self.wire)))))
    }

    func getActivity(_ input: Operations.getActivity.Input) async throws -> Operations.getActivity.Output {
        let request = try APIRequest.require()
        guard let id = Activity.ID(input.path.activityId) else { throw DomainError.notFound(kind: "activity") }
        let activity = try await request.store.activities(request.auditContext).activity(id)
        let dates = activity.dates(
            from: request.today, through: request.today.adding(days: ActivityController.calendarDays - 1))
        let weekly = if case .weekly = activity.recurrence { true } else { false }
        return .ok(
            .init(
                body: .json(
                    .init(
                        id: activity.id.description, title: activity.title, description: activity.description,
                        organiser: activity.organiser, placeName: activity.placeName, address: activity.address,
                        buurtCode: activity.buurtCode?.description, starts: activity.starts.description,
                        ends: activity.ends.description, capacity: activity.capacity, free: activity.free,
                        cancelled: activity.cancelled, weekly: weekly, dates: dates.map(\.description)))))
    }

    static func wire(_ day: ActivityDay) -> Components.Schemas.ActivityDay {
        .init(
            activityId: day.activity.id.description, title: day.activity.title, date: day.date.description,
            starts: day.activity.starts.description, ends: day.activity.ends.description,
            placeName: day.activity.placeName, address: day.activity.address,
            buurtCode: day.activity.buurtCode?.description, organiser: day.activity.organiser,
            free: day.activity.free, placesLeft: day.placesLeft)
    }
}
