import Foundation

/// A typed identifier: `EntityID<Resident>` cannot be passed where `EntityID<Address>` is expected.
public struct EntityID<Entity>: Hashable, Sendable, Codable, CustomStringConvertible {
    public let uuid: UUID

    public init(_ uuid: UUID) { self.uuid = uuid }

    /// Parses the canonical UUID text form; nil for anything else.
    public init?(_ string: String) {
        guard let uuid = UUID(uuidString: string) else { return nil }
        self.uuid = uuid
    }

    /// Parses the canonical UUID text form; throws `id.format` for anything else.
    public init(parsing string: String) throws {
        guard let id = Self(string) else { throw ValidationError(field: "id", key: "id.format") }
        self = id
    }

    public init(from decoder: any Decoder) throws {
        uuid = try decoder.singleValueContainer().decode(UUID.self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(uuid)
    }

    /// Lower-case text form, as used in URLs and the audit log.
    public var description: String { uuid.uuidString.lowercased() }
}

/// Produces new identifiers; injectable so tests are deterministic.
public struct IDGenerator: Sendable {
    private let make: @Sendable () -> UUID

    public init(_ make: @escaping @Sendable () -> UUID) { self.make = make }

    public static let random = IDGenerator { UUID() }

    public func callAsFunction<Entity>(_: Entity.Type = Entity.self) -> EntityID<Entity> {
        EntityID(make())
    }
}

/// The current time; injectable so tests are deterministic.
public struct Clock: Sendable {
    private let read: @Sendable () -> Date

    public init(_ read: @escaping @Sendable () -> Date) { self.read = read }

    public static let system = Clock { Date() }

    public func now() -> Date { read() }
}
