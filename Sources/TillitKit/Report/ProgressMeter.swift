/// The progress line of long batches: files done, MB/s and ETA. Shown only after
/// `delay` seconds and at most every `interval` seconds; the caller decides where it goes
/// (the CLI writes it to a terminal's stderr only).
public struct ProgressMeter: Sendable {
    /// Total input bytes when known (0 for standard input).
    public let totalBytes: Int
    /// Total number of files.
    public let totalFiles: Int
    /// Seconds before the first line.
    public var delay: Double = 2
    /// Least seconds between lines.
    public var interval: Double = 0.25
    var lastShown: Double = -1

    public init(totalBytes: Int, totalFiles: Int) {
        self.totalBytes = totalBytes
        self.totalFiles = totalFiles
    }

    /// The line to show now, or nil when it is too early or too soon after the last one.
    public mutating func line(elapsed: Double, files: Int, bytes: Int) -> String? {
        guard elapsed >= delay, elapsed - lastShown >= interval else { return nil }
        lastShown = elapsed
        let mbs = Double(bytes) / 1_048_576 / max(elapsed, 1e-9)
        var s = "tillit: \(files)/\(totalFiles) files, \(FixedPoint.string(Double(bytes) / 1_048_576, decimals: 1)) MB, \(FixedPoint.string(mbs, decimals: 1)) MB/s"
        if totalBytes > bytes && bytes > 0 {
            let eta = Int((Double(totalBytes - bytes) / (Double(bytes) / elapsed)).rounded())
            s += ", ETA \(eta / 60):" + (eta % 60 < 10 ? "0" : "") + "\(eta % 60)"
        }
        return s
    }
}

