/// Joins words split by an end-of-line hyphen (`för-\nvaltning` → one token) in a token
/// array, in place. The hyphen is kept before `och`, `eller`, `samt`, `respektive`
/// (`för- och nackdelar`) and when the next word starts with a capital. O(tokens).
public enum HyphenJoiner {
    /// Merges `word "-" <line break> word` triples in `tokens[from...]`.
    @inlinable
    public static func join(_ p: UnsafeBufferPointer<UInt8>, _ tokens: inout [Token], from: Int = 0) {
        var r = from
        var w = from
        let n = tokens.count
        while r < n {
            let t = tokens[r]
            if t.kind == .word, r + 2 < n, tokens[r + 1].kind == .punctuation, p[Int(tokens[r + 1].start)] == 0x2D,
               tokens[r + 1].start == t.end, tokens[r + 2].kind == .word,
               breaksLine(p, Int(tokens[r + 1].end), Int(tokens[r + 2].start)),
               !ByteClass.isUpperAt(p, Int(tokens[r + 2].start)), !isCoordinator(p, tokens[r + 2]) {
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
