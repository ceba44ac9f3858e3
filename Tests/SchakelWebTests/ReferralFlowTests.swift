import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@testable import SchakelWeb

/// Referrals through the store and the API, on the database the suite runs on: the consent gate, withdrawing
/// a consent, what a partner sees and may not see, two answers at once, deadlines over the holidays, the
/// escalation job run by several workers at once, and the responsiveness figures of a service.
@Suite("Referrals: consent, the partner's view, deadlines and escalation")
struct ReferralFlowTests {
    /// A live referral of Annie to the GGZ organisation, made by the eastern social worker.
    static func input(
        _ world: World, question: String = "Hulp bij somberheid", recordConsent: String? = nil,
        overrideGround: String? = nil, overrideReason: String? = nil, to organisation: String = "ggz"
    ) -> ReferralInput {
        ReferralInput(
            residentID: world.residents["annie"]!.id.description,
            organisationID: world.organisations[organisation]!.id.description, question: question,
            domains: ["geestelijke_gezondheid"], contactMethod: "phone", recordConsent: recordConsent,
            overrideGround: overrideGround, overrideReason: overrideReason)
    }

    static func events(_ server: TestServer, _ action: AuditAction) async throws -> [AuditEntry] {
        try await server.store.audit.entries(resident: nil, from: nil, to: nil, page: Paging(perPage: 100)).items
            .filter { $0.event == action.rawValue }
    }

    @Test("no consent: refused with what is missing and nothing written; an override needs ground and reason")
    func consentGate() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let worker = try await world.context("socialworker", on: server)
            let referrals = server.store.referrals(worker)
            let annie = world.residents["annie"]!.id
            do {
                _ = try await referrals.create(Self.input(world))
                Issue.record("a referral without consent was sent")
            } catch let error as ValidationError {
                #expect(error.problems.map(\.key) == ["referral.consentMissing:GGZ Test"])
            }
            #expect(try await referrals.ofResident(annie).isEmpty)
            // Through the API: a problem in Dutch that names the organisation and what is missing.
            var api = APIClient(server)
            try await api.login("socialworker")
            let body =
                #"{"residentId":"\#(annie)","organisationId":"\#(world.organisations["ggz"]!.id)","question":"Somber","domains":["geestelijke_gezondheid"],"contactMethod":"phone"}"#
            let refused = try await api.send(.POST, "/api/v1/referrals", json: body)
            #expect(refused.status == .unprocessableEntity)
            #expect(refused.headers.first(name: .contentType)?.hasPrefix("application/problem+json") == true)
            #expect(refused.body.contains("geen toestemming"))
            #expect(refused.body.contains("GGZ Test"))
            // A ground without a reason, or a reason without a ground, is refused too.
            await #expect(throws: ValidationError.self) {
                _ = try await referrals.create(Self.input(world, overrideGround: "acute_danger"))
            }
            await #expect(throws: ValidationError.self) {
                _ = try await referrals.create(Self.input(world, overrideReason: "Zij is in gevaar"))
            }
            #expect(try await referrals.ofResident(annie).isEmpty)
            #expect(try await Self.events(server, .referralOverride).isEmpty)
            // With both it goes, marked, audited, and the partner and the coordinator see the mark.
            let sent = try await referrals.create(
                Self.input(world, overrideGround: "acute_danger", overrideReason: "Dreigt haar huis te verliezen"))
            #expect(sent.state == .sent)
            #expect(sent.override?.ground == .acuteDanger)
            let audited = try await Self.events(server, .referralOverride)
            #expect(audited.count == 1)
            #expect(audited.first?.objects.contains("ground:acute_danger") == true)
            #expect(audited.first?.residentID == annie)
            for username in ["partner", "coordinator"] {
                let detail = try await server.store.referrals(try await world.context(username, on: server))
                    .detail(sent.id)
                #expect(detail.referral.override?.reason == "Dreigt haar huis te verliezen", "\(username)")
            }
            // Consent given now is recorded with the referral, for this organisation and for referral.
            let withConsent = try await referrals.create(Self.input(world, recordConsent: "paper"))
            let consent = try #require(withConsent.consentID)
            let file = try await server.store.residents(worker).file(annie)
            let recorded = try #require(file.consents.first { $0.id == consent })
            #expect(recorded.purpose == .referral)
            #expect(recorded.recording == .paper)
            #expect(recorded.organisationIDs == [world.organisations["ggz"]!.id])
        }
    }

    @Test("withdrawing the consent stops the referrals not yet accepted under it, and the partner sees why")
    func withdrawal() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let worker = try await world.context("socialworker", on: server)
            let partner = try await world.context("partner", on: server)
            let annie = world.residents["annie"]!.id
            let consent = try await server.store.residents(worker).addConsent(
                to: annie,
                ConsentInput(
                    purpose: "referral", recording: "verbal", organisationIDs: [world.organisations["ggz"]!.id]))
            let referrals = server.store.referrals(worker)
            let pending = try await referrals.create(Self.input(world, question: "Somber"))
            let accepted = try await referrals.create(Self.input(world, question: "Slaapt slecht"))
            #expect(pending.consentID == consent.id)
            _ = try await server.store.referrals(partner).detail(accepted.id)
            _ = try await server.store.referrals(partner).apply(.accept, to: accepted.id)
            let opened = try await server.store.referrals(partner).detail(pending.id)
            #expect(opened.referral.state == .received)
            #expect(opened.contact != nil)

            _ = try await server.store.residents(worker).withdrawConsent(consent.id, of: annie)
            let stopped = try await server.store.referrals(partner).detail(pending.id)
            #expect(stopped.referral.state == .withdrawn)
            #expect(stopped.history.contains { $0.kind == "consent_withdrawn" && $0.toState == .withdrawn })
            #expect(stopped.contact == nil, "the partner's access to the contact details ends with the referral")
            #expect(stopped.nextEvents.isEmpty)
            #expect(try await server.store.referrals(partner).detail(accepted.id).referral.state == .accepted)
            // Withdrawing twice is told, not done twice.
            await #expect(throws: (any Error).self) {
                _ = try await server.store.residents(worker).withdrawConsent(consent.id, of: annie)
            }
            let steps = try await referrals.detail(pending.id).history.filter { $0.kind == "consent_withdrawn" }
            #expect(steps.count == 1)
        }
    }

    @Test("a partner sees the referral, not the file, the signal or another organisation's referral: 403, logged")
    func partnerView() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let worker = try await world.context("socialworker", on: server)
            let annie = world.residents["annie"]!.id
            var concierge = APIClient(server)
            try await concierge.login("concierge")
            let raised = try await concierge.send(
                .POST, "/api/v1/signals",
                json: #"{"residentId":"\#(annie)","domains":["financien"],"urgency":"normal","observation":"Post"}"#)
            let signal = try #require(APIClient.json(raised)["id"] as? String)
            var input = Self.input(world, recordConsent: "verbal")
            input.signalID = signal
            _ = try await server.store.signals(worker).apply(
                SignalEvent.triage, to: try Signal.ID(parsing: signal), reason: nil)
            let ours = try await server.store.referrals(worker).create(input)
            let theirs = try await server.store.referrals(worker).create(
                Self.input(world, question: "Schulden", recordConsent: "verbal", to: "municipality"))

            var partner = APIClient(server)
            try await partner.login("partner")
            let seen = try await partner.send(.GET, "/api/v1/referrals/\(ours.id)")
            #expect(seen.status == .ok)
            #expect(APIClient.json(seen)["question"] as? String == "Hulp bij somberheid")
            let inbox = APIClient.json(try await partner.send(.GET, "/api/v1/referrals"))
            let listed = (inbox["items"] as? [[String: Any]] ?? []).compactMap { $0["id"] as? String }
            #expect(listed == [ours.id.description])
            // The page of the referral, as the partner's browser gets it: the contact details, not the birth date.
            let browser = server.browser()
            _ = try await browser.login("partner")
            let page = try await browser.get("/verwijzingen/\(ours.id)")
            #expect(page.status == .ok)
            #expect(page.body.contains("0612345678"))
            #expect(!page.body.contains("3-5-1941") && !page.body.contains("1941-05-03"))
            #expect(!page.body.contains("slechthorend"), "door notes were not chosen to travel")
            for path in [
                "/api/v1/residents/\(annie)", "/api/v1/signals/\(signal)", "/api/v1/referrals/\(theirs.id)",
                "/api/v1/residents/\(annie)/referrals", "/api/v1/referrals/\(theirs.id)/fhir",
            ] {
                let before = try await Self.events(server, .accessDenied).count
                let response = try await partner.send(.GET, path)
                // A signal someone may not see is not shown to exist (404, as for everyone; a meldcode signal
                // must not be betrayed by a 403), and the refusal is logged all the same.
                #expect(response.status == (path.contains("/signals/") ? .notFound : .forbidden), "\(path)")
                #expect(!response.body.contains("Annie"), "\(path)")
                let after = try await Self.events(server, .accessDenied)
                #expect(after.count == before + 1, "\(path)")
                #expect(after.last?.username == "partner")
            }
            // A step on another organisation's referral is refused and changes nothing.
            let step = try await partner.send(
                .POST, "/api/v1/referrals/\(theirs.id)/events", json: #"{"event":"accept"}"#)
            #expect(step.status == .forbidden)
            #expect(try await server.store.referrals(worker).detail(theirs.id).referral.state == .sent)
            // The FHIR bundle carries the Task with the mapped status and only the referral's fields.
            let fhir = try await partner.send(.GET, "/api/v1/referrals/\(ours.id)/fhir")
            #expect(fhir.status == .ok)
            let bundle = APIClient.json(fhir)
            #expect(bundle["resourceType"] as? String == "Bundle")
            let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap {
                $0["resource"] as? [String: Any]
            }
            #expect(
                Set(resources.compactMap { $0["resourceType"] as? String }) == ["ServiceRequest", "Task", "Patient"])
            #expect(resources.first { $0["resourceType"] as? String == "Task" }?["status"] as? String == "received")
            #expect(!fhir.body.contains("Post"), "the signal's observation was not chosen to travel")
        }
    }

    @Test("two answers at once, 10 times: one is taken, the other is told (409), the history has one answer")
    func answerRace() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let worker = try await world.context("socialworker", on: server)
            var first = APIClient(server)
            try await first.login("partner")
            var second = APIClient(server)
            try await second.login("partner")
            let (a, b) = (first, second)
            for round in 0..<10 {
                let referral = try await server.store.referrals(worker).create(
                    Self.input(world, question: "Vraag \(round)", recordConsent: "verbal"))
                let path = "/api/v1/referrals/\(referral.id)/events"
                async let accepted = a.send(.POST, path, json: #"{"event":"accept"}"#)
                async let declined = b.send(.POST, path, json: #"{"event":"decline","reason":"no_capacity"}"#)
                let statuses = try await [accepted.status, declined.status]
                #expect(statuses.filter { $0 == .ok }.count == 1, "\(statuses)")
                #expect(statuses.filter { $0 == .conflict }.count == 1, "\(statuses)")
                let detail = try await server.store.referrals(worker).detail(referral.id)
                let answers = detail.history.filter { ["accept", "decline"].contains($0.kind) }
                #expect(answers.count == 1)
                #expect(detail.referral.state == (statuses[0] == .ok ? .accepted : .declined))
            }
            // A conflict names both states, as for signals.
            let referral = try await server.store.referrals(worker).create(
                Self.input(world, question: "Nog een", recordConsent: "verbal"))
            let path = "/api/v1/referrals/\(referral.id)/events"
            #expect(try await a.send(.POST, path, json: #"{"event":"decline","reason":"other"}"#).status == .ok)
            let late = try await b.send(.POST, path, json: #"{"event":"accept"}"#)
            #expect(late.status == .conflict)
            #expect(late.body.contains("afgewezen"), "\(late.body)")
            // The same from a page left open in another tab: the referral again, saying where it is now.
            let browser = server.browser()
            _ = try await browser.login("partner")
            _ = try await browser.get("/verwijzingen/\(referral.id)")
            let stale = try await browser.post(
                "/verwijzingen/\(referral.id)/stap", form: [("event", "accept")])
            #expect(stale.status == .conflict)
            #expect(stale.body.contains("Van ‘afgewezen’ naar ‘geaccepteerd’ kan niet."), "\(stale.body)")
            #expect(stale.body.contains("De verwijzing is nu ‘afgewezen’"))
        }
    }

    @Test("deadlines count working days over Christmas; escalation waits for the day after the deadline")
    func deadlines() async throws {
        // Friday 18 December 2026, 10:00 in Amersfoort.
        let clock = TestClock(Date(timeIntervalSince1970: 1_797_584_400))
        try await withSchakel(clock: clock) { server in
            let world = try await World.build(on: server)
            let worker = try await world.context("socialworker", on: server)
            let partner = try await world.context("partner", on: server)
            let referrals = server.store.referrals(worker)
            let referral = try await referrals.create(Self.input(world, recordConsent: "verbal"))
            #expect(LocalDate(referral.sentAt!) == (try LocalDate("2026-12-18")))
            // 21, 22, 23, 24 and (after Christmas and a Sunday) 28 December.
            #expect(referral.answerDue == (try LocalDate("2026-12-28")))
            let answered = try await referrals.create(Self.input(world, question: "Eenzaam", recordConsent: "verbal"))
            clock.advance(by: 3 * 86_400)  // Monday 21 December
            let accepted = try await server.store.referrals(partner).apply(.accept, to: answered.id)
            // 22, 23, 24, 28, 29, 30, 31 December (New Year's Day, a weekend), 4, 5, 6 January.
            #expect(accepted.contactDue == (try LocalDate("2027-01-06")))
            clock.advance(by: 7 * 86_400)  // Monday 28 December: the last day to answer
            #expect(try await referrals.escalateOverdue() == (0, 0))
            #expect(try await referrals.detail(referral.id).referral.overdue(today: LocalDate(clock.date)) == false)
            clock.advance(by: 86_400)  // Tuesday 29 December
            #expect(try await referrals.escalateOverdue() == (1, 0))
            #expect(try await referrals.escalateOverdue() == (0, 0))
            clock.advance(by: 9 * 86_400)  // Thursday 7 January
            #expect(try await referrals.escalateOverdue() == (0, 1))
            let sent = try await referrals.list(ReferralFilter(scope: .sent), page: try Paging())
            #expect(sent.items.filter(\.overdue).count == 2)
            #expect(sent.items.allSatisfy { $0.escalated })
        }
    }

    @Test("the escalation job run by four workers at once escalates each overdue referral exactly once")
    func escalationOnce() async throws {
        let clock = TestClock()
        try await withSchakel(clock: clock) { server in
            let world = try await World.build(on: server)
            let worker = try await world.context("socialworker", on: server)
            var ids: [Referral.ID] = []
            for n in 0..<12 {
                ids.append(
                    try await server.store.referrals(worker).create(
                        Self.input(world, question: "Vraag \(n)", recordConsent: "verbal")
                    ).id)
            }
            clock.advance(by: 14 * 86_400)
            let store = server.store
            let totals = try await withThrowingTaskGroup(of: Int.self) { group in
                for _ in 0..<4 {
                    group.addTask { try await store.referrals(.commandLine).escalateOverdue().escalated }
                }
                return try await group.reduce(0, +)
            }
            #expect(totals == ids.count)
            for id in ids {
                let history = try await server.store.referrals(worker).detail(id).history
                #expect(history.filter { $0.kind == "escalate" }.count == 1)
            }
            #expect(try await Self.events(server, .referralEscalate).count == ids.count)
            #expect(try await server.store.referrals(.commandLine).escalateOverdue() == (0, 0))
        }
    }

    @Test("responsiveness from known referrals: nothing shown under five, then the medians and the share")
    func responsiveness() async throws {
        // Monday 5 October 2026, 10:00.
        let clock = TestClock(Date(timeIntervalSince1970: 1_791_187_200))
        try await withSchakel(clock: clock) { server in
            let world = try await World.build(on: server)
            _ = try await server.store.socialMap.importServices(
                try DemoData.mapServices(today: LocalDate(clock.date)).map { $0.document() }, context: .commandLine)
            let organizations = try await server.store.socialMap.organizationNames()
            let ggzMap = try #require(organizations.first { $0.name == DemoData.mapOrganizations["ggz"]?.name })
            try await server.store.socialMap.setAnsweringOrganisation(
                of: ggzMap.id, to: world.organisations["ggz"]!.id, context: .commandLine)
            let hits = try await server.store.socialMap.search(MapQuery(sort: .name), page: try Paging(perPage: 100))
            let service = try #require(
                hits.items.first { $0.service.organizationName == ggzMap.name && $0.acceptsReferrals }
            ).service
            let worker = try await world.context("socialworker", on: server)
            let partner = try await world.context("partner", on: server)
            func refer(_ n: Int) async throws -> Referral.ID {
                try await server.store.referrals(worker).create(
                    ReferralInput(
                        residentID: world.residents[n % 2 == 0 ? "annie" : "kemal"]!.id.description,
                        serviceID: service.id.description, question: "Vraag \(n)", domains: ["geestelijke_gezondheid"],
                        contactMethod: "phone", recordConsent: "verbal")
                ).id
            }
            var ids: [Referral.ID] = []
            for n in 0..<4 { ids.append(try await refer(n)) }
            let few = try await server.store.referrals(partner).responsiveness(of: [service.id])[service.id]
            #expect(few?.count == 4)
            #expect(few?.isShown == false)
            let browser = server.browser()
            _ = try await browser.login("concierge")
            let servicePage = "/kaart/diensten/\(service.id.description)"
            #expect(try await browser.get(servicePage).body.contains("Nog te weinig verwijzingen"))
            let hsdsPath = "/api/hsds/services/\(service.id.description)"
            func measured() async throws -> [String: [String: Any]] {
                let document = APIClient.json(try await server.browser().get(hsdsPath))
                let attributes = document["attributes"] as? [[String: Any]] ?? []
                var found: [String: [String: Any]] = [:]
                for attribute in attributes where attribute["link_type"] as? String == "referral_responsiveness" {
                    found[(attribute["taxonomy_term"] as? [String: Any])?["code"] as? String ?? ""] = attribute
                }
                return found
            }
            #expect(try await measured().isEmpty)
            ids.append(try await refer(4))
            // Two working days later (Wednesday) three are accepted; on Friday one more and one declined.
            clock.advance(by: 2 * 86_400)
            for id in ids[0..<3] { _ = try await server.store.referrals(partner).apply(.accept, to: id) }
            clock.advance(by: 2 * 86_400)
            _ = try await server.store.referrals(partner).apply(.accept, to: ids[3])
            _ = try await server.store.referrals(partner).apply(.decline(.noCapacity), to: ids[4])
            // First contact on the Monday after for the first two (five working days after sending).
            let monday = try LocalDate("2026-10-12")
            for id in ids[0..<2] {
                _ = try await server.store.referrals(partner).apply(.firstContact(on: monday, how: .phone), to: id)
            }
            let figures = try #require(
                try await server.store.referrals(partner).responsiveness(of: [service.id])[service.id])
            #expect(figures.count == 5)
            #expect(figures.isShown)
            #expect(figures.medianDaysToAnswer == 2)
            #expect(figures.acceptedShare == 0.8)
            #expect(figures.medianDaysToContact == 5)
            // Search can prefer the services that take referrals and answer in time: this one comes first, though
            // by name other services that take referrals come before it.
            let byName = try await server.store.socialMap.search(MapQuery(sort: .name), page: try Paging(perPage: 100))
            #expect(byName.items.first { $0.acceptsReferrals }?.service.id != service.id)
            let responsive = try await server.store.socialMap.search(
                MapQuery(sort: .responsive), page: try Paging(perPage: 100))
            #expect(responsive.items.first?.service.id == service.id)
            #expect(responsive.total == byName.total)
            let accepting = responsive.items.prefix { $0.acceptsReferrals }.count
            #expect(accepting == responsive.items.filter(\.acceptsReferrals).count, "those that take referrals first")
            // The service page shows them, for everyone who sees the map, and so does its HSDS document.
            let page = try await browser.get(servicePage)
            #expect(page.status == .ok)
            #expect(page.body.contains("antwoordt meestal binnen 2 werkdagen"))
            #expect(page.body.contains("80 % geaccepteerd"))
            #expect(!page.body.contains("Nog te weinig verwijzingen"))
            let attributes = try await measured()
            #expect(attributes["referral_count"]?["value"] as? String == "5")
            #expect(attributes["referral_median_answer_days"]?["value"] as? String == "2")
            #expect(attributes["referral_accepted_share"]?["value"] as? String == "0.80")
            #expect(attributes["referral_median_contact_days"]?["value"] as? String == "5")
            #expect(attributes.values.allSatisfy { $0["link_id"] as? String == service.id.description })
            // Name-based ids (UUID version 5 of the term's name in the URL namespace), the same on every server.
            let term = attributes["referral_count"]?["taxonomy_term"] as? [String: Any]
            #expect(term?["id"] as? String == "fffa89b8-c213-5943-bb17-46509d50fa16")
        }
    }

    @Test(
        "bad input: unknown, defunct or closed service, a resident out of view, a future first contact, a decline without reason"
    )
    func badInput() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            _ = try await server.store.socialMap.importServices(
                try DemoData.mapServices(today: server.today).map { $0.document() }, context: .commandLine)
            let organizations = try await server.store.socialMap.organizationNames()
            for organization in organizations {
                try await server.store.socialMap.setAnsweringOrganisation(
                    of: organization.id, to: world.organisations["ggz"]!.id, context: .commandLine)
            }
            let hits = try await server.store.socialMap.search(MapQuery(sort: .name), page: try Paging(perPage: 100))
            let accepting = hits.items.filter(\.acceptsReferrals)
            #expect(accepting.count >= 3)
            // One service stops, another stops taking referrals.
            var stopped = accepting[0].service.document
            stopped["status"] = .string("defunct")
            _ = try await server.store.socialMap.save(stopped, upkeep: accepting[0].upkeep, context: .commandLine)
            var closed = accepting[1].upkeep
            closed.acceptsReferrals = false
            _ = try await server.store.socialMap.save(
                accepting[1].service.document, upkeep: closed, context: .commandLine)
            let annie = world.residents["annie"]!.id
            var api = APIClient(server)
            try await api.login("socialworker")
            func refer(_ service: String, as client: APIClient? = nil) async throws -> TestResponse {
                try await (client ?? api).send(
                    .POST, "/api/v1/referrals",
                    json:
                        #"{"residentId":"\#(annie)","serviceId":"\#(service)","question":"Somber","domains":["geestelijke_gezondheid"],"contactMethod":"phone","recordConsent":"verbal"}"#
                )
            }
            for (service, message) in [
                (UUID().uuidString.lowercased(), "dienst"),
                (accepting[0].service.id.description, "bestaat niet meer"),
                (accepting[1].service.id.description, "verwijzingen"),
            ] {
                let refused = try await refer(service)
                #expect(refused.status == .unprocessableEntity, "\(service)")
                #expect(refused.body.contains("serviceId"), "\(refused.body)")
                #expect(refused.body.contains(message), "\(refused.body)")
            }
            // A social worker of the other team does not see Annie: 403, logged, and nothing written.
            var other = APIClient(server)
            try await other.login("socialworker2")
            let before = try await Self.events(server, .accessDenied).count
            #expect(try await refer(accepting[2].service.id.description, as: other).status == .forbidden)
            #expect(try await Self.events(server, .accessDenied).count == before + 1)
            let worker = try await world.context("socialworker", on: server)
            #expect(try await server.store.referrals(worker).ofResident(annie).isEmpty)
            #expect(try await server.store.residents(worker).file(annie).consents.isEmpty, "no consent half-written")

            let sent = try await refer(accepting[2].service.id.description)
            #expect(sent.status == .created)
            let id = try #require(APIClient.json(sent)["summary"].flatMap { ($0 as? [String: Any])?["id"] as? String })
            var partner = APIClient(server)
            try await partner.login("partner")
            let events = "/api/v1/referrals/\(id)/events"
            let noReason = try await partner.send(.POST, events, json: #"{"event":"decline"}"#)
            #expect(noReason.status == .unprocessableEntity)
            #expect(try await partner.send(.POST, events, json: #"{"event":"accept"}"#).status == .ok)
            let tomorrow = server.today.adding(days: 1)
            let future = try await partner.send(
                .POST, events, json: #"{"event":"first_contact","contactDate":"\#(tomorrow)","contactHow":"phone"}"#)
            #expect(future.status == .unprocessableEntity)
            #expect(future.body.contains("toekomst"))
            let detail = APIClient.json(try await partner.send(.GET, "/api/v1/referrals/\(id)"))
            #expect((detail["summary"] as? [String: Any])?["state"] as? String == "accepted")
        }
    }

    @Test("a transfer hands the resident to another team at once; to another organisation only with consent")
    func transfer() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let coordinator = try await world.context("coordinator", on: server)
            let centreWorker = try await world.context("socialworker2", on: server)
            let kemal = world.residents["kemal"]!.id
            await #expect(throws: DomainError.forbidden(reason: "scope")) {
                _ = try await server.store.residents(centreWorker).file(kemal)
            }
            // Without a reason nothing moves.
            await #expect(throws: ValidationError.self) {
                try await server.store.referrals(coordinator).transfer(
                    kemal, to: world.teams["centre"]!.id, reason: " ", recordConsent: nil, override: nil)
            }
            try await server.store.referrals(coordinator).transfer(
                kemal, to: world.teams["centre"]!.id, reason: "Verhuist naar de binnenstad", recordConsent: nil,
                override: nil)
            #expect(try await server.store.residents(centreWorker).file(kemal).view == .full)
            #expect(try await Self.events(server, .residentTransfer).count == 1)
            // A team of another organisation: the consent gate, as for a referral.
            let ggzTeam = try await server.store.accounts.createTeam(
                name: "GGZ Wijkteam", organisationID: world.organisations["ggz"]!.id, context: .commandLine)
            do {
                try await server.store.referrals(coordinator).transfer(
                    world.residents["annie"]!.id, to: ggzTeam.id, reason: "Zorg gaat over", recordConsent: nil,
                    override: nil)
                Issue.record("transferred to another organisation without consent")
            } catch let error as ValidationError {
                #expect(error.problems.map(\.key) == ["referral.consentMissing:GGZ Wijkteam"])
            }
            #expect(try await Self.events(server, .residentTransfer).count == 1)
            // A non-coordinator may not transfer: refused and logged.
            let worker = try await world.context("socialworker", on: server)
            await #expect(throws: DomainError.forbidden(reason: "scope")) {
                try await server.store.referrals(worker).transfer(
                    world.residents["annie"]!.id, to: world.teams["centre"]!.id, reason: "Zomaar",
                    recordConsent: nil, override: nil)
            }
        }
    }
}
