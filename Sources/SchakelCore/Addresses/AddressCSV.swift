import Foundation

/// Reads an address list in CSV: comma or semicolon separated (Dutch spreadsheets use `;`),
/// quoted fields, a header row naming the columns in Dutch or English.
public enum AddressCSV {
    /// One data row with the line number it starts on (the header is line 1).
    public struct Row: Sendable, Equatable {
        public var line: Int
        public var input: AddressInput
    }

    /// A rejected row: its line and the problems found.
    public struct Rejection: Sendable, Equatable {
        public var line: Int
        public var problems: [FieldProblem]

        public init(line: Int, problems: [FieldProblem]) {
            self.line = line
            self.problems = problems
        }
    }

    /// Column names accepted per field; the first is the documented one.
    static let columns: [(field: String, names: [String])] = [
        ("postcode", ["postcode"]),
        ("houseNumber", ["huisnummer", "housenumber", "house_number", "number"]),
        ("houseLetter", ["huisletter", "houseletter", "house_letter", "letter"]),
        ("houseNumberAddition", ["toevoeging", "huisnummertoevoeging", "addition", "house_number_addition"]),
        ("street", ["straat", "openbareruimte", "street"]),
        ("place", ["plaats", "woonplaats", "place", "city"]),
        ("latitude", ["lat", "latitude", "breedtegraad"]),
        ("longitude", ["lon", "lng", "longitude", "lengtegraad"]),
        ("buurtCode", ["buurtcode", "buurt_code", "buurt"]),
    ]

    public static let requiredFields = ["postcode", "houseNumber", "street", "place"]

    /// Splits the text into rows; a structural problem (no header, a missing required column,
    /// an unterminated quote) throws a `ValidationError` for the whole file.
    public static func parse(_ text: String) throws -> [Row] {
        let records = try records(of: text)
        guard let header = records.first else { throw ValidationError(field: "file", key: "csv.empty") }
        let names = header.fields.map {
            $0.trimmingCharacters(in: .whitespaces).lowercased().replacingOccurrences(of: "\u{FEFF}", with: "")
        }
        var index: [String: Int] = [:]
        for (field, aliases) in columns {
            if let position = names.firstIndex(where: { aliases.contains($0) }) { index[field] = position }
        }
        let missing = requiredFields.filter { index[$0] == nil }
        if !missing.isEmpty {
            throw ValidationError(missing.map { FieldProblem(field: $0, key: "csv.missingColumn") })
        }
        return records.dropFirst().filter { !$0.fields.allSatisfy { $0.trimmingCharacters(in: .whitespaces).isEmpty } }
            .map { record in
                func value(_ field: String) -> String? {
                    guard let position = index[field], position < record.fields.count else { return nil }
                    return record.fields[position]
                }
                return Row(
                    line: record.line,
                    input: AddressInput(
                        postcode: value("postcode") ?? "", houseNumber: value("houseNumber") ?? "",
                        houseLetter: value("houseLetter"), houseNumberAddition: value("houseNumberAddition"),
                        street: value("street") ?? "", place: value("place") ?? "", latitude: value("latitude"),
                        longitude: value("longitude"), buurtCode: value("buurtCode")))
            }
    }

    typealias Record = CSVText.Record

    static func records(of text: String) throws -> [Record] { try CSVText.records(of: text) }
}
