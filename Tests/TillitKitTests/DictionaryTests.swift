import Testing
@testable import TillitKit

@Suite("Category dictionaries from other tools")
struct DictionaryTests {
    func counts(_ dict: CategoryDictionary, _ text: String) throws -> [String: Int] {
        var o = ScoreOptions(unit: .document, repair: .off)
        o.entryHits = true
        let doc = try Analyzer(lexicon: dict.lexicon, options: o).score(text: text)
        let w = CategoryWriter(out: ByteWriter(fd: -1), format: .jsonl, unit: .document, dictionary: dict)
        return Dictionary(uniqueKeysWithValues: zip(dict.categories, w.counts(doc.units[0])))
    }

    @Test("a LIWC .dic: header categories, trailing-* prefixes, several categories per entry, phrases")
    func liwc() throws {
        let dic = "%\n1\tkontroll\n2\ttillit\n3\tstyrning\n%\nkontroll*\t1\ndetaljstyr*\t1\t3\ntillit*\t2\nnära dialog\t2\n"
        let d = try CategoryDictionary.parse(dic, source: "s.dic")
        #expect(d.categories == ["kontroll", "tillit", "styrning"])
        let c = try counts(d, "Detaljstyrningen och kontrollsystemen ersätts av tillitsbaserad styrning i nära dialog.")
        #expect(c == ["kontroll": 2, "tillit": 2, "styrning": 1])
    }

    @Test("a YAML-like category list with compound patterns")
    func yamlList() throws {
        let yaml = "# comment\nkontroll:\n  - kontroll*\n  - \"*detaljstyrning~\"\ntillit:\n  - tillit~\n"
        let d = try CategoryDictionary.parse(yaml, source: "s.yaml")
        #expect(d.categories == ["kontroll", "tillit"])
        #expect(try counts(d, "Regeldetaljstyrningen minskar medan tilliten växer och kontrollen består.") == ["kontroll": 2, "tillit": 1])
    }

    @Test("a LIWC-22 .dicx table: DicTerm header, X marks, several categories per row, phrases and quoted cells")
    func dicx() throws {
        let dicx = "DicTerm,kontroll,tillit,styrning\r\nkontroll*,X,,\r\ndetaljstyr*,X,,X\r\ntillit*,,X,\r\n\"nära dialog\",,X,\r\n"
        let d = try CategoryDictionary.parse(dicx, source: "s.dicx")
        #expect(d.categories == ["kontroll", "tillit", "styrning"])
        let c = try counts(d, "Detaljstyrningen och kontrollsystemen ersätts av tillitsbaserad styrning i nära dialog.")
        #expect(c == ["kontroll": 2, "tillit": 2, "styrning": 1])
    }

    @Test("a .dicx file that is not a DicTerm table gets a one-line error, not a YAML reading")
    func dicxNotCSV() {
        do { _ = try CategoryDictionary.parse("<?xml version=\"1.0\"?><dictionary/>", source: "liwc.dicx"); Issue.record("parsed") } catch {
            #expect(error.description.contains("DicTerm"))
            #expect(!error.description.contains("\n"))
        }
    }

    @Test("nested YAML categories are an error naming the nested line, not flattened")
    func nestedYAML() {
        let yaml = "kontroll:\n  styrning:\n    - kontroll*\n  annat:\n    - tillit\n"
        do { _ = try CategoryDictionary.parse(yaml, source: "n.yaml"); Issue.record("nested YAML was read") } catch {
            if case .badLexicon(_, let l, let reason) = error { #expect(l == 2); #expect(reason.contains("nested")) } else { Issue.record("wrong error \(error)") }
        }
    }

    @Test("malformed dictionaries name the line", arguments: [
        ("%\n1\tkontroll\n%\nkontroll*\t9\n", 4),
        ("kontroll:\n  - kontroll*\nthis is not yaml\n", 3),
        ("  - tillit\n", 1),
    ])
    func malformed(_ text: String, _ line: Int) {
        #expect(throws: TillitError.self) { try CategoryDictionary.parse(text, source: "d") }
        do { _ = try CategoryDictionary.parse(text, source: "d") } catch {
            if case .badLexicon(_, let l, _) = error { #expect(l == line) } else { Issue.record("wrong error \(error)") }
        }
    }
}
