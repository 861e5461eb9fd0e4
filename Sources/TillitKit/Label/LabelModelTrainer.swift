#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Fits a `LabelModel` to coded units: L2-regularised multinomial logistic regression on
/// standardised `LabelFeatures`, by full-batch gradient descent with momentum (the loss is
/// convex, so the result does not depend on a seed).
///
/// Units without any hit are left out: they are `N` by rule, whatever the weights.
/// Cost: O(iterations × units × features × labels); 464 passages train in well under a second.
public struct LabelModelTrainer: Sendable {
    /// L2 penalty on the weights (not the intercepts), per unit of mean loss.
    public var l2: Double
    /// Class weighting: each unit weighs (n / (labels × n_label))^balance, so 0 is unweighted
    /// and 1 fully balanced (rare labels such as B count as much in all as common ones).
    public var balance: Double
    /// Gradient steps.
    public var iterations: Int
    /// L2 penalty on the word-stem weights; word stems are left out when 0 or below.
    public var l2Stems: Double
    /// Least number of training passages with evidence a stem must occur in to be weighed.
    public var minStemPassages: Int
    /// The stems of this many commonest Swedish word forms (by the repair lexicon's
    /// frequencies) are never weighed: function words say nothing of the construct.
    public var commonWords: Int
    /// L2 penalty on the weights of the mean word vector (`WordVectors`); the vectors are
    /// left out when 0 or below.
    public var l2Vectors: Double

    /// The settings of the embedded model, chosen by grouped cross-validation (docs/EVALUATION.md).
    public static let standard = LabelModelTrainer(l2: 0.3, balance: 1, iterations: 3000, l2Stems: 0.03, minStemPassages: 4, commonWords: 100,
                                                      l2Vectors: 3)

    public init(l2: Double, balance: Double, iterations: Int, l2Stems: Double = 0, minStemPassages: Int = 4, commonWords: Int = 100,
                l2Vectors: Double = 0) {
        self.l2Vectors = l2Vectors
        self.l2 = l2
        self.balance = balance
        self.iterations = iterations
        self.l2Stems = l2Stems
        self.minStemPassages = minStemPassages
        self.commonWords = commonWords
    }

    /// The stems of the `commonWords` commonest forms. Cost: one sort of the repair lexicon's
    /// frequencies (loading it if no repair has yet).
    public func commonStems() -> Set<String> {
        Set(RepairLexicon.embedded.mostFrequentForms(commonWords).compactMap(WordStem.of))
    }

    /// Fits a model to `tables` coded `labels` (same order).
    /// - Throws: `.badData` when fewer than two labels occur among units with evidence.
    /// `stems` (optional, same order) lists the distinct word stems of each unit;
    /// `vectorIDs` (optional, same order) each unit's word ids in `WordVectors.embedded`, read
    /// when `l2Vectors` > 0;
    /// `excludedStems`, when given, stands for `commonStems()` (computed once by callers that
    /// train many times).
    public func train(_ tables: [ScoreTable], stems: [[String]] = [], vectorIDs: [[Int32]] = [], labels: [Label], provenance: [String] = [],
                      excludedStems: Set<String>? = nil) throws(TillitError) -> LabelModel {
        let vectors: WordVectors? = l2Vectors > 0 && !vectorIDs.isEmpty ? WordVectors.embedded : nil
        let classes = LabelModel.classes
        var xs: [[Double]] = [], ys: [Int] = [], unitStems: [[String]] = []
        for (i, (t, l)) in zip(tables, labels).enumerated() where t.kHits + t.tHits > 0 {
            var x = LabelFeatures.vector(t)
            if let wv = vectors { x += wv.mean(i < vectorIDs.count ? vectorIDs[i] : []) }
            xs.append(x); ys.append(classes.firstIndex(of: l)!)
            unitStems.append(i < stems.count ? stems[i] : [])
        }
        // the vocabulary: stems in at least minStemPassages of the units with evidence
        var df: [String: Int] = [:]
        if l2Stems > 0 { for u in unitStems { for s in Set(u) { df[s, default: 0] += 1 } } }
        let excluded = df.isEmpty ? [] : excludedStems ?? commonStems()
        let vocabulary = df.filter { $0.value >= minStemPassages && !excluded.contains($0.key) }.keys.sorted()
        let vid = Dictionary(uniqueKeysWithValues: vocabulary.enumerated().map { ($1, $0) })
        let sx: [[Int]] = unitStems.map { Array(Set($0.compactMap { vid[$0] })).sorted() }
        let present = Set(ys)
        guard present.count >= 2 else {
            throw .badData(path: "<gold>", reason: "training needs passages of at least two labels among those with evidence; found \(present.isEmpty ? "no passage" : present.map { classes[$0].rawValue }.sorted().joined(separator: ", "))")
        }
        let n = xs.count, d = xs[0].count, k = classes.count, nf = LabelFeatures.count
        var mean = [Double](repeating: 0, count: d), scale = [Double](repeating: 1, count: d)
        for j in 0..<d {
            let m = xs.reduce(0) { $0 + $1[j] } / Double(n)
            let v = xs.reduce(0) { $0 + ($1[j] - m) * ($1[j] - m) } / Double(n)
            mean[j] = m; scale[j] = v > 1e-12 ? v.squareRoot() : 1
        }
        let z = xs.map { x in (0..<d).map { (x[$0] - mean[$0]) / scale[$0] } }
        var counts = [Int](repeating: 0, count: k)
        for y in ys { counts[y] += 1 }
        let cw = counts.map { $0 > 0 ? pow(Double(n) / Double(k * $0), balance) : 0 }
        let totalWeight = ys.reduce(0) { $0 + cw[$1] }
        var w = [[Double]](repeating: [Double](repeating: 0, count: d), count: k)
        var b = [Double](repeating: 0, count: k)
        var vw = w, vb = b
        let v = vocabulary.count
        var sw = [[Double]](repeating: [Double](repeating: 0, count: v), count: k)
        var vsw = sw
        let lr = 0.1, momentum = 0.9
        for _ in 0..<iterations {
            var gw = [[Double]](repeating: [Double](repeating: 0, count: d), count: k)
            var gb = [Double](repeating: 0, count: k)
            var gs = [[Double]](repeating: [Double](repeating: 0, count: v), count: k)
            for i in 0..<n {
                var s = b
                for c in 0..<k { for j in 0..<d { s[c] += w[c][j] * z[i][j] }; for q in sx[i] { s[c] += sw[c][q] } }
                let m = s.max()!
                var e = s.map { exp($0 - m) }
                let tot = e.reduce(0, +)
                for c in 0..<k { e[c] /= tot }
                let wi = cw[ys[i]] / totalWeight
                for c in 0..<k {
                    let g = wi * (e[c] - (c == ys[i] ? 1 : 0))
                    gb[c] += g
                    for j in 0..<d { gw[c][j] += g * z[i][j] }
                    for q in sx[i] { gs[c][q] += g }
                }
            }
            for c in 0..<k {
                // a label that never occurs keeps a low intercept and no weights
                if counts[c] == 0 { b[c] = -20; continue }
                vb[c] = momentum * vb[c] - lr * gb[c]; b[c] += vb[c]
                for j in 0..<d {
                    vw[c][j] = momentum * vw[c][j] - lr * (gw[c][j] + (j < nf ? l2 : l2Vectors) * w[c][j]); w[c][j] += vw[c][j]
                }
                for q in 0..<v {
                    vsw[c][q] = momentum * vsw[c][q] - lr * (gs[c][q] + l2Stems * sw[c][q]); sw[c][q] += vsw[c][q]
                }
            }
        }
        let notes = provenance + ["trained on \(n) units with evidence (\(zip(classes, counts).map { "\($0.rawValue) \($1)" }.joined(separator: ", "))); l2 \(JSON.number(l2)), balance \(JSON.number(balance)), \(iterations) iterations; \(v) word stems (l2 \(JSON.number(l2Stems)), in at least \(minStemPassages) units, the \(commonWords) commonest words left out)"]
            + (vectors.map { ["mean word vector of \($0.dims) components (l2 \(JSON.number(l2Vectors)))"] } ?? [])
        let names = LabelFeatures.names + (vectors.map { wv in (1...wv.dims).map { "vector \($0)" } } ?? [])
        return LabelModel(features: names, mean: mean, scale: scale, weights: w, bias: b, provenance: notes,
                          vocabulary: vocabulary, stemWeights: v > 0 ? sw : [])
    }
}
