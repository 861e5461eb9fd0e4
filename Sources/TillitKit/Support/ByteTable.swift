/// An open-addressing hash table from byte strings to `Int32` values, with keys stored in
/// one flat arena. Lookups hash the bytes in place: no `String`, no allocation.
///
/// Cost: O(key length) per lookup or insert; memory ≈ key bytes + 16 bytes per entry.
public struct ByteTable: Sendable {
    @usableFromInline var arena: [UInt8] = []
    /// Arena offset one past each key's end (keys are stored back to back, so key i spans
    /// `keyEnd[i - 1] ..< keyEnd[i]`, with 0 before the first).
    @usableFromInline var keyEnd: [UInt32] = []
    @usableFromInline var values: [Int32] = []
    @usableFromInline var slots: [Int32]
    @usableFromInline var mask: Int
    /// When true, every key's value is its insertion index and no value array is kept.
    @usableFromInline let identityValues: Bool
    /// Most keys per 100 slots before the table grows.
    let maxLoadPercent: Int

    /// Creates an empty table sized for about `capacity` keys. With `identityValues`, `set`
    /// must insert keys with values 0, 1, 2, … in order (the insertion index), which costs no
    /// memory per key. `maxLoadPercent` (default 50) trades memory for probe length: large
    /// tables probed once per word type rather than per token use up to 90.
    public init(capacity: Int = 1024, identityValues: Bool = false, maxLoadPercent: Int = 50) {
        self.identityValues = identityValues
        self.maxLoadPercent = min(max(maxLoadPercent, 10), 90)
        var size = 16
        while size * self.maxLoadPercent < capacity * 100 { size <<= 1 }
        slots = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// Reserves room for `keys` keys of `keyBytes` bytes in all, so loading a large table
    /// does not leave doubling slack behind.
    public mutating func reserve(keys: Int, keyBytes: Int) {
        arena.reserveCapacity(keyBytes)
        keyEnd.reserveCapacity(keys)
        if !identityValues { values.reserveCapacity(keys) }
    }

    /// Number of keys.
    @inlinable public var count: Int { keyEnd.count }

    /// Bytes held by the table (arena and index), for memory accounting.
    public var memoryBytes: Int { arena.count + slots.count * 4 + keyEnd.count * 4 + values.count * 4 }

    /// 64-bit hash of `len` bytes at `p`: 8-byte words, overlapping loads for the tail.
    @inlinable @inline(__always)
    public static func hash(_ p: UnsafePointer<UInt8>, _ len: Int) -> UInt64 {
        let raw = UnsafeRawPointer(p)
        var h: UInt64 = 0x9E37_79B9_7F4A_7C15 &* UInt64(len &+ 1)
        if len >= 8 {
            var i = 0
            while i + 8 <= len {
                h = (h ^ raw.loadUnaligned(fromByteOffset: i, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9
                h ^= h >> 31
                i += 8
            }
            if i < len { h = (h ^ raw.loadUnaligned(fromByteOffset: len - 8, as: UInt64.self)) &* 0xBF58_476D_1CE4_E5B9 }
        } else if len >= 4 {
            let a = UInt64(raw.loadUnaligned(fromByteOffset: 0, as: UInt32.self))
            let b = UInt64(raw.loadUnaligned(fromByteOffset: len - 4, as: UInt32.self))
            h = (h ^ (a << 32 | b)) &* 0xBF58_476D_1CE4_E5B9
        } else if len > 0 {
            let v = UInt64(p[0]) << 16 | UInt64(p[len >> 1]) << 8 | UInt64(p[len - 1])
            h = (h ^ v) &* 0xBF58_476D_1CE4_E5B9
        }
        h ^= h >> 29
        h = h &* 0x94D0_49BB_1331_11EB
        h ^= h >> 32
        return h
    }

    /// Where key `i` starts in the arena (keys are stored back to back).
    @inlinable @inline(__always)
    static func keyStart(_ i: Int, _ ends: UnsafeBufferPointer<UInt32>) -> Int { i == 0 ? 0 : Int(ends[i - 1]) }

    /// Arena range of key `i`.
    @inlinable
    func keyRange(_ i: Int) -> Range<Int> {
        keyEnd.withUnsafeBufferPointer { ByteTable.keyStart(i, $0)..<Int($0[i]) }
    }

    /// The value stored for the key, or nil.
    @inlinable
    public func find(_ p: UnsafePointer<UInt8>, _ len: Int) -> Int32? {
        find(p, len, hash: ByteTable.hash(p, len))
    }

    /// The value stored for the key whose `ByteTable.hash` is `h`, or nil (for a caller that
    /// hashed the key already, as a `HashFilter` test does).
    @inlinable
    public func find(_ p: UnsafePointer<UInt8>, _ len: Int, hash h: UInt64) -> Int32? {
        var s = Int(truncatingIfNeeded: h) & mask
        return slots.withUnsafeBufferPointer { sl in
            arena.withUnsafeBufferPointer { ar in
                keyEnd.withUnsafeBufferPointer { ke in
                    while true {
                        let e = Int(sl[s])
                        if e == 0 { return nil }
                        let idx = e - 1
                        let start = ByteTable.keyStart(idx, ke)
                        if Int(ke[idx]) - start == len && (len == 0 || ByteTable.equal(ar.baseAddress! + start, p, len)) { return identityValues ? Int32(idx) : values[idx] }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// Byte equality of `n` bytes without a loop for keys up to 16 bytes: two overlapping
    /// loads from each side (8-, 4- or 1-byte), never reading outside the `n` bytes.
    @inlinable @inline(__always)
    static func equal(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
        if n >= 8 {
            if n > 16 { return memcmp(a, b, n) == 0 }
            return (ra.loadUnaligned(as: UInt64.self) ^ rb.loadUnaligned(as: UInt64.self))
                | (ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) ^ rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)) == 0
        }
        if n >= 4 {
            return (ra.loadUnaligned(as: UInt32.self) ^ rb.loadUnaligned(as: UInt32.self))
                | (ra.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) ^ rb.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)) == 0
        }
        if n == 0 { return true }
        return (a[0] ^ b[0]) | (a[n >> 1] ^ b[n >> 1]) | (a[n - 1] ^ b[n - 1]) == 0
    }

    /// The value stored for `key`, or nil.
    public func find(_ key: [UInt8]) -> Int32? {
        key.withUnsafeBufferPointer { find($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count) }
    }

    /// Inserts or replaces the value for the key. Keys longer than 65,535 bytes are ignored.
    public mutating func set(_ p: UnsafePointer<UInt8>, _ len: Int, _ value: Int32) {
        guard len <= Int(UInt16.max) else { return }
        if (keyEnd.count + 1) * 100 > slots.count * maxLoadPercent { grow() }
        var s = Int(truncatingIfNeeded: ByteTable.hash(p, len)) & mask
        while true {
            let e = Int(slots[s])
            if e == 0 { break }
            let idx = e - 1
            let r = keyRange(idx)
            if r.count == len && arena.withUnsafeBufferPointer({ len == 0 || memcmp($0.baseAddress! + r.lowerBound, p, len) == 0 }) {
                if !identityValues { values[idx] = value }
                return
            }
            s = (s + 1) & mask
        }
        store(p, len, value, slot: s)
    }

    /// Appends a new key and its value and points the empty slot `s` at it.
    mutating func store(_ p: UnsafePointer<UInt8>, _ len: Int, _ value: Int32, slot s: Int) {
        arena.append(contentsOf: UnsafeBufferPointer(start: p, count: len))
        keyEnd.append(UInt32(arena.count))
        if !identityValues { values.append(value) }
        slots[s] = Int32(keyEnd.count)
    }

    /// Appends a key the caller knows is not in the table yet (no equality checks while
    /// probing, so bulk loading a dense table stays fast). A duplicate would get a second
    /// entry that `find` never returns. Keys longer than 65,535 bytes are ignored.
    public mutating func appendNew(_ p: UnsafePointer<UInt8>, _ len: Int, _ value: Int32) {
        guard len <= Int(UInt16.max) else { return }
        if (keyEnd.count + 1) * 100 > slots.count * maxLoadPercent { grow() }
        var s = Int(truncatingIfNeeded: ByteTable.hash(p, len)) & mask
        slots.withUnsafeBufferPointer { sl in while sl[s] != 0 { s = (s + 1) & mask } }
        store(p, len, value, slot: s)
    }

    /// Inserts or replaces the value for `key`.
    public mutating func set(_ key: [UInt8], _ value: Int32) {
        key.withUnsafeBufferPointer { set($0.baseAddress ?? UnsafePointer(bitPattern: 1)!, $0.count, value) }
    }

    /// Removes every key, keeping the slot capacity.
    public mutating func removeAll() {
        arena.removeAll(keepingCapacity: true)
        keyEnd.removeAll(keepingCapacity: true)
        values.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
    }

    /// The key bytes of entry `index` (insertion order).
    public func key(at index: Int) -> [UInt8] {
        Array(arena[keyRange(index)])
    }

    /// Copies the key bytes of entry `index` into `out`; returns the length.
    @inlinable
    public func copyKey(at index: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        let r = keyRange(index)
        arena.withUnsafeBufferPointer { out.update(from: $0.baseAddress! + r.lowerBound, count: r.count) }
        return r.count
    }

    /// The length in bytes of the key of entry `index`.
    func keyLength(at index: Int) -> Int { keyRange(index).count }

    /// True when the key of entry `index` is the `n` bytes at `p`. No copy.
    func keyEquals(at index: Int, _ p: UnsafePointer<UInt8>, _ n: Int) -> Bool {
        let r = keyRange(index)
        guard r.count == n else { return false }
        return n == 0 || arena.withUnsafeBufferPointer { ByteTable.equal($0.baseAddress! + r.lowerBound, p, n) }
    }

    mutating func grow() {
        let size = slots.count * 2
        var newSlots = Array(repeating: Int32(0), count: size)
        let newMask = size - 1
        arena.withUnsafeBufferPointer { ar in
            for idx in 0..<keyEnd.count {
                let r = keyRange(idx)
                var s = Int(truncatingIfNeeded: ByteTable.hash(ar.baseAddress! + r.lowerBound, r.count)) & newMask
                while newSlots[s] != 0 { s = (s + 1) & newMask }
                newSlots[s] = Int32(idx + 1)
            }
        }
        slots = newSlots
        mask = newMask
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
