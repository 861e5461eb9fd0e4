import Foundation
import Testing
@testable import TillitKit

/// Text written one paragraph per line (Riksdag open data, most exports) against hard-wrapped
/// text with blank lines between paragraphs; questions; unit numbering across parts.
@Suite("Paragraph layout: one paragraph per line, questions, index over the whole document")
struct ParagraphLayoutTests {
    /// Four paragraphs, one per line, no blank lines: the way exports write them.
    static let perLine = """
    Kommunen har under flera år byggt upp ett omfattande system för uppföljning av hemtjänsten, där varje insats registreras i minutdetalj.
    Personalen vittnar om att tiden för dokumentation har vuxit på bekostnad av tiden hos de äldre.
    Vilka åtgärder avser ministern att vidta för att minska detaljstyrningen?
    Hur ser ministern på ett ökat handlingsutrymme för medarbetarna?

    """

    /// Two paragraphs hard-wrapped at about 60 characters, as PDF conversion leaves them.
    static let wrapped = """
    Nämnden har beslutat att införa en ny modell för styrning
    av verksamheten, där medarbetarnas kunskap och erfarenhet
    ska tas till vara i högre grad än tidigare.

    Förvaltningen får i uppdrag att under året ta fram en plan
    för hur dialogen med brukarna kan utvecklas och hur
    uppföljningen kan förenklas.

    """

    func texts(_ s: String, _ mode: ParagraphMode) -> [String] {
        let b = Array(s.utf8)
        return Segmenter.segments(b, paragraphs: mode).map { String(decoding: b[$0.range], as: UTF8.self) }
    }

    @Test("text written one paragraph per line is recognised as such; hard-wrapped text is not")
    func layoutDetection() {
        let line = Array(Self.perLine.utf8), wrapped = Array(Self.wrapped.utf8)
        #expect(line.withUnsafeBufferPointer { Segmenter.layout($0, range: 0..<$0.count) } == .line)
        #expect(wrapped.withUnsafeBufferPointer { Segmenter.layout($0, range: 0..<$0.count) } == .blank)
        // a single line has no line breaks to judge by
        let one = Array("En enda mening utan radbrytning.".utf8)
        #expect(one.withUnsafeBufferPointer { Segmenter.layout($0, range: 0..<$0.count) } == .blank)
    }

    @Test("--paragraphs line splits every line, blank joins lines up to a blank line, auto picks per text")
    func modes() {
        #expect(texts(Self.perLine, .line).count == 4)
        #expect(texts(Self.perLine, .auto).count == 4)
        #expect(texts(Self.perLine, .auto)[1] == "Personalen vittnar om att tiden för dokumentation har vuxit på bekostnad av tiden hos de äldre.")
        #expect(texts(Self.perLine, .blank).count == 1)
        #expect(texts(Self.wrapped, .auto).count == 2)
        #expect(texts(Self.wrapped, .auto)[1].hasPrefix("Förvaltningen får") && texts(Self.wrapped, .auto)[1].hasSuffix("förenklas."))
        #expect(texts(Self.wrapped, .line).count == 6)
    }

    @Test("the analyzer's default options score each line of a one-paragraph-per-line text as a paragraph")
    func analyzerDefault() throws {
        let doc = try Analyzer().score(text: Self.perLine)
        #expect(doc.units.count == 4)
        #expect(doc.units.map(\.index) == [0, 1, 2, 3])
        #expect(doc.units.allSatisfy { $0.kind == "paragraph" })
        var blank = ScoreOptions()
        blank.paragraphs = .blank
        #expect(try Analyzer(options: blank).score(text: Self.perLine).units.count == 1)
    }

    @Test("a short line ending in a question mark is a sentence of its own, not a heading")
    func questionsAreNotHeadings() {
        let b = Array("Vad kostar reformen för kommunerna?\n\nRegeringen har inte redovisat några siffror.\n".utf8)
        let segs = Segmenter.segments(b)
        #expect(segs.count == 2)
        #expect(segs[0].kind == .paragraph)
        #expect(String(decoding: b[segs[0].range], as: UTF8.self) == "Vad kostar reformen för kommunerna?")
        // a short title without a question mark still stands alone as a heading
        let t = Array("Styrning av hemtjänsten\n\nRegeringen har inte redovisat några siffror.\n".utf8)
        #expect(Segmenter.segments(t)[0].kind == .heading)
    }

    /// Writes `text` to a temporary file and streams it in parts of 4 KB on two threads.
    func streamed(_ text: String, options: ScoreOptions = ScoreOptions(repair: .off)) throws -> (units: [UnitScore], parts: Int) {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-layout-\(UUID().uuidString).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var units: [UnitScore] = []
        var parts = 0
        _ = BatchRunner(analyzer: Analyzer(options: options), jobs: 2, batchBytes: 8 << 10).run(DocumentStream(paths: [path], partSize: 4096),
            emit: { doc, _ in units += doc.units; parts += 1 }, failure: { Issue.record("\($0)") })
        return (units, parts)
    }

    @Test("unit index counts the units of the whole document when it is read in several parts")
    func indexAcrossParts() throws {
        let text = String(repeating: Self.wrapped + "\n", count: 60)   // 120 paragraphs, about 24 KB
        let (units, parts) = try streamed(text)
        #expect(parts > 2)
        #expect(units.count == 120)
        #expect(units.map(\.index) == Array(0..<120))
        #expect(zip(units, units.dropFirst()).allSatisfy { $0.offset < $1.offset })
    }

    @Test("a one-paragraph-per-line document read in several parts gives one unit per line in every part")
    func lineLayoutAcrossParts() throws {
        let lines = Self.perLine.split(separator: "\n")
        let text = String(repeating: Self.perLine, count: 50)   // 200 lines, about 20 KB, no blank line
        let (units, parts) = try streamed(text)
        #expect(parts > 2)
        #expect(units.count == 50 * lines.count)
        #expect(units.map(\.index) == Array(0..<units.count))
    }
}

extension ParagraphLayoutTests {
    @Test("a Windows-1252 byte deep in a UTF-8 file is not silent: a warning names it and the part it is in, which is read as UTF-8 but for that byte")
    func latinDeepInUTF8() throws {
        let good = String(repeating: "Förvaltningen ökar tilliten till medarbetarna.\n\n", count: 200)   // about 10 KB of UTF-8
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-latin-\(UUID().uuidString).txt").path
        try Data(Array(good.utf8) + Array("Sista stycket n".utf8) + [0xE4] + Array("mner kontroll.\n".utf8)).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var warnings: [String] = []
        _ = BatchRunner(analyzer: Analyzer(options: ScoreOptions(repair: .off)), jobs: 1).run(DocumentStream(paths: [path], partSize: 4096),
            emit: { d, _ in warnings += d.warnings }, failure: { Issue.record("\($0)") })
        #expect(warnings.count == 1)
        #expect(warnings.first?.contains("1 byte is not valid UTF-8 (bytes ") == true)
        #expect(warnings.first?.contains("read as Windows-1252 (Latin-1) one by one, the rest as UTF-8") == true)
    }

    @Test("the damage check of a clean text with one paragraph per line stops counting lines past twice its sample, and decides as a full count does")
    func damageCheckStopsEarlyOnCleanLines() {
        func verdicts(_ text: String) -> (full: ParagraphDamage, quick: ParagraphDamage) {
            Array(text.utf8).withUnsafeBufferPointer { b in
                var tokens: [Token] = []
                Tokenizer.tokenize(b, range: 0..<b.count, into: &tokens)
                return (ParagraphDamage(b, tokens: tokens, repairer: .shared, mode: .auto),
                        ParagraphDamage(b, tokens: tokens, repairer: .shared, mode: .auto, clean: true))
            }
        }
        let clean = (0..<1200).map { "Kommunen har sedan år \($0) ansvar för skolan och vården i länet, och nämnden följer upp arbetet." }
        let damaged = (0..<1200).map { "Kommunen har sedan ar \($0) ansvar f6r skolan och varden i lanet, och namnden f6ljer upp arbetet." }
        for lines in [clean, damaged, clean + damaged] {
            let (full, quick) = verdicts(lines.joined(separator: "\n"))
            #expect(full.perLine && quick.perLine)
            #expect(full.anyDamaged == quick.anyDamaged && full.detected == quick.detected && full.rate == quick.rate)
            #expect(full.flattened == quick.flattened && full.bare == quick.bare)
        }
        let (full, quick) = verdicts(clean.joined(separator: "\n"))
        #expect(!full.anyDamaged && full.ends.count == 1200 && quick.ends.count < 700)
        let (fullDamaged, quickDamaged) = verdicts(damaged.joined(separator: "\n"))
        #expect(fullDamaged.anyDamaged && quickDamaged.verdicts == fullDamaged.verdicts && quickDamaged.ends == fullDamaged.ends)
    }
}
