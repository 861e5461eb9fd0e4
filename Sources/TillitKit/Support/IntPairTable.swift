/// An open-addressing hash table from 64-bit integer keys to `Int32` counts: the context
/// bigrams of the repair model, keyed by (context word id, form id). One multiply per probe,
/// no byte comparison. Keys and counts live in separate arrays: a probe walks the keys
/// alone, so the probed part of a table is half the size (measured: slots holding key and
/// count together made the repairer's context decisions about a third slower, from cache
/// misses).
public struct IntPairTable: Sendable {
    @usableFromInline var keys: [UInt64]
    @usableFromInline var values: [Int32]
    @usableFromInline var shift: UInt64
    /// Number of pairs.
    public private(set) var count = 0

    /// Creates a table for about `capacity` pairs.
    public init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        keys = Array(repeating: UInt64.max, count: 1 << bits)
        values = Array(repeating: 0, count: 1 << bits)
        shift = 64 - bits
    }

    @inlinable @inline(__always)
    static func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }

    /// The count for (a, b), or 0.
    @inlinable @inline(__always)
    public func count(_ a: Int32, _ b: Int32) -> Int32 { value(a, b) ?? 0 }

    /// The value stored for (a, b), or nil when the pair was never added.
    @inlinable @inline(__always)
    public func value(_ a: Int32, _ b: Int32) -> Int32? {
        let k = IntPairTable.key(a, b)
        let mask = keys.count - 1
        var s = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        return keys.withUnsafeBufferPointer { ks in
            while true {
                let v = ks[s]
                if v == k { return values[s] }
                if v == UInt64.max { return nil }
                s = (s + 1) & mask
            }
        }
    }

    /// Adds `n` to the count for (a, b). The table must not fill beyond its capacity.
    public mutating func add(_ a: Int32, _ b: Int32, _ n: Int32) {
        if (count + 1) * 2 > keys.count { grow() }
        let k = IntPairTable.key(a, b)
        let mask = keys.count - 1
        var s = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while keys[s] != UInt64.max && keys[s] != k { s = (s + 1) & mask }
        if keys[s] == UInt64.max { keys[s] = k; count += 1 }
        values[s] += n
    }

    /// Calls `body` with every pair and its count, in table order. Cost: one pass over the slots.
    public func forEach(_ body: (_ a: Int32, _ b: Int32, _ count: Int32) -> Void) {
        for (i, k) in keys.enumerated() where k != UInt64.max {
            body(Int32(bitPattern: UInt32(k >> 32)), Int32(bitPattern: UInt32(k & 0xFFFF_FFFF)), values[i])
        }
    }

    mutating func grow() {
        var bigger = IntPairTable(capacity: keys.count)
        forEach { a, b, n in bigger.add(a, b, n) }
        self = bigger
    }
}
