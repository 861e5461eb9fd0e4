/// Small UTF-8 ⇄ scalar-value conversions for the repair model's slow path (no `String`).
enum UTF8Scalars {
    /// The scalar value of the UTF-8 sequence at `p[i]` (of `n` bytes), advancing `i` past it.
    @inline(__always)
    static func next(_ p: UnsafePointer<UInt8>, _ i: inout Int, _ n: Int) -> UInt32 {
        let c = p[i]
        if c < 0x80 { i += 1; return UInt32(c) }
        let len = c < 0xE0 ? 2 : (c < 0xF0 ? 3 : 4)
        var u = UInt32(c & (len == 2 ? 0x1F : (len == 3 ? 0x0F : 0x07)))
        for j in 1..<len where i + j < n { u = u << 6 | UInt32(p[i + j] & 0x3F) }
        i += len
        return u
    }

    /// The scalar values of valid UTF-8 bytes.
    static func decode(_ b: [UInt8]) -> [UInt32] {
        var out: [UInt32] = []
        out.reserveCapacity(b.count)
        b.withUnsafeBufferPointer { p in
            var i = 0
            while i < p.count { out.append(next(p.baseAddress!, &i, p.count)) }
        }
        return out
    }

    /// UTF-8 bytes of scalar values.
    /// Cost: one allocation of 4 bytes a scalar, written in place.
    static func encode(_ s: [UInt32]) -> [UInt8] {
        [UInt8](unsafeUninitializedCapacity: s.count * 4) { out, n in
            var k = 0
            for u in s { k += encode(u, into: out.baseAddress! + k) }
            n = k
        }
    }

    /// Writes the UTF-8 bytes of scalar `u` at `out` (room for 4); returns their count.
    @inline(__always)
    static func encode(_ u: UInt32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        if u < 0x80 { out[0] = UInt8(u); return 1 }
        if u < 0x800 { out[0] = UInt8(0xC0 | (u >> 6)); out[1] = UInt8(0x80 | (u & 0x3F)); return 2 }
        if u < 0x10000 {
            out[0] = UInt8(0xE0 | (u >> 12)); out[1] = UInt8(0x80 | ((u >> 6) & 0x3F)); out[2] = UInt8(0x80 | (u & 0x3F)); return 3
        }
        out[0] = UInt8(0xF0 | (u >> 18)); out[1] = UInt8(0x80 | ((u >> 12) & 0x3F)); out[2] = UInt8(0x80 | ((u >> 6) & 0x3F)); out[3] = UInt8(0x80 | (u & 0x3F))
        return 4
    }
}
