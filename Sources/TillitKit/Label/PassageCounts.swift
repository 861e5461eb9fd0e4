/// How many of a document's passages (paragraphs, headings, list items) got each label, and
/// the document's label drawn from them.
///
/// A document's label is the most common label among its governance passages (K, T or B):
/// a long motion for trust whose other paragraphs are procedure is `T`, not `B`. A tie between
/// K and T, or between B and a pole, is `B` (neither clearly dominates). A document without a
/// governance passage is `N`. Additive over the parts of a document read in pieces.
public struct PassageCounts: Sendable, Equatable {
    /// Passages per label, in `Label.allCases` order (K, T, B, N).
    public private(set) var counts = [0, 0, 0, 0]
    /// The decision of the only passage while there is exactly one.
    var single: LabelDecision? = nil

    public init() {}

    /// All passages counted.
    public var total: Int { counts.reduce(0, +) }

    /// Passages with label `l`.
    public subscript(_ l: Label) -> Int { counts[Label.allCases.firstIndex(of: l)!] }

    /// Share of the passages with label `l` (0 for a document without passages).
    public func share(_ l: Label) -> Double { total > 0 ? Double(self[l]) / Double(total) : 0 }

    /// Counts one passage's decision.
    public mutating func add(_ d: LabelDecision) {
        single = total == 0 ? d : nil
        counts[Label.allCases.firstIndex(of: d.label)!] += 1
    }

    /// Counts the passages of a later part.
    public mutating func merge(_ o: PassageCounts) {
        single = total == 0 ? o.single : (o.total == 0 ? single : nil)
        for i in counts.indices { counts[i] += o.counts[i] }
    }

    /// The document's label. With one passage it is that passage's decision. Otherwise the
    /// probabilities are the shares of the passages (K, T, B among governance passages; N of
    /// all) and there are no feature reasons: the passages carry those.
    public var decision: LabelDecision {
        if let s = single, total == 1 { return s }
        let k = self[.K], t = self[.T], b = self[.B]
        let governance = k + t + b
        guard governance > 0 else { return LabelDecision(label: .N, probabilities: [0, 0, 0, 1], reasons: []) }
        let label: Label
        if k > t && k > b { label = .K } else if t > k && t > b { label = .T } else { label = .B }
        let g = Double(governance), n = Double(total)
        return LabelDecision(label: label, probabilities: [Double(k) / g, Double(t) / g, Double(b) / g, Double(self[.N]) / n], reasons: [])
    }
}
