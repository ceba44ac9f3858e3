import Foundation
import SchakelCore
import Testing

@Suite("Signal state machine")
struct SignalStateMachineTests {
    static let events: [SignalEvent] = [
        .triage, .startFollowUp, .waitForReporter, .waitForResident, .resume, .close(.referred), .merge,
    ]

    /// The legal transitions, written out once by hand: (from, event name) → to.
    static let legal: [String: SignalState] = [
        "new/triage": .triaged, "new/merge": .closed,
        "triaged/start_follow_up": .inFollowUp, "triaged/wait_for_reporter": .waitingForReporter,
        "triaged/wait_for_resident": .waitingForResident, "triaged/close": .closed, "triaged/merge": .closed,
        "in_follow_up/wait_for_reporter": .waitingForReporter, "in_follow_up/wait_for_resident": .waitingForResident,
        "in_follow_up/close": .closed, "in_follow_up/merge": .closed,
        "waiting_reporter/wait_for_resident": .waitingForResident, "waiting_reporter/resume": .inFollowUp,
        "waiting_reporter/close": .closed, "waiting_reporter/merge": .closed,
        "waiting_resident/wait_for_reporter": .waitingForReporter, "waiting_resident/resume": .inFollowUp,
        "waiting_resident/close": .closed, "waiting_resident/merge": .closed,
    ]

    @Test("every legal transition leads to its state and every other one is refused naming both states")
    func everyTransition() throws {
        var checked = 0
        for state in SignalState.allCases {
            for event in Self.events {
                let key = "\(state.rawValue)/\(event.name)"
                if let expected = Self.legal[key] {
                    #expect(try state.apply(event) == expected, "\(key)")
                } else {
                    #expect(throws: DomainError.illegalTransition(from: state.rawValue, to: event.target.rawValue)) {
                        try state.apply(event)
                    }
                }
                checked += 1
            }
        }
        #expect(checked == 42)
    }

    @Test("closing records the outcome and time; merging closes as merged; closed is final")
    func closing() throws {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        var signal = Signal(
            id: .init(UUID()), residentID: nil, addressID: .init(UUID()), domains: [.finances], urgency: .normal,
            observation: "Post stapelt zich op", meldcode: false, contactMomentID: nil, teamID: nil, assigneeID: nil,
            reporterID: .init(UUID()), raisedAt: now, dueDate: LocalDate(now))
        signal = try signal.applying(.triage, at: now)
        let closed = try signal.applying(.close(.helpAccepted), at: now)
        #expect(closed.outcome == .helpAccepted && closed.closedAt == now)
        #expect(closed.outcome?.neutral == .helpArranged)
        #expect(ReporterStatus(closed.state) == .closed)
        let merged = try signal.applying(.merge, at: now)
        #expect(merged.outcome == .merged && merged.state == .closed)
        #expect(throws: DomainError.self) { try closed.applying(.resume, at: now) }
    }

    @Test("an event read from a form needs a choosable outcome to close")
    func eventNames() throws {
        #expect(try SignalEvent(name: "close", outcome: "referred") == .close(.referred))
        #expect(throws: ValidationError(field: "outcome", key: "required")) {
            try SignalEvent(name: "close", outcome: nil)
        }
        #expect(throws: ValidationError(field: "outcome", key: "invalid")) {
            try SignalEvent(name: "close", outcome: "merged")
        }
        #expect(throws: ValidationError(field: "event", key: "invalid")) {
            try SignalEvent(name: "reopen", outcome: nil)
        }
    }

    @Test("raising input is checked all at once: subject, domain, urgency and observation")
    func inputValidation() throws {
        let empty = SignalInput(residentID: nil, addressID: nil, domains: [], urgency: "soon", observation: "  ")
        #expect(
            throws: ValidationError([
                FieldProblem(field: "residentID", key: "signal.residentOrAddress"),
                FieldProblem(field: "domains", key: "signal.domainRequired"),
                FieldProblem(field: "urgency", key: "invalid"),
                FieldProblem(field: "observation", key: "required"),
            ])
        ) { try empty.validated() }
        let valid = try SignalInput(
            residentID: nil, addressID: UUID().uuidString, domains: ["sociaal_netwerk", "financien", "financien"],
            urgency: "high", observation: " Ziet niemand "
        ).validated()
        #expect(valid.domains == [.finances, .socialNetwork])
        #expect(valid.observation == "Ziet niemand")
    }
}

@Suite("Meldcode workflow")
struct MeldcodeTests {
    let user = User.ID(UUID())
    let now = Date(timeIntervalSince1970: 1_790_000_000)

    func record(_ workflow: MeldcodeWorkflow, _ input: MeldcodeStepInput) throws -> MeldcodeWorkflow {
        try workflow.recording(input, id: .init(UUID()), by: user, at: now).workflow
    }

    @Test("the afwegingskader's first deciding answer decides")
    func afwegingskader() throws {
        #expect(try Afwegingskader.decision(for: [false, true]) == (.noSuspicion, [false]))
        #expect(try Afwegingskader.decision(for: [true, true]).decision == .report)
        #expect(try Afwegingskader.decision(for: [true, false, false]).decision == .report)
        #expect(try Afwegingskader.decision(for: [true, false, true, false]).decision == .report)
        #expect(try Afwegingskader.decision(for: [true, false, true, true, false]).decision == .report)
        #expect(
            try Afwegingskader.decision(for: [true, false, true, true, true]) == (
                .offerHelp, [true, false, true, true, true]
            ))
        #expect(throws: ValidationError(field: "answers", key: "meldcode.unanswered:4")) {
            try Afwegingskader.decision(for: [true, false, true])
        }
        #expect(throws: ValidationError(field: "answers", key: "meldcode.unanswered:1")) {
            try Afwegingskader.decision(for: [])
        }
    }

    @Test("steps come in order, each once, with what each step asks for, and the workflow ends with a decision")
    func steps() throws {
        var workflow = MeldcodeWorkflow()
        #expect(throws: DomainError.illegalTransition(from: "meldcode_step_0", to: "meldcode_step_2")) {
            try record(workflow, MeldcodeStepInput(step: 2, reasoning: "Overleg", consultedWith: "colleague"))
        }
        #expect(throws: ValidationError(field: "reasoning", key: "required")) {
            try record(workflow, MeldcodeStepInput(step: 1, reasoning: " "))
        }
        workflow = try record(workflow, MeldcodeStepInput(step: 1, reasoning: "Blauwe plekken gezien, kind huilde"))
        #expect(throws: ValidationError(field: "consultedWith", key: "required")) {
            try record(workflow, MeldcodeStepInput(step: 2, reasoning: "Overleg"))
        }
        workflow = try record(
            workflow, MeldcodeStepInput(step: 2, reasoning: "Advies: gesprek", consultedWith: "veilig_thuis"))
        workflow = try record(
            workflow,
            MeldcodeStepInput(step: 3, reasoning: "Gesprek brengt moeder in gevaar", conversationSkipped: true))
        workflow = try record(workflow, MeldcodeStepInput(step: 4, reasoning: "Structureel"))
        #expect(!workflow.isDecided)
        #expect(throws: ValidationError(field: "followUp", key: "required")) {
            try record(
                workflow, MeldcodeStepInput(step: 5, reasoning: "Hulp", answers: [true, false, true, true, true]))
        }
        workflow = try record(
            workflow, MeldcodeStepInput(step: 5, reasoning: "Onveilig", answers: [true, true, false]))
        #expect(workflow.decision == .report)
        #expect(workflow.entries.last?.answers == [true, true])
        #expect(workflow.entries[2].conversationSkipped)
        #expect(workflow.nextStep == nil)
        #expect(MeldcodeDecision.report.outcome == .reportedToVeiligThuis)
        #expect(throws: DomainError.illegalTransition(from: "meldcode_decided", to: "meldcode_step_5")) {
            try record(workflow, MeldcodeStepInput(step: 5, reasoning: "Nog eens", answers: [false]))
        }
    }
}

@Suite("Signal routing and due dates")
struct SignalRoutingTests {
    let east = Team.ID(UUID())
    let centre = Team.ID(UUID())
    let debt = Team.ID(UUID())

    var coverage: [(team: Team.ID, area: AreaCode)] {
        [(east, try! AreaCode("WK030709")), (centre, try! AreaCode("GM0307")), (debt, try! AreaCode("BU03070900"))]
    }

    @Test("without rules the most specific covering team gets the signal, else the fallback")
    func covering() throws {
        let buurt = try AreaCode("BU03070902")
        #expect(
            SignalRouting.route(
                domains: [.housing], urgency: .normal, buurt: buurt, rules: [], coverage: coverage, fallback: nil
            )
            .teamID == east)
        #expect(
            SignalRouting.route(
                domains: [.housing], urgency: .normal, buurt: try AreaCode("BU03070900"), rules: [], coverage: coverage,
                fallback: nil
            ).teamID == debt)
        #expect(
            SignalRouting.route(
                domains: [.housing], urgency: .normal, buurt: try AreaCode("BU03070101"), rules: [], coverage: coverage,
                fallback: nil
            ).teamID == centre)
        #expect(
            SignalRouting.route(
                domains: [.housing], urgency: .normal, buurt: try AreaCode("BU03630000"), rules: [], coverage: coverage,
                fallback: east
            ) == RoutingDecision(teamID: east, assigneeID: nil, ruleID: nil))
    }

    @Test("rules are tried in order; domain, urgency and area must all match")
    func rules() throws {
        let person = User.ID(UUID())
        let financeRule = RoutingRule(
            id: .init(UUID()), position: 2, domain: .finances, minimumUrgency: nil, area: nil, teamID: debt,
            assigneeID: person)
        let acuteEast = RoutingRule(
            id: .init(UUID()), position: 1, domain: nil, minimumUrgency: .high, area: try AreaCode("WK030709"),
            teamID: centre,
            assigneeID: nil)
        let buurt = try AreaCode("BU03070902")
        let rules = [financeRule, acuteEast]
        #expect(
            SignalRouting.route(
                domains: [.finances], urgency: .normal, buurt: buurt, rules: rules, coverage: coverage, fallback: nil)
                == RoutingDecision(teamID: debt, assigneeID: person, ruleID: financeRule.id))
        #expect(
            SignalRouting.route(
                domains: [.finances], urgency: .acute, buurt: buurt, rules: rules, coverage: coverage, fallback: nil
            )
            .ruleID == acuteEast.id)
        #expect(
            SignalRouting.route(
                domains: [.finances], urgency: .acute, buurt: try AreaCode("BU03070101"), rules: rules,
                coverage: coverage,
                fallback: nil
            ).ruleID == financeRule.id)
        #expect(
            SignalRouting.route(
                domains: [.housing], urgency: .normal, buurt: buurt, rules: rules, coverage: coverage, fallback: nil
            )
            .ruleID == nil)
    }

    @Test("Dutch public holidays, Easter included, and King's Day moving off a Sunday")
    func holidays() throws {
        #expect(DutchHolidays.easterSunday(2026) == (try LocalDate("2026-04-05")))
        #expect(DutchHolidays.easterSunday(2027) == (try LocalDate("2027-03-28")))
        #expect(DutchHolidays.isHoliday(try LocalDate("2026-05-14")))  // Ascension Day
        #expect(DutchHolidays.isHoliday(try LocalDate("2026-05-25")))  // Whit Monday
        #expect(DutchHolidays.isHoliday(try LocalDate("2025-04-26")))  // 27 April 2025 was a Sunday
        #expect(!DutchHolidays.isHoliday(try LocalDate("2025-04-27")))
        #expect(DutchHolidays.isHoliday(try LocalDate("2025-05-05")))
        #expect(!DutchHolidays.isHoliday(try LocalDate("2026-05-05")))
        #expect(DutchHolidays.isHoliday(try LocalDate("2026-12-26")))
    }

    @Test("due dates count working days, skipping weekends and holidays; acute is the same day")
    func dueDates() throws {
        let deadlines = SignalDeadlines.standard
        let friday = try LocalDate("2026-11-20")
        #expect(deadlines.dueDate(for: .acute, raisedOn: friday) == friday)
        #expect(deadlines.dueDate(for: .high, raisedOn: friday) == (try LocalDate("2026-11-24")))
        #expect(deadlines.dueDate(for: .normal, raisedOn: friday) == (try LocalDate("2026-11-27")))
        let saturday = try LocalDate("2026-11-21")
        #expect(deadlines.dueDate(for: .acute, raisedOn: saturday) == saturday)
        #expect(deadlines.dueDate(for: .high, raisedOn: saturday) == (try LocalDate("2026-11-24")))
        // Thursday before Easter: Good Friday is a working day, Easter Monday is not.
        #expect(deadlines.dueDate(for: .high, raisedOn: try LocalDate("2026-04-02")) == (try LocalDate("2026-04-07")))
        // Christmas week.
        #expect(deadlines.dueDate(for: .high, raisedOn: try LocalDate("2026-12-24")) == (try LocalDate("2026-12-29")))
        #expect(throws: ValidationError.self) { try SignalDeadlines(acute: 3, high: 2, normal: 5) }
        #expect(throws: ValidationError.self) { try SignalDeadlines(acute: 0, high: 2, normal: 31) }
    }

    @Test("a signal is overdue only while it waits for pick-up past its due date")
    func overdue() throws {
        let raised = try LocalDate("2026-11-20")
        var signal = Signal(
            id: .init(UUID()), residentID: nil, addressID: nil, domains: [.finances], urgency: .high, observation: "x",
            meldcode: false, contactMomentID: nil, teamID: nil, assigneeID: nil, reporterID: .init(UUID()),
            raisedAt: Date(),
            dueDate: SignalDeadlines.standard.dueDate(for: .high, raisedOn: raised))
        #expect(!signal.isOverdue(today: try LocalDate("2026-11-24")))
        #expect(signal.isOverdue(today: try LocalDate("2026-11-25")))
        signal.state = .triaged
        #expect(!signal.isOverdue(today: try LocalDate("2026-11-25")))
    }
}
