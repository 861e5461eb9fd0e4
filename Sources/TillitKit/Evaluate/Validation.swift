/// Agreement of tillit's labels with human codes: per-class precision, recall and F1,
/// macro-F1 over the labels present in the gold, the confusion matrix and Cohen's κ.
public struct Validation: Sendable {
    /// One coded passage.
    public struct Passage: Sendable {
        public var id: String
        public var label: Label
        public var text: String
        /// The passage's source page or document (the `source` column, else its id): folds of
        /// a cross-validation never split a group.
        public var group: String
        public init(id: String, label: Label, text: String, group: String? = nil) {
            self.id = id; self.label = label; self.text = text; self.group = group ?? id
        }
    }

    /// A passage as the pipeline saw it: the table of each of its units and its evidence.
    public struct Scored: Sendable {
        public var passage: Passage
        /// One table per unit (paragraph, heading) of the passage; usually one.
        public var units: [ScoreTable]
        /// The passage's hits.
        public var evidence: [Evidence]
        /// Per unit: the word stems in it (see `WordStem`).
        public var stems: [[String]] = []
        /// Per unit: its word ids in `WordVectors.embedded`.
        public var vectorIDs: [[Int32]] = []
        /// The word ids of all units (what training reads).
        public var allVectorIDs: [Int32] { Array(vectorIDs.joined()) }
        /// The units' tables summed (what training reads).
        public var table: ScoreTable { units.reduce(into: ScoreTable()) { $0.merge($1) } }
        /// The distinct stems of all units (what training reads).
        public var allStems: [String] { Array(Set(stems.joined())).sorted() }
        /// The label `model` gives the passage (drawn from its units as for a document).
        public func decision(_ model: LabelModel) -> LabelDecision {
            var c = PassageCounts()
            for (i, u) in units.enumerated() {
                let ids = i < stems.count ? stems[i].compactMap { model.stemIndex[$0] } : []
                c.add(model.decide(u, stems: ids, vectorIDs: i < vectorIDs.count && model.vectorDims > 0 ? vectorIDs[i] : []))
            }
            return c.decision
        }
    }

    /// Gold and predicted label per passage id, in file order.
    public var pairs: [(id: String, gold: Label, predicted: Label)]

    /// Reads a TSV with a header naming at least `id`, `label` and `text` (and optionally
    /// `source`, the grouping for cross-validation).
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
        let cs = cols.firstIndex(of: "source")
        var out: [Passage] = []
        for (n, line) in lines.enumerated().dropFirst() where !line.isEmpty {
            let f = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard f.count > max(ci, cl, ct) else { throw .badData(path: path, reason: "line \(n + 1): expected \(cols.count) tab-separated columns") }
            guard let lab = Label(rawValue: String(f[cl]).trimmed().uppercased()) else {
                throw .badData(path: path, reason: "line \(n + 1): label '\(f[cl])' is not K, T, B or N")
            }
            let group = cs.flatMap { $0 < f.count && !f[$0].isEmpty ? String(f[$0]) : nil }
            out.append(Passage(id: String(f[ci]), label: lab, text: String(f[ct]), group: group))
        }
        guard !out.isEmpty else { throw .badData(path: path, reason: "no passages") }
        return out
    }

    /// Runs every passage through `analyzer`'s pipeline (as a document of paragraphs, with
    /// evidence) once, so that models can be trained and applied without matching again.
    public static func score(_ passages: [Passage], analyzer: Analyzer) -> [Scored] {
        var options = analyzer.options
        options.unit = .paragraph
        options.evidence = true
        options.keepStems = true
        // every stem of the passages, so that models trained on any subset can be applied, and
        // the analyzer's model's own (stems a repair may bring), so its labels are those of `score`
        var all = Set<String>(analyzer.options.model.vocabulary)
        for p in passages {
            for w in p.text.split(whereSeparator: { !$0.isLetter }) { if let s = WordStem.of(String(w)) { all.insert(s) } }
        }
        let matcher = LexiconMatcher(analyzer.matcher.lexicon, vocabulary: all.sorted(), wordVectors: .embedded)
        let a = Analyzer(matcher: matcher, repairer: analyzer.repairer, options: options)
        var scratch = Analyzer.Scratch()
        return passages.map { p in
            guard let d = try? a.score(DocumentPart(id: p.id, bytes: Array(p.text.utf8)), scratch: &scratch) else {
                return Scored(passage: p, units: [], evidence: [])
            }
            return Scored(passage: p, units: d.units.map(\.table), evidence: d.units.flatMap(\.hits), stems: d.units.map(\.stems),
                          vectorIDs: d.units.map(\.vectorIDs))
        }
    }

    /// Scores every passage as one document with `analyzer` and pairs the labels.
    public static func run(_ passages: [Passage], analyzer: Analyzer) -> Validation {
        let scored = score(passages, analyzer: analyzer)
        return Validation(pairs: scored.map { ($0.passage.id, $0.passage.label, $0.decision(analyzer.options.model).label) })
    }

    /// The fold (0..<k) of each passage: whole groups are dealt, largest first, to the fold
    /// with the fewest passages so far (ties to the lower fold), so folds are about equal in
    /// size and no group is split. Deterministic.
    /// With a `seed` other than 0, groups of equal size are dealt in an order drawn from it,
    /// so repeated cross-validations with other seeds show how much the figure owes to one split.
    public static func folds(_ passages: [Passage], k: Int, seed: UInt64 = 0) -> [Int] {
        var sizes: [String: Int] = [:]
        for p in passages { sizes[p.group, default: 0] += 1 }
        let order = sizes.keys.sorted {
            if sizes[$0]! != sizes[$1]! { return sizes[$0]! > sizes[$1]! }
            if seed != 0 { let a = mix($0, seed), b = mix($1, seed); if a != b { return a < b } }
            return $0 < $1
        }
        var load = [Int](repeating: 0, count: max(k, 1))
        var foldOf: [String: Int] = [:]
        for g in order {
            let f = load.indices.min { load[$0] < load[$1] || (load[$0] == load[$1] && $0 < $1) }!
            foldOf[g] = f; load[f] += sizes[g]!
        }
        return passages.map { foldOf[$0.group]! }
    }

    /// A group name's hash (FNV-1a) mixed with a seed (SplitMix64's finaliser): a stable,
    /// well-spread number per group and seed.
    static func mix(_ g: String, _ seed: UInt64) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in g.utf8 { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        var z = h ^ (seed &* 0x9E37_79B9_7F4A_7C15)
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        return z ^ (z >> 31)
    }

    /// Whether `group` is among the `share` (0…1] of source groups drawn for training with
    /// `seed`: the same groups for every fold, and a larger share keeps every group a smaller
    /// one keeps (the draws are nested), so a learning curve compares like with like.
    public static func inTrainingShare(_ group: String, share: Double, seed: UInt64) -> Bool {
        share >= 1 || Double(mix(group, seed ^ 0x5EED_0F_5A4E) % 1_000_000) < share * 1_000_000
    }

    /// Grouped k-fold cross-validation: for each fold, a model is trained by `trainer` on the
    /// other folds and labels the fold's passages. Every passage is labelled by a model that
    /// never saw its group. Returns the pooled out-of-fold labels and, per passage, the
    /// decision. Cost: k trainings plus one pass of the pipeline.
    ///
    /// With `trainingShare` below 1, each fold trains only on that share of the other folds'
    /// source groups (`inTrainingShare`) while every passage is still labelled: the points of
    /// a learning curve, which show how much more coded text would help.
    ///
    /// `alsoTrain` passages (for example passages coded by another coder, or from sources of
    /// other kinds) join the training of every fold and are never labelled, so the figure
    /// stays one of `scored` alone. They must not share a source with `scored`.
    /// - Throws: `.badData` when a training fold holds too few labels, k < 2, or an `alsoTrain`
    ///   passage shares a source group with a passage labelled.
    public static func crossValidate(_ scored: [Scored], k: Int, trainer: LabelModelTrainer, seed: UInt64 = 0,
                                     trainingShare: Double = 1, alsoTrain: [Scored] = []) throws(TillitError) -> (validation: Validation, decisions: [LabelDecision]) {
        guard k >= 2 else { throw .usage("--cv: expected at least 2 folds, got \(k)") }
        let groups = Set(scored.map(\.passage.group)).count
        guard groups >= k else { throw .badData(path: "<gold>", reason: "\(k) folds need at least \(k) source groups; the gold has \(groups)") }
        let labelled = Set(scored.map(\.passage.group))
        if let shared = alsoTrain.first(where: { labelled.contains($0.passage.group) }) {
            throw .badData(path: "<gold>", reason: "training-only passage \(shared.passage.id) shares the source '\(shared.passage.group)' with a passage labelled; a source must be on one side only")
        }
        let fold = folds(scored.map(\.passage), k: k, seed: seed)
        var decisions = [LabelDecision](repeating: .noEvidence, count: scored.count)
        let excluded = trainer.l2Stems > 0 ? trainer.commonStems() : []
        for f in 0..<k {
            let train = scored.indices.filter { fold[$0] != f && inTrainingShare(scored[$0].passage.group, share: trainingShare, seed: seed) }
                .map { scored[$0] } + alsoTrain
            let model = try trainer.train(train.map(\.table), stems: train.map(\.allStems), vectorIDs: train.map(\.allVectorIDs),
                                          labels: train.map(\.passage.label), excludedStems: excluded)
            for i in scored.indices where fold[i] == f { decisions[i] = scored[i].decision(model) }
        }
        let v = Validation(pairs: zip(scored, decisions).map { ($0.passage.id, $0.passage.label, $1.label) })
        return (v, decisions)
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

    /// The labels that occur in the gold, in K, T, B, N order: macro-F1 averages over these.
    public var goldLabels: [Label] { Label.allCases.filter { c in pairs.contains { $0.gold == c } } }

    /// Mean F1 over the labels present in the gold (a label no passage has is left out, rather
    /// than counted as 0 or 1).
    public var macroF1: Double {
        let ls = goldLabels
        return ls.isEmpty ? 0 : ls.map { classScores($0).f1 }.reduce(0, +) / Double(ls.count)
    }

    /// Mean F1 over all four labels, as `shared/tools/f1.py` computes it (0 for a label absent
    /// from both gold and prediction).
    public var macroF1AllLabels: Double { Label.allCases.map { classScores($0).f1 }.reduce(0, +) / 4 }

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
    /// every run) and macro-F1 is computed on each draw as `macroF1` does, over the labels the
    /// draw's gold holds. It shows how far a figure from a
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
            let present = (0..<4).filter { tp[$0] + fn[$0] > 0 }
            scores.append(present.map { Validation.scores(tp: tp[$0], fp: fp[$0], fn: fn[$0]).f1 }.reduce(0, +) / Double(max(present.count, 1)))
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
        let ls = goldLabels.map(\.rawValue).joined(separator: ", ")
        out += "\nmacro-F1 \(JSON.format4(macroF1)) (mean F1 over the labels in the gold: \(ls))   accuracy \(JSON.format4(accuracy))   Cohen's kappa \(JSON.format4(kappa))\n"
        if goldLabels.count < 4 { out += "macro-F1 over all four labels, as shared/tools/f1.py counts it: \(JSON.format4(macroF1AllLabels))\n" }
        out += "macro-F1 95% bootstrap interval \(JSON.format4(ci.low))–\(JSON.format4(ci.high)) (2000 resamples of the \(pairs.count) passages)\n\nconfusion (rows gold, columns predicted)\n       K    T    B    N\n"
        for (i, c) in Label.allCases.enumerated() { out += "  \(c.rawValue) " + confusion[i].map { String($0).leftPad(4) }.joined(separator: " ") + "\n" }
        return out
    }

}

