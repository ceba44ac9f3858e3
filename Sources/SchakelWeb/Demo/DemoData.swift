import Foundation
import SchakelCore
import SchakelStore

/// A fictional but plausible Amersfoort: the neighbourhoods of the source documents with real CBS codes,
/// organisations of every kind, two teams and about 400 residents in households.
/// Generated from a fixed seed, so every demo is the same.
struct DemoData {
    struct Street {
        var name: String
        var postcodeDigits: Int
        var buurt: String
        var latitude: Double
        var longitude: Double
    }

    /// Streets per buurt (names plausible for the area, positions near the real neighbourhoods).
    static let streets: [Street] = [
        // Schothorst-Noord and -Zuid
        Street(
            name: "Elly Takmastraat", postcodeDigits: 3822, buurt: "BU03070900", latitude: 52.1795, longitude: 5.4071),
        Street(
            name: "Camera Obscurastraat", postcodeDigits: 3822, buurt: "BU03070902", latitude: 52.1812,
            longitude: 5.4033),
        Street(
            name: "Queekhovenplein", postcodeDigits: 3823, buurt: "BU03070903", latitude: 52.1838, longitude: 5.4102),
        Street(name: "Het Gein", postcodeDigits: 3823, buurt: "BU03070905", latitude: 52.1851, longitude: 5.4150),
        Street(name: "Vuurtorenweg", postcodeDigits: 3822, buurt: "BU03070800", latitude: 52.1742, longitude: 5.4005),
        Street(name: "De Plaatsen", postcodeDigits: 3822, buurt: "BU03070801", latitude: 52.1760, longitude: 5.4090),
        Street(name: "Koperhorst", postcodeDigits: 3822, buurt: "BU03070803", latitude: 52.1725, longitude: 5.4120),
        // Kruiskamp and De Koppel
        Street(name: "Kruiskamplaan", postcodeDigits: 3817, buurt: "BU03070700", latitude: 52.1688, longitude: 5.3980),
        Street(
            name: "Hendrik van Viandenstraat", postcodeDigits: 3817, buurt: "BU03070701", latitude: 52.1671,
            longitude: 5.3962),
        Street(name: "Noordewierweg", postcodeDigits: 3817, buurt: "BU03070702", latitude: 52.1650, longitude: 5.3995),
        Street(name: "Jericholaan", postcodeDigits: 3813, buurt: "BU03070600", latitude: 52.1642, longitude: 5.3780),
        Street(name: "Orionstraat", postcodeDigits: 3813, buurt: "BU03070601", latitude: 52.1661, longitude: 5.3752),
        Street(name: "Gildeplein", postcodeDigits: 3813, buurt: "BU03070603", latitude: 52.1679, longitude: 5.3811),
        // Randenbroek and Schuilenburg
        Street(
            name: "Willem III-laan", postcodeDigits: 3817, buurt: "BU03071400", latitude: 52.1508, longitude: 5.4021),
        Street(name: "Mozartstraat", postcodeDigits: 3816, buurt: "BU03071401", latitude: 52.1489, longitude: 5.4060),
        Street(name: "Händelstraat", postcodeDigits: 3816, buurt: "BU03071402", latitude: 52.1470, longitude: 5.4082),
        Street(name: "Chopinstraat", postcodeDigits: 3816, buurt: "BU03071403", latitude: 52.1452, longitude: 5.4101),
        Street(
            name: "Schuilenburgerweg", postcodeDigits: 3812, buurt: "BU03071300", latitude: 52.1520, longitude: 5.3940),
        Street(name: "Keverweg", postcodeDigits: 3812, buurt: "BU03071301", latitude: 52.1541, longitude: 5.3921),
        Street(name: "Vlinderlaan", postcodeDigits: 3812, buurt: "BU03071302", latitude: 52.1499, longitude: 5.3905),
        // Stadskern and Nederberg, the second team's area
        Street(name: "Langestraat", postcodeDigits: 3811, buurt: "BU03070101", latitude: 52.1566, longitude: 5.3868),
        Street(name: "Mooierstraat", postcodeDigits: 3811, buurt: "BU03070102", latitude: 52.1573, longitude: 5.3842),
        Street(name: "Hof", postcodeDigits: 3811, buurt: "BU03070100", latitude: 52.1559, longitude: 5.3880),
        Street(name: "Smallepad", postcodeDigits: 3811, buurt: "BU03070200", latitude: 52.1490, longitude: 5.3780),
    ]

    static let givenNames = [
        "Johanna", "Cornelis", "Maria", "Hendrik", "Wilhelmina", "Gerrit", "Anna", "Jan", "Geertruida", "Willem",
        "Elisabeth", "Pieter", "Hendrika", "Dirk", "Aaltje", "Teun", "Fatima", "Mohamed", "Ayşe", "Mehmet",
        "Nadia", "Youssef", "Priya", "Rajesh", "Agnieszka", "Tomasz", "Shanti", "Errol", "Mirjam", "Sander",
        "Lotte", "Daan", "Sanne", "Bram", "Eva", "Noah", "Zeynep", "Emre", "Samira", "Khalid", "Ingrid", "Ruud",
    ]

    static let familyNames = [
        "de Vries", "Jansen", "van den Berg", "Bakker", "Visser", "Smit", "Meijer", "de Boer", "Mulder", "de Groot",
        "Bos", "Vos", "Peters", "Hendriks", "van Leeuwen", "Dekker", "Brouwer", "de Wit", "Dijkstra", "Smits",
        "Yılmaz", "Kaya", "El Amrani", "Bouzid", "Ramdin", "Sewnarain", "Kowalski", "Nowak", "Doelwijt", "Pinas",
        "van Dijk", "Verhoeven", "Koster", "Prins", "Blom", "Huisman", "van Beek", "Hoekstra", "Kuipers", "Çelik",
    ]

    static let doorNotes = [
        "Bel twee keer, slechthorend.", "Sleutelkastje naast de deur, code bij de coördinator.",
        "Hond in huis; even wachten na aanbellen.", "Loopt met rollator, geef tijd om open te doen.",
        "Liever aanbellen dan kloppen.", "Achterdeur gebruiken via het tuinpad.",
    ]

    /// A small deterministic generator (SplitMix64), so the demo is the same every time.
    struct Random {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        mutating func int(_ range: Range<Int>) -> Int { range.lowerBound + Int(next() % UInt64(range.count)) }
        mutating func double() -> Double { Double(next() >> 11) / Double(1 << 53) }
        mutating func pick<T>(_ items: [T]) -> T { items[int(0..<items.count)] }
        mutating func chance(_ p: Double) -> Bool { double() < p }
    }

    /// Builds addresses, households and residents; `residentTarget` residents in all.
    static func residents(
        residentTarget: Int, today: LocalDate, ids: IDGenerator, consentOrganisations: [Organisation.ID],
        recordedBy: User.ID, now: Date, seed: UInt64 = 2021
    ) throws -> BulkLoader.Batch {
        var random = Random(state: seed)
        var batch = BulkLoader.Batch()
        var houseCounter: [String: Int] = [:]
        let letters = Array("ABCDEFGHJKLMNPRTVXZ").map(String.init)
        while batch.residents.count < residentTarget {
            // The second team's area gets about a tenth of the residents.
            let streetIndex =
                random.chance(0.1)
                ? random.int((streets.count - 4)..<streets.count) : random.int(0..<(streets.count - 4))
            let street = streets[streetIndex]
            let number = (houseCounter[street.name] ?? 0) + 1 + random.int(0..<3)
            houseCounter[street.name] = number
            // One letter pair per street and block of ten numbers keeps postcode and number unique.
            let postcode = try Postcode(
                String(street.postcodeDigits) + letters[streetIndex % letters.count]
                    + letters[(number / 10) % letters.count])
            let address = try Address(
                id: ids(), postcode: postcode,
                houseNumber: HouseNumber(
                    number: number, addition: random.chance(0.15) ? String(random.int(1..<4)) : nil),
                street: street.name, place: "Amersfoort",
                coordinate: Coordinate(
                    latitude: street.latitude + Double(number) * 0.00004,
                    longitude: street.longitude + (random.double() - 0.5) * 0.002),
                buurtCode: AreaCode(street.buurt, level: .buurt))
            batch.addresses.append(address)
            let family = random.pick(familyNames)
            // Mostly people living alone (often older), then couples and families.
            let roll = random.double()
            let size = roll < 0.55 ? 1 : roll < 0.8 ? 2 : random.int(3..<6)
            let household: Household? =
                size > 1 ? try Household(id: ids(), name: "Huishouden \(family)", addressID: address.id) : nil
            if let household { batch.households.append(household) }
            for member in 0..<size {
                let adult = member < 2
                let age = adult ? (size == 1 ? random.int(62..<96) : random.int(24..<85)) : random.int(1..<18)
                let birth = try LocalDate(year: today.year - age, month: random.int(1..<13), day: random.int(1..<29))
                let resident = Resident(
                    id: ids(), givenName: random.pick(givenNames),
                    familyName: member == 1 && random.chance(0.4) ? random.pick(familyNames) : family,
                    dateOfBirth: birth, addressID: address.id, householdID: household?.id,
                    phone: adult && random.chance(0.8)
                        ? try PhoneNumber("06" + String(format: "%08d", random.int(10_000_000..<99_999_999))) : nil,
                    preferredLanguage: random.chance(0.2) ? random.pick(["tr", "ar", "pl", "en"]) : "nl",
                    contactChannels: adult ? [random.pick(ContactChannel.allCases)] : [],
                    doorNotes: adult && random.chance(0.25) ? random.pick(doorNotes) : nil)
                batch.residents.append(resident)
                if adult && random.chance(0.2), let organisation = consentOrganisations.first {
                    batch.consents.append(
                        try Consent(
                            id: ids(), residentID: resident.id, purpose: .referral,
                            note: "Gegevens delen voor ondersteuning thuis",
                            recording: random.chance(0.5) ? .verbal : .paper,
                            organisationIDs: [organisation]
                                + (random.chance(0.5) ? Array(consentOrganisations.dropFirst().prefix(1)) : []),
                            givenAt: now.addingTimeInterval(-Double(random.int(1..<300)) * 86400),
                            recordedBy: recordedBy))
                }
            }
        }
        return batch
    }

    /// The Amersfoort rows of the CBS Wijk- en Buurtkaart 2025 shipped with Schakel.
    static func neighbourhoods(ids: IDGenerator) throws -> [Neighbourhood] {
        guard
            let url = Bundle.module.url(
                forResource: "cbs_amersfoort_2025", withExtension: "csv", subdirectory: "DemoData"),
            let text = try? String(contentsOf: url, encoding: .utf8)
        else { throw CommandFailure(description: "De CBS-wijkindeling ontbreekt in deze installatie.") }
        return try text.split(whereSeparator: \.isNewline).dropFirst().map { line in
            let columns = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return try Neighbourhood(
                id: ids(), code: AreaCode(columns[1]), name: columns[2], year: Int(columns[7]) ?? 2025)
        }
    }
}
