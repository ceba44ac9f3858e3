import FluentKit
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import Logging
import NIOCore
import SQLKit
import SchakelCore

/// Which database engine holds the data; a few queries differ between the two.
public enum DatabaseEngine: String, Sendable {
    case sqlite, postgres
}

/// The persistence layer: a Fluent database plus the injectable clock and id generator.
///
/// Writes go through `write(_:)`, one transaction each. SQLite allows one writer at a time and
/// answers a second one with "database is locked", so on SQLite writes are queued in-process:
/// create one `Store` per database and share its copies (they share the queue).
public struct Store: Sendable {
    /// The database for the next query or transaction. A server on a SQLite file hands out one per event
    /// loop in turn, so queries spread over every loop's connection instead of queueing for one.
    public var database: any Database { databases() }
    private let databases: @Sendable () -> any Database
    public let engine: DatabaseEngine
    public let clock: Clock
    public let ids: IDGenerator
    let writeQueue: WriteQueue?
    let auditBatcher: AuditBatcher
    let searchCounts: SearchCounts
    let vocabularyCache: VocabularyCache
    /// The keys of the access log's MAC chain, from outside the database.
    let auditKeys: AuditKeyring

    /// A store on one database handle (commands, tests).
    public init(
        database: any Database, engine: DatabaseEngine, clock: Clock = .system, ids: IDGenerator = .random,
        keepsSearchCounts: Bool = true, auditKeys: AuditKeyring = .ephemeral()
    ) {
        self.init(
            databases: { database }, engine: engine, clock: clock, ids: ids, keepsSearchCounts: keepsSearchCounts,
            auditKeys: auditKeys)
    }

    /// A store that asks `databases` for a handle each time, e.g. on the next event loop.
    public init(
        databases: @escaping @Sendable () -> any Database, engine: DatabaseEngine, clock: Clock = .system,
        ids: IDGenerator = .random, keepsSearchCounts: Bool = true, auditKeys: AuditKeyring = .ephemeral()
    ) {
        self.auditKeys = auditKeys
        self.vocabularyCache = VocabularyCache()
        self.databases = databases
        self.engine = engine
        self.clock = clock
        self.ids = ids
        self.writeQueue = engine == .sqlite ? WriteQueue() : nil
        self.auditBatcher = AuditBatcher()
        self.searchCounts = SearchCounts(enabled: keepsSearchCounts)
    }

    private init(_ store: Store, clock: Clock) {
        databases = store.databases
        engine = store.engine
        self.clock = clock
        ids = store.ids
        writeQueue = store.writeQueue
        auditBatcher = store.auditBatcher
        searchCounts = store.searchCounts
        vocabularyCache = store.vocabularyCache
        auditKeys = store.auditKeys
    }

    /// The same store with another clock, sharing the write queue: the demo uses it to lay down a past.
    public func with(clock: Clock) -> Store { Store(self, clock: clock) }

    var sql: any SQLDatabase { database.sql }

    /// Runs `body` in one transaction; everything it wrote is undone if it throws.
    public func write<T: Sendable>(_ body: @escaping @Sendable (any Database) async throws -> T) async throws -> T {
        if let writeQueue {
            return try await writeQueue.run { try await database.transaction(body) }
        }
        return try await database.transaction(body)
    }

    /// Whether the database answers a trivial query.
    public func isReachable() async -> Bool {
        do {
            _ = try await sql.raw("SELECT 1 AS one").all()
            return true
        } catch {
            return false
        }
    }
}

/// Serialises write transactions against one SQLite database within this process.
final class WriteQueue: Sendable {
    private let lock = AsyncLock()

    func run<T: Sendable>(_ body: @Sendable () async throws -> T) async throws -> T {
        await lock.acquire()
        do {
            let result = try await body()
            await lock.release()
            return result
        } catch {
            await lock.release()
            throw error
        }
    }
}

/// A fair async mutex: waiters are resumed in arrival order.
actor AsyncLock {
    private var locked = false
    private var waiters: [CheckedContinuation<Void, Never>] = []

    func acquire() async {
        if !locked {
            locked = true
            return
        }
        await withCheckedContinuation { waiters.append($0) }
    }

    func release() {
        if waiters.isEmpty {
            locked = false
        } else {
            waiters.removeFirst().resume()
        }
    }
}
