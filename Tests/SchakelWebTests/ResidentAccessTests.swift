import Fluent
import Foundation
import SQLKit
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@Suite("Residents: access by role and relationship")
struct ResidentAccessTests {
    @Test("a social worker lists only the residents of their team's area")
    func listByCoverage() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            let page = try await browser.get("/bewoners")
            #expect(page.status == .ok)
            #expect(page.body.contains("Annie de Vries"))
            #expect(page.body.contains("Kemal Yılmaz"))
            #expect(!page.body.contains("Greet Bakker"))
            #expect(page.body.contains("3-5-1941"))
        }
    }

    @Test("a concierge sees name, address, phone and door notes, but not the date of birth or consents")
    func conciergeBasicView() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("concierge")
            let file = try await browser.get("/bewoners/\(world.residents["annie"]!.id)")
            #expect(file.status == .ok)
            #expect(file.body.contains("Annie de Vries"))
            #expect(file.body.contains("Elly Takmastraat 12"))
            #expect(file.body.contains("0612345678"))
            #expect(file.body.contains("Bel twee keer, slechthorend."))
            #expect(!file.body.contains("3-5-1941") && !file.body.contains("1941-05-03"))
            #expect(!file.body.contains("Toestemmingen"))
            #expect(try await browser.get("/bewoners/\(world.residents["annie"]!.id)/wijzigen").status == .forbidden)
        }
    }

    @Test("roles without resident access get a 403 page", arguments: ["policy", "admin", "partner"])
    func noResidentAccess(username: String) async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login(username)
            let list = try await browser.get("/bewoners")
            #expect(list.status == .forbidden)
            #expect(list.body.contains("Je hebt geen toegang tot deze gegevens."))
            #expect(!list.body.contains("Annie"))
            #expect(try await browser.get("/bewoners/\(world.residents["annie"]!.id)").status == .forbidden)
        }
    }

    @Test("a social worker of another team is refused, and the refusal is in the audit log")
    func otherTeamRefusedAndLogged() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker2")
            let annie = world.residents["annie"]!.id
            let response = try await browser.get("/bewoners/\(annie)")
            #expect(response.status == .forbidden)
            #expect(!response.body.contains("Annie"))
            let log = try await server.store.audit.entries(resident: annie, from: nil, to: nil, page: try Paging())
            let denial = try #require(log.items.first { $0.event == "access.denied" })
            #expect(denial.username == "socialworker2")
            #expect(denial.role == .socialWorker)
            #expect(denial.accessPoint == "127.0.0.1")
        }
    }

    @Test("unknown and malformed resident ids are a 404 page")
    func unknownIDs() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            #expect(try await browser.get("/bewoners/\(UUID())").status == .notFound)
            #expect(try await browser.get("/bewoners/not-a-uuid").status == .notFound)
        }
    }

    @Test("reading a file is audited with user, organisation, role, access point and objects")
    func readIsAudited() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            let annie = world.residents["annie"]!
            try await browser.get("/bewoners/\(annie.id)")
            let log = try await server.store.audit.entries(resident: annie.id, from: nil, to: nil, page: try Paging())
            let read = try #require(log.items.first { $0.event == "resident.read" })
            #expect(read.userID == world.users["socialworker"]!.id)
            #expect(read.organisationID == world.organisations["welfare"]!.id)
            #expect(read.role == .socialWorker)
            #expect(read.accessPoint == "127.0.0.1")
            #expect(read.objects.contains("resident:\(annie.id)"))
            #expect(read.objects.contains("address:\(world.addresses["east1"]!.id)"))
        }
    }

    @Test("searching by name goes by POST, finds accent-insensitively and stays in the team's area")
    func search() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/bewoners")
            let found = try await browser.post("/bewoners/zoeken", form: [("q", "yilmaz")])
            #expect(found.body.contains("Kemal Yılmaz"))
            #expect(!found.body.contains("Annie"))
            let byPostcode = try await browser.post("/bewoners/zoeken", form: [("q", "3822 ab")])
            #expect(byPostcode.body.contains("Annie de Vries"))
            let elsewhere = try await browser.post("/bewoners/zoeken", form: [("q", "Greet")])
            #expect(elsewhere.body.contains("Geen bewoners gevonden."))
        }
    }
}

@Suite("Residents: creating and changing")
struct ResidentEditingTests {
    @Test("invalid input is shown back in Dutch with every problem, and nothing is stored")
    func validation() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/bewoners/nieuw")
            let response = try await browser.post(
                "/bewoners",
                form: [
                    ("givenName", ""), ("familyName", "Jansen"), ("dateOfBirth", "31-02-1950"), ("postcode", "1234 SS"),
                    ("houseNumber", "1"),
                ])
            #expect(response.status == .unprocessableEntity)
            #expect(response.body.contains("SA, SD en SS worden niet gebruikt"))
            #expect(response.body.contains("Voornaam is verplicht"))
            #expect(response.body.contains("value=\"Jansen\""))
            let list = try await browser.get("/bewoners")
            #expect(!list.body.contains("Jansen"))
        }
    }

    @Test("a probable duplicate is offered instead of created, and can be confirmed as someone else")
    func duplicate() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/bewoners/nieuw")
            let form = [("givenName", "annie"), ("familyName", "De Vries"), ("dateOfBirth", "1941-05-03")]
            let warning = try await browser.post("/bewoners", form: form)
            #expect(warning.status == .conflict)
            #expect(warning.body.contains("Deze bewoner lijkt al bekend"))
            #expect(warning.body.contains("/bewoners/\(world.residents["annie"]!.id)"))
            let confirmed = try await browser.post("/bewoners", form: form + [("confirmedNew", "1")])
            #expect(confirmed.status == .seeOther)
            let list = try await browser.post("/bewoners/zoeken", form: [("q", "de vries")])
            #expect(list.body.components(separatedBy: "class=\"title\"").count - 1 == 2)
        }
    }

    @Test("a new resident at a covered address is created, with a timeline entry and an audit entry")
    func create() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("coordinator")
            try await browser.get("/bewoners/nieuw")
            let response = try await browser.post(
                "/bewoners",
                form: [
                    ("givenName", "Henk"), ("familyName", "Mulder"), ("dateOfBirth", "1939-07-01"),
                    ("postcode", "3822ac"),
                    ("houseNumber", "4"), ("phone", "033 123 45 67"), ("contactChannels[]", "phone"),
                    ("doorNotes", "Sleutelkastje"),
                ])
            #expect(response.status == .seeOther)
            let path = try #require(response.location)
            let file = try await browser.get(path)
            #expect(file.body.contains("Henk Mulder"))
            #expect(file.body.contains("Camera Obscurastraat 4"))
            #expect(file.body.contains("0331234567"))
            let timeline = try await browser.get(path + "/tijdlijn")
            #expect(timeline.body.contains("Dossier aangemaakt"))
            let id = try #require(Resident.ID(String(path.dropFirst("/bewoners/".count))))
            let log = try await server.store.audit.entries(resident: id, from: nil, to: nil, page: try Paging())
            #expect(log.items.contains { $0.event == "resident.create" })
        }
    }

    @Test("an address that is not in the register, or outside the team's area, is refused")
    func addressRules() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/bewoners/nieuw")
            let unknown = try await browser.post(
                "/bewoners",
                form: [("givenName", "Piet"), ("familyName", "Smit"), ("postcode", "3822AB"), ("houseNumber", "99")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.contains("hoort bij geen bekend adres met dit huisnummer"))
            let outside = try await browser.post(
                "/bewoners",
                form: [("givenName", "Piet"), ("familyName", "Smit"), ("postcode", "3811HN"), ("houseNumber", "8")])
            #expect(outside.status == .unprocessableEntity)
            #expect(outside.body.contains("ligt buiten het werkgebied van jouw teams"))
        }
    }

    @Test("editing records which fields changed on the timeline, never their values")
    func editTimeline() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            let annie = world.residents["annie"]!
            try await browser.get("/bewoners/\(annie.id)/wijzigen")
            let saved = try await browser.post(
                "/bewoners/\(annie.id)",
                form: [
                    ("givenName", "Annie"), ("familyName", "de Vries"), ("dateOfBirth", "1941-05-03"),
                    ("postcode", "3822AB"),
                    ("houseNumber", "12"), ("phone", "0699999999"), ("doorNotes", "Bel drie keer"),
                ])
            #expect(saved.status == .seeOther)
            let timeline = try await browser.get("/bewoners/\(annie.id)/tijdlijn")
            #expect(timeline.body.contains("Gegevens gewijzigd"))
            #expect(timeline.body.contains("Telefoon"))
            #expect(timeline.body.contains("Deurnotities"))
            #expect(!timeline.body.contains("0699999999"))
        }
    }

    @Test("consent is recorded for organisations and can be withdrawn once")
    func consent() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            let annie = world.residents["annie"]!
            try await browser.get("/bewoners/\(annie.id)")
            let ggz = world.organisations["ggz"]!.id
            let added = try await browser.post(
                "/bewoners/\(annie.id)/toestemmingen",
                form: [
                    ("purpose", "referral"), ("note", "Alleen over de schulden"), ("recording", "verbal"),
                    ("organisationIDs[]", ggz.description),
                ])
            #expect(added.status == .seeOther)
            let file = try await browser.get("/bewoners/\(annie.id)")
            #expect(file.body.contains("Doorverwijzen en gegevens delen"))
            #expect(file.body.contains("Alleen over de schulden"))
            #expect(file.body.contains("GGZ Test"))
            let consentID = try #require(
                try await server.store.residents(try await world.context("socialworker", on: server)).file(annie.id)
                    .consents.first?.id)
            let withdrawn = try await browser.post(
                "/bewoners/\(annie.id)/toestemmingen/\(consentID)/intrekken", form: [])
            #expect(withdrawn.status == .seeOther)
            #expect(try await browser.get("/bewoners/\(annie.id)").body.contains("Ingetrokken"))
            let again = try await browser.post("/bewoners/\(annie.id)/toestemmingen/\(consentID)/intrekken", form: [])
            #expect(again.status == .conflict)
            let empty = try await browser.post(
                "/bewoners/\(annie.id)/toestemmingen", form: [("purpose", "referral"), ("recording", "verbal")])
            #expect(empty.status == .unprocessableEntity)
        }
    }
}

@Suite("Households on the web")
struct HouseholdWebTests {
    @Test("a second resident at the same address joins the household from their file, and can leave it")
    func joinAndLeave() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            let annie = world.residents["annie"]!.id
            try await browser.get("/bewoners/\(annie)")
            #expect(
                try await browser.post("/bewoners/\(annie)/huishouden", form: [("name", "Huishouden De Vries")]).status
                    == .seeOther)
            try await browser.get("/bewoners/nieuw")
            let created = try await browser.post(
                "/bewoners",
                form: [
                    ("givenName", "Bert"), ("familyName", "de Vries"), ("postcode", "3822AB"), ("houseNumber", "12"),
                ])
            let bert = try #require(created.location)
            let file = try await browser.get(bert)
            #expect(file.body.contains("Toevoegen aan Huishouden De Vries"))
            let householdID = try #require(file.inputValue(named: "householdID"))
            #expect(
                try await browser.post(bert + "/huishouden/koppelen", form: [("householdID", householdID)]).status
                    == .seeOther)
            let annieFile = try await browser.get("/bewoners/\(annie)")
            #expect(annieFile.body.contains("Bert de Vries"))
            #expect(try await browser.post(bert + "/huishouden/verlaten", form: []).status == .seeOther)
            #expect(!(try await browser.get("/bewoners/\(annie)")).body.contains("Bert de Vries"))
            #expect(try await browser.get(bert + "/tijdlijn").body.contains("Uit huishouden gehaald"))
        }
    }
}

@Suite("Audit log")
struct AuditLogTests {
    @Test("the chain verifies, and names the first entry that was altered or removed")
    func tamperEvidence() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let audit = server.store.audit
            guard case .intact(let count) = try await audit.verify() else {
                Issue.record("chain should be intact"); return
            }
            #expect(count > 10)
            let sql = server.app.db as! any SQLDatabase
            try await sql.raw("UPDATE audit_entries SET username = 'iemand' WHERE sequence = 4").run()
            #expect(try await audit.verify() == .broken(sequence: 4, reason: "content"))
            try await sql.raw("DELETE FROM audit_entries WHERE sequence = 4").run()
            #expect(try await audit.verify() == .broken(sequence: 4, reason: "missing"))
        }
    }

    @Test("removing the newest entries is caught through the chain head")
    func truncation() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let sql = server.app.db as! any SQLDatabase
            guard case .intact(let count) = try await server.store.audit.verify() else {
                Issue.record("chain should be intact"); return
            }
            try await sql.raw("DELETE FROM audit_entries WHERE sequence = \(literal: Int(count))").run()
            #expect(try await server.store.audit.verify() == .broken(sequence: count, reason: "missing"))
        }
    }
}
