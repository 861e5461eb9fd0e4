import Foundation
import Testing
@testable import TillitKit

/// `tillit repair` reads a document in parts (`RepairStream`): the changes must be those of a
/// whole-document repair, with offsets into the whole document.
@Suite("Repair in parts: the same changes as a whole-document repair")
struct RepairStreamTests {
    /// Stripped Swedish paragraphs written for these tests, some ending without a full stop
    /// (a heading), so context crosses the cuts between parts.
    static let paragraphs = [
        "Kommunen har fatt manga fragor om skolan och forskolan under aret som gick.",
        "Overgripande mal",
        "Det ar viktigt att vi later medarbetarna fa storre frihet i sitt arbete, och att ledningen star for tillit.",
        "Manga elever later bli att soka till gymnasiet nar de inte far plats pa den skola de valt.",
        "Regionen bor prova om det gar att oka stodet till de aldre som bor kvar hemma",
        "Var uppgift ar att se till att varden blir battre for alla, aven for dem som bor langt fran sjukhuset.",
    ]

    /// A document of `count` paragraphs separated by blank lines (or single line breaks).
    static func document(_ count: Int, separator: String = "\n\n") -> [UInt8] {
        Array((0..<count).map { paragraphs[$0 % paragraphs.count] + " (\($0))" }.joined(separator: separator).utf8) + [0x0A]
    }

    /// Repairs `bytes` through a file read in parts of `partSize` bytes; returns the text as
    /// repaired, the changes with document offsets, and how many parts there were.
    func streamed(_ bytes: [UInt8], partSize: Int = 4096, mode: RepairMode = .auto) throws -> (text: [UInt8], changes: [(Int, String)], parts: Int) {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-stream-\(UUID().uuidString).txt")
        try Data(bytes).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        let parts = DocumentStream(paths: [url.path], partSize: partSize)
        let stream = RepairStream(mode: mode)
        var text: [UInt8] = [], changes: [(Int, String)] = [], n = 0
        func take(_ o: RepairStream.Output) {
            text += o.result.apply(to: o.decoded.bytes)
            changes += o.result.changes.map { (o.baseOffset + o.decoded.originalOffset($0.offset), $0.replacement) }
        }
        while let item = parts.next() {
            guard case .part(let part) = item else { Issue.record("the file could not be read"); break }
            n += 1
            if let o = stream.push(try RepairStream.decode(part), baseOffset: part.baseOffset) { take(o) }
        }
        if let o = stream.finish() { take(o) }
        return (text, changes, n)
    }

    @Test("a document cut at blank lines is repaired as it is whole, in auto and forced mode", arguments: [RepairMode.auto, .on])
    func blankLineParts(_ mode: RepairMode) throws {
        let doc = RepairStreamTests.document(400)
        let whole = Repairer.shared.repair(text: doc, mode: mode)
        let s = try streamed(doc, mode: mode)
        #expect(s.parts > 5)
        #expect(!whole.changes.isEmpty)
        #expect(s.text == whole.apply(to: doc))
        #expect(s.changes.map(\.0) == whole.changes.map(\.offset))
        #expect(s.changes.map(\.1) == whole.changes.map(\.replacement))
    }

    @Test("OCR-damaged paragraphs with quotation marks, cut at blank lines, are repaired as they are whole: the marks follow each paragraph")
    func quotedParts() throws {
        let quoted = ["Ministern sade att \"det ar viktigt” f6r kommunerna.", "Hon svarade \"nej\" och gick f6r dagen.",
                      "Boken “Tillit” ar skriven f6r chefer."]
        let doc = Array((0..<600).map { quoted[$0 % quoted.count] + " (\($0))" }.joined(separator: "\n\n").utf8) + [0x0A]
        let whole = Repairer.shared.repair(text: doc, mode: .auto)
        let s = try streamed(doc)
        #expect(s.parts > 5)
        #expect(whole.changes.contains { $0.replacement == "”" })
        #expect(s.text == whole.apply(to: doc))
        #expect(s.changes.map(\.0) == whole.changes.map(\.offset))
    }

    @Test("a document with one paragraph per line, cut at line breaks, is repaired as it is whole")
    func lineParts() throws {
        let doc = RepairStreamTests.document(400, separator: "\n")
        let whole = Repairer.shared.repair(text: doc)
        let s = try streamed(doc)
        #expect(s.parts > 5)
        #expect(s.text == whole.apply(to: doc))
    }

    @Test("a clean document passes through unchanged, byte for byte")
    func cleanParts() throws {
        let doc = Array(String(repeating: "Kommunen har fått många frågor om skolan och förskolan under året.\n\n", count: 300).utf8)
        let s = try streamed(doc)
        #expect(s.changes.isEmpty)
        #expect(s.text == doc)
    }

    @Test("a diff of a part starts its line numbers where the part starts")
    func diffLineNumbers() {
        let bytes = Array("Det ar bra.\n".utf8)
        let result = Repairer.shared.repair(text: bytes, mode: .on)
        #expect(RepairDiff.lines(bytes: bytes, result: result, firstLine: 41).hasPrefix("@@ line 42\n- Det [ar] bra."))
        #expect(RepairDiff.header(path: "-", changes: nil) == "--- -\n+++ - (repaired)\n")
    }
}
