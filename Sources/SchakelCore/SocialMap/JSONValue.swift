import Foundation

/// A JSON document kept exactly as read, so an HSDS record survives import and export with every field,
/// including those Schakel does not use. Integers stay integers.
public enum JSONValue: Sendable, Equatable, Codable {
    case null
    case bool(Bool)
    case int(Int)
    case double(Double)
    case string(String)
    case array([JSONValue])
    case object([String: JSONValue])

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else if let value = try? container.decode(Double.self) {
            self = .double(value)
        } else if let value = try? container.decode(String.self) {
            self = .string(value)
        } else if let value = try? container.decode([JSONValue].self) {
            self = .array(value)
        } else {
            self = .object(try container.decode([String: JSONValue].self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .null: try container.encodeNil()
        case .bool(let value): try container.encode(value)
        case .int(let value): try container.encode(value)
        case .double(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        case .array(let value): try container.encode(value)
        case .object(let value): try container.encode(value)
        }
    }

    /// Equal as JSON: `1` and `1.0` are the same number.
    public static func == (lhs: JSONValue, rhs: JSONValue) -> Bool {
        switch (lhs, rhs) {
        case (.null, .null): true
        case (.bool(let a), .bool(let b)): a == b
        case (.int(let a), .int(let b)): a == b
        case (.int, .double), (.double, .int), (.double, .double): lhs.double == rhs.double
        case (.string(let a), .string(let b)): a == b
        case (.array(let a), .array(let b)): a == b
        case (.object(let a), .object(let b)): a == b
        default: false
        }
    }

    /// Parses JSON text; a `ValidationError` on `field` when it is not JSON.
    public static func parse(_ data: Data, field: String = "json") throws -> JSONValue {
        do {
            return try JSONText.parse(data)
        } catch {
            throw ValidationError(field: field, key: "json.invalid")
        }
    }

    /// Compact JSON text with sorted keys, so the same document is always the same text.
    public func serialized() -> String {
        var out = ""
        JSONText.write(self, into: &out)
        return out
    }

    public subscript(key: String) -> JSONValue? {
        get {
            guard case .object(let fields) = self else { return nil }
            return fields[key]
        }
        set {
            guard case .object(var fields) = self else { return }
            fields[key] = newValue
            self = .object(fields)
        }
    }

    /// The text of a string, or of a number written as one; nil for null and anything else.
    public var string: String? {
        switch self {
        case .string(let value): value
        case .int(let value): String(value)
        case .double(let value): String(value)
        default: nil
        }
    }

    /// A non-empty string with surrounding spaces removed.
    public var text: String? {
        guard let value = string else { return nil }
        if let first = value.unicodeScalars.first, let last = value.unicodeScalars.last,
            !first.properties.isWhitespace, !last.properties.isWhitespace
        {
            return value
        }
        let trimmed = value.trimmingCharacters(in: .whitespacesAndNewlines)
        return trimmed.isEmpty ? nil : trimmed
    }

    public var double: Double? {
        switch self {
        case .int(let value): Double(value)
        case .double(let value): value
        case .string(let value): Double(value)
        default: nil
        }
    }

    public var int: Int? {
        switch self {
        case .int(let value): value
        case .double(let value): value == value.rounded() ? Int(value) : nil
        case .string(let value): Int(value)
        default: nil
        }
    }

    public var bool: Bool? {
        switch self {
        case .bool(let value): value
        case .string(let value):
            ["true", "1"].contains(value.lowercased()) ? true : ["false", "0"].contains(value) ? false : nil
        default: nil
        }
    }

    /// The elements of an array; empty for anything else, null included.
    public var items: [JSONValue] {
        guard case .array(let values) = self else { return [] }
        return values
    }

    public var fields: [String: JSONValue]? {
        guard case .object(let values) = self else { return nil }
        return values
    }

    public var isNull: Bool { self == .null }
}

extension JSONValue: ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .string(value) }
    public init(arrayLiteral elements: JSONValue...) { self = .array(elements) }
    public init(dictionaryLiteral elements: (String, JSONValue)...) {
        self = .object(Dictionary(elements, uniquingKeysWith: { _, last in last }))
    }
}
