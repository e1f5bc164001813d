// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "chitieu",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "chitieu", targets: ["chitieu"]),
        .executable(name: "extract-benchmark", targets: ["ExtractBenchmark"]),
        .library(name: "ChiTieuCore", targets: ["ChiTieuCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
        .package(url: "https://github.com/vapor/sql-kit.git", from: "3.36.0"),
        .package(url: "https://github.com/vapor/sqlite-kit.git", from: "4.5.2"),
        .package(url: "https://github.com/vapor/postgres-kit.git", from: "2.17.0"),
        .package(url: "https://github.com/apple/swift-crypto.git", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/yaslab/CSV.swift.git", from: "2.5.2"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/vapor/multipart-kit.git", from: "4.7.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird-auth.git", from: "2.5.0"),
        .package(url: "https://github.com/swift-server/swift-service-lifecycle.git", from: "2.13.0"),
        .package(url: "https://github.com/apple/swift-nio.git", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl.git", from: "2.37.6"),
    ],
    targets: [
        .target(name: "ChiTieuCore"),
        .target(name: "ChiTieuExtract", dependencies: ["ChiTieuCore"]),
        .target(
            name: "ChiTieuReport",
            dependencies: [
                "ChiTieuCore", "ChiTieuOffice",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "CSV", package: "CSV.swift"),
            ]
        ),
        .target(
            name: "ChiTieuStore",
            dependencies: [
                "ChiTieuCore",
                .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "SQLiteKit", package: "sqlite-kit"),
                .product(name: "PostgresKit", package: "postgres-kit"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "CSV", package: "CSV.swift"),
                .product(name: "Logging", package: "swift-log"),
            ],
            resources: [.copy("Resources/catalogue.json"), .copy("Resources/registry.tsv")]
        ),
        // Notices by e-mail: the SMTP client (on SwiftNIO; the package set has none) and the
        // sender that empties the store's outbox.
        .target(
            name: "ChiTieuMail",
            dependencies: [
                "ChiTieuCore", "ChiTieuStore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        // Excel workbooks and Word documents as offices have them (ZIPFoundation and
        // Foundation's XML parser: the package set has no reader of either).
        .target(
            name: "ChiTieuOffice",
            dependencies: ["ChiTieuCore", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .target(
            name: "ChiTieuIngest", dependencies: ["ChiTieuCore", "ChiTieuExtract", "ChiTieuStore", "ChiTieuOffice"]),
        .target(
            name: "ChiTieuServer",
            dependencies: [
                "ChiTieuCore", "ChiTieuStore", "ChiTieuExtract", "ChiTieuIngest", "ChiTieuReport", "ChiTieuMail",
                "ChiTieuOffice",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "MultipartKit", package: "multipart-kit"),
                .product(name: "HummingbirdBcrypt", package: "hummingbird-auth"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "ServiceLifecycle", package: "swift-service-lifecycle"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "NIOPosix", package: "swift-nio"),
            ],
            resources: [.copy("Resources/Templates"), .copy("Resources/Static"), .copy("Resources/openapi.json")]
        ),
        .executableTarget(
            name: "chitieu",
            dependencies: [
                "ChiTieuCore", "ChiTieuStore", "ChiTieuExtract", "ChiTieuReport", "ChiTieuIngest", "ChiTieuServer",
                "ChiTieuMail", "ChiTieuOffice", .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(name: "ExtractBenchmark", dependencies: ["ChiTieuExtract", "ChiTieuCore"]),
        // What the store and server tests share to run on SQLite and PostgreSQL (not shipped).
        .target(
            name: "ChiTieuTestSupport",
            dependencies: [
                "ChiTieuStore", "ChiTieuCore", .product(name: "SQLKit", package: "sql-kit"),
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ],
            path: "Tests/ChiTieuTestSupport"),
        .testTarget(name: "ChiTieuOfficeTests", dependencies: ["ChiTieuOffice", "ChiTieuCore", "ChiTieuTestSupport"]),
        .testTarget(name: "ChiTieuCoreTests", dependencies: ["ChiTieuCore"]),
        .testTarget(name: "ChiTieuExtractTests", dependencies: ["ChiTieuExtract", "ChiTieuCore"]),
        .testTarget(
            name: "ChiTieuStoreTests",
            dependencies: [
                "ChiTieuStore", "ChiTieuCore", "ChiTieuTestSupport", .product(name: "SQLKit", package: "sql-kit"),
            ]),
        .testTarget(name: "ChiTieuCLITests", dependencies: ["chitieu"]),
        .testTarget(
            name: "ChiTieuReportTests",
            dependencies: [
                "ChiTieuReport", "ChiTieuExtract", "ChiTieuStore", "ChiTieuCore", "ChiTieuIngest", "ChiTieuOffice",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"), .product(name: "CSV", package: "CSV.swift"),
            ]),
        .testTarget(
            name: "ChiTieuServerTests",
            dependencies: [
                "ChiTieuServer", "ChiTieuStore", "ChiTieuCore", "ChiTieuTestSupport", "ChiTieuMail",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
            ]),
        .testTarget(
            name: "ChiTieuMailTests",
            dependencies: ["ChiTieuMail", "ChiTieuStore", "ChiTieuCore", "ChiTieuTestSupport"]),
        .testTarget(
            name: "ChiTieuIngestTests",
            dependencies: [
                "ChiTieuIngest", "ChiTieuStore", "ChiTieuExtract", "ChiTieuCore", "ChiTieuOffice", "ChiTieuTestSupport",
            ]),
    ]
)
