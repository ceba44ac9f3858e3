import Fluent
import FluentPostgresDriver
import FluentSQLiteDriver
import Foundation
import SchakelCore
import SchakelRounds
import SchakelStore
import Vapor

/// The composition root: the executable and every test build the application here.
///
/// - Parameters:
///   - clock, ids: injectable so tests are deterministic.
public func configure(
    _ app: Application, _ configuration: SchakelConfiguration, clock: Clock = .system, ids: IDGenerator = .random
) async throws {
    let engine = try configureDatabase(app, configuration)
    app.migrations.add(SchakelMigrations.all)
    app.schakel = try AppServices(store: store(app, configuration, engine, clock, ids), configuration: configuration)

    // The migrate command asks before it migrates; everything else migrates on start when allowed.
    if case .postgres(_, let schema?) = configuration.database {
        try await DatabaseSetup.createSchema(schema, on: app.db)
    }
    let command = app.environment.arguments.dropFirst().first
    if configuration.autoMigrate && command != "migrate" {
        try await app.autoMigrate()
    }
    if engine == .sqlite, case .sqliteFile = configuration.database {
        let connections = app.eventLoopGroup.makeIterator().map {
            app.databases.database(logger: app.logger, on: $0)
        }.compactMap { $0 }
        try await DatabaseSetup.tuneSQLiteFile(
            app.db, connections: connections, checkpoint: command == nil || command == "serve")
    }

    app.routes.defaultMaxBodySize = ByteCount(integerLiteral: configuration.maxBodySize)
    app.passwords.use(.bcrypt(cost: configuration.bcryptCost))
    app.middleware = Middlewares()
    app.middleware.use(RequestLogMiddleware())
    app.middleware.use(SecurityHeadersMiddleware())
    app.middleware.use(SchakelErrorMiddleware(environment: app.environment))
    app.middleware.use(RequestTargetMiddleware())
    app.middleware.use(OldPathRedirectMiddleware())
    app.middleware.use(MethodNotAllowedMiddleware())
    app.middleware.use(FileMiddleware(publicDirectory: publicDirectory(), defaultFile: nil))
    app.middleware.use(WebSessionMiddleware())
    app.middleware.use(CSRFMiddleware())
    app.middleware.use(NULCharacterMiddleware())
    app.middleware.use(APIBodyMiddleware())
    try routes(app)
    app.storage[MethodNotAllowedMiddleware.FixedPathsKey.self] = MethodNotAllowedMiddleware.fixedPaths(of: app.routes)
    registerCommands(app)
    if app.environment != .testing && (command == nil || command == "serve") {
        app.lifecycle.use(SignalEscalationJob())
    }
}

/// Marks overdue signals and referrals as escalated every ten minutes while serving, so coordinators see them.
/// Running on several instances at once is harmless: each is escalated once (a compare-and-set on its mark).
struct SignalEscalationJob: LifecycleHandler {
    func didBoot(_ app: Application) throws {
        let store = app.schakel.store
        let logger = app.logger
        let loop = app.eventLoopGroup.next()
        loop.scheduleRepeatedAsyncTask(initialDelay: .seconds(5), delay: .minutes(10)) { _ in
            loop.makeFutureWithTask {
                do {
                    let job = AuditContext(actor: nil, accessPoint: "job")
                    let count = try await store.signals(job).escalateOverdue()
                    if count > 0 { logger.info("Te late signalen gemeld bij de coördinator: \(count)") }
                    let referrals = try await store.referrals(job).escalateOverdue()
                    if referrals.escalated + referrals.flagged > 0 {
                        logger.info(
                            "Te late verwijzingen: \(referrals.escalated) geëscaleerd, \(referrals.flagged) zonder eerste contact"
                        )
                    }
                } catch {
                    logger.error("Escaleren van te late signalen mislukt: \(String(reflecting: type(of: error)))")
                }
            }
        }
    }
}

/// The store of a server. On a SQLite file, queries take the connection of each event loop in turn:
/// `app.db` would tie them all to one loop, which on SQLite means one connection (readers can work side
/// by side in WAL mode). PostgreSQL keeps to one loop's pool of eight connections, which already keeps
/// two cores busy: spreading over both loops' sixteen gave no clear gain in the benchmarks (map search
/// 186–221 against 243 requests/s, round page 257 against 230, within the noise between runs). The
/// in-memory SQLite database of the tests keeps to one connection: it gets no WAL and no busy timeout.
func store(
    _ app: Application, _ configuration: SchakelConfiguration, _ engine: DatabaseEngine, _ clock: Clock,
    _ ids: IDGenerator
) throws -> Store {
    let keys = try configuration.auditKeyFile.map { try AuditKeyring.load(file: $0) } ?? .ephemeral()
    guard case .sqliteFile = configuration.database else {
        return Store(
            database: app.db, engine: engine, clock: clock, ids: ids, keepsSearchCounts: configuration.mapCountCache,
            auditKeys: keys)
    }
    let databases = app.databases
    let logger = app.logger
    let eventLoops = app.eventLoopGroup
    return Store(
        databases: { databases.database(logger: logger, on: eventLoops.any())! }, engine: engine, clock: clock,
        ids: ids, keepsSearchCounts: configuration.mapCountCache, auditKeys: keys)
}

/// Chooses SQLite or PostgreSQL from the configuration.
func configureDatabase(_ app: Application, _ configuration: SchakelConfiguration) throws -> DatabaseEngine {
    switch configuration.database {
    case .sqliteFile(let path):
        let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw ConfigurationError(problems: ["de datamap \(directory) kan niet worden aangemaakt"])
        }
        app.databases.use(.sqlite(.file(path), sqlLogLevel: .trace), as: .sqlite)
        return .sqlite
    case .sqliteMemory:
        app.databases.use(.sqlite(.memory, sqlLogLevel: .trace), as: .sqlite)
        return .sqlite
    case .postgres(let url, let schema):
        var postgres = try SQLPostgresConfiguration(url: url)
        if let schema { postgres.searchPath = [schema] }
        app.databases.use(
            .postgres(configuration: postgres, maxConnectionsPerEventLoop: 8, sqlLogLevel: .trace), as: .psql)
        return .postgres
    }
}

func publicDirectory() -> String {
    Bundle.module.resourceURL!.appendingPathComponent("Public").path + "/"
}

/// The executable's entry point: reads the environment, configures and runs the command line.
public func runSchakel() async throws {
    // Round planning needs no database: answer it before the application starts.
    let arguments = Array(CommandLine.arguments.dropFirst())
    if arguments.first == "rounds" {
        let result = RoundsCLI.run(arguments)
        FileHandle.standardOutput.write(Data(result.output.utf8))
        FileHandle.standardError.write(Data(result.error.utf8))
        exit(result.status)
    }
    var environment = try Environment.detect()
    try LoggingSystem.bootstrap(from: &environment)
    let configuration: SchakelConfiguration
    do {
        configuration = try SchakelConfiguration.fromEnvironment()
    } catch let error as ConfigurationError {
        FileHandle.standardError.write(Data((error.description + "\n").utf8))
        exit(2)
    }
    let app = try await Application.make(environment)
    do {
        try await configure(app, configuration)
        try await app.execute()
    } catch let failure as CommandFailure {
        FileHandle.standardError.write(Data((failure.description + "\n").utf8))
        try? await app.asyncShutdown()
        exit(1)
    } catch {
        app.logger.report(error: error)
        try? await app.asyncShutdown()
        exit(1)
    }
    try await app.asyncShutdown()
}
