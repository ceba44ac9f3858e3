import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// Changing an address's buurt moves the residents living there; it must never open their files to
/// someone who could not see them.
@Suite("Addresses: a change of buurt is a move of its residents")
struct AddressMoveTests {
    static func body(_ address: Address, buurt: String?) -> String {
        let buurtField = buurt.map { #","buurtCode":"\#($0)""# } ?? ""
        return
            #"{"postcode":"\#(address.postcode)","houseNumber":\#(address.houseNumber.number),"street":"\#(address.street)","place":"\#(address.place)"\#(buurtField)}"#
    }

    @Test("a social worker cannot take another team's residents by moving their address into their own area")
    func takeoverRefused() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let greet = world.residents["greet"]!.id
            let centre = world.addresses["centre1"]!
            var api = APIClient(server)
            try await api.login("socialworker")
            #expect(try await api.send(.GET, "/api/v1/residents/\(greet)").status == .forbidden)
            let move = try await api.send(
                .PUT, "/api/v1/addresses/\(centre.id)", json: Self.body(centre, buurt: "BU03070900"))
            #expect(move.status == .forbidden)
            #expect(try await api.send(.GET, "/api/v1/residents/\(greet)").status == .forbidden)
            #expect(try await server.store.addresses.find(centre.id)?.buurtCode?.description == "BU03070101")
            // The web form is the same door, and just as closed.
            let browser = server.browser()
            try await browser.login("socialworker")
            try await browser.get("/adressen/\(centre.id)/wijzigen")
            let form = try await browser.post(
                "/adressen/\(centre.id)",
                form: [
                    ("postcode", "3811 HN"), ("houseNumber", "8"), ("street", "Langestraat"), ("place", "Amersfoort"),
                    ("buurtCode", "BU03070900"),
                ])
            #expect(form.status == .forbidden)
            #expect(try await server.store.addresses.find(centre.id)?.buurtCode?.description == "BU03070101")
            // The residents' own team keeps them, and the attempt is in the access log.
            var own = APIClient(server)
            try await own.login("socialworker2")
            #expect(try await own.send(.GET, "/api/v1/residents/\(greet)").status == .ok)
            let log = try await server.store.audit.entries(resident: greet, from: nil, to: nil, page: try Paging())
            #expect(
                log.items.contains {
                    $0.event == "access.denied" && $0.username == "socialworker"
                        && $0.objects.contains("address.update")
                })
        }
    }

    @Test("leaving the buurt code out does not silently remove it")
    func buurtNotDropped() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let centre = world.addresses["centre1"]!
            var api = APIClient(server)
            try await api.login("socialworker2")
            let response = try await api.send(
                .PUT, "/api/v1/addresses/\(centre.id)", json: Self.body(centre, buurt: nil))
            #expect(response.status == .unprocessableEntity)
            let errors = APIClient.json(response)["errors"] as? [[String: Any]] ?? []
            #expect(errors.contains { $0["field"] as? String == "buurtCode" })
            #expect(try await server.store.addresses.find(centre.id)?.buurtCode?.description == "BU03070101")
        }
    }

    @Test("a move within the worker's own area is allowed and audited as a move of each resident")
    func moveWithinArea() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let east2 = world.addresses["east2"]!
            let kemal = world.residents["kemal"]!.id
            var api = APIClient(server)
            try await api.login("socialworker")
            let response = try await api.send(
                .PUT, "/api/v1/addresses/\(east2.id)", json: Self.body(east2, buurt: "BU03070900"))
            #expect(response.status == .ok)
            let log = try await server.store.audit.entries(resident: kemal, from: nil, to: nil, page: try Paging())
            let move = try #require(log.items.first { $0.event == "resident.move" })
            #expect(move.objects.contains("address:\(east2.id)"))
            #expect(move.objects.contains("from:BU03070902"))
            #expect(move.objects.contains("to:BU03070900"))
            #expect(move.username == "socialworker")
        }
    }

    @Test("a social worker may not hand residents to an area outside their teams; the coordinator may")
    func handover() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let east1 = world.addresses["east1"]!
            let annie = world.residents["annie"]!.id
            var worker = APIClient(server)
            try await worker.login("socialworker")
            let refused = try await worker.send(
                .PUT, "/api/v1/addresses/\(east1.id)", json: Self.body(east1, buurt: "BU03070101"))
            #expect(refused.status == .forbidden)
            var coordinator = APIClient(server)
            try await coordinator.login("coordinator")
            let handed = try await coordinator.send(
                .PUT, "/api/v1/addresses/\(east1.id)", json: Self.body(east1, buurt: "BU03070101"))
            #expect(handed.status == .ok)
            var centre = APIClient(server)
            try await centre.login("socialworker2")
            #expect(try await centre.send(.GET, "/api/v1/residents/\(annie)").status == .ok)
            let log = try await server.store.audit.entries(resident: annie, from: nil, to: nil, page: try Paging())
            #expect(log.items.contains { $0.event == "resident.move" && $0.username == "coordinator" })
        }
    }

    @Test("an address list cannot move residents the importer may not move, and then writes nothing")
    func importRefusesMoves() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let context = try await world.context("socialworker", on: server)
            let rows = try AddressCSV.parse(
                """
                postcode;huisnummer;straat;plaats;buurtcode
                3811HN;8;Langestraat;Amersfoort;BU03070900
                3822AB;12;Elly Takmastraat;Amersfoort;
                3822AD;1;Nieuwe straat;Amersfoort;BU03070900
                """)
            let report = try await server.store.addresses.importRows(rows, context: context)
            #expect(report.rejected.map(\.line) == [2])
            #expect(report.rejected.first?.problems.first?.key == "address.moveNotAllowed")
            let centre = world.addresses["centre1"]!
            #expect(try await server.store.addresses.find(centre.id)?.buurtCode?.description == "BU03070101")
            // An empty buurt code in a list keeps the known one; the whole list is written once allowed.
            let allowed = try await server.store.addresses.importRows(Array(rows.dropFirst()), context: context)
            #expect(allowed.succeeded)
            #expect(allowed.created == 1 && allowed.updated == 1)
            #expect(
                try await server.store.addresses.find(world.addresses["east1"]!.id)?.buurtCode?.description
                    == "BU03070900")
        }
    }
}

@Suite("Addresses: moves at the same time")
struct ConcurrentAddressMoveTests {
    @Test("concurrent changes of one address's buurt each read the buurt the previous one left")
    func concurrentMoves() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let east2 = world.addresses["east2"]!
            let kemal = world.residents["kemal"]!.id
            let context = try await world.context("socialworker", on: server)
            let addresses = server.store.addresses
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<12 {
                    group.addTask {
                        _ = try await addresses.update(
                            east2.id,
                            with: AddressInput(
                                postcode: east2.postcode.value, houseNumber: "4", street: east2.street,
                                place: east2.place, buurtCode: index % 2 == 0 ? "BU03070900" : "BU03070902"),
                            context: context)
                    }
                }
                try await group.waitForAll()
            }
            // Every move starts where the one before it ended: no change was decided on a stale buurt.
            let log = try await server.store.audit.entries(
                resident: kemal, from: nil, to: nil, page: try Paging(perPage: 100))
            let moves = log.items.filter { $0.event == "resident.move" }.sorted { $0.sequence < $1.sequence }
            #expect(!moves.isEmpty)
            var current = "BU03070902"
            for move in moves {
                #expect(move.objects.contains("from:\(current)"))
                current = move.objects.first { $0.hasPrefix("to:") }.map { String($0.dropFirst(3)) } ?? "?"
            }
            #expect(try await addresses.find(east2.id)?.buurtCode?.description == current)
            #expect(
                try await server.store.audit.verify()
                    == .intact(entries: try await server.store.audit.anchor()!.sequence))
        }
    }
}
