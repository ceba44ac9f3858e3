import Fluent
import Foundation
import SchakelCore
import SchakelStore
import Vapor

/// `schakel demo [--reset]`: fills an empty database with the Amersfoort demo and prints the logins.
struct DemoCommand: AsyncCommand {
    struct Signature: CommandSignature {
        @Flag(name: "reset", help: "Eerst alle gegevens wissen (alle migraties terugdraaien en opnieuw uitvoeren)")
        var reset: Bool
        @Option(name: "residents", help: "Aantal bewoners (standaard 400)")
        var residents: Int?
        @Option(name: "history-days", help: "Dagen contactgeschiedenis vóór vandaag (standaard 28)")
        var historyDays: Int?
        @Option(
            name: "contacts", help: "Ongeveer zoveel contactmomenten in de geschiedenis (in plaats van --history-days)")
        var contacts: Int?
        @Flag(name: "no-rounds", help: "Geen rondes voor vandaag maken")
        var noRounds: Bool
    }

    var help: String { "Vult een lege database met fictieve demogegevens voor Amersfoort" }

    /// The demo users: username, display name, role, organisation index, team indices.
    static let users: [(String, String, Role, Int, [Int])] = [
        ("admin", "Anouk Beheer", .admin, 7, []),
        ("coordinator", "Carla Coördinator", .coordinator, 0, [0]),
        ("concierge", "Kees Conciërge", .concierge, 0, [0]),
        ("socialworker", "Sara Sociaal Werker", .socialWorker, 1, [0]),
        ("peer", "Erik Ervaringsdeskundige", .experienceExpert, 5, [0]),
        ("volunteer", "Vera Vrijwilliger", .volunteer, 6, [0]),
        ("partner", "Paul Partner", .partner, 3, []),
        ("policy", "Bea Beleid", .policy, 7, []),
        ("concierge2", "Koen Conciërge", .concierge, 0, [1]),
        ("socialworker2", "Sevda Sociaal Werker", .socialWorker, 1, [1]),
        ("concierge3", "Fatma Conciërge", .concierge, 0, [0]),
        ("coordinator2", "Chris Coördinator", .coordinator, 1, [1]),
        ("partner2", "Priya Partner", .partner, 3, []),
    ]

    func run(using context: CommandContext, signature: Signature) async throws {
        let app = context.application
        let store = app.schakel.store
        if signature.reset {
            context.console.print("Alle gegevens wissen…")
            try await app.autoRevert()
            try await app.autoMigrate()
        }
        guard try await store.accounts.userCount() == 0 else {
            throw CommandFailure(
                description:
                    "De database is niet leeg. Gebruik `schakel demo --reset` om opnieuw te beginnen (dit wist alles).")
        }
        let password = app.schakel.configuration.demoPassword ?? Self.generatedPassword()
        let count = signature.residents ?? 400
        guard (1...200_000).contains(count) else {
            throw CommandFailure(description: "--residents moet tussen 1 en 200000 liggen.")
        }
        var historyDays = signature.historyDays ?? 28
        guard (0...1000).contains(historyDays) else {
            throw CommandFailure(description: "--history-days moet tussen 0 en 1000 liggen.")
        }
        if let contacts = signature.contacts, !(0...20_000_000).contains(contacts) {
            throw CommandFailure(description: "--contacts moet tussen 0 en 20000000 liggen.")
        }
        let ctx = AuditContext.commandLine

        try await store.neighbourhoods.add(try DemoData.neighbourhoods(ids: store.ids), context: ctx)
        var organisations: [Organisation] = []
        for (name, kind) in [
            ("Stichting Welzijn Eemland", OrganisationKind.welfare), ("Sociaal Team Amersfoort", .municipalSocialTeam),
            ("Wijkverpleging Eemzorg", .districtNursing), ("GGZ Eemvallei", .mentalHealth),
            ("Woonstichting De Eem", .housingCorporation), ("Herstelacademie Amersfoort", .recoveryGroup),
            ("Vrijwilligerscentrale Eemland", .volunteerCentre), ("Gemeente Amersfoort", .municipality),
        ] {
            organisations.append(try await store.accounts.createOrganisation(name: name, kind: kind, context: ctx))
        }
        let east = try await store.accounts.createTeam(
            name: "Schakelteam Oost", organisationID: organisations[0].id, context: ctx)
        for code in ["WK030706", "WK030707", "WK030708", "WK030709", "WK030713", "WK030714"] {
            try await store.accounts.addCoverage(.init(code: try AreaCode(code), year: 2025), to: east.id, context: ctx)
        }
        let centre = try await store.accounts.createTeam(
            name: "Wijkteam Binnenstad", organisationID: organisations[1].id, context: ctx)
        for code in ["WK030701", "WK030702"] {
            try await store.accounts.addCoverage(
                .init(code: try AreaCode(code), year: 2025), to: centre.id, context: ctx)
        }
        let teams = [east, centre]
        let hash = try await app.password.async.hash(password)
        var coordinatorID: User.ID?
        var created: [User] = []
        for (username, name, role, organisation, teamIndices) in Self.users {
            let user = try User(
                id: store.ids(), username: username, displayName: name, role: role,
                organisationID: organisations[organisation].id,
                teamIDs: teamIndices.map { teams[$0].id })
            try await store.accounts.createUser(user, passwordHash: hash, context: ctx)
            if role == .coordinator && coordinatorID == nil { coordinatorID = user.id }
            created.append(user)
        }
        var batch = try DemoData.residents(
            residentTarget: count, today: LocalDate(store.clock.now()), ids: store.ids,
            consentOrganisations: [organisations[2].id, organisations[3].id], recordedBy: coordinatorID!,
            now: store.clock.now())
        let today = LocalDate(store.clock.now())
        let coverage = Dictionary(uniqueKeysWithValues: try await store.accounts.teams().map { ($0.id, $0.coverage) })
        // Deliveries first: the history goes back as far as needed for the contacts asked for.
        try DemoData.standingDeliveries(
            for: &batch,
            teams: teams.map { DemoData.DeliveryTeam(id: $0.id, coverage: (coverage[$0.id] ?? []).map(\.code)) },
            today: today, historyDays: historyDays, ids: store.ids)
        if let contacts = signature.contacts {
            historyDays = DemoData.historyDays(toReach: contacts, deliveries: batch.deliveries)
            batch.deliveries = batch.deliveries.map { delivery in
                var delivery = delivery
                if case .weekly(let days, let from, let until) = delivery.recurrence {
                    delivery.recurrence = .weekly(days, from: min(from, today.adding(days: -historyDays)), until: until)
                }
                return delivery
            }
        }
        // A round has about twenty doors: a large city gets as many concierges as its deliveries need.
        var extra: [String] = []
        for (index, team) in teams.enumerated() {
            let perDay = batch.deliveries.filter { $0.teamID == team.id }.map(\.timesPerWeek).reduce(0, +) / 7
            let present = created.filter { $0.role == .concierge && $0.teamIDs.contains(team.id) }.count
            for number in stride(from: present + 1, through: (perDay + 19) / 20, by: 1) {
                let user = try User(
                    id: store.ids(), username: "team\(index + 1)-concierge\(number)",
                    displayName: "Conciërge \(number) (\(team.name))", role: .concierge,
                    organisationID: organisations[0].id, teamIDs: [team.id])
                try await store.accounts.createUser(user, passwordHash: hash, context: ctx)
                created.append(user)
                extra.append(user.username)
            }
        }
        DemoData.contactHistory(
            for: &batch,
            concierges: Dictionary(
                uniqueKeysWithValues: teams.map { team in
                    (team.id, created.filter { $0.role == .concierge && $0.teamIDs.contains(team.id) }.map(\.id))
                }), today: today, historyDays: historyDays, now: store.clock.now(), ids: store.ids)
        try await store.bulk.load(batch, context: ctx)
        context.console.print(
            "\(batch.deliveries.count) vaste leveringen met \(batch.contactMoments.count) contactmomenten in \(historyDays) dagen."
        )
        if !signature.noRounds {
            // Today's rounds, planned by each team's coordinator, so a concierge can start at once.
            for team in teams {
                guard
                    let coordinator = created.first(where: { $0.role == .coordinator && $0.teamIDs.contains(team.id) })
                else { continue }
                let actor = try await store.accounts.actor(for: coordinator)
                let concierges = created.filter { $0.role == .concierge && $0.teamIDs.contains(team.id) }.map(\.id)
                let stops = try await store.rounds(AuditContext(actor: actor, accessPoint: "cli")).generate(
                    team: team.id, date: today, concierges: concierges,
                    planner: RoundPlanning.planner(seconds: app.schakel.configuration.roundPlanningSeconds))
                context.console.print("\(team.name): \(stops) stops op \(concierges.count) rondes voor vandaag.")
            }
        }

        // The coordinator keeps the demo map; one service has a waiting list, one takes nobody new for now.
        try await DemoData.registerVenues(store: store)
        let drafts = try DemoData.mapServices(today: today)
        let upkeep = Dictionary(
            uniqueKeysWithValues: drafts.map { draft in
                (
                    MapService.ID(draft.id),
                    Upkeep(
                        owner: coordinatorID, acceptsReferrals: draft.name != "Maatjesproject tegen eenzaamheid",
                        waitWeeks: draft.name == "Schuldhulpverlening" ? 4 : nil)
                )
            })
        let map = try await store.socialMap.importServices(drafts.map { $0.document() }, upkeep: upkeep, context: ctx)
        context.console.print("\(map.created) diensten op de sociale kaart.")
        if let coordinator = created.first(where: { $0.id == coordinatorID }) {
            let served = Set(batch.deliveries.filter { $0.teamID == east.id }.map(\.residentID))
            let count = try await DemoData.activities(
                store: store, coordinator: coordinator, residents: batch.residents.filter { served.contains($0.id) },
                today: today)
            context.console.print("\(count) activiteiten in de buurt.")
        }
        let signals = try await DemoData.signals(
            store: store, users: created, residents: batch.residents, deliveries: batch.deliveries, team: east.id)
        context.console.print("\(signals.count) signalen van zorg in \(east.name), van net gemeld tot afgesloten.")
        let referrals = try await DemoData.referrals(
            store: store, users: created, organisations: organisations, residents: batch.residents,
            deliveries: batch.deliveries, team: east.id, signals: signals)
        context.console.print("\(referrals) verwijzingen tussen de organisaties, van concept tot afgerond.")

        context.console.print(
            "Demo geladen: \(batch.residents.count) bewoners op \(batch.addresses.count) adressen in \(batch.households.count) huishoudens."
        )
        context.console.print("Inloggen kan als: \(Self.users.map(\.0).joined(separator: ", "))")
        if !extra.isEmpty {
            // Names run on per team (team1-concierge3 … team1-concierge40); a large city lists ranges.
            let ranges = Dictionary(grouping: extra) { $0.prefix { $0 != "-" } }.sorted { $0.key < $1.key }
                .map { _, names in names.count == 1 ? names[0] : "\(names[0]) t/m \(names[names.count - 1])" }
            context.console.print("Extra conciërges: \(ranges.joined(separator: ", "))")
        }
        if app.schakel.configuration.demoPassword == nil {
            context.console.print("Wachtwoord (voor alle demogebruikers): \(password)")
        } else {
            context.console.print("Wachtwoord: de waarde van SCHAKEL_DEMO_PASSWORD")
        }
    }

    /// A readable random password of four groups, e.g. `kade-56-vlot-83`.
    static func generatedPassword() -> String {
        let words = [
            "kade", "vlot", "brug", "gracht", "toren", "poort", "molen", "plein", "dijk", "sluis", "haven", "steeg",
        ]
        var generator = SystemRandomNumberGenerator()
        return (0..<2).map { _ in
            words.randomElement(using: &generator)! + "-" + String(Int.random(in: 10...99, using: &generator))
        }
        .joined(separator: "-")
    }
}
