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
        .library(name: "Nightly", targets: ["Nightly"]),
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
        // They read and trim the parser's entry buffer (`struct csv_parser`'s fields), hence the dependency.
        .target(name: "CRecordBatch", dependencies: ["CLibCSV"]),
        // renameat2(RENAME_EXCHANGE), which Swift's Glibc does not declare: migrates an output folder to its link.
        .target(name: "CRenameExchange"),
        .target(
            name: "Ingest",
            dependencies: [
                "CLibCSV", "CZlib", "CLibCrypto", "CByteScan", "CRecordBatch",
                .product(name: "Yams", package: "Yams"),
            ],
            // The per-row path touches class-held buffers millions of times; with dynamic exclusivity checks
            // the ingest of 3,000,000 events took 14% more CPU (0.87 s against 0.76 s, median of 5, release;
            // Benchmarks/README.md, "Exclusivity checking"). A flag applies to a whole target, so it stays
            // module-wide. Accesses are confined to one thread per parser.
            swiftSettings: [.unsafeFlags(["-enforce-exclusivity=unchecked"])]
        ),
        .target(name: "Analytics", dependencies: ["Ingest"]),
        // Renders what Analytics decided: the vocabulary (en, fr) and the documents; it computes no figure.
        .target(name: "Reporting", dependencies: ["Analytics", "Ingest", "CCmarkGFM"]),
        // The night's conduct: the batch, its outputs, the run manifest and the output folders.
        .target(name: "Nightly", dependencies: ["Reporting", "Analytics", "Ingest", "CRenameExchange"]),
        .target(name: "SampleData", dependencies: ["Analytics", "Ingest"]),
        .executableTarget(
            name: "awareness",
            dependencies: [
                "Ingest", "Analytics", "Reporting", "Nightly", "SampleData",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .testTarget(name: "IngestTests", dependencies: ["Ingest"], resources: [.copy("Fixtures")]),
        .testTarget(
            name: "AnalyticsTests", dependencies: ["Analytics", "Ingest", "SampleData"], exclude: ["Fixtures"]),
        .testTarget(
            name: "ReportingTests", dependencies: ["Reporting", "Nightly", "Analytics", "Ingest"], exclude: ["Golden"]),
        .testTarget(name: "NightlyTests", dependencies: ["Nightly", "Reporting", "Analytics", "Ingest"]),
        .testTarget(name: "SampleDataTests", dependencies: ["SampleData", "Analytics", "Ingest"]),
        .testTarget(
            name: "AwarenessTests", dependencies: ["awareness"], exclude: ["Fixtures", "BadInput", "Golden"]),
    ],
    swiftLanguageModes: [.v6]
)
