import Foundation
import Testing
@testable import TillitKit

@Suite("Label model: learned from coded units, inspectable, and a document labelled from its passages")
struct LabelModelTests {
    /// A table with `k` and `t` weight on row 4 (instrument) and tillit, `words` words.
    func table(k: Double, t: Double, words: Int = 60) -> ScoreTable {
        var s = ScoreTable()
        s.kTotal = k; s.tTotal = t; s.kHits = k > 0 ? 2 : 0; s.tHits = t > 0 ? 2 : 0
        s.k[Dimension.instrument.rawValue] = k; s.t[Dimension.tillit.rawValue] = t
        s.kEntries = k > 0 ? 2 : 0; s.tEntries = t > 0 ? 2 : 0; s.words = words
        return s
    }

    /// 30 units of each label: K evidence for K, T for T, both for B, weak K for N.
    func trainingSet() -> ([ScoreTable], [Label]) {
        var tables: [ScoreTable] = [], labels: [Label] = []
        for i in 0..<30 {
            let x = Double(i % 5) * 0.3
            tables.append(table(k: 4 + x, t: 0)); labels.append(.K)
            tables.append(table(k: 0, t: 4 + x)); labels.append(.T)
            tables.append(table(k: 3 + x, t: 3 + x)); labels.append(.B)
            tables.append(table(k: 0.5, t: 0, words: 120)); labels.append(.N)
        }
        return (tables, labels)
    }

    @Test("a trained model labels new units by their evidence: strong K is K, strong T is T, both is B, a weak hit is N")
    func learnsFromEvidence() throws {
        let (tables, labels) = trainingSet()
        let m = try LabelModelTrainer.standard.train(tables, labels: labels)
        #expect(m.decide(table(k: 5, t: 0)).label == .K)
        #expect(m.decide(table(k: 0, t: 5)).label == .T)
        #expect(m.decide(table(k: 4, t: 4)).label == .B)
        #expect(m.decide(table(k: 0.5, t: 0, words: 120)).label == .N)
        let d = m.decide(table(k: 0, t: 5))
        #expect(abs(d.probabilities.reduce(0, +) - 1) < 1e-9)
        #expect(d.probability > 0.5)
        #expect(!d.reasons.isEmpty && d.reasons.count <= 3)
        #expect(d.reasons.allSatisfy { $0.effect > 0 })
    }

    @Test("word stems present in a unit move its label, and are named among the reasons")
    func wordStemsAreReasons() throws {
        var (tables, labels) = trainingSet()
        var stems = tables.map { _ in [String]() }
        // weak evidence with the stem "ansökni" is K in the coding; without it N
        for _ in 0..<20 { tables.append(table(k: 0.5, t: 0, words: 120)); labels.append(.K); stems.append(["ansökni"]) }
        let m = try LabelModelTrainer.standard.train(tables, stems: stems + [], labels: labels)
        #expect(m.vocabulary == ["ansökni"])
        let weak = table(k: 0.5, t: 0, words: 120)
        #expect(m.decide(weak).label == .N)
        let withStem = m.decide(weak, stems: [0])
        #expect(withStem.label == .K)
        #expect(withStem.reasons.contains { $0.feature == "word ansökni*" })
    }

    @Test("a model file round-trips: the parsed model decides exactly as the trained one")
    func modelRoundTrips() throws {
        let (tables, labels) = trainingSet()
        let m = try LabelModelTrainer.standard.train(tables, labels: labels, provenance: ["gold: test"])
        let back = try LabelModel.parse(m.serialized(), source: "m.tsv")
        for t in [table(k: 5, t: 0), table(k: 1, t: 3), table(k: 2, t: 2)] {
            let a = m.decide(t).probabilities, b = back.decide(t).probabilities
            for i in 0..<4 { #expect(abs(a[i] - b[i]) < 1e-3) }
        }
        #expect(back.provenance.contains("gold: test"))
        // the same file saved with Windows line ends reads the same
        let crlf = try LabelModel.parse(m.serialized().replacingOccurrences(of: "\n", with: "\r\n"), source: "m.tsv")
        #expect(crlf == back)
    }

    @Test("a model file missing a feature row is refused, naming the feature")
    func missingFeatureIsRefused() throws {
        let (tables, labels) = trainingSet()
        let text = try LabelModelTrainer.standard.train(tables, labels: labels).serialized()
        let cut = text.split(separator: "\n").filter { !$0.hasPrefix("K row 3\t") }.joined(separator: "\n")
        #expect(throws: TillitError.badData(path: "m.tsv", reason: "the model has no row for feature 'K row 3'; retrain it with this version of tillit")) {
            try LabelModel.parse(cut, source: "m.tsv")
        }
        #expect(throws: TillitError.self) { try LabelModel.parse("id\tlabel\ttext\n", source: "gold.tsv") }
    }

    @Test("training needs two labels among the units with evidence")
    func oneLabelIsRefused() {
        #expect(throws: TillitError.self) {
            try LabelModelTrainer.standard.train([table(k: 3, t: 0), table(k: 4, t: 0)], labels: [.K, .K])
        }
    }

    @Test("the embedded model is the file in Lexicons/ and labels the codebook's four examples")
    func embeddedModel() throws {
        let m = LabelModel.embedded
        #expect(Array(m.features.prefix(LabelFeatures.count)) == LabelFeatures.names)
        #expect(m.features.count == LabelFeatures.count + WordVectors.embedded.dims)
        #expect(!m.vocabulary.isEmpty)
        let a = Analyzer(options: ScoreOptions(unit: .document))
        #expect(try a.score(text: "Det avgörande för att lyckas är dock att man faktiskt vågar lämna över befogenheter och makt till personalen.").label == .T)
        #expect(try a.score(text: "Samtidigt med denna ambition ser vi fortsatt detaljstyrning och kontroll av medarbetare i organisationen. Lean-metoden för flöden just-in-time implementeras fortsatt. Användningen av minutschema fortsätter likaså.").label == .K)
    }

    @Test("a document's label is the commonest label among its governance passages; N passages do not dilute it")
    func documentFromPassages() {
        var c = PassageCounts()
        for _ in 0..<6 { c.add(.noEvidence) }
        #expect(c.decision.label == .N)
        let t = LabelDecision(label: .T, probabilities: [0.1, 0.7, 0.1, 0.1], reasons: [])
        let k = LabelDecision(label: .K, probabilities: [0.7, 0.1, 0.1, 0.1], reasons: [])
        c.add(t); c.add(t); c.add(k)
        #expect(c.decision.label == .T)
        #expect(abs(c.decision.probability - 2.0 / 3.0) < 1e-12)
        #expect(c.share(.N) == 6.0 / 9.0)
    }

    @Test("a tie between K and T passages is B, not T")
    func tieIsB() {
        var c = PassageCounts()
        let t = LabelDecision(label: .T, probabilities: [0.1, 0.7, 0.1, 0.1], reasons: [])
        let k = LabelDecision(label: .K, probabilities: [0.7, 0.1, 0.1, 0.1], reasons: [])
        c.add(t); c.add(k)
        #expect(c.decision.label == .B)
        var d = PassageCounts(); d.add(k)
        var e = PassageCounts(); e.add(t)
        d.merge(e)
        #expect(d.decision.label == .B)
    }

    @Test("a document of one passage carries that passage's decision, probabilities and reasons")
    func singlePassageDocument() {
        var c = PassageCounts()
        let d = LabelDecision(label: .K, probabilities: [0.6, 0.2, 0.1, 0.1], reasons: [.init(feature: "K", value: 1, effect: 0.5)])
        c.add(d)
        #expect(c.decision == d)
    }

    @Test("a long motion for trust with procedural paragraphs is T, not B")
    func longTrustMotionIsT() throws {
        let trust = "Vi vill att styrningen av verksamheten utgår från tillit till medarbetarna och deras professionella omdöme. Medarbetarna ska få större handlingsutrymme och mandat att fatta egna beslut nära brukarna."
        let procedure = "Ärendet behandlades av kommunstyrelsen den 3 maj. Beslutet justerades och anslogs på kommunens anslagstavla."
        let text = [trust, procedure, trust, procedure, trust].joined(separator: "\n\n")
        let d = try Analyzer(options: ScoreOptions(unit: .document)).score(text: text)
        #expect(d.label == .T)
        #expect(d.passages[.N] == 2)
    }
}

@Suite("Validation: grouped cross-validation and macro-F1 over the labels present")
struct CrossValidationTests {
    @Test("folds never split a source group, and hold about equal numbers of passages")
    func foldsKeepGroups() {
        var ps: [Validation.Passage] = []
        for g in 0..<23 { for i in 0..<(1 + g % 4) { ps.append(.init(id: "\(g)-\(i)", label: .N, text: "x", group: "site\(g)")) } }
        for seed: UInt64 in [0, 7] {
            let f = Validation.folds(ps, k: 5, seed: seed)
            var foldOfGroup: [String: Int] = [:]
            for (p, k) in zip(ps, f) {
                if let seen = foldOfGroup[p.group] { #expect(seen == k) } else { foldOfGroup[p.group] = k }
            }
            let sizes = (0..<5).map { k in f.filter { $0 == k }.count }
            #expect(sizes.max()! - sizes.min()! <= 4)
            #expect(Set(f) == Set(0..<5))
        }
    }

    @Test("macro-F1 averages over the labels in the gold: a gold without B is not pulled down by B's 0")
    func macroOverPresentLabels() {
        let v = Validation(pairs: [("1", .K, .K), ("2", .T, .T), ("3", .N, .N), ("4", .N, .T)])
        #expect(v.goldLabels == [.K, .T, .N])
        let t = 2.0 * 0.5 * 1.0 / 1.5   // T: precision 1/2, recall 1
        let n = 2.0 * 1.0 * 0.5 / 1.5   // N: precision 1, recall 1/2
        #expect(abs(v.macroF1 - (1 + t + n) / 3) < 1e-12)
        #expect(abs(v.macroF1AllLabels - (1 + t + n) / 4) < 1e-12)
    }

    /// Twelve source groups of one clear K, one clear T and one N passage each.
    static let threeKinds: [Validation.Passage] = {
        var ps: [Validation.Passage] = []
        let k = "Detaljstyrning, kontroll och fler nyckeltal styr verksamheten uppifrån."
        let t = "Tillit till medarbetarna och större handlingsutrymme för professionen i verksamheten."
        let n = "Protokollet justerades och mötet avslutades."
        for g in 0..<12 {
            ps.append(.init(id: "k\(g)", label: .K, text: k, group: "g\(g)"))
            ps.append(.init(id: "t\(g)", label: .T, text: t, group: "g\(g)"))
            ps.append(.init(id: "n\(g)", label: .N, text: n, group: "g\(g)"))
        }
        return ps
    }()

    @Test("cross-validation labels every passage with a model that never saw its group")
    func crossValidationRuns() throws {
        let ps = Self.threeKinds
        let scored = Validation.score(ps, analyzer: Analyzer(options: ScoreOptions(unit: .document, repair: .off)))
        let (v, decisions) = try Validation.crossValidate(scored, k: 4, trainer: LabelModelTrainer.standard)
        #expect(decisions.count == ps.count)
        #expect(v.macroF1 == 1)
        #expect(throws: TillitError.self) { try Validation.crossValidate(scored, k: 40, trainer: .standard) }
    }

    @Test("a training share keeps about that share of the source groups, the same ones in every fold, nested as the share grows")
    func trainingShareDrawsNestedGroups() {
        let groups = (0..<2000).map { "web:site\($0).se" }
        let quarter = Set(groups.filter { Validation.inTrainingShare($0, share: 0.25, seed: 3) })
        let half = Set(groups.filter { Validation.inTrainingShare($0, share: 0.5, seed: 3) })
        #expect(abs(Double(quarter.count) / 2000 - 0.25) < 0.04)
        #expect(abs(Double(half.count) / 2000 - 0.5) < 0.04)
        #expect(quarter.isSubset(of: half))
        #expect(groups.allSatisfy { Validation.inTrainingShare($0, share: 1, seed: 3) })
        // another seed draws other groups
        #expect(Set(groups.filter { Validation.inTrainingShare($0, share: 0.5, seed: 4) }) != half)
    }

    @Test("cross-validation on a share of the groups still labels every passage, and learns less from less")
    func crossValidationOnATrainingShare() throws {
        let ps = Self.threeKinds
        let scored = Validation.score(ps, analyzer: Analyzer(options: ScoreOptions(unit: .document, repair: .off)))
        let (v, decisions) = try Validation.crossValidate(scored, k: 4, trainer: .standard, trainingShare: 0.5)
        #expect(decisions.count == ps.count)
        #expect(v.pairs.map(\.id) == ps.map(\.id))
        #expect(v.macroF1 == 1)   // the three kinds are easy even from half the groups
    }

    @Test("the feature table has one row per passage with its gold label, every model feature and its evidence")
    func featureTableRows() {
        let ps: [Validation.Passage] = [
            .init(id: "a", label: .K, text: "Detaljstyrning och kontroll av medarbetarna.", group: "g1"),
            .init(id: "b", label: .N, text: "Protokollet justerades.", group: "g2"),
        ]
        let scored = Validation.score(ps, analyzer: Analyzer(options: ScoreOptions(unit: .document, repair: .off)))
        let lines = FeatureTable.render(scored).split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        #expect(lines.count == 3)
        let header = lines[0].map(String.init)
        #expect(header.prefix(3) == ["id", "source", "gold"])
        #expect(header.contains("K framed") && header.contains("vector 64") && header.last == "evidence")
        #expect(lines.allSatisfy { $0.count == header.count })
        let a = lines[1].map(String.init)
        #expect(a[0] == "a" && a[1] == "g1" && a[2] == "K")
        #expect(Double(a[header.firstIndex(of: "K")!])! > 0)
        #expect(a.last!.contains("|K|K|"))   // an evidence item: pattern|entry pole|counted pole|…
        #expect(lines[2][header.firstIndex(of: "hits")!] == "0")
    }

    @Test("training-only passages join every fold's training, are never labelled, and may not share a source with the gold")
    func trainingOnlyPassages() throws {
        let k = "Detaljstyrning, kontroll och fler nyckeltal styr verksamheten uppifrån."
        let t = "Tillit till medarbetarna och större handlingsutrymme för professionen i verksamheten."
        let n = "Protokollet justerades och mötet avslutades."
        var gold: [Validation.Passage] = [], extra: [Validation.Passage] = []
        for g in 0..<4 {
            gold.append(.init(id: "k\(g)", label: .K, text: k, group: "g\(g)"))
            gold.append(.init(id: "t\(g)", label: .T, text: t, group: "g\(g)"))
        }
        // without the extra passages no fold has seen N; with them the model learns it
        for g in 0..<6 { extra.append(.init(id: "x\(g)", label: .N, text: n + " Kontroll av biljetter.", group: "x\(g)")) }
        gold.append(.init(id: "n0", label: .N, text: n + " Kontroll av biljetter.", group: "g9"))
        let analyzer = Analyzer(options: ScoreOptions(unit: .document, repair: .off))
        let scored = Validation.score(gold, analyzer: analyzer), also = Validation.score(extra, analyzer: analyzer)
        let (v, _) = try Validation.crossValidate(scored, k: 4, trainer: .standard, alsoTrain: also)
        #expect(v.pairs.map(\.id) == gold.map(\.id))
        #expect(v.pairs.last?.predicted == .N)
        let clash = Validation.score([.init(id: "y", label: .N, text: n, group: "g1")], analyzer: analyzer)
        #expect(throws: TillitError.self) { try Validation.crossValidate(scored, k: 4, trainer: .standard, alsoTrain: clash) }
    }
}
