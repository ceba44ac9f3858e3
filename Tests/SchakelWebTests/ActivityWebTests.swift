import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@Suite("Activities in the neighbourhood")
struct ActivityWebTests {
    /// A weekly lunch on the next Tuesday and after, in the east team's buurt, for at most two people.
    func lunch(_ server: TestServer, world: World) async throws -> (Activity, LocalDate) {
        let coordinator = server.browser()
        try await coordinator.login("coordinator")
        _ = try await coordinator.get("/kaart/beheer/activiteiten/nieuw")
        let form: [(String, String)] = [
            ("title", "Dinsdaglunch"), ("description", "Soep en brood"), ("organiser", "Welzijn"),
            ("placeName", "Buurthuis De Koppel"), ("address", "Gildeplein 3"), ("buurtCode", "BU03070900"),
            ("schedule", "weekly"), ("weekdays[]", "tuesday"), ("startDate", server.today.description),
            ("starts", "12:00"), ("ends", "13:30"), ("capacity", "2"),
        ]
        let bad = try await coordinator.post("/kaart/beheer/activiteiten", form: form.filter { $0.0 != "title" })
        #expect(bad.status == .unprocessableEntity)
        #expect(bad.body.contains("value=\"Buurthuis De Koppel\""))
        let saved = try await coordinator.post("/kaart/beheer/activiteiten", form: form)
        #expect(saved.status == .seeOther)
        let id = try #require(saved.location?.split(separator: "/").last.flatMap { Activity.ID(String($0)) })
        let activity = try await server.store.activities(try await world.context("coordinator", on: server)).activity(
            id)
        let day = try #require(activity.dates(from: server.today, through: server.today.adding(days: 7)).first)
        return (activity, day)
    }

    @Test("staff sign residents up within capacity, once each; attendance goes on the timeline")
    func signUps() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let (activity, day) = try await lunch(server, world: world)
            let concierge = server.browser()
            try await concierge.login("concierge")
            let annie = world.residents["annie"]!
            let kemal = world.residents["kemal"]!
            _ = try await concierge.get("/bewoners/\(annie.id)/activiteiten")
            let value = "\(activity.id)|\(day)"
            #expect(
                try await concierge.post("/bewoners/\(annie.id)/activiteiten", form: [("day", value)]).status
                    == .seeOther)
            let again = try await concierge.post("/bewoners/\(annie.id)/activiteiten", form: [("day", value)])
            #expect(again.status == .conflict)
            // The form again, with the reason at the day: not a dead end.
            #expect(again.body.contains("staat op die dag al op de lijst"))
            #expect(again.body.contains("name=\"day\""))
            let wrongDay = try await concierge.post(
                "/bewoners/\(annie.id)/activiteiten", form: [("day", "\(activity.id)|\(day.adding(days: 1))")])
            #expect(wrongDay.status == .unprocessableEntity)
            #expect(
                try await concierge.post("/bewoners/\(kemal.id)/activiteiten", form: [("day", value)]).status
                    == .seeOther)
            // Two places: the third resident is refused.
            let worker = server.browser()
            try await worker.login("socialworker")
            let greet = world.residents["greet"]!
            let coordinatorContext = try await world.context("coordinator", on: server)
            let full = try await server.store.activities(try await world.context("socialworker2", on: server))
                .signUpResult(greet.id, activity.id, day)
            #expect(full == "activity.full")
            // The day list names the residents the viewer may see; another team's worker only counts them.
            let list = try await worker.get("/kaart/activiteiten/\(activity.id)/\(day)")
            #expect(list.body.contains("Annie de Vries"))
            let other = server.browser()
            try await other.login("socialworker2")
            let hidden = try await other.get("/kaart/activiteiten/\(activity.id)/\(day)")
            #expect(!hidden.body.contains("Annie"))
            #expect(hidden.body.contains("En 2 bewoners die u niet kunt zien."))
            // Attendance only from the day itself, then on the timeline.
            let signUp = try #require(
                try await server.store.activities(coordinatorContext).signUps(for: activity.id, on: day).first)
            let early = try await worker.post(
                "/kaart/aanmeldingen/\(signUp.signUp.id)/aanwezig", form: [("attended", "yes")])
            #expect(early.status == .conflict || day == server.today)
            server.clock.advance(by: Double(server.today.days(until: day) + 1) * 86_400)
            try await worker.login("socialworker")  // the session ended meanwhile
            let past = try await worker.get("/kaart/activiteiten/\(activity.id)/\(day)")
            #expect(past.body.contains("Was er niet"))
            #expect(
                try await worker.post("/kaart/aanmeldingen/\(signUp.signUp.id)/aanwezig", form: [("attended", "yes")])
                    .status == .seeOther)
            let timeline = try await worker.get("/bewoners/\(annie.id)/tijdlijn")
            #expect(timeline.body.contains("Aangemeld voor een activiteit"))
            #expect(timeline.body.contains("Deelgenomen aan een activiteit"))
            let audit = try await server.store.audit.entries(
                resident: annie.id, from: nil, to: nil, page: try Paging(perPage: 100))
            #expect(Set(audit.items.map(\.event)).isSuperset(of: ["activity.signup", "activity.attendance"]))
        }
    }

    @Test("the public calendar and the iCalendar feed of a district carry no personal data")
    func publicCalendar() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let (activity, day) = try await lunch(server, world: world)
            _ = try await server.store.activities(try await world.context("concierge", on: server))
                .signUp(world.residents["annie"]!.id, for: activity.id, on: day)
            let visitor = server.browser()
            let calendar = try await visitor.get("/kaart/activiteiten?wijk=WK030709")
            #expect(calendar.status == .ok)
            #expect(calendar.body.contains("Dinsdaglunch"))
            #expect(calendar.body.contains("Nog 1 plaatsen"))
            let feed = try await visitor.get("/kaart/activiteiten.ics?wijk=WK030709")
            #expect(feed.headers.contentType?.subType == "calendar")
            #expect(feed.body.hasPrefix("BEGIN:VCALENDAR\r\n"))
            #expect(feed.body.contains("SUMMARY:Dinsdaglunch"))
            #expect(feed.body.components(separatedBy: "BEGIN:VEVENT").count - 1 >= 12)
            for page in [calendar.body, feed.body] {
                #expect(!page.contains("Vries"))
            }
            let elsewhere = try await visitor.get("/kaart/activiteiten.ics?wijk=WK030701")
            #expect(!elsewhere.body.contains("Dinsdaglunch"))
            #expect(try await visitor.get("/kaart/activiteiten?wijk=onzin").status == .unprocessableEntity)
            #expect(try await visitor.get("/kaart/activiteiten/\(activity.id)/\(day)").status == .seeOther)
        }
    }
}

extension ActivityRepository {
    /// The conflict key a sign-up ends in, or "ok".
    func signUpResult(_ resident: Resident.ID, _ activity: Activity.ID, _ date: LocalDate) async throws -> String {
        do {
            _ = try await signUp(resident, for: activity, on: date)
            return "ok"
        } catch DomainError.conflict(let key) {
            return key
        }
    }
}
