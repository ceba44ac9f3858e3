import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// Small things of the day that a user notices.
@Suite("The day-to-day pages")
struct DayToDayTests {
    @Test("the start page names the team's areas as people know them")
    func areaNames() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let code = try AreaCode(World.eastArea)
            try await server.store.neighbourhoods.add(
                [try Neighbourhood(id: server.store.ids(), code: code, name: "Schothorst-Noord", year: 2025)],
                context: .commandLine)
            let browser = server.browser()
            try await browser.login("socialworker")
            let home = try await browser.get("/")
            #expect(home.body.contains("Werkgebied: Schothorst-Noord"))
            #expect(!home.body.contains(World.eastArea))
        }
    }

    @Test("the one-tap signals read in English when the interface is English, and stay Dutch in the file")
    func quickSignalsInEnglish() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("concierge")
            try await browser.get("/taal?lang=en&back=/signalen/nieuw")
            let page = try await browser.get("/signalen/nieuw")
            #expect(page.body.contains("Post is piling up"))
            #expect(page.body.contains("value=\"Post stapelt zich op\""))
        }
    }

    @Test("an activity that ended earlier today cannot be signed up for")
    func endedToday() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let today = LocalDate(server.clock.date)
            var calendar = Calendar(identifier: .gregorian)
            calendar.timeZone = .amsterdam
            #expect(calendar.component(.hour, from: server.clock.date) >= 2, "the test clock starts in the evening")
            let coordinator = try await world.context("coordinator", on: server)
            let activity = try await server.store.activities(coordinator).create(
                ActivityInput(
                    title: "Ochtendkoffie", description: "Koffie", organiser: "Welzijn", placeName: "Buurthuis",
                    address: nil, buurtCode: "BU03070900", schedule: "once", weekdays: [],
                    startDate: today.description, endDate: nil, starts: "00:00", ends: "01:00", capacity: nil,
                    free: true))
            let browser = server.browser()
            try await browser.login("concierge")
            try await browser.get("/bewoners/\(world.residents["annie"]!.id)/activiteiten")
            let late = try await browser.post(
                "/bewoners/\(world.residents["annie"]!.id)/activiteiten", form: [("day", "\(activity.id)|\(today)")])
            #expect(late.status == .unprocessableEntity)
            #expect(late.body.contains("de activiteit van vandaag is afgelopen"))
        }
    }
}

@Suite("Out of view: refused forms and planned visits")
struct OutOfViewFormTests {
    @Test("a visit in the past and wrong settings show the list again with the problem at the field")
    func refusedForms() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            try await server.arrangeMeal(for: world.residents["kemal"]!, world: world)
            server.clock.advance(by: 20 * 86_400)
            let team = world.teams["east"]!.id
            let kemal = world.residents["kemal"]!.id
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            try await coordinator.get("/uit-beeld?team=\(team)")
            let past = try await coordinator.post(
                "/uit-beeld/bezoeken",
                form: [("team", "\(team)"), ("residentID", "\(kemal)"), ("date", "2020-01-01")])
            #expect(past.status == .unprocessableEntity)
            #expect(past.body.contains("value=\"2020-01-01\""))
            #expect(past.body.contains("aria-invalid=\"true\""))
            let settings = try await coordinator.post(
                "/uit-beeld/instellingen",
                form: [("team", "\(team)"), ("daysWithoutContact", "veel"), ("missesInARow", "3")])
            #expect(settings.status == .unprocessableEntity)
            #expect(settings.body.contains("value=\"veel\""))
            // A planned visit is said on the list.
            let tomorrow = server.today.adding(days: 1)
            let planned = try await coordinator.post(
                "/uit-beeld/bezoeken",
                form: [("team", "\(team)"), ("residentID", "\(kemal)"), ("date", tomorrow.description)])
            #expect(planned.status == .seeOther)
            let list = try await coordinator.get("/uit-beeld?team=\(team)")
            #expect(list.body.contains("Bezoek gepland op \(tomorrow.dutch)"))
        }
    }
}

@Suite("Rounds: one door, one concierge")
struct OneDoorTests {
    @Test("a meal and medicine for the same resident go to the same concierge, one after the other")
    func sameDoor() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let second = try User(
                id: server.store.ids(), username: "concierge9", displayName: "Tweede", role: .concierge,
                organisationID: world.organisations["welfare"]!.id, teamIDs: [world.teams["east"]!.id])
            try await server.store.accounts.createUser(
                second, passwordHash: try await server.app.password.async.hash(World.password), context: .commandLine)
            let coordinator = try await world.context("coordinator", on: server)
            let residents = [world.residents["annie"]!, world.residents["kemal"]!]
            for resident in residents {
                for (kind, start, end) in [("meal", "11:30", "13:00"), ("medicine", "10:00", "12:00")] {
                    _ = try await server.store.deliveries(coordinator).create(
                        for: resident.id,
                        DeliveryInput(
                            kind: kind, schedule: "weekly", weekdays: [server.today.weekday.key],
                            startDate: server.today.description, endDate: nil, windowStart: start, windowEnd: end,
                            doorNotes: nil))
                }
            }
            try await server.planToday(world: world, concierges: [world.users["concierge"]!.id, second.id])
            let day = try await server.store.rounds(coordinator).planningDay(
                team: world.teams["east"]!.id, date: server.today)
            for resident in residents {
                let rounds = day.rounds.filter { round in round.stops.contains { $0.stop.residentID == resident.id } }
                #expect(rounds.count == 1, "\(resident.givenName) on one round")
                let positions = rounds.first?.stops.filter { $0.stop.residentID == resident.id }.map(\.stop.position)
                #expect(positions.map { $0.count == 2 && $0[1] == $0[0] + 1 } == true)
            }
        }
    }
}
