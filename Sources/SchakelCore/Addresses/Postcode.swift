import Foundation

/// A Dutch postcode: four digits (the first not 0) and two letters, stored as `3815AB`, shown as `3815 AB`.
///
/// The letter pairs `SA`, `SD` and `SS` are never issued (PostNL), so they are refused.
public struct Postcode: Hashable, Sendable, Codable, CustomStringConvertible {
    public static let unusedSeries: Set<String> = ["SA", "SD", "SS"]

    /// Normalised form without space, e.g. `3815AB`.
    public let value: String

    public init(_ text: String) throws {
        let compact = text.uppercased().filter { !$0.isWhitespace }
        let digits = compact.prefix(4)
        let letters = compact.dropFirst(4)
        guard compact.count == 6,
            digits.allSatisfy({ $0.isASCII && $0.isNumber }),
            letters.allSatisfy({ $0.isASCII && $0.isLetter })
        else {
            throw ValidationError(field: "postcode", key: "postcode.format")
        }
        guard digits.first != "0" else {
            throw ValidationError(field: "postcode", key: "postcode.leadingZero")
        }
        guard !Self.unusedSeries.contains(String(letters)) else {
            throw ValidationError(field: "postcode", key: "postcode.unusedSeries")
        }
        value = compact
    }

    public init(from decoder: any Decoder) throws {
        try self.init(decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(value)
    }

    /// Display form with a space: `3815 AB`.
    public var description: String { "\(value.prefix(4)) \(value.suffix(2))" }
}

/// The BAG house number part of an address: number 1–99999, an optional letter and an optional addition.
public struct HouseNumber: Hashable, Sendable, Codable, CustomStringConvertible {
    public let number: Int
    /// BAG huisletter: one letter, stored upper case.
    public let letter: String?
    /// BAG huisnummertoevoeging: up to four letters or digits, stored upper case.
    public let addition: String?

    public init(number: Int, letter: String? = nil, addition: String? = nil) throws {
        var validator = Validator()
        if !(1...99_999).contains(number) { validator.add("houseNumber", "houseNumber.outOfRange") }
        let letter = letter?.nonEmpty?.uppercased()
        if let letter, !(letter.count == 1 && letter.allSatisfy({ $0.isASCII && $0.isLetter })) {
            validator.add("houseLetter", "houseLetter.format")
        }
        // "-" and "/" are display only; strip them before checking.
        let addition = addition?.filter { $0 != "-" && $0 != "/" }.nonEmpty?.uppercased()
        if let addition,
            !(addition.count <= 4 && addition.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }))
        {
            validator.add("houseNumberAddition", "houseNumberAddition.format")
        }
        try validator.finish()
        self.number = number
        self.letter = letter
        self.addition = addition
    }

    /// Display form, e.g. `12A-2`.
    public var description: String {
        "\(number)\(letter ?? "")" + (addition.map { "-\($0)" } ?? "")
    }
}

/// A WGS84 position, limited to the European Netherlands so a swapped latitude and longitude is caught.
public struct Coordinate: Hashable, Sendable, Codable {
    public static let latitudeRange = 50.7...53.7
    public static let longitudeRange = 3.2...7.3

    public let latitude: Double
    public let longitude: Double

    public init(latitude: Double, longitude: Double) throws {
        var validator = Validator()
        if !Self.latitudeRange.contains(latitude) { validator.add("latitude", "coordinate.outsideNetherlands") }
        if !Self.longitudeRange.contains(longitude) { validator.add("longitude", "coordinate.outsideNetherlands") }
        try validator.finish()
        self.latitude = latitude
        self.longitude = longitude
    }
}
