import Foundation

/// A CBS area code: a municipality (`GM0307`), a district (`WK030701`) or a neighbourhood (`BU03070101`).
///
/// Codes nest by their digits: `BU03070101` lies in `WK030701`, which lies in `GM0307`.
/// Large municipalities use letters in the district and neighbourhood positions (`BU0363AD03`),
/// so those positions accept `[0-9A-Z]`.
public struct AreaCode: Hashable, Sendable, Codable, Comparable, CustomStringConvertible {
    public enum Level: String, Sendable, Codable, CaseIterable {
        case gemeente, wijk, buurt

        var prefix: String {
            switch self {
            case .gemeente: "GM"
            case .wijk: "WK"
            case .buurt: "BU"
            }
        }

        /// Number of characters after the two-letter prefix.
        var bodyLength: Int {
            switch self {
            case .gemeente: 4
            case .wijk: 6
            case .buurt: 8
            }
        }
    }

    public let level: Level
    /// The part after the prefix: 4 digits of the municipality, then 2 and 2 positions.
    public let body: String

    /// Parses `GM0307`, `wk030701`, ` BU03070101 `; throws a `ValidationError` on anything else.
    public init(_ text: String) throws {
        let code = text.trimmingCharacters(in: .whitespaces).uppercased()
        guard code.count >= 2, let level = Level.allCases.first(where: { code.hasPrefix($0.prefix) }) else {
            throw ValidationError(field: "code", key: "areaCode.invalid")
        }
        let body = String(code.dropFirst(2))
        let municipality = body.prefix(4)
        let rest = body.dropFirst(4)
        guard body.count == level.bodyLength,
            municipality.allSatisfy({ $0.isASCII && $0.isNumber }),
            rest.allSatisfy({ $0.isASCII && ($0.isNumber || $0.isUppercase) })
        else {
            throw ValidationError(field: "code", key: "areaCode.invalid")
        }
        self.level = level
        self.body = body
    }

    /// Parses a code that must be of one level, e.g. a buurt code on an address.
    public init(_ text: String, level: Level) throws {
        try self.init(text)
        guard self.level == level else {
            throw ValidationError(field: "code", key: "areaCode.wrongLevel.\(level.rawValue)")
        }
    }

    public var description: String { level.prefix + body }

    /// The municipality this area lies in (itself for a municipality).
    public var gemeente: AreaCode { try! AreaCode("GM" + body.prefix(4)) }

    /// The district this area lies in; nil for a municipality.
    public var wijk: AreaCode? { level == .gemeente ? nil : try! AreaCode("WK" + body.prefix(6)) }

    /// Whether `other` lies within this area (an area contains itself).
    public func contains(_ other: AreaCode) -> Bool {
        other.body.count >= body.count && other.body.hasPrefix(body)
    }

    public static func < (lhs: AreaCode, rhs: AreaCode) -> Bool {
        (lhs.body, lhs.level.bodyLength) < (rhs.body, rhs.level.bodyLength)
    }
}

/// A municipality, district or neighbourhood as published by CBS for one year.
public struct Neighbourhood: Sendable, Equatable, Codable, Identifiable {
    public typealias ID = EntityID<Neighbourhood>
    public var id: ID
    public var code: AreaCode
    public var name: String
    /// The year of the CBS Wijk- en Buurtkaart the code comes from; codes change between years.
    public var year: Int

    public init(id: ID, code: AreaCode, name: String, year: Int) throws {
        var validator = Validator()
        if name.nonEmpty == nil { validator.add("name", "required") }
        if !(2000...2100).contains(year) { validator.add("year", "year.outOfRange") }
        try validator.finish()
        self.id = id
        self.code = code
        self.name = name.collapsingWhitespace
        self.year = year
    }

    public var level: AreaCode.Level { code.level }
}
