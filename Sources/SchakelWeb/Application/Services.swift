import Fluent
import SchakelCore
import SchakelStore
import Vapor

/// What every request and command shares: the store and the configuration, set up once in `configure`.
public struct AppServices: Sendable {
    public let store: Store
    public let configuration: SchakelConfiguration
    /// A bcrypt hash of a random secret at the configured cost: an unknown username is checked against it,
    /// so a failed login takes as long whether the account exists or not.
    public let dummyPasswordHash: String

    init(store: Store, configuration: SchakelConfiguration) throws {
        self.store = store
        self.configuration = configuration
        dummyPasswordHash = try Bcrypt.hash(SessionRepository.newSecret(), cost: configuration.bcryptCost)
    }
}

extension Application {
    private struct ServicesKey: StorageKey {
        typealias Value = AppServices
    }

    /// The services of this application; set by `configure`.
    public var schakel: AppServices {
        get {
            guard let services = storage[ServicesKey.self] else { fatalError("configure(_:) has not run") }
            return services
        }
        set { storage[ServicesKey.self] = newValue }
    }
}

extension Request {
    var schakel: AppServices { application.schakel }
    var store: Store { application.schakel.store }
}
