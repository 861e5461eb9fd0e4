#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A multinomial logistic regression from a unit's evidence features (`LabelFeatures`) to the
/// labels K, T, B and N, learned from coded passages (`tillit train`). It replaces hand
/// thresholds: which rows, principles and modifiers matter, and how much evidence a label
/// needs, are learned from the coders' decisions.
///
/// Inspectable: a model file is a table with one row per feature (its mean, scale and one
/// weight per label), so each weight can be read and each decision explained by the
/// features that moved it (`LabelDecision.reasons`). A unit without any hit is `N`.
///
/// Cost: O(features × labels) per unit, a few hundred floating-point operations.
public struct LabelModel: Sendable, Equatable {
    /// The labels, in the order of the weight columns (K, T, B, N).
    public static let classes = Label.allCases

    /// Feature names, in the order of `weights`' columns.
    public let features: [String]
    /// Per feature: the training mean (features are standardised before weighing).
    public let mean: [Double]
    /// Per feature: the training standard deviation (1 where it was 0).
    public let scale: [Double]
    /// Per label (K, T, B, N): the weight of each standardised feature.
    public let weights: [[Double]]
    /// Per label: the intercept.
    public let bias: [Double]
    /// Free-text provenance (gold files, passages, settings), kept in the model file.
    public let provenance: [String]
    /// Word stems (`WordStem`) the model weighs beside the evidence features: present (1) or
    /// absent (0) in a unit. Learned from the coded passages; may be empty.
    public let vocabulary: [String]
    /// Per label (K, T, B, N): the weight of each vocabulary stem.
    public let stemWeights: [[Double]]
    /// Vocabulary id of each stem.
    public let stemIndex: [String: Int32]
    /// Components of the unit's mean word vector (`WordVectors.embedded`) the model reads
    /// after the evidence features (rows `vector 1` … `vector N`); 0 for a model without them.
    public let vectorDims: Int

    public init(features: [String], mean: [Double], scale: [Double], weights: [[Double]], bias: [Double], provenance: [String] = [],
                vocabulary: [String] = [], stemWeights: [[Double]] = []) {
        self.features = features
        self.mean = mean
        self.scale = scale
        self.weights = weights
        self.bias = bias
        self.provenance = provenance
        self.vocabulary = vocabulary
        self.stemWeights = stemWeights.isEmpty ? LabelModel.classes.map { _ in [] } : stemWeights
        self.stemIndex = Dictionary(vocabulary.enumerated().map { ($1, Int32($0)) }, uniquingKeysWith: { a, _ in a })
        self.vectorDims = max(0, features.count - LabelFeatures.count)
    }

    /// The word vectors the model reads, or nil when it reads none.
    /// Nil also when the vectors' size differs from the model's (a model of another tillit
    /// version; `load(path:)` refuses such a file).
    public var wordVectors: WordVectors? { vectorDims > 0 && vectorDims == WordVectors.embedded.dims ? WordVectors.embedded : nil }

    /// The full feature vector of a unit: the evidence features, then (for a model with word
    /// vectors) the weighted mean vector of the words `vectorIDs`.
    public func featureVector(_ table: ScoreTable, vectorIDs: [Int32] = []) -> [Double] {
        var x = LabelFeatures.vector(table)
        if let wv = wordVectors { x += wv.mean(vectorIDs) }
        return x
    }

    /// The model shipped inside the library, trained by `scripts/train-label-model.sh` on
    /// the coded dev passages with the embedded lexicon (`Lexicons/label-model.tsv`).
    public static let embedded: LabelModel = {
        do { return try parse(EmbeddedLabelModel.text, source: "<embedded>") } catch { fatalError("embedded label model is malformed: \(error)") }
    }()

    /// Probabilities of K, T, B, N for a feature vector and the unit's distinct stem ids.
    public func probabilities(_ x: [Double], stems: [Int32] = []) -> [Double] {
        softmax(logits(x, stems: stems))
    }

    func logits(_ x: [Double], stems: [Int32]) -> [Double] {
        var z = bias
        for c in 0..<z.count where !stemWeights[c].isEmpty { for s in stems { z[c] += stemWeights[c][Int(s)] } }
        for c in 0..<z.count {
            let w = weights[c]
            var s = z[c]
            for j in 0..<x.count { s += w[j] * (x[j] - mean[j]) / scale[j] }
            z[c] = s
        }
        return z
    }

    func softmax(_ z: [Double]) -> [Double] {
        let m = z.max() ?? 0
        let e = z.map { exp($0 - m) }
        let s = e.reduce(0, +)
        return e.map { $0 / s }
    }

    /// The label of a unit with this table and these stem ids (indexes into `vocabulary`,
    /// repeats allowed), with probabilities and reasons. `vectorIDs` are the unit's word ids in
    /// `wordVectors` (repeats kept), read only by a model with word vectors.
    /// With `vectorLogits` (this model's, `VectorLogits(model:)`), the vector block costs four
    /// additions a word instead of a mean of the vectors; the decision is the same.
    public func decide(_ table: ScoreTable, stems rawStems: [Int32] = [], vectorIDs: [Int32] = [], vectorLogits: VectorLogits? = nil) -> LabelDecision {
        if table.kHits + table.tHits == 0 { return .noEvidence }
        var stems = rawStems
        stems.sort()
        var w = 0
        for s in stems where w == 0 || stems[w - 1] != s { stems[w] = s; w += 1 }
        stems.removeLast(stems.count - w)
        let fast = vectorDims > 0 ? vectorLogits : nil
        let x = fast != nil ? LabelFeatures.vector(table) : featureVector(table, vectorIDs: vectorIDs)
        var z = logits(x, stems: stems)
        var vectorBlock: [Double] = []
        if let vl = fast {
            vectorBlock = vl.logits(vectorIDs)
            for c in 0..<z.count { z[c] += vectorBlock[c] }
        }
        let p = softmax(z)
        let order = p.indices.sorted { p[$0] > p[$1] || (p[$0] == p[$1] && $0 < $1) }
        let best = order[0], second = order[1]
        // the three largest positive effects: features by index (≥ 0), stems as −1 − stem id
        var top: [(index: Int, effect: Double)] = []
        func consider(_ i: Int, _ e: Double) {
            guard e > 0 else { return }
            if top.count < 3 { top.append((i, e)) } else if e > top[2].effect { top[2] = (i, e) } else { return }
            top.sort { $0.effect > $1.effect }
        }
        let nf = LabelFeatures.count
        for j in 0..<nf { consider(j, (weights[best][j] - weights[second][j]) * (x[j] - mean[j]) / scale[j]) }
        // the word vectors count as one reason, named by the words that pushed it most
        var nearWords: [String] = []
        if let vl = fast {
            // the words are named only when the vector block is among the reasons shown
            let e = vectorBlock[best] - vectorBlock[second]
            if e > 0 { consider(Int.max, e) }
        } else if let wv = wordVectors {
            var e = 0.0
            var direction: [Double] = []
            for j in nf..<x.count {
                let d: Double = (weights[best][j] - weights[second][j]) / scale[j]
                direction.append(d)
                e += d * (x[j] - mean[j])
            }
            if e > 0 {
                let shares = wv.contributions(vectorIDs, direction: direction)
                for c in shares.prefix(3) where c.share > 0 { nearWords.append(wv.word(c.word)) }
                consider(Int.max, e)
            }
        }
        let knownWords = Double(vectorIDs.lazy.filter { $0 >= 0 }.count)
        if !stemWeights[best].isEmpty {
            for s in stems { consider(-1 - Int(s), stemWeights[best][Int(s)] - stemWeights[second][Int(s)]) }
        }
        if let vl = fast, top.contains(where: { $0.index == Int.max }) {
            for c in vl.contributions(vectorIDs, best: best, second: second, limit: 3) where c.share > 0 { nearWords.append(vl.vectors.word(c.word)) }
        }
        let reasons: [LabelDecision.Reason] = top.map { t in
            if t.index == Int.max {
                // with no word that pushed this way (or no known word at all: the block is then its
                // offset alone) the reason names the vectors, not an empty list of words
                let name = nearWords.isEmpty ? "word vectors (no word leads)" : "words like " + nearWords.joined(separator: ", ")
                return LabelDecision.Reason(feature: name, value: knownWords, effect: t.effect)
            }
            if t.index >= 0 { return LabelDecision.Reason(feature: features[t.index], value: x[t.index], effect: t.effect) }
            return LabelDecision.Reason(feature: "word \(vocabulary[-1 - t.index])*", value: 1, effect: t.effect)
        }
        return LabelDecision(label: LabelModel.classes[best], probabilities: p, reasons: reasons)
    }

    /// The model as a tab-separated table (the format `parse` reads).
    public func serialized() -> String {
        var out = "# tillit label model: multinomial logistic regression over evidence features\n"
        out += "# x' = (x - mean) / scale; logit(label) = bias + sum of weight × x'; P = softmax\n"
        for p in provenance { out += "# \(p)\n" }
        out += "tillit-label-model\t1\n"
        out += "feature\tmean\tscale\t" + LabelModel.classes.map(\.rawValue).joined(separator: "\t") + "\n"
        func n(_ d: Double) -> String { JSON.number(d) }
        out += "bias\t0\t1\t" + bias.map(n).joined(separator: "\t") + "\n"
        for j in features.indices {
            out += "\(features[j])\t\(n(mean[j]))\t\(n(scale[j]))\t" + LabelModel.classes.indices.map { n(weights[$0][j]) }.joined(separator: "\t") + "\n"
        }
        for (j, w) in vocabulary.enumerated() {
            out += "word \(w)\t0\t1\t" + LabelModel.classes.indices.map { n(stemWeights[$0][j]) }.joined(separator: "\t") + "\n"
        }
        return out
    }

    /// Parses a model file. Every feature the library computes must have a row.
    /// - Throws: `.badData` naming the line.
    public static func parse(_ text: String, source: String) throws(TillitError) -> LabelModel {
        var rows: [String: (Double, Double, [Double])] = [:]
        var bias: [Double]? = nil
        var sawHeader = false
        var provenance: [String] = []
        var vocabulary: [String] = [], stemRows: [[Double]] = []
        var seenStems = Set<String>()
        // read as bytes: fast, and "\r\n" (one Character in Swift) ends a line as "\n" does
        var failure: TillitError? = nil
        ByteSlice.withBytes(of: text) { all in
            do throws(TillitError) {
                for (i, rawBytes) in all.split(separator: 0x0A, omittingEmpty: false).enumerated() {
                    let bytes = rawBytes.last == 0x0D ? rawBytes.dropLast() : rawBytes
                    if bytes.first == 0x23 {   // '#'
                        let c = bytes.dropFirst().string.trimmed()
                        if !c.hasPrefix("tillit label model") && !c.hasPrefix("x' =") { provenance.append(c) }
                        continue
                    }
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 }) { continue }
                    let f = bytes.split(separator: 0x09, omittingEmpty: false)
                    func fail(_ why: String) -> TillitError { .badData(path: source, reason: "line \(i + 1): \(why)") }
                    let name = f[0]
                    if name.elementsEqual("tillit-label-model") {
                        guard f.count >= 2, f[1].elementsEqual("1") else { throw fail("unsupported model version '\(f.dropFirst().map(\.string).joined())' (this tillit reads version 1)") }
                        sawHeader = true; continue
                    }
                    if name.elementsEqual("feature") { continue }
                    guard f.count == 3 + classes.count else { throw fail("expected \(3 + classes.count) tab-separated fields (feature, mean, scale, K, T, B, N), found \(f.count)") }
                    var nums: [Double] = []
                    nums.reserveCapacity(f.count - 1)
                    for v in f.dropFirst() {
                        guard let d = LabelModel.number(v), d.isFinite, abs(d) < 1e6 else { throw fail("'\(v.string)' is not a number of at most 1e6 in size") }
                        nums.append(d)
                    }
                    if name.elementsEqual("bias") { bias = Array(nums[2...]); continue }
                    if name.hasPrefix("word ") {
                        let stem = name.dropFirst(5).string
                        guard !stem.isEmpty, !stem.contains(" ") else { throw fail("a word row names one stem, as 'word dokument'") }
                        guard seenStems.insert(stem).inserted else { throw fail("word '\(stem)' appears twice") }
                        vocabulary.append(stem); stemRows.append(Array(nums[2...])); continue
                    }
                    let feature = name.string
                    guard nums[1] > 0 else { throw fail("the scale of '\(feature)' must be positive") }
                    guard rows[feature] == nil else { throw fail("feature '\(feature)' appears twice") }
                    rows[feature] = (nums[0], nums[1], Array(nums[2...]))
                }
            } catch {
                failure = error
            }
        }
        if let failure { throw failure }
        guard sawHeader else { throw .badData(path: source, reason: "not a tillit label model (no 'tillit-label-model' line); train one with 'tillit train'") }
        guard let b = bias else { throw .badData(path: source, reason: "the model has no 'bias' row") }
        var names = LabelFeatures.names
        // word-vector rows: vector 1 … vector N, all of them (N is checked against the
        // embedded vectors when they are first used)
        let dims = rows.keys.filter { $0.hasPrefix("vector ") }.count
        if dims > 0 { names += (1...dims).map { "vector \($0)" } }
        if let missing = names.first(where: { rows[$0] == nil }) {
            throw .badData(path: source, reason: "the model has no row for feature '\(missing)'; retrain it with this version of tillit")
        }
        if let extra = rows.keys.sorted().first(where: { !names.contains($0) }) {
            throw .badData(path: source, reason: "unknown feature '\(extra)' (this tillit computes: \(names.joined(separator: ", ")))")
        }
        let ordered = names.map { rows[$0]! }
        let weights = classes.indices.map { c in ordered.map { $0.2[c] } }
        let sw = classes.indices.map { c in stemRows.map { $0[c] } }
        return LabelModel(features: names, mean: ordered.map(\.0), scale: ordered.map(\.1), weights: weights, bias: b, provenance: provenance,
                          vocabulary: vocabulary, stemWeights: vocabulary.isEmpty ? [] : sw)
    }

    /// The number written in `v`, as `Double(String)` reads it. Plain decimals of up to 15
    /// digits are converted exactly here (an exact integer divided by an exact power of ten
    /// rounds once, as a correct parser does); anything else goes through `Double(String)`.
    static func number(_ v: ByteSlice) -> Double? {
        var i = 0, mantissa: UInt64 = 0, digits = 0, fraction = -1
        let negative = v.first == 0x2D
        if negative || v.first == 0x2B { i = 1 }
        while i < v.count {
            let b = v[i]
            if b >= 0x30 && b <= 0x39 {
                mantissa = mantissa * 10 + UInt64(b - 0x30); digits += 1
                if fraction >= 0 { fraction += 1 }
            } else if b == 0x2E && fraction < 0 {
                fraction = 0
            } else {
                digits = 99; break
            }
            i += 1
        }
        guard digits >= 1 && digits <= 15 && fraction != 0 else { return Double(v.string) }
        let powers: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]
        let d = Double(mantissa) / powers[max(fraction, 0)]
        return negative ? -d : d
    }

    /// Reads a model file.
    /// - Throws: `.inputNotFound`, `.io` or `.badData`.
    public static func load(path: String) throws(TillitError) -> LabelModel {
        let bytes = try FileInput.readAll(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .badData(path: path, reason: "model file is not valid UTF-8") }
        let model = try parse(text, source: path)
        if model.vectorDims > 0 && model.vectorDims != WordVectors.embedded.dims {
            throw .badData(path: path, reason: "the model reads \(model.vectorDims) word-vector components, this tillit's vectors have \(WordVectors.embedded.dims); retrain it with this version of tillit")
        }
        return model
    }
}
