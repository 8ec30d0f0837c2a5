// swift-tools-version:5.4
// libFuzzer targets for kubegrid's parsers; see scripts/fuzz.sh and README.md ("Fuzzing").
//
// A package of its own so that `-sanitize=fuzzer` and `-parse-as-library` (unsafe flags,
// allowed only in a root package) never touch the main build. Tools version 5.4 on
// purpose: from 5.5 on, SwiftPM links executables with `--defsym main=<target>_main`,
// a symbol that `-parse-as-library` never emits, so libFuzzer's own `main` cannot win.
import PackageDescription

let fuzzTarget: (String) -> Target = { name in
    .executableTarget(
        name: name,
        dependencies: ["FuzzOracles"],
        swiftSettings: [.unsafeFlags(["-parse-as-library"])]
    )
}

let package = Package(
    name: "kubegrid-fuzz",
    platforms: [.macOS("13.0")],
    dependencies: [
        .package(name: "kubegrid", path: ".."),
    ],
    targets: [
        .target(
            name: "FuzzOracles",
            dependencies: [.product(name: "KubeGridCore", package: "kubegrid")]
        ),
        fuzzTarget("fuzz-set"),
        fuzzTarget("fuzz-yaml"),
        fuzzTarget("fuzz-json"),
    ]
)
