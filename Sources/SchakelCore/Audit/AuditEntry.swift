import Foundation

/// One line of the access log (NEN 7513): who did what to whose data, when and from where.
///
/// Entries form a chain: each carries a hash over its own content and the previous entry's hash,
/// so an altered or removed entry breaks every hash after it.
public struct AuditEntry: Sendable, Equatable, Codable {
    /// Position in the chain, from 1, without gaps.
    public var sequence: Int64
    public var at: Date
    /// What happened, e.g. `resident.read`, `resident.update`, `access.denied`.
    public var event: String
    public var residentID: Resident.ID?
    public var userID: User.ID?
    public var username: String?
    public var organisationID: Organisation.ID?
    public var role: Role?
    /// The access point: IP address of the client.
    public var accessPoint: String?
    /// Objects involved, as `kind:id` (e.g. `address:…`, `consent:…`), or field names; never values.
    public var objects: [String]
    public var previousHash: String
    public var hash: String

    public init(
        sequence: Int64, at: Date, event: String, residentID: Resident.ID?, userID: User.ID?, username: String?,
        organisationID: Organisation.ID?, role: Role?, accessPoint: String?, objects: [String],
        previousHash: String, hash: String = ""
    ) {
        self.sequence = sequence
        self.at = at
        self.event = event
        self.residentID = residentID
        self.userID = userID
        self.username = username
        self.organisationID = organisationID
        self.role = role
        self.accessPoint = accessPoint
        self.objects = objects
        self.previousHash = previousHash
        self.hash = hash
    }

    /// The hash of the entry before the first one.
    public static let genesisHash = String(repeating: "0", count: 64)

    /// The exact text the hash is computed over. Milliseconds since 1970 keep it independent
    /// of how a database stores time; fields are separated by a unit separator that cannot occur in them.
    public var canonicalContent: String {
        let millis = Int64((at.timeIntervalSince1970 * 1000).rounded())
        return [
            String(sequence), String(millis), event, residentID?.description ?? "", userID?.description ?? "",
            username ?? "", organisationID?.description ?? "", role?.rawValue ?? "", accessPoint ?? "",
            objects.joined(separator: ","), previousHash,
        ].map(Self.withoutSeparator).joined(separator: "\u{1F}")
    }

    /// The field with the unit separator (U+001F) replaced by a space, so fields cannot run into each other.
    static func withoutSeparator(_ field: String) -> String {
        guard field.utf8.contains(0x1F) else { return field }
        return String(decoding: field.utf8.map { $0 == 0x1F ? 0x20 : $0 }, as: UTF8.self)
    }
}

/// What an action on a resident's data is, before it is chained into the log.
public struct AuditEvent: Sendable, Equatable {
    public var event: String
    public var residentID: Resident.ID?
    public var objects: [String]

    public init(_ event: String, resident: Resident.ID? = nil, objects: [String] = []) {
        self.event = event
        self.residentID = resident
        self.objects = objects
    }
}

/// The result of checking the chain.
public enum AuditChainCheck: Sendable, Equatable {
    case intact(entries: Int64)
    /// The first entry whose hash, link or position is wrong; `reason` says which.
    case broken(sequence: Int64, reason: String)
}

/// Checks a chain entry by entry, so a long log is verified in pages without loading it whole.
public struct AuditChainVerifier {
    private let hash: (String) -> String
    private var expectedSequence: Int64 = 1
    private var previousHash = AuditEntry.genesisHash
    public private(set) var failure: AuditChainCheck?

    /// `hash` turns canonical content into the hex digest the store uses (SHA-256).
    public init(hash: @escaping (String) -> String) { self.hash = hash }

    /// Checks the next entry; after the first failure further entries are ignored.
    public mutating func check(_ entry: AuditEntry) {
        guard failure == nil else { return }
        if entry.sequence != expectedSequence {
            failure = .broken(sequence: expectedSequence, reason: "missing")
        } else if entry.previousHash != previousHash {
            failure = .broken(sequence: entry.sequence, reason: "link")
        } else if hash(entry.canonicalContent) != entry.hash {
            failure = .broken(sequence: entry.sequence, reason: "content")
        }
        expectedSequence = entry.sequence + 1
        previousHash = entry.hash
    }

    /// The verdict, given the head the store recorded (last sequence and hash) to catch a cut-off tail.
    public func finish(headSequence: Int64, headHash: String) -> AuditChainCheck {
        if let failure { return failure }
        let last = expectedSequence - 1
        if headSequence > last { return .broken(sequence: last + 1, reason: "missing") }
        if headSequence != last || headHash != previousHash { return .broken(sequence: last, reason: "head") }
        return .intact(entries: last)
    }
}
