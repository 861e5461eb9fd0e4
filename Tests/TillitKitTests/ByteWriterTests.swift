import Foundation
import Testing
@testable import TillitKit

@Suite("Byte formatting: output rows built as bytes read exactly as the JSON helpers write them")
struct ByteWriterTests {
    func bytes(_ body: (inout ByteRow) -> Void) -> String {
        var b = ByteRow(capacity: 16)
        defer { b.deallocate() }
        body(&b)
        return String(decoding: b.bytes, as: UTF8.self)
    }

    @Test("numbers: 20,000 random weights, nets and logits print as JSON.number prints them")
    func numbersMatch() {
        var rng = SystemRandomNumberGenerator()
        let fixed: [Double] = [0, -0.0, 1, -1, 0.5, 0.00004, -0.00004, 0.99996, 2.99995, 1.0001, 12.3456, -7.25, 1e14, .nan, .infinity, 3.14159265, 0.1 + 0.2]
        let random = (0..<20_000).map { _ in Double.random(in: -60...60, using: &rng) * (Bool.random(using: &rng) ? 1 : 0.001) }
        for d in fixed + random {
            #expect(bytes { $0.append(jsonNumber: d) } == JSON.number(d), "\(d)")
        }
    }

    @Test("integers and strings: signs, zero, the extremes, quotes, control bytes and Swedish letters")
    func integersAndStrings() {
        for v in [0, 7, -7, 10, 1_234_567, -1_234_567, Int.max, Int.min] { #expect(bytes { $0.append(decimal: v) } == String(v)) }
        let cases: [(String, String)] = [
            ("", #""""#),
            ("Corpus/003_2057fdc33c0afc19.txt", #""Corpus/003_2057fdc33c0afc19.txt""#),
            ("tab\there \"quoted\" back\\slash", #""tab\there \"quoted\" back\\slash""#),
            ("rad\nbrytning\r", #""rad\nbrytning\r""#),
            ("\u{01}\u{1F}ctl\u{7F}", "\"\\u0001\\u001fctl\u{7F}\""),
            ("Malmö – Åre ☃", #""Malmö – Åre ☃""#),
        ]
        for (s, literal) in cases {
            #expect(bytes { $0.append(jsonString: s) } == literal, "\(s)")
            #expect(JSON.string(s) == literal, "\(s)")
            // and a JSON reader gives back the string itself
            let parsed = try? JSONSerialization.jsonObject(with: Data(("[" + literal + "]").utf8)) as? [String]
            #expect(parsed == [s], "\(s)")
        }
    }

    @Test("a row grows past its first storage and keeps every byte, and starts empty again after removeAll")
    func rowGrows() {
        var row = ByteRow(capacity: 16)
        defer { row.deallocate() }
        var expected = ""
        for i in 0..<500 {
            row.append(literal: "{\"i\":"); row.append(decimal: i); row.append(literal: ",\"s\":"); row.append(jsonString: "rad \(i)\n")
            row.append(0x7D)
            expected += "{\"i\":\(i),\"s\":" + JSON.string("rad \(i)\n") + "}"
        }
        #expect(row.capacity >= row.count)
        #expect(String(decoding: row.bytes, as: UTF8.self) == expected)
        row.removeAll()
        row.append(utf8: "Åre")
        #expect(row.array == Array("Åre".utf8))
    }

}
