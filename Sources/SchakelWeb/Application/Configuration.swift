import Foundation
import SchakelCore
import SchakelStore

/// Everything Schakel reads from the environment, read once at start.
/// Defaults work on a laptop: SQLite in `./data`, no other settings needed.
public struct SchakelConfiguration: Sendable {
    public enum DatabaseLocation: Sendable, Equatable {
        case sqliteFile(path: String)
        case sqliteMemory
        /// A PostgreSQL URL, optionally with a schema to use (tests isolate themselves that way).
        case postgres(url: String, schema: String?)
    }

    public var database: DatabaseLocation
    public var dataDirectory: String
    /// Work factor of bcrypt password hashes; 12 in production, lower only in tests.
    public var bcryptCost: Int
    /// Run migrations at start; switch off when several instances start at once and run `schakel migrate` instead.
    public var autoMigrate: Bool
    /// Mark cookies `Secure`; on whenever Schakel is served over HTTPS.
    public var secureCookies: Bool
    /// Trust `X-Forwarded-For` from a reverse proxy for the access point in the audit log.
    public var trustForwardedFor: Bool
    public var sessions: SessionPolicy
    /// The password the demo users get; when nil, one is generated and printed.
    public var demoPassword: String?
    /// Largest request body accepted, in bytes.
    public var maxBodySize: Int
    /// How long the round planner may search when a coordinator makes the day's rounds.
    public var roundPlanningSeconds: Double
    /// Keep the number of matches of each map search until the map changes (on by default; off to measure
    /// what counting costs).
    public var mapCountCache: Bool
    /// The file with the keys of the access log's MAC chain, outside the database; nil keeps a key in
    /// memory only (tests, in-memory databases).
    public var auditKeyFile: String?

    public init(
        database: DatabaseLocation, dataDirectory: String = "./data", bcryptCost: Int = 12, autoMigrate: Bool = true,
        secureCookies: Bool = false, trustForwardedFor: Bool = false, sessions: SessionPolicy = .init(),
        demoPassword: String? = nil, maxBodySize: Int = 1 << 20, roundPlanningSeconds: Double = 0.5,
        mapCountCache: Bool = true, auditKeyFile: String? = nil
    ) {
        self.database = database
        self.dataDirectory = dataDirectory
        self.bcryptCost = bcryptCost
        self.autoMigrate = autoMigrate
        self.secureCookies = secureCookies
        self.trustForwardedFor = trustForwardedFor
        self.sessions = sessions
        self.demoPassword = demoPassword
        self.maxBodySize = maxBodySize
        self.roundPlanningSeconds = roundPlanningSeconds
        self.mapCountCache = mapCountCache
        self.auditKeyFile = auditKeyFile
    }

    /// Reads `DATABASE_URL`, `SCHAKEL_DATA_DIR`, `SCHAKEL_BCRYPT_COST`, `SCHAKEL_AUTO_MIGRATE`,
    /// `SCHAKEL_SECURE_COOKIES`, `SCHAKEL_TRUST_FORWARDED_FOR`, `SCHAKEL_DEMO_PASSWORD`, `SCHAKEL_MAX_BODY_BYTES`,
    /// `SCHAKEL_MAP_COUNT_CACHE`, `SCHAKEL_AUDIT_KEY_FILE`.
    /// Every malformed value is reported at once.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> Self
    {
        var problems: [String] = []
        func flag(_ name: String, default value: Bool) -> Bool {
            guard let raw = environment[name]?.lowercased(), !raw.isEmpty else { return value }
            switch raw {
            case "1", "true", "yes", "ja", "on": return true
            case "0", "false", "no", "nee", "off": return false
            default:
                problems.append("\(name) moet true of false zijn")
                return value
            }
        }
        func integer(_ name: String, default value: Int, range: ClosedRange<Int>) -> Int {
            guard let raw = environment[name], !raw.isEmpty else { return value }
            guard let number = Int(raw), range.contains(number) else {
                problems.append("\(name) moet een geheel getal van \(range.lowerBound) tot \(range.upperBound) zijn")
                return value
            }
            return number
        }
        let dataDirectory = environment["SCHAKEL_DATA_DIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "./data"
        var database = DatabaseLocation.sqliteFile(path: dataDirectory + "/schakel.sqlite")
        if let url = environment["DATABASE_URL"], !url.isEmpty {
            if url.hasPrefix("postgres://") || url.hasPrefix("postgresql://") {
                database = .postgres(url: url, schema: nil)
            } else {
                problems.append("DATABASE_URL moet met postgres:// beginnen")
            }
        }
        let configuration = SchakelConfiguration(
            database: database, dataDirectory: dataDirectory,
            bcryptCost: integer("SCHAKEL_BCRYPT_COST", default: 12, range: 4...31),
            autoMigrate: flag("SCHAKEL_AUTO_MIGRATE", default: true),
            secureCookies: flag("SCHAKEL_SECURE_COOKIES", default: false),
            trustForwardedFor: flag("SCHAKEL_TRUST_FORWARDED_FOR", default: false),
            demoPassword: environment["SCHAKEL_DEMO_PASSWORD"].flatMap { $0.isEmpty ? nil : $0 },
            maxBodySize: integer("SCHAKEL_MAX_BODY_BYTES", default: 1 << 20, range: 1024...(1 << 30)),
            mapCountCache: flag("SCHAKEL_MAP_COUNT_CACHE", default: true),
            auditKeyFile: environment["SCHAKEL_AUDIT_KEY_FILE"].flatMap { $0.isEmpty ? nil : $0 }
                ?? dataDirectory + "/audit.key")
        if let password = configuration.demoPassword, (try? PasswordRule.validate(password)) == nil {
            problems.append("SCHAKEL_DEMO_PASSWORD moet minstens \(PasswordRule.minimumLength) tekens hebben")
        }
        if !problems.isEmpty { throw ConfigurationError(problems: problems) }
        return configuration
    }
}

/// Start-up fails with every configuration problem listed.
public struct ConfigurationError: Error, CustomStringConvertible {
    public var problems: [String]
    public var description: String {
        "Schakel kan niet starten; de configuratie klopt niet:\n" + problems.map { "  - \($0)" }.joined(separator: "\n")
    }
}
