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
}
