import Foundation
import SchakelCore
import SchakelViews
import Testing

/// The concierge's round page and the coordinator's out-of-view list in their main states.
@Suite("Round pages: snapshots of the main states")
struct RoundPageTests {
    static let round = Round(
        id: Fixture.id(30), teamID: Fixture.team.id, date: Fixture.today, conciergeID: Fixture.concierge.id)

    static func stop(_ n: Int, name: String, state: StopState, outcome: ContactMoment? = nil) -> RoundStopView {
        RoundStopView(
            stop: RoundStop(
                id: Fixture.id(31 + n), roundID: round.id, position: n, residentID: Fixture.id(40 + n),
                deliveryID: Fixture.id(50 + n)),
            state: state, kind: .meal, windowStart: try! TimeOfDay("10:00"), windowEnd: try! TimeOfDay("11:30"),
            residentName: name, addressLine: "Elly Takmastraat \(10 + n), 3822 AB Amersfoort",
            coordinate: nil, doorNotes: n == 0 ? ["Bel twee keer; hoort slecht."] : [], lastContact: nil,
            openConcerns: n == 1 ? 1 : 0, outcome: outcome, correctable: outcome != nil)
    }

    static var view: RoundView {
        let done = ContactMoment(
            id: Fixture.id(60), residentID: Fixture.id(41), stopID: Fixture.id(32), deliveryID: Fixture.id(51),
            outcome: .contact, durationMinutes: 10, note: nil, concern: nil, recordedAt: Fixture.morning,
            recordedBy: Fixture.concierge.id)
        let stops = [
            stop(0, name: "Johanna Bakker", state: .open),
            stop(1, name: "Kees Visser", state: .done(.contact), outcome: done),
            stop(2, name: "Fatima El Amrani", state: .ended),
        ]
        return RoundView(
            round: round, conciergeName: Fixture.concierge.displayName, stops: stops,
            summary: DaySummary(stops: 3, moments: [done]))
    }

    @Test("the round: an open stop with its outcome buttons, a done one that can be corrected, an ended one")
    func roundOfTheDay() {
        let context = Fixture.context(Fixture.concierge, sections: [.rounds, .signals, .map])
        assertPage(RoundPages.round(Self.view, context: context), context)
    }

    @Test("out of view: who is out of view and why, with the rule for the coordinator")
    func outOfView() throws {
        let context = Fixture.context(Fixture.coordinator, sections: [.rounds, .outOfView])
        let entry = OutOfViewEntry(
            residentID: Fixture.resident.id, fullName: Fixture.resident.fullName,
            addressLine: Fixture.address.singleLine, lastContact: Fixture.morning.addingTimeInterval(-30 * 86400),
            reason: .noContact(days: 30, never: false), plannedVisit: nil)
        let page = RoundPages.outOfView(
            Paged(items: [entry], page: 1, perPage: 50, total: 1),
            rule: try OutOfViewRule(daysWithoutContact: 21, missesInARow: 3), team: Fixture.team, teams: [Fixture.team],
            problems: [], canChangeRule: true, context: context)
        assertPage(page, context)
    }

    @Test("out of view for someone who may not change the rule: no settings form")
    func outOfViewWithoutRule() throws {
        let context = Fixture.context(Fixture.socialWorker, sections: [.outOfView])
        let page = RoundPages.outOfView(
            Paged(items: [], page: 1, perPage: 50, total: 0),
            rule: try OutOfViewRule(daysWithoutContact: 21, missesInARow: 3), team: Fixture.team, teams: [Fixture.team],
            problems: [], canChangeRule: false, context: context)
        assertPage(page, context)
    }
}
