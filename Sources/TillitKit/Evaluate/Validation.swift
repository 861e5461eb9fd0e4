/// Agreement of tillit's labels with human codes: per-class precision, recall and F1,
/// macro-F1 (as `shared/tools/f1.py` computes it), the confusion matrix and Cohen's κ.
public struct Validation: Sendable {
    /// One coded passage.
    public struct Passage: Sendable {
        public var id: String
        public var label: Label
        public var text: String
        public init(id: String, label: Label, text: String) { self.id = id; self.label = label; self.text = text }
    }

    /// Gold and predicted label per passage id, in file order.
    public var pairs: [(id: String, gold: Label, predicted: Label)]

    /// Reads a TSV with a header naming at least `id`, `label` and `text`.
    /// - Throws: `.badData` for a missing column or an unknown label (with its line).
    public static func readGold(path: String) throws(TillitError) -> [Passage] {
        let bytes = try FileInput.readAll(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .badData(path: path, reason: "not valid UTF-8") }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { $0.hasSuffix("\r") ? $0.dropLast() : $0 }
        while lines.last?.isEmpty == true { lines.removeLast() }
        guard let header = lines.first else { throw .badData(path: path, reason: "empty gold file") }
        let cols = header.split(separator: "\t", omittingEmptySubsequences: false).map { $0.lowercased() }
        guard let ci = cols.firstIndex(of: "id"), let cl = cols.firstIndex(of: "label"), let ct = cols.firstIndex(of: "text") else {
            throw .badData(path: path, reason: "header must name the columns id, label and text (tab-separated)")
        }
        var out: [Passage] = []
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count > max(ci, cl, ct) else { throw .badData(path: path, reason: "line \(n + 1): expected \(cols.count) tab-separated columns") }
            guard let lab = Label(rawValue: String(f[cl]).trimmed().uppercased()) else {
                throw .badData(path: path, reason: "line \(n + 1): label '\(f[cl])' is not K, T, B or N")
            }
            out.append(Passage(id: String(f[ci]), label: lab, text: String(f[ct])))
        }
        guard !out.isEmpty else { throw .badData(path: path, reason: "no passages") }
        return out
    }

    /// Scores every passage as one document with `analyzer` and pairs the labels.
    public static func run(_ passages: [Passage], analyzer: Analyzer) -> Validation {
        var scratch = Analyzer.Scratch()
        var pairs: [(String, Label, Label)] = []
        for p in passages {
            let predicted = (try? analyzer.score(DocumentPart(id: p.id, bytes: Array(p.text.utf8)), scratch: &scratch))?.label ?? .N
            pairs.append((p.id, p.label, predicted))
        }
        return Validation(pairs: pairs)
    }

    public init(pairs: [(id: String, gold: Label, predicted: Label)]) { self.pairs = pairs }

    /// Precision, recall, F1 and support of one class (0 where undefined, as f1.py).
    public func classScores(_ c: Label) -> (precision: Double, recall: Double, f1: Double, support: Int) {
        let tp = pairs.filter { $0.gold == c && $0.predicted == c }.count
        let fp = pairs.filter { $0.gold != c && $0.predicted == c }.count
        let fn = pairs.filter { $0.gold == c && $0.predicted != c }.count
        let s = Validation.scores(tp: tp, fp: fp, fn: fn)
        return (s.precision, s.recall, s.f1, tp + fn)
    }

    /// Precision, recall and F1 from counts, 0 where undefined (as f1.py).
    static func scores(tp: Int, fp: Int, fn: Int) -> (precision: Double, recall: Double, f1: Double) {
        let p = tp + fp > 0 ? Double(tp) / Double(tp + fp) : 0
        let r = tp + fn > 0 ? Double(tp) / Double(tp + fn) : 0
        return (p, r, p + r > 0 ? 2 * p * r / (p + r) : 0)
    }

    /// Index of each label in `Label.allCases`.
    static let labelIndex = Dictionary(uniqueKeysWithValues: Label.allCases.enumerated().map { ($1, $0) })

    /// Mean F1 over K, T, B, N.
    public var macroF1: Double { Label.allCases.map { classScores($0).f1 }.reduce(0, +) / Double(Label.allCases.count) }

    /// Share of passages with the gold label.
    public var accuracy: Double { pairs.isEmpty ? 0 : Double(pairs.filter { $0.gold == $0.predicted }.count) / Double(pairs.count) }

    /// counts[gold][predicted] in `Label.allCases` order.
    public var confusion: [[Int]] {
        var m = Array(repeating: Array(repeating: 0, count: 4), count: 4)
        let idx = Validation.labelIndex
        for p in pairs { m[idx[p.gold]!][idx[p.predicted]!] += 1 }
        return m
    }

    /// Cohen's κ between gold and predicted labels.
    public var kappa: Double {
        let n = Double(pairs.count)
        guard n > 0 else { return 0 }
        let m = confusion
        let po = Double((0..<4).map { m[$0][$0] }.reduce(0, +)) / n
        var pe = 0.0
        for i in 0..<4 { pe += Double(m[i].reduce(0, +)) * Double((0..<4).map { m[$0][i] }.reduce(0, +)) / (n * n) }
        return pe < 1 ? (po - pe) / (1 - pe) : 1
    }

    /// A 95% percentile bootstrap interval for macro-F1: the passages are drawn with
    /// replacement `resamples` times (a fixed-seed generator, so the interval is the same on
    /// every run) and macro-F1 is computed on each draw as `macroF1` does, so a draw without
    /// any passage of a class scores 0 for it, as f1.py would. It shows how far a figure from a
    /// few dozen passages can move on another sample coded the same way. Cost: O(resamples ×
    /// passages); 2,000 resamples of 71 passages take a few milliseconds.
    public func macroF1Interval(resamples: Int = 2000, seed: UInt64 = 20181) -> (low: Double, high: Double) {
        let n = pairs.count
        guard n > 0, resamples > 0 else { return (0, 0) }
        let idx = Validation.labelIndex
        let gold = pairs.map { idx[$0.gold]! }, pred = pairs.map { idx[$0.predicted]! }
        var state = seed
        func next() -> UInt64 {   // SplitMix64
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        var scores: [Double] = []
        scores.reserveCapacity(resamples)
        for _ in 0..<resamples {
            var tp = [0, 0, 0, 0], fp = [0, 0, 0, 0], fn = [0, 0, 0, 0]
            for _ in 0..<n {
                let k = Int(next() % UInt64(n))
                if gold[k] == pred[k] { tp[gold[k]] += 1 } else { fp[pred[k]] += 1; fn[gold[k]] += 1 }
            }
            scores.append((0..<4).map { Validation.scores(tp: tp[$0], fp: fp[$0], fn: fn[$0]).f1 }.reduce(0, +) / 4)
        }
        scores.sort()
        let lo = scores[Int((Double(resamples - 1) * 0.025).rounded())], hi = scores[Int((Double(resamples - 1) * 0.975).rounded())]
        return (lo, hi)
    }

    /// The report printed by `tillit validate`.
    public func render() -> String {
        var out = "passages \(pairs.count)\n\nclass  support  precision  recall     F1\n"
        for c in Label.allCases {
            let s = classScores(c)
            out += "\(c.rawValue)      " + String(s.support).leftPad(7) + "  " + JSON.format4(s.precision).leftPad(9) + "  " + JSON.format4(s.recall).leftPad(6) + "  " + JSON.format4(s.f1) + "\n"
        }
        let ci = macroF1Interval()
        out += "\nmacro-F1 \(JSON.format4(macroF1))   accuracy \(JSON.format4(accuracy))   Cohen's kappa \(JSON.format4(kappa))\n"
        out += "macro-F1 95% bootstrap interval \(JSON.format4(ci.low))–\(JSON.format4(ci.high)) (2000 resamples of the \(pairs.count) passages)\n\nconfusion (rows gold, columns predicted)\n       K    T    B    N\n"
        for (i, c) in Label.allCases.enumerated() { out += "  \(c.rawValue) " + confusion[i].map { String($0).leftPad(4) }.joined(separator: " ") + "\n" }
        return out
    }

}

