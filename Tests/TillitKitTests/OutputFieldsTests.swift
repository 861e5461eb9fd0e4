import Foundation
import Testing
@testable import TillitKit

/// Fields researchers join and slice on: the unit's text, offsets in characters, rates,
/// provenance.
@Suite("Output fields: text, character offsets, rates, provenance")
struct OutputFieldsTests {
    func options(texts: Bool = false, chars: Bool = false, repair: RepairMode = .off) -> ScoreOptions {
        var o = ScoreOptions(repair: repair)
        o.texts = texts
        o.charOffsets = chars
        return o
    }

    /// The characters (Unicode scalars) of `text` from `offset`, `length` of them, as Python slices a `str`.
    func slice(_ text: String, _ offset: Int, _ length: Int) -> String {
        var s = String.UnicodeScalarView()
        s.append(contentsOf: Array(text.unicodeScalars)[offset..<offset + length])
        return String(s)
    }

    @Test("character offsets slice the unit's own text out of the document, where byte offsets would not")
    func characterOffsets() throws {
        let text = "Åtgärder för äldres självbestämmande.\n\nÖppenhet, förtroende och stöd ökar.\n"
        let doc = try Analyzer(options: options(chars: true)).score(text: text)
        #expect(doc.units.count == 2)
        #expect(slice(text, doc.units[0].charOffset, doc.units[0].charLength) == "Åtgärder för äldres självbestämmande.")
        #expect(slice(text, doc.units[1].charOffset, doc.units[1].charLength) == "Öppenhet, förtroende och stöd ökar.")
        #expect(doc.units[1].charOffset < doc.units[1].offset)   // å, ä, ö take two bytes each
    }

    @Test("a byte order mark is not a character; a Windows-1252 byte is one")
    func bomAndLatin1() throws {
        let bom = DocumentPart(id: "b", bytes: [0xEF, 0xBB, 0xBF] + Array("Tillit.\n\nÄndå kontroll.\n".utf8))
        var scratch = Analyzer.Scratch()
        let a = try Analyzer(options: options(chars: true)).score(bom, scratch: &scratch)
        #expect(a.units.map(\.charOffset) == [0, 9])
        #expect(a.units.map(\.charLength) == [7, 14])
        let latin = DocumentPart(id: "l", bytes: Array("Tillit.\n\n".utf8) + [0xC4, 0x6E, 0x64, 0xE5] + Array(" kontroll.\n".utf8))
        let l = try Analyzer(options: options(chars: true)).score(latin, scratch: &scratch)
        #expect(l.units.map(\.charOffset) == [0, 9])
        #expect(l.units.map(\.charLength) == [7, 14])
    }

    @Test("character offsets count from the start of the document in every part of a large one")
    func characterOffsetsAcrossParts() throws {
        let para = "Förvaltningen ökar sin tillit till medarbetarnas yrkeskunnande och minskar detaljstyrningen.\n\n"
        let text = String(repeating: para, count: 120)   // about 11 KB, many å/ä/ö
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-chars-\(UUID().uuidString).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var units: [UnitScore] = []
        var parts = 0
        _ = BatchRunner(analyzer: Analyzer(options: options(texts: true, chars: true)), jobs: 2, batchBytes: 8 << 10)
            .run(DocumentStream(paths: [path], partSize: 4096), emit: { d, _ in units += d.units; parts += 1 }, failure: { Issue.record("\($0)") })
        #expect(parts > 2)
        #expect(units.count == 120)
        let expected = String(para.dropLast(2))
        #expect(units.allSatisfy { slice(text, $0.charOffset, $0.charLength) == expected })
        #expect(units.allSatisfy { $0.text == expected })
    }

    @Test("the unit's text is the repaired text where the unit was repaired")
    func repairedText() throws {
        let doc = try Analyzer(options: options(texts: true, repair: .on)).score(text: "Pengar f6r skolan.\n\nInget att laga här.\n")
        #expect(doc.units.map(\.text) == ["Pengar för skolan.", "Inget att laga här."])
        let plain = try Analyzer(options: options(texts: true)).score(text: "Pengar f6r skolan.\n")
        #expect(plain.units[0].text == "Pengar f6r skolan.")
    }

    @Test("the lexicon fingerprint follows the entries, not comments or line ends")
    func fingerprint() throws {
        let a = try GovernanceLexicon.parse("tillit~ | tillit | T\nkontroll~ | 4 | K | 2\n", source: "a")
        let crlf = try GovernanceLexicon.parse("# kommentar\r\ntillit~ | tillit | T | | | en anteckning\r\nkontroll~ | 4 | K | 2\r\n", source: "b")
        let heavier = try GovernanceLexicon.parse("tillit~ | tillit | T\nkontroll~ | 4 | K | 3\n", source: "c")
        #expect(LexiconFingerprint.of(a) == LexiconFingerprint.of(crlf))
        #expect(LexiconFingerprint.of(a) != LexiconFingerprint.of(heavier))
        #expect(LexiconFingerprint.of(a).hasPrefix("fnv1a64:") && LexiconFingerprint.of(a).count == 24)
    }
}

extension InputOutputCLITests {
    @Test("--text, --chars, --rates, --provenance add fields to jsonl and columns to csv; --ascii-header spells the header in ASCII")
    func extraFields() throws {
        let text = "Förtroende och tillit präglar styrningen.\n\nKontroll och kontroll.\n"
        let j = try cli.run(["score", "--format", "jsonl", "--repair", "off", "--text", "--chars", "--rates", "--provenance", "-"], stdin: Data(text.utf8))
        #expect(j.status == 0)
        let r = rows(j.out)
        #expect(r.count == 2)
        #expect(r[1]["text"] as? String == "Kontroll och kontroll.")
        #expect(r[1]["char_offset"] as? Int == 43 && r[1]["char_length"] as? Int == 22)
        #expect(r[1]["words"] as? Int == 3)
        #expect(abs((r[1]["hits_per_1000_words"] as! NSNumber).doubleValue - 2000.0 / 3) < 0.001)
        let version = try cli.run(["--version"]).out
        #expect(version == "tillit \(r[0]["tillit_version"] as! String)\n")
        #expect((r[0]["lexicon_hash"] as? String)?.hasPrefix("fnv1a64:") == true)
        // without the options the rows stay as they were
        let plain = rows(try cli.run(["score", "--format", "jsonl", "-"], stdin: Data(text.utf8)).out)
        #expect(plain[0]["text"] == nil && plain[0]["char_offset"] == nil && plain[0]["tillit_version"] == nil)
        let c = try cli.run(["score", "--format", "csv", "--ascii-header", "--chars", "--text", "-"], stdin: Data(text.utf8))
        let header = c.out.split(separator: "\n")[0]
        #expect(header.contains("p_stod") && header.contains("p_oppenhet") && header.allSatisfy(\.isASCII))
        #expect(header.hasSuffix("char_offset,char_length,text,status,reason"))
        #expect(c.out.split(separator: "\n")[2].hasSuffix(",43,22,Kontroll och kontroll.,ok,"))
    }
}
