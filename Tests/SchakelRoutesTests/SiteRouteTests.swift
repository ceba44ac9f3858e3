import Foundation
import SchakelCore
import Testing

@testable import SchakelRoutes

@Suite("Typed routes: one value registers a route and makes its links")
struct SiteRouteTests {
    let resident = Resident.ID(UUID(uuidString: "1F2E3D4C-0000-4000-8000-000000000001")!)
    let round = Round.ID(UUID(uuidString: "1F2E3D4C-0000-4000-8000-000000000002")!)
    let stop = RoundStop.ID(UUID(uuidString: "1F2E3D4C-0000-4000-8000-000000000003")!)

    @Test("a pattern names its parameters; a link fills them in")
    func patternsAndLinks() {
        #expect(SiteRoute.resident(.key, .timeline).path() == "/bewoners/:residentID/tijdlijn")
        #expect(
            SiteRoute.resident(.value(resident), .timeline).path()
                == "/bewoners/1f2e3d4c-0000-4000-8000-000000000001/tijdlijn")
        #expect(SiteRoute.rounds(.outcome(.key, stop: .key)).path() == "/rondes/:roundID/stops/:stopID/uitkomst")
        #expect(
            SiteRoute.rounds(.correction(.value(round), stop: .value(stop))).path(fragment: "stop-x")
                == "/rondes/\(round)/stops/\(stop)/correctie#stop-x")
        #expect(SiteRoute.home.path() == "/")
        #expect(SiteRoute.upkeep(.index).path() == "/kaart/beheer")
    }

    @Test("query values are encoded, empty ones left out; no value can break out of its place")
    func queries() {
        #expect(
            SiteRoute.signals(.inbox).path(query: [("team", "mine"), ("state", nil), ("domain", "a b&c=d#e")])
                == "/signalen?team=mine&domain=a%20b%26c%3Dd%23e")
        #expect(SiteRoute.map.path(query: [("q", "hulp bij geld?")]) == "/kaart?q=hulp%20bij%20geld%3F")
        #expect(SiteRoute.upkeep(.term(.value("a/b"))).path() == "/kaart/beheer/soorten/a%2Fb")
        // A value that looks like a pattern's key is still a value.
        #expect(SiteRoute.upkeep(.term(.value(":termID"))).path() == "/kaart/beheer/soorten/%3AtermID")
        #expect(SiteRoute.language.path(query: [("back", "/bewoners?x=1")]) == "/taal?back=%2Fbewoners%3Fx%3D1")
    }

    @Test("every path is Dutch: no segment of the old English paths is left")
    func dutch() {
        let english: Set<String> = [
            "login", "logout", "language", "admin", "addresses", "residents", "deliveries", "rounds", "signals",
            "tasks", "out-of-view", "new", "edit", "settings", "summary", "plan", "remove",
        ]
        let routes: [SiteRoute] = [
            .login, .logout, .language, .admin(.index), .admin(.removeCoverage(.key)), .addresses(.edit(.key)),
            .residents(.new), .resident(.key, .edit), .delivery(.key, .removePause(.key)), .rounds(.summary),
            .rounds(.plan), .signals(.settings), .signals(.removeRule(.key)), .taskDone(.key), .outOfView(.settings),
        ]
        for route in routes {
            #expect(english.isDisjoint(with: route.segments), "\(route.path())")
        }
    }
}
