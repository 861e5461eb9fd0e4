/// A bit filter of byte keys in front of a `ByteTable`: two bits per key, taken from the
/// key's `ByteTable.hash` (above the bits the table's slots use). A key whose bits are not
/// both set is certainly not in the table; anything else may be and is probed.
///
/// Meant for probes that mostly miss, such as every ending of a word tried in turn: a miss
/// then costs a test of two bits in a small array that stays in cache, not a probe of a large
/// table that waits on memory. With 2^19 bits (64 KiB) and 40,000 keys, about one probe in
/// 70 of keys not added passes. Cost: the hash and two bit tests.
public struct HashFilter: Sendable {
    private var bits: [UInt64]
    private let shift: UInt64

    /// An empty filter of 2^`log2Bits` bits (clamped to 2^10…2^30).
    public init(log2Bits: Int) {
        let k = min(max(log2Bits, 10), 30)
        bits = [UInt64](repeating: 0, count: (1 << k) / 64)
        shift = UInt64(64 - k)
    }

    /// The two bit positions of hash `h`: its top bits, and the bits below those.
    @inline(__always)
    func positions(_ h: UInt64) -> (Int, Int) {
        (Int(truncatingIfNeeded: h >> shift), Int(truncatingIfNeeded: (h << 20) >> shift))
    }

    /// Adds the `len` bytes at `p`.
    public mutating func add(_ p: UnsafePointer<UInt8>, _ len: Int) {
        let (a, b) = positions(ByteTable.hash(p, len))
        bits[a >> 6] |= 1 &<< UInt64(a & 63)
        bits[b >> 6] |= 1 &<< UInt64(b & 63)
    }

    /// False when the key of hash `h` (`ByteTable.hash`) was certainly never added.
    @inline(__always)
    public func mayContain(hash h: UInt64) -> Bool {
        let (a, b) = positions(h)
        return bits.withUnsafeBufferPointer { w in
            (w[a >> 6] >> UInt64(a & 63)) & (w[b >> 6] >> UInt64(b & 63)) & 1 != 0
        }
    }

    /// False when the `len` bytes at `p` were certainly never added.
    @inline(__always)
    public func mayContain(_ p: UnsafePointer<UInt8>, _ len: Int) -> Bool {
        mayContain(hash: ByteTable.hash(p, len))
    }
}
