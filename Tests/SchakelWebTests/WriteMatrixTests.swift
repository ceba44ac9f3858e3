import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@testable import SchakelWeb

/// One request of the write matrix: a form, a file upload or a JSON call.
enum MatrixCall: Sendable {
    case form(String, [(String, String)])
    case upload(csv: String)
    case json(HTTPMethod, String, String?)
}

/// What a row of the write matrix acts on, made fresh for each role by people who may make it, so one role's
/// change (a signal closed, a delivery ended) does not decide the next role's answer.
struct WriteFixture: Sendable {
    let server: TestServer
    let scenario: MatrixWorld
    let coordinator: Browser
    let coordinatorAPI: APIClient
    let workerAPI: APIClient
    let conciergeAPI: APIClient

    var world: World { scenario.world }
    var today: LocalDate { server.today }
    var tomorrow: LocalDate { today.adding(days: 1) }
    func user(_ name: String) -> String { world.users[name]!.id.description }
    var ggz: String { world.organisations["ggz"]!.id.description }

    static func make(_ server: TestServer, _ scenario: MatrixWorld) async throws -> WriteFixture {
        let coordinator = server.browser()
        try await coordinator.login("coordinator")
        _ = try await coordinator.get("/")
        var coordinatorAPI = APIClient(server)
        try await coordinatorAPI.login("coordinator")
        var workerAPI = APIClient(server)
        try await workerAPI.login("socialworker")
        var conciergeAPI = APIClient(server)
        try await conciergeAPI.login("concierge")
        return WriteFixture(
            server: server, scenario: scenario, coordinator: coordinator, coordinatorAPI: coordinatorAPI,
            workerAPI: workerAPI, conciergeAPI: conciergeAPI)
    }

    /// The id in a JSON answer, or a failure that names the call.
    static func id(_ response: TestResponse, _ what: String, key: String = "id") throws -> String {
        guard (200..<300).contains(response.status.code), let id = APIClient.json(response)[key] as? String else {
            throw TestFailure("could not make \(what): \(response.status) \(response.body.prefix(300))")
        }
        return id
    }

    static func tag() -> String { String(UUID().uuidString.prefix(8)).lowercased() }

    /// A new resident at an east address, made by the east social worker.
    func resident() async throws -> String {
        try Self.id(
            try await workerAPI.send(
                .POST, "/api/v1/residents",
                json:
                    #"{"givenName":"Proef","familyName":"Bewoner \#(Self.tag())","addressId":"\#(scenario.address)","confirmedNew":true}"#
            ), "a resident")
    }

    /// A new signal about Annie, raised by the concierge; triaged by the social worker when asked.
    func signal(triaged: Bool = false, meldcode: Bool = false) async throws -> String {
        let id = try Self.id(
            try await conciergeAPI.send(
                .POST, "/api/v1/signals",
                json:
                    #"{"residentId":"\#(scenario.annie)","domains":["financien"],"urgency":"normal","meldcode":\#(meldcode),"observation":"Post stapelt zich op \#(Self.tag())"}"#
            ), "a signal")
        if triaged {
            _ = try Self.id(
                try await workerAPI.send(
                    .POST, "/api/v1/signals/\(id)/transitions", json: #"{"event":"triage","reason":"Bekeken"}"#),
                "a triage")
        }
        return id
    }

    /// A task for the concierge on a triaged signal.
    func task() async throws -> String {
        let signal = try await signal(triaged: true)
        return try Self.id(
            try await workerAPI.send(
                .POST, "/api/v1/signals/\(signal)/tasks",
                json: #"{"assigneeId":"\#(user("concierge"))","date":"\#(today)","instruction":"Even langsgaan"}"#),
            "a task")
    }

    /// A new weekly meal for Annie, made by the coordinator.
    func delivery() async throws -> String {
        try Self.id(
            try await coordinatorAPI.send(
                .POST, "/api/v1/deliveries", json: Self.mealJSON(scenario.annie, from: tomorrow)),
            "a delivery")
    }

    static func mealJSON(_ resident: String, from start: LocalDate) -> String {
        #"{"residentId":"\#(resident)","kind":"meal","schedule":"weekly","weekdays":["monday","thursday"],"startDate":"\#(start)","windowStart":"11:00","windowEnd":"13:00"}"#
    }

    /// A pause on a new delivery: the delivery's id and the pause's.
    func pause() async throws -> (String, String) {
        let delivery = try await delivery()
        let paused = try await coordinatorAPI.send(
            .POST, "/api/v1/deliveries/\(delivery)/pauses",
            json: #"{"from":"\#(today.adding(days: 3))","until":"\#(today.adding(days: 5))"}"#)
        let pauses = APIClient.json(paused)["pauses"] as? [[String: Any]] ?? []
        guard let id = pauses.first?["id"] as? String else {
            throw TestFailure("could not make a pause: \(paused.status)")
        }
        return (delivery, id)
    }

    func consent(of resident: String) async throws -> String {
        try Self.id(
            try await workerAPI.send(
                .POST, "/api/v1/residents/\(resident)/consents",
                json: #"{"purpose":"referral","recording":"verbal","organisationIds":["\#(ggz)"]}"#), "a consent")
    }

    /// A new referral of Annie to GGZ by the east social worker: sent (with consent recorded) or a draft.
    func referral(draft: Bool = false) async throws -> String {
        let worker = try await world.context("socialworker", on: server)
        return try await server.store.referrals(worker).create(
            ReferralInput(
                residentID: scenario.annie, organisationID: ggz, question: "Hulp bij somberheid \(Self.tag())",
                domains: ["geestelijke_gezondheid"], contactMethod: "phone", draft: draft,
                recordConsent: draft ? nil : "verbal")
        ).id.description
    }

    /// A household of a new resident: its id and the resident's.
    func household() async throws -> (String, String) {
        let resident = try await resident()
        let id = try Self.id(
            try await workerAPI.send(
                .POST, "/api/v1/households", json: #"{"residentId":"\#(resident)","name":"Huishouden Proef"}"#),
            "a household")
        return (id, resident)
    }

    /// A new team with the centre area, made on the server.
    func team(covered: Bool) async throws -> String {
        let team = try await server.store.accounts.createTeam(
            name: "Team \(Self.tag())", organisationID: world.organisations["welfare"]!.id, context: .commandLine)
        if covered {
            try await server.store.accounts.addCoverage(
                Team.Coverage(code: try AreaCode(World.centreArea), year: 2025), to: team.id, context: .commandLine)
        }
        return team.id.description
    }

    /// A routing rule, added by the coordinator through the settings page.
    func rule() async throws -> String {
        let context = try await world.context("coordinator", on: server)
        let before = Set(try await server.store.signals(context).rules().map(\.id))
        let added = try await coordinator.post(
            "/signalen/instellingen/regels", form: [("domain", "huisvesting"), ("teamID", scenario.east)])
        guard added.status == .seeOther else {
            throw TestFailure("could not add a rule: \(added.status) \(WriteMatrixTests.reason(added))")
        }
        guard let rule = try await server.store.signals(context).rules().first(where: { !before.contains($0.id) })
        else { throw TestFailure("the new rule is not there") }
        return rule.id.description
    }

    func synonymGroup() async throws -> String {
        let tag = Self.tag()
        try await server.store.socialMap.addSynonymGroup("proef\(tag), toets\(tag)", context: .commandLine)
        guard
            let group = try await server.store.socialMap.ownSynonymGroups().first(where: {
                $0.words.contains("proef\(tag)")
            })
        else { throw TestFailure("the new synonyms are not there") }
        return group.id.uuidString.lowercased()
    }

    /// The activity form: an evening on today's weekday, from today, open to many.
    func activityForm(_ title: String) -> [(String, String)] {
        [
            ("title", title), ("description", "Samen koken"), ("organiser", "Welzijn"),
            ("placeName", "Buurthuis De Koppel"), ("address", "Gildeplein 3"), ("buurtCode", "BU03070900"),
            ("schedule", "weekly"), ("weekdays[]", today.weekday.key), ("startDate", today.description),
            ("starts", "22:00"), ("ends", "23:30"), ("capacity", "50"),
        ]
    }

    /// A new activity, made by the coordinator.
    func activity() async throws -> String {
        let saved = try await coordinator.post(
            "/kaart/beheer/activiteiten", form: activityForm("Kookavond \(Self.tag())"))
        guard saved.status == .seeOther, let id = saved.location?.split(separator: "/").last else {
            throw TestFailure("could not make an activity: \(saved.status)")
        }
        return String(id)
    }

    /// A sign-up of a new resident for tonight's activity, made by the coordinator.
    func signUp() async throws -> String {
        let activity = try await activity()
        let resident = try await resident()
        let context = try await world.context("coordinator", on: server)
        let signUp = try await server.store.activities(context).signUp(
            try Resident.ID(parsing: resident), for: try Activity.ID(parsing: activity), on: today)
        return signUp.id.description
    }

    /// The service form for the first demo service.
    func serviceForm(_ name: String) async throws -> [(String, String)] {
        let hit = try await server.store.socialMap.service(try MapService.ID(parsing: scenario.serviceID))
        return [
            ("name", name), ("description", "Hulp bij geldzaken."),
            ("organizationID", hit.service.organizationID ?? "new"),
            ("organizationName", "Proef"), ("street", "Stadhuisplein 1"), ("postcode", "3811 LM"),
            ("city", "Amersfoort"), ("status", "active"),
        ]
    }

    /// The stop of Annie on today's round and a fresh outcome there by the concierge, to correct.
    func stopAndOutcome() async throws -> (String, String) {
        let concierge = try await world.context("concierge", on: server)
        let round = try await server.store.rounds(concierge).round(try Round.ID(parsing: scenario.roundID))
        guard let stop = round.stops.first?.stop.id else { throw TestFailure("the round has no stop") }
        let (earlier, _) = try await server.store.rounds(concierge).logContact(
            ContactMomentInput(
                id: nil, residentID: scenario.annie, stopID: stop.description, outcome: "notAtHome",
                durationMinutes: nil, note: nil, concern: nil, recordedAt: nil))
        return (stop.description, earlier.id.description)
    }

    var annieForm: [(String, String)] {
        [
            ("givenName", "Annie"), ("familyName", "de Vries"), ("dateOfBirth", "1941-05-03"),
            ("postcode", "3822 AB"), ("houseNumber", "12"), ("phone", "0612345678"), ("preferredLanguage", "nl"),
            ("contactChannels[]", "visit"), ("doorNotes", "Bel twee keer, slechthorend."),
        ]
    }

    var annieJSON: String {
        #"{"givenName":"Annie","familyName":"de Vries","dateOfBirth":"1941-05-03","addressId":"\#(scenario.address)","phone":"0612345678","preferredLanguage":"nl","contactChannels":["visit"],"doorNotes":"Bel twee keer, slechthorend."}"#
    }
}

/// A row of the write matrix: the route, as the coverage test names it, and the request each role sends.
struct WriteRow: Sendable {
    let name: String
    let make: @Sendable (WriteFixture, Int) async throws -> MatrixCall

    init(_ name: String, _ make: @escaping @Sendable (WriteFixture, Int) async throws -> MatrixCall) {
        self.name = name
        self.make = make
    }
}

@Suite("Authorisation matrix of every form and every write of the API, for every role")
struct WriteMatrixTests {
    static let roles = AuthorisationMatrixTests.roles

    /// Every form and write call with a valid request, so that what answers is the access rule, not the
    /// validation. Each takes the fixture and the role's index (for names that must differ).
    static let rows: [WriteRow] = [
        // Administration.
        WriteRow("POST /beheer/organisaties") { _, i in
            .form("/beheer/organisaties", [("name", "Buurtzorg \(i)"), ("kind", "district_nursing")])
        },
        WriteRow("POST /beheer/teams") { _, i in
            .form("/beheer/teams", [("name", "Team Proef \(i)"), ("organisationID", "")])
        },
        WriteRow("POST /beheer/teams/:id/werkgebied") { f, _ in
            .form(
                "/beheer/teams/\(try await f.team(covered: false))/werkgebied",
                [("code", "WK030701"), ("year", "2025")])
        },
        WriteRow("POST /beheer/teams/:id/werkgebied/weghalen") { f, _ in
            .form(
                "/beheer/teams/\(try await f.team(covered: true))/werkgebied/weghalen",
                [("code", "WK030701"), ("confirm", "1")])
        },
        WriteRow("POST /beheer/accounts") { f, i in
            .form(
                "/beheer/accounts",
                [
                    ("username", "nieuw\(i)"), ("displayName", "Nieuwe Collega"), ("role", "concierge"),
                    ("organisationID", f.world.organisations["welfare"]!.id.description),
                    ("teamIDs[]", f.scenario.east), ("password", "een-lang-wachtwoord-\(i)"),
                ])
        },
        WriteRow("POST /beheer/accounts/:id") { f, _ in
            .form(
                "/beheer/accounts/\(f.user("concierge2"))",
                [
                    ("displayName", "Concierge2"), ("role", "concierge"),
                    ("organisationID", f.world.organisations["welfare"]!.id.description),
                    ("teamIDs[]", f.scenario.centre), ("active", "1"),
                ])
        },
        WriteRow("POST /beheer/buurten") { _, i in
            .form(
                "/beheer/buurten",
                [("code", "BU0307\(String(format: "%04d", 9000 + i))"), ("name", "Proefbuurt"), ("year", "2025")])
        },
        WriteRow("POST /beheer/toegangslog") { _, _ in .form("/beheer/toegangslog", [("resident", "3822 AB")]) },
        // Addresses.
        WriteRow("POST /adressen") { _, i in
            .form(
                "/adressen",
                [
                    ("postcode", "3822 AD"), ("houseNumber", "\(200 + i)"), ("street", "Het Gein"),
                    ("place", "Amersfoort"),
                ])
        },
        WriteRow("POST /adressen/importeren") { _, i in
            .upload(csv: "postcode;huisnummer;straat;plaats\n3822AE;\(300 + i);Het Gein;Amersfoort\n")
        },
        WriteRow("POST /adressen/:id") { f, _ in
            .form(
                "/adressen/\(f.world.addresses["east2"]!.id)",
                [
                    ("postcode", "3822 AC"), ("houseNumber", "4"), ("street", "Camera Obscurastraat"),
                    ("place", "Amersfoort"), ("latitude", "52.17"), ("longitude", "5.40"), ("buurtCode", "BU03070902"),
                ])
        },
        // Residents.
        WriteRow("POST /bewoners/zoeken") { _, _ in .form("/bewoners/zoeken", [("q", "de vries")]) },
        WriteRow("POST /bewoners") { _, i in
            .form(
                "/bewoners",
                [
                    ("givenName", "Piet"), ("familyName", "Proef \(i)"), ("postcode", "3822 AB"), ("houseNumber", "12"),
                    ("confirmedNew", "1"),
                ])
        },
        WriteRow("POST /bewoners/:id") { f, _ in .form("/bewoners/\(f.scenario.annie)", f.annieForm) },
        WriteRow("POST /bewoners/:id/toestemmingen") { f, _ in
            .form(
                "/bewoners/\(f.scenario.annie)/toestemmingen",
                [("purpose", "referral"), ("recording", "verbal"), ("organisationIDs[]", f.ggz)])
        },
        WriteRow("POST /bewoners/:id/toestemmingen/:id/intrekken") { f, _ in
            .form(
                "/bewoners/\(f.scenario.annie)/toestemmingen/\(try await f.consent(of: f.scenario.annie))/intrekken", []
            )
        },
        WriteRow("POST /bewoners/:id/huishouden") { f, _ in
            .form("/bewoners/\(try await f.resident())/huishouden", [("name", "Huishouden Proef")])
        },
        WriteRow("POST /bewoners/:id/huishouden/koppelen") { f, _ in
            let (household, _) = try await f.household()
            return .form("/bewoners/\(try await f.resident())/huishouden/koppelen", [("householdID", household)])
        },
        WriteRow("POST /bewoners/:id/huishouden/verlaten") { f, _ in
            let (_, member) = try await f.household()
            return .form("/bewoners/\(member)/huishouden/verlaten", [])
        },
        WriteRow("POST /bewoners/:id/leveringen") { f, _ in
            .form(
                "/bewoners/\(f.scenario.annie)/leveringen",
                [
                    ("kind", "groceries"), ("schedule", "weekly"), ("weekdays[]", "friday"),
                    ("startDate", f.tomorrow.description), ("windowStart", "10:00"), ("windowEnd", "12:00"),
                ])
        },
        WriteRow("POST /bewoners/:id/contacten") { f, _ in
            .form(
                "/bewoners/\(f.scenario.annie)/contacten",
                [("id", UUID().uuidString), ("residentID", f.scenario.annie), ("outcome", "contact")])
        },
        WriteRow("POST /bewoners/:id/activiteiten") { f, _ in
            let activity = try await f.activity()
            return .form("/bewoners/\(try await f.resident())/activiteiten", [("day", "\(activity)|\(f.today)")])
        },
        // Deliveries.
        WriteRow("POST /leveringen/:id") { f, _ in
            .form(
                "/leveringen/\(try await f.delivery())",
                [
                    ("kind", "meal"), ("schedule", "weekly"), ("weekdays[]", "monday"),
                    ("startDate", f.tomorrow.description), ("windowStart", "11:00"), ("windowEnd", "13:30"),
                ])
        },
        WriteRow("POST /leveringen/:id/pauzeren") { f, _ in
            .form(
                "/leveringen/\(try await f.delivery())/pauzeren",
                [
                    ("pauseFrom", f.today.adding(days: 3).description),
                    ("pauseUntil", f.today.adding(days: 6).description),
                ])
        },
        WriteRow("POST /leveringen/:id/pauzes/:id/weghalen") { f, _ in
            let (delivery, pause) = try await f.pause()
            return .form("/leveringen/\(delivery)/pauzes/\(pause)/weghalen", [])
        },
        WriteRow("POST /leveringen/:id/beeindigen") { f, _ in
            .form("/leveringen/\(try await f.delivery())/beeindigen", [])
        },
        // Rounds.
        WriteRow("POST /rondes/planning") { f, i in
            .form(
                "/rondes/planning",
                [
                    ("team", f.scenario.east), ("date", f.today.adding(days: 7 + i).description),
                    ("concierges[]", f.user("concierge")),
                ])
        },
        WriteRow("POST /rondes/stops/:id/verplaatsen") { f, _ in
            let (stop, _) = try await f.stopAndOutcome()
            return .form("/rondes/stops/\(stop)/verplaatsen", [("direction", "down"), ("back", "/rondes/planning")])
        },
        WriteRow("POST /rondes/:id/stops/:id/uitkomst") { f, _ in
            let (stop, _) = try await f.stopAndOutcome()
            return .form(
                "/rondes/\(f.scenario.roundID)/stops/\(stop)/uitkomst",
                [("id", UUID().uuidString), ("residentID", f.scenario.annie), ("outcome", "contact")])
        },
        WriteRow("POST /rondes/:id/stops/:id/correctie") { f, _ in
            let (stop, earlier) = try await f.stopAndOutcome()
            return .form(
                "/rondes/\(f.scenario.roundID)/stops/\(stop)/correctie",
                [
                    ("id", UUID().uuidString), ("residentID", f.scenario.annie), ("corrects", earlier),
                    ("outcome", "contact"),
                ])
        },
        WriteRow("POST /uit-beeld/bezoeken") { f, i in
            .form(
                "/uit-beeld/bezoeken",
                [
                    ("team", f.scenario.east), ("residentID", f.world.residents["kemal"]!.id.description),
                    ("date", f.today.adding(days: 1 + i).description),
                ])
        },
        WriteRow("POST /uit-beeld/instellingen") { f, _ in
            .form(
                "/uit-beeld/instellingen",
                [("team", f.scenario.east), ("daysWithoutContact", "30"), ("missesInARow", "3")])
        },
        // The social map's upkeep.
        WriteRow("POST /kaart/beheer") { f, i in .form("/kaart/beheer", try await f.serviceForm("Proefdienst \(i)")) },
        WriteRow("POST /kaart/beheer/:id") { f, _ in
            .form("/kaart/beheer/\(f.scenario.serviceID)", try await f.serviceForm("Geldzaken op orde"))
        },
        WriteRow("POST /kaart/beheer/:id/gecontroleerd") { f, _ in
            .form("/kaart/beheer/\(f.scenario.serviceID)/gecontroleerd", [])
        },
        WriteRow("POST /kaart/beheer/soorten") { _, i in .form("/kaart/beheer/soorten", [("name", "Proefhulp \(i)")]) },
        WriteRow("POST /kaart/beheer/soorten/:id") { _, i in
            .form(
                "/kaart/beheer/soorten/\(DutchTaxonomy.term(named: "Maaltijden en voedsel")!.id)",
                [("name", "Maaltijden \(i)")])
        },
        WriteRow("POST /kaart/beheer/zoekwoorden") { _, i in
            .form("/kaart/beheer/zoekwoorden", [("words", "proef\(i), toets\(i)")])
        },
        WriteRow("POST /kaart/beheer/zoekwoorden/:id/verwijderen") { f, _ in
            .form("/kaart/beheer/zoekwoorden/\(try await f.synonymGroup())/verwijderen", [])
        },
        WriteRow("POST /kaart/beheer/activiteiten") { f, i in
            .form("/kaart/beheer/activiteiten", f.activityForm("Kookavond \(i)"))
        },
        WriteRow("POST /kaart/beheer/activiteiten/:id") { f, _ in
            .form("/kaart/beheer/activiteiten/\(try await f.activity())", f.activityForm("Kookavond met soep"))
        },
        WriteRow("POST /kaart/beheer/activiteiten/:id/afgelast") { f, _ in
            .form("/kaart/beheer/activiteiten/\(try await f.activity())/afgelast", [])
        },
        WriteRow("POST /kaart/aanmeldingen/:id/aanwezig") { f, _ in
            .form("/kaart/aanmeldingen/\(try await f.signUp())/aanwezig", [("attended", "yes")])
        },
        // Signals.
        WriteRow("POST /signalen") { f, _ in
            .form(
                "/signalen",
                [
                    ("residentID", f.scenario.annie), ("urgency", "normal"), ("domains[]", "financien"),
                    ("observation", "Rekeningen blijven liggen"),
                ])
        },
        WriteRow("POST /signalen/instellingen/termijnen") { _, _ in
            .form("/signalen/instellingen/termijnen", [("acuteDays", "1"), ("highDays", "3"), ("normalDays", "10")])
        },
        WriteRow("POST /signalen/instellingen/regels") { f, _ in
            .form(
                "/signalen/instellingen/regels", [("domain", "lichamelijke_gezondheid"), ("teamID", f.scenario.east)])
        },
        WriteRow("POST /signalen/instellingen/regels/:id/weghalen") { f, _ in
            .form("/signalen/instellingen/regels/\(try await f.rule())/weghalen", [])
        },
        WriteRow("POST /signalen/:id/stap") { f, _ in
            .form("/signalen/\(try await f.signal())/stap", [("event", "triage"), ("reason", "Bekeken")])
        },
        WriteRow("POST /signalen/:id/toewijzen") { f, _ in
            .form(
                "/signalen/\(try await f.signal())/toewijzen",
                [("teamID", f.scenario.east), ("assigneeID", f.user("socialworker"))])
        },
        WriteRow("POST /signalen/:id/samenvoegen") { f, _ in
            let target = try await f.signal()
            return .form(
                "/signalen/\(try await f.signal())/samenvoegen", [("targetID", target), ("mergeReason", "Dubbel")])
        },
        WriteRow("POST /signalen/:id/taken") { f, _ in
            .form(
                "/signalen/\(try await f.signal(triaged: true))/taken",
                [("taskFor", f.user("concierge")), ("date", f.today.description), ("instruction", "Even langsgaan")])
        },
        WriteRow("POST /signalen/:id/meldcode") { f, _ in
            .form(
                "/signalen/\(try await f.signal(triaged: true, meldcode: true))/meldcode",
                [("step", "1"), ("reasoning", "Signalen in kaart")])
        },
        // Referrals.
        WriteRow("POST /verwijzingen/nieuw") { f, _ in
            .form(
                "/verwijzingen/nieuw",
                [
                    ("residentID", f.scenario.annie), ("organisationID", f.ggz), ("mode", "live"),
                    ("question", "Wil graag praten over somberheid"), ("domains[]", "geestelijke_gezondheid"),
                    ("contactMethod", "phone"), ("recordConsent", "verbal"),
                ])
        },
        WriteRow("POST /verwijzingen/:id/stap") { f, _ in
            .form("/verwijzingen/\(try await f.referral())/stap", [("event", "accept")])
        },
        WriteRow("POST /verwijzingen/:id/versturen") { f, _ in
            .form("/verwijzingen/\(try await f.referral(draft: true))/versturen", [("recordConsent", "paper")])
        },
        WriteRow("POST /verwijzingen/:id/toewijzen") { f, _ in
            .form("/verwijzingen/\(try await f.referral())/toewijzen", [("assigneeID", f.user("partner"))])
        },
        WriteRow("POST /verwijzingen/:id/bericht") { f, _ in
            .form("/verwijzingen/\(try await f.referral())/bericht", [("message", "Kunt u vrijdag bellen?")])
        },
        WriteRow("POST /bewoners/:id/overdragen") { f, _ in
            .form(
                "/bewoners/\(try await f.resident())/overdragen",
                [("teamID", f.scenario.centre), ("reason", "Verhuisd naar de binnenstad")])
        },
        WriteRow("POST /taken/:id/gedaan") { f, _ in
            .form("/taken/\(try await f.task())/gedaan", [("note", "Gaat goed")])
        },
        // The API's writes.
        WriteRow("DELETE /api/v1/auth/token") { _, _ in .json(.DELETE, "/api/v1/auth/token", nil) },
        WriteRow("POST /api/v1/addresses") { _, i in
            .json(
                .POST, "/api/v1/addresses",
                #"{"postcode":"3822 AD","houseNumber":\#(400 + i),"street":"Het Gein","place":"Amersfoort"}"#)
        },
        WriteRow("PUT /api/v1/addresses/:id") { f, _ in
            .json(
                .PUT, "/api/v1/addresses/\(f.world.addresses["east2"]!.id)",
                #"{"postcode":"3822 AC","houseNumber":4,"street":"Camera Obscurastraat","place":"Amersfoort","latitude":52.17,"longitude":5.40,"buurtCode":"BU03070902"}"#
            )
        },
        WriteRow("POST /api/v1/residents") { f, i in
            .json(
                .POST, "/api/v1/residents",
                #"{"givenName":"Piet","familyName":"Proef \#(i)","addressId":"\#(f.scenario.address)","confirmedNew":true}"#
            )
        },
        WriteRow("POST /api/v1/residents/search") { _, _ in
            .json(.POST, "/api/v1/residents/search", #"{"query":"de vries"}"#)
        },
        WriteRow("PUT /api/v1/residents/:id") { f, _ in
            .json(.PUT, "/api/v1/residents/\(f.scenario.annie)", f.annieJSON)
        },
        WriteRow("POST /api/v1/residents/:id/consents") { f, _ in
            .json(
                .POST, "/api/v1/residents/\(f.scenario.annie)/consents",
                #"{"purpose":"referral","recording":"verbal","organisationIds":["\#(f.ggz)"]}"#)
        },
        WriteRow("POST /api/v1/residents/:id/consents/:id/withdraw") { f, _ in
            .json(
                .POST,
                "/api/v1/residents/\(f.scenario.annie)/consents/\(try await f.consent(of: f.scenario.annie))/withdraw",
                nil)
        },
        WriteRow("POST /api/v1/households") { f, _ in
            .json(
                .POST, "/api/v1/households", #"{"residentId":"\#(try await f.resident())","name":"Huishouden Proef"}"#)
        },
        WriteRow("POST /api/v1/households/:id/members") { f, _ in
            let (household, _) = try await f.household()
            return .json(
                .POST, "/api/v1/households/\(household)/members", #"{"residentId":"\#(try await f.resident())"}"#)
        },
        WriteRow("DELETE /api/v1/households/:id/members/:id") { f, _ in
            let (household, member) = try await f.household()
            return .json(.DELETE, "/api/v1/households/\(household)/members/\(member)", nil)
        },
        WriteRow("POST /api/v1/deliveries") { f, _ in
            .json(.POST, "/api/v1/deliveries", WriteFixture.mealJSON(f.scenario.annie, from: f.tomorrow))
        },
        WriteRow("PUT /api/v1/deliveries/:id") { f, _ in
            .json(
                .PUT, "/api/v1/deliveries/\(try await f.delivery())",
                WriteFixture.mealJSON(f.scenario.annie, from: f.tomorrow))
        },
        WriteRow("POST /api/v1/deliveries/:id/pauses") { f, _ in
            .json(
                .POST, "/api/v1/deliveries/\(try await f.delivery())/pauses",
                #"{"from":"\#(f.today.adding(days: 3))","until":"\#(f.today.adding(days: 5))"}"#)
        },
        WriteRow("POST /api/v1/deliveries/:id/end") { f, _ in
            .json(.POST, "/api/v1/deliveries/\(try await f.delivery())/end", nil)
        },
        WriteRow("POST /api/v1/contact-moments") { f, _ in
            .json(
                .POST, "/api/v1/contact-moments",
                #"{"id":"\#(UUID())","residentId":"\#(f.scenario.annie)","outcome":"contact"}"#)
        },
        WriteRow("POST /api/v1/signals") { f, _ in
            .json(
                .POST, "/api/v1/signals",
                #"{"residentId":"\#(f.scenario.annie)","domains":["huisvesting"],"urgency":"normal","observation":"Lekkage"}"#
            )
        },
        WriteRow("POST /api/v1/signals/:id/transitions") { f, _ in
            .json(
                .POST, "/api/v1/signals/\(try await f.signal())/transitions", #"{"event":"triage","reason":"Bekeken"}"#)
        },
        WriteRow("POST /api/v1/signals/:id/assignment") { f, _ in
            .json(.POST, "/api/v1/signals/\(try await f.signal())/assignment", #"{"teamId":"\#(f.scenario.east)"}"#)
        },
        WriteRow("POST /api/v1/signals/:id/merge") { f, _ in
            let target = try await f.signal()
            return .json(.POST, "/api/v1/signals/\(try await f.signal())/merge", #"{"targetId":"\#(target)"}"#)
        },
        WriteRow("POST /api/v1/signals/:id/meldcode-steps") { f, _ in
            .json(
                .POST, "/api/v1/signals/\(try await f.signal(triaged: true, meldcode: true))/meldcode-steps",
                #"{"step":1,"reasoning":"Signalen in kaart"}"#)
        },
        WriteRow("POST /api/v1/signals/:id/tasks") { f, _ in
            .json(
                .POST, "/api/v1/signals/\(try await f.signal(triaged: true))/tasks",
                #"{"assigneeId":"\#(f.user("concierge"))","date":"\#(f.today)","instruction":"Even langsgaan"}"#)
        },
        WriteRow("POST /api/v1/referrals") { f, _ in
            .json(
                .POST, "/api/v1/referrals",
                #"{"residentId":"\#(f.scenario.annie)","organisationId":"\#(f.ggz)","question":"Somber","domains":["geestelijke_gezondheid"],"contactMethod":"phone","recordConsent":"verbal"}"#
            )
        },
        WriteRow("POST /api/v1/referrals/:id/events") { f, _ in
            .json(.POST, "/api/v1/referrals/\(try await f.referral())/events", #"{"event":"accept"}"#)
        },
        WriteRow("POST /api/v1/referrals/:id/send") { f, _ in
            .json(.POST, "/api/v1/referrals/\(try await f.referral(draft: true))/send", #"{"recordConsent":"paper"}"#)
        },
        WriteRow("POST /api/v1/referrals/:id/assignment") { f, _ in
            .json(
                .POST, "/api/v1/referrals/\(try await f.referral())/assignment",
                #"{"assigneeId":"\#(f.user("partner"))"}"#)
        },
        WriteRow("POST /api/v1/referrals/:id/messages") { f, _ in
            .json(.POST, "/api/v1/referrals/\(try await f.referral())/messages", #"{"text":"Graag vrijdag bellen"}"#)
        },
        WriteRow("POST /api/v1/residents/:id/transfer") { f, _ in
            .json(
                .POST, "/api/v1/residents/\(try await f.resident())/transfer",
                #"{"teamId":"\#(f.scenario.centre)","reason":"Verhuisd"}"#)
        },
        WriteRow("POST /api/v1/tasks/:id/done") { f, _ in
            .json(.POST, "/api/v1/tasks/\(try await f.task())/done", #"{"note":"Gaat goed"}"#)
        },
    ]

    /// Expected status per route and role, in the order of `AuthorisationMatrixTests.roles`: 200, 201 or 204
    /// done (200 also a page shown: a search, an import's report), 303 done and sent on, 403 refused (and
    /// logged), 404 not shown to exist (a task or sign-up the role cannot see), 422 refused at the field (a
    /// resident at an address outside the worker's area). A new form or write call gets a row here and in `rows`.
    static let expected = [
        "POST /beheer/organisaties                          303 403 403 403 403 403 403 403 403",
        "POST /beheer/teams                                 303 403 403 403 403 403 403 403 403",
        "POST /beheer/teams/:id/werkgebied                  303 403 403 403 403 403 403 403 403",
        "POST /beheer/teams/:id/werkgebied/weghalen         303 403 403 403 403 403 403 403 403",
        "POST /beheer/accounts                              303 403 403 403 403 403 403 403 403",
        "POST /beheer/accounts/:id                          303 403 403 403 403 403 403 403 403",
        "POST /beheer/buurten                               303 403 403 403 403 403 403 403 403",
        "POST /beheer/toegangslog                           303 303 403 403 403 403 403 403 403",
        "POST /adressen                                     303 303 403 303 403 403 403 403 303",
        "POST /adressen/importeren                          200 200 403 200 403 403 403 403 200",
        "POST /adressen/:id                                 303 303 403 303 403 403 403 403 303",
        "POST /bewoners/zoeken                              403 200 200 200 200 200 403 403 200",
        "POST /bewoners                                     403 303 403 303 403 403 403 403 422",
        "POST /bewoners/:id                                 403 303 403 303 403 403 403 403 403",
        "POST /bewoners/:id/toestemmingen                   403 303 403 303 403 403 403 403 403",
        "POST /bewoners/:id/toestemmingen/:id/intrekken     403 303 403 303 403 403 403 403 403",
        "POST /bewoners/:id/huishouden                      403 303 403 303 403 403 403 403 403",
        "POST /bewoners/:id/huishouden/koppelen             403 303 403 303 403 403 403 403 403",
        "POST /bewoners/:id/huishouden/verlaten             403 303 403 303 403 403 403 403 403",
        "POST /bewoners/:id/leveringen                      403 303 403 303 403 403 403 403 403",
        "POST /bewoners/:id/contacten                       403 303 303 303 303 303 403 403 403",
        "POST /bewoners/:id/activiteiten                    403 303 303 303 303 303 403 403 403",
        "POST /leveringen/:id                               403 303 403 303 403 403 403 403 403",
        "POST /leveringen/:id/pauzeren                      403 303 403 303 403 403 403 403 403",
        "POST /leveringen/:id/pauzes/:id/weghalen           403 303 403 303 403 403 403 403 403",
        "POST /leveringen/:id/beeindigen                    403 303 403 303 403 403 403 403 403",
        "POST /rondes/planning                              403 303 403 403 403 403 403 403 403",
        "POST /rondes/stops/:id/verplaatsen                 403 303 403 403 403 403 403 403 403",
        "POST /rondes/:id/stops/:id/uitkomst                403 303 303 403 403 403 403 403 403",
        "POST /rondes/:id/stops/:id/correctie               403 303 303 403 403 403 403 403 403",
        "POST /uit-beeld/bezoeken                           403 303 403 303 403 403 403 403 403",
        "POST /uit-beeld/instellingen                       403 303 403 403 403 403 403 403 403",
        "POST /kaart/beheer                                 303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/:id                             303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/:id/gecontroleerd               303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/soorten                         303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/soorten/:id                     303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/zoekwoorden                     303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/zoekwoorden/:id/verwijderen     303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/activiteiten                    303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/activiteiten/:id                303 303 403 303 403 403 403 403 303",
        "POST /kaart/beheer/activiteiten/:id/afgelast       303 303 403 303 403 403 403 403 303",
        "POST /kaart/aanmeldingen/:id/aanwezig              404 303 303 303 303 303 404 404 404",
        "POST /signalen                                     403 303 303 303 303 303 403 403 403",
        "POST /signalen/instellingen/termijnen              303 303 403 403 403 403 403 403 403",
        "POST /signalen/instellingen/regels                 303 303 403 403 403 403 403 403 403",
        "POST /signalen/instellingen/regels/:id/weghalen    303 303 403 403 403 403 403 403 403",
        "POST /signalen/:id/stap                            403 303 403 303 403 403 403 403 403",
        "POST /signalen/:id/toewijzen                       403 303 403 403 403 403 403 403 403",
        "POST /signalen/:id/samenvoegen                     403 303 403 303 403 403 403 403 403",
        "POST /signalen/:id/taken                           403 303 403 303 403 403 403 403 403",
        "POST /signalen/:id/meldcode                        403 303 403 303 403 403 403 403 403",
        "POST /taken/:id/gedaan                             404 404 303 404 404 404 404 404 404",
        "POST /verwijzingen/nieuw                           403 303 403 303 403 403 403 403 403",
        "POST /verwijzingen/:id/stap                        403 403 403 403 403 403 303 403 403",
        "POST /verwijzingen/:id/versturen                   403 303 403 303 403 403 403 403 403",
        "POST /verwijzingen/:id/toewijzen                   403 403 403 403 403 403 303 403 403",
        "POST /verwijzingen/:id/bericht                     403 303 403 303 403 403 303 403 403",
        "POST /bewoners/:id/overdragen                      403 303 403 403 403 403 403 403 403",
        "DELETE /api/v1/auth/token                          204 204 204 204 204 204 204 204 204",
        "POST /api/v1/addresses                             201 201 403 201 403 403 403 403 201",
        "PUT /api/v1/addresses/:id                          200 200 403 200 403 403 403 403 200",
        "POST /api/v1/residents                             403 201 403 201 403 403 403 403 422",
        "POST /api/v1/residents/search                      403 200 200 200 200 200 403 403 200",
        "PUT /api/v1/residents/:id                          403 200 403 200 403 403 403 403 403",
        "POST /api/v1/residents/:id/consents                403 201 403 201 403 403 403 403 403",
        "POST /api/v1/residents/:id/consents/:id/withdraw   403 200 403 200 403 403 403 403 403",
        "POST /api/v1/households                            403 201 403 201 403 403 403 403 403",
        "POST /api/v1/households/:id/members                403 200 403 200 403 403 403 403 403",
        "DELETE /api/v1/households/:id/members/:id          403 204 404 204 404 404 403 403 403",
        "POST /api/v1/deliveries                            403 201 403 201 403 403 403 403 403",
        "PUT /api/v1/deliveries/:id                         403 200 403 200 403 403 403 403 403",
        "POST /api/v1/deliveries/:id/pauses                 403 201 403 201 403 403 403 403 403",
        "POST /api/v1/deliveries/:id/end                    403 200 403 200 403 403 403 403 403",
        "POST /api/v1/contact-moments                       403 201 201 201 201 201 403 403 403",
        "POST /api/v1/signals                               403 201 201 201 201 201 403 403 403",
        "POST /api/v1/signals/:id/transitions               403 200 403 200 403 403 403 403 403",
        "POST /api/v1/signals/:id/assignment                403 200 403 403 403 403 403 403 403",
        "POST /api/v1/signals/:id/merge                     403 200 403 200 403 403 403 403 403",
        "POST /api/v1/signals/:id/meldcode-steps            403 201 403 201 403 403 403 403 403",
        "POST /api/v1/signals/:id/tasks                     403 201 403 201 403 403 403 403 403",
        "POST /api/v1/tasks/:id/done                        404 404 204 404 404 404 404 404 404",
        "POST /api/v1/referrals                             403 201 403 201 403 403 403 403 403",
        "POST /api/v1/referrals/:id/events                  403 403 403 403 403 403 200 403 403",
        "POST /api/v1/referrals/:id/send                    403 200 403 200 403 403 403 403 403",
        "POST /api/v1/referrals/:id/assignment              403 403 403 403 403 403 200 403 403",
        "POST /api/v1/referrals/:id/messages                403 204 403 204 403 403 204 403 403",
        "POST /api/v1/residents/:id/transfer                403 204 403 403 403 403 403 403 403",
    ]

    /// What a refused form or call says: the page's error summary or the problem's title and errors.
    static func reason(_ response: TestResponse) -> String {
        if let summary = response.body.firstMatch(of: /class="error-summary"[\s\S]*?<\/ul>/) {
            return String(summary.0).replacing(/<[^>]+>/, with: " ")
        }
        if let main = response.body.firstMatch(of: /<main[\s\S]*?<\/main>/) {
            return String(String(main.0).replacing(/<[^>]+>/, with: " ").prefix(300))
        }
        return String(response.body.prefix(300))
    }

    @Test("each role may send what the policy gives it, and every refusal is in the access log")
    func matrix() async throws {
        try await withSchakel { server in
            let scenario = try await AuthorisationMatrixTests.scenario(server)
            let fixture = try await WriteFixture.make(server, scenario)
            let wanted = Dictionary(
                uniqueKeysWithValues: Self.expected.map { row in
                    let cells = row.split(separator: " ")
                    return ("\(cells[0]) \(cells[1])", cells.dropFirst(2).map { UInt($0)! })
                })
            var observed: [String] = []
            var browsers: [Browser] = []
            var clients: [APIClient] = []
            for role in Self.roles {
                let browser = server.browser()
                try await browser.login(role)
                _ = try await browser.get("/")
                browsers.append(browser)
                var api = APIClient(server)
                try await api.login(role)
                clients.append(api)
            }
            for row in Self.rows {
                var got: [UInt] = []
                for (index, role) in Self.roles.enumerated() {
                    let call = try await row.make(fixture, index)
                    let before = try await AuthorisationMatrixTests.refusals(of: role, server)
                    let response: TestResponse
                    switch call {
                    case .form(let path, let form):
                        response = try await browsers[index].post(path, form: form)
                    case .upload(let csv):
                        response = try await AddressWebTests().upload(browsers[index], csv: csv)
                    case .json(let method, let path, let body):
                        var client = clients[index]
                        if method == .DELETE, path == "/api/v1/auth/token" {
                            client = APIClient(server)
                            try await client.login(role)
                        }
                        response = try await client.send(method, path, json: body)
                    }
                    let status = response.status.code
                    got.append(status)
                    if status == 403 {
                        let after = try await AuthorisationMatrixTests.refusals(of: role, server)
                        #expect(after > before, "refusal of \(row.name) as \(role) logged")
                    }
                    #expect(
                        status != 500 && status != 400 && (status != 422 || wanted[row.name]?[index] == 422),
                        "\(row.name) as \(role): \(status) \(Self.reason(response))")
                    // A browser whose form was refused loads a page again for the next form's token.
                    if case .form = call, status >= 400 { _ = try await browsers[index].get("/") }
                }
                observed.append("\(row.name) \(got.map(String.init).joined(separator: " "))")
                #expect(wanted[row.name] == got, "\(row.name): got \(got)")
            }
            #expect(Set(wanted.keys) == Set(Self.rows.map(\.name)), "rows and expectations name the same routes")
            if observed.contains(where: { line in
                let cells = line.split(separator: " ")
                return wanted["\(cells[0]) \(cells[1])"] != cells.dropFirst(2).map { UInt($0)! }
            }) {
                Issue.record("observed:\n\(observed.joined(separator: "\n"))")
            }
        }
    }
}
