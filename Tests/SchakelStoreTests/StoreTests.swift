import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing

@Suite("Store")
struct StoreTests {
    @Test("the audit hash is SHA-256 in lower-case hex")
    func auditHash() {
        #expect(AuditLog.hash("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(AuditLog.hash("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
    }

    @Test("concurrent audit appends keep one unbroken chain")
    func concurrentAudit() async throws {
        try await withSchakel { server in
            let store = server.store
            try await withThrowingTaskGroup(of: Void.self) { group in
                for index in 0..<40 {
                    group.addTask {
                        try await store.audit.record(
                            [AuditEvent(.residentRead, objects: ["n:\(index)"])],
                            context: AuditContext(actor: nil, accessPoint: "test"))
                    }
                }
                try await group.waitForAll()
            }
            guard case .intact(let count) = try await store.audit.verify() else {
                Issue.record("chain broken under concurrency")
                return
            }
            #expect(count == 40)
        }
    }

    @Test("an address import with one bad row writes nothing; a good one writes all and updates existing addresses")
    func importAllOrNothing() async throws {
        try await withSchakel { server in
            let store = server.store
            var lines = ["postcode,huisnummer,toevoeging,straat,plaats,lat,lon,buurtcode"]
            for number in 1...1200 { lines.append("3822AE,\(number),,Het Gein,Amersfoort,52.185,5.415,BU03070905") }
            lines.append("3822AE,99999,ABCDE,Het Gein,Amersfoort,52.185,5.415,BU03070905")
            let bad = try await store.addresses.importRows(
                try AddressCSV.parse(lines.joined(separator: "\n")), context: .commandLine)
            #expect(!bad.succeeded)
            #expect(bad.rejected.map(\.line) == [1202])
            #expect(bad.rejected.first?.problems.map(\.field) == ["houseNumberAddition"])
            #expect(try await store.addresses.list(page: try Paging(), context: .commandLine).total == 0)

            lines.removeLast()
            let good = try await store.addresses.importRows(
                try AddressCSV.parse(lines.joined(separator: "\n")), context: .commandLine)
            #expect(good == .init(created: 1200, updated: 0, rejected: []))
            let again = try await store.addresses.importRows(
                try AddressCSV.parse(
                    "postcode,huisnummer,straat,plaats\n3822AE,1,Het Gein-Oost,Amersfoort\n3822AE,5000,Het Gein,Amersfoort\n"
                ),
                context: .commandLine)
            #expect(again == .init(created: 1, updated: 1, rejected: []))
            let first = try await store.addresses.find(
                postcode: try Postcode("3822AE"), houseNumber: try HouseNumber(number: 1))
            #expect(first?.street == "Het Gein-Oost")
            #expect(try await store.addresses.list(page: try Paging(), context: .commandLine).total == 1201)
        }
    }

    @Test("a failed change leaves neither the data nor an audit entry behind")
    func transactional() async throws {
        try await withSchakel { server in
            let store = server.store
            let before = try await store.audit.entries(resident: nil, from: nil, to: nil, page: try Paging()).total
            await #expect(throws: DomainError.conflict(key: "organisation.nameTaken")) {
                _ = try await store.accounts.createOrganisation(name: "Een", kind: .welfare, context: .commandLine)
                _ = try await store.accounts.createOrganisation(name: "Een", kind: .welfare, context: .commandLine)
            }
            let after = try await store.audit.entries(resident: nil, from: nil, to: nil, page: try Paging()).total
            #expect(after == before + 1)
            #expect(try await store.accounts.organisations().count == 1)
        }
    }
}
