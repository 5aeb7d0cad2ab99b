// swift-tools-version: 6.1
import PackageDescription

let package = Package(
    name: "awareness",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "awareness", targets: ["awareness"]),
        .library(name: "Ingest", targets: ["Ingest"]),
        .library(name: "Analytics", targets: ["Analytics"]),
        .library(name: "Reporting", targets: ["Reporting"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
    ],
    targets: [
        // Debian's libcsv-dev ships no pkg-config file, so the library is linked by name.
        .systemLibrary(name: "CLibCSV", providers: [.apt(["libcsv-dev"])]),
        // Debian's libcrypto (libssl-dev) for SHA-256 through its EVP API; linked by name like libcsv.
        .systemLibrary(name: "CLibCrypto", providers: [.apt(["libssl-dev"])]),
        // Debian's zlib (zlib1g-dev), for gzip-compressed feeds; linked by name too.
        .systemLibrary(name: "CZlib", providers: [.apt(["zlib1g-dev"])]),
        // GitHub's CommonMark parser (libcmark-gfm-dev and its extensions), for the HTML report to mail.
        .systemLibrary(
            name: "CCmarkGFM", providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]),
        // The byte scans the reader makes before libcsv (UTF-8 check, line feeds), in SSE2.
        .target(name: "CByteScan"),
        // libcsv's field and record callbacks in C: they collect a slice's records for the reader to visit in one loop.
        .target(name: "CRecordBatch"),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc does not declare: migrates an output folder to its link.
        .target(name: "CRenameExchange"),
        .target(
            name: "Ingest",
            dependencies: [
                "CLibCSV", "CZlib", "CLibCrypto", "CByteScan", "CRecordBatch",
                .product(name: "Yams", package: "Yams"),
            ],
            // The per-row path touches class-held buffers millions of times; dynamic exclusivity checks
            // on them cost a fifth of ingest time. Accesses are confined to one thread per parser.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(name: "Analytics", dependencies: ["Ingest"]),
        .target(
            name: "Reporting",
            dependencies: ["Analytics", "Ingest", "CRenameExchange", "CCmarkGFM"]),
        .target(name: "SampleData", dependencies: ["Analytics", "Ingest"]),
        .executableTarget(
            name: "awareness",
            dependencies: [
                "Ingest", "Analytics", "Reporting", "SampleData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "IngestTests", dependencies: ["Ingest", "Reporting"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AnalyticsTests", dependencies: ["Analytics", "Ingest", "SampleData"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "Analytics", "Ingest"], exclude: ["Golden"]),
        .testTarget(name: "SampleDataTests", dependencies: ["SampleData", "Analytics", "Ingest"]),
        .testTarget(
            name: "AwarenessTests", dependencies: ["awareness"], exclude: ["Fixtures", "BadInput", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
