import Testing

@testable import SchakelWeb

@Suite("Configuration from the environment")
struct ConfigurationTests {
    @Test("defaults, a switch turned off, and every malformed value named at once")
    func environment() throws {
        let defaults = try SchakelConfiguration.fromEnvironment([:])
        #expect(defaults.mapCountCache && defaults.autoMigrate && defaults.bcryptCost == 12)
        #expect(defaults.database == .sqliteFile(path: "./data/schakel.sqlite"))
        let off = try SchakelConfiguration.fromEnvironment(["SCHAKEL_MAP_COUNT_CACHE": "nee"])
        #expect(!off.mapCountCache)
        let error = #expect(throws: ConfigurationError.self) {
            try SchakelConfiguration.fromEnvironment([
                "SCHAKEL_MAP_COUNT_CACHE": "misschien", "SCHAKEL_BCRYPT_COST": "2", "DATABASE_URL": "mysql://x",
            ])
        }
        #expect(error?.problems.count == 3)
        #expect(error?.description.contains("SCHAKEL_MAP_COUNT_CACHE moet true of false zijn") == true)
    }
}
