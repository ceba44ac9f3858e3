// swift-tools-version:6.1
import PackageDescription

let swiftSettings: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
]

let package = Package(
    name: "schakel",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "schakel", targets: ["schakel"]),
        .executable(name: "schakel-rounds", targets: ["schakel-rounds"]),
    ],
    dependencies: [
        .package(url: "https://github.com/vapor/vapor.git", from: "4.115.0"),
        .package(url: "https://github.com/vapor/fluent.git", from: "4.12.0"),
        .package(url: "https://github.com/vapor/fluent-kit.git", from: "1.52.0"),
        .package(url: "https://github.com/vapor/fluent-sqlite-driver.git", from: "4.8.0"),
        .package(url: "https://github.com/vapor/fluent-postgres-driver.git", from: "2.10.0"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.32.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", from: "3.12.0"),
        .package(url: "https://github.com/apple/swift-openapi-generator", from: "1.10.0"),
        .package(url: "https://github.com/apple/swift-openapi-runtime", from: "1.8.0"),
        .package(url: "https://github.com/vapor/swift-openapi-vapor", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-http-types", from: "1.0.0"),
        .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.17.0"),
    ],
    targets: [
        .target(
            name: "SchakelCore",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SchakelRounds",
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SchakelRoutes",
            dependencies: ["SchakelCore"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SchakelViews",
            dependencies: ["SchakelCore", "SchakelRoutes"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SchakelStore",
            dependencies: [
                "SchakelCore",
                .product(name: "Fluent", package: "fluent"),
                .product(name: "FluentKit", package: "fluent-kit"),
                .product(name: "FluentSQLiteDriver", package: "fluent-sqlite-driver"),
                .product(name: "FluentPostgresDriver", package: "fluent-postgres-driver"),
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SchakelWeb",
            dependencies: [
                "SchakelCore",
                "SchakelStore",
                "SchakelRounds",
                "SchakelRoutes",
                "SchakelViews",
                .product(name: "Vapor", package: "vapor"),
                .product(name: "OpenAPIRuntime", package: "swift-openapi-runtime"),
                .product(name: "OpenAPIVapor", package: "swift-openapi-vapor"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ],
            resources: [.copy("Public"), .copy("DemoData"), .copy("openapi.yaml"), .copy("hsds-openapi.json")],
            swiftSettings: swiftSettings,
            plugins: [.plugin(name: "OpenAPIGenerator", package: "swift-openapi-generator")]
        ),
        .executableTarget(
            name: "schakel",
            dependencies: ["SchakelWeb"],
            swiftSettings: swiftSettings
        ),
        .executableTarget(
            name: "schakel-rounds",
            dependencies: ["SchakelRounds"],
            swiftSettings: swiftSettings
        ),
        .target(
            name: "SchakelTestSupport",
            dependencies: [
                "SchakelCore",
                "SchakelStore",
                "SchakelWeb",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            path: "Tests/SchakelTestSupport",
            swiftSettings: swiftSettings
        ),
        .testTarget(name: "SchakelCoreTests", dependencies: ["SchakelCore"], swiftSettings: swiftSettings),
        .testTarget(name: "SchakelRoundsTests", dependencies: ["SchakelRounds"], swiftSettings: swiftSettings),
        .testTarget(name: "SchakelRoutesTests", dependencies: ["SchakelRoutes"], swiftSettings: swiftSettings),
        .testTarget(
            name: "SchakelViewsTests",
            dependencies: [
                "SchakelViews", "SchakelCore",
                .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
            ],
            exclude: ["__Snapshots__"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SchakelStoreTests",
            dependencies: ["SchakelStore", "SchakelTestSupport"],
            swiftSettings: swiftSettings
        ),
        .testTarget(
            name: "SchakelWebTests",
            dependencies: [
                "SchakelWeb", "SchakelTestSupport",
                .product(name: "VaporTesting", package: "vapor"),
            ],
            swiftSettings: swiftSettings
        ),
    ]
)
