import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@Suite("Signals of concern on the web")
struct SignalWebTests {
    @Test("a concierge raises, a social worker triages and closes, the concierge sees a neutral outcome")
    func raiseTriageClose() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!
            let concierge = server.browser()
            try await concierge.login("concierge")
            _ = try await concierge.get("/signalen/nieuw?resident=\(annie.id)")
            let missing = try await concierge.post(
                "/signalen", form: [("residentID", annie.id.description), ("urgency", "normal"), ("observation", "")])
            #expect(missing.status == .unprocessableEntity)
            #expect(missing.body.contains("kies minstens één leefgebied"))
            let sent = try await concierge.post(
                "/signalen",
                form: [
                    ("residentID", annie.id.description), ("urgency", "high"), ("quick[]", "Post stapelt zich op"),
                    ("observation", "Brieven van de deurwaarder op de mat"),
                ])
            #expect(sent.status == .seeOther)
            #expect(try await server.count("signals") == 1)

            let worker = server.browser()
            try await worker.login("socialworker")
            let inbox = try await worker.get("/signalen")
            #expect(inbox.body.contains("Annie de Vries"))
            let path = String(try #require(inbox.body.firstMatch(of: /href="(\/signalen\/[0-9a-f-]{36})"/)?.1))
            let page = try await worker.get(path)
            #expect(page.body.contains("Post stapelt zich op. Brieven van de deurwaarder op de mat"))
            #expect(page.body.contains("Financiën"))
            // Closing a new signal skips triage: refused, naming both states.
            let illegal = try await worker.post(
                path + "/stap", form: [("event", "close"), ("outcome", "referred")])
            #expect(illegal.status == .conflict)
            #expect(illegal.body.contains("Van ‘nieuw’ naar ‘gesloten’ kan niet."))
            #expect(illegal.body.contains("Het signaal is nu ‘nieuw’"))
            #expect(illegal.body.contains("name=\"event\""))
            // An outcome chosen with another step is not silently dropped.
            let early = try await worker.post(
                path + "/stap", form: [("event", "triage"), ("outcome", "referred"), ("reason", "Bekeken")])
            #expect(early.status == .unprocessableEntity)
            #expect(early.body.contains("hoort alleen bij afsluiten"))
            #expect(early.body.contains("Bekeken"))
            #expect(try await worker.post(path + "/stap", form: [("event", "triage")]).status == .seeOther)
            #expect(
                try await worker.post(path + "/stap", form: [("event", "close"), ("outcome", "referred")]).status
                    == .seeOther)

            let mine = try await concierge.get("/signalen/gemeld")
            #expect(mine.body.contains("Afgerond · er is hulp in gang gezet"))
            #expect(!mine.body.contains("deurwaarder"))
            let status = try await concierge.get(path)
            #expect(status.status == .ok)
            #expect(!status.body.contains("deurwaarder"))
            let history = try await worker.get(path)
            #expect(history.body.contains("beoordeeld (nieuw → beoordeeld)"))
        }
    }

    @Test(
        "a volunteer raises a meldcode signal but cannot read it; the professional cannot close it without a decision")
    func meldcode() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let annie = world.residents["annie"]!
            let volunteer = server.browser()
            try await volunteer.login("volunteer")
            _ = try await volunteer.get("/signalen/nieuw?resident=\(annie.id)")
            #expect(
                try await volunteer.post(
                    "/signalen",
                    form: [
                        ("residentID", annie.id.description), ("urgency", "acute"),
                        ("domains[]", "huiselijke_relaties"),
                        ("observation", "Geschreeuw en een huilend kind"), ("meldcode", "on"),
                    ]
                ).status == .seeOther)
            let sent = try await volunteer.get("/signalen/verstuurd?urgency=acute")
            #expect(sent.body.contains("0800-2000"))
            #expect(!(try await volunteer.get("/signalen/gemeld")).body.contains("Annie"))
            let worker = server.browser()
            try await worker.login("socialworker")
            let inbox = try await worker.get("/signalen")
            let path = String(try #require(inbox.body.firstMatch(of: /href="(\/signalen\/[0-9a-f-]{36})"/)?.1))
            #expect(try await volunteer.get(path).status == .notFound)
            #expect(try await worker.post(path + "/stap", form: [("event", "triage")]).status == .seeOther)
            // Closing is not offered before the decision of step 5, and refused with the form kept if sent anyway.
            #expect(!(try await worker.get(path)).body.contains("<option value=\"close\""))
            let early = try await worker.post(path + "/stap", form: [("event", "close")])
            #expect(early.status == .conflict)
            #expect(early.body.contains("name=\"event\""))
            // A concierge does not see a meldcode signal, so cannot be asked to look again.
            let task = try await worker.post(
                path + "/taken",
                form: [
                    ("taskFor", world.users["concierge"]!.id.description), ("date", server.today.description),
                    ("instruction", "Kijk even"),
                ])
            #expect(task.status == .unprocessableEntity)
            #expect(task.body.contains("een meldcodesignaal gaat naar een professional"))
            #expect(task.body.contains("Kijk even"))
            // Bad input keeps what was typed.
            _ = try await worker.post(path + "/meldcode", form: [("step", "1"), ("reasoning", "Gehoord")])
            let noConsultee = try await worker.post(
                path + "/meldcode", form: [("step", "2"), ("reasoning", "Advies bij een collega")])
            #expect(noConsultee.status == .unprocessableEntity)
            #expect(noConsultee.body.contains(">Advies bij een collega</textarea>"))
            for (step, extra) in [
                (2, [("reasoning", "Advies gevraagd"), ("consultedWith", "veilig_thuis")]),
                (3, [("reasoning", "Gesprek gevoerd")]), (4, [("reasoning", "Ernstig")]),
                (5, [("reasoning", "Onveilig"), ("answer1", "yes"), ("answer2", "yes")]),
            ] as [(Int, [(String, String)])] {
                let response = try await worker.post(path + "/meldcode", form: [("step", "\(step)")] + extra)
                #expect(response.status == .seeOther, "step \(step)")
            }
            #expect(try await worker.post(path + "/stap", form: [("event", "close")]).status == .seeOther)
            let closed = try await worker.get(path)
            #expect(closed.body.contains("gemeld bij Veilig Thuis"))
        }
    }

    @Test("a meldcode signal is on the timeline only for professionals who handle the meldcode")
    func meldcodeTimeline() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let kemal = world.residents["kemal"]!
            _ = try await server.store.signals(try await world.context("volunteer", on: server)).raise(
                SignalInput(
                    residentID: kemal.id.description, addressID: nil, domains: ["huiselijke_relaties"],
                    urgency: "high", observation: "Geschreeuw", meldcode: true))
            _ = try await server.store.signals(try await world.context("volunteer", on: server)).raise(
                SignalInput(
                    residentID: kemal.id.description, addressID: nil, domains: ["financien"], urgency: "normal",
                    observation: "Post stapelt zich op"))
            // A social worker of an organisation not bound by the meldcode, in the same team.
            let centre = try await server.store.accounts.createOrganisation(
                name: "Vrijwilligerscentrale", kind: .volunteerCentre, context: .commandLine)
            let unbound = try User(
                id: server.store.ids(), username: "unbound", displayName: "Unbound", role: .socialWorker,
                organisationID: centre.id, teamIDs: [world.teams["east"]!.id])
            try await server.store.accounts.createUser(unbound, passwordHash: "x", context: .commandLine)
            func kinds(_ actor: Actor) async throws -> [String] {
                try await server.store.residents(AuditContext(actor: actor, accessPoint: "test"))
                    .timeline(kemal.id, page: try Paging(perPage: 100)).items.map(\.kind)
            }
            let handler = try await kinds(try await server.store.accounts.actor(for: world.users["socialworker"]!))
            #expect(handler.contains("meldcode.signal.raised"))
            #expect(handler.contains("signal.raised"))
            let other = try await kinds(try await server.store.accounts.actor(for: unbound))
            #expect(!other.contains { $0.hasPrefix("meldcode.") })
            #expect(other.contains("signal.raised"))
        }
    }

    @Test("an overdue signal is escalated once and shows in the coordinator's overdue list")
    func escalation() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let signal = try await server.store.signals(try await world.context("concierge", on: server)).raise(
                SignalInput(
                    residentID: world.residents["kemal"]!.id.description, addressID: nil, domains: ["sociaal_netwerk"],
                    urgency: "normal", observation: "Ziet niemand"))
            let job = server.store.signals(AuditContext(actor: nil, accessPoint: "job"))
            #expect(try await job.escalateOverdue() == 0)
            server.clock.advance(by: 14 * 24 * 3600)
            #expect(try await job.escalateOverdue() == 1)
            #expect(try await job.escalateOverdue() == 0)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let overdue = try await coordinator.get("/signalen?team=\(world.teams["east"]!.id)&overdue=1")
            #expect(overdue.body.contains("Kemal"))
            #expect(overdue.body.contains("Te laat"))
            #expect(
                try await coordinator.get("/signalen/\(signal.id)").body.contains("te laat, gemeld bij de coördinator"))
        }
    }
}
