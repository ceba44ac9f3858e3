import Foundation
import SchakelCore
import SchakelStore
import Vapor

@testable import SchakelWeb

/// A small, known world for scenario tests: two teams in two areas, a user of every role,
/// addresses and residents on both sides.
public struct World: Sendable {
    public static let password = "wachtwoord-voor-tests"

    public var organisations: [String: Organisation]
    public var teams: [String: Team]
    public var users: [String: User]
    public var addresses: [String: Address]
    public var residents: [String: Resident]

    /// Schothorst-Noord (team "Oost") and Stadskern (team "Binnenstad").
    public static let eastArea = "WK030709"
    public static let centreArea = "WK030701"

    public static func build(on server: TestServer) async throws -> World {
        let store = server.store
        let ctx = AuditContext.commandLine
        var organisations: [String: Organisation] = [:]
        for (key, name, kind) in [
            ("welfare", "Welzijn Test", OrganisationKind.welfare), ("ggz", "GGZ Test", .mentalHealth),
            ("municipality", "Gemeente Test", .municipality),
        ] {
            organisations[key] = try await store.accounts.createOrganisation(name: name, kind: kind, context: ctx)
        }
        var teams: [String: Team] = [:]
        for (key, name, area) in [("east", "Team Oost", eastArea), ("centre", "Team Binnenstad", centreArea)] {
            var team = try await store.accounts.createTeam(
                name: name, organisationID: organisations["welfare"]!.id, context: ctx)
            let coverage = Team.Coverage(code: try AreaCode(area), year: 2025)
            try await store.accounts.addCoverage(coverage, to: team.id, context: ctx)
            team.coverage = [coverage]
            teams[key] = team
        }
        let hash = try await server.app.password.async.hash(password)
        var users: [String: User] = [:]
        for (username, role, org, team) in [
            ("admin", Role.admin, "municipality", nil), ("coordinator", .coordinator, "welfare", "east"),
            ("concierge", .concierge, "welfare", "east"), ("socialworker", .socialWorker, "welfare", "east"),
            ("peer", .experienceExpert, "welfare", "east"), ("volunteer", .volunteer, "welfare", "east"),
            ("partner", .partner, "ggz", nil), ("policy", .policy, "municipality", nil),
            ("concierge2", .concierge, "welfare", "centre"), ("socialworker2", .socialWorker, "welfare", "centre"),
        ] as [(String, Role, String, String?)] {
            let user = try User(
                id: store.ids(), username: username, displayName: username.capitalized, role: role,
                organisationID: organisations[org]!.id, teamIDs: team.map { [teams[$0]!.id] } ?? [])
            try await store.accounts.createUser(user, passwordHash: hash, context: ctx)
            users[username] = user
        }
        var addresses: [String: Address] = [:]
        for (key, postcode, number, street, buurt) in [
            ("east1", "3822 AB", "12", "Elly Takmastraat", "BU03070900"),
            ("east2", "3822 AC", "4", "Camera Obscurastraat", "BU03070902"),
            ("centre1", "3811 HN", "8", "Langestraat", "BU03070101"),
        ] {
            addresses[key] = try await store.addresses.create(
                AddressInput(
                    postcode: postcode, houseNumber: number, street: street, place: "Amersfoort", latitude: "52.17",
                    longitude: "5.40", buurtCode: buurt),
                context: ctx)
        }
        let eastWorker = try await store.accounts.actor(for: users["socialworker"]!)
        let centreWorker = try await store.accounts.actor(for: users["socialworker2"]!)
        var residents: [String: Resident] = [:]
        for (key, given, family, birth, address, phone, notes, actor) in [
            (
                "annie", "Annie", "de Vries", "1941-05-03", "east1", "0612345678", "Bel twee keer, slechthorend.",
                eastWorker
            ),
            ("kemal", "Kemal", "Yılmaz", "1958-11-20", "east2", "0687654321", nil, eastWorker),
            ("greet", "Greet", "Bakker", "1950-02-14", "centre1", nil, nil, centreWorker),
        ] as [(String, String, String, String, String, String?, String?, Actor)] {
            let creation = try await store.residents(AuditContext(actor: actor, accessPoint: "test")).create(
                ResidentInput(
                    givenName: given, familyName: family, dateOfBirth: birth,
                    addressID: addresses[address]!.id.description,
                    phone: phone, preferredLanguage: "nl", contactChannels: ["visit"], doorNotes: notes))
            guard case .created(let resident) = creation else {
                throw TestFailure("fixture resident \(key) not created")
            }
            residents[key] = resident
        }
        return World(
            organisations: organisations, teams: teams, users: users, addresses: addresses, residents: residents)
    }

    /// The actor a user acts as, for calling the store directly.
    public func context(_ username: String, on server: TestServer) async throws -> AuditContext {
        AuditContext(actor: try await server.store.accounts.actor(for: users[username]!), accessPoint: "test")
    }
}
