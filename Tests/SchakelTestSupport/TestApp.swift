import Fluent
import Foundation
import NIOCore
import SQLKit
import SchakelCore
import SchakelStore
import Vapor

@testable import SchakelWeb

/// The database the suites run on: in-memory SQLite, or PostgreSQL when `SCHAKEL_TEST_DATABASE_URL` is set.
public enum TestDatabase {
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["SCHAKEL_TEST_DATABASE_URL"].flatMap { $0.isEmpty ? nil : $0 }
    }

    public static var name: String { postgresURL == nil ? "SQLite" : "PostgreSQL" }

    /// A fresh, empty database location: in-memory SQLite, or a schema of its own on PostgreSQL.
    static func fresh() -> SchakelConfiguration.DatabaseLocation {
        if let url = postgresURL {
            return .postgres(
                url: url, schema: "t_" + UUID().uuidString.lowercased().replacingOccurrences(of: "-", with: ""))
        }
        return .sqliteMemory
    }
}

/// A test clock that can be moved forward. Each reading moves it on by a millisecond, as real
/// time would, so events keep their order on every database.
public final class TestClock: @unchecked Sendable {
    private let lock = NSLock()
    private var now: Date

    public init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) { now = start }

    public func advance(by seconds: TimeInterval) {
        lock.withLock { now = now.addingTimeInterval(seconds) }
    }

    public var date: Date { lock.withLock { now } }

    public var clock: Clock {
        Clock { [self] in
            lock.withLock {
                now = now.addingTimeInterval(0.001)
                return now
            }
        }
    }
}

/// Builds the real application from the composition root on a fresh database, serves it on a free
/// loopback port, runs `body`, and tears everything down (dropping the PostgreSQL schema).
public func withSchakel<T>(
    clock: TestClock = TestClock(), configure adjust: (inout SchakelConfiguration) -> Void = { _ in },
    _ body: (TestServer) async throws -> T
) async throws -> T {
    let app = try await Application.make(.testing)
    app.logger.logLevel = .warning
    var configuration = SchakelConfiguration(database: TestDatabase.fresh(), bcryptCost: 4)
    adjust(&configuration)
    do {
        try await SchakelWeb.configure(app, configuration, clock: clock.clock)
        app.http.client.configuration.redirectConfiguration = .disallow
        try await app.asyncBoot()
        try await app.server.start(address: .hostname("127.0.0.1", port: 0))
        guard let port = app.http.server.shared.localAddress?.port else { throw TestFailure("server has no port") }
        let server = TestServer(app: app, clock: clock, baseURL: "http://127.0.0.1:\(port)")
        let result = try await body(server)
        await teardown(app, configuration)
        return result
    } catch {
        await teardown(app, configuration)
        throw error
    }
}

private func teardown(_ app: Application, _ configuration: SchakelConfiguration) async {
    if case .postgres(_, let schema?) = configuration.database {
        _ = try? await (app.db as! any SQLDatabase).raw("DROP SCHEMA IF EXISTS \(ident: schema) CASCADE").run()
    }
    await app.server.shutdown()
    try? await app.asyncShutdown()
}

public struct TestFailure: Error, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// The running application of one test.
public struct TestServer: Sendable {
    public let app: Application
    public let clock: TestClock
    public let baseURL: String

    public var store: Store { app.schakel.store }

    /// A new browser without cookies.
    public func browser() -> Browser { Browser(app: app, baseURL: baseURL) }
}

/// An HTTP response as a test sees it.
public struct TestResponse: Sendable {
    public var status: HTTPResponseStatus
    public var headers: HTTPHeaders
    public var body: String

    public var location: String? { headers.first(name: .location) }

    /// The value of a hidden or text input on the page, e.g. the CSRF token.
    public func inputValue(named name: String) -> String? {
        guard let range = body.range(of: "name=\"\(name)\"") else { return nil }
        let rest = body[range.upperBound...]
        guard let valueStart = rest.range(of: "value=\"") else { return nil }
        let afterValue = rest[valueStart.upperBound...]
        guard let end = afterValue.firstIndex(of: "\"") else { return nil }
        return String(afterValue[..<end])
    }
}

/// A minimal browser: keeps cookies, sends forms with the page's CSRF token, follows nothing by itself.
public final class Browser: @unchecked Sendable {
    let app: Application
    let baseURL: String
    private let lock = NSLock()
    private var cookies: [String: String] = [:]
    /// The CSRF token of the last page that had one.
    public private(set) var csrf: String?
    public var headers: HTTPHeaders = [:]

    init(app: Application, baseURL: String) {
        self.app = app
        self.baseURL = baseURL
    }

    public func cookie(_ name: String) -> String? { lock.withLock { cookies[name] } }

    public func setCookie(_ name: String, _ value: String?) { lock.withLock { cookies[name] = value } }

    /// The Cookie header this browser sends.
    public var cookieHeader: String {
        lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
    }

    /// The loopback port of the server.
    public var port: Int { URI(string: baseURL).port ?? 80 }

    /// Posts a form over a plain socket, its body in `pieces` parts `pause` seconds apart; adds the page's
    /// CSRF token as `post` does. Returns the status and the raw response.
    public func postInPieces(_ path: String, form: [(String, String)], pieces: Int, pause: TimeInterval)
        async throws -> (status: Int, text: String)
    {
        var fields = form
        if !fields.contains(where: { $0.0 == "_csrf" }), let csrf { fields.append(("_csrf", csrf)) }
        let body = Data(fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&").utf8)
        return try await sendInPieces(
            path, contentType: "application/x-www-form-urlencoded", body: body, pieces: pieces, pause: pause)
    }

    /// Posts a body over a plain socket in `pieces` parts `pause` seconds apart, with this browser's cookies.
    public func sendInPieces(_ path: String, contentType: String, body: Data, pieces: Int, pause: TimeInterval)
        async throws -> (status: Int, text: String)
    {
        let size = (body.count + pieces - 1) / max(pieces, 1)
        let parts = stride(from: 0, to: body.count, by: max(size, 1)).map { body[$0..<min($0 + size, body.count)] }
        let head =
            "POST \(path) HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(body.count)\r\nCookie: \(cookieHeader)\r\n\r\n"
        return try await RawHTTP.send(port: port, head: head, body: parts.map { Data($0) }, pause: pause)
    }

    @discardableResult
    public func get(_ path: String, headers extra: HTTPHeaders = [:]) async throws -> TestResponse {
        try await send(.GET, path, headers: extra, body: nil)
    }

    /// Posts a URL-encoded form; adds `_csrf` from the last page unless the form has one.
    @discardableResult
    public func post(_ path: String, form: [(String, String)], includeCSRF: Bool = true) async throws -> TestResponse {
        var fields = form
        if includeCSRF, !fields.contains(where: { $0.0 == "_csrf" }), let csrf { fields.append(("_csrf", csrf)) }
        let body = fields.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
        return try await send(.POST, path, headers: ["Content-Type": "application/x-www-form-urlencoded"], body: body)
    }

    @discardableResult
    public func send(_ method: HTTPMethod, _ path: String, headers extra: HTTPHeaders = [:], body: String?) async throws
        -> TestResponse
    {
        var headers = self.headers
        for (name, value) in extra { headers.replaceOrAdd(name: name, value: value) }
        let cookieHeader = lock.withLock { cookies.map { "\($0.key)=\($0.value)" }.joined(separator: "; ") }
        if !cookieHeader.isEmpty { headers.replaceOrAdd(name: .cookie, value: cookieHeader) }
        let response = try await app.client.send(method, headers: headers, to: URI(string: baseURL + path)) { request in
            if let body { request.body = ByteBuffer(string: body) }
        }
        for header in response.headers[.setCookie] { absorb(setCookie: header) }
        let text = response.body.map { String(buffer: $0) } ?? ""
        let result = TestResponse(status: response.status, headers: response.headers, body: text)
        if let token = result.inputValue(named: "_csrf") { csrf = token }
        return result
    }

    /// Logs in through the form, as a person would.
    @discardableResult
    public func login(_ username: String, password: String = World.password) async throws -> TestResponse {
        try await get("/inloggen")
        return try await post("/inloggen", form: [("username", username), ("password", password)])
    }

    private func absorb(setCookie header: String) {
        let parts = header.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
        guard let pair = parts.first, let equals = pair.firstIndex(of: "=") else { return }
        let name = String(pair[..<equals])
        let value = String(pair[pair.index(after: equals)...])
        let expired = parts.contains { $0.lowercased() == "max-age=0" } || value.isEmpty
        lock.withLock { cookies[name] = expired ? nil : value }
    }

    static func encode(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }
}
