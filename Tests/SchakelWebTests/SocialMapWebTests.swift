import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@testable import SchakelWeb

@Suite("The social map")
struct SocialMapWebTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/hsds_3.0/examples")

    func loadDemoMap(_ server: TestServer) async throws {
        let report = try await server.store.socialMap.importServices(
            DemoData.mapServices(today: server.today).map { $0.document() }, context: .commandLine)
        #expect(report.created == 22 && report.refused.isEmpty)
    }

    func names(_ page: Paged<MapHit>) -> [String] { page.items.map(\.service.name) }

    @Test("Dutch search: stems and prefixes, accents folded, ranked by name first")
    func search() async throws {
        try await withSchakel { server in
            try await loadDemoMap(server)
            let map = server.store.socialMap
            let paging = try Paging(perPage: 50)
            let debts = names(try await map.search(MapQuery(text: "schuld"), page: paging))
            #expect(debts.first == "Schuldhulpverlening")
            #expect(debts.contains("Thuisadministratie"))
            #expect(
                names(try await map.search(MapQuery(text: "schulden"), page: paging)).first == "Schuldhulpverlening")
            // "eenzaamheid" finds the text "zich eenzaam voelt" and the reverse.
            let lonely = names(try await map.search(MapQuery(text: "eenzaamheid"), page: paging))
            #expect(lonely.contains("Koffie-inloop Schothorst"))
            #expect(
                names(try await map.search(MapQuery(text: "eenzaam"), page: paging)).contains(
                    "Dinsdaglunch in het buurthuis"))
            #expect(names(try await map.search(MapQuery(text: "CAFÉ"), page: paging)).contains("Repair Café"))
            #expect(names(try await map.search(MapQuery(text: "taalcafe"), page: paging)) == ["Taalcafé"])
            #expect(try await map.search(MapQuery(text: "xylofoonles"), page: paging).total == 0)
            // Pages of two cut the same list, across the name matches and the rest, and a page past the end
            // still knows the total.
            let all = try await map.search(MapQuery(text: "buurt"), page: paging)
            #expect(all.total > 4 && all.items.count == all.total)
            #expect(names(all).first?.lowercased().contains("buurt") == true)
            #expect(names(all).contains { !$0.lowercased().contains("buurt") })
            var paged: [String] = []
            for number in 1...((all.total + 1) / 2) {
                let part = try await map.search(MapQuery(text: "buurt"), page: try Paging(page: number, perPage: 2))
                #expect(part.total == all.total)
                paged += names(part)
            }
            #expect(paged == names(all))
            let beyond = try await map.search(MapQuery(text: "buurt"), page: try Paging(page: 99, perPage: 2))
            #expect(beyond.items.isEmpty && beyond.total == all.total)
            // A count kept from an earlier search gives way once the map changes.
            var added = try DemoData.mapServices(today: server.today)[0].document()
            added["id"] = .string(UUID().uuidString.lowercased())
            added["name"] = .string("Buurtbus")
            #expect(try await map.importServices([added], context: .commandLine).created == 1)
            let after = try await map.search(MapQuery(text: "buurt"), page: paging)
            #expect(after.total == all.total + 1 && names(after).contains("Buurtbus"))
            #expect(
                try await map.search(MapQuery(text: "buurt"), page: try Paging(page: 99, perPage: 2)).total
                    == after.total)
            // Kept counts said every match has the word in its name; a new one has it in its description only.
            #expect(names(try await map.search(MapQuery(text: "buurtbus"), page: paging)) == ["Buurtbus"])
            var described = try DemoData.mapServices(today: server.today)[1].document()
            described["id"] = .string(UUID().uuidString.lowercased())
            described["description"] = .string("Met de buurtbus naar de markt.")
            #expect(try await map.importServices([described], context: .commandLine).created == 1)
            let buses = try await map.search(MapQuery(text: "buurtbus"), page: paging)
            #expect(buses.total == 2 && names(buses).first == "Buurtbus" && buses.items.count == 2)
        }
    }

    @Test("filters: kind of help, language, free, open now, district; sorting by distance")
    func filters() async throws {
        try await withSchakel { server in
            try await loadDemoMap(server)
            let map = server.store.socialMap
            let paging = try Paging(perPage: 50)
            let food = DutchTaxonomy.term(named: "Maaltijden en voedsel")!
            #expect(
                Set(names(try await map.search(MapQuery(term: food.id), page: paging))) == [
                    "Dinsdaglunch in het buurthuis", "Voedselpakket", "Nachtopvang De Haven",
                ])
            #expect(
                Set(names(try await map.search(MapQuery(language: "ti"), page: paging))) == [
                    "Voedselpakket", "Taalcafé",
                ])
            let paidLunch = names(try await map.search(MapQuery(text: "lunch", freeOnly: true), page: paging))
            #expect(!paidLunch.contains("Dinsdaglunch in het buurthuis"))
            // Tuesday 1 December 2026 at 12:30 in Amsterdam: the lunch is on, the Saturday repair café is not.
            server.clock.advance(
                by: ISO8601DateFormatter().date(from: "2026-12-01T11:30:00Z")!.timeIntervalSince(server.clock.date))
            let open = names(try await map.search(MapQuery(openNow: true), page: paging))
            #expect(open.contains("Dinsdaglunch in het buurthuis"))
            #expect(open.contains("Veilig Thuis: advies en melding"))
            #expect(!open.contains("Repair Café"))
            // At 02:00 on Wednesday night only the night shelter (open past midnight) and Veilig Thuis are open.
            server.clock.advance(by: 13.5 * 3600)
            #expect(
                Set(names(try await map.search(MapQuery(openNow: true), page: paging))) == [
                    "Nachtopvang De Haven", "Veilig Thuis: advies en melding",
                ])
            let near = try Coordinate(latitude: 52.1838, longitude: 5.4102)
            let nearest = try await map.search(MapQuery(near: near, sort: .distance), page: paging)
            #expect(nearest.items.first?.service.places.first?.name == "Wijkcentrum Schothorst")
            #expect(nearest.items.first?.distance ?? 1000 < 10)
        }
    }

    @Test("an import with a bad record writes nothing, or only the good ones when asked; export gives back the same")
    func importExport() async throws {
        try await withSchakel { server in
            let map = server.store.socialMap
            var documents = try DemoData.mapServices(today: server.today).map { $0.document() }
            var broken = documents[3]
            broken["status"] = .string("open")
            broken["name"] = nil
            documents[3] = broken
            let refused = try await map.importServices(documents, context: .commandLine)
            #expect(refused.created == 0)
            #expect(refused.refused.count == 1)
            #expect(refused.refused[0].record == broken["id"]?.text)
            #expect(Set(refused.refused[0].problems.map(\.field)) == ["name", "status"])
            #expect(try await map.count == 0)
            let partial = try await map.importServices(documents, validOnly: true, context: .commandLine)
            #expect(partial.created == 21)
            #expect(try await map.count == 21)
            // Exported documents are exactly those imported; importing them again updates, not doubles.
            let exported = try await map.exportServices()
            let byID = Dictionary(uniqueKeysWithValues: documents.map { ($0["id"]!.text!, $0) })
            #expect(exported.allSatisfy { byID[$0["id"]!.text!] == $0 })
            let again = try await map.importServices(exported, context: .commandLine)
            #expect(again.created == 0 && again.updated == 21)
            #expect(try await map.count == 21)
            #expect(try await map.search(MapQuery(text: "schuld"), page: Paging()).total > 0)
        }
    }

    @Test("the HSDS example data imports, and exports unchanged")
    func hsdsExample() async throws {
        try await withSchakel { server in
            let services = try HSDSFiles.read(Self.examples.path)
            #expect(services.count == 1)
            let report = try await server.store.socialMap.importServices(services, context: .commandLine)
            #expect(report.created == 1)
            let original = try JSONValue.parse(
                try Data(contentsOf: Self.examples.appendingPathComponent("service_full.json")))
            #expect(try await server.store.socialMap.exportServices() == [original])
            let hit = try await server.store.socialMap.search(MapQuery(text: "counselling"), page: Paging())
            #expect(hit.items.map(\.service.name) == ["Community Counselling"])
        }
    }

    @Test("the HSDA API serves services, organisations, service_at_locations and taxonomy terms, paged, without login")
    func hsda() async throws {
        try await withSchakel { server in
            try await loadDemoMap(server)
            let visitor = server.browser()
            func json(_ path: String) async throws -> [String: Any] {
                let response = try await visitor.get(path)
                #expect(response.status == .ok, "\(path)")
                return (try JSONSerialization.jsonObject(with: Data(response.body.utf8))) as? [String: Any] ?? [:]
            }
            let page = try await json("/api/hsds/services?search=schulden&per_page=2")
            #expect(page["total_items"] as? Int == 4)
            #expect(page["total_pages"] as? Int == 2)
            #expect(page["first_page"] as? Bool == true && page["last_page"] as? Bool == false)
            let contents = try #require(page["contents"] as? [[String: Any]])
            #expect(contents.first?["name"] as? String == "Schuldhulpverlening")
            let id = try #require(contents.first?["id"] as? String)
            #expect(try await json("/api/hsds/services/\(id)")["name"] as? String == "Schuldhulpverlening")
            let organization = try #require(
                (contents.first?["organization"] as? [String: Any])?["id"] as? String)
            let full = try await json("/api/hsds/organizations/\(organization)")
            #expect((full["services"] as? [[String: Any]])?.contains { $0["id"] as? String == id } == true)
            let all = try await json("/api/hsds/service_at_locations?per_page=100")
            let places = try #require(all["contents"] as? [[String: Any]])
            #expect(places.count == all["total_items"] as? Int)
            #expect(places.allSatisfy { ($0["service"] as? [String: Any])?["name"] != nil })
            let second = try await json("/api/hsds/service_at_locations?per_page=5&page=2")
            #expect((second["contents"] as? [[String: Any]])?.first?["id"] as? String == places[5]["id"] as? String)
            let sal = try #require(places.first?["id"] as? String)
            #expect(try await json("/api/hsds/service_at_locations/\(sal)")["id"] as? String == sal)
            #expect(try await json("/api/hsds/taxonomy_terms?per_page=100")["total_items"] as? Int == 20)
            let terms = "/api/hsds/taxonomy_terms"
            #expect(try await json("\(terms)?taxonomy_id=\(DutchTaxonomy.id)")["total_items"] as? Int == 20)
            #expect(try await json("\(terms)?taxonomy_id=\(UUID())")["total_items"] as? Int == 0)
            #expect(try await json("\(terms)?top_only=true")["total_items"] as? Int == 20)
            #expect(try await json("\(terms)?parent_id=\(UUID())")["total_items"] as? Int == 0)
            // Organisations by part of their name, in any case.
            let name = try #require(full["name"] as? String)
            let fragment = String(name.dropFirst().prefix(5)).uppercased()
            let named = try await json(
                "/api/hsds/organizations?search=\(fragment.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? "")"
            )
            #expect((named["contents"] as? [[String: Any]])?.contains { $0["id"] as? String == organization } == true)
            #expect(try await json("/api/hsds/organizations?search=zqxj")["total_items"] as? Int == 0)
            #expect((try await json("/api/hsds/taxonomies")["contents"] as? [Any])?.count == 1)
            let missing = try await visitor.get("/api/hsds/services/\(UUID())")
            #expect(missing.status == .notFound)
            #expect(missing.headers.contentType?.subType == "problem+json")
            #expect(try await visitor.get("/api/hsds/services?per_page=500").status == .unprocessableEntity)
        }
    }

    @Test("the public pages need no login, show no personal data and answer bad filters in Dutch")
    func publicPages() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            try await loadDemoMap(server)
            let visitor = server.browser()
            let page = try await visitor.get("/kaart?q=schulden&gratis=1")
            #expect(page.status == .ok)
            #expect(page.body.contains("Schuldhulpverlening"))
            #expect(!page.body.contains("Dinsdaglunch"))
            let link = String(try #require(page.body.firstMatch(of: /href="(\/kaart\/diensten\/[0-9a-f-]{36})"/)?.1))
            let service = try await visitor.get(link)
            #expect(service.status == .ok)
            #expect(service.body.contains("Bel 14 033"))
            for resident in world.residents.values {
                #expect(!page.body.contains(resident.familyName))
                #expect(!service.body.contains(resident.familyName))
            }
            let bad = try await visitor.get("/kaart?wijk=nergens")
            #expect(bad.status == .unprocessableEntity || bad.body.contains("error-summary"))
            #expect(try await visitor.get("/kaart/diensten/\(UUID())").status == .notFound)
            #expect(try await visitor.get("/kaart/diensten/geen-id").status == .notFound)
        }
    }
}

@Suite("Keeping the social map right")
struct MapUpkeepWebTests {
    @Test("a coordinator adds a service by form; bad input is named and kept; the public page shows it")
    func createByForm() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            _ = try await coordinator.get("/kaart/beheer/nieuw")
            let lunch = DutchTaxonomy.term(named: "Maaltijden en voedsel")!
            var form: [(String, String)] = [
                ("name", "Soepmiddag"), ("description", ""), ("organizationID", "new"),
                ("organizationName", "Buurtvereniging Liendert"), ("organizationDescription", "Bewoners voor bewoners"),
                ("terms[]", lunch.id), ("street", "Liendertseweg 1"), ("postcode", "3815 AA"), ("city", "Amersfoort"),
                ("days1[]", "wednesday"), ("opens1", "12:00"), ("closes1", "25:00"), ("cost", "gratis?"),
                ("languages[]", "nl"), ("acceptsReferrals", "on"), ("waitWeeks", "2"), ("email", "soep"),
            ]
            let bad = try await coordinator.post("/kaart/beheer", form: form)
            #expect(bad.status == .unprocessableEntity)
            for message in [
                "is verplicht", "moet een bedrag tussen 0 en 1000 euro zijn", "is geen e-mailadres",
            ] {
                #expect(bad.body.contains(message), "\(message)")
            }
            #expect(bad.body.contains("value=\"Buurtvereniging Liendert\""))
            #expect(try await server.store.socialMap.count == 0)
            form = form.map { field in
                switch field.0 {
                case "description": ("description", "Elke woensdag soep en brood voor iedereen.")
                case "closes1": ("closes1", "13:30")
                case "cost": ("cost", "")
                case "email": ("email", "soep@liendert.example")
                default: field
                }
            }
            let saved = try await coordinator.post("/kaart/beheer", form: form)
            #expect(saved.status == .seeOther)
            let page = try await server.browser().get(try #require(saved.location))
            #expect(page.body.contains("Soepmiddag"))
            #expect(page.body.contains("wachttijd ongeveer 2 weken"))
            #expect(page.body.contains("woensdag 12:00–13:30"))
            let found = try await server.store.socialMap.search(MapQuery(text: "soep"), page: Paging())
            #expect(found.items.first?.service.free == true)
            #expect(found.items.first?.service.organizationName == "Buurtvereniging Liendert")
            let volunteer = server.browser()
            try await volunteer.login("volunteer")
            #expect(try await volunteer.get("/kaart/beheer").status == .forbidden)
        }
    }

    @Test("changing an imported HSDS service keeps the fields the form does not know; capacity survives a re-import")
    func editKeepsUnknownFields() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            let map = server.store.socialMap
            let example = try HSDSFiles.read(SocialMapWebTests.examples.path)
            _ = try await map.importServices(example, context: .commandLine)
            let id = try #require(example[0]["id"]?.text)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let edit = try await coordinator.get("/kaart/beheer/\(id)")
            #expect(edit.body.contains("value=\"Community Counselling\""))
            let form: [(String, String)] = [
                ("name", "Community Counselling Amersfoort"), ("description", "Gesprekken met een counsellor."),
                ("organizationID", try #require(example[0]["organization"]?["id"]?.text)),
                ("street", "Stadhuisplein 1"), ("postcode", "3811 LM"), ("city", "Amersfoort"),
                ("days1[]", "thursday"), ("days1[]", "friday"), ("opens1", "10:00"), ("closes1", "18:00"),
                ("cost", "50"), ("status", "active"), ("waitWeeks", "6"),
            ]
            #expect(try await coordinator.post("/kaart/beheer/\(id)", form: form).status == .seeOther)
            let exported = try await map.exportServices()[0]
            #expect(exported["name"]?.text == "Community Counselling Amersfoort")
            #expect(exported["accreditations"] == example[0]["accreditations"])
            #expect(exported["funding"] == example[0]["funding"])
            #expect(
                exported["service_at_locations"]?.items.first?["contacts"]
                    == example[0]["service_at_locations"]?.items.first?["contacts"])
            let hit = try await map.service(MapService.ID(id)!)
            #expect(hit.waitWeeks == 6)
            #expect(hit.acceptsReferrals == false)
            // A new import of the same service keeps Schakel's capacity and owner.
            _ = try await map.importServices(example, context: .commandLine)
            #expect(try await map.service(MapService.ID(id)!).waitWeeks == 6)
        }
    }

    @Test("kinds of help are added and renamed; a new name reaches every service of that kind and the search")
    func taxonomy() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            _ = try await server.store.socialMap.importServices(
                DemoData.mapServices(today: server.today).map { $0.document() }, context: .commandLine)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            _ = try await coordinator.get("/kaart/beheer/soorten")
            #expect(
                try await coordinator.post("/kaart/beheer/soorten", form: [("name", "Klusjeshulp")]).status == .seeOther
            )
            let twice = try await coordinator.post("/kaart/beheer/soorten", form: [("name", "klusjeshulp")])
            #expect(twice.status == .unprocessableEntity)
            #expect(twice.body.contains("deze soort hulp bestaat al"))
            let food = DutchTaxonomy.term(named: "Maaltijden en voedsel")!
            #expect(
                try await coordinator.post("/kaart/beheer/soorten/\(food.id)", form: [("name", "Warme maaltijden")])
                    .status == .seeOther)
            let terms = try await server.store.socialMap.terms().map(\.name)
            #expect(terms.contains("Klusjeshulp") && terms.contains("Warme maaltijden"))
            #expect(!terms.contains("Maaltijden en voedsel"))
            let lunch = try await server.store.socialMap.search(MapQuery(term: food.id), page: Paging(perPage: 50))
            #expect(lunch.items.allSatisfy { $0.service.terms.contains { $0.name == "Warme maaltijden" } })
            #expect(lunch.total == 3)
            let page = try await server.browser().get("/kaart/diensten/\(lunch.items[0].service.id)")
            #expect(page.body.contains("Warme maaltijden"))
        }
    }

    @Test("a stale entry is listed for its owner until it is checked")
    func stale() async throws {
        try await withSchakel { server in
            let world = try await World.build(on: server)
            let owner = world.users["coordinator"]!.id
            let drafts = try DemoData.mapServices(today: server.today)
            _ = try await server.store.socialMap.importServices(
                drafts.map { $0.document() },
                upkeep: Dictionary(
                    uniqueKeysWithValues: drafts.map {
                        (MapService.ID($0.id), Upkeep(owner: owner, acceptsReferrals: true, waitWeeks: nil))
                    }), context: .commandLine)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let home = try await coordinator.get("/")
            let notice = try #require(
                home.body.firstMatch(of: /(\d+) diensten op de sociale kaart moeten worden gecontroleerd/))
            let before = Int(notice.1)!
            #expect(before >= 1)
            let list = try await coordinator.get("/kaart/beheer?verouderd=1&mijn=1")
            let first = String(
                try #require(list.body.firstMatch(of: /action="(\/kaart\/beheer\/[0-9a-f-]{36}\/gecontroleerd)"/)?.1))
            #expect(try await coordinator.post(first, form: []).status == .seeOther)
            let after = try await coordinator.get("/")
            #expect(after.body.contains("\(before - 1) diensten op de sociale kaart") || before == 1)
        }
    }
}

@Suite("The social map from where you stand")
struct MapNearMeTests {
    @Test("the phone's location sorts by distance; a location abroad is named, not used")
    func nearMe() async throws {
        try await withSchakel { server in
            _ = try await server.store.socialMap.importServices(
                DemoData.mapServices(today: server.today).map { $0.document() }, context: .commandLine)
            let visitor = server.browser()
            let near = try await visitor.get("/kaart?sorteer=distance&lat=52.18380&lon=5.41020")
            let first = try #require(near.body.firstMatch(of: /class="title">([^<]+)</)?.1)
            #expect(
                ["Koffie-inloop Schothorst", "Bewegen voor ouderen", "Vrijwilligerswerk vinden"].contains(String(first))
            )
            #expect(near.body.contains("0 m hiervandaan") || near.body.contains("10 m hiervandaan"))
            let abroad = try await visitor.get("/kaart?sorteer=distance&lat=48.85&lon=2.35")
            #expect(abroad.body.contains("deze locatie ligt niet in Nederland"))
            #expect(near.body.contains("src=\"/map.js\""))
        }
    }
}
