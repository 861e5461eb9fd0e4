// swift-tools-version:6.0
import PackageDescription

// tillit: zero package dependencies. Only the Swift toolchain is used.
let package = Package(
    name: "tillit",
    products: [
        .library(name: "TillitKit", targets: ["TillitKit"]),
        .executable(name: "tillit", targets: ["tillit"]),
        .executable(name: "tillit-bench", targets: ["TillitBench"]),
    ],
    targets: [
        .target(name: "TillitKit", path: "Sources/TillitKit"),
        .executableTarget(name: "tillit", dependencies: ["TillitKit"], path: "Sources/tillit"),
        .executableTarget(name: "TillitBench", dependencies: ["TillitKit"], path: "Benchmarks/TillitBench"),
        .testTarget(name: "TillitKitTests", dependencies: ["TillitKit", "tillit"], path: "Tests/TillitKitTests"),
    ]
)
