/// Joins words split by an end-of-line hyphen (`för-\nvaltning` → one token) in a token
/// array, in place. The hyphen is kept before `och`, `eller`, `samt`, `respektive`
/// (`för- och nackdelar`) and when the next word starts with a capital. O(tokens).
public enum HyphenJoiner {
    /// Merges `word "-" <line break> word` triples in `tokens[from...]`.
    @inlinable
    public static func join(_ p: UnsafeBufferPointer<UInt8>, _ tokens: inout [Token], from: Int = 0) {
        let n = tokens.count
        guard from + 2 < n, mayJoin(p, Int(tokens[from].start), Int(tokens[n - 1].end)) else { return }
        // read-only search for the first join: most texts have none, and then nothing is written
        var first = -1
        tokens.withUnsafeBufferPointer { ts in
            var r = from
            while r + 2 < n {
                if joins(p, ts, r) { first = r; return }
                r += 1
            }
        }
        guard first >= 0 else { return }
        var r = first
        var w = first
        while r < n {
            let t = tokens[r]
            if r + 2 < n && tokens.withUnsafeBufferPointer({ joins(p, $0, r) }) {
                tokens[w] = Token(start: Int(t.start), end: Int(tokens[r + 2].end), kind: .word, joined: true)
                w += 1
                r += 3
                continue
            }
            tokens[w] = t
            w += 1
            r += 1
        }
        tokens.removeLast(n - w)
    }

    /// A cheap byte-level pre-check: is there any `-` in `p[s..<e]` followed by whitespace up
    /// to a line feed? Uses `memchr`, so text without such a hyphen costs almost nothing.
    @inlinable
    static func mayJoin(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard let base = p.baseAddress, s < e else { return false }
        var q = s
        while q < e, let hit = memchr(base + q, 0x2D, e - q) {
            var k = base.distance(to: hit.assumingMemoryBound(to: UInt8.self)) + 1
            // the blanks `breaksLine` accepts before the line feed (so this never rejects a join it would make)
            while k < e && p[k] != 0x0A && ByteClass.isSpace(p[k]) { k += 1 }
            if k < e && p[k] == 0x0A { return true }
            q = k
        }
        return false
    }

    /// True when `ts[r]`, a hyphen right after it and `ts[r + 2]` on the next line form one word.
    @inlinable @inline(__always)
    static func joins(_ p: UnsafeBufferPointer<UInt8>, _ ts: UnsafeBufferPointer<Token>, _ r: Int) -> Bool {
        let t = ts[r], h = ts[r + 1]
        guard t.kind == .word, h.kind == .punctuation, h.start == t.end, p[Int(h.start)] == 0x2D else { return false }
        let next = ts[r + 2]
        return next.kind == .word && breaksLine(p, Int(h.end), Int(next.start)) && !ByteClass.isUpperAt(p, Int(next.start)) && !isCoordinator(p, next)
    }

    @inlinable
    static func breaksLine(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        guard e > s else { return false }
        var sawNewline = false
        for k in s..<e {
            let b = p[k]
            if b == 0x0A { sawNewline = true } else if !ByteClass.isSpace(b) { return false }
        }
        return sawNewline
    }

    @inlinable
    static func isCoordinator(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Bool {
        let s = Int(t.start)
        switch t.length {
        case 3: return p[s] == 0x6F && p[s + 1] == 0x63 && p[s + 2] == 0x68  // och
        case 4: return p[s] == 0x73 && p[s + 1] == 0x61 && p[s + 2] == 0x6D && p[s + 3] == 0x74  // samt
        case 5: return p[s] == 0x65 && p[s + 1] == 0x6C && p[s + 2] == 0x6C && p[s + 3] == 0x65 && p[s + 4] == 0x72  // eller
        case 10: return p[s] == 0x72 && p[s + 1] == 0x65 && p[s + 2] == 0x73 && p[s + 3] == 0x70  // respektive
        default: return false
        }
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
