import Testing
@testable import TillitKit

@Suite("Sense conditions and frame words: a hit counts only where the passage speaks of steering")
struct SenseConditionTests {
    func hits(_ lexicon: String, _ text: String) throws -> [Evidence] {
        let lex = try GovernanceLexicon.parse(lexicon, source: "test")
        let d = try Analyzer(lexicon: lex, options: ScoreOptions(unit: .document, repair: .off, evidence: true)).score(text: text)
        return d.units.flatMap(\.hits)
    }

    @Test("!near N forbids context within N words either side")
    func forbidNear() throws {
        let lex = "kontroll~ | 4 | K | 1 | !near 3: pass~ gräns* |"
        #expect(try hits(lex, "Polisen gjorde en kontroll av pass vid färjan.").isEmpty)
        #expect(try hits(lex, "Vid gränsen gjordes en kontroll.").isEmpty)
        #expect(try hits(lex, "Chefen ökade sin kontroll av medarbetarna.").count == 1)
        // beyond the window the context does not count
        #expect(try hits(lex, "Passet visades. Sedan kom en lång rad av ord innan kontroll nämns.").count == 1)
    }

    @Test("+clause requires context in the clause: up to . ; : ! ? ( )")
    func requireClause() throws {
        let lex = "medborgar* | medborgarfokus | T | 1 | +clause: behov~ |"
        #expect(try hits(lex, "Verksamheten utgår från medborgarnas behov.").count == 1)
        #expect(try hits(lex, "Medborgarna röstade i valet. Deras behov är stora.").isEmpty)
    }

    @Test("!next and !prev look at the neighbouring words only")
    func neighbours() throws {
        let lex = "stöd~ | stöd | T | 1 | !prev: ekonomiskt; !next: till |"
        #expect(try hits(lex, "Företagen fick ekonomiskt stöd.").isEmpty)
        #expect(try hits(lex, "Kommunen gav stöd till företagen.").isEmpty)
        #expect(try hits(lex, "Cheferna ger medarbetarna stöd i vardagen.").count == 1)
    }

    @Test("plain words in the field stay exclusions of the entry's own word")
    func exclusionsStay() throws {
        let lex = "förtroende~ | tillit | T | 1 | förtroendevald* |"
        #expect(try hits(lex, "De förtroendevalda beslutade.").isEmpty)
        #expect(try hits(lex, "Förtroende för personalen.").count == 1)
    }

    @Test("malformed conditions are refused with a reason and the line")
    func badSyntax() {
        #expect(throws: TillitError.badLexicon(path: "t", line: 1, reason: "'near' takes a window of 1…30 words, as in '!near 4: biljett*'")) {
            try GovernanceLexicon.parse("kontroll~ | 4 | K | 1 | !near 99: pass~ |", source: "t")
        }
        #expect(throws: TillitError.self) { try GovernanceLexicon.parse("kontroll~ | 4 | K | 1 | !around 3: pass~ |", source: "t") }
        #expect(throws: TillitError.self) { try GovernanceLexicon.parse("kontroll~ | 4 | K | 1 | +clause pass~ |", source: "t") }
        #expect(throws: TillitError.self) { try GovernanceLexicon.parse("kontroll~ | 4 | K | 1 | !next: |", source: "t") }
    }

    @Test("a hit with a frame word (pole F) nearby is framed; frame words are counted and are no evidence")
    func frameWords() throws {
        let lex = "tillit~ | tillit | T | 1 | |\nmedarbetar* | | F | | |"
        let framed = try Analyzer(lexicon: try GovernanceLexicon.parse(lex, source: "t"), options: ScoreOptions(unit: .document, repair: .off)).score(text: "Vi visar tillit till medarbetarna.")
        #expect(framed.table.frames == 1)
        #expect(framed.table.tHits == 1 && framed.table.tFramed == 1)
        let unframed = try Analyzer(lexicon: try GovernanceLexicon.parse(lex, source: "t"), options: ScoreOptions(unit: .document, repair: .off)).score(text: "Tilliten mellan grannar är stor.")
        #expect(unframed.table.frames == 0 && unframed.table.tFramed == 0 && unframed.table.tHits == 1)
        #expect(throws: TillitError.self) { try GovernanceLexicon.parse("följa upp | | F | | |", source: "t") }
    }

    @Test("the default lexicon follows the settled conventions: control of the outside world, subsidies, dialogue with the public and trust in institutions are no evidence")
    func defaultConventions() throws {
        let a = Analyzer(options: ScoreOptions(unit: .document, repair: .off, evidence: true))
        func patterns(_ s: String) throws -> [String] { try a.score(text: s).units.flatMap(\.hits).map(\.pattern) }
        #expect(try patterns("Tullen skärpte kontrollen av pass och identitetshandlingar vid gränsen.").isEmpty)
        #expect(try patterns("Gränskontrollerna vid färjeläget förstärktes i somras.").isEmpty)
        #expect(try patterns("Företagen får ekonomiskt stöd på flera miljoner kronor.").isEmpty)
        #expect(try patterns("Kommunen för en dialog med medborgarna om den nya parken.").isEmpty)
        #expect(try patterns("Väljarnas förtroende för regeringen har sjunkit.").isEmpty)
        #expect(try patterns("Polisen och Tullverket samverkar mot den organiserade brottsligheten.").isEmpty)
        // the same words where the activity is steered still count
        #expect(try patterns("Cheferna visar förtroende för medarbetarna och ger dem stöd i vardagen.").contains("förtroende~"))
        #expect(try patterns("Nämnden har infört detaljerad kontroll av medarbetarnas tid.").contains("kontroll*"))
    }

    @Test("lint shows what each condition removed")
    func lintShowsSuppressed() throws {
        let lex = try GovernanceLexicon.parse("kontroll~ | 4 | K | 1 | !near 3: pass~ |", source: "t")
        let m = LexiconMatcher(lex)
        var cache = MatchCache()
        cache.recordSuppressed = true
        let bytes = Array("En kontroll av pass gjordes i går vid hamnen. Chefen införde sedan en kontroll av arbetet.".utf8)
        var hits: [Hit] = []
        bytes.withUnsafeBufferPointer { p in
            var tokens: [Token] = []
            Tokenizer.tokenize(p, range: 0..<p.count, into: &tokens)
            m.match(p, tokens: tokens, range: 0..<tokens.count, cache: &cache, into: &hits)
        }
        #expect(hits.count == 1)
        #expect(cache.suppressed.count == 1)
    }
}
