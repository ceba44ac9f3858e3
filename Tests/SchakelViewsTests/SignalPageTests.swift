import Foundation
import SchakelCore
import SchakelViews
import Testing

/// The signal pages in their main states: the handler's page with what the workflow allows next, the
/// inbox with and without signals, the form that did not save, and what the reporter sees.
@Suite("Signal pages: snapshots of the main states")
struct SignalPageTests {
    static let signal = Signal(
        id: Fixture.id(20), residentID: Fixture.resident.id, addressID: Fixture.address.id,
        domains: [.finances, .socialNetwork], urgency: .high,
        observation: "Stapel ongeopende post achter de deur; zegt dat ze niemand meer ziet.", meldcode: false,
        contactMomentID: nil, state: .triaged, teamID: Fixture.team.id, assigneeID: Fixture.socialWorker.id,
        reporterID: Fixture.concierge.id, raisedAt: Fixture.morning, dueDate: Fixture.today.adding(days: 3))

    static func detail(canHandle: Bool) -> SignalDetail {
        SignalDetail(
            signal: signal, view: .full, residentName: Fixture.resident.fullName,
            addressLine: Fixture.address.singleLine,
            history: [
                SignalHistoryEntry(
                    id: Fixture.id(21), signalID: signal.id, at: Fixture.morning, actorID: Fixture.concierge.id,
                    kind: "raised", toState: .new),
                SignalHistoryEntry(
                    id: Fixture.id(22), signalID: signal.id, at: Fixture.morning.addingTimeInterval(3600),
                    actorID: Fixture.coordinator.id, kind: "triage", fromState: .new, toState: .triaged),
            ],
            meldcode: MeldcodeWorkflow(), tasks: [], canHandle: canHandle, canReassign: canHandle,
            nextEvents: canHandle ? signal.nextEvents(meldcodeDecided: false) : [],
            assignees: canHandle ? [Fixture.socialWorker, Fixture.coordinator] : [],
            checkers: canHandle ? [Fixture.concierge] : [])
    }

    static let names = [
        Fixture.concierge.id: Fixture.concierge.displayName, Fixture.socialWorker.id: Fixture.socialWorker.displayName,
        Fixture.coordinator.id: Fixture.coordinator.displayName,
    ]

    @Test("a handler sees the signal, its history and every step the workflow allows next")
    func detailForAHandler() {
        let context = Fixture.context(Fixture.socialWorker, sections: [.residents, .signals, .map])
        let page = SignalPages.detail(
            Self.detail(canHandle: true), siblings: [], teams: [Fixture.team], users: Self.names, problems: [],
            context: context)
        assertPage(page, context)
    }

    @Test("someone who may read but not handle the signal gets no forms")
    func detailWithoutHandling() {
        let context = Fixture.context(Fixture.coordinator, sections: [.signals])
        let page = SignalPages.detail(
            Self.detail(canHandle: false), siblings: [], teams: [Fixture.team], users: Self.names, problems: [],
            context: context)
        assertPage(page, context)
    }

    @Test("the inbox lists the team's signals, with counts per state")
    func inbox() {
        let context = Fixture.context(Fixture.socialWorker, sections: [.signals])
        let summary = SignalSummary(
            Self.signal, today: Fixture.today, residentName: Fixture.resident.fullName,
            addressLine: Fixture.address.singleLine)
        let page = SignalPages.inbox(
            Paged(items: [summary], page: 1, perPage: 20, total: 1), counts: [.triaged: 1, .new: 0],
            filter: SignalFilter(scope: .team(Fixture.team.id)), query: SignalInboxQuery(), teams: [Fixture.team],
            users: Self.names, context: context)
        assertPage(page, context)
    }

    @Test("an empty inbox says so")
    func emptyInbox() {
        let context = Fixture.context(Fixture.socialWorker, sections: [.signals])
        let page = SignalPages.inbox(
            Paged(items: [], page: 1, perPage: 20, total: 0), counts: [:],
            filter: SignalFilter(scope: .team(Fixture.team.id)), query: SignalInboxQuery(), teams: [Fixture.team],
            users: [:], context: context)
        assertPage(page, context)
    }

    @Test("the signal form that did not save keeps what was typed and names each problem")
    func formWithProblems() {
        let context = Fixture.context(Fixture.concierge, sections: [.rounds, .signals])
        var form = SignalForm()
        form.residentID = Fixture.resident.id.description
        form.observation = "Ziet er verward uit."
        let page = SignalPages.form(
            form, subject: Fixture.resident.fullName,
            problems: [
                FieldProblem(field: "domains", key: "required"), FieldProblem(field: "urgency", key: "required"),
            ],
            context: context)
        assertPage(page, context)
    }

    @Test("the reporter sees that a signal was picked up, never its content")
    func reported() {
        let context = Fixture.context(Fixture.concierge, sections: [.rounds, .signals])
        let reported = ReportedSignal(
            id: Self.signal.id, raisedAt: Fixture.morning, status: .pickedUp, outcome: nil,
            residentName: Fixture.resident.fullName, addressLine: Fixture.address.singleLine)
        let page = SignalPages.reported(Paged(items: [reported], page: 1, perPage: 20, total: 1), context: context)
        assertPage(page, context)
    }
}
