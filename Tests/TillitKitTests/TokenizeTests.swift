import Foundation
import Testing
@testable import TillitKit

@Suite("Tokenize and segment: byte ranges over real seed text")
struct TokenizeTests {
    func words(_ s: String) -> [String] {
        let b = Array(s.utf8)
        return Tokenizer.tokenize(b).filter { $0.kind == .word }.map { String(decoding: b[$0.range], as: UTF8.self) }
    }

    @Test("every token's offsets map back to the exact original bytes of seed 000")
    func offsetsRoundTrip() {
        let b = Fixtures.bytes("000_810f52e9195261e7.txt")
        let toks = Tokenizer.tokenize(b)
        #expect(toks.count > 400)
        var last = 0
        for t in toks {
            #expect(Int(t.start) >= last)
            last = Int(t.end)
            #expect(!b[t.range].contains(0x20))
        }
        let rebuilt = toks.map { String(decoding: b[$0.range], as: UTF8.self) }.joined()
        let expected = String(decoding: b, as: UTF8.self).unicodeScalars.filter { !$0.properties.isWhitespace }
        #expect(rebuilt.unicodeScalars.count == expected.count)
    }

    @Test("words keep å/ä/ö and OCR stand-ins; typographic punctuation separates")
    func wordBoundaries() {
        #expect(words("Tillit är vägen fram för en modern organisation!") == ["Tillit", "är", "vägen", "fram", "för", "en", "modern", "organisation"])
        #expect(words("handling &r manga f6r \u{201C}underordnade\u{201D}") == ["handling", "&r", "manga", "f6r", "underordnade"])
        #expect(words("just-in-time") == ["just", "in", "time"])
        #expect(words("2021-03-15 Kommunstyrelsen\u{00A0}beslutar") == ["Kommunstyrelsen", "beslutar"])
    }

    @Test("lowercase keys fold Å, Ä, Ö and É")
    func lowercaseFolds() {
        let b = Array("ÖVERORDNADE Ärendet Åtgärd ÉN".utf8)
        let keys = Tokenizer.tokenize(b).map { String(decoding: TokenKey.lowercased(b, $0), as: UTF8.self) }
        #expect(keys == ["överordnade", "ärendet", "åtgärd", "én"])
    }

    @Test("an end-of-line hyphen joins the word halves, but not before och/eller/samt")
    func hyphenJoins() {
        let b = Array("inom för-\nvaltningen finns för- och\nnackdelar".utf8)
        var toks = Tokenizer.tokenize(b)
        b.withUnsafeBufferPointer { HyphenJoiner.join($0, &toks) }
        let keys = toks.filter { $0.kind == .word }.map { String(decoding: TokenKey.lowercased(b, $0), as: UTF8.self) }
        #expect(keys == ["inom", "förvaltningen", "finns", "för", "och", "nackdelar"])
    }

    @Test("hard-wrapped OCR lines of seed 002 join into one paragraph; title lines stand alone")
    func hardWrappedParagraphs() {
        let b = Fixtures.bytes("002_01034d870a99e8da.txt")
        let segs = Segmenter.segments(b)
        let first = segs[0], second = segs[1]
        #expect(first.kind == .heading)
        #expect(String(decoding: b[first.range], as: UTF8.self) == "Sammanfattning")
        #expect(second.kind == .paragraph)
        let text = String(decoding: b[second.range], as: UTF8.self)
        #expect(text.hasPrefix("I en motion fran Anders Andersson (V)"))
        #expect(text.hasSuffix("stimulera redan pagaende arbete."))
        // the three planning lines are separate short lines
        let lines = segs.map { String(decoding: b[$0.range], as: UTF8.self) }
        #expect(lines.contains("Kommunstyrelsen 2021-04-07"))
        // OCR's "e " bullet starts a list item
        #expect(segs.contains { $0.kind == .listItem && String(decoding: b[$0.range], as: UTF8.self).hasPrefix("[Hir kommer") })
    }

    @Test("CRLF line ends give the same segments as LF, with offsets into the CRLF text")
    func crlfSegments() {
        let lf = Fixtures.text("001_1bb6f32811f21775.txt")
        let crlf = Array(lf.replacingOccurrences(of: "\n", with: "\r\n").utf8)
        let a = Segmenter.segments(Array(lf.utf8)), b = Segmenter.segments(crlf)
        #expect(a.count == b.count && a.count > 10)
        #expect(zip(a, b).allSatisfy { $0.kind == $1.kind })
        let lastText = String(decoding: crlf[b.last!.range], as: UTF8.self)
        #expect(lastText == "Maja Grubelic (Fi)")
    }

    @Test("abbreviations such as bl.a. and t.ex. do not end a sentence")
    func abbreviations() {
        let s = "Frågan har utretts flera gånger, bl.a. genom Tillitsdelegationen. Det gäller t.ex. Malmö. Sedan dess har inget hänt."
        let b = Array(s.utf8)
        let sentences = b.withUnsafeBufferPointer { Segmenter.sentences($0, in: 0..<$0.count) }.map { String(decoding: b[$0], as: UTF8.self) }
        #expect(sentences == ["Frågan har utretts flera gånger, bl.a. genom Tillitsdelegationen.", "Det gäller t.ex. Malmö.", "Sedan dess har inget hänt."])
    }

    @Test("the 8-byte letter-run test agrees with a byte-by-byte count on 50,000 random words")
    func letterRunMatchesBytewise() {
        let alphabet: [UInt8] = Array("aAzZ@[`{09 -&|".utf8) + [0x40, 0x5B, 0x60, 0x7B, 0x7F, 0x00, 0xC3, 0xA5, 0xE2, 0x80, 0xC1, 0xDA, 0xE1, 0xFA]
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in alphabet.randomElement(using: &rng)! }
            let w = bytes.withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
            let expected = bytes.firstIndex { !ByteClass.isASCIILetter($0) } ?? 8
            #expect(Tokenizer.asciiLetterRun(w) == expected, "\(bytes)")
        }
    }


    @Test("lookup keys are the lowercase of every word in seeds 000 and 002, Å/Ä/Ö included")
    func keysAreLowercase() {
        for name in ["000_810f52e9195261e7.txt", "002_01034d870a99e8da.txt"] {
            let bytes = Fixtures.bytes(name)
            let tokens = Tokenizer.tokenize(bytes)
            var upper = 0
            for t in tokens where t.kind == .word && !t.joined && t.length <= TokenKey.capacity {
                let word = String(decoding: bytes[t.range], as: UTF8.self)
                if word != word.lowercased() { upper += 1 }
                #expect(TokenKey.lowercased(bytes, t) == Array(word.lowercased().utf8), "\(word)")
            }
            #expect(upper > 10)
        }
    }


    @Test("a line-end hyphen joins across any whitespace before the line feed, form feed included")
    func hyphenJoinsAcrossPageBreakWhitespace() {
        for gap in ["\n", " \r\n", "\u{0C}\n", "\t \u{0B}\n  "] {
            let bytes = Array("Den tillitsbaserade för-\(gap)valtningen".utf8)
            var toks = Tokenizer.tokenize(bytes)
            bytes.withUnsafeBufferPointer { HyphenJoiner.join($0, &toks) }
            #expect(toks.count == 3, "\(gap.unicodeScalars.map(\.value))")
            #expect(toks.last?.joined == true)
        }
    }

}
