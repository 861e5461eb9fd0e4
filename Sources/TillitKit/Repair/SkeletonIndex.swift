/// The repair lexicon's index from diacritic-free skeletons (`fran`) to the word forms that
/// strip to them (`fran`, `från`), most frequent first.
///
/// It stores no skeleton bytes: a slot holds 32 bits of the skeleton's hash and a group id;
/// when the hash bits agree, the query is compared with the skeleton of the group's first
/// form, computed on the fly from the form table. That keeps about 5 MiB of skeleton keys out
/// of memory; misses (most OCR variants) are told apart by the hash bits alone.
/// Cost: O(key length) per lookup; 8 bytes per slot (at most 90% full) and 8 per form.
struct SkeletonIndex: Sendable {
    /// Per slot: 32 hash bits << 32 | (group id + 1); 0 when empty.
    private let slots: [UInt64]
    private let mask: Int
    /// One bit per 2^22 values of hash bits 42–63, set for every skeleton (512 KiB, so it
    /// stays in the core's cache): a clear bit tells a miss without touching `slots`.
    private let filter: [UInt64]
    /// The same for the skeletons of forms with ln frequency ≥ `frequentLogFreq` only (about
    /// 12,500 of them; 64 KiB): a search that wants frequent forms alone rarely gets past it.
    private let frequentFilter: [UInt64]
    /// The letter trigrams of those frequent skeletons, word edges included (`letterCode`), as
    /// masks of letters: `frequentAfter[a << 5 | b]` has bit c when one holds `a b c`,
    /// `frequentBetween[a << 5 | c]` bit b, `frequentBefore[b << 5 | c]` bit a (12 KiB in all).
    let frequentAfter: [UInt32], frequentBetween: [UInt32], frequentBefore: [UInt32]
    /// Form ids per group, most frequent first: `pool[start[g] ..< start[g + 1]]`.
    private let start: [Int32]
    private let pool: [Int32]

    /// Groups the forms of `forms` by skeleton, each group ordered by `logFreq`, descending.
    init(forms: ByteTable, logFreq: [Float]) {
        let n = forms.count
        var size = 16
        while size * 9 < max(n, 1) * 10 { size <<= 1 }
        var slots = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        var groupOf = [Int32](repeating: 0, count: n)
        var counts: [Int32] = []
        var firstForm: [Int32] = []
        var filter = [UInt64](repeating: 0, count: SkeletonIndex.filterBits / 64)
        var frequentFilter = [UInt64](repeating: 0, count: SkeletonIndex.frequentFilterBits / 64)
        var after = [UInt32](repeating: 0, count: 1 << 10), between = after, before = after
        let room = RepairLexicon.maxFormBytes
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * room) { buf in
            let word = buf.baseAddress!, sk = word + room, word2 = word + 2 * room, sk2 = word + 3 * room
            for id in 0..<n {
                let m = SkeletonIndex.skeleton(ofForm: Int32(id), in: forms, word: word, into: sk)
                let h = ByteTable.hash(sk, m)
                if logFreq[id] >= SkeletonIndex.frequentLogFreq {
                    let bit = SkeletonIndex.frequentFilterBit(h)
                    frequentFilter[bit >> 6] |= 1 << UInt64(bit & 63)
                    var a = 0, b = 0
                    for j in 0...m {
                        let c = j < m ? SkeletonIndex.letterCode(sk[j]) : 0
                        after[a << 5 | b] |= 1 << UInt32(c)
                        between[a << 5 | c] |= 1 << UInt32(b)
                        before[b << 5 | c] |= 1 << UInt32(a)
                        a = b; b = c
                    }
                }
                let tag = h & 0xFFFF_FFFF_0000_0000
                var s = Int(truncatingIfNeeded: h) & mask
                while true {
                    let slot = slots[s]
                    if slot == 0 {
                        slots[s] = tag | UInt64(counts.count + 1)
                        let bit = SkeletonIndex.filterBit(h)
                        filter[bit >> 6] |= 1 << UInt64(bit & 63)
                        groupOf[id] = Int32(counts.count)
                        counts.append(1)
                        firstForm.append(Int32(id))
                        break
                    }
                    if slot & 0xFFFF_FFFF_0000_0000 == tag {
                        let g = Int(slot & 0xFFFF_FFFF) - 1
                        let m2 = SkeletonIndex.skeleton(ofForm: firstForm[g], in: forms, word: word2, into: sk2)
                        if m2 == m && ByteTable.equal(sk, sk2, m) { groupOf[id] = Int32(g); counts[g] += 1; break }
                    }
                    s = (s + 1) & mask
                }
            }
        }
        self.filter = filter
        self.frequentFilter = frequentFilter
        frequentAfter = after; frequentBetween = between; frequentBefore = before
        var start = [Int32](repeating: 0, count: counts.count + 1)
        for g in counts.indices { start[g + 1] = start[g] + counts[g]; counts[g] = start[g] }   // counts become fill positions
        var pool = [Int32](repeating: 0, count: n)
        for id in 0..<n {
            let g = Int(groupOf[id])
            pool[Int(counts[g])] = Int32(id)
            counts[g] += 1
        }
        for g in 0..<(start.count - 1) where start[g + 1] - start[g] > 1 {
            let r = Int(start[g])..<Int(start[g + 1])
            let sorted = pool[r].sorted { logFreq[Int($0)] > logFreq[Int($1)] }
            pool.replaceSubrange(r, with: sorted)
        }
        self.slots = slots
        self.mask = mask
        self.start = start
        self.pool = pool
    }

    static let filterBits = 1 << 22
    static let frequentFilterBits = 1 << 19
    /// The least ln frequency of a form that `frequentFilter` holds.
    static let frequentLogFreq: Float = 6
    /// The 5-bit code of a skeleton byte for the trigram masks: a–z 1…26, any other byte 27;
    /// 0 is the word's edge.
    @inline(__always)
    static func letterCode(_ b: UInt8) -> Int { b >= 0x61 && b <= 0x7A ? Int(b) - 0x60 : 27 }
    /// The `frequentFilter` bit of a skeleton hash.
    @inline(__always)
    static func frequentFilterBit(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> 45) }

    /// The filter bit of a skeleton hash.
    @inline(__always)
    static func filterBit(_ h: UInt64) -> Int { Int(truncatingIfNeeded: h >> 42) }

    /// Writes the skeleton of form `f` to `out` (its bytes pass through `word`; both hold
    /// `RepairLexicon.maxFormBytes`) and returns its length.
    @inline(__always)
    static func skeleton(ofForm f: Int32, in forms: ByteTable, word: UnsafeMutablePointer<UInt8>, into out: UnsafeMutablePointer<UInt8>) -> Int {
        RepairLexicon.skeleton(word, forms.copyKey(at: Int(f), into: word), into: out)
    }

    /// Form ids whose skeleton is `skel`, most frequent first (empty when none).
    func forms(_ skel: [UInt8], in forms: ByteTable) -> ArraySlice<Int32> {
        skel.withUnsafeBufferPointer { self.forms($0, in: forms) }
    }

    /// True when some form of ln frequency ≥ `least` may have the skeleton `q`; false only
    /// when none has (a filter probe, no table access, when `least` ≥ `frequentLogFreq`).
    func mayHold(_ q: UnsafeBufferPointer<UInt8>, least: Float) -> Bool {
        guard least >= SkeletonIndex.frequentLogFreq else { return true }
        let bit = SkeletonIndex.frequentFilterBit(ByteTable.hash(q.baseAddress ?? UnsafePointer(bitPattern: 1)!, q.count))
        return frequentFilter.withUnsafeBufferPointer { $0[bit >> 6] >> UInt64(bit & 63) & 1 } != 0
    }

    /// Form ids whose skeleton is the bytes `q`, most frequent first (empty when none).
    func forms(_ q: UnsafeBufferPointer<UInt8>, in forms: ByteTable) -> ArraySlice<Int32> {
        let m = q.count
        let room = RepairLexicon.maxFormBytes
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * room) { buf in
            let word = buf.baseAddress!, sk = word + room
            let h = ByteTable.hash(q.baseAddress ?? UnsafePointer(bitPattern: 1)!, m)
            let bit = SkeletonIndex.filterBit(h)
            if filter.withUnsafeBufferPointer({ $0[bit >> 6] >> UInt64(bit & 63) & 1 }) == 0 { return [] }
            let tag = h & 0xFFFF_FFFF_0000_0000
            var s = Int(truncatingIfNeeded: h) & mask
            while true {
                let slot = slots[s]
                if slot == 0 { return [] }
                if slot & 0xFFFF_FFFF_0000_0000 == tag {
                    let g = Int(slot & 0xFFFF_FFFF) - 1
                    let lo = Int(start[g]), hi = Int(start[g + 1])
                    let k = SkeletonIndex.skeleton(ofForm: pool[lo], in: forms, word: word, into: sk)
                    if k == m && (m == 0 || ByteTable.equal(sk, q.baseAddress!, m)) { return pool[lo..<hi] }
                }
                s = (s + 1) & mask
            }
        }
    }
}
