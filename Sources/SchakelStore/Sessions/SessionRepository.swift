import FluentKit
import Foundation
import SQLKit
import SchakelCore

/// A web session as the web layer needs it.
public struct WebSession: Sendable, Equatable {
    public var id: UUID
    public var userID: User.ID
    public var csrfToken: String
    public var createdAt: Date
    public var lastSeenAt: Date
}

/// Timeouts of web sessions and API tokens.
public struct SessionPolicy: Sendable {
    public var idleTimeout: TimeInterval
    public var absoluteTimeout: TimeInterval
    public var tokenLifetime: TimeInterval

    public init(
        idleTimeout: TimeInterval = 30 * 60, absoluteTimeout: TimeInterval = 12 * 3600,
        tokenLifetime: TimeInterval = 30 * 86400
    ) {
        self.idleTimeout = idleTimeout
        self.absoluteTimeout = absoluteTimeout
        self.tokenLifetime = tokenLifetime
    }
}

/// Sessions and API tokens live in the database, so several app instances share them.
/// Only a SHA-256 hash of each secret is stored.
public struct SessionRepository: Sendable {
    let store: Store

    /// A new random secret of 32 bytes, base64url without padding.
    public static func newSecret() -> String {
        var generator = SystemRandomNumberGenerator()
        let bytes = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        return Data(bytes).base64EncodedString().replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
    }

    /// Starts a session; returns the secret for the cookie and the session.
    public func startSession(for user: User.ID, context: AuditContext) async throws -> (
        secret: String, session: WebSession
    ) {
        let secret = Self.newSecret()
        let record = WebSessionRecord()
        record.id = store.ids(WebSessionRecord.self).uuid
        record.tokenHash = AuditLog.hash(secret)
        record.userID = user.uuid
        record.csrfToken = Self.newSecret()
        record.createdAt = store.clock.now()
        record.lastSeenAt = record.createdAt
        try await store.write { db in
            try await record.create(on: db)
            try await store.audit.append(
                [AuditEvent(.sessionStart, objects: ["user:\(user)"])], context: context, on: db)
        }
        return (secret, Self.session(record))
    }

    /// The live session for a cookie secret; nil when unknown or timed out (and then removed).
    /// Refreshes its idle timer at most once a minute, to spare the database a write per request.
    public func session(secret: String, policy: SessionPolicy) async throws -> WebSession? {
        let now = store.clock.now()
        // Read with SQLKit: every page a logged-in person opens starts here.
        guard
            let row = try await store.sql.raw(
                """
                SELECT id, user_id, csrf_token, created_at, last_seen_at FROM web_sessions
                WHERE token_hash = \(bind: AuditLog.hash(secret))
                """
            ).first()
        else { return nil }
        let id = try row.decode(column: "id", as: UUID.self)
        var session = WebSession(
            id: id, userID: .init(try row.decode(column: "user_id", as: UUID.self)),
            csrfToken: try row.decode(column: "csrf_token", as: String.self),
            createdAt: try row.decode(column: "created_at", as: Date.self),
            lastSeenAt: try row.decode(column: "last_seen_at", as: Date.self))
        if now.timeIntervalSince(session.lastSeenAt) > policy.idleTimeout
            || now.timeIntervalSince(session.createdAt) > policy.absoluteTimeout
        {
            try await store.write { db in try await WebSessionRecord.query(on: db).filter(\.$id == id).delete() }
            return nil
        }
        if now.timeIntervalSince(session.lastSeenAt) > 60 {
            try await store.write { db in
                try await WebSessionRecord.query(on: db).filter(\.$id == id).set(\.$lastSeenAt, to: now).update()
            }
            session.lastSeenAt = now
        }
        return session
    }

    public func endSession(_ id: UUID, context: AuditContext) async throws {
        try await store.write { db in
            try await WebSessionRecord.query(on: db).filter(\.$id == id).delete()
            try await store.audit.append([AuditEvent(.sessionEnd)], context: context, on: db)
        }
    }

    /// Issues a bearer token for the API; returns the secret, shown once.
    public func issueToken(for user: User.ID, policy: SessionPolicy, context: AuditContext) async throws -> (
        secret: String, expiresAt: Date
    ) {
        let secret = Self.newSecret()
        let record = APITokenRecord()
        record.id = store.ids(APITokenRecord.self).uuid
        record.tokenHash = AuditLog.hash(secret)
        record.userID = user.uuid
        record.createdAt = store.clock.now()
        record.expiresAt = record.createdAt.addingTimeInterval(policy.tokenLifetime)
        try await store.write { db in
            try await record.create(on: db)
            try await store.audit.append(
                [AuditEvent(.tokenIssue, objects: ["token:\(record.id!.uuidString.lowercased())"])], context: context,
                on: db)
        }
        return (secret, record.expiresAt)
    }

    /// The user and token id a bearer secret belongs to, if the token is neither expired nor revoked.
    public func tokenOwner(secret: String) async throws -> (user: User.ID, tokenID: UUID)? {
        guard
            let row = try await store.sql.raw(
                """
                SELECT id, user_id, expires_at FROM api_tokens
                WHERE token_hash = \(bind: AuditLog.hash(secret)) AND revoked_at IS NULL
                """
            ).first(),
            try row.decode(column: "expires_at", as: Date.self) > store.clock.now()
        else { return nil }
        return (.init(try row.decode(column: "user_id", as: UUID.self)), try row.decode(column: "id", as: UUID.self))
    }

    public func revokeToken(_ id: UUID, context: AuditContext) async throws {
        let now = store.clock.now()
        try await store.write { db in
            try await APITokenRecord.query(on: db).filter(\.$id == id).set(\.$revokedAt, to: now).update()
            try await store.audit.append(
                [AuditEvent(.tokenRevoke, objects: ["token:\(id.uuidString.lowercased())"])], context: context, on: db
            )
        }
    }

    // MARK: Failed logins

    /// Failed logins for a key (`user:…` or `ip:…`) within the window, and the time of the latest.
    public func recentFailures(key: String, within window: TimeInterval) async throws -> (count: Int, latest: Date?) {
        let since = store.clock.now().addingTimeInterval(-window)
        let records = try await LoginFailureRecord.query(on: store.database).filter(\.$key == key)
            .filter(\.$at >= since).sort(\.$at, .descending).all()
        return (records.count, records.first?.at)
    }

    public func recordFailure(keys: [String]) async throws {
        let now = store.clock.now()
        try await store.write { db in
            for key in keys {
                let record = LoginFailureRecord()
                record.id = UUID()
                record.key = key
                record.at = now
                try await record.create(on: db)
            }
        }
    }

    public func clearFailures(key: String) async throws {
        try await store.write { db in try await LoginFailureRecord.query(on: db).filter(\.$key == key).delete() }
    }

    private static func session(_ record: WebSessionRecord) -> WebSession {
        WebSession(
            id: record.id!, userID: .init(record.userID), csrfToken: record.csrfToken, createdAt: record.createdAt,
            lastSeenAt: record.lastSeenAt)
    }
}

extension Store {
    public var sessions: SessionRepository { SessionRepository(store: self) }
}
