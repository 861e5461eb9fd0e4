import Foundation
import Testing
@testable import TillitKit

@Suite("Scorer: codebook examples and modifiers")
struct ScoreTests {
    let analyzer = Analyzer(options: ScoreOptions(unit: .document, repair: .auto, evidence: true))

    func score(_ s: String) throws -> DocumentScore { try analyzer.score(text: s) }

    @Test("the codebook's K example is K")
    func kExample() throws {
        let d = try score("Samtidigt med denna ambition ser vi fortsatt detaljstyrning och kontroll av medarbetare i organisationen. Lean-metoden för flöden just-in-time implementeras fortsatt. Användningen av minutschema fortsätter likaså.")
        #expect(d.label == .K)
        #expect(d.table.tTotal == 0)
        #expect(d.table.k[Dimension.instrument.rawValue] > 0)
        let patterns = Set(d.units[0].hits.map(\.pattern))
        #expect(patterns.isSuperset(of: ["*detaljstyrning~", "just in time", "minutschema~", "lean"]))
    }

    @Test("the codebook's T example is T, through handlingsutrymme")
    func tExample() throws {
        let d = try score("Det avgörande för att lyckas är dock att man faktiskt vågar lämna över befogenheter och makt till personalen.")
        #expect(d.label == .T)
        #expect(d.table.t[Dimension.handlingsutrymme.rawValue] >= 1.5)
    }

    @Test("the codebook's B example has substantial language of both columns")
    func bExample() throws {
        let d = try score("Inom New Public Management ersätts detta istället av fler chefsled, kontrollsystem och detaljstyrning. Medan New Public Management ligger tyngdpunkten vid en lojalitet med överordnade riktar sig tillitsdiskussionen istället mot mötet och hänsyn till medborgarna.")
        #expect(d.table.kTotal >= 3 && d.table.tTotal >= 3)
        #expect(d.table.t[Dimension.medborgarfokus.rawValue] > 0)
    }

    @Test("negated and reduced control counts for T (codebook rule 2)")
    func negatedControl() throws {
        let a = try score("Medarbetarna ska kunna arbeta utan nära styrning och kontroll.")
        #expect(a.units[0].hits.contains { $0.pattern == "kontroll*" && $0.modifier == .negated && $0.pole == .T })
        let b = try score("Vi vill minska detaljstyrningen i förvaltningarna.")
        #expect(b.units[0].hits.allSatisfy { $0.modifier == .reduced && $0.pole == .T })
        #expect(b.label == .T)
        let c = try score("Handläggares beslut ska inte överprövas.")
        #expect(c.units[0].hits.first?.pole == .T)
        let d = try score("Att man går från att se medarbetare som underordnade till att se dem som jämlika kollegor.")
        #expect(d.units[0].hits.first { $0.pattern == "underordnad~" }?.modifier == .fromTo)
        #expect(d.table.kTotal == 0)
    }

    @Test("a modifier's scope ends at a hit of the other pole: minska detaljstyrningen och ge handlingsutrymme")
    func scopeEndsAtOtherPole() throws {
        let d = try score("Vi vill minska detaljstyrningen och ge medarbetarna handlingsutrymme.")
        let hits = d.units[0].hits
        #expect(hits.first { $0.pattern == "*detaljstyrning~" }?.modifier == .reduced)
        #expect(hits.first { $0.pattern == "handlingsutrymme~" }?.modifier == Modifier.none)
        #expect(d.table.kTotal == 0 && d.label == .T)
    }

    @Test("increasing or introducing ends a reduction: minska detaljstyrningen och införa fler inspektioner; mindre byråkrati och mer kontroll")
    func increaseEndsReduction() throws {
        let d = try score("Vi vill minska detaljstyrningen och införa fler inspektioner.")
        #expect(d.units[0].hits.map(\.modifier) == [.reduced, Modifier.none])
        #expect(d.units[0].hits.map(\.pole) == [.T, .K])
        let m = try score("Mindre byråkrati och mer kontroll behövs.")
        #expect(m.units[0].hits.map(\.pole) == [.T, .K])
        // negation keeps its scope: not increasing control speaks for T
        #expect(try score("Vi vill inte öka kontrollen.").units[0].hits.map(\.pole) == [.T])
    }

    @Test("negations that do not reject: inte bara X utan även Y, inte tillräcklig kontroll, inte minska kontrollen, inte detsamma som")
    func negationsThatDoNotReject() throws {
        func poles(_ s: String) throws -> [Pole] { try score(s).units[0].hits.map(\.pole) }
        // not only control but also trust: both stand
        #expect(try poles("Det är inte bara kontroll som behövs utan även tillit.") == [.K, .T])
        // too little control is a call for more
        #expect(try poles("Vi har inte tillräcklig kontroll över kostnaderna.") == [.K])
        // a negated reduction keeps control as it is
        #expect(try poles("Vi vill inte minska kontrollen.") == [.K])
        #expect(try poles("Kontrollen ska inte minska.") == [.K])
        #expect(try poles("Det behövs inte mindre kontroll.") == [.K])
        // denying an identity rejects neither side (seed 004): kompetens stays T
        #expect(try poles("Systematiska analyser och kvalitetsarbete enligt lagkrav är inte detsamma som att använda medarbetarnas kompetens i ett ständigt förbättringsarbete.")
                == [.K, .K, .K, .T])
        // a negated statement of fact laments an absence: it demands the thing (settled conventions)
        #expect(try poles("Målen är så vaga att de inte kan följas upp.") == [.K])
        #expect(try poles("Cheferna litar inte på medarbetarnas kompetens.").allSatisfy { $0 == .T })
        // beside a normative modal, or in a contrast, a negation rejects
        #expect(try poles("Nämnden ska inte följa upp varje detalj.") == [.T])
        #expect(try poles("Uppföljningen ska ske i nära dialog och inte genom detaljstyrning.").last == .T)
        // while a plain negation still rejects (rule 2)
        #expect(try poles("Vi vill inte ha detaljstyrning.") == [.T])
        #expect(try poles("Vi vill inte ha samma detaljstyrning som tidigare.") == [.T])
    }

    @Test("tillit till (trust in) is not the till of från X till Y")
    func trustInIsNotFromTo() throws {
        #expect(try score("Styrningen ska utgå från tillit till medarbetarnas kompetens och omdöme.").units[0].hits.map(\.pole) == [.T, .T, .T])
        let d = try score("Vi går från detaljstyrning till tillit till medarbetarna.")
        #expect(d.units[0].hits.map(\.modifier) == [.fromTo, Modifier.none])
        #expect(d.units[0].hits.map(\.pole) == [.T, .T])
    }

    @Test("förtroendevalda (elected officials) is not trust, förtroende is")
    func fortroendevalda() throws {
        #expect(try score("De förtroendevalda i kommunfullmäktige beslutade i frågan.").units[0].hits.isEmpty)
        #expect(try score("Det krävs förtroende för medarbetarnas kunskap.").units[0].hits.contains { $0.pattern.hasPrefix("förtroende") })
    }

    @Test("compound heads and modifiers match: regelstyrningen, kontrollsystemen, tillitsbaserade; kontrollstation does not")
    func compounds() throws {
        let d = try score("Regelstyrningen och kontrollsystemen byggs ut medan tillitsbaserade arbetssätt väntar till nästa kontrollstation.")
        let surfaces = d.units[0].hits.map(\.surface)
        #expect(surfaces == ["Regelstyrningen", "kontrollsystemen", "tillitsbaserade"])
    }

    @Test("multi-word expressions fire and consume their words: nära dialog, på distans")
    func multiWord() throws {
        let d = try score("Uppföljningen sker i nära dialog med verksamheten och inte på distans.")
        let hits = d.units[0].hits
        #expect(hits.contains { $0.pattern == "nära dialog~" && $0.surface == "nära dialog" })
        #expect(!hits.contains { $0.pattern == "dialog~" })
        #expect(hits.contains { $0.pattern == "på distans" && $0.modifier == .negated && $0.pole == .T })
    }

    @Test("OCR-damaged text scores like clean text after repair (seed 003 vs 001 paragraph)")
    func repairFeedsScoring() throws {
        let clean = try score("Tillit är vägen fram. Samtidigt som få ledare i offentlig sektor uttalar sig emot tillitsbaserade verksamheter så har vardagen för välfärdens medarbetare präglats av detaljstyrning snarare än tillit till professionen.")
        let damaged = try score("Tillit ar vagen fram. Samtidigt som fa ledare i offentlig sektor uttalar sig emot tillitsbaserade verksamheter sa har vardagen for valfardens medarbetare praglats av detaljstyrning snarare an tillit till professionen.")
        #expect(clean.table == damaged.table)
        #expect(damaged.units[0].hits.contains { $0.repaired == "än" } == false)  // "an" is a cue, not a hit
    }

    @Test("comparing the two modes in the abstract only names them (seed 002, OCR-damaged): N, with topic hits")
    func abstractComparisonNamesTopics() throws {
        let doc = try score("Nigra av de utmirkande egenskaperna som skiljer kontrollbaserad styrning fran en tillitsbaserad styrning ar:")
        #expect(doc.label == .N)
        #expect(doc.units[0].hits.count == 2)
        #expect(doc.units[0].hits.allSatisfy { $0.modifier == .topic })
    }

    @Test("the name of Malmö's tillitsberedning counts only weakly (seed 004, rule 5)")
    func committeeNameIsWeak() throws {
        let doc = try score("Under ärende 25 \"Tillitberedningen\" anges att en av tillitberedningens arbetsuppgifterna är att utveckla metodstöd.")
        let hits = doc.units[0].hits.filter { $0.surface.lowercased().hasPrefix("tillitberedning") }
        #expect(hits.count == 2)
        #expect(hits.allSatisfy { $0.pattern == "tillitberedning~" })
        #expect(doc.table.tTotal < 1)
    }

    @Test("a procedural line is N")
    func neutral() throws {
        #expect(try score("Kommunstyrelsens arbetsutskott 2021-03-15").label == .N)
    }

    @Test("a unit without any hit is N with certainty, whatever the model")
    func noEvidenceIsN() throws {
        let d = try score("Protokollet justerades klockan nio och lades till handlingarna.")
        #expect(d.table.kHits + d.table.tHits == 0)
        #expect(d.units[0].decision == .noEvidence)
        #expect(d.units[0].decision.probability == 1)
    }

    @Test("net is shrunk toward 0 by one unit of weight: a single core hit reads 0.67, not 1")
    func netIsShrunk() {
        var t = ScoreTable()
        #expect(t.net == 0)
        t.tTotal = 2
        #expect(abs(t.net - 2.0 / 3.0) < 1e-12)
        t.kTotal = 2
        #expect(t.net == 0)
    }

    @Test("cost is linear: a 20,000-token document has 200× the hits of its 100-token passage")
    func linearCounts() throws {
        let passage = "Samtidigt med denna ambition ser vi fortsatt detaljstyrning och kontroll av medarbetare i organisationen. Tillit till professionen och nära dialog med brukarna behövs. "
        let one = try score(passage)
        let many = try score(String(repeating: passage, count: 200))
        #expect(many.tokens == one.tokens * 200)
        #expect(many.hitCount == one.hitCount * 200)
        #expect(many.table.kHits == one.table.kHits * 200 && many.table.tHits == one.table.tHits * 200)
        // repeated hits of one entry count sublinearly: 200 × weight w sums to (1 + ln 200) × w
        #expect(abs(many.table.kTotal - one.table.kTotal * (1 + log(200.0))) < 1e-6)
    }

    @Test("a long document read in parts scores as if read whole: repeated hits are weighed over the whole document, with the same evidence")
    func partsScoreLikeTheWhole() throws {
        // seed 002 eight times over (183 KB) as one document, streamed in parts of 8 KB on two threads
        let text = String(repeating: Fixtures.text("002_01034d870a99e8da.txt") + "\n\n", count: 8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-parts-\(UUID().uuidString).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let analyzer = Analyzer(options: ScoreOptions(unit: .document, repair: .off, evidence: true))
        let whole = try analyzer.score(text: text, id: path)
        var parts = 0
        var streamed: DocumentScore? = nil
        _ = BatchRunner(analyzer: analyzer, jobs: 2, batchBytes: 32 << 10).run(DocumentStream(paths: [path], partSize: 8 << 10),
            emit: { doc, final in if final { streamed = doc } }, failure: { Issue.record("\($0)") }, progress: { _, _ in parts += 1 })
        #expect(parts > 3)
        let s = try #require(streamed)
        #expect(s.hitCount == whole.hitCount && s.table.kHits == whole.table.kHits && s.table.tHits == whole.table.tHits)
        #expect(abs(s.table.kTotal - whole.table.kTotal) < 1e-9 && abs(s.table.tTotal - whole.table.tTotal) < 1e-9)
        #expect(s.label == whole.label)
        let a = s.units[0].hits, b = whole.units[0].hits
        #expect(a.count == b.count)
        #expect(zip(a, b).allSatisfy { $0.offset == $1.offset && $0.pattern == $1.pattern && abs($0.weight - $1.weight) < 1e-12 })
    }

    @Test("a match cache that fills up starts over between paragraphs and finds exactly the same hits")
    func fullMatchCacheKeepsHits() {
        let bytes = Fixtures.bytes("000_810f52e9195261e7.txt")
        let matcher = LexiconMatcher(.embedded)
        func hits(_ cache: inout MatchCache) -> [Hit] {
            bytes.withUnsafeBufferPointer { p in
                var out: [Hit] = []
                for seg in Segmenter.segments(p, range: 0..<p.count) {
                    var toks: [Token] = []
                    Tokenizer.tokenize(p, range: seg.range, into: &toks)
                    matcher.match(p, tokens: toks, range: 0..<toks.count, cache: &cache, into: &out)
                }
                return out
            }
        }
        var roomy = MatchCache()
        var tiny = MatchCache(limit: 5)
        let expected = hits(&roomy)
        #expect(expected.count > 20)
        #expect(hits(&tiny) == expected)
        #expect(tiny.count < roomy.count)
    }

    @Test("a score table holds one inline weight per dimension: six rows and seven principles")
    func inlineDimensionScores() {
        var t = ScoreTable()
        #expect(t.k.count == Dimension.allCases.count)
        for d in Dimension.allCases { t.t[d.rawValue] = Double(d.rawValue) + 0.5 }
        #expect(t.t.reduce(0, +) == Double((0..<13).reduce(0, +)) + 6.5)
        var u = ScoreTable()
        u.merge(t)
        #expect(u == t)
        u.k[Dimension.medel.rawValue] = 1
        #expect(u != t)
    }
}
