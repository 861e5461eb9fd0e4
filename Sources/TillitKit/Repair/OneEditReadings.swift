import Glibc

/// The readings of a damaged word one letter edit away that no learned rewrite covers: a
/// letter misread as another, a letter added, two letters swapped, or a letter dropped
/// (`satuning` → `satsning`, `regexingen` → `regeringen`, `styring` → `styrning`,
/// `ntveckla` → `utveckla`).
///
/// The repairer tries them last, for a word of `minLetters` or more that no list holds and no
/// other reading reaches. A dropped letter that OCR is known to drop (`OCRRewrites.drops`:
/// `ö`, `å`, `ä`, `l`, `t`, `n`, `r`, `i`) costs −ln P(dropped | letter); any other edit costs
/// −ln(r / `perLetter`), where r is the learned rate of unseen one-letter edits
/// (`OCRRewrites.unseenEditRate`): the mass of the edits seen once, spread evenly over the
/// `perLetter` edits a letter can suffer. The word's last `keptEnd` letters take no edit
/// but a dropped letter put back before its last letter: there Swedish puts its
/// inflections, and a form no list holds (`samordnarens`, `landsbygder`) would read as a
/// known one (`samordnaren`).
///
/// Cost: about 54 hash probes per letter of the word (most answered by a 64 KiB filter of
/// frequent skeletons), with no allocation but for a reading whose skeleton a form has.
struct OneEditReadings: Sendable {
    /// The one-letter edits a letter can suffer: 25 other letters a–z, a drop, 26 letters
    /// put in before it, a swap with the next (about 54).
    static let perLetter: Float = 54
    /// Shortest word tried: a shorter one is one edit from too many others.
    static let minLetters = 5
    /// Letters at the end of the word that are never edited.
    static let keptEnd = 2

    /// The cost of an unseen edit.
    let unseen: Float
    /// Per skeleton letter a–z (index letter − `a`), the letters OCR drops that it stands
    /// for (`a` for å and ä, `o` for ö, `l` for l), each with its cost.
    private let dropped: [[(letter: UInt32, cost: Float)]]

    /// The edit costs for a rate of unseen edits per letter and the letters OCR drops, or nil
    /// when the rate is 0.
    init?(unseenEditRate: Float, drops: [(letter: UInt32, cost: Float)]) {
        guard let unseen = OneEditReadings.cost(rate: unseenEditRate) else { return nil }
        self.unseen = unseen
        var dropped = [[(letter: UInt32, cost: Float)]](repeating: [], count: 26)
        for d in drops {
            let k = Int(Repairer.plainOption(d.letter)) - 0x61
            if k >= 0 && k < 26 { dropped[k].append(d) }
        }
        self.dropped = dropped
    }

    /// The cost of one unseen edit at `rate` per letter, or nil when `rate` is 0.
    static func cost(rate: Float) -> Float? {
        rate > 0 ? -log(rate / perLetter) : nil
    }

    /// The readings of the lowercase scalars `s` one edit away (as in the type's comment),
    /// each with its cost, that reach a form of `lex` whose ln frequency less the cost is at
    /// least `floor` (a rarer form could not pass the caller's floor: its channel term is ≤ 0).
    /// In the order: substitutions, drops and swaps letter by letter, then letters put in.
    func readings(_ s: [UInt32], lex: RepairLexicon, floor: Float) -> [(reading: [UInt32], cost: Float)] {
        let n = s.count
        let editable = n - OneEditReadings.keptEnd
        guard n >= OneEditReadings.minLetters, editable > 0 else { return [] }
        var out: [(reading: [UInt32], cost: Float)] = []
        let unseen = self.unseen
        withUnsafeTemporaryAllocation(of: UInt32.self, capacity: n + 1) { sk in
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 4 * (n + 1)) { bytes in
            let skel = sk.baseAddress!, buf = bytes.baseAddress!
            // the plain skeleton of the word: edits are made to it and probed
            var ascii = true
            for i in 0..<n { skel[i] = Repairer.plainOption(s[i]); ascii = ascii && skel[i] < 0x80 }
            // the skeleton's bytes, when each letter is one byte
            let plain = buf + 2 * (n + 1)
            if ascii { for i in 0..<n { plain[i] = UInt8(skel[i]) } }
            // letter codes with two edges each side (`SkeletonIndex.letterCode`): code(i) is
            // codes[i + 2]; and the letters that may stand at a place of a frequent skeleton
            // by its trigrams (every letter for a word with a letter beyond ASCII)
            let ix = lex.skeletons
            func code(_ i: Int) -> Int { i < 0 || i >= n || !ascii ? 0 : SkeletonIndex.letterCode(plain[i]) }
            func fits(_ p2: Int, _ p1: Int, _ n1: Int, _ n2: Int) -> UInt32 {
                !ascii ? ~0 : ix.frequentAfter[p2 << 5 | p1] & ix.frequentBetween[p1 << 5 | n1] & ix.frequentBefore[n1 << 5 | n2]
            }
            func joins(_ a: Int, _ b: Int, _ c: Int) -> Bool { !ascii || ix.frequentAfter[a << 5 | b] >> UInt32(c) & 1 != 0 }
            // an unseen edit reaches frequent forms only: their trigrams rule most out unprobed
            let filtered = floor + unseen >= SkeletonIndex.frequentLogFreq
            // a skeleton with a form frequent enough for an edit of cost `cost`
            func hit(_ q: UnsafeBufferPointer<UInt8>, _ cost: Float) -> Bool {
                let least = floor + cost
                guard lex.skeletons.mayHold(q, least: least), let f = lex.forms(skeleton: q).first else { return false }
                return lex.logFreq[Int(f)] >= least
            }
            // probes the skeleton with `skel[at]` replaced (mode 0), dropped (1), swapped with
            // the next (2), or `letter` put in before it (3)
            func probe(_ mode: Int, _ at: Int, _ letter: UInt32, _ cost: Float) -> Bool {
                if ascii {
                    // one byte a letter: the skeleton's bytes around the edit, copied whole
                    var m = at
                    if at > 0 { buf.update(from: plain, count: at) }
                    var rest = at
                    switch mode {
                    case 0: buf[m] = UInt8(letter); m += 1; rest += 1
                    case 1: rest += 1
                    case 2: buf[m] = plain[at + 1]; buf[m + 1] = plain[at]; m += 2; rest += 2
                    default: buf[m] = UInt8(letter); m += 1
                    }
                    if rest < n { (buf + m).update(from: plain + rest, count: n - rest); m += n - rest }
                    return hit(UnsafeBufferPointer(start: buf, count: m), cost)
                }
                var m = 0
                var i = 0
                while i < n {
                    if i == at {
                        switch mode {
                        case 0: m += UTF8Scalars.encode(letter, into: buf + m)
                        case 1: break
                        case 2: m += UTF8Scalars.encode(skel[i + 1], into: buf + m); m += UTF8Scalars.encode(skel[i], into: buf + m); i += 2; continue
                        default: m += UTF8Scalars.encode(letter, into: buf + m); m += UTF8Scalars.encode(skel[i], into: buf + m)
                        }
                    } else {
                        m += UTF8Scalars.encode(skel[i], into: buf + m)
                    }
                    i += 1
                }
                return hit(UnsafeBufferPointer(start: buf, count: m), cost)
            }
            for i in 0..<editable {
                let p2 = code(i - 2), p1 = code(i - 1), n1 = code(i + 1), n2 = code(i + 2)
                let fit = filtered ? fits(p2, p1, n1, n2) : ~0
                for c: UInt32 in 0x61...0x7A where c != skel[i] && fit >> (c - 0x60) & 1 != 0 && probe(0, i, c, unseen) {
                    var r = s; r[i] = c; out.append((r, unseen))
                }
                if (!filtered || joins(p2, p1, n1) && joins(p1, n1, n2)) && probe(1, i, 0, unseen) { var r = s; r.remove(at: i); out.append((r, unseen)) }
                if i + 1 < editable && skel[i] != skel[i + 1] && probe(2, i, 0, unseen) { var r = s; r.swapAt(i, i + 1); out.append((r, unseen)) }
            }
            // letters put in: any letter up to the kept end; beyond it, inside the word, only a
            // letter OCR drops (`marknadsfr` is marknadsför)
            for i in 0..<n {
                let open = i <= editable
                let fit = !open ? 0 : filtered ? fits(code(i - 2), code(i - 1), code(i), code(i + 1)) : ~0
                for c: UInt32 in 0x61...0x7A {
                    // the letter itself, or one that OCR drops and that reads as it (å, ä as a)
                    let drops = dropped[Int(c) - 0x61]
                    if drops.isEmpty && fit >> (c - 0x60) & 1 == 0 { continue }
                    var cheapest = open ? unseen : .infinity
                    for d in drops { cheapest = min(cheapest, d.cost) }
                    guard probe(3, i, c, cheapest) else { continue }
                    var plainCost = open ? unseen : .infinity
                    for d in drops where d.letter == c { plainCost = min(plainCost, d.cost) }
                    if plainCost < .infinity { var r = s; r.insert(c, at: i); out.append((r, plainCost)) }
                    for d in drops where d.letter != c { var r = s; r.insert(d.letter, at: i); out.append((r, d.cost)) }
                }
            }
        } }
        return out
    }
}
