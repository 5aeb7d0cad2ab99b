// swift-tools-version: 6.1
import Foundation
import PackageDescription

// libFuzzer targets over the ingest stage, kept out of the main build (as benchmarks are in swift-nio): build and
// run them with `Fuzz/run`. The root package is a path dependency, whose identity is its folder's name.
let rootPackage = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
    .lastPathComponent

let package = Package(
    name: "AwarenessFuzz",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "FuzzCSV", targets: ["FuzzCSV"]),
        .executable(name: "FuzzCampaigns", targets: ["FuzzCampaigns"]),
        .executable(name: "FuzzRollup", targets: ["FuzzRollup"]),
        .executable(name: "FuzzEstimators", targets: ["FuzzEstimators"]),
    ],
    dependencies: [.package(path: "..")],
    targets: [
        .target(name: "FuzzDriver"),
        .executableTarget(
            name: "FuzzCSV", dependencies: ["FuzzDriver", .product(name: "Ingest", package: rootPackage)]),
        .executableTarget(
            name: "FuzzCampaigns", dependencies: ["FuzzDriver", .product(name: "Ingest", package: rootPackage)]),
        .executableTarget(
            name: "FuzzRollup", dependencies: ["FuzzDriver", .product(name: "Ingest", package: rootPackage)]),
        .executableTarget(
            name: "FuzzEstimators",
            dependencies: [
                "FuzzDriver", .product(name: "Ingest", package: rootPackage),
                .product(name: "Analytics", package: rootPackage), .product(name: "Reporting", package: rootPackage),
            ]),
    ],
    swiftLanguageModes: [.v6]
)
