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
        for (username, name, role, organisation, teamIndices) in Self.users {
            let user = try User(
                id: store.ids(), username: username, displayName: name, role: role,
                organisationID: organisations[organisation].id,
                teamIDs: teamIndices.map { teams[$0].id })
            try await store.accounts.createUser(user, passwordHash: hash, context: ctx)
            if role == .coordinator { coordinatorID = user.id }
        }
        let batch = try DemoData.residents(
            residentTarget: count, today: LocalDate(store.clock.now()), ids: store.ids,
            consentOrganisations: [organisations[2].id, organisations[3].id], recordedBy: coordinatorID!,
            now: store.clock.now())
        try await store.bulk.load(batch, context: ctx)

        context.console.print(
            "Demo geladen: \(batch.residents.count) bewoners op \(batch.addresses.count) adressen in \(batch.households.count) huishoudens."
        )
        context.console.print("Inloggen kan als: \(Self.users.map(\.0).joined(separator: ", "))")
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
