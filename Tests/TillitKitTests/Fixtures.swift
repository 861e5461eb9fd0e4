import Foundation

/// Paths to the repository's own data, found relative to this source file.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func corpus(_ name: String) -> String { root.appendingPathComponent("Corpus").appendingPathComponent(name).path }
    static func text(_ name: String) -> String { (try? String(contentsOfFile: corpus(name), encoding: .utf8)) ?? "" }
    static func bytes(_ name: String) -> [UInt8] { Array(text(name).utf8) }
}
