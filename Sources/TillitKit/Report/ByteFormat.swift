/// Byte-level formatting for output rows, on a plain array (a local variable costs no
/// exclusivity checks, unlike a class's stored buffer).
extension Array where Element == UInt8 {
    /// The bytes of an ASCII string literal.
    @inline(__always)
    public mutating func append(literal s: StaticString) {
        s.withUTF8Buffer { append(contentsOf: $0) }
    }

    /// A decimal integer.
    public mutating func append(decimal v: Int) {
        if v < 0 { append(0x2D) }
        var m = v.magnitude
        if m < 10 { append(0x30 + UInt8(m)); return }
        let start = count
        while m > 0 { append(0x30 + UInt8(m % 10)); m /= 10 }
        self[start...].reverse()
    }

    /// A number as `JSON.number` writes it: at most 4 decimals, no trailing zeros, integers
    /// without a point, 0 for NaN and infinity.
    public mutating func append(jsonNumber d: Double) {
        guard d.isFinite else { append(0x30); return }
        if d == d.rounded() && abs(d) < 1e15 { append(decimal: Int(d)); return }
        if abs(d) >= 1e14 { append(contentsOf: "\(d)".utf8); return }   // as JSON.number writes it
        let scaled = (d * 10000).rounded()
        if scaled < 0 { append(0x2D) }
        let v = Int(abs(scaled))
        append(decimal: v / 10000)
        var frac = v % 10000
        guard frac != 0 else { return }
        append(0x2E)
        var width = 4
        while frac % 10 == 0 { frac /= 10; width -= 1 }
        var div = 1
        for _ in 1..<width { div *= 10 }
        while div > 0 { append(0x30 + UInt8(frac / div % 10)); div /= 10 }
    }

    /// `s` as a JSON string literal, quotes included (the escapes of `JSON.string`).
    public mutating func append(jsonString s: String) {
        append(0x22)
        for b in s.utf8 {
            switch b {
            case 0x22: append(0x5C); append(0x22)
            case 0x5C: append(0x5C); append(0x5C)
            case 0x0A: append(0x5C); append(0x6E)
            case 0x0D: append(0x5C); append(0x72)
            case 0x09: append(0x5C); append(0x74)
            case 0..<0x20:
                append(literal: "\\u00")
                let hex: StaticString = "0123456789abcdef"
                hex.withUTF8Buffer { h in append(h[Int(b >> 4)]); append(h[Int(b & 15)]) }
            default: append(b)
            }
        }
        append(0x22)
    }
}
