/// The diacritic-free skeletons a damaged word may stand for, enumerated without allocating.
///
/// Each character of the word has one to four skeleton options (`Repairer.options`): its
/// plain reading first, then the costly OCR confusions (`d` may be an `ö`, `i` an `ä`). The
/// skeletons come fewest costly confusions first: all with none, then those with one, then
/// those with two; a limit cuts the unlikely ones, never a plain reading.
///
/// Cost: O(word length) per skeleton produced, plus the branches the search tries; the
/// skeleton is written into a scratch buffer that `body` borrows, so no array is built.
enum SkeletonVariants {
    /// At most this many options per character.
    static let maxOptions = 4

    /// Calls `body` with the UTF-8 bytes of each skeleton of the lowercase scalars `s`, at most
    /// `limit` of them, in the order described above. The buffer is valid during the call only.
    static func forEach(_ s: UnsafeBufferPointer<UInt32>, iMayBeL: Bool, limit: Int, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        let n = s.count
        guard limit > 0 else { return }
        if limit == 1 {
            // the plain reading alone: every character's first option, with no search
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * n + 1) { bytes in
                var m = 0
                for u in s { m += UTF8Scalars.encode(Repairer.plainOption(u), into: bytes.baseAddress! + m) }
                body(UnsafeBufferPointer(start: bytes.baseAddress!, count: m))
            }
            return
        }
        let room = maxOptions
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n * room + 1) { opt in
        withUnsafeTemporaryAllocation(of: Int.self, capacity: 3 * n + 2) { ints in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * n + 1) { bytes in
            let o = opt.baseAddress!, iv = ints.baseAddress!, out = bytes.baseAddress!
            // per position: option count (costly options carry bit 31 of their scalar)
            let count = iv, choice = iv + n, costlyAfter = iv + 2 * n   // costlyAfter has n + 1 slots
            for i in 0..<n { count[i] = Repairer.options(s[i], iMayBeL: iMayBeL, into: o + i * room) }
            // how many positions from i on can still add a costly confusion: prunes the
            // branches that can no longer reach the number wanted
            costlyAfter[n] = 0
            var i = n - 1
            while i >= 0 {
                var any = 0
                for k in 0..<count[i] where o[i * room + k] & costlyBit != 0 { any = 1 }
                costlyAfter[i] = costlyAfter[i + 1] + any
                i -= 1
            }
            var produced = 0
            func emit() {
                var m = 0
                for j in 0..<n { m += UTF8Scalars.encode(o[j * room + choice[j]] & ~costlyBit, into: out + m) }
                body(UnsafeBufferPointer(start: out, count: m))
                produced += 1
            }
            if n == 0 { emit(); return }
            for want in 0...2 {
                if produced >= limit { return }
                if costlyAfter[0] < want { return }
                // depth-first over positions; `costly` counts the confusions chosen so far
                var pos = 0, costly = 0
                choice[0] = -1
                while pos >= 0 {
                    // undo the choice at `pos`, then try its next option
                    if choice[pos] >= 0, o[pos * room + choice[pos]] & costlyBit != 0 { costly -= 1 }
                    choice[pos] += 1
                    if choice[pos] >= count[pos] { pos -= 1; continue }
                    if o[pos * room + choice[pos]] & costlyBit != 0 { costly += 1 }
                    if costly > want || costly + costlyAfter[pos + 1] < want { continue }
                    if pos == n - 1 {
                        if costly == want {
                            emit()
                            if produced >= limit { return }
                        }
                        continue
                    }
                    pos += 1
                    choice[pos] = -1
                }
            }
        }
        }
        }
    }

    /// Marks a costly option in the option scalars written by `Repairer.options(_:iMayBeL:into:)`.
    static let costlyBit: UInt32 = 1 << 31
}
