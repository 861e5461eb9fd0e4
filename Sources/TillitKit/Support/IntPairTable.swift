/// An open-addressing hash table from pairs of `Int32` to `Int32` counts: the context
/// bigrams of the repair model, keyed by (context word id, form id). One multiply per probe,
/// no byte comparison; each slot holds its key and count together, so a probe that finds
/// its pair touches one cache line.
public struct IntPairTable: Sendable {
    /// One slot: the packed pair (`UInt64.max` when empty) and its count.
    @usableFromInline struct Slot: Sendable {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Int32
        @inlinable init(key: UInt64, value: Int32) { self.key = key; self.value = value }
    }
    @usableFromInline var slots: [Slot]
    @usableFromInline var shift: UInt64
    /// Number of pairs.
    public private(set) var count = 0

    /// Creates a table for about `capacity` pairs.
    public init(capacity: Int) {
        var bits: UInt64 = 4
        while (1 << bits) < capacity * 2 { bits += 1 }
        slots = Array(repeating: Slot(key: UInt64.max, value: 0), count: 1 << bits)
        shift = 64 - bits
    }

    @inlinable @inline(__always)
    static func key(_ a: Int32, _ b: Int32) -> UInt64 { UInt64(UInt32(bitPattern: a)) << 32 | UInt64(UInt32(bitPattern: b)) }

    /// The count for (a, b), or 0.
    @inlinable @inline(__always)
    public func count(_ a: Int32, _ b: Int32) -> Int32 {
        let k = IntPairTable.key(a, b)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        return slots.withUnsafeBufferPointer { ss in
            while true {
                let v = ss[s]
                if v.key == k { return v.value }
                if v.key == UInt64.max { return 0 }
                s = (s + 1) & mask
            }
        }
    }

    /// Adds `n` to the count for (a, b). The table grows as needed.
    public mutating func add(_ a: Int32, _ b: Int32, _ n: Int32) {
        if (count + 1) * 2 > slots.count { grow() }
        let k = IntPairTable.key(a, b)
        let mask = slots.count - 1
        var s = Int(truncatingIfNeeded: (k &* 0x9E37_79B9_7F4A_7C15) >> shift)
        while slots[s].key != UInt64.max && slots[s].key != k { s = (s + 1) & mask }
        if slots[s].key == UInt64.max { slots[s].key = k; count += 1 }
        slots[s].value += n
    }

    /// Calls `body` with every pair and its count, in table order. Cost: one pass over the slots.
    public func forEach(_ body: (_ a: Int32, _ b: Int32, _ count: Int32) -> Void) {
        for v in slots where v.key != UInt64.max {
            body(Int32(bitPattern: UInt32(v.key >> 32)), Int32(bitPattern: UInt32(v.key & 0xFFFF_FFFF)), v.value)
        }
    }

    mutating func grow() {
        var bigger = IntPairTable(capacity: slots.count)
        forEach { a, b, n in bigger.add(a, b, n) }
        self = bigger
    }
}
