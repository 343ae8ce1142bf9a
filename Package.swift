// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "conduct-audit",
    platforms: [.macOS(.v13)],
    products: [
        .library(
            name: "ConductAudit",
            targets: [
                "AuditModel", "AuditSchool", "AuditImport", "AuditAnalysis", "AuditStore",
                "AuditReport", "ConductAudit",
            ]),
        .executable(name: "conduct-audit", targets: ["conduct-audit"]),
        .executable(name: "conduct-audit-generate", targets: ["conduct-audit-generate"]),
    ],
    dependencies: [
        .package(url: "https://github.com/groue/GRDB.swift", from: "7.10.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/weichsel/ZIPFoundation", from: "0.9.20"),
        .package(url: "https://github.com/apple/swift-crypto", from: "3.12.3"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-http-types.git", from: "1.8.0"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        // glibc's malloc_trim, for the CLI to give freed memory back between stages.
        .systemLibrary(name: "CMalloc"),
        // The pipeline, one target per stage. Each depends only on the stages before it, so the
        // compiler refuses a cycle: model <- school <- import <- analysis <- store <- report <- pipeline.
        // ARCHITECTURE.md draws it.
        //
        // Model: the timeline, time, ids, archive records and import issues, and shared text helpers.
        .target(
            name: "AuditModel",
            dependencies: [.product(name: "Crypto", package: "swift-crypto")]
        ),
        // School: calendar, timetables, roster, school.yaml, who a name or account is.
        .target(
            name: "AuditSchool",
            dependencies: [
                "AuditModel",
                .product(name: "Yams", package: "Yams"),
                .product(name: "Crypto", package: "swift-crypto"),
            ],
            resources: [.process("Resources")]
        ),
        // Import: platform archives (zip or folder) to timeline items, with their locators.
        .target(
            name: "AuditImport",
            dependencies: [
                "AuditModel", "AuditSchool", "CLibXML2",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
            ]
        ),
        // Analysis: the policy rules over a timeline, giving findings and incidents.
        .target(
            name: "AuditAnalysis",
            dependencies: ["AuditModel", "AuditSchool"],
            resources: [.process("Resources")]
        ),
        // Store: the SQLite case file (items, runs, findings, reviews, outcomes, search).
        .target(
            name: "AuditStore",
            dependencies: [
                "AuditModel", "AuditImport", "AuditAnalysis",
                .product(name: "GRDB", package: "GRDB.swift"),
                .product(name: "GRDBSQLite", package: "GRDB.swift"),
            ]
        ),
        // Report: the evidence folder, its manifest and its verification.
        .target(
            name: "AuditReport",
            dependencies: [
                "AuditModel", "AuditSchool", "AuditImport", "AuditAnalysis", "AuditStore",
            ]
        ),
        // Pipeline: composes the stages (import -> analyse -> store -> report) for every front end.
        .target(
            name: "ConductAudit",
            dependencies: [
                "CMalloc", "AuditModel", "AuditSchool", "AuditImport", "AuditAnalysis",
                "AuditStore",
                "AuditReport",
            ]
        ),
        // The local review page (`conduct-audit serve`): the HTTP server lives here so the core
        // library stays free of it.
        .target(
            name: "ConductAuditServer",
            dependencies: [
                "AuditModel", "AuditAnalysis", "AuditStore", "AuditReport", "ConductAudit",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
        .executableTarget(
            name: "conduct-audit",
            dependencies: [
                "AuditModel", "AuditSchool", "AuditImport", "AuditAnalysis", "AuditStore",
                "AuditReport", "ConductAudit",
                "ConductAuditServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        // Synthetic exports for benchmarks and tests; not part of the library's API.
        .target(
            name: "SyntheticExports",
            dependencies: [.product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        .executableTarget(
            name: "conduct-audit-generate",
            dependencies: [
                "SyntheticExports",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(
            name: "ConductAuditTests",
            dependencies: [
                "AuditModel", "AuditSchool", "AuditImport", "AuditAnalysis", "AuditStore",
                "AuditReport", "ConductAudit",
                "SyntheticExports",
                .product(name: "ZIPFoundation", package: "ZIPFoundation"),
                .product(name: "PropertyBased", package: "swift-property-based"),
            ],
            resources: [.copy("Fixtures")]
        ),
        .testTarget(
            name: "ConductAuditServerTests",
            dependencies: [
                "AuditModel", "AuditAnalysis", "AuditStore", "AuditReport", "ConductAudit",
                "ConductAuditServer",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdTesting", package: "hummingbird"),
                .product(name: "HTTPTypes", package: "swift-http-types"),
            ]
        ),
    ],
    swiftLanguageModes: [.v6]
)
