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

    @Test("the raw-word cache tells apart words that share their first or last 8 bytes, and misses long words")
    func rawWordCacheKeys() {
        let text = Array("styrningen styrningar detaljstyrningen regelstyrningen Det det kontrollsystemets_overlong_word padding".utf8)
        let tokens = Tokenizer.tokenize(text).filter { $0.kind == .word }
        var cache = RawWordCache()
        text.withUnsafeBufferPointer { p in
            var stored: [Int32] = []
            for (i, t) in tokens.enumerated() {
                guard let (head, tail) = RawWordCache.words(p, Int(t.start), t.length) else { stored.append(-1); continue }
                #expect(cache.find(head, tail, t.length) == -1)
                cache.store(head, tail, t.length, id: Int32(i))
                stored.append(Int32(i))
            }
            // every word of at most 16 bytes with 8 readable bytes from its start is found with its
            // own id; the 30-byte word and the last word (too near the end of the buffer) are not cached
            let cacheable = tokens.filter { $0.length <= 16 && Int($0.start) + 8 <= text.count }
            #expect(cacheable.count == 8)
            #expect(stored.filter { $0 >= 0 }.count == cacheable.count)
            for (i, t) in tokens.enumerated() where t.length <= 16 && Int(t.start) + 8 <= text.count {
                let (head, tail) = RawWordCache.words(p, Int(t.start), t.length)!
                #expect(cache.find(head, tail, t.length) == Int32(i), "\(String(decoding: p[t.range], as: UTF8.self))")
            }
        }
    }

    @Test("an id set holds exactly its non-negative members, whatever their spread, and never the lexicon's not-found ids")
    func idSetMembership() {
        var rng = SystemRandomNumberGenerator()
        for size in [0, 1, 3, 13, 40, 500] {
            let members = Set((0..<size).map { _ in Int32.random(in: 0..<600_000, using: &rng) })
            let set = IDSet(Array(members) + [-1, -2])
            #expect(set.count == members.count)
            for m in members { #expect(set.contains(m)) }
            for _ in 0..<2000 {
                let x = Int32.random(in: 0..<600_000, using: &rng)
                #expect(set.contains(x) == members.contains(x))
            }
            #expect(!set.contains(-1) && !set.contains(-2))
        }
    }
}
