/// A conservative filter in front of a `ByteTable` probe: which `width` bytes (up to 4,
/// hashed to 16 bits) keys start or end with, and which lengths they have. A key whose pair or length was never added is
/// certainly not in the table; anything else may be and is probed. Used on the first sight
/// of a word type, where the compound-head and prefix tables would otherwise be probed once
/// per possible split.
///
/// 8 KiB of bits for the pairs and one word for the lengths. Cost: one bit test each.
struct BytePairFilter: Sendable {
    private var pairs = [UInt64](repeating: 0, count: 1024)
    private var lengths: UInt64 = 0
    /// False when a key shorter than 2 bytes was added: the pair test then passes everything.
    private var usesPairs = true

    init() {}

    @inline(__always)
    static func lengthBit(_ n: Int) -> UInt64 { 1 &<< UInt64(min(n, 63)) }

    /// Adds a key by its pair `a b` (its first two or last two bytes) and its length.
    mutating func add(_ a: UInt8?, _ b: UInt8, length: Int) {
        lengths |= BytePairFilter.lengthBit(length)
        guard let a else { usesPairs = false; return }
        let i = Int(a) << 8 | Int(b)
        pairs[i >> 6] |= 1 &<< UInt64(i & 63)
    }

    /// The 16-bit index of the last `width` bytes before `end` (as a pair `a b`).
    @inline(__always)
    static func endIndex(_ p: UnsafePointer<UInt8>, _ end: Int, width: Int) -> (UInt8, UInt8) {
        var v: UInt32 = 0
        for i in (end - width)..<end { v = v << 8 | UInt32(p[i]) }
        let h = (v &* 0x9E37_79B1) >> 16
        return (UInt8(truncatingIfNeeded: h >> 8), UInt8(truncatingIfNeeded: h))
    }

    /// Adds `key` by its last `width` bytes (2…4; a shorter key passes everything).
    mutating func addEnd(_ key: [UInt8], width: Int) {
        guard !key.isEmpty else { return }
        guard key.count >= width else { add(nil, 0, length: key.count); return }
        let (a, b) = key.withUnsafeBufferPointer { BytePairFilter.endIndex($0.baseAddress!, key.count, width: width) }
        add(a, b, length: key.count)
    }

    /// False when no key added ends in the last `width` bytes before `end` of `p`.
    @inline(__always)
    func mayEnd(_ p: UnsafePointer<UInt8>, _ end: Int, width: Int) -> Bool {
        guard usesPairs else { return true }
        let (a, b) = BytePairFilter.endIndex(p, end, width: width)
        return mayHave(a, b)
    }

    /// Adds `key` by its first `width` bytes (2…4; a shorter key passes everything).
    mutating func addStart(_ key: [UInt8], width: Int) {
        guard !key.isEmpty else { return }
        guard key.count >= width else { add(nil, 0, length: key.count); return }
        let (a, b) = key.withUnsafeBufferPointer { BytePairFilter.endIndex($0.baseAddress!, width, width: width) }
        add(a, b, length: key.count)
    }

    /// False when no key added starts with the first `width` bytes of `p`.
    @inline(__always)
    func mayStart(_ p: UnsafePointer<UInt8>, width: Int) -> Bool {
        guard usesPairs else { return true }
        let (a, b) = BytePairFilter.endIndex(p, width, width: width)
        return mayHave(a, b)
    }

    /// False when no key added has the pair `a b`.
    @inline(__always)
    func mayHave(_ a: UInt8, _ b: UInt8) -> Bool {
        guard usesPairs else { return true }
        let i = Int(a) << 8 | Int(b)
        return pairs.withUnsafeBufferPointer { $0[i >> 6] } & (1 &<< UInt64(i & 63)) != 0
    }

    /// False when no key added has length `n`.
    @inline(__always)
    func mayHaveLength(_ n: Int) -> Bool { lengths & BytePairFilter.lengthBit(n) != 0 }
}
