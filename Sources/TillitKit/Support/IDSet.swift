/// An immutable set of non-negative `Int32` ids (word-form ids), for the small word lists
/// the repairer's grammar cues check once per candidate form. A probe is one multiply and
/// usually one slot read; Swift's `Set<Int32>` runs SipHash on every probe, which made a
/// tenth of the repair stage's time (perf, OCR-like corpus).
///
/// Memory: 4 bytes × a power of two at least four times the count (64 bytes for up to 4 ids).
struct IDSet: Sendable {
    private let slots: [Int32]   // -1 marks an empty slot
    private let shift: UInt32

    /// A set holding the non-negative members of `ids`; negative ids are dropped (an id of
    /// −1 or −2 means "not in the lexicon" and is never a member).
    init<S: Sequence>(_ ids: S) where S.Element == Int32 {
        let members = Array(Set(ids.filter { $0 >= 0 }))
        var bits: UInt32 = 4
        while (1 << bits) < members.count * 4 { bits += 1 }
        var slots = [Int32](repeating: -1, count: 1 << bits)
        let shift = 32 - bits
        for id in members {
            var i = IDSet.slot(id, shift)
            while slots[i] != -1 { i = (i + 1) & (slots.count - 1) }
            slots[i] = id
        }
        self.slots = slots
        self.shift = shift
    }

    @inline(__always)
    private static func slot(_ id: Int32, _ shift: UInt32) -> Int {
        Int((UInt32(bitPattern: id) &* 0x9E37_79B1) >> shift)
    }

    /// Number of members.
    var count: Int { slots.reduce(0) { $0 + ($1 >= 0 ? 1 : 0) } }

    /// True when `id` is a member. Cost: one multiply and a short linear probe.
    @inline(__always)
    func contains(_ id: Int32) -> Bool {
        guard id >= 0 else { return false }
        return slots.withUnsafeBufferPointer { s in
            var i = IDSet.slot(id, shift)
            while true {
                let v = s[i]
                if v == id { return true }
                if v == -1 { return false }
                i = (i + 1) & (s.count - 1)
            }
        }
    }
}
