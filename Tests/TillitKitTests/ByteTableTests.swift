import Testing
@testable import TillitKit

@Suite("Byte tables: the hash tables of the hot path")
struct ByteTableTests {
    @Test("key equality sees a difference at every position of keys of 0 to 40 bytes")
    func equalityAtEveryPosition() {
        var rng = SystemRandomNumberGenerator()
        for n in 0...40 {
            let a = (0..<n).map { _ in UInt8.random(in: 0...255, using: &rng) }
            a.withUnsafeBufferPointer { pa in
                let same = a
                same.withUnsafeBufferPointer { pb in
                    #expect(ByteTable.equal(pa.baseAddress ?? UnsafePointer(bitPattern: 1)!, pb.baseAddress ?? UnsafePointer(bitPattern: 1)!, n))
                }
                for k in 0..<n {
                    var b = a
                    b[k] ^= UInt8(1 << (k % 8))
                    b.withUnsafeBufferPointer { pb in #expect(!ByteTable.equal(pa.baseAddress!, pb.baseAddress!, n), "n \(n) k \(k)") }
                }
            }
        }
    }

    @Test("every word of seed 000 is found again with its own value, and unknown words are not")
    func findsEveryWord() {
        let bytes = Fixtures.bytes("000_810f52e9195261e7.txt")
        var table = ByteTable(capacity: 16)
        var expected: [[UInt8]: Int32] = [:]
        for t in Tokenizer.tokenize(bytes) where t.kind == .word {
            let key = TokenKey.lowercased(bytes, t)
            if expected[key] == nil { expected[key] = Int32(expected.count); table.set(key, expected[key]!) }
        }
        #expect(expected.count > 200)
        for (key, value) in expected { #expect(table.find(key) == value) }
        #expect(table.find(Array("tillitsbaseradx".utf8)) == nil)
        #expect(table.find(Array("styrnin".utf8)) == nil)
    }
}
