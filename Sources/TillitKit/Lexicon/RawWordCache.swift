/// A direct-mapped cache in front of the match cache, keyed by a word's raw bytes as they
/// stand in the text (up to 16 bytes, case kept), so the most frequent words skip building
/// their lowercase key and probing the type table. `Det` and `det` take separate slots and
/// map to the same type id.
///
/// 8,192 slots of 24 bytes (192 KiB, so it stays in the second-level cache). A slot holds the
/// word's first 8 bytes, its last 8 bytes (when longer than 8), its length and its type id;
/// a miss costs nothing but the check, and the slot is then overwritten. Cost: two 8-byte
/// loads, a multiply and one slot read per word.
struct RawWordCache {
    struct Slot {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        /// Length in the low 8 bits and the type id above (0 marks an empty slot: lengths are ≥ 1).
        var lengthAndID: UInt64 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: 8192)

    /// The (head, tail) words of `len` bytes at `p[s...]`, or nil when the word cannot be read
    /// with 8-byte loads inside the buffer or is longer than 16 bytes.
    @inline(__always)
    static func words(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ len: Int) -> (UInt64, UInt64)? {
        guard len <= 16, s + 8 <= p.count else { return nil }
        let raw = UnsafeRawPointer(p.baseAddress!)
        let first = raw.loadUnaligned(fromByteOffset: s, as: UInt64.self)
        if len >= 8 { return (first, raw.loadUnaligned(fromByteOffset: s + len - 8, as: UInt64.self)) }
        return (first & ((1 &<< UInt64(len &* 8)) &- 1), 0)
    }

    @inline(__always)
    static func slot(_ head: UInt64, _ tail: UInt64, _ len: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(len)) &* 0xBF58_476D_1CE4_E5B9) >> 51)
    }

    /// The type id cached for these words, or −1.
    @inline(__always)
    func find(_ head: UInt64, _ tail: UInt64, _ len: Int) -> Int32 {
        let x = slots[RawWordCache.slot(head, tail, len)]
        return x.head == head && x.tail == tail && Int(x.lengthAndID & 0xFF) == len && x.lengthAndID != 0 ? Int32(truncatingIfNeeded: x.lengthAndID >> 8) : -1
    }

    /// Remembers the type id of these words (evicting whatever held the slot).
    @inline(__always)
    mutating func store(_ head: UInt64, _ tail: UInt64, _ len: Int, id: Int32) {
        slots[RawWordCache.slot(head, tail, len)] = Slot(head: head, tail: tail, lengthAndID: UInt64(UInt32(bitPattern: id)) << 8 | UInt64(len))
    }

    /// Forgets everything (the type ids are about to be reused).
    mutating func removeAll() {
        for i in slots.indices { slots[i] = Slot() }
    }
}
