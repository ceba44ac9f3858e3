import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

/// Every label names the input it belongs to, also where a page repeats a form (one per stop, per
/// resident on the out-of-view list, per delivery, per team).
@Suite("Labels point at their own inputs")
struct LabelTests {
    /// Ids that occur more than once, and label targets that are not exactly one element's id.
    static func labelProblems(_ html: String) -> [String] {
        func values(_ attribute: String) -> [String] {
            let pattern = try! NSRegularExpression(pattern: "\\s\(attribute)=\"([^\"]*)\"")
            let range = NSRange(html.startIndex..., in: html)
            return pattern.matches(in: html, range: range).map { String(html[Range($0.range(at: 1), in: html)!]) }
        }
        var counts: [String: Int] = [:]
        for id in values("id") { counts[id, default: 0] += 1 }
        let repeated = counts.filter { $0.value > 1 }.map { "id \($0.key) \($0.value)×" }
        let dangling = values("for").filter { counts[$0] != 1 }.map { "label for \($0)" }
        return (repeated + dangling).sorted()
    }

    @Test("the round page, with two stops")
    func roundPage() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
            try await server.arrangeMeal(for: world.residents["kemal"]!, world: world)
            try await server.planToday(world: world)
            let concierge = server.browser()
            try await concierge.login("concierge")
            let location = try await concierge.get("/rondes").location ?? ""
            let page = try await concierge.get(location)
            #expect(page.body.components(separatedBy: "class=\"outcome\"").count - 1 == 2)
            #expect(Self.labelProblems(page.body) == [])
        }
    }

    @Test("out of view, deliveries and administration")
    func repeatedForms() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
            try await server.arrangeMeal(for: world.residents["annie"]!, world: world)
            try await server.arrangeMeal(for: world.residents["kemal"]!, world: world)
            server.clock.advance(by: 20 * 86_400)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let outOfView = try await coordinator.get("/uit-beeld?team=\(world.teams["east"]!.id)")
            #expect(outOfView.status == .ok)
            #expect(outOfView.body.contains("Kemal"))
            #expect(Self.labelProblems(outOfView.body) == [])
            let deliveries = try await coordinator.get("/bewoners/\(world.residents["annie"]!.id)")
            #expect(deliveries.status == .ok)
            #expect(Self.labelProblems(deliveries.body) == [])
            let admin = server.browser()
            try await admin.login("admin")
            let page = try await admin.get("/beheer")
            #expect(page.status == .ok)
            #expect(Self.labelProblems(page.body) == [])
        }
    }
}
