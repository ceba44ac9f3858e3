import Foundation

/// One line of the access log (NEN 7513): who did what to whose data, when and from where.
///
/// Entries form a chain: each carries a MAC (HMAC-SHA256 with a key kept outside the database) over its
/// own content and the previous entry's MAC, so an altered or removed entry breaks every link after it,
/// and nobody without the key can compute the chain anew. Entries written before keys existed carry a
/// plain SHA-256 hash and no key id; they may only precede the keyed ones.
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
    /// The key the MAC was made with; nil for the plain hashes of entries from before keys.
    public var keyID: String?

    public init(
        sequence: Int64, at: Date, event: String, residentID: Resident.ID?, userID: User.ID?, username: String?,
        organisationID: Organisation.ID?, role: Role?, accessPoint: String?, objects: [String],
        previousHash: String, hash: String = "", keyID: String? = nil
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
        self.keyID = keyID
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
    public var action: AuditAction
    public var residentID: Resident.ID?
    public var objects: [String]

    /// The code the log stores (`resident.read`).
    public var event: String { action.rawValue }

    public init(_ action: AuditAction, resident: Resident.ID? = nil, objects: [String] = []) {
        self.action = action
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
    private let digest: (AuditEntry) -> String?
    private var expectedSequence: Int64 = 1
    private var previousHash = AuditEntry.genesisHash
    private var keyedSeen = false
    public private(set) var failure: AuditChainCheck?

    /// `digest` computes what an entry's hash must be: the MAC with the entry's key, or for an entry
    /// without a key id the plain hash; nil when the entry names a key that is not known.
    public init(digest: @escaping (AuditEntry) -> String?) { self.digest = digest }

    /// Checks the next entry; after the first failure further entries are ignored.
    public mutating func check(_ entry: AuditEntry) {
        guard failure == nil else { return }
        if entry.sequence != expectedSequence {
            failure = .broken(sequence: expectedSequence, reason: "missing")
        } else if entry.previousHash != previousHash {
            failure = .broken(sequence: entry.sequence, reason: "link")
        } else if entry.keyID == nil && keyedSeen {
            failure = .broken(sequence: entry.sequence, reason: "unkeyed")
        } else if let expected = digest(entry) {
            if expected != entry.hash { failure = .broken(sequence: entry.sequence, reason: "content") }
        } else {
            failure = .broken(sequence: entry.sequence, reason: "key")
        }
        keyedSeen = keyedSeen || entry.keyID != nil
        expectedSequence = entry.sequence + 1
        previousHash = entry.hash
    }

    /// Records that the entry after the last checked one could not be read at all.
    public mutating func unreadable(sequence: Int64?) {
        guard failure == nil else { return }
        failure = .broken(sequence: sequence ?? expectedSequence, reason: "unreadable")
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

/// A point of the chain written down outside the database (a file, a witness): its sequence and MAC.
/// A log that no longer holds that entry with that MAC has been cut or rewritten, even if the chain
/// after the cut was made consistent again.
public struct AuditAnchor: Sendable, Equatable {
    public var sequence: Int64
    public var hash: String
    public var keyID: String?
    public var at: Date

    public init(sequence: Int64, hash: String, keyID: String?, at: Date) {
        self.sequence = sequence
        self.hash = hash
        self.keyID = keyID
        self.at = at
    }

    /// One line: `sequence hash key-id time`, e.g. `1234 9f…e1 k3a4b5c6d 2026-12-03T10:00:00Z`.
    public var line: String {
        "\(sequence) \(hash) \(keyID ?? "-") \(ISO8601DateFormatter().string(from: at))"
    }

    /// Reads the lines of an anchor file; empty lines and lines starting with `#` are skipped.
    /// Throws naming the first line that is not an anchor.
    public static func parse(_ text: String) throws -> [AuditAnchor] {
        var anchors: [AuditAnchor] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ").map(String.init)
            guard parts.count == 4, let sequence = Int64(parts[0]), sequence >= 0,
                parts[1].count == 64, parts[1].allSatisfy(\.isHexDigit),
                let at = ISO8601DateFormatter().date(from: parts[3])
            else { throw AnchorFileError(line: index + 1) }
            anchors.append(
                AuditAnchor(sequence: sequence, hash: parts[1], keyID: parts[2] == "-" ? nil : parts[2], at: at))
        }
        return anchors
    }
}

/// A line of an anchor file that could not be read.
public struct AnchorFileError: Error, Equatable {
    public var line: Int
}
