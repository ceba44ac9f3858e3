import Foundation
import SchakelCore
import SchakelViews
import Testing

/// The pages around the work: the start page per role, login, administration, the access log, addresses
/// and the activity calendar.
@Suite("Start, login, administration, access log, addresses, activities: snapshots")
struct StartPageTests {
    @Test("a concierge's start page: team, a task to check again, the way to a new signal")
    func conciergeHome() throws {
        let context = Fixture.context(Fixture.concierge, sections: [.rounds, .residents, .signals, .map])
        let task = try SignalTask(
            id: Fixture.id(80), signalID: Fixture.id(20), residentID: Fixture.resident.id,
            assigneeID: Fixture.concierge.id, date: Fixture.today, instruction: "Vraag of de post is opengemaakt.",
            createdBy: Fixture.socialWorker.id)
        let home = HomePage(
            role: .concierge, displayName: Fixture.concierge.displayName, teams: [Fixture.team],
            areaNames: [try AreaCode("WK030709"): "Kruiskamp"],
            tasks: [
                TaskItem(task: task, residentName: Fixture.resident.fullName, addressLine: Fixture.address.singleLine)
            ],
            signalCounts: nil, canRaiseSignal: true, staleMapEntries: nil, canSearchResidents: true)
        assertPage(HomePages.start(home, context: context), context)
    }

    @Test("a coordinator's start page: open and overdue signals per team, stale map entries")
    func coordinatorHome() throws {
        let context = Fixture.context(Fixture.coordinator, sections: [.rounds, .residents, .signals, .outOfView, .map])
        let home = HomePage(
            role: .coordinator, displayName: Fixture.coordinator.displayName, teams: [Fixture.team],
            areaNames: [:], tasks: [], signalCounts: [HomePage.SignalCount(team: Fixture.team, open: 4, overdue: 1)],
            canRaiseSignal: true, staleMapEntries: 2, canSearchResidents: true)
        assertPage(HomePages.start(home, context: context), context)
    }

    @Test("the login page after a wrong password, logged out")
    func loginFailed() {
        let context = Fixture.context(nil)
        assertPage(
            LoginPages.login(
                username: "sanne", message: context.t("login.failed"), isError: true, context: context), context)
    }

    @Test("the administration overview")
    func adminOverview() throws {
        let admin = try User(
            id: Fixture.id(90), username: "beheer", displayName: "Beheerder", role: .admin, organisationID: nil)
        let context = Fixture.context(admin, sections: [.map, .admin])
        let directory = AdminDirectory(
            organisations: [Fixture.organisation], teams: [Fixture.team],
            users: [Fixture.concierge, Fixture.socialWorker, Fixture.coordinator, admin])
        assertPage(AdminPages.overview(directory, context: context, problems: [], notice: nil), context)
    }

    @Test("the access log of one resident")
    func auditLog() {
        let context = Fixture.context(Fixture.coordinator, sections: [.signals])
        let entry = AuditEntry(
            sequence: 41, at: Fixture.morning, event: "resident.read", residentID: Fixture.resident.id,
            userID: Fixture.socialWorker.id, username: "ahmed", organisationID: Fixture.organisation.id,
            role: .socialWorker, accessPoint: "192.0.2.10", objects: ["resident:\(Fixture.resident.id)"],
            previousHash: "")
        let subject = AuditSubject(
            id: Fixture.resident.id, name: Fixture.resident.fullName, addressLine: Fixture.address.singleLine)
        let model = AuditLogPage(
            residentText: nil, resident: Fixture.resident.id, from: "2026-12-01", to: nil, problems: [], choices: [],
            more: false, entries: Paged(items: [entry], page: 1, perPage: 50, total: 1),
            subjects: [Fixture.resident.id: subject])
        assertPage(AuditPages.log(model, context: context), context)
    }

    @Test("an address import with a refused row writes nothing and says which line")
    func addressImportRefused() {
        let context = Fixture.context(Fixture.coordinator, sections: [.addresses])
        let report = AddressImportReport(
            created: 0, updated: 0,
            rejected: [
                AddressCSV.Rejection(line: 3, problems: [FieldProblem(field: "postcode", key: "postcode.format")])
            ])
        assertPage(
            AddressPages.importPage(report: report, fileProblems: [], context: context), context,
            status: .unprocessableEntity)
    }

    @Test("the activity calendar for someone who keeps it")
    func activityCalendar() throws {
        let context = Fixture.context(Fixture.coordinator, sections: [.map], path: "/kaart/activiteiten")
        let activity = Activity(
            id: Fixture.id(95), title: "Koffieochtend", description: "Elke week koffie en een praatje.",
            organiser: "Buurthuis De Kruiskamp", placeName: "Buurthuis De Kruiskamp", address: "Kruiskamp 12",
            buurtCode: nil, recurrence: .weekly([Fixture.today.weekday], from: Fixture.today, until: nil),
            starts: try TimeOfDay("10:00"), ends: try TimeOfDay("11:30"), capacity: 20, free: true)
        let page = ActivityPages.calendar(
            [ActivityDay(activity: activity, date: Fixture.today, signedUp: 20)], area: nil, wijken: [],
            canMaintain: true, context: context)
        assertPage(page, context)
    }
}
