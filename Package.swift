// swift-tools-version:6.2
import PackageDescription

/// Settings for the project's own targets only: dependencies keep their own warning policy.
let strictSettings: [SwiftSetting] = [
    .swiftLanguageMode(.v6),
    .enableUpcomingFeature("ExistentialAny"),
    .enableUpcomingFeature("MemberImportVisibility"),
    .treatAllWarnings(as: .error),
]

let package = Package(
    name: "ingest",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "ingest", targets: ["ingest"]),
        .library(name: "IngestCore", targets: ["IngestCore"]),
        .library(name: "IngestFetch", targets: ["IngestFetch"]),
        .library(name: "IngestText", targets: ["IngestText"]),
        .library(name: "IngestHTML", targets: ["IngestHTML"]),
        .library(name: "IngestSinks", targets: ["IngestSinks"]),
        .library(name: "IngestEntities", targets: ["IngestEntities"]),
        .library(name: "IngestEvents", targets: ["IngestEvents"]),
        .library(name: "IngestLanguage", targets: ["IngestLanguage"]),
        .library(name: "IngestPostgres", targets: ["IngestPostgres"]),
        .library(name: "IngestHTTP", targets: ["IngestHTTP"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
        .package(url: "https://github.com/apple/swift-crypto", "3.12.3"..<"5.0.0"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/vapor/postgres-nio", from: "1.33.2"),
        .package(url: "https://github.com/apple/swift-nio-ssl", from: "2.37.6"),
        .package(url: "https://github.com/swift-server/async-http-client", from: "1.37.0"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CLibXML2",
            pkgConfig: "libxml-2.0",
            providers: [.apt(["libxml2-dev"]), .brew(["libxml2"])]
        ),
        .systemLibrary(
            name: "CZlib",
            pkgConfig: "zlib",
            providers: [.apt(["zlib1g-dev"]), .brew(["zlib"])]
        ),
        .systemLibrary(
            name: "CSQLite",
            pkgConfig: "sqlite3",
            providers: [.apt(["libsqlite3-dev"]), .brew(["sqlite"])]
        ),
        .target(
            name: "IngestCore",
            dependencies: [
                .product(name: "Logging", package: "swift-log"),
                .product(name: "Crypto", package: "swift-crypto"),
                .product(name: "Yams", package: "Yams"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestFetch",
            dependencies: ["IngestCore", "CZlib"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestText",
            dependencies: ["IngestCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestHTML",
            dependencies: ["IngestCore", "IngestText", "CLibXML2"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestLanguage",
            dependencies: ["IngestCore", "CZlib"],
            resources: [.copy("Resources/language-model.bin")],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestEntities",
            dependencies: ["IngestCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestEvents",
            dependencies: ["IngestCore"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestSinks",
            dependencies: ["IngestCore", "CSQLite"],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestPostgres",
            dependencies: [
                "IngestCore", "IngestSinks",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "NIOSSL", package: "swift-nio-ssl"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestHTTP",
            dependencies: [
                "IngestCore", "IngestFetch",
                .product(name: "AsyncHTTPClient", package: "async-http-client"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .executableTarget(
            name: "ingest",
            dependencies: [
                "IngestCore", "IngestFetch", "IngestText", "IngestHTML", "IngestSinks", "IngestEntities", "IngestEvents", "IngestLanguage",
                "IngestPostgres", "IngestHTTP",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings,
            // Release builds carry the Swift runtime and Foundation inside the executable: the dynamic loader
            // binding them is most of what a short `ingest charset` or `ingest repair` costs (one file: 17 ms
            // of CPU linked dynamically, 11 ms linked so). The static Foundation does not name the libraries
            // it needs, so they are listed, in a group because they refer to each other. Debug builds and the
            // tests keep the shared runtime.
            // The loader then still spends most of a short run relocating the executable's 134,000 pointers
            // and handing out its 44,000 symbols. lld (shipped with the toolchain, unlike gold it packs
            // relocations) stores the relocations as DT_RELR, 26 KB instead of 3.2 MB to read, and
            // `--no-export-dynamic` keeps the executable's own symbols out of its dynamic symbol table: nothing
            // looks them up at run time, and the runtime's start-up `dladdr` walks that whole table. The
            // executable stays position-independent, so ASLR still applies. That has a price: writing the
            // relocated pointers is 480 of the 1,121 page faults of `ingest repair --jsonl < /dev/null`
            // (`perf record -e page-faults`), and linked with `-no-pie` the same run takes 768 faults and
            // about 2.5 ms less. It is paid, because the executable holds the code that parses untrusted
            // pages, which would otherwise sit at one known address in every process.
            linkerSettings: [
                .unsafeFlags(
                    [
                        "-static-stdlib", "-Xlinker", "--start-group", "-lFoundation", "-lCoreFoundation", "-lFoundationInternationalization",
                        "-lFoundationEssentials", "-l_FoundationICU", "-l_FoundationCShims", "-l_FoundationCollections",
                        "-lswiftSynchronization", "-lswiftDispatch", "-ldispatch", "-lBlocksRuntime", "-Xlinker", "--end-group",
                        "-use-ld=lld", "-Xlinker", "-z", "-Xlinker", "pack-relative-relocs", "-Xlinker", "--no-export-dynamic",
                    ], .when(platforms: [.linux], configuration: .release))
            ]
        ),
        .target(
            name: "IngestTestSupport",
            dependencies: ["IngestCore", "CSQLite", "CZlib"],
            path: "Tests/IngestTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestCoreTests",
            dependencies: ["IngestCore", "IngestTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestFetchTests",
            dependencies: ["IngestFetch", "IngestTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestTextTests",
            dependencies: ["IngestText", "IngestTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestEntitiesTests",
            dependencies: ["IngestEntities", "IngestHTML", "IngestText", "IngestFetch", "IngestTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestHTMLTests",
            dependencies: ["IngestHTML", "IngestText", "IngestLanguage", "IngestFetch", "IngestTestSupport", "CLibXML2"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestLanguageTests",
            dependencies: ["IngestLanguage", "IngestTestSupport", .product(name: "Logging", package: "swift-log")],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestEventsTests",
            dependencies: ["IngestEvents", "IngestEntities", "IngestHTML", "IngestText", "IngestFetch", "IngestSinks", "IngestTestSupport"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestSinksTests",
            dependencies: ["IngestSinks", "IngestEvents", "IngestText", "IngestHTML", "IngestFetch", "IngestTestSupport", "CSQLite"],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestDatabaseTests",
            dependencies: [
                "IngestSinks", "IngestPostgres", "IngestHTML", "IngestFetch", "IngestTestSupport", "CSQLite",
                .product(name: "PostgresNIO", package: "postgres-nio"),
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .target(
            name: "IngestHTTPTestSupport",
            dependencies: [
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOPosix", package: "swift-nio"),
                .product(name: "NIOHTTP1", package: "swift-nio"),
            ],
            path: "Tests/IngestHTTPTestSupport",
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestHTTPTests",
            dependencies: [
                "IngestHTTP", "IngestSinks", "IngestHTML", "IngestTestSupport", "IngestHTTPTestSupport", "CZlib",
                .product(name: "Logging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
        .testTarget(
            name: "IngestCLITests",
            dependencies: [
                "ingest", "IngestTestSupport", "IngestHTTPTestSupport", "CSQLite", .product(name: "Logging", package: "swift-log"),
                .product(name: "InMemoryLogging", package: "swift-log"),
            ],
            swiftSettings: strictSettings
        ),
    ]
)
