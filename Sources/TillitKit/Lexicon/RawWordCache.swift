/// A cache in front of the match cache, keyed by a word's raw bytes as they stand in the text
/// (up to 16 bytes, case kept), so a word seen before skips building its lowercase key and
/// probing the type table. `Det` and `det` take separate slots and map to the same type id.
///
/// An open-addressing table of 32-byte slots with the key inside the slot: a slot holds the
/// word's first 8 bytes, its last 8 bytes (when longer than 8), its length, its type id and a
/// word of the caller's (the matcher keeps there what the per-token loop needs of the type),
/// so a lookup reads one slot (half a cache line), where the type table reads its slot, the
/// key's offsets and the key's bytes one after another, and the per-type arrays one more line
/// each. Frequent words keep their lines in the CPU caches whatever the table's size. It
/// starts at 8,192 slots (256 KiB), doubles at half full up to `maxSlots` (2 MiB), and there
/// starts over when half full: it is a cache, and a word it forgot is found again through the
/// type table. Cost: two 8-byte loads, a multiply and usually one slot read per word.
struct RawWordCache {
    struct Slot {
        var head: UInt64 = 0
        var tail: UInt64 = 0
        /// Length in the low 8 bits and the type id above (0 marks an empty slot: lengths are ≥ 1).
        var lengthAndID: UInt64 = 0
        /// The caller's word for this entry.
        var payload: UInt64 = 0
    }

    private var slots = [Slot](repeating: Slot(), count: RawWordCache.minSlots)
    private var shift: UInt64 = UInt64(64 - RawWordCache.minSlots.trailingZeroBitCount)
    private var used = 0

    /// Slots at the start (8,192) and at most (65,536: 2 MiB, so two threads stay under 64 MiB on the 65 MB corpus).
    static let minSlots = 1 << 13
    static let maxSlots = 1 << 16

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

    /// The first slot to probe for a key: the top bits of its hash.
    @inline(__always)
    func start(_ head: UInt64, _ tail: UInt64, _ len: Int) -> Int {
        Int(truncatingIfNeeded: ((head ^ (tail &* 0x9E37_79B9_7F4A_7C15) ^ UInt64(len)) &* 0xBF58_476D_1CE4_E5B9) >> shift)
    }

    /// The type id cached for these words, or −1.
    @inline(__always)
    func find(_ head: UInt64, _ tail: UInt64, _ len: Int) -> Int32 { lookup(head, tail, len).id }

    /// The type id cached for these words and the word stored beside it, or −1 and 0.
    @inline(__always)
    func lookup(_ head: UInt64, _ tail: UInt64, _ len: Int) -> (id: Int32, payload: UInt64) {
        let first = start(head, tail, len)
        return slots.withUnsafeBufferPointer { sl in
            let mask = sl.count - 1
            var s = first
            while true {
                let x = sl[s]
                if x.lengthAndID == 0 { return (-1, 0) }
                if x.head == head && x.tail == tail && Int(x.lengthAndID & 0xFF) == len { return (Int32(truncatingIfNeeded: x.lengthAndID >> 8), x.payload) }
                s = (s + 1) & mask
            }
        }
    }

    /// Reads the first slot these words would probe and returns a word of it, so that a pass
    /// over the next words' slots before their lookups has the CPU fetch their cache lines side
    /// by side, not one after another (the caller keeps the result, or the load is dropped).
    @inline(__always)
    func touch(_ head: UInt64, _ tail: UInt64, _ len: Int) -> UInt64 {
        let s = start(head, tail, len)
        return slots.withUnsafeBufferPointer { $0[s].lengthAndID }
    }

    /// Remembers the type id of these words, and a word beside it (replacing what they had).
    mutating func store(_ head: UInt64, _ tail: UInt64, _ len: Int, id: Int32, payload: UInt64 = 0) {
        if (used + 1) * 2 > slots.count {
            if slots.count < RawWordCache.maxSlots { grow() } else { removeAll() }
        }
        let value = UInt64(UInt32(bitPattern: id)) << 8 | UInt64(len)
        let first = start(head, tail, len)
        let isNew: Bool = slots.withUnsafeMutableBufferPointer { sl in
            let mask = sl.count - 1
            var s = first
            while true {
                let x = sl[s]
                if x.lengthAndID == 0 { sl[s] = Slot(head: head, tail: tail, lengthAndID: value, payload: payload); return true }
                if x.head == head && x.tail == tail && Int(x.lengthAndID & 0xFF) == len { sl[s].lengthAndID = value; sl[s].payload = payload; return false }
                s = (s + 1) & mask
            }
        }
        if isNew { used += 1 }
    }

    /// Doubles the slots and puts every entry back.
    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(), count: old.count * 2)
        shift -= 1
        used = 0
        for x in old where x.lengthAndID != 0 {
            store(x.head, x.tail, Int(x.lengthAndID & 0xFF), id: Int32(truncatingIfNeeded: x.lengthAndID >> 8), payload: x.payload)
        }
    }

    /// Forgets everything (the type ids are about to be reused), keeping the slots.
    mutating func removeAll() {
        slots.withUnsafeMutableBufferPointer { sl in for i in sl.indices { sl[i] = Slot() } }
        used = 0
    }
}
