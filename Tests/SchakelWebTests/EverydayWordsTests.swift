import Foundation
import SchakelCore
import SchakelStore
import SchakelTestSupport
import Testing
import Vapor

@testable import SchakelWeb

/// Residents and concierges search in their own words. Each everyday query must find its service among the
/// first three, on the demo map (22 services), on both databases.
@Suite("The social map finds in everyday words")
struct EverydayWordsTests {
    static let queries: [(String, String)] = [
        ("taalles", "Taalcafé"), ("Nederlands leren", "Taalcafé"), ("nederlands oefenen", "Taalcafé"),
        ("inburgering", "Taalcafé"), ("somber", "GGZ-inloop en crisisdienst"),
        ("depressie", "GGZ-inloop en crisisdienst"), ("psychische problemen", "GGZ-inloop en crisisdienst"),
        ("verslaving", "Inloopspreekuur verslaving"), ("alcohol", "Inloopspreekuur verslaving"),
        ("drugs", "Inloopspreekuur verslaving"), ("gokken", "Inloopspreekuur verslaving"),
        ("thuiszorg", "Wijkverpleging Schothorst"), ("wijkverpleegkundige", "Wijkverpleging Schothorst"),
        ("huurachterstand", "Schuldhulpverlening"), ("geldzorgen", "Schuldhulpverlening"),
        ("schulden", "Schuldhulpverlening"), ("deurwaarder", "Schuldhulpverlening"),
        ("hulp", "Schuldhulpverlening"), ("eenzaamheid ouderen", "Maatjesproject tegen eenzaamheid"),
        ("eenzaam", "Maatjesproject tegen eenzaamheid"), ("maatje", "Maatjesproject tegen eenzaamheid"),
        ("voedselbank", "Voedselpakket"), ("eten", "Voedselpakket"), ("boodschappen", "Voedselpakket"),
        ("huiselijk geweld", "Veilig Thuis: advies en melding"), ("mishandeling", "Veilig Thuis: advies en melding"),
        ("post en brieven", "Thuisadministratie"), ("formulieren invullen", "Formulierenbrigade"),
        ("toeslagen", "Formulierenbrigade"), ("dakloos", "Nachtopvang De Haven"),
        ("slaapplek", "Nachtopvang De Haven"), ("mantelzorger", "Mantelzorgspreekuur"),
        ("computer", "Digitaal spreekuur"), ("digid", "Digitaal spreekuur"), ("sport ouderen", "Bewegen voor ouderen"),
        ("gymnastiek", "Bewegen voor ouderen"), ("advocaat", "Juridisch spreekuur"),
        ("rechtshulp", "Juridisch spreekuur"),
        ("kapot", "Repair Café"), ("vrijwilliger worden", "Vrijwilligerswerk vinden"),
        ("samen eten", "Dinsdaglunch in het buurthuis"),
        ("koffie drinken", "Koffie-inloop Schothorst"), ("herstel", "Inloop van de Herstelacademie"),
    ]

    @Test("every everyday query finds its service in the top three")
    func everydayQueries() async throws {
        #expect(Self.queries.count >= 40)
        try await withSchakel { server in
            let report = try await server.store.socialMap.importServices(
                DemoData.mapServices(today: server.today).map { $0.document() }, context: .commandLine)
            #expect(report.created == 22)
            var misses: [String] = []
            for (query, service) in Self.queries {
                let found = try await server.store.socialMap.find(MapQuery(text: query), page: Paging(perPage: 3)).page
                if !found.items.map(\.service.name).contains(service) {
                    misses.append("\(query) → \(found.items.map(\.service.name))")
                }
            }
            #expect(misses == [])
        }
    }

    @Test("compounds split into known parts, synonyms expand at index and query time")
    func vocabulary() {
        #expect(SearchVocabulary.parts(of: "schuldhulpverlening") == ["schuld", "hulpverlening", "hulp", "verlening"])
        #expect(SearchVocabulary.parts(of: "verslavingszorg") == ["verslaving", "zorg"])
        #expect(SearchVocabulary.parts(of: "taalcafe") == ["taal", "cafe"])
        #expect(SearchVocabulary.parts(of: "amersfoort") == [])
        let words = SearchVocabulary.standard.indexWords("Oefenen met Nederlands praten")
        #expect(!words.contains("taalles"))
        let taal = SearchVocabulary.standard.indexWords("Taalcafé in de bibliotheek")
        #expect(taal.contains("taalles") && taal.contains("nederlands") && taal.contains("leren"))
        #expect(SearchVocabulary.standard.alternatives(of: "geldzorgen").contains("schulden"))
    }

    @Test("the map's upkeep adds its own search words, and removing them takes them away again")
    func ownWords() async throws {
        try await withSchakel { server in
            _ = try await World.build(on: server)
            _ = try await server.store.socialMap.importServices(
                DemoData.mapServices(today: server.today).map { $0.document() }, context: .commandLine)
            let map = server.store.socialMap
            #expect(try await map.find(MapQuery(text: "fietsenmaker"), page: Paging()).page.total == 0)
            let coordinator = server.browser()
            try await coordinator.login("coordinator")
            let page = try await coordinator.get("/kaart/beheer/soorten")
            #expect(page.body.contains("Zoekwoorden"))
            let one = try await coordinator.post("/kaart/beheer/zoekwoorden", form: [("words", "fietsenmaker")])
            #expect(one.status == .unprocessableEntity)
            #expect(one.body.contains("minstens twee verschillende woorden"))
            #expect(one.body.contains("value=\"fietsenmaker\""))
            let added = try await coordinator.post(
                "/kaart/beheer/zoekwoorden", form: [("words", "fietsenmaker, lekke band, repareren")])
            #expect(added.status == .seeOther)
            let found = try await map.find(MapQuery(text: "fietsenmaker"), page: Paging()).page
            #expect(found.items.first?.service.name == "Repair Café")
            let groups = try await map.ownSynonymGroups()
            #expect(groups.map(\.words) == [["fietsenmaker", "lekke band", "repareren"]])
            let removed = try await coordinator.post(
                "/kaart/beheer/zoekwoorden/\(groups[0].id)/verwijderen", form: [])
            #expect(removed.status == .seeOther)
            #expect(try await map.find(MapQuery(text: "fietsenmaker"), page: Paging()).page.total == 0)
            let concierge = server.browser()
            try await concierge.login("concierge")
            try await concierge.get("/")
            let refused = try await concierge.post("/kaart/beheer/zoekwoorden", form: [("words", "a, b")])
            #expect(refused.status == .forbidden)
        }
    }
}
