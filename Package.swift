// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "kubegrid",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "kubegrid", targets: ["kubegrid"]),
        .library(name: "KubeGridCore", targets: ["KubeGridCore"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/apple/swift-collections", from: "1.6.0"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/hummingbird-project/hummingbird", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-nio", from: "2.101.2"),
        .package(url: "https://github.com/apple/swift-nio-extras", from: "1.35.2"),
        .package(url: "https://github.com/apple/swift-log", from: "1.16.2"),
    ],
    targets: [
        .systemLibrary(
            name: "CYAML",
            pkgConfig: "yaml-0.1",
            providers: [.apt(["libyaml-dev"])]
        ),
        .systemLibrary(
            name: "CJansson",
            pkgConfig: "jansson",
            providers: [.apt(["libjansson-dev"])]
        ),
        .target(
            name: "KubeGridCore",
            dependencies: [
                "CYAML",
                "CJansson",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        .target(
            name: "KubeGridSim",
            dependencies: [
                "KubeGridCore",
                .product(name: "OrderedCollections", package: "swift-collections"),
                .product(name: "Mustache", package: "swift-mustache"),
            ]
        ),
        // The HTTP face of the simulator (`kubegrid serve`): the only target that links
        // Hummingbird, so KubeGridCore and KubeGridSim stay free of HTTP.
        .target(
            name: "KubeGridServer",
            dependencies: [
                "KubeGridCore",
                "KubeGridSim",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "HummingbirdCore", package: "hummingbird"),
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOConcurrencyHelpers", package: "swift-nio"),
                // The event loops serve starts (KubeServer.eventLoopThreads).
                .product(name: "NIOPosix", package: "swift-nio"),
                // The HTTP request and response parts Hummingbird's channel carries (ReadCacheAnswerer).
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "SchedulerBenchmark",
            dependencies: ["KubeGridSim", "KubeGridCore", "BenchmarkSupport"],
            path: "Benchmarks/SchedulerBenchmark"
        ),
        .executableTarget(
            name: "SimulationBenchmark",
            dependencies: ["KubeGridSim", "KubeGridCore", "BenchmarkSupport"],
            path: "Benchmarks/SimulationBenchmark",
            // The tenant's values the --tenant run renders, read from the repository at run time.
            exclude: ["tenant.yaml"]
        ),
        .executableTarget(
            name: "kubegrid",
            dependencies: [
                "KubeGridCore",
                "KubeGridSim",
                "KubeGridServer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(
            name: "BenchmarkSupport",
            path: "Benchmarks/Support"
        ),
        .executableTarget(
            name: "yaml-emission-floor",
            dependencies: ["CYAML", "BenchmarkSupport"],
            path: "Benchmarks/EmissionFloor"
        ),
        .testTarget(
            name: "KubeGridCoreTests",
            dependencies: ["KubeGridCore"],
            exclude: ["Charts/Golden"]
        ),
        .testTarget(
            name: "KubeGridSimTests",
            dependencies: ["KubeGridSim", "KubeGridCore"]
        ),
        .testTarget(
            name: "KubeGridServerTests",
            dependencies: [
                "KubeGridServer", "KubeGridSim", "KubeGridCore",
                .product(name: "NIOCore", package: "swift-nio"),
                .product(name: "NIOEmbedded", package: "swift-nio"),
                .product(name: "NIOHTTPTypes", package: "swift-nio-extras"),
            ]
        ),
        .testTarget(
            name: "KubeGridCLITests",
            dependencies: ["KubeGridCore"],
            exclude: ["Golden"]
        ),
    ],
    swiftLanguageModes: [.v6]
)
