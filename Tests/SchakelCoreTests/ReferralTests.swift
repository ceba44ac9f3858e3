import Foundation
import Testing

@testable import SchakelCore

@Suite("Referrals: the state machine, the consent gate, deadlines, FHIR and responsiveness")
struct ReferralTests {
    static let every: [ReferralEvent] = [
        .send, .receive, .accept, .decline(.noCapacity), .firstContact(on: try! LocalDate("2026-12-01"), how: .phone),
        .complete(.helped), .close(.unreachable), .withdraw,
    ]

    /// The legal transitions, written out by hand from the issue: draft → sent → received → accepted → in contact
    /// → completed, declined after sent or received, closed after accepted or in contact, withdrawn until completion.
    static let legal: Set<String> = [
        "draft send", "draft withdraw",
        "sent receive", "sent accept", "sent decline", "sent withdraw",
        "received accept", "received decline", "received withdraw",
        "accepted first_contact", "accepted close", "accepted withdraw",
        "in_contact complete", "in_contact close", "in_contact withdraw",
    ]

    static func referral(_ state: ReferralState? = nil, mode: ReferralMode = .live) -> Referral {
        var referral = Referral(
            id: .init(UUID()), residentID: .init(UUID()), serviceID: nil, organisationID: .init(UUID()),
            targetName: "Schuldhulp", signalID: nil, mode: mode, question: "Hulp bij de post", domains: [.finances],
            contactMethod: .phone, shares: [], referrerID: .init(UUID()), teamID: nil, referrerOrganisationID: nil,
            createdAt: Date(timeIntervalSince1970: 1_764_000_000))
        if let state { referral.state = state }
        return referral
    }

    @Test("every legal transition leads to its state; every other one is refused naming both states")
    func transitions() throws {
        var legalSeen = 0
        for state in ReferralState.allCases {
            for event in Self.every {
                let key = "\(state.rawValue) \(event.name)"
                if Self.legal.contains(key) {
                    #expect(try state.apply(event) == event.target, "\(key)")
                    legalSeen += 1
                } else {
                    #expect(throws: DomainError.illegalTransition(from: state.rawValue, to: event.target.rawValue)) {
                        try state.apply(event)
                    }
                }
            }
        }
        #expect(legalSeen == Self.legal.count)
        // A logged referral expects nothing of anyone: no step starts from it.
        #expect(ReferralState.logged.nextEvents.isEmpty)
        #expect(Self.referral(mode: .logged).state == .logged)
        #expect(ReferralState.sent.nextEvents == ["accept", "decline", "withdraw"])
    }

    @Test("a step asked for needs its reason, outcome or first contact; first contact is not in the future")
    func parsing() throws {
        let today = try LocalDate("2026-12-03")
        func parse(
            _ name: String, reason: String? = nil, outcome: String? = nil, date: String? = nil, how: String? = nil
        )
            throws -> ReferralEvent
        {
            try ReferralEvent(
                name: name, reason: reason, outcome: outcome, contactDate: date, contactHow: how, today: today)
        }
        #expect(throws: ValidationError(field: "reason", key: "required")) { try parse("decline") }
        #expect(throws: ValidationError(field: "reason", key: "invalid")) { try parse("decline", reason: "zomaar") }
        #expect(try parse("decline", reason: "no_capacity") == .decline(.noCapacity))
        #expect(throws: ValidationError(field: "outcome", key: "required")) { try parse("complete") }
        #expect(throws: ValidationError(field: "reason", key: "required")) { try parse("close") }
        #expect(throws: ValidationError(field: "contactDate", key: "referral.contactInFuture")) {
            try parse("first_contact", date: "2026-12-04", how: "phone")
        }
        #expect(throws: ValidationError.self) { try parse("first_contact", date: "2026-12-02") }
        #expect(
            try parse("first_contact", date: "2026-12-03", how: "joint_visit")
                == .firstContact(on: today, how: .jointVisit))
        #expect(throws: ValidationError(field: "event", key: "invalid")) { try parse("receive") }
        // The first contact cannot be before the referral was sent.
        var sent = Self.referral(.accepted)
        sent.sentAt = Date(timeIntervalSince1970: 1_764_700_000)
        #expect(throws: ValidationError(field: "contactDate", key: "referral.contactBeforeSent")) {
            try sent.applying(.firstContact(on: try LocalDate("2025-01-02"), how: .phone), at: Date(), terms: .standard)
        }
    }

    @Test("deadlines count working days: weekends and Dutch holidays are skipped")
    func deadlines() throws {
        // Friday 18 December 2026: five working days skip the weekend and Christmas (Friday 25, Saturday 26).
        let friday = try LocalDate("2026-12-18").moment(at: try TimeOfDay("10:00"))
        let sent = try Self.referral().applying(.send, at: friday, terms: .standard)
        #expect(sent.answerDue == (try LocalDate("2026-12-28")))
        #expect(!sent.answerOverdue(today: try LocalDate("2026-12-28")))
        #expect(sent.answerOverdue(today: try LocalDate("2026-12-29")))
        // Accepted on Tuesday 28 April 2026 (Monday 27 April is King's Day): ten working days to first contact,
        // with Ascension Day (14 May) not yet in reach.
        let tuesday = try LocalDate("2026-04-28").moment(at: try TimeOfDay("09:00"))
        let accepted = try sent.applying(.accept, at: tuesday, terms: .standard)
        #expect(accepted.contactDue == (try LocalDate("2026-05-12")))
        #expect(accepted.contactOverdue(today: try LocalDate("2026-05-13")))
        #expect(!accepted.answerOverdue(today: try LocalDate("2026-05-13")))
        // A service's own terms.
        let quick = try ReferralTerms(responseDays: 2, contactDays: 3)
        #expect(
            try Self.referral().applying(.send, at: friday, terms: quick).answerDue == (try LocalDate("2026-12-22")))
        #expect(throws: ValidationError.self) { try ReferralTerms(responseDays: 0, contactDays: 61) }
        #expect(try LocalDate("2026-12-18").workingDays(until: try LocalDate("2026-12-28")) == 5)
    }

    @Test("the consent gate: a live referral to another organisation needs consent for referral covering it")
    func consentGate() throws {
        let ggz = Organisation.ID(UUID())
        let own = Organisation.ID(UUID())
        let resident = Resident.ID(UUID())
        func consent(_ purpose: ConsentPurpose, _ organisations: [Organisation.ID], withdrawn: Bool = false) throws
            -> Consent
        {
            try Consent(
                id: .init(UUID()), residentID: resident, purpose: purpose,
                note: purpose == .other ? "Vrije tekst" : nil,
                organisationIDs: organisations, givenAt: Date(), recordedBy: .init(UUID()),
                withdrawnAt: withdrawn ? Date() : nil)
        }
        func decide(
            _ consents: [Consent], to: Organisation.ID? = nil, mode: ReferralMode = .live,
            record: ConsentRecording? = nil, override: ConsentOverride? = nil
        ) throws -> ConsentBasis {
            try ConsentBasis.decide(
                mode: mode, to: to ?? ggz, from: own, consents: consents, recordNow: record, override: override)
        }
        let missing = ValidationError(field: "consent", key: "referral.consentMissing")
        #expect(throws: missing) { try decide([]) }
        // The wrong purpose, another organisation, a withdrawn consent and old free text do not count.
        #expect(throws: missing) { try decide([try consent(.householdPlan, [ggz])]) }
        #expect(throws: missing) { try decide([try consent(.referral, [.init(UUID())])]) }
        #expect(throws: missing) { try decide([try consent(.referral, [ggz], withdrawn: true)]) }
        #expect(throws: missing) { try decide([try consent(.other, [ggz])]) }
        let given = try consent(.referral, [ggz])
        #expect(try decide([given]) == .consent(given.id))
        #expect(try decide([], to: own) == .notNeeded)
        #expect(try decide([], mode: .logged) == .notNeeded)
        #expect(try decide([], record: .verbal) == .recordNow(.verbal))
        let override = try ConsentOverride(ground: .acuteDanger, reason: "Dreigende huisuitzetting morgen")
        #expect(try decide([], override: override) == .override(override))
        #expect(throws: ValidationError(field: "overrideReason", key: "referral.overrideReasonRequired")) {
            try ConsentOverride(ground: .meldrecht, reason: "  ")
        }
    }

    @Test("the form's input: a target, a question, domains; consent now or a ground, not both; logged shares nothing")
    func input() throws {
        let resident = UUID().uuidString
        #expect(throws: ValidationError.self) {
            try ReferralInput(residentID: resident, question: "", domains: []).validated()
        }
        do {
            _ = try ReferralInput(
                residentID: resident, serviceID: UUID().uuidString, organisationID: UUID().uuidString,
                question: "Vraag",
                domains: ["financien"], contactMethod: "phone", recordConsent: "verbal", overrideGround: "meldrecht",
                overrideReason: "Reden"
            ).validated()
            Issue.record("both a service and an organisation were accepted")
        } catch let error as ValidationError {
            let keys = Set(error.problems.map(\.key))
            #expect(keys.contains("referral.oneTarget"))
            #expect(keys.contains("referral.consentOrOverride"))
        }
        #expect(throws: ValidationError(field: "mode", key: "referral.loggedSharesNothing")) {
            try ReferralInput(
                residentID: resident, organisationID: UUID().uuidString, mode: "logged", question: "Vraag",
                domains: ["financien"], recordConsent: "paper"
            ).validated()
        }
        #expect(throws: ValidationError(field: "shares", key: "referral.observationWithoutSignal")) {
            try ReferralInput(
                residentID: resident, organisationID: UUID().uuidString, question: "Vraag", domains: ["financien"],
                contactMethod: "phone", shares: ["signal_observation"]
            ).validated()
        }
        let valid = try ReferralInput(
            residentID: resident, organisationID: UUID().uuidString, question: "  Wil hulp bij de post  ",
            domains: ["sociaal_netwerk", "financien"], contactMethod: "joint_visit", shares: ["door_notes"]
        ).validated()
        #expect(valid.question == "Wil hulp bij de post")
        #expect(valid.domains == [.finances, .socialNetwork])
        #expect(valid.shares == [.doorNotes])
    }

    @Test(
        "each state maps onto a FHIR Task status; the bundle carries ServiceRequest and Task, contact only when given")
    func fhir() throws {
        let statuses = Dictionary(uniqueKeysWithValues: ReferralState.allCases.map { ($0, $0.fhirTaskStatus) })
        #expect(
            statuses == [
                .draft: "draft", .sent: "requested", .received: "received", .accepted: "accepted",
                .declined: "rejected", .inContact: "in-progress", .completed: "completed", .closed: "failed",
                .withdrawn: "cancelled", .logged: "completed",
            ])
        var referral = Self.referral(.sent)
        referral.sentAt = Date(timeIntervalSince1970: 1_764_700_000)
        let detail = ReferralDetail(
            referral: referral, view: .partner, residentName: "Annie de Vries", contact: nil,
            shared: ReferralSharedFile(), history: [], people: [referral.referrerID: "Sara"],
            organisationName: "GGZ Test", referrerOrganisationName: "Welzijn", nextEvents: [], assignees: [],
            canMessage: true)
        let bundle = ReferralFHIR.bundle(detail, now: Date(), domainNames: { $0.rawValue })
        #expect(bundle["resourceType"] == "Bundle")
        let resources = bundle["entry"]?.items.compactMap { $0["resource"] } ?? []
        #expect(resources.map { $0["resourceType"]?.text } == ["ServiceRequest", "Task", "Patient"])
        let task = resources[1]
        #expect(task["status"] == "requested")
        #expect(task["meta"]?["profile"]?.items.first == .string(ReferralFHIR.taskProfile))
        #expect(task["focus"]?["reference"] == resources[0]["id"].map { .string("urn:uuid:" + ($0.text ?? "")) })
        #expect(resources[2]["telecom"] == nil)
        #expect(resources[0]["note"]?.items.first?["text"] == "Hulp bij de post")
    }

    @Test("responsiveness: medians of working days, share accepted, and nothing shown below five referrals")
    func responsiveness() throws {
        func timing(_ sent: String, answered: String?, accepted: Bool, contact: String? = nil) throws
            -> ReferralResponsiveness.Timing
        {
            .init(
                sentOn: try LocalDate(sent), answeredOn: try answered.map { try LocalDate($0) }, accepted: accepted,
                firstContactOn: try contact.map { try LocalDate($0) })
        }
        // Monday 2 November 2026 and on: answered after 1, 2, 3 and 8 working days, one still open.
        let timings = [
            try timing("2026-11-02", answered: "2026-11-03", accepted: true, contact: "2026-11-05"),
            try timing("2026-11-02", answered: "2026-11-04", accepted: true, contact: "2026-11-09"),
            try timing("2026-11-02", answered: "2026-11-05", accepted: false),
            try timing("2026-11-02", answered: "2026-11-12", accepted: true),
            try timing("2026-11-02", answered: nil, accepted: false),
        ]
        let figures = ReferralResponsiveness(timings)
        #expect(figures.count == 5)
        #expect(figures.isShown)
        #expect(figures.medianDaysToAnswer == 2.5)
        #expect(figures.acceptedShare == 0.75)
        #expect(figures.medianDaysToContact == 4)
        let few = ReferralResponsiveness(Array(timings.prefix(4)))
        #expect(!few.isShown)
        #expect(ReferralResponsiveness([]).medianDaysToAnswer == nil)
    }
}
