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
    /// Weight counting for K only because a modifier flipped a T entry (`inte tillit`).
    public var kFlipped = 0.0
    /// Weight counting for T only because a modifier flipped a K entry (`minska detaljstyrningen`).
    public var tFlipped = 0.0
    /// Weight counting for K from hits with a steering-frame word nearby (`Hit.framed`).
    public var kFramed = 0.0
    /// Weight counting for T from hits with a steering-frame word nearby.
    public var tFramed = 0.0
    /// Weight of hits that only name the topic (codebook rule 4), either pole.
    public var topicWeight = 0.0
    /// Distinct lexicon entries counting for K (summed over merged units).
    public var kEntries = 0
    /// Distinct lexicon entries counting for T (summed over merged units).
    public var tEntries = 0
    /// Steering-frame words (lexicon pole `F`): what is being steered.
    public var frames = 0
    /// Word tokens.
    public var words = 0

    public init() {}

    /// Adds one hit of `entry`, counting for `pole`. `scale` lowers headings' weight.
    @inline(__always)
    public mutating func add(_ entry: LexiconEntry, pole: Pole, scale: Double = 1, modifier: Modifier = .none, framed: Bool = false) {
        let w = entry.weight * scale
        if framed { if pole == .K { kFramed += w } else { tFramed += w } }
        if modifier == .topic { topicWeight += w } else if pole != entry.pole { if pole == .K { kFlipped += w } else { tFlipped += w } }
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
        kFlipped += o.kFlipped; tFlipped += o.tFlipped; topicWeight += o.topicWeight; kFramed += o.kFramed; tFramed += o.tFramed
        kEntries += o.kEntries; tEntries += o.tEntries; frames += o.frames; words += o.words
    }

    /// (T − K) / (T + K + 1) in (−1, 1): the balance of the evidence, shrunk toward 0 by one
    /// unit of weight, so a unit with a single hit does not read ±1 as if it were certain
    /// (one core hit of weight 2 gives ±0.67); 0 without evidence.
    public var net: Double { (tTotal - kTotal) / (tTotal + kTotal + 1) }

    /// Hits per 1,000 words (0 for a unit without words).
    public var hitsPerThousandWords: Double { words > 0 ? Double(kHits + tHits) * 1000 / Double(words) : 0 }

    /// log((T + 0.5) / (K + 0.5)), the convention of quanteda's `sent_logit`.
    public var logit: Double { log((tTotal + 0.5) / (kTotal + 0.5)) }
}

