import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@Suite("Administration")
struct AdminTests {
    @Test(
        "the administrator adds an organisation, a team with an area, and a user who can then log in and see that area")
    func setUpATeam() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let admin = server.browser()
            try await admin.login("admin")
            #expect(try await admin.get("/beheer").status == .ok)
            #expect(
                try await admin.post(
                    "/beheer/organisaties", form: [("name", "Buurtzorg Test"), ("kind", "district_nursing")]
                ).status == .seeOther)
            #expect(
                try await admin.post("/beheer/teams", form: [("name", "Team Centrum"), ("organisationID", "")]).status
                    == .seeOther)
            let team = try #require(try await server.store.accounts.teams().first { $0.name == "Team Centrum" })
            #expect(
                try await admin.post(
                    "/beheer/teams/\(team.id)/werkgebied", form: [("code", "wk030701"), ("year", "2025")]
                ).status == .seeOther)
            let bad = try await admin.post(
                "/beheer/teams/\(team.id)/werkgebied", form: [("code", "XX12"), ("year", "2025")])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("is geen CBS-code"))
            let created = try await admin.post(
                "/beheer/accounts",
                form: [
                    ("username", "wijkverpleegkundige"), ("displayName", "Wies Verpleegkundige"),
                    ("role", "social_worker"),
                    ("organisationID", world.organisations["welfare"]!.id.description),
                    ("teamIDs[]", team.id.description),
                    ("password", "een-lang-wachtwoord"),
                ])
            #expect(created.status == .seeOther)
            let nurse = server.browser()
            #expect(try await nurse.login("wijkverpleegkundige", password: "een-lang-wachtwoord").status == .seeOther)
            let list = try await nurse.get("/bewoners")
            #expect(list.body.contains("Greet Bakker"))
            #expect(!list.body.contains("Annie"))
        }
    }

    @Test("a team covers only areas on the CBS list once it is in, and removing an area is asked for first")
    func coverageChecks() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let admin = server.browser()
            try await admin.login("admin")
            try await admin.get("/beheer/buurten")
            #expect(
                try await admin.post(
                    "/beheer/buurten", form: [("code", "WK030701"), ("name", "Stadskern"), ("year", "2025")]
                ).status == .seeOther)
            let team = world.teams["east"]!
            try await admin.get("/beheer")
            let unknown = try await admin.post(
                "/beheer/teams/\(team.id)/werkgebied", form: [("code", "WK999999"), ("year", "2025")])
            #expect(unknown.status == .unprocessableEntity)
            #expect(unknown.body.contains("staat niet in de lijst"))
            #expect(
                try await admin.post(
                    "/beheer/teams/\(team.id)/werkgebied", form: [("code", "WK030701"), ("year", "2025")]
                ).status == .seeOther)
            // One click asks; only the confirmation removes.
            let asked = try await admin.post(
                "/beheer/teams/\(team.id)/werkgebied/weghalen", form: [("code", "WK030701")])
            #expect(asked.status == .ok)
            #expect(asked.body.contains("Stadskern (WK030701) weghalen?"))
            #expect(try await server.store.accounts.teams().first { $0.id == team.id }?.coverage.count == 2)
            let removed = try await admin.post(
                "/beheer/teams/\(team.id)/werkgebied/weghalen", form: [("code", "WK030701"), ("confirm", "1")])
            #expect(removed.status == .seeOther)
            #expect(try await server.store.accounts.teams().first { $0.id == team.id }?.coverage.count == 1)
        }
    }

    @Test("invalid accounts are refused with every problem named; a taken username is a conflict")
    func invalidUser() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let admin = server.browser()
            try await admin.login("admin")
            try await admin.get("/beheer")
            let invalid = try await admin.post(
                "/beheer/accounts",
                form: [("username", "A B"), ("displayName", ""), ("role", "king"), ("password", "kort")])
            #expect(invalid.status == .unprocessableEntity)
            #expect(invalid.body.contains("moet minstens 10 tekens hebben"))
            #expect(invalid.body.contains("2 tot 40 tekens"))
            let taken = try await admin.post(
                "/beheer/accounts",
                form: [
                    ("username", "concierge"), ("displayName", "Dubbel"), ("role", "concierge"),
                    ("password", "een-lang-wachtwoord"),
                ])
            #expect(taken.status == .conflict)
            // The form again, the problem at the field, what was typed kept.
            #expect(taken.body.contains("is al in gebruik; kies een andere gebruikersnaam"))
            #expect(taken.body.contains("value=\"Dubbel\""))
            #expect(taken.body.contains("aria-invalid=\"true\""))
        }
    }

    @Test("deactivating a user ends their session; a new password ends it too")
    func deactivate() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let volunteer = server.browser()
            try await volunteer.login("volunteer")
            #expect(try await volunteer.get("/").status == .ok)
            let admin = server.browser()
            try await admin.login("admin")
            let id = world.users["volunteer"]!.id
            try await admin.get("/beheer/accounts/\(id)")
            let saved = try await admin.post(
                "/beheer/accounts/\(id)",
                form: [("displayName", "Volunteer"), ("role", "volunteer"), ("organisationID", "")])
            #expect(saved.status == .seeOther)
            #expect(try await volunteer.get("/").location == "/inloggen")
            #expect(try await server.browser().login("volunteer").status == .unauthorized)
        }
    }

    @Test("an administrator cannot take away their own administrator role")
    func selfLockout() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let admin = server.browser()
            try await admin.login("admin")
            let id = world.users["admin"]!.id
            try await admin.get("/beheer/accounts/\(id)")
            let response = try await admin.post(
                "/beheer/accounts/\(id)", form: [("displayName", "Admin"), ("role", "policy"), ("active", "1")])
            #expect(response.status == .unprocessableEntity)
            #expect(try await server.store.accounts.user(id)?.role == .admin)
        }
    }

    @Test("administration is for the admin role only", arguments: ["coordinator", "socialworker", "policy"])
    func adminOnly(username: String) async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login(username)
            #expect(try await browser.get("/beheer").status == .forbidden)
            #expect(
                try await browser.post("/beheer/organisaties", form: [("name", "X"), ("kind", "other")]).status
                    == .forbidden)
        }
    }

    @Test("the access log of a resident is shown per period to the administrator and the covering coordinator")
    func auditView() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!.id
            let worker = server.browser()
            try await worker.login("socialworker")
            try await worker.get("/bewoners/\(annie)")
            let admin = server.browser()
            try await admin.login("admin")
            let log = try await admin.get("/beheer/toegangslog?resident=\(annie)")
            #expect(log.status == .ok)
            // In words and names, not codes and ids.
            #expect(log.body.contains("dossier gelezen"))
            #expect(!log.body.contains("resident.read"))
            #expect(log.body.contains("socialworker"))
            #expect(log.body.contains("Annie de Vries"))
            // Found by name or postcode, without knowing the id; several matches offer a choice.
            // (By POST, so the name never appears in an address; one found is shown under its id.)
            let byName = try await admin.post("/beheer/toegangslog", form: [("resident", "de vries")])
            #expect(byName.location == "/beheer/toegangslog?resident=\(annie)")
            let byPostcode = try await admin.post(
                "/beheer/toegangslog", form: [("resident", "3822 AB"), ("from", "2020-01-01")])
            #expect(byPostcode.location == "/beheer/toegangslog?resident=\(annie)&from=2020-01-01")
            let several = try await admin.post("/beheer/toegangslog", form: [("resident", "e")])
            #expect(several.body.contains("bewoners gevonden; kies wie je bedoelt"))
            #expect(several.body.contains("/beheer/toegangslog?resident=\(annie)"))
            let nobody = try await admin.post("/beheer/toegangslog", form: [("resident", "niemand")])
            #expect(nobody.status == .unprocessableEntity)
            #expect(nobody.body.contains("vindt geen bewoner"))
            #expect(try await admin.get("/beheer/toegangslog?resident=de+vries").status == .unprocessableEntity)
            let future = try await admin.get("/beheer/toegangslog?resident=\(annie)&from=2099-01-01")
            #expect(future.body.contains("Geen regels in het toegangslog"))
            #expect(
                try await admin.get("/beheer/toegangslog?resident=\(annie)&from=gisteren").status
                    == .unprocessableEntity)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            #expect(
                try await coordinator.get("/bewoners/\(annie)").body.contains("/beheer/toegangslog?resident=\(annie)"))
            #expect(try await coordinator.get("/beheer/toegangslog?resident=\(annie)").status == .ok)
            let other = server.browser()
            try await other.login("socialworker2")
            #expect(try await other.get("/beheer/toegangslog?resident=\(annie)").status == .forbidden)
        }
    }
}

@Suite("Addresses on the web")
struct AddressWebTests {
    func upload(_ browser: Browser, csv: String) async throws -> TestResponse {
        let boundary = "----schakel\(UUID().uuidString)"
        var body = "--\(boundary)\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n\(browser.csrf ?? "")\r\n"
        body +=
            "--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"adressen.csv\"\r\nContent-Type: text/csv\r\n\r\n\(csv)\r\n--\(boundary)--\r\n"
        return try await browser.send(
            .POST, "/adressen/importeren", headers: ["Content-Type": "multipart/form-data; boundary=\(boundary)"],
            body: body)
    }

    @Test("a CSV with a bad row is rejected whole, with the line and reason; a good one is imported")
    func importCSV() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("coordinator")
            try await browser.get("/adressen/importeren")
            let bad = try await upload(
                browser,
                csv:
                    "postcode;huisnummer;straat;plaats\n3822AE;1;Het Gein;Amersfoort\n3822SS;2;Het Gein;Amersfoort\n3822AE;1;Het Gein;Amersfoort\n"
            )
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("Regel 3: Postcode bestaat niet"))
            #expect(bad.body.contains("Regel 4: Adres staat al op regel 2"))
            #expect(try await server.store.addresses.list(page: try Paging(), context: .commandLine).total == 3)
            let good = try await upload(
                browser,
                csv:
                    "postcode,huisnummer,straat,plaats,buurtcode\n3822AE,1,Het Gein,Amersfoort,BU03070905\n3822AE,3,Het Gein,Amersfoort,BU03070905\n"
            )
            #expect(good.status == .ok)
            #expect(good.body.contains("Klaar: 2 adressen toegevoegd, 0 bijgewerkt."))
            #expect(try await server.store.addresses.list(page: try Paging(), context: .commandLine).total == 5)
        }
    }

    @Test("an address is added and changed through the forms, with Dutch errors for bad input")
    func forms() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/adressen/nieuw")
            let bad = try await browser.post(
                "/adressen",
                form: [
                    ("postcode", "3822 SD"), ("houseNumber", "abc"), ("street", "Het Gein"), ("place", "Amersfoort"),
                    ("latitude", "52.1"),
                ])
            #expect(bad.status == .unprocessableEntity)
            #expect(bad.body.contains("moet een getal zijn"))
            #expect(bad.body.contains("vul zowel breedte- als lengtegraad in"))
            let good = try await browser.post(
                "/adressen",
                form: [("postcode", "3822 AD"), ("houseNumber", "9"), ("street", "Het Gein"), ("place", "Amersfoort")])
            #expect(good.status == .seeOther)
            let list = try await browser.get("/adressen?postcode=3822AD")
            #expect(list.body.contains("Het Gein 9, 3822 AD Amersfoort"))
            #expect(try await browser.get("/adressen?postcode=0000").status == .unprocessableEntity)
        }
    }

    @Test("concierges and the policy role do not manage addresses", arguments: ["concierge", "policy"])
    func forbidden(username: String) async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let browser = server.browser()
            try await browser.login(username)
            #expect(try await browser.get("/adressen").status == .forbidden)
        }
    }
}
