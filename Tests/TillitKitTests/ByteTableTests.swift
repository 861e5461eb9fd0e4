import Testing
import Foundation
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

    @Test("the raw-word cache grows past its first 8,192 slots without losing a word, keeps each word's payload, and after starting over never gives a wrong id")
    func rawWordCacheGrowsAndStartsOver() {
        // distinct 12-byte words: more than the most slots, so the cache starts over
        let n = RawWordCache.maxSlots + 20_000
        let beforeFull = RawWordCache.maxSlots / 2 - 1
        var text: [UInt8] = []
        for i in 0..<n { text.append(contentsOf: Array(String(format: "w%010d ", i).utf8)) }
        var cache = RawWordCache()
        text.withUnsafeBufferPointer { p in
            func key(_ i: Int) -> (UInt64, UInt64) { RawWordCache.words(p, i * 12, 11)! }
            for i in 0..<beforeFull { let (h, t) = key(i); cache.store(h, t, 11, id: Int32(i), payload: UInt64(i) * 3) }
            // before the cache is full every word is there, with its own id and payload
            for i in stride(from: 0, to: beforeFull, by: 7) {
                let (h, t) = key(i)
                let found = cache.lookup(h, t, 11)
                #expect(found.id == Int32(i) && found.payload == UInt64(i) * 3)
            }
            for i in beforeFull..<n { let (h, t) = key(i); cache.store(h, t, 11, id: Int32(i), payload: UInt64(i) * 3) }
            var forgotten = 0
            for i in stride(from: 0, to: n, by: 11) {
                let (h, t) = key(i)
                let found = cache.lookup(h, t, 11)
                if found.id < 0 { forgotten += 1 } else { #expect(found.id == Int32(i) && found.payload == UInt64(i) * 3) }
            }
            // the words stored before the start-over are gone, the later ones are not
            #expect(forgotten > 0)
            let (h, t) = key(n - 1)
            #expect(cache.find(h, t, 11) == Int32(n - 1))
            // storing a word again replaces its id and payload
            cache.store(h, t, 11, id: 5, payload: 9)
            #expect(cache.lookup(h, t, 11) == (5, 9))
        }
    }

    @Test("a hash filter passes every key added and turns away nearly all others")
    func hashFilterHasNoFalseMisses() {
        var filter = HashFilter(log2Bits: 19)
        let added = (0..<40_000).map { Array("ord\($0)".utf8) }
        for k in added { k.withUnsafeBufferPointer { filter.add($0.baseAddress!, $0.count) } }
        for k in added { #expect(k.withUnsafeBufferPointer { filter.mayContain($0.baseAddress!, $0.count) }) }
        var passed = 0
        for i in 0..<40_000 {
            let k = Array("annat\(i)".utf8)
            if k.withUnsafeBufferPointer({ filter.mayContain($0.baseAddress!, $0.count) }) { passed += 1 }
        }
        // two bits per key in 2^19 bits hold 40,000 keys at about 1.4% false passes
        #expect(passed < 1_200, "\(passed) of 40,000 keys not added passed")
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
