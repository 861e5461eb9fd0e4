#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The comparison table filled in for one unit: weighted K and T language per row and
/// principle, plus totals. Additive: tables of parts sum to the table of the whole.
public struct ScoreTable: Sendable, Equatable {
    /// Weighted K score per `Dimension.rawValue` (principles stay 0 for K in the default lexicon).
    public var k = DimensionScores()
    /// Weighted T score per `Dimension.rawValue`.
    public var t = DimensionScores()
    /// Weighted total for K (each hit counted once, whatever its number of dimensions).
    public var kTotal = 0.0
    /// Weighted total for T.
    public var tTotal = 0.0
    /// Number of hits counting for K.
    public var kHits = 0
    /// Number of hits counting for T.
    public var tHits = 0

    public init() {}

    /// Adds one hit of `entry`, counting for `pole`. `scale` lowers headings' weight.
    @inline(__always)
    public mutating func add(_ entry: LexiconEntry, pole: Pole, scale: Double = 1) {
        let w = entry.weight * scale
        if pole == .K {
            kTotal += w; kHits += 1
            for d in entry.dimensions { k[d.rawValue] += w }
        } else {
            tTotal += w; tHits += 1
            for d in entry.dimensions { t[d.rawValue] += w }
        }
    }

    /// Adds another table.
    public mutating func merge(_ o: ScoreTable) {
        for i in k.indices { k[i] += o.k[i]; t[i] += o.t[i] }
        kTotal += o.kTotal; tTotal += o.tTotal; kHits += o.kHits; tHits += o.tHits
    }

    /// (T − K) / (T + K) in [−1, 1]; 0 without evidence.
    public var net: Double { kTotal + tTotal > 0 ? (tTotal - kTotal) / (tTotal + kTotal) : 0 }

    /// log((T + 0.5) / (K + 0.5)), the convention of quanteda's `sent_logit`.
    public var logit: Double { log((tTotal + 0.5) / (kTotal + 0.5)) }
}

