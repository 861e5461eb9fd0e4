import Foundation
import Testing
@testable import TillitKit

@Suite("Lexicon: the format researchers edit")
struct LexiconTests {
    @Test("the embedded lexicons are the files in Lexicons/ (run scripts/embed-lexicons.py after editing)")
    func embeddedMatchesFiles() throws {
        let gov = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Lexicons/governance.tillit").path, encoding: .utf8)
        #expect(gov == EmbeddedGovernanceLexicon.text)
        let rep = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Lexicons/repair-sv.txt").path, encoding: .utf8)
        #expect(rep.utf8.count == EmbeddedRepairLexicon.text.utf8.count)
        let model = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Lexicons/label-model.tsv").path, encoding: .utf8)
        #expect(model == EmbeddedLabelModel.text)
        let vectors = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Lexicons/word-vectors.tsv").path, encoding: .utf8)
        #expect(vectors.utf8.count == EmbeddedWordVectors.text.utf8.count)
        let ctx = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Lexicons/repair-context-sv.txt").path, encoding: .utf8)
        #expect(ctx == EmbeddedRepairContext.text)
        let rewrites = try String(contentsOfFile: Fixtures.root.appendingPathComponent("Lexicons/ocr-channel-sv.txt").path, encoding: .utf8)
        #expect(rewrites == EmbeddedOCRChannel.text)
    }

    @Test("the default lexicon covers every row × pole and every principle")
    func coverage() {
        let lex = GovernanceLexicon.embedded
        #expect(lex.entries.count >= 250)
        for r in Dimension.rows {
            for p in Pole.allCases { #expect(lex.entries.contains { $0.dimensions.contains(r) && $0.pole == p }, "row \(r.title) \(p)") }
        }
        for p in Dimension.principles { #expect(lex.entries.contains { $0.dimensions.contains(p) && $0.pole == .T }, "principle \(p.key)") }
    }

    @Test("malformed lines are reported with their line numbers", arguments: [
        ("tillit | tillit | T\nkontroll | 4\n", 2, "expected"),
        ("# c\n\ntillit | 9 | T\n", 3, "unknown dimension"),
        ("tillit | tillit | X\n", 1, "pole must be K, T, N (a name) or F"),
        ("tillit | tillit | T | -2\n", 1, "weight"),
        ("til*lit | tillit | T\n", 1, "bad pattern"),
    ])
    func malformed(_ text: String, _ line: Int, _ fragment: String) {
        do {
            _ = try GovernanceLexicon.parse(text, source: "my.tillit")
            Issue.record("parsed a malformed lexicon")
        } catch {
            guard case .badLexicon(let path, let l, let reason) = error else { Issue.record("wrong error \(error)"); return }
            #expect(path == "my.tillit")
            #expect(l == line)
            #expect(reason.contains(fragment))
        }
    }

    @Test("names of authorities and laws count for neither pole (codebook rule 5), while their words alone still do")
    func namesCountForNothing() throws {
        let analyzer = Analyzer(options: ScoreOptions(unit: .document, evidence: true))
        let named = try analyzer.score(text: "Inspektionen för vård och omsorg har granskat verksamheten enligt lagen om valfrihetssystem.")
        #expect(named.units[0].hits.map(\.pattern) == ["gransk*"])
        let plain = try analyzer.score(text: "Kommunen vill ha fler inspektioner och ett valfrihetssystem.")
        #expect(Set(plain.units[0].hits.map(\.pattern)) == ["inspektion~", "valfrihetssystem~"])
        // a name needs no dimensions; a K/T entry does
        let lex = try GovernanceLexicon.parse("kontroll* | 4 | K\nkontrollmyndighet~ | | N | | | a name\n", source: "my.tillit")
        #expect(lex.entries[1].isName && !lex.entries[0].isName)
        #expect(throws: TillitError.self) { try GovernanceLexicon.parse("kontroll* | | K\n", source: "my.tillit") }
        let m = try Analyzer(lexicon: lex, options: ScoreOptions(unit: .document, evidence: true)).score(text: "Kontrollmyndigheten har kontrollsystem.")
        #expect(m.units[0].hits.map(\.surface) == ["kontrollsystem"])
    }

    @Test("pattern kinds: exact, inflection, compound head, modifier with linking -s-")
    func patternKinds() {
        func m(_ p: String, _ w: String) -> Bool { WordPattern(Substring(p))!.matches(Array(w.utf8)) }
        #expect(m("styrning~", "styrningarna") && m("styrning~", "styrningen") && !m("styrning~", "detaljstyrning"))
        #expect(m("*styrning~", "detaljstyrning") && m("*styrning~", "regelstyrningen") && m("*styrning~", "styrning"))
        #expect(m("kontroll*", "kontrollsystem") && m("tillit*", "tillitsbaserad") && !m("kontroll*", "ekonomikontroll"))
        #expect(!m("dialog", "dialogen"))
        // a compound head needs two bytes before it; `*X*` finds the literal anywhere; an ending must be an inflection
        #expect(!m("*styrning~", "astyrning") && m("*kontroll*", "egenkontrollerna") && !m("*kontroll*", "kontrol"))
        #expect(!m("styrning~", "styrningxyz") && m("dialog~", "dialogens") && !m("dialog~", "dialo"))
    }
}
