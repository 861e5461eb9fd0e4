import Foundation
import Testing
@testable import TillitKit

@Suite("OCR rewrites: stretches of letters that real OCR misreads, learned from data")
struct OCRRewritesTests {
    func repaired(_ s: String, with repairer: Repairer) -> String {
        let b = Array(s.utf8)
        return String(decoding: repairer.repair(text: b, mode: .on).apply(to: b), as: UTF8.self)
    }

    func scalars(_ s: String) -> [UInt32] { s.unicodeScalars.map(\.value) }
    func string(_ s: [UInt32]) -> String { String(String.UnicodeScalarView(s.compactMap(Unicode.Scalar.init))) }

    @Test("`m` read for `rn` is put back by the learned rewrites, and left alone without them")
    func rnReadAsM() {
        let text = "Det framhöll statsministem och bostadsministem i riksdagen, och resursema räcker inte."
        let with = repaired(text, with: Repairer.shared)
        #expect(with.contains("statsministern och bostadsministern"))
        #expect(with.contains("resurserna"))
        let without = repaired(text, with: Repairer(rewrites: OCRRewrites()))
        #expect(without.contains("statsministem"))
    }

    @Test("a name, a foreign word or a unit that a rewrite would make a rare word stays as written")
    func restraintBelowTheFloor() {
        let out = repaired("Bullret ar 55 dBA vid Target och Banca i Mifid.", with: Repairer.shared)
        #expect(out.contains("55 dBA vid Target och Banca i Mifid."))
    }

    @Test("in real OCR a longer word that lost a letter gets it back when nothing else reads it; text that is merely flattened keeps its letters")
    func lostLetterInLongWords() {
        let ocr = repaired("Enligt statsrdet &r fragan viktig f6r sambandet.", with: Repairer.shared)
        #expect(ocr == "Enligt statsrådet är frågan viktig för sambandet.")
        let flattened = repaired("Enligt statsrdet ar fragan viktig.", with: Repairer.shared)
        #expect(flattened.hasPrefix("Enligt statsrdet är"))
    }

    @Test("the plain reading of a character is the first of its channel options, for every character the channel reads apart")
    func plainReadingIsFirstOption() {
        let chars: [UInt32] = [0x61, 0xE4, 0xE5, 0x6F, 0xF6, 0x36, 0x30, 0x34, 0x26, 0x40, 0xA3, 0x20AC, 0xE9, 0x64, 0x69, 0x31, 0x7C, 0x62, 0x7A, 0xFC]
        for c in chars {
            for iMayBeL in [true, false] { #expect(Repairer.plainOption(c) == Repairer.options(c, iMayBeL: iMayBeL)[0].0, "\(c)") }
            #expect(Repairer.options(c, iMayBeL: true)[0].1 == false)
        }
        #expect(Repairer.variants(scalars("f6r"), iMayBeL: true, limit: 1) == [Array("for".utf8)])
    }

    @Test("skeleton variants come fewest costly confusions first, in the order of each character's options, and a limit keeps the likeliest")
    func variantsFewestConfusionsFirst() {
        // d may be d, or ö/ä read as d (costly); i may be i, or l/ä read as i (costly)
        let all = Repairer.variants(scalars("dio"), iMayBeL: true, limit: 48).map { String(decoding: $0, as: UTF8.self) }
        #expect(all == ["dio", "dlo", "dao", "oio", "aio", "olo", "oao", "alo", "aao"])
        #expect(Repairer.variants(scalars("dio"), iMayBeL: true, limit: 3).map { String(decoding: $0, as: UTF8.self) } == ["dio", "dlo", "dao"])
        // a known word keeps its i's: no l for an i
        #expect(!Repairer.variants(scalars("dio"), iMayBeL: false, limit: 48).map { String(decoding: $0, as: UTF8.self) }.contains("dlo"))
        // three costly confusions are never tried
        #expect(!Repairer.variants(scalars("ddd"), iMayBeL: true, limit: 48).map { String(decoding: $0, as: UTF8.self) }.contains("ooo"))
    }

    @Test("in damaged text a spaced em dash, which OCR writes for the en dash, reads as the en dash; a glued one, one in clean text, and one without the learned glyphs stay")
    func spacedEmDashIsAnEnDash() {
        let damaged = "Regeringen far svara — och fragan ar om aren 2019—2023 racker."
        #expect(repaired(damaged, with: Repairer.shared) == "Regeringen får svara – och frågan är om åren 2019—2023 räcker.")
        #expect(repaired(damaged, with: Repairer(rewrites: OCRRewrites())).contains("svara — och"))
        let clean = Array("Regeringen får svara — och frågan är om åren räcker för de många som väntar på beslut.".utf8)
        #expect(Repairer.shared.repair(text: clean, mode: .auto).changes.isEmpty)
        let rules = OCRRewrites(text: "p\t—\t–\t16\t16\np\t\t–\t1\t1\n")
        #expect(rules.glyphs.count == 1 && abs(rules.glyphs[0].confidence - 16.0 / 17) < 1e-6)
    }

    @Test("in OCR'd text a paragraph that shows a ” reads its straight quotes and its “ as ”; straight-quote paragraphs and stripped or clean text keep their marks")
    func quotesFollowTheParagraphsStyle() {
        // one paragraph set with ”, OCR wrote the opening one as "; the next one is straight throughout
        let damaged = "Ministern sade att \"det ar viktigt” och att f6rslaget kommer.\n\nSedan sa hon \"inget mer\" och gick f6r dagen.\n"
        #expect(repaired(damaged, with: Repairer.shared)
                == "Ministern sade att ”det är viktigt” och att förslaget kommer.\n\nSedan sa hon \"inget mer\" och gick för dagen.\n")
        // an English-style “…” pair is a misread ”…”; a “ in a paragraph of straight quotes stays
        #expect(repaired("Boken “Tillit” ar skriven f6r chefer i kommunen.", with: Repairer.shared) == "Boken ”Tillit” är skriven för chefer i kommunen.")
        #expect(repaired("Boken “Tillit\" ar skriven f6r chefer i kommunen.", with: Repairer.shared) == "Boken “Tillit\" är skriven för chefer i kommunen.")
        // stripped text (no OCR stand-ins) and clean text keep every mark
        #expect(repaired("Ministern sade att \"det ar viktigt” och att forslaget kommer.", with: Repairer.shared)
                .contains("\"det är viktigt”"))
        let clean = Array("Ministern sade att \"det är viktigt” och att förslaget kommer före årsskiftet.".utf8)
        #expect(Repairer.shared.repair(text: clean, mode: .auto).changes.isEmpty)
        // the confidence is the share of ” among the marks weighed
        var q = QuoteStyle()
        q.curly = 1; q.straight = 1
        #expect(q.confidence(2) == 0.5)
        q.opening = 1
        #expect(abs(q.confidence(3) - 1.0 / 3) < 1e-6)
        q.curly = 3; q.straight = 0
        #expect(q.confidence(3) == 0.75 && q.confidence(2) == 1)
        q.curly = 0
        #expect(q.confidence(2) == 0)
    }

    @Test("in OCR'd text a ‘ reads as ', and so does a ’ that closes a quotation opened by ' or ‘; a ‘ at a line's start that nothing closes is dropped; Swedish-style ’…’ quotations, apostrophes inside words and clean text keep their marks")
    func curlySingleQuotesInStraightQuotations() {
        let damaged = "Chefen kallade det ‘tillitsreformen’ och sade att f6rslaget var 'klokt’ f6r kommunen."
        #expect(repaired(damaged, with: Repairer.shared) == "Chefen kallade det 'tillitsreformen' och sade att förslaget var 'klokt' för kommunen.")
        let swedish = "Hon kallade det ’en bra start’ i budgeten och ar n6jd med Banca d’Italia."
        #expect(repaired(swedish, with: Repairer.shared) == "Hon kallade det ’en bra start’ i budgeten och är nöjd med Banca d’Italia.")
        let clean = Array("Chefen kallade det ‘tillitsreformen’ och sa att förslaget var bra för kommunen och för de anställda.".utf8)
        #expect(Repairer.shared.repair(text: clean, mode: .auto).changes.isEmpty)
        // a ‘ at a line's start that no mark closes is a speck, not a quotation; one that a mark closes is a quotation
        #expect(repaired("Regeringen har svarat pa fragan\n‘och f6rslaget ar klart.\n", with: Repairer.shared)
                == "Regeringen har svarat på frågan\noch förslaget är klart.\n")
        #expect(repaired("Regeringen har svarat pa fragan\n‘Vi ar klara’ sa hon f6r dagen.\n", with: Repairer.shared)
                == "Regeringen har svarat på frågan\n'Vi är klara' sa hon för dagen.\n")
        // the confidence is the share of opening single marks that are straight or ‘
        let mixed = "Det var ’fel’ sa hon, men ‘ratt’ sa han, och 'bra’ f6r alla."
        let r = Repairer.shared.repair(text: Array(mixed.utf8), mode: .on)
        let quoteEdits = r.changes.filter { $0.original == "‘" || $0.original == "’" }
        #expect(quoteEdits.count == 3 && quoteEdits.allSatisfy { abs($0.confidence - 2.0 / 3) < 1e-6 })
    }

    @Test("in damaged text a comma before a word that opens sentences is the period OCR misread; before a name, a place or a lowercase word it stays, and clean text keeps its commas")
    func commaBeforeSentenceOpenerIsAPeriod() {
        let damaged = "Fragan har utretts i flera ar, Det ar dags att regeringen agerar f6r kommunerna, Vi vantar."
        #expect(repaired(damaged, with: Repairer.shared) == "Frågan har utretts i flera år. Det är dags att regeringen agerar för kommunerna. Vi väntar.")
        let names = "Fragan g6r sig gallande i Sverige, Norge och Danmark, Stockholm och Malm6, men det ar svart."
        #expect(repaired(names, with: Repairer.shared) == "Frågan gör sig gällande i Sverige, Norge och Danmark, Stockholm och Malmö, men det är svårt.")
        #expect(repaired(damaged, with: Repairer(rewrites: OCRRewrites())).contains("år, Det"))
        let clean = Array("Frågan har utretts i flera år, Det är dags att regeringen agerar för kommunerna som väntar på svar.".utf8)
        #expect(Repairer.shared.repair(text: clean, mode: .auto).changes.isEmpty)
        #expect(abs(OCRRewrites(text: "s\t,\t.\t40\t1612\n").periodAsComma - 40.0 / 1612) < 1e-6)
    }

    @Test("a one-letter rewrite that the character channel already reads is dropped")
    func coveredRewritesDropped() {
        let r = OCRRewrites(text: "r\ta\tä\t3642\t4283\nr\t6\tö\t284\t3421\nr\tm\trn\t26\t891\n")
        #expect(r.count == 1)
        #expect(r.readings(scalars("bara")).isEmpty)
    }

    @Test("readings take one or two rewrites that do not overlap, cheapest first")
    func readingsCombineTwo() {
        let r = OCRRewrites(text: "r\tm\trn\t1\t10\nr\tii\tä\t1\t2\n")
        let out = r.readings(scalars("miim"))
        let texts = out.map { string($0.reading) }
        #expect(texts.first == "mäm")   // ii → ä is the likelier rewrite
        #expect(texts.contains("rnäm") && texts.contains("märn") && texts.contains("rniirn"))
        #expect(!texts.contains("rnärn"))   // three rewrites: never
        #expect(zip(out, out.dropFirst()).allSatisfy { $0.cost <= $1.cost })
    }

    @Test("malformed lines are skipped, and a file with no rewrite is an error naming it")
    func fileWithNoRewrite() throws {
        #expect(OCRRewrites(text: "# comment\nr\tm\n r\tm\trn\tx\t1\nr\tm\trn\t5\t2\n").count == 0)
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("no-rewrites-\(UUID().uuidString).txt")
        try "# nothing\n".write(to: url, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: TillitError.self) { _ = try OCRRewrites(contentsOf: url.path) }
    }

    @Test("in damaged text a word that nothing else reads is read through one letter edit: a letter misread, two swapped, or a letter OCR drops put back; without the learned rate of unseen edits it stays")
    func oneUnseenEditReadsAWordNothingElseReads() {
        let damaged = "Det ar regexingen som maste ta ansvar f6r fragan och myndihgeterna, och f6r en ny styring av skolan."
        #expect(repaired(damaged, with: Repairer.shared) == "Det är regeringen som måste ta ansvar för frågan och myndigheterna, och för en ny styrning av skolan.")
        let noRate = OCRRewrites(text: EmbeddedOCRChannel.text.split(separator: "\n").filter { !$0.hasPrefix("e\t") }.joined(separator: "\n"))
        #expect(noRate.oneEdit == nil && noRate.count == OCRRewrites.embedded.count)
        let without = repaired(damaged, with: Repairer(rewrites: noRate))
        #expect(without.contains("regexingen") && without.contains("myndihgeterna") && without.contains("styring"))
    }

    @Test("unseen edits stay out of clean text, which keeps its unknown words as written")
    func oneUnseenEditNotInCleanText() {
        let clean = Array("Det är regexingen som måste ta ansvar för frågan, och myndihgeterna ska göra sitt för att det blir bättre.".utf8)
        #expect(Repairer.shared.repair(text: clean, mode: .auto).changes.isEmpty)
    }

    @Test("the `e` line gives the rate of unseen edits, seen-once edits per gold letter, and each such edit costs −ln(rate / 54); `d` lines give the letters OCR drops at −ln P(dropped | letter)")
    func unseenEditRateAndDropsParsed() {
        let rules = OCRRewrites(text: "r\tm\trn\t26\t891\nd\t\tö\t66\t3421\nd\tx\tn\t5\t100\ne\t*\t*\t47\t212721\n")
        #expect(abs(rules.unseenEditRate - Float(47.0 / 212721)) < 1e-9)
        #expect(abs(rules.oneEdit!.unseen - Float(-log(47.0 / 212721 / 54))) < 1e-3)
        // a `d` line with an OCR side is not a drop
        #expect(rules.drops.count == 1 && rules.drops[0].letter == 0xF6 && abs(rules.drops[0].cost - Float(-log(66.0 / 3421))) < 1e-4)
        #expect(OneEditReadings.cost(rate: 0) == nil)
        #expect(OCRRewrites(text: "r\tm\trn\t26\t891\n").oneEdit == nil)
    }

    @Test("one-letter edits never touch a word's last two letters, where inflections live, but to put a dropped letter back; none touch a word under five letters; a dropped ö costs what its `d` line says")
    func oneEditKeepsTheEnding() {
        let lex = RepairLexicon.embedded
        let edits = OneEditReadings(unseenEditRate: 47.0 / 212721, drops: [(0xF6, 4)])!
        func readings(_ w: String, floor: Float = -100) -> [String: Float] {
            var out: [String: Float] = [:]
            for r in edits.readings(scalars(w), lex: lex, floor: floor) { out[string(r.reading)] = min(out[string(r.reading)] ?? .infinity, r.cost) }
            return out
        }
        for word in ["regexingen", "kommunernaz", "myndihgeterna", "utredningex", "samordnarens"] {
            let w = scalars(word)
            for r in edits.readings(w, lex: lex, floor: -100) {
                // the last two letters as they were, or an ö put back before the last one
                let keptEnd = Array(r.reading.suffix(2)) == Array(w.suffix(2))
                let droppedBack = r.reading.count == w.count + 1 && r.reading.last == w.last && r.reading[r.reading.count - 2] == 0xF6
                #expect(keptEnd || droppedBack, "\(word) → \(string(r.reading))")
            }
        }
        // a dropped letter goes back before the last letter too, an unseen edit does not
        #expect(readings("genomfr")["genomför"] == 4)
        #expect(readings("genomfr")["genomfor"] == nil)
        #expect(readings("regexingen")["regeringen"] == edits.unseen)
        // "kommunernaz" does not become "kommunerna", a change in its last letter
        #expect(readings("kommunernaz")["kommunerna"] == nil)
        #expect(readings("fxan").isEmpty)
        // a lost ö put back costs the drop, a lost o the unseen edit
        #expect(readings("frslag")["förslag"] == 4 && readings("frslag")["forslag"] == edits.unseen)
        // a floor keeps readings of forms too rare to pass it out
        #expect(readings("regexingen", floor: 30).isEmpty)
    }

    @Test("a short word no list holds is read through the learned rewrites beside its other readings, and its neighbours choose: `fir` before a noun is för")
    func shortWordTakesLearnedRewritesBesideOtherReadings() {
        let out = repaired("Pengarna ar avsedda fir skolan, och fir vagarna racker det inte.", with: Repairer.shared)
        #expect(out == "Pengarna är avsedda för skolan, och för vägarna räcker det inte.")
        #expect(repaired("Pengarna ar avsedda fir skolan.", with: Repairer(rewrites: OCRRewrites())).contains("får skolan"))
    }

    @Test("beside its other readings a short word takes only the rewrites OCR makes often: `nar` after a fronted adverbial is när, not har through a rare `n` for `h`")
    func shortWordTakesOnlyFrequentRewrites() {
        let out = repaired("Dessutom, nar vi ser pa siffrorna, ar laget svart f6r manga kommuner.", with: Repairer.shared)
        #expect(out.hasPrefix("Dessutom, när vi ser på siffrorna, är läget svårt"))
        #expect(Repairer.shortRewriteMaxCost < Float(-log(3.0 / 3739)))
    }

    @Test("a word a letter edit reads has the reason letter-edit; the open first part of a compound, before a hyphen and a space, takes no letter edit")
    func letterEditReasonAndOpenCompoundPart() {
        let whole = Array("Det ar en fraga f6r kommunesna inte f6r staten.".utf8)
        let changes = Repairer.shared.repair(text: whole, mode: .on).changes
        let edit = changes.first { (c: RepairChange) -> Bool in c.original == "kommunesna" }
        #expect(edit?.replacement == "kommunerna")
        #expect(edit?.reason == "letter-edit")
        #expect(RepairReason.letterEdit.name == "letter-edit")
        let part = repaired("Det ar en fraga f6r kommunesna- och riksdagsbeslut, inte f6r staten.", with: Repairer.shared)
        #expect(part.contains("för kommunesna- och riksdagsbeslut"))
    }
}
