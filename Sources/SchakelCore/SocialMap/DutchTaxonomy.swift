import Foundation

/// Schakel's Dutch taxonomy of service types, shipped as the default and extended by importing HSDS data
/// with other taxonomies. Ids are fixed, so the same term is the same everywhere.
public enum DutchTaxonomy {
    public static let id = "0d6c6f0e-8a43-5f3b-9e35-5c6b1c7e2a10"
    public static let name = "Schakel sociale kaart"

    public typealias Term = MapService.Term

    public static let terms: [Term] = [
        Term(id: "6b94b43c-ef79-5be7-962c-78855e63cb5c", code: "SK01", name: "Schuldhulpverlening", taxonomy: name),
        Term(
            id: "b35c0002-845b-55c7-b3f7-b064422baaba", code: "SK02", name: "Geldzaken en administratie", taxonomy: name
        ),
        Term(
            id: "8489b129-8d21-540b-9778-15da0c57224f", code: "SK03", name: "Eenzaamheid en ontmoeting", taxonomy: name),
        Term(id: "0231d20f-86c9-504b-b90f-757ac6226085", code: "SK04", name: "Maaltijden en voedsel", taxonomy: name),
        Term(id: "808d97ed-cb32-5630-a810-0c05f1849417", code: "SK05", name: "Wonen en huisvesting", taxonomy: name),
        Term(id: "168bff21-3cb0-55f7-bca3-ec4da3b4239c", code: "SK06", name: "Mantelzorgondersteuning", taxonomy: name),
        Term(
            id: "c1f3214b-08a5-590f-81db-6b16beab24e1", code: "SK07", name: "Psychische gezondheid en herstel",
            taxonomy: name),
        Term(id: "0fda0d51-9677-510f-b206-8850a342a942", code: "SK08", name: "Verslavingszorg", taxonomy: name),
        Term(id: "8221861f-4957-5a53-b9b5-c8f5ffbc617c", code: "SK09", name: "Huiselijk geweld", taxonomy: name),
        Term(id: "7d41e3f3-d159-5353-98fb-13cc78644955", code: "SK10", name: "Werk en dagbesteding", taxonomy: name),
        Term(id: "08a880a0-8b56-5c86-bea0-5d6843a30f2f", code: "SK11", name: "Taal en inburgering", taxonomy: name),
        Term(id: "ae80d3af-98b3-57fb-8f0f-c298bf816c2f", code: "SK12", name: "Vervoer", taxonomy: name),
        Term(
            id: "8589a121-9507-562f-be26-d3d3b5456d19", code: "SK13", name: "Zorg en ondersteuning thuis",
            taxonomy: name),
        Term(id: "4abd6851-0b30-58c0-98c3-4b76230475f0", code: "SK14", name: "Vrijwilligerswerk", taxonomy: name),
        Term(id: "7ec5fda5-fdd5-51f7-b2ad-1199803f8061", code: "SK15", name: "Juridisch advies", taxonomy: name),
        Term(id: "92ad2e6b-ce42-557e-916a-4ebc75ab92c6", code: "SK16", name: "Opvoeding en gezin", taxonomy: name),
        Term(id: "73a8d31e-c0d8-5c40-b561-7f46f377328c", code: "SK17", name: "Gezondheid", taxonomy: name),
        Term(id: "dcc71d20-240a-55d3-8b65-d5772baba564", code: "SK18", name: "Bewegen en sport", taxonomy: name),
        Term(id: "2b7a1356-526d-5b46-81c0-0cc510c4dd1d", code: "SK19", name: "Digitale vaardigheden", taxonomy: name),
        Term(
            id: "4770124f-69e2-5bea-bf52-7565efcadd02", code: "SK20", name: "Activiteiten in de buurt", taxonomy: name),
    ]

    public static func term(named name: String) -> Term? { terms.first { $0.name == name } }

    /// The HSDS `taxonomy_term` object of a term.
    public static func document(_ term: Term) -> JSONValue {
        .object([
            "id": .string(term.id), "code": term.code.map(JSONValue.string) ?? .null, "name": .string(term.name),
            "description": .string(term.name), "taxonomy": .string(name),
            "taxonomy_detail": .object([
                "id": .string(id), "name": .string(name),
                "description": .string("De indeling van de sociale kaart in Schakel"),
                "uri": .string("https://schakel.nl/taxonomie"), "version": .string("1"),
            ]),
            "language": .string("nl"),
        ])
    }
}
