/// Windows-1252 (a superset of ISO-8859-1 / Latin-1) to UTF-8 transcoding.
enum Windows1252 {
    /// Unicode scalars for bytes 0x80–0x9F; 0 marks the five undefined bytes, which map to U+FFFD.
    static let high: [UInt32] = [
        0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
        0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
    ]

    /// Transcodes every byte to UTF-8 and returns the new bytes with a map from each output
    /// byte to its source byte (count = output count + 1). O(n).
    static func transcode(_ s: [UInt8]) -> ([UInt8], [Int32]) {
        var out: [UInt8] = []
        out.reserveCapacity(s.count + s.count / 8)
        var map: [Int32] = []
        map.reserveCapacity(s.count + s.count / 8 + 1)
        for (i, b) in s.enumerated() {
            let scalar: UInt32 = b < 0x80 ? UInt32(b) : (b < 0xA0 ? (high[Int(b - 0x80)] == 0 ? 0xFFFD : high[Int(b - 0x80)]) : UInt32(b))
            let before = out.count
            if scalar < 0x80 {
                out.append(UInt8(scalar))
            } else if scalar < 0x800 {
                out.append(UInt8(0xC0 | (scalar >> 6))); out.append(UInt8(0x80 | (scalar & 0x3F)))
            } else {
                out.append(UInt8(0xE0 | (scalar >> 12))); out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F))); out.append(UInt8(0x80 | (scalar & 0x3F)))
            }
            for _ in before..<out.count { map.append(Int32(i)) }
        }
        map.append(Int32(s.count))
        return (out, map)
    }

    /// Valid multi-byte UTF-8 sequences and bytes that start none, in one pass. O(n).
    static func census(_ s: [UInt8]) -> (multibyte: Int, stray: Int) {
        s.withUnsafeBufferPointer { p in
            var multibyte = 0, stray = 0, i = 0
            while i < p.count {
                if p[i] < 0x80 { i += 1; continue }
                let l = TextDecoder.validSequenceLength(p, i)
                if l == 0 { stray += 1; i += 1 } else { multibyte += 1; i += l }
            }
            return (multibyte, stray)
        }
    }

    /// Unicode scalars of `p[from..<to]` as `transcodeStray` reads them: a valid UTF-8
    /// sequence is one, a byte that starts none is one; and the index the walk ended at (past
    /// `to` when a sequence straddles it). O(to − from).
    static func scalarCount(_ p: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> (scalars: Int, end: Int) {
        var n = 0, i = from
        while i < to { i += max(TextDecoder.validSequenceLength(p, i), 1); n += 1 }
        return (n, i)
    }

    /// `bytes` as text: UTF-8 as it is, or, when some bytes start no valid UTF-8 sequence, those
    /// read as Windows-1252 one by one (`transcodeStray`, not U+FFFD); and whether any did.
    /// Cost: one check of a name's or field's bytes, none past a first scan for ASCII.
    static func text(_ bytes: UnsafeBufferPointer<UInt8>) -> (text: String, stray: Bool) {
        if !bytes.contains(where: { $0 >= 0x80 }) || TextDecoder.inspect(bytes, from: 0).validUTF8 { return (String(decoding: bytes, as: UTF8.self), false) }
        return (String(decoding: transcodeStray(Array(bytes)).bytes, as: UTF8.self), true)
    }

    /// UTF-8 with stray bytes to UTF-8: valid sequences are kept as they are, each byte that
    /// starts none is read as Windows-1252. Returns the new bytes, a map from each output
    /// byte to its source byte (count = output count + 1) and the number of stray bytes. O(n).
    static func transcodeStray(_ s: [UInt8]) -> (bytes: [UInt8], map: [Int32], stray: Int) {
        var out: [UInt8] = []
        out.reserveCapacity(s.count + 16)
        var map: [Int32] = []
        map.reserveCapacity(s.count + 17)
        var stray = 0
        s.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count {
                let l = TextDecoder.validSequenceLength(p, i)
                if l > 0 {
                    for k in 0..<l { out.append(p[i + k]); map.append(Int32(i + k)) }
                    i += l
                    continue
                }
                stray += 1
                let b = p[i]
                let scalar: UInt32 = b < 0xA0 ? (high[Int(b - 0x80)] == 0 ? 0xFFFD : high[Int(b - 0x80)]) : UInt32(b)
                if scalar < 0x800 {
                    out.append(UInt8(0xC0 | (scalar >> 6))); out.append(UInt8(0x80 | (scalar & 0x3F)))
                    map.append(Int32(i)); map.append(Int32(i))
                } else {
                    out.append(UInt8(0xE0 | (scalar >> 12))); out.append(UInt8(0x80 | ((scalar >> 6) & 0x3F))); out.append(UInt8(0x80 | (scalar & 0x3F)))
                    map.append(Int32(i)); map.append(Int32(i)); map.append(Int32(i))
                }
                i += 1
            }
        }
        map.append(Int32(s.count))
        return (out, map, stray)
    }
}
