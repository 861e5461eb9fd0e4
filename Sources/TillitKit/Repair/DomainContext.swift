#if canImport(Glibc)
import Glibc
#endif

/// In-domain context statistics for the word forms whose å/ä/ö-stripped spelling several
/// frequent forms share (har/här, var/vår, ar/är/år, vara/våra, bor/bör, lag/låg, …),
/// counted in Riksdag interpellations and Swedish statutes (`Lexicons/repair-context-sv.txt`,
/// built by `scripts/build-repair-context.py`).
///
/// For such a form it holds its corpus count, how often each word (or sentence start `<s>`,
/// number `<num>`, clause end `</s>`) stood right before and right after it, and how often
/// each pair of words did (seen three times or more). The repairer weighs real-word variants
/// by P(form) · P(left | form) · P(right | form), each side smoothed towards the neighbour's
/// share over all candidate forms, P(x | f) = (c(x, f) + a · P(x)) / (c(f) + a), and adds
/// what the word beyond each neighbour says (`longerContext`).
///
/// Neighbours are resolved to the repair lexicon's form ids when the lexicon loads (only
/// when repair runs); words the lexicon lacks are dropped. Cost: about 130,000 lines parsed
/// once; per decision, up to eight table probes per candidate.
struct DomainContext: Sendable {
    /// (0, form) → corpus count + 1, for every form of a covered spelling (+1: a form of a
    /// covered spelling with count 0 is still known to be rare).
    let unigrams: IntPairTable
    /// (neighbour, form) → count, left and right.
    let left: IntPairTable, right: IntPairTable
    /// (1, form) → Σ left counts, (2, form) → Σ right counts; (3, neighbour) → Σ left
    /// counts of a neighbour over all forms, (4, neighbour) → the same on the right.
    let totals: IntPairTable
    /// Σ of all left and all right counts.
    let leftSum: Float, rightSum: Float
    /// Words that open sentences (`o` lines): (0, form) → how often the form, capitalised,
    /// followed a word ending in `.`, plus 1; (1, form) → the same after a word ending in `,`.
    let openers: IntPairTable
    /// Two words of context (`t` and `q` lines): (code(prev, f), prev2) → how often prev2 prev
    /// stood before form `f`, and (code(next, f), next2) → how often next next2 stood after it
    /// (`key`). Empty when the file has none.
    let left2: IntPairTable, right2: IntPairTable
    /// (0, form) → the form's index among the forms with `u` lines, plus 1.
    let focus: IntPairTable
    /// Share of the corpus's word tokens (two bytes or more) that hold å/ä/ö: what clean
    /// Swedish text shows (about 0.30). 0 when the file does not say.
    let markedShare: Float

    /// Neighbour ids of the markers (form ids are ≥ 0).
    static let sentenceStart: Int32 = -3, number: Int32 = -4, clauseEnd: Int32 = -5

    /// An empty model (no form covered).
    init() {
        unigrams = IntPairTable(capacity: 4); left = unigrams; right = unigrams; totals = unigrams; openers = unigrams
        left2 = unigrams; right2 = unigrams; focus = unigrams
        leftSum = 0; rightSum = 0; markedShare = 0
    }

    /// The first half of the key of a two-word context: the near neighbour `x` (a form id or a
    /// marker) and the form's focus index plus 1 (`fi`, from `focus`; 0 for none); nil when
    /// either is out of range.
    @inline(__always)
    static func key(_ x: Int32, _ fi: Int32) -> Int32? {
        guard fi > 0, x >= -8, x < (1 << 20) - 8 else { return nil }
        return (x + 8) << 10 | (fi - 1)
    }

    /// Parses `m`, `u`, `l`, `r`, `t`, `q` and `o` lines (tab-separated, `#` comments) against the forms of a
    /// repair lexicon and its skeleton index.
    init(text: String, forms: ByteTable, skeletons: SkeletonIndex) {
        var uni = IntPairTable(capacity: 4096)
        var left = IntPairTable(capacity: 40_000), right = IntPairTable(capacity: 40_000)
        var totals = IntPairTable(capacity: 60_000)
        var openers = IntPairTable(capacity: 4096)
        var left2 = IntPairTable(capacity: 16_384), right2 = IntPairTable(capacity: 16_384)
        var focus = IntPairTable(capacity: 2048), focused: Int32 = 0
        var triples: [(left: Bool, near: Int32, far: Int32, form: Int32, n: Int32)] = []
        var ls: Float = 0, rs: Float = 0
        var share: Float = 0
        var covered: [Int32] = []
        var text = text
        text.withUTF8 { buf in
            let base = buf.baseAddress!
            var i = 0
            var fields: [Range<Int>] = []
            while i < buf.count {
                var e = i
                while e < buf.count && buf[e] != 0x0A { e += 1 }
                defer { i = e + 1 }
                guard e > i, buf[i] != 0x23 else { continue }
                fields.removeAll(keepingCapacity: true)
                var s = i
                for k in i...e where k == e || buf[k] == 0x09 { fields.append(s..<k); s = k + 1 }
                func num(_ r: Range<Int>) -> Int32 { var v: Int32 = 0; for k in r { v = v &* 10 &+ Int32(buf[k] &- 0x30) }; return v }
                func word(_ r: Range<Int>) -> Int32? {
                    let n = r.count
                    if n == 3 && buf[r.lowerBound] == 0x3C && buf[r.lowerBound + 1] == 0x73 { return DomainContext.sentenceStart }   // <s>
                    if n == 5 && buf[r.lowerBound] == 0x3C && buf[r.lowerBound + 1] == 0x6E { return DomainContext.number }          // <num>
                    if n == 4 && buf[r.lowerBound] == 0x3C && buf[r.lowerBound + 1] == 0x2F { return DomainContext.clauseEnd }       // </s>
                    return forms.find(base + r.lowerBound, n)
                }
                switch buf[i] {
                case 0x75 where fields.count == 3:   // u
                    guard let f = word(fields[1]), f >= 0 else { continue }
                    uni.add(0, f, num(fields[2]) + 1 - uni.count(0, f))
                    covered.append(f)
                    if focus.count(0, f) == 0 && focused < 1024 { focused += 1; focus.add(0, f, focused) }
                case 0x74 where fields.count == 5:   // t PREV2 PREV FORM N
                    guard let far = word(fields[1]), let near = word(fields[2]), let f = word(fields[3]), f >= 0 else { continue }
                    let fi = focus.count(0, f), n = num(fields[4])
                    // (keyed by the form's focus index: a line before the form's `u` line waits for it)
                    if fi == 0 { triples.append((true, near, far, f, n)) } else if let k = DomainContext.key(near, fi) { left2.add(k, far, n) }
                case 0x71 where fields.count == 5:   // q FORM NEXT NEXT2 N
                    guard let f = word(fields[1]), let near = word(fields[2]), let far = word(fields[3]), f >= 0 else { continue }
                    let fi = focus.count(0, f), n = num(fields[4])
                    if fi == 0 { triples.append((false, near, far, f, n)) } else if let k = DomainContext.key(near, fi) { right2.add(k, far, n) }
                case 0x6C where fields.count == 4:   // l PREV FORM N
                    guard let x = word(fields[1]), let f = word(fields[2]), f >= 0 else { continue }
                    let n = num(fields[3])
                    left.add(x, f, n); totals.add(1, f, n); totals.add(3, x, n); ls += Float(n)
                case 0x72 where fields.count == 4:   // r FORM NEXT N
                    guard let f = word(fields[1]), let x = word(fields[2]), f >= 0 else { continue }
                    let n = num(fields[3])
                    right.add(x, f, n); totals.add(2, f, n); totals.add(4, x, n); rs += Float(n)
                case 0x6F where fields.count == 4:   // o FORM PERIOD COMMA
                    guard let f = word(fields[1]), f >= 0, openers.count(0, f) == 0 else { continue }
                    openers.add(0, f, num(fields[2]) + 1)
                    openers.add(1, f, num(fields[3]) + 1)
                case 0x6D where fields.count == 3:   // m WORDS MARKED
                    let w = num(fields[1]), m = num(fields[2])
                    if w > 0 && m >= 0 && m <= w { share = Float(Double(m) / Double(w)) }
                default: continue
                }
            }
        }
        // every other form of a covered spelling is known to be rare in the corpus
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { out in
            withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { key in
                for f in covered {
                    let n = forms.copyKey(at: Int(f), into: key.baseAddress!)
                    let k = RepairLexicon.skeleton(key.baseAddress!, n, into: out.baseAddress!)
                    for g in skeletons.forms(Array(out[0..<k]), in: forms) where uni.count(0, g) == 0 { uni.add(0, g, 1) }
                }
            }
        }
        // (triples are keyed by the focus index, known once every `u` line is read)
        for t in triples {
            guard let k = DomainContext.key(t.near, focus.count(0, t.form)) else { continue }
            if t.left { left2.add(k, t.far, t.n) } else { right2.add(k, t.far, t.n) }
        }
        self.left2 = left2
        self.right2 = right2
        self.focus = focus
        self.unigrams = uni
        self.left = left
        self.right = right
        self.totals = totals
        self.openers = openers
        self.markedShare = share
        self.leftSum = max(ls, 1)
        self.rightSum = max(rs, 1)
    }

    /// Odds that a `,` glued to the word before form `f` (capitalised) is a sentence's `.`
    /// that OCR wrote as `,`, when OCR does so at `rate`: rate · P(`.` f) / P(`,` f), from the
    /// counts after each (add-one). 0 when `f` is not a sentence opener.
    @inline(__always)
    func periodOdds(before f: Int32, rate: Float) -> Float {
        guard f >= 0 else { return 0 }
        let period = openers.count(0, f)
        guard period > 0 else { return 0 }
        return rate * Float(period) / Float(openers.count(1, f))
    }

    /// Back-off weight of `longerContext`: how many sightings of a two-word context it takes
    /// before they outweigh the one-word context. Chosen on clean Riksdag interpellations
    /// stripped of their å/ä/ö (`shared/corpus/riksdag-dev`, which the counts leave out):
    /// 0.5, 2 and 5 tried.
    static let backOff: Float = 2

    /// What a second word of context adds, for candidate forms `forms[0..<n]` (at most 8) of
    /// one word: Σ over both sides of ln P(f | x2 x1) / P(f | x1), written to `out` (0 for a
    /// form the model does not cover, or where neither side has a second word). Each side is
    /// a posterior over the covered candidates, backed off to the shorter context:
    /// P(f | x2 x1) = (c(x2 x1 f) + k · P(f | x1)) / (Σ c(x2 x1 ·) + k),
    /// P(f | x1) = (c(x1 f) + k · P(f)) / (Σ c(x1 ·) + k), P(f) = c(f) / Σ c(·), k = `backOff`,
    /// the sums over the candidates. `left` and `right` are the near neighbours (nil: none the
    /// corpus saw), `far` and `next2` the words beyond them (`Repairer.noNeighbour`: none); a
    /// sentence start has no word before it. Cost: up to five table probes per candidate.
    func longerContext(_ forms: UnsafePointer<Int32>, _ n: Int, left: Int32?, far: Int32, right: Int32?, next2: Int32,
                       into out: UnsafeMutablePointer<Float>) {
        let n = min(n, 8), k = DomainContext.backOff
        for c in 0..<n { out[c] = 0 }
        var buffers = (SIMD8<Float>(), SIMD8<Float>(), SIMD8<Float>()), focusOf = SIMD8<Int32>()
        withUnsafeMutableBytes(of: &focusOf) { fraw in
        withUnsafeMutableBytes(of: &buffers) { raw in
            let prior = raw.baseAddress!.assumingMemoryBound(to: Float.self)
            let near = prior + 8, two = prior + 16
            let fi = fraw.baseAddress!.assumingMemoryBound(to: Int32.self)
            var u: Float = 0
            for c in 0..<n {
                let f = forms[c], count = f >= 0 ? unigrams.count(0, f) : 0
                prior[c] = count > 0 ? Float(count) - 0.5 : 0
                fi[c] = count > 0 ? focus.count(0, f) : 0
                u += prior[c]
            }
            guard u > 0 else { return }
            for c in 0..<n { prior[c] /= u }
            for side in 0..<2 {
                let isLeft = side == 0
                guard let x = isLeft ? left : right else { continue }
                let x2 = isLeft ? far : next2
                guard x2 != Repairer.noNeighbour && x != DomainContext.sentenceStart else { continue }
                // the two-word counts first: where none was seen, the term is 0 and the
                // one-word counts are not needed
                var s2: Float = 0
                for c in 0..<n {
                    two[c] = 0
                    guard prior[c] > 0, let key = DomainContext.key(x, fi[c]) else { continue }
                    two[c] = Float(isLeft ? left2.count(key, x2) : right2.count(key, x2))
                    s2 += two[c]
                }
                guard s2 > 0 else { continue }
                var s1: Float = 0
                for c in 0..<n {
                    near[c] = 0
                    guard prior[c] > 0 else { continue }
                    near[c] = Float(isLeft ? self.left.count(x, forms[c]) : self.right.count(x, forms[c]))
                    s1 += near[c]
                }
                for c in 0..<n where prior[c] > 0 {
                    let shorter = (near[c] + k * prior[c]) / (s1 + k)
                    out[c] += log((two[c] + k * shorter) / (s2 + k) / shorter)
                }
            }
        }}
    }

    /// True when form `f` belongs to a spelling the model covers.
    @inline(__always)
    func covers(_ f: Int32) -> Bool { f >= 0 && unigrams.count(0, f) > 0 }

    /// ln of the smoothed corpus count of covered form `f`.
    @inline(__always)
    func logPrior(_ f: Int32) -> Float { log(Float(unigrams.count(0, f)) - 0.5) }
}
