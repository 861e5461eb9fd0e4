/// The design matrix of coded passages as a TSV: one row per passage with its gold label, its
/// source group, every evidence feature the label model reads (`LabelFeatures`), the unit's mean
/// word vector, its word stems and its evidence. For researchers who fit their own models in R
/// or pandas on tillit's evidence, and for auditing what a model saw.
///
/// Cost: O(passages × features); the passages must already be scored (`Validation.score`).
public enum FeatureTable {
    /// The table's header line (without newline): `id source gold`, the evidence features, the
    /// vector components `vector 1 …`, then `hits`, `stems` and `evidence`.
    public static func header(vectorDims: Int) -> String {
        (["id", "source", "gold"] + LabelFeatures.names + (0..<vectorDims).map { "vector \($0 + 1)" } + ["hits", "stems", "evidence"])
            .joined(separator: "\t")
    }

    /// The whole table: header and one line per passage. A passage of several units is summed
    /// into one table, as training reads it. Stems are space-separated; evidence items are
    /// `pattern|entry pole|counted pole|modifier|weight|byte offset|byte length` (offsets into the passage text), separated by ` ; `.
    public static func render(_ scored: [Validation.Scored], vectors: WordVectors? = .embedded) -> String {
        let dims = vectors?.dims ?? 0
        var out = header(vectorDims: dims) + "\n"
        func clean(_ s: String) -> String { String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        for s in scored {
            let t = s.table
            var f = [clean(s.passage.id), clean(s.passage.group), s.passage.label.rawValue]
            f += LabelFeatures.vector(t).map(JSON.number)
            if let wv = vectors { f += wv.mean(s.allVectorIDs).map(JSON.number) }
            f.append(String(t.kHits + t.tHits))
            f.append(s.allStems.joined(separator: " "))
            f.append(s.evidence.map { e in
                clean("\(e.pattern)|\(e.entryPole.rawValue)|\(e.pole.rawValue)|\(e.modifier == .none ? "-" : e.modifier.name)|\(JSON.number(e.weight))|\(e.offset)|\(e.length)")
            }.joined(separator: " ; "))
            out += f.joined(separator: "\t") + "\n"
        }
        return out
    }
}
