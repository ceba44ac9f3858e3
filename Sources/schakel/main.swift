import SchakelWeb

try await runSchakel()
