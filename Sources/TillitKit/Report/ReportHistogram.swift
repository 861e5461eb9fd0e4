/// A histogram of the documents' logit, log((T + 0.5) / (K + 0.5)), for a report's summary.
///
/// Bins are half a unit wide from −3 to 3 (logit 0.5 is T weight about 1.6 times K weight),
/// with one open bin below −3 and one above 3. Documents without any hit have logit 0 by
/// definition and are counted apart (`withoutEvidence`), so they do not pile up in the
/// middle bin. A value on an edge goes to the bin above it.
public struct ReportHistogram: Sendable, Equatable {
    /// One bin: documents with `lower ≤ logit < upper` (nil: unbounded).
    public struct Bin: Sendable, Equatable {
        public var lower: Double?
        public var upper: Double?
        public var count: Int
    }

    /// The bins, lowest first.
    public private(set) var bins: [Bin]
    /// Documents without a hit, left out of the bins.
    public private(set) var withoutEvidence = 0

    /// The edges between bins.
    public static let edges: [Double] = stride(from: -3.0, through: 3.0, by: 0.5).map { $0 }

    /// An empty histogram.
    public init() {
        let e = ReportHistogram.edges
        bins = [Bin(lower: nil, upper: e[0], count: 0)]
            + (0..<(e.count - 1)).map { Bin(lower: e[$0], upper: e[$0 + 1], count: 0) }
            + [Bin(lower: e[e.count - 1], upper: nil, count: 0)]
    }

    /// Counts one document's table.
    public mutating func add(_ t: ScoreTable) {
        guard t.kHits + t.tHits > 0 else { withoutEvidence += 1; return }
        bins[ReportHistogram.bin(of: t.logit)].count += 1
    }

    /// The index of the bin that holds `logit`.
    public static func bin(of logit: Double) -> Int {
        var i = 0
        while i < edges.count && logit >= edges[i] { i += 1 }
        return i
    }

    /// The largest bin count (at least 1, to scale bars by).
    public var maxCount: Int { max(1, bins.map(\.count).max() ?? 1) }
}
