import Foundation
import Testing
@testable import TillitKit

/// Mutated seed text through the whole pipeline: no crash, and every offset points back at
/// the bytes it claims. Debug builds check every buffer access, so an out-of-bounds read in
/// the byte-level fast paths (8-byte loads, SWAR scans) fails here.
@Suite("Robustness: mutated seed text through the whole pipeline")
struct RobustnessTests {
    static let pieces: [[UInt8]] = [
        Array("-\n".utf8), Array(" - \r\n".utf8), [0xC3], [0xC3, 0xA5], [0xE2, 0x80], [0xE2, 0x80, 0x93], Array("&r".utf8), Array("|".utf8),
        Array("1 ".utf8), Array("\n\n".utf8), [0xCC, 0x88], Array("a\u{0308}".utf8), [0xFF], [0x00], Array("inte ".utf8), Array("£6r ".utf8),
        Array(String(repeating: "kontrollsystemets", count: 5).utf8), Array("\t".utf8), Array("**".utf8), Array("# ".utf8),
    ]

    @Test("400 mutated passages of seeds 000 and 002: evidence surfaces and repair spans match the original bytes")
    func mutatedSeeds() throws {
        let sources = [Fixtures.bytes("000_810f52e9195261e7.txt"), Fixtures.bytes("002_01034d870a99e8da.txt")]
        var rng = SystemRandomNumberGenerator()
        var scored = 0
        for round in 0..<400 {
            let src = sources[round % 2]
            let a = Int.random(in: 0..<(src.count - 10), using: &rng)
            var b = Array(src[a..<min(src.count, a + Int.random(in: 1...600, using: &rng))])
            for _ in 0..<Int.random(in: 0...6, using: &rng) {
                let at = Int.random(in: 0...b.count, using: &rng)
                b.insert(contentsOf: Self.pieces.randomElement(using: &rng)!, at: at)
            }
            let unit: ScoringUnit = [.document, .paragraph, .sentence][round % 3]
            let analyzer = Analyzer(options: ScoreOptions(unit: unit, repair: round % 4 == 0 ? .auto : .on, evidence: true, keepChanges: true))
            var scratch = Analyzer.Scratch()
            let doc: DocumentScore
            do { doc = try analyzer.score(DocumentPart(id: "m\(round)", bytes: b), scratch: &scratch) } catch {
                continue   // empty or binary after mutation: reported, not scored
            }
            scored += 1
            if doc.encoding != .utf8 { continue }   // offsets then point into the Windows-1252 bytes
            for u in doc.units {
                #expect(u.offset >= 0 && u.offset + u.length <= b.count)
                for h in u.hits {
                    #expect(h.offset >= 0 && h.offset + h.length <= b.count)
                    #expect(h.surface == String(decoding: b[h.offset..<h.offset + h.length], as: UTF8.self), "round \(round)")
                }
            }
            for c in doc.changes {
                #expect(c.offset >= 0 && c.offset + c.length <= b.count)
                #expect(c.original == String(decoding: b[c.offset..<c.offset + c.length], as: UTF8.self), "round \(round)")
            }
        }
        #expect(scored > 300)
    }
}
