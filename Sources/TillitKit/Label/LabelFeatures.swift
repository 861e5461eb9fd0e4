#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The interpretable features the label model reads from a unit's evidence: the filled-in
/// comparison table per row and pole, the principles, the modifiers, the steering frame, the
/// number of distinct entries and the length. Every feature is a count or weight that a
/// reader can check against the unit's evidence list.
///
/// Weights and counts enter as log(1 + x), so one strong hit and many weak ones are
/// comparable and no single hit dominates. Cost: O(features) per unit.
public enum LabelFeatures {
    /// Feature names, in vector order (also the names in a model file).
    public static let names: [String] = {
        var n = ["K", "T"]
        for r in Dimension.rows { n.append("K row \(r.rawValue + 1)") }
        for r in Dimension.rows { n.append("T row \(r.rawValue + 1)") }
        for p in Dimension.principles { n.append("T \(p.key)") }
        n += ["K framed", "T framed", "K flipped", "T flipped", "K entries", "T entries", "min(K,T)", "frame words",
              "frame per 100 words", "K per 100 words", "T per 100 words", "topic", "words"]
        return n
    }()

    /// Number of features.
    public static var count: Int { names.count }

    /// The feature vector of `table`.
    public static func vector(_ t: ScoreTable) -> [Double] {
        var v: [Double] = []
        v.reserveCapacity(names.count)
        func lg(_ x: Double) -> Double { log1p(max(0, x)) }
        v.append(lg(t.kTotal)); v.append(lg(t.tTotal))
        for r in Dimension.rows { v.append(lg(t.k[r.rawValue])) }
        for r in Dimension.rows { v.append(lg(t.t[r.rawValue])) }
        for p in Dimension.principles { v.append(lg(t.t[p.rawValue])) }
        v.append(lg(t.kFramed)); v.append(lg(t.tFramed))
        v.append(lg(t.kFlipped)); v.append(lg(t.tFlipped))
        v.append(lg(Double(t.kEntries))); v.append(lg(Double(t.tEntries)))
        v.append(lg(min(t.kTotal, t.tTotal)))
        v.append(lg(Double(t.frames)))
        let per100 = t.words > 0 ? 100 / Double(t.words) : 0
        v.append(Double(t.frames) * per100)
        v.append(t.kTotal * per100); v.append(t.tTotal * per100)
        v.append(lg(t.topicWeight))
        v.append(lg(Double(t.words)))
        return v
    }
}
