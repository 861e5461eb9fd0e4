/// Builds the lowercase lookup key of a token into a caller-owned buffer.
public enum TokenKey {
    /// Longest key kept; longer tokens are truncated (they never match a lexicon entry).
    public static let capacity = 96

    /// Writes the lowercased bytes of `token` into `out` (capacity `TokenKey.capacity`) and
    /// returns the key length. Joined tokens skip their hyphen and line break. O(token length).
    @inlinable @inline(__always)
    public static func lowercased(_ p: UnsafeBufferPointer<UInt8>, _ token: Token, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if !token.joined {
            // common case: copy with ASCII A–Z and C3 80–9E folded
            let s = Int(token.start)
            let len = min(Int(token.end) - s, capacity)
            var k = 0
            // ASCII stretches 8 bytes at a time: letters get their 0x20 bit, other bytes stay;
            // bytes written past `len` are scratch (the buffer holds `capacity` bytes)
            let raw = UnsafeRawPointer(p.baseAddress!)
            while k < len && k + 8 <= capacity && s + k + 8 <= p.count {
                let w = raw.loadUnaligned(fromByteOffset: s + k, as: UInt64.self)
                if w & 0x8080_8080_8080_8080 != 0 { break }
                UnsafeMutableRawPointer(out + k).storeBytes(of: w | ByteClass.asciiLetterLanes(w) >> 2, as: UInt64.self)
                k += 8
            }
            if k >= len { return len }
            while k < len {
                let b = p[s + k]
                if b &- 0x41 < 26 { out[k] = b | 0x20 } else if b == 0xC3 && k + 1 < len {
                    out[k] = b
                    let c = p[s + k + 1]
                    out[k + 1] = (c >= 0x80 && c <= 0x9E && c != 0x97) ? c &+ 0x20 : c
                    k += 2
                    continue
                } else { out[k] = b }
                k += 1
            }
            return len
        }
        var n = 0
        var prev: UInt8 = 0
        var i = Int(token.start)
        let e = Int(token.end)
        while i < e && n < capacity {
            let b = p[i]
            if token.joined && (b == 0x2D || ByteClass.isSpace(b)) { i += 1; continue }
            out[n] = ByteClass.lower(b, previous: prev)
            prev = b
            n += 1
            i += 1
        }
        return n
    }

    /// The lowercased key of `token` as a byte array (allocates; not for the hot path).
    public static func lowercased(_ p: UnsafeBufferPointer<UInt8>, _ token: Token) -> [UInt8] {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: capacity) { buf in
            let n = lowercased(p, token, into: buf.baseAddress!)
            return Array(buf[0..<n])
        }
    }

    /// The lowercased key of `token` as a byte array (allocates; not for the hot path).
    public static func lowercased(_ bytes: [UInt8], _ token: Token) -> [UInt8] {
        bytes.withUnsafeBufferPointer { lowercased($0, token) }
    }
}
