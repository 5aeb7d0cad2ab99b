// swift-tools-version: 6.1
import PackageDescription

// The model-fit benchmark (Benchmarks/model-fit): a package of its own, nested so that the main build, its tests
// and CI never compile the harness. It uses the project's Analytics and Ingest libraries as a user would.
let package = Package(
    name: "awareness-model-fit-benchmark",
    platforms: [.macOS(.v15)],
    dependencies: [.package(name: "awareness", path: "../..")],
    targets: [
        .executableTarget(
            name: "model-fit",
            dependencies: [
                .product(name: "Analytics", package: "awareness"),
                .product(name: "Ingest", package: "awareness"),
            ])
    ],
    swiftLanguageModes: [.v6]
)
