import Crypto
import Foundation
import SchakelCore

/// The keys of the access log's MAC chain, kept outside the database: whoever can write the database
/// cannot compute a valid chain without them.
///
/// A key file holds one key a line, `ID BASE64` (32 random bytes); `#` starts a comment. The last line is
/// the key new entries are made with; earlier lines verify older entries, so a key can be rotated by
/// adding a line. The id is derived from the key (`k` and the first eight hex digits of its SHA-256).
public struct AuditKeyring: Sendable {
    public struct Key: Sendable {
        public let id: String
        // The bytes, not a SymmetricKey, which is not Sendable.
        let bytes: [UInt8]

        init(_ bytes: Data) {
            self.bytes = Array(bytes)
            id = "k" + String(AuditLog.hash(bytes).prefix(8))
        }

        /// HMAC-SHA256 of the text, as lower-case hex.
        func mac(_ text: String) -> String {
            AuditLog.hex(
                Array(HMAC<SHA256>.authenticationCode(for: Data(text.utf8), using: SymmetricKey(data: bytes))))
        }
    }

    /// The key new entries are made with.
    public let current: Key
    let byID: [String: Key]

    init(keys: [Key]) {
        current = keys.last!
        byID = Dictionary(keys.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }

    /// A key of this process only, for tests and in-memory databases that do not outlive the process.
    public static func ephemeral() -> AuditKeyring {
        AuditKeyring(keys: [Key(Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) }))])
    }

    /// The MAC of an entry's content with the key it names, or nil when that key is not here.
    func mac(_ text: String, keyID: String) -> String? { byID[keyID]?.mac(text) }

    /// Reads the key file; creates it with one new key (readable by its owner only) when it does not exist.
    public static func load(file path: String) throws -> AuditKeyring {
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            try appendNewKey(to: path)
        }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var keys: [Key] = []
        for (index, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = raw.trimmingCharacters(in: .whitespaces)
            if line.isEmpty || line.hasPrefix("#") { continue }
            let parts = line.split(separator: " ")
            guard parts.count == 2, let bytes = Data(base64Encoded: String(parts[1])), bytes.count >= 32 else {
                throw KeyFileError(path: path, line: index + 1)
            }
            let key = Key(bytes)
            guard key.id == parts[0] else { throw KeyFileError(path: path, line: index + 1) }
            keys.append(key)
        }
        guard !keys.isEmpty else { throw KeyFileError(path: path, line: nil) }
        return AuditKeyring(keys: keys)
    }

    /// Adds a new random key at the end of the file (creating it, owner-only), which becomes the current
    /// one for the next start; returns its id.
    @discardableResult
    public static func appendNewKey(to path: String) throws -> String {
        let bytes = Data(SymmetricKey(size: .bits256).withUnsafeBytes { Array($0) })
        let key = Key(bytes)
        let manager = FileManager.default
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        try manager.createDirectory(atPath: directory, withIntermediateDirectories: true)
        if !manager.fileExists(atPath: path) {
            let header =
                "# Sleutels van de keten van het toegangslog van Schakel. Bewaar dit bestand buiten de database\n"
                + "# en maak er een kopie van: zonder deze sleutels kan het log niet gecontroleerd worden.\n"
            guard manager.createFile(atPath: path, contents: Data(header.utf8), attributes: [.posixPermissions: 0o600])
            else { throw KeyFileError(path: path, line: nil) }
        }
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        defer { try? handle.close() }
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("\(key.id) \(bytes.base64EncodedString())\n".utf8))
        return key.id
    }
}

/// The key file cannot be read or a line of it is not a key.
public struct KeyFileError: Error, CustomStringConvertible {
    public var path: String
    public var line: Int?

    public var description: String {
        if let line { return "Het sleutelbestand van het toegangslog klopt niet op regel \(line)." }
        return "Het sleutelbestand van het toegangslog kan niet gelezen of gemaakt worden, of bevat geen sleutel."
    }
}
