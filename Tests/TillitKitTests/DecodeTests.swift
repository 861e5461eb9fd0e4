import Foundation
import Testing
@testable import TillitKit

@Suite("Decode: bytes become normalised UTF-8 text")
struct DecodeTests {
    @Test("a UTF-8 byte order mark is skipped and offsets still point into the file")
    func bomIsSkipped() throws {
        let d = try TextDecoder.decode([0xEF, 0xBB, 0xBF] + Array("Tillit är vägen fram".utf8), name: "t")
        #expect(d.string == "Tillit är vägen fram")
        #expect(d.originalOffset(0) == 3)
    }

    @Test("Latin-1 / Windows-1252 bytes are decoded, not rejected")
    func latin1IsDecoded() throws {
        // "Tillit är vägen fram för en modern organisation" in Latin-1, with a Windows-1252 en dash
        let bytes: [UInt8] = Array("Tillit ".utf8) + [0xE4, 0x72] + Array(" v".utf8) + [0xE4] + Array("gen fram f".utf8) + [0xF6, 0x72, 0x20, 0x96]
        let d = try TextDecoder.decode(bytes, name: "t")
        #expect(d.encoding == .windows1252)
        #expect(d.string == "Tillit är vägen fram för –")
        // "för" starts at byte 21 of the Latin-1 file; in UTF-8 it moved to byte 23
        let target = Array("för".utf8)
        let forStart = (0..<d.bytes.count - 3).first { Array(d.bytes[$0..<$0 + 4]) == target }!
        #expect(forStart == 23)
        #expect(d.originalOffset(forStart) == 21)
    }

    @Test("a UTF-8 text with a few stray Windows-1252 bytes keeps its UTF-8 letters; only the stray bytes are read as Windows-1252, and offsets point into the file")
    func strayBytesInUTF8() throws {
        // "Kommunfullmäktige styr vården på ön – för tillit" in UTF-8, its dash (96) and one ö (F6) in Windows-1252
        let bytes: [UInt8] = Array("Kommunfullmäktige styr vården på ön ".utf8) + [0x96] + Array(" f".utf8) + [0xF6] + Array("r tillit".utf8)
        let d = try TextDecoder.decode(bytes, name: "t")
        #expect(d.encoding == .utf8WithWindows1252)
        #expect(d.strayBytes == 2)
        #expect(d.string == "Kommunfullmäktige styr vården på ön – för tillit")
        // "tillit" is the last 6 bytes of the file and of the decoded text
        #expect(d.originalOffset(d.bytes.count - 6) == bytes.count - 6)
        #expect(d.originalOffset(d.bytes.count) == bytes.count)
        // the en dash is 3 bytes in UTF-8 and maps back to its one byte
        let dash = Array("–".utf8)
        let at = (0..<d.bytes.count - 2).first { Array(d.bytes[$0..<$0 + 3]) == dash }!
        #expect(d.originalOffset(at) == 40 && d.originalOffset(at + 3) == 41)
        // a Windows-1252 text (no valid UTF-8 pair) is still read wholly as Windows-1252
        #expect(try TextDecoder.decode(Array("Tillit ".utf8) + [0xE4, 0x72, 0x20, 0x96], name: "t").encoding == .windows1252)
    }

    @Test("a large UTF-8 file with a stray byte in its first part is read as UTF-8 in every part, and its character offsets count the stray byte as one character")
    func strayByteInLargeFile() throws {
        var bytes = Array("Sidfot ".utf8) + [0x96] + Array(" sida 1\n\n".utf8)
        bytes += Array(String(repeating: "Kommunen ska följa upp målen och ge professionerna tillit.\n\n", count: 9_000).utf8)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-stray-\(UUID().uuidString).txt").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DocumentStream(paths: [path], partSize: 100_000)
        stream.countScalars = true
        var units: [UnitScore] = []
        var encodings: [SourceEncoding] = []
        var options = ScoreOptions(repair: .off)
        options.texts = true
        options.charOffsets = true
        _ = BatchRunner(analyzer: Analyzer(options: options), jobs: 1, batchBytes: 64 << 10)
            .run(stream, emit: { d, _ in units += d.units; encodings.append(d.encoding) }, failure: { Issue.record("\($0)") })
        #expect(encodings.count > 4 && encodings.allSatisfy { $0 == .utf8WithWindows1252 })   // the document's, from its first part
        // its later parts are not forced to Windows-1252, and read as UTF-8
        let again = DocumentStream(paths: [path], partSize: 100_000)
        var later: [SourceEncoding] = []
        while let item = again.next() {
            guard case .part(let p) = item else { Issue.record("unexpected failure"); continue }
            #expect(!p.forceWindows1252)
            if p.part > 0 { later.append(try TextDecoder.decode(p.bytes, name: path).encoding) }
        }
        #expect(later.count > 3 && later.allSatisfy { $0 == .utf8 })
        let text = Array(String(decoding: Windows1252.transcodeStray(bytes).bytes, as: UTF8.self).unicodeScalars)
        var wrong = 0
        for u in units where u.text != nil {
            let slice = String(String.UnicodeScalarView(text[u.charOffset..<(u.charOffset + u.charLength)]))
            if slice != u.text { wrong += 1 }
        }
        #expect(units.count > 9_000 && wrong == 0)
    }

    @Test("NFD å/ä/ö fold to the precomposed letters")
    func nfdFolds() throws {
        let d = try TextDecoder.decode(Array("va\u{0308}gen fra\u{030A}n o\u{0308}ka".utf8), name: "t")
        #expect(d.foldedNFD)
        #expect(d.bytes == Array("vägen från öka".utf8))
        #expect(d.originalOffset(3) == 4)
    }

    @Test("PDF leftovers inside words (soft hyphen, zero-width space, ﬁ ligature) do not split them, and hits point at the file")
    func pdfLeftoversDoNotSplitWords() throws {
        // seed 000's K example, as PDF text extraction leaves it
        let clean = "Samtidigt med denna ambition ser vi fortsatt detaljstyrning och kontroll av medarbetare i organisationen, utan ﬁnansiering."
        let pdf = clean.replacingOccurrences(of: "detaljstyrning", with: "detalj\u{00AD}styrning")
            .replacingOccurrences(of: "kontroll", with: "kon\u{200B}troll")
        let d = try TextDecoder.decode(Array(pdf.utf8), name: "t")
        #expect(d.string == clean.replacingOccurrences(of: "ﬁ", with: "fi"))
        let analyzer = Analyzer(options: ScoreOptions(unit: .document, evidence: true))
        let score = try analyzer.score(text: pdf)
        let reference = try analyzer.score(text: clean)
        #expect(score.units[0].hits.map(\.pattern) == reference.units[0].hits.map(\.pattern))
        #expect(score.units[0].hits.count == 2)
        let file = Array(pdf.utf8)
        for h in score.units[0].hits {
            let original = String(decoding: file[h.offset..<(h.offset + h.length)], as: UTF8.self)
            #expect(original.replacingOccurrences(of: "\u{00AD}", with: "").replacingOccurrences(of: "\u{200B}", with: "") == h.surface)
        }
        // Windows-1252 has its soft hyphen at AD
        let latin: [UInt8] = Array("detalj".utf8) + [0xAD] + Array("styrning".utf8)
        #expect(try TextDecoder.decode(latin, name: "t").string == "detaljstyrning")
    }

    @Test("NUL bytes mean binary data")
    func binaryIsRejected() {
        #expect(throws: TillitError.binaryData(path: "x.bin")) { try TextDecoder.decode([0x50, 0x4B, 0x03, 0x04, 0x00, 0x00, 0x41], name: "x.bin") }
    }

    @Test("an empty or whitespace-only input is reported as empty")
    func emptyIsRejected() {
        #expect(throws: TillitError.emptyInput(path: "e")) { try TextDecoder.decode([], name: "e") }
        #expect(throws: TillitError.emptyInput(path: "e")) { try TextDecoder.decode(Array(" \n\r\n\t".utf8), name: "e") }
    }

    @Test("UTF-8 validation rejects overlongs and stray continuation bytes")
    func strictUTF8() {
        #expect(TextDecoder.isValidUTF8(Array("på riktigt".utf8)))
        #expect(!TextDecoder.isValidUTF8([0xC0, 0xAF]))
        #expect(!TextDecoder.isValidUTF8([0x61, 0x80]))
        #expect(!TextDecoder.isValidUTF8([0xED, 0xA0, 0x80]))
    }

    @Test("the one-pass validator agrees with the standard library's on 20,000 mutated Swedish strings")
    func validatorAgreesWithStandardLibrary() {
        var rng = SystemRandomNumberGenerator()
        let base = Array("Tillitsbaserad styrning – öka handlingsutrymmet i välfärden, på riktigt… 😀 €".utf8)
        let odd: [UInt8] = [0x80, 0xBF, 0xC0, 0xC1, 0xC2, 0xC3, 0xE0, 0xED, 0xEF, 0xF0, 0xF4, 0xF5, 0xFF, 0xA0, 0x9F, 0x90, 0x8F]
        for _ in 0..<20_000 {
            var b = base
            for _ in 0..<Int.random(in: 0...3, using: &rng) {
                b[Int.random(in: 0..<b.count, using: &rng)] = odd.randomElement(using: &rng)!
            }
            b = Array(b[Int.random(in: 0..<8, using: &rng)..<b.count - Int.random(in: 0..<8, using: &rng)])
            #expect(TextDecoder.isValidUTF8(b) == (String(validating: b, as: UTF8.self) != nil), "\(b)")
        }
    }

    @Test("the whole-file binary check counts control bytes as the decoder does, a NUL anywhere included, on 20,000 mutated texts")
    func controlCountAgreesWithInspect() {
        var rng = SystemRandomNumberGenerator()
        let base = Array("Styrning\tbygger på tillit.\r\nMedarbetarna får handlingsutrymme – och ansvar.\u{0C}\n".utf8)
        let odd: [UInt8] = [0x00, 0x01, 0x07, 0x08, 0x09, 0x0A, 0x0B, 0x0D, 0x0E, 0x1B, 0x1F, 0x20, 0x7F, 0x80, 0xC3, 0xFF]
        for _ in 0..<20_000 {
            var b = base
            for _ in 0..<Int.random(in: 0...4, using: &rng) {
                b[Int.random(in: 0..<b.count, using: &rng)] = odd.randomElement(using: &rng)!
            }
            b = Array(b[Int.random(in: 0..<9, using: &rng)..<b.count - Int.random(in: 0..<9, using: &rng)])
            let fast = b.withUnsafeBufferPointer { TextDecoder.controlBytes($0) }
            let full = b.withUnsafeBufferPointer { TextDecoder.inspect($0, from: 0).control }
            #expect(fast == full, "\(b)")
        }
        #expect([UInt8](repeating: 0x41, count: 40).withUnsafeBufferPointer { TextDecoder.controlBytes($0) } == 0)
        #expect(Array("abcdefgh\u{01}ijklmno\u{00}p\u{02}".utf8).withUnsafeBufferPointer { TextDecoder.controlBytes($0) } == 1_000_001)
    }
}

@Suite("Large files in parts")
struct LargeFileTests {
    @Test("a large file is cut at its last blank line in the upper half of a part, as a byte-by-byte search finds it")
    func cutAtLastBlankLine() {
        var rng = SystemRandomNumberGenerator()
        let alphabet: [UInt8] = Array("aaaaaaaaaaaaaaaaaaaaåäö  \n".utf8)
        for _ in 0..<300 {
            let n = Int.random(in: 40...400, using: &rng)
            let b = (0..<n).map { _ in alphabet.randomElement(using: &rng)! }
            let limit = Int.random(in: 20..<n, using: &rng)
            var expected: Int? = nil
            var i = limit - 1
            while i > limit / 2 { if b[i] == 0x0A && b[i - 1] == 0x0A { expected = i + 1; break }; i -= 1 }
            let cut = DocumentStream.cutPoint(b, limit: limit)
            if let e = expected { #expect(cut == e) } else { #expect(cut <= limit && cut > 0) }
        }
    }

    @Test("a UTF-8 file cut into parts is read as UTF-8 in every part, whatever falls on the cut")
    func partsStayUTF8() throws {
        // a 3-byte "…" starting at byte 65,531 straddles the end of the 64 KiB encoding check
        let line = "x" + String(repeating: "ä", count: 32_765) + "…" + String(repeating: "ö", count: 40_000) + "\n\n"
        let text = String(repeating: line, count: 12)
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-utf8-\(UUID().uuidString).txt").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        let stream = DocumentStream(paths: [path], partSize: 100_000)
        var parts = 0
        while let item = stream.next() {
            guard case .part(let p) = item else { Issue.record("unexpected failure"); continue }
            #expect(!p.forceWindows1252)
            let d = try TextDecoder.decode(p.bytes, name: path)
            #expect(d.encoding == .utf8)
            parts += 1
        }
        #expect(parts > 5)
    }

    @Test("a file found binary late (a NUL at 900 KB) is skipped before any of its parts is given out")
    func lateBinaryIsSkippedBeforeOutput() throws {
        var bytes = Array(String(repeating: "Kommunen ska följa upp målen och kontrollera verksamheten.\n\n", count: 16_000).utf8.prefix(900_000))
        bytes += [0] + Array("slut\n".utf8)
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-late-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let late = dir + "/late.txt", good = dir + "/good.txt"
        try Data(bytes).write(to: URL(fileURLWithPath: late))
        try Data("Kommunen ska följa upp målen.\n".utf8).write(to: URL(fileURLWithPath: good))
        let stream = DocumentStream(paths: [late, good])
        var items: [String] = []
        while let item = stream.next() {
            switch item {
            case .part(let p): items.append("part \(p.id == late ? "late" : "good") \(p.part)")
            case .failure(let e): items.append(e == .binaryData(path: late) ? "binary late" : "other failure \(e)")
            }
        }
        #expect(items == ["binary late", "part good 0"])
        // and through the runner: no row of late.txt, one failure, good.txt still scored
        var ids: [String] = []
        var failures: [TillitError] = []
        _ = BatchRunner(analyzer: Analyzer(options: ScoreOptions(repair: .off)), jobs: 2, batchBytes: 64 << 10)
            .run(DocumentStream(paths: [late, good]), emit: { d, _ in ids.append(d.id) }, failure: { failures.append($0) })
        #expect(ids == [good])
        #expect(failures == [.binaryData(path: late)])
    }

    @Test("a large text file whose later part alone looks binary is still scored in every part (decided for the whole file)")
    func partThatLooksBinaryInTextFileIsScored() throws {
        // 60 bell bytes in a 2 KB stretch: over 1% of its 4 KB part, far under 1% of the file
        let para = String(repeating: "Kommunen ska följa upp målen och kontrollera verksamheten.\n\n", count: 3_000)
        let bell = String(repeating: "\u{07}", count: 60) + String(repeating: "ord ", count: 500) + "\n\n"
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-bell-\(UUID().uuidString).txt").path
        try Data((para + bell).utf8).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        var parts = 0
        var failures: [TillitError] = []
        _ = BatchRunner(analyzer: Analyzer(options: ScoreOptions(repair: .off)), jobs: 1, batchBytes: 64 << 10)
            .run(DocumentStream(paths: [path], partSize: 4096), emit: { _, _ in parts += 1 }, failure: { failures.append($0) })
        #expect(failures.isEmpty)
        #expect(parts > 40)
    }
}
