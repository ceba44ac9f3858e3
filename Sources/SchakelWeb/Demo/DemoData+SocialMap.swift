import Foundation
import SchakelCore
import SchakelStore

extension DemoData {
    /// One organisation of the demo map: name and what it does.
    struct MapOrganization {
        var name: String
        var description: String
        var id: UUID { UUID.derived(from: DemoData.mapNamespace, "organisation " + name) }
    }

    static let mapNamespace = UUID(uuidString: "5c1a0d52-3f0e-4c55-9b1e-2f8d7c6a9e01")!

    static let mapOrganizations: [String: MapOrganization] = [
        "gemeente": .init(
            name: "Gemeente Amersfoort",
            description: "De gemeente: schuldhulp, Wmo en de sociale teams in de wijken."),
        "welzijn": .init(
            name: "Stichting Welzijn Eemland", description: "Welzijnswerk, buurthuizen en buurtconciërges."),
        "humanitas": .init(
            name: "Humanitas Eemland", description: "Vrijwilligers die helpen met administratie en eenzaamheid."),
        "herstel": .init(
            name: "Herstelacademie Amersfoort",
            description: "Cursussen en inloop door en voor mensen met psychische kwetsbaarheid."),
        "voedselbank": .init(name: "Voedselbank Amersfoort", description: "Voedselpakketten voor wie het krap heeft."),
        "bibliotheek": .init(name: "Bibliotheek Eemland", description: "Taal, digitale vaardigheden en ontmoeting."),
        "ggz": .init(name: "GGZ Eemvallei", description: "Geestelijke gezondheidszorg in de regio Amersfoort."),
        "veiligthuis": .init(
            name: "Veilig Thuis Utrecht", description: "Advies- en meldpunt huiselijk geweld en kindermishandeling."),
        "sport": .init(name: "SRO Amersfoort", description: "Buurtsportcoaches en bewegen in de wijk."),
        "mantelzorg": .init(name: "Mantelzorgpunt Amersfoort", description: "Steun en respijt voor mantelzorgers."),
        "verslavingszorg": .init(
            name: "Verslavingszorg Eemland", description: "Hulp bij problemen met alcohol, drugs, gokken en gamen."),
        "wijkverpleging": .init(
            name: "Wijkverpleging Eemland", description: "Verpleging en verzorging bij u thuis, in de wijk."),
    ]

    /// About twenty services of a plausible Amersfoort, as Schakel's own drafts; opening hours in local time.
    /// Where the services and activities of the demo are, with the buurt each address lies in. They are put
    /// in the address register, so the map and the calendar find a service's and an activity's wijk from
    /// its address, as they do for real data.
    struct Venue {
        var street: String
        var postcode: String
        /// nil for an address outside the demo's neighbourhoods.
        var buurt: String?
        var latitude: Double
        var longitude: Double
    }

    static let venues: [Venue] = [
        Venue(street: "Gildeplein 3", postcode: "3813 NA", buurt: "BU03070603", latitude: 52.1679, longitude: 5.3811),
        Venue(
            street: "Queekhovenplein 1", postcode: "3823 GA", buurt: "BU03070903", latitude: 52.1838, longitude: 5.4102),
        Venue(
            street: "Stadhuisplein 1", postcode: "3811 LM", buurt: "BU03070107", latitude: 52.1561, longitude: 5.3878),
        Venue(street: "Eemplein 77", postcode: "3812 EA", buurt: "BU03070105", latitude: 52.1615, longitude: 5.3755),
        Venue(street: "Langestraat 40", postcode: "3811 AJ", buurt: "BU03070101", latitude: 52.1566, longitude: 5.3868),
        Venue(
            street: "Kruiskamplaan 20", postcode: "3817 AP", buurt: "BU03070700", latitude: 52.1688, longitude: 5.3980),
        Venue(street: "Utrechtseweg 266", postcode: "3818 EW", buurt: nil, latitude: 52.1464, longitude: 5.3690),
        Venue(street: "Smallepad 30", postcode: "3811 MG", buurt: "BU03070200", latitude: 52.1490, longitude: 5.3780),
        Venue(
            street: "Lieve Vrouwestraat 5", postcode: "3811 BR", buurt: "BU03070103", latitude: 52.1582,
            longitude: 5.3849),
    ]

    /// Puts the venues in the address register (an address already there keeps its record).
    static func registerVenues(store: Store) async throws {
        for venue in venues {
            let parts = venue.street.split(separator: " ")
            let input = AddressInput(
                postcode: venue.postcode, houseNumber: String(parts.last!),
                street: parts.dropLast().joined(separator: " "),
                place: "Amersfoort", latitude: String(venue.latitude), longitude: String(venue.longitude),
                buurtCode: venue.buurt)
            let address = try input.validated(id: store.ids())
            if try await store.addresses.find(postcode: address.postcode, houseNumber: address.houseNumber) == nil {
                _ = try await store.addresses.create(input, context: .commandLine)
            }
        }
    }

    /// The buurt of a venue, by its street and number.
    static func buurt(of street: String) -> String? { venues.first { $0.street == street }?.buurt }

    static func mapServices(today: LocalDate) throws -> [ServiceDraft] {
        func term(_ name: String) -> MapService.Term { DutchTaxonomy.term(named: name)! }
        func at(_ name: String, _ street: String, _ postcode: String, _ lat: Double, _ lon: Double)
            -> ServiceDraft.Place
        {
            precondition(venues.contains { $0.street == street && $0.postcode == postcode }, "venue \(name) unknown")
            return .init(
                name: name, street: street, postcode: postcode, city: "Amersfoort", latitude: lat, longitude: lon)
        }
        func open(_ days: [Weekday], _ from: String, _ to: String) throws -> ServiceDraft.Opening {
            .init(days: days, opens: try TimeOfDay(from), closes: try TimeOfDay(to))
        }
        let weekdays: [Weekday] = [.monday, .tuesday, .wednesday, .thursday, .friday]
        let buurthuisOost = at("Buurthuis De Koppel", "Gildeplein 3", "3813 NA", 52.1679, 5.3811)
        let wijkcentrumSchothorst = at("Wijkcentrum Schothorst", "Queekhovenplein 1", "3823 GA", 52.1838, 5.4102)
        let stadhuis = at("Stadhuis Amersfoort", "Stadhuisplein 1", "3811 LM", 52.1561, 5.3878)
        let bibliotheek = at("Bibliotheek Eemhuis", "Eemplein 77", "3812 EA", 52.1615, 5.3755)
        let herstelhuis = at("Huis van Herstel", "Langestraat 40", "3811 AJ", 52.1566, 5.3868)
        var services:
            [(
                String, String, String, [String], ServiceDraft.Place?, [ServiceDraft.Opening], Double?, String?,
                String?, [String]
            )] = [
                (
                    "gemeente", "Schuldhulpverlening",
                    "Hulp bij schulden: een schuldhulpverlener zoekt met u naar een"
                        + " oplossing, van een betalingsregeling tot een schuldregeling.",
                    ["Schuldhulpverlening", "Geldzaken en administratie"], stadhuis,
                    [try open(weekdays, "09:00", "17:00")],
                    nil,
                    "Bel 14 033 of meld u aan via het formulier op de website; een buurtconciërge kan u aanmelden.",
                    "Inwoners van Amersfoort met schulden of betalingsproblemen.", ["nl", "en", "tr", "ar"]
                ),
                (
                    "humanitas", "Thuisadministratie",
                    "Een vrijwilliger komt thuis helpen de post en de administratie"
                        + " op orde te krijgen en te houden.",
                    ["Geldzaken en administratie", "Schuldhulpverlening"], nil, [], nil,
                    "Aanmelden per telefoon of via de buurtconciërge.", "Iedereen die overzicht mist in de papieren.",
                    ["nl"]
                ),
                (
                    "welzijn", "Formulierenbrigade",
                    "Inloopspreekuur voor hulp bij formulieren, toeslagen en brieven"
                        + " van instanties.",
                    ["Geldzaken en administratie"], buurthuisOost, [try open([.tuesday, .thursday], "10:00", "12:00")],
                    nil, "Loop binnen, neem de brieven mee.", nil, ["nl", "tr", "ar"]
                ),
                (
                    "welzijn", "Dinsdaglunch in het buurthuis",
                    "Samen eten met buurtgenoten: soep, brood en een warme"
                        + " maaltijd. Tegen eenzaamheid en voor gezelligheid.",
                    ["Eenzaamheid en ontmoeting", "Maaltijden en voedsel", "Activiteiten in de buurt"], buurthuisOost,
                    [try open([.tuesday], "12:00", "13:30")], 4.5, "Opgeven tot maandag 12:00 bij de balie.", nil,
                    ["nl"]
                ),
                (
                    "welzijn", "Koffie-inloop Schothorst",
                    "Elke ochtend koffie en een praatje; wie zich eenzaam voelt"
                        + " is welkom.",
                    ["Eenzaamheid en ontmoeting", "Activiteiten in de buurt"], wijkcentrumSchothorst,
                    [try open(weekdays, "09:30", "11:30")], nil, "Gewoon binnenlopen.", nil, ["nl"]
                ),
                (
                    "humanitas", "Maatjesproject tegen eenzaamheid",
                    "Een vaste vrijwilliger komt wekelijks op bezoek"
                        + " om samen iets te ondernemen.",
                    ["Eenzaamheid en ontmoeting", "Vrijwilligerswerk"], nil, [], nil,
                    "Aanmelden via de coördinator, ook door een professional.",
                    "Volwassenen die weinig mensen zien.", ["nl"]
                ),
                (
                    "voedselbank", "Voedselpakket", "Wekelijks een pakket met eten voor wie onder de norm leeft.",
                    ["Maaltijden en voedsel"],
                    at("Uitgiftepunt Kruiskamp", "Kruiskamplaan 20", "3817 AP", 52.1688, 5.3980),
                    [try open([.friday], "13:00", "16:00")], nil,
                    "Via een verwijzer: schuldhulp, sociaal team of maatschappelijk werk.",
                    "Huishoudens met een inkomen onder de norm van de voedselbank.", ["nl", "en", "ar", "ti"]
                ),
                (
                    "herstel", "Inloop van de Herstelacademie",
                    "Open inloop voor mensen met psychische kwetsbaarheid:"
                        + " ervaringsdeskundigen, koffie en cursusinformatie.",
                    ["Psychische gezondheid en herstel", "Eenzaamheid en ontmoeting"], herstelhuis,
                    [try open([.monday, .wednesday], "13:00", "16:00")], nil, "Zonder aanmelding of verwijzing.", nil,
                    ["nl"]
                ),
                (
                    "herstel", "Cursus Herstellen doe je zelf",
                    "Acht bijeenkomsten over je eigen herstel, gegeven door"
                        + " ervaringsdeskundigen.",
                    ["Psychische gezondheid en herstel"], herstelhuis, [try open([.thursday], "19:00", "21:00")], nil,
                    "Aanmelden via de website of de inloop.", nil, ["nl"]
                ),
                (
                    "ggz", "GGZ-inloop en crisisdienst",
                    "Acute psychische nood: de crisisdienst is dag en nacht"
                        + " bereikbaar via de huisarts of huisartsenpost.",
                    ["Psychische gezondheid en herstel"],
                    at("GGZ Eemvallei", "Utrechtseweg 266", "3818 EW", 52.1464, 5.3690),
                    [try open(weekdays, "08:30", "17:00")], nil, "Via de huisarts; in crisis via de huisartsenpost.",
                    nil, ["nl", "en"]
                ),
                (
                    "verslavingszorg", "Inloopspreekuur verslaving",
                    "Maakt u zich zorgen over uw drinken, blowen of gokken, of over dat van iemand"
                        + " anders? Praat zonder afspraak met een hulpverlener.",
                    ["Verslavingszorg", "Psychische gezondheid en herstel"],
                    at("Verslavingszorg Eemland", "Lieve Vrouwestraat 5", "3811 BR", 52.1582, 5.3849),
                    [try open([.monday, .thursday], "13:00", "16:00")], nil,
                    "Gewoon binnenlopen, of bellen voor een afspraak.", "Iedereen vanaf 16 jaar, ook naasten.",
                    ["nl", "en"]
                ),
                (
                    "wijkverpleging", "Wijkverpleging Schothorst",
                    "Wijkverpleegkundigen en verzorgenden komen bij u thuis: wondzorg, medicijnen,"
                        + " douchen en aankleden, en kijken mee wat u nodig heeft.",
                    ["Zorg en ondersteuning thuis", "Gezondheid"], wijkcentrumSchothorst,
                    [try open(weekdays, "08:00", "17:00")], nil,
                    "Via de huisarts of het ziekenhuis, of bel zelf voor een gesprek.", nil, ["nl"]
                ),
                (
                    "veiligthuis", "Veilig Thuis: advies en melding",
                    "Advies bij en melding van huiselijk geweld en"
                        + " kindermishandeling, dag en nacht: 0800-2000.",
                    ["Huiselijk geweld", "Opvoeding en gezin"], nil, [try open(Weekday.allCases, "00:00", "00:00")],
                    nil,
                    "Bel 0800-2000, gratis en anoniem als u wilt.", nil, ["nl", "en", "tr", "ar", "pl"]
                ),
                (
                    "bibliotheek", "Taalcafé", "Oefenen met Nederlands praten in een kleine groep, met vrijwilligers.",
                    ["Taal en inburgering", "Eenzaamheid en ontmoeting"], bibliotheek,
                    [try open([.wednesday], "14:00", "16:00")], nil, "Gewoon binnenlopen.",
                    "Iedereen die Nederlands wil oefenen.", ["nl", "en", "ar", "tr", "uk", "ti"]
                ),
                (
                    "bibliotheek", "Digitaal spreekuur",
                    "Hulp bij DigiD, de computer, de telefoon en online formulieren.",
                    ["Digitale vaardigheden", "Geldzaken en administratie"], bibliotheek,
                    [try open([.monday, .friday], "10:00", "12:00")], nil, "Maak een afspraak aan de balie.", nil,
                    ["nl"]
                ),
                (
                    "sport", "Bewegen voor ouderen",
                    "Wekelijks samen bewegen op muziek in het wijkcentrum, op eigen"
                        + " tempo.",
                    ["Bewegen en sport", "Activiteiten in de buurt", "Gezondheid"], wijkcentrumSchothorst,
                    [try open([.thursday], "10:00", "11:00")], 2.5, "Kom een keer kijken.", "65 jaar en ouder.",
                    ["nl"]
                ),
                (
                    "mantelzorg", "Mantelzorgspreekuur",
                    "Advies, een luisterend oor en respijtzorg voor wie voor een"
                        + " naaste zorgt.",
                    ["Mantelzorgondersteuning", "Zorg en ondersteuning thuis"], stadhuis,
                    [try open([.tuesday], "13:30", "16:30")], nil, "Bel of mail voor een afspraak.", nil, ["nl"]
                ),
                (
                    "gemeente", "Wmo-loket: hulp en ondersteuning thuis",
                    "Vraag hulp bij het huishouden, een"
                        + " scootmobiel, woningaanpassing of begeleiding aan.",
                    ["Zorg en ondersteuning thuis", "Wonen en huisvesting", "Vervoer"], stadhuis,
                    [try open(weekdays, "09:00", "17:00")], nil, "Bel 14 033 of vraag het de buurtconciërge.", nil,
                    ["nl", "en"]
                ),
                (
                    "welzijn", "Repair Café", "Samen spullen repareren: kleding, lampen, fietsen. Koffie staat klaar.",
                    ["Activiteiten in de buurt", "Eenzaamheid en ontmoeting"], buurthuisOost,
                    [try open([.saturday], "10:00", "13:00")], nil, "Neem het kapotte ding mee.", nil, ["nl"]
                ),
                (
                    "welzijn", "Nachtopvang De Haven",
                    "Een bed, een douche en een maaltijd voor wie geen slaapplek heeft.",
                    ["Wonen en huisvesting", "Maaltijden en voedsel"],
                    at("De Haven", "Smallepad 30", "3811 MG", 52.1490, 5.3780),
                    [try open(Weekday.allCases, "21:00", "09:00")], nil, "Melden bij de deur vanaf 21:00.",
                    "Dakloze volwassenen.", ["nl", "en", "pl"]
                ),
                (
                    "gemeente", "Juridisch spreekuur",
                    "Gratis advies van het Juridisch Loket over huur, werk, schulden"
                        + " en toeslagen.",
                    ["Juridisch advies", "Schuldhulpverlening"], stadhuis, [try open([.wednesday], "13:00", "15:00")],
                    nil, "Op afspraak.", nil, ["nl", "en"]
                ),
                (
                    "welzijn", "Vrijwilligerswerk vinden", "Hulp bij het vinden van vrijwilligerswerk dat bij u past.",
                    ["Vrijwilligerswerk", "Werk en dagbesteding"], wijkcentrumSchothorst,
                    [try open([.monday], "13:00", "16:00")], nil, "Loop binnen of bel.", nil, ["nl"]
                ),
            ]
        services.sort { $0.1 < $1.1 }
        return services.enumerated().map { index, entry in
            let (org, name, description, terms, place, openings, cost, apply, eligibility, languages) = entry
            let organization = mapOrganizations[org]!
            return ServiceDraft(
                id: UUID.derived(from: mapNamespace, "service " + name), name: name, description: description,
                organizationID: organization.id, organizationName: organization.name,
                organizationDescription: organization.description, applicationProcess: apply, eligibility: eligibility,
                costEuros: cost, phone: "14 033", languages: languages, terms: terms.map(term), place: place,
                openings: openings,
                // A few were last checked long ago, so the stale list has something to show.
                lastChecked: today.adding(days: -(index % 7 == 3 ? 240 : 20 + index * 3)),
                ownerEmail: "sociale.kaart@amersfoort.example")
        }
    }
}
