import Foundation
import Testing

@testable import SchakelCore

@Suite("Access policy")
struct AccessPolicyTests {
    let team = Team.ID(UUID())
    let otherTeam = Team.ID(UUID())

    func actor(_ role: Role, teams: Set<Team.ID>? = nil, coverage: [String] = ["WK030709"]) -> Actor {
        Actor(
            userID: .init(UUID()), username: role.rawValue, role: role, organisationID: .init(UUID()),
            teamIDs: teams ?? [team], coverage: coverage.map { try! AreaCode($0) })
    }

    func resident(in buurt: String?, responsible: Team.ID? = nil) -> ResidentScope {
        ResidentScope(
            residentID: .init(UUID()), buurtCode: buurt.map { try! AreaCode($0) }, responsibleTeamID: responsible)
    }

    @Test(
        "what each role sees of a resident in its team's area",
        arguments: [
            (Role.socialWorker, ResidentView.full), (.coordinator, .full), (.concierge, .basic), (.volunteer, .basic),
            (.experienceExpert, .basic), (.partner, .none), (.policy, .none), (.admin, .none),
        ])
    func viewByRole(role: Role, expected: ResidentView) {
        #expect(AccessPolicy.view(of: resident(in: "BU03070902"), by: actor(role)) == expected)
    }

    @Test("nobody sees a resident outside their teams' areas", arguments: Role.allCases)
    func outsideCoverage(role: Role) {
        #expect(AccessPolicy.view(of: resident(in: "BU03070101"), by: actor(role)) == .none)
    }

    @Test("a resident without a covered address is seen by the responsible team only")
    func responsibleTeam() {
        #expect(AccessPolicy.view(of: resident(in: nil, responsible: team), by: actor(.socialWorker)) == .full)
        #expect(AccessPolicy.view(of: resident(in: nil, responsible: otherTeam), by: actor(.socialWorker)) == .none)
        #expect(AccessPolicy.view(of: resident(in: nil), by: actor(.socialWorker)) == .none)
    }

    @Test("a municipality-wide coverage includes every neighbourhood in it")
    func municipalityCoverage() {
        #expect(
            AccessPolicy.view(of: resident(in: "BU03070101"), by: actor(.coordinator, coverage: ["GM0307"])) == .full)
        #expect(
            AccessPolicy.view(of: resident(in: "BU03440101"), by: actor(.coordinator, coverage: ["GM0307"])) == .none)
    }

    @Test("only full viewers edit; only full-view roles in a team create residents")
    func editing() {
        let here = resident(in: "BU03070902")
        #expect(AccessPolicy.canEdit(here, by: actor(.socialWorker)))
        #expect(!AccessPolicy.canEdit(here, by: actor(.concierge)))
        #expect(AccessPolicy.canCreateResidents(actor(.coordinator)))
        #expect(!AccessPolicy.canCreateResidents(actor(.socialWorker, teams: [], coverage: [])))
        #expect(!AccessPolicy.canCreateResidents(actor(.volunteer)))
    }

    @Test("the administrator manages accounts and reads the access log, not resident lists")
    func administrator() {
        let admin = actor(.admin, teams: [], coverage: [])
        #expect(AccessPolicy.canAdministerAccounts(admin))
        #expect(!AccessPolicy.canListResidents(admin))
        #expect(AccessPolicy.canViewAuditLog(of: nil, by: admin))
        #expect(!AccessPolicy.canListResidents(actor(.policy)))
    }

    @Test("the menu offers each role the sections it can open")
    func sections() {
        let sections = Dictionary(
            uniqueKeysWithValues: Role.allCases.map { ($0, AccessPolicy.sections(for: actor($0))) })
        #expect(sections[.concierge] == [.rounds, .residents, .signals, .map])
        #expect(sections[.coordinator] == [.rounds, .residents, .signals, .referrals, .outOfView, .addresses, .map])
        #expect(sections[.socialWorker] == [.residents, .signals, .referrals, .outOfView, .addresses, .map])
        #expect(sections[.partner] == [.signals, .referrals, .map])
        #expect(sections[.admin] == [.addresses, .map, .admin])
        // Without a team there is no out-of-view list to open.
        #expect(!AccessPolicy.sections(for: actor(.socialWorker, teams: [], coverage: [])).contains(.outOfView))
    }

    // MARK: Signals and the meldcode

    func signal(meldcode: Bool = false, team: Team.ID? = nil, assignee: User.ID? = nil, reporter: User.ID? = nil)
        -> Signal
    {
        let now = Date(timeIntervalSince1970: 1_790_000_000)
        return Signal(
            id: .init(UUID()), residentID: nil, addressID: .init(UUID()), domains: [.finances], urgency: .normal,
            observation: "Post stapelt zich op", meldcode: meldcode, contactMomentID: nil, teamID: team ?? self.team,
            assigneeID: assignee, reporterID: reporter ?? .init(UUID()), raisedAt: now, dueDate: LocalDate(now))
    }

    func bound(_ role: Role, teams: Set<Team.ID>? = nil) -> Actor {
        var actor = actor(role, teams: teams)
        actor.meldcodeBound = true
        return actor
    }

    @Test(
        "an ordinary signal: the team's handlers see all of it, its reporter the status, others nothing",
        arguments: Role.allCases)
    func ordinarySignal(role: Role) {
        let here = resident(in: "BU03070902")
        let expected: SignalView = [.socialWorker, .coordinator].contains(role) ? .full : .none
        #expect(AccessPolicy.view(of: signal(), resident: here, area: nil, by: actor(role)) == expected)
        let reporter = actor(role, teams: [otherTeam], coverage: [])
        let reported = signal(reporter: reporter.userID)
        let expectedReporter: SignalView = .status
        #expect(AccessPolicy.view(of: reported, resident: here, area: nil, by: reporter) == expectedReporter)
        // Another team's handler, without the area, sees nothing.
        #expect(
            AccessPolicy.view(of: signal(), resident: nil, area: nil, by: actor(role, teams: [otherTeam], coverage: []))
                == .none)
    }

    @Test("a meldcode signal: only handlers of an organisation bound by the meldcode, never its reporter")
    func meldcodeSignal() {
        let here = resident(in: "BU03070902")
        let suspicion = signal(meldcode: true)
        #expect(AccessPolicy.view(of: suspicion, resident: here, area: nil, by: bound(.socialWorker)) == .full)
        #expect(AccessPolicy.view(of: suspicion, resident: here, area: nil, by: bound(.coordinator)) == .full)
        // The same people in an organisation that is not bound see nothing, nor does any door worker.
        #expect(AccessPolicy.view(of: suspicion, resident: here, area: nil, by: actor(.socialWorker)) == .none)
        for role in [Role.concierge, .volunteer, .experienceExpert, .partner, .policy, .admin] {
            #expect(AccessPolicy.view(of: suspicion, resident: here, area: nil, by: bound(role)) == .none)
        }
        let reporter = actor(.concierge)
        #expect(
            AccessPolicy.view(
                of: signal(meldcode: true, reporter: reporter.userID), resident: here, area: nil, by: reporter)
                == .none)
        // A bound handler of another team sees it only when it is assigned to them.
        let elsewhere = bound(.socialWorker, teams: [otherTeam])
        #expect(
            AccessPolicy.view(
                of: suspicion, resident: nil, area: nil,
                by: Actor(
                    userID: elsewhere.userID, username: "x", role: .socialWorker, organisationID: nil,
                    teamIDs: [otherTeam], coverage: [], meldcodeBound: true)) == .none)
        #expect(
            AccessPolicy.view(
                of: signal(meldcode: true, assignee: elsewhere.userID), resident: nil, area: nil,
                by: Actor(
                    userID: elsewhere.userID, username: "x", role: .socialWorker, organisationID: nil,
                    teamIDs: [otherTeam], coverage: [], meldcodeBound: true)) == .full)
    }

    @Test("who handles, reassigns, may be given a signal and may be asked to look again")
    func handlingAndTasks() {
        #expect(AccessPolicy.canHandle(.full, by: actor(.socialWorker)))
        #expect(!AccessPolicy.canHandle(.status, by: actor(.socialWorker)))
        #expect(!AccessPolicy.canHandle(.full, by: actor(.concierge)))
        #expect(AccessPolicy.canReassign(signal(), view: .full, by: actor(.coordinator)))
        #expect(!AccessPolicy.canReassign(signal(), view: .full, by: actor(.socialWorker)))
        #expect(AccessPolicy.canBeAssigned(signal(), to: actor(.socialWorker)))
        #expect(!AccessPolicy.canBeAssigned(signal(), to: actor(.concierge)))
        #expect(!AccessPolicy.canBeAssigned(signal(meldcode: true), to: actor(.socialWorker)))
        #expect(AccessPolicy.canBeAssigned(signal(meldcode: true), to: bound(.coordinator)))
        for role in [Role.concierge, .volunteer, .experienceExpert, .socialWorker] {
            #expect(AccessPolicy.canBeAskedToCheckAgain(signal(), person: actor(role)))
            #expect(
                !AccessPolicy.canBeAskedToCheckAgain(signal(meldcode: true), person: bound(role))
                    == (role != .socialWorker))
        }
        #expect(!AccessPolicy.canBeAskedToCheckAgain(signal(), person: actor(.partner)))
        #expect(!AccessPolicy.canBeAskedToCheckAgain(signal(meldcode: true), person: actor(.socialWorker)))
    }

    @Test("who may raise a signal, and about whom")
    func raising() {
        let here = resident(in: "BU03070902")
        let elsewhere = resident(in: "BU03070101")
        for role in [Role.concierge, .socialWorker, .coordinator, .volunteer, .experienceExpert] {
            #expect(AccessPolicy.canRaiseSignal(about: here, by: actor(role)))
            #expect(!AccessPolicy.canRaiseSignal(about: elsewhere, by: actor(role)))
            #expect(AccessPolicy.canRaiseSignal(about: nil, by: actor(role)))
        }
        #expect(AccessPolicy.canRaiseSignal(about: nil, by: actor(.partner)))
        #expect(!AccessPolicy.canRaiseSignal(about: nil, by: actor(.policy)))
        #expect(!AccessPolicy.canRaiseSignal(about: nil, by: actor(.admin)))
    }

    @Test("the next steps a handler is offered are exactly the workflow's, closing a meldcode signal after step 5")
    func nextEvents() throws {
        for state in SignalState.allCases {
            var ordinary = signal()
            ordinary.state = state
            let offered = Set(ordinary.nextEvents(meldcodeDecided: false))
            for name in ["triage", "start_follow_up", "wait_for_reporter", "wait_for_resident", "resume"] {
                let event = try SignalEvent(name: name, outcome: nil)
                #expect(offered.contains(name) == ((try? state.apply(event)) != nil), "\(name) from \(state)")
            }
            #expect(offered.contains("close") == ((try? state.apply(.close(.noConcern))) != nil))
            var suspicion = signal(meldcode: true)
            suspicion.state = state
            #expect(!suspicion.nextEvents(meldcodeDecided: false).contains("close"))
            #expect(suspicion.nextEvents(meldcodeDecided: true).contains("close") == offered.contains("close"))
        }
    }
}

@Suite("Audit chain")
struct AuditChainTests {
    func hash(_ text: String) -> String { String(text.hashValue) }

    /// Keyed entries: key "k1" is known, any other is not; entries without a key use the plain hash.
    func digest(_ entry: AuditEntry) -> String? {
        switch entry.keyID {
        case nil: "plain" + hash(entry.canonicalContent)
        case "k1": hash(entry.canonicalContent)
        default: nil
        }
    }

    func chain(_ count: Int) -> [AuditEntry] {
        var previous = AuditEntry.genesisHash
        return (1...count).map { sequence in
            var entry = AuditEntry(
                sequence: Int64(sequence), at: Date(timeIntervalSince1970: Double(sequence)), event: "resident.read",
                residentID: .init(UUID()), userID: .init(UUID()), username: "u", organisationID: nil,
                role: .socialWorker,
                accessPoint: "127.0.0.1", objects: ["resident:x"], previousHash: previous, keyID: "k1")
            entry.hash = hash(entry.canonicalContent)
            previous = entry.hash
            return entry
        }
    }

    func verify(_ entries: [AuditEntry], head: (Int64, String)? = nil) -> AuditChainCheck {
        var verifier = AuditChainVerifier(digest: digest)
        entries.forEach { verifier.check($0) }
        let last = head ?? (entries.last?.sequence ?? 0, entries.last?.hash ?? AuditEntry.genesisHash)
        return verifier.finish(headSequence: last.0, headHash: last.1)
    }

    @Test("an untouched chain is intact")
    func intact() {
        #expect(verify(chain(5)) == .intact(entries: 5))
        #expect(verify([]) == .intact(entries: 0))
    }

    @Test("an altered entry is named")
    func altered() {
        var entries = chain(5)
        entries[2].event = "resident.update"
        #expect(verify(entries) == .broken(sequence: 3, reason: "content"))
    }

    @Test("a removed entry is named")
    func removed() {
        var entries = chain(5)
        entries.remove(at: 1)
        #expect(verify(entries) == .broken(sequence: 2, reason: "missing"))
    }

    @Test("a removed tail is caught through the recorded head")
    func truncated() {
        let entries = chain(5)
        #expect(verify(Array(entries.prefix(3)), head: (5, entries[4].hash)) == .broken(sequence: 4, reason: "missing"))
    }

    @Test("a field cannot contain the separator: it becomes a space, other characters stay")
    func separatorInField() {
        var entry = chain(1)[0]
        entry.username = "a\u{1F}b é"
        let fields = entry.canonicalContent.split(separator: "\u{1F}", omittingEmptySubsequences: false)
        #expect(fields.count == 11)
        #expect(fields[5] == "a b é")
    }

    @Test("entries from before keys may open the chain, never follow a keyed one")
    func unkeyedOnlyFirst() {
        var previous = AuditEntry.genesisHash
        var entries: [AuditEntry] = []
        for (sequence, key) in [(1, nil), (2, nil), (3, "k1"), (4, nil)] as [(Int64, String?)] {
            var entry = AuditEntry(
                sequence: sequence, at: Date(timeIntervalSince1970: 1), event: "resident.read", residentID: nil,
                userID: nil, username: "u", organisationID: nil, role: nil, accessPoint: nil, objects: [],
                previousHash: previous, keyID: key)
            entry.hash = digest(entry)!
            previous = entry.hash
            entries.append(entry)
        }
        #expect(verify(Array(entries.prefix(3))) == .intact(entries: 3))
        #expect(verify(entries) == .broken(sequence: 4, reason: "unkeyed"))
    }

    @Test("an entry made with a key that is not known is named")
    func unknownKey() {
        var entries = chain(3)
        entries[1].keyID = "k2"
        #expect(verify(entries) == .broken(sequence: 2, reason: "key"))
    }

    @Test("an entry that cannot be read is named")
    func unreadable() {
        var verifier = AuditChainVerifier(digest: digest)
        chain(2).forEach { verifier.check($0) }
        verifier.unreadable(sequence: 3)
        #expect(verifier.finish(headSequence: 3, headHash: "x") == .broken(sequence: 3, reason: "unreadable"))
    }

    @Test("anchor lines are read back as written, and a bad line is named")
    func anchorLines() throws {
        let anchor = AuditAnchor(
            sequence: 42, hash: String(repeating: "ab", count: 32), keyID: "k1a2b3c4d",
            at: Date(timeIntervalSince1970: 1_790_000_000))
        #expect(try AuditAnchor.parse("# anchors\n\n" + anchor.line + "\n") == [anchor])
        #expect(throws: AnchorFileError(line: 2)) { try AuditAnchor.parse(anchor.line + "\n42 nothex - now\n") }
    }

    @Test("a rewritten entry with a recomputed hash still breaks the next link")
    func rewritten() {
        var entries = chain(4)
        entries[1].username = "someone-else"
        entries[1].hash = hash(entries[1].canonicalContent)
        #expect(verify(entries) == .broken(sequence: 3, reason: "link"))
    }
}
