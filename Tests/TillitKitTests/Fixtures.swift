import Foundation
import Dispatch

/// Paths to the repository's own data, found relative to this source file.
enum Fixtures {
    static let root: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static func corpus(_ name: String) -> String { root.appendingPathComponent("Corpus").appendingPathComponent(name).path }
    static func text(_ name: String) -> String { (try? String(contentsOfFile: corpus(name), encoding: .utf8)) ?? "" }
    static func bytes(_ name: String) -> [UInt8] { Array(text(name).utf8) }
}

extension Process {
    /// Starts the process and returns once it has exited. `waitUntilExit()` can return before
    /// the child has exited when called off the main thread on Linux (swift-corelibs-foundation
    /// polls a run loop), which once gave a test a status of 0 and an empty stderr file; the
    /// termination handler and a semaphore do not. `whileRunning` runs once the process has
    /// started (to feed its stdin, or read its pipes to their end).
    func runToExit(whileRunning: () throws -> Void = {}) throws {
        let done = DispatchSemaphore(value: 0)
        terminationHandler = { _ in done.signal() }
        try run()
        try whileRunning()
        done.wait()
        while isRunning { usleep(1_000) }
    }
}
