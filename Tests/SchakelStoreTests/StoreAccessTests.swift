import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing

/// The store decides who may administer accounts, keep the social map and read the access log, whatever
/// entry point calls it: a refused call changes nothing and is in the access log; the operator on the
/// server (the command line) may administer without an account.
@Suite("Store: access decided where the data is")
struct StoreAccessTests {
    /// How many refusals the access log holds.
    static func refusals(_ store: Store) async throws -> Int {
        try await store.audit.entries(resident: nil, from: nil, to: nil, page: Paging(perPage: 100)).items
            .filter { $0.event == AuditAction.accessDenied.rawValue }.count
    }

    @Test("only administrators (and the operator) create organisations, teams and accounts")
    func administration() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let accounts = server.store.accounts
            for username in ["coordinator", "socialworker", "concierge", "policy", "partner"] {
                let context = try await world.context(username, on: server)
                let before = try await Self.refusals(server.store)
                await #expect(throws: DomainError.forbidden(reason: "role")) {
                    _ = try await accounts.createOrganisation(
                        name: "Nieuw \(username)", kind: .welfare, context: context)
                }
                await #expect(throws: DomainError.forbidden(reason: "role")) {
                    try await accounts.authorizeAdministration(context: context)
                }
                #expect(try await Self.refusals(server.store) == before + 2)
            }
            let names = try await accounts.organisations().map(\.name)
            #expect(!names.contains { $0.hasPrefix("Nieuw ") })
            let admin = try await world.context("admin", on: server)
            _ = try await accounts.createOrganisation(name: "Nieuw door beheer", kind: .welfare, context: admin)
            _ = try await accounts.createOrganisation(name: "Nieuw op de server", kind: .welfare, context: .commandLine)
            await #expect(throws: DomainError.forbidden(reason: "anonymous")) {
                _ = try await accounts.createOrganisation(
                    name: "Nieuw zonder iemand", kind: .welfare, context: AuditContext(actor: nil, accessPoint: "test"))
            }
        }
    }

    @Test("only those who keep the map change its kinds of help, synonyms and services")
    func mapUpkeep() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let map = server.store.socialMap
            let concierge = try await world.context("concierge", on: server)
            await #expect(throws: DomainError.forbidden(reason: "role")) {
                _ = try await map.addTerm(named: "Klusjes", context: concierge)
            }
            await #expect(throws: DomainError.forbidden(reason: "role")) {
                try await map.addSynonymGroup("klus, klusje", context: concierge)
            }
            #expect(try await !map.terms().contains { $0.name == "Klusjes" })
            let coordinator = try await world.context("coordinator", on: server)
            _ = try await map.addTerm(named: "Klusjes", context: coordinator)
            #expect(try await map.terms().contains { $0.name == "Klusjes" })
        }
    }

    @Test("a resident's access log is read by the administrator and the team's coordinator, no one else")
    func auditLog() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let resident = try #require(world.residents["annie"]).id
            for username in ["concierge", "socialworker", "socialworker2", "policy", "partner"] {
                let context = try await world.context(username, on: server)
                await #expect(throws: DomainError.forbidden(reason: "role")) {
                    _ = try await server.store.audit.entries(
                        resident: resident, from: nil, to: nil, page: Paging(), context: context)
                }
            }
            for username in ["admin", "coordinator"] {
                let context = try await world.context(username, on: server)
                _ = try await server.store.audit.entries(
                    resident: resident, from: nil, to: nil, page: Paging(), context: context)
            }
        }
    }
}
