/// The double quotation marks of one paragraph of OCR'd text, read as evidence of the
/// paragraph's typographic style.
///
/// Swedish typography opens and closes a quotation with `”`. In English-model OCR of Riksdag
/// interpellations (`shared/ocr/riksdag-dev`, whose gold has 96 `”`, 9 `"` and 1 `“`) 55 of
/// the marks read `”`, 34 `"` and 13 `“`; text set with straight quotes keeps them
/// (`shared/ocr/dev`: 14 `"` and 2 `”` in the gold, 15 and 3 in the OCR). So a paragraph in
/// which OCR read some `”` at least as often as it wrote `"` was set with `”`, and its `"`
/// and `“` are misreadings. An English-style `“…”` is rare in the Swedish the tool reads (75
/// of 22,531 double marks in the clean Riksdag and statute corpus) while OCR writes `“` for
/// one `”` in eight, so an OCR `“` in such a paragraph is a misread `”` about 40 times in 41.
/// The confidence of such a repair is the share of `”` among the marks weighed; it applies at
/// `--min-confidence` (0.5 by default) or above.
///
/// A paragraph ends at a blank line (at a line break in text with one paragraph per line:
/// the in-domain corpus mixes straight and curly quotes across its lines, and read as one
/// paragraph a 256 KB part of it turned 1,014 of its `"` and `“` into `”`), and at the ends of
/// the token range being decided (a part of a streamed document, which is cut there).
/// Single marks follow the same evidence, by their pairs. Neither convention opens a quotation
/// with `‘`: Swedish typography writes `’…’`, text set with straight quotes `'…'`. In
/// English-model OCR of straight-quote text (`shared/ocr/dev`: 78 `'` in the gold and no
/// curly single mark) 52 marks read `'`, 11 `‘` and 16 `’`, the `’` closing a quotation that a
/// `'` or `‘` opened. So in a paragraph of OCR'd text a `‘` reads `'`, and so does a closing
/// `’` whose quotation opened with `'` or `‘`; a quotation opened by `’` (Swedish style) and a
/// mark inside a word (an apostrophe: `d’Italia`) keep theirs. A `‘` at a line's start that no
/// mark of the paragraph closes is a speck OCR read as a mark (in riksdag-dev all 10 such, list
/// items and questions: `‘och spårtrafik`), and is dropped. The confidence is the share of the
/// paragraph's opening single marks that are `'` or `‘`.
///
/// Cost: one pass over a paragraph's tokens, only in a paragraph that holds a quotation mark
/// other than `”` and `'`, and only once per paragraph.
struct QuoteStyle {
    /// The tokens the counts cover.
    var lo = 0, hi = 0
    /// How many `”`, `"` and `“` those tokens hold.
    var curly = 0, straight = 0, opening = 0
    /// The single marks of those tokens that read as `'`.
    var straightSingles: [Int] = []
    /// The confidence of those readings.
    var singleShare: Float = 0
    /// The `‘` of those tokens that stand at a line's start and that no mark closes.
    var strays: [Int] = []

    /// The kind of mark token `t` is: 1 `”`, 2 `"`, 3 `“`, 4 `'`, 5 `‘`, 6 `’`, 0 another token.
    @inline(__always)
    static func mark(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int {
        let s = Int(t.start), n = Int(t.end) - s
        if n == 1 { return p[s] == 0x22 ? 2 : p[s] == 0x27 ? 4 : 0 }
        guard n == 3, p[s] == 0xE2, p[s + 1] == 0x80 else { return 0 }
        switch p[s + 2] {
        case 0x9D: return 1
        case 0x9C: return 3
        case 0x98: return 5
        case 0x99: return 6
        default: return 0
        }
    }

    /// Whether single mark `k` opens a quotation (1: a word follows it, glued, and none
    /// precedes it so), closes one (2: it is glued to what precedes it and no word follows it
    /// so), or neither (0: an apostrophe inside a word, or a mark standing alone).
    static func singleRole(_ tokens: [Token], _ k: Int, lo: Int, hi: Int) -> Int {
        let t = tokens[k]
        @inline(__always) func isWord(_ u: Token) -> Bool { u.kind == .word || u.kind == .number }
        let gluedBefore = k > lo && tokens[k - 1].end == t.start
        let wordAfter = k + 1 < hi && tokens[k + 1].start == t.end && isWord(tokens[k + 1])
        if wordAfter { return gluedBefore && isWord(tokens[k - 1]) ? 0 : 1 }
        return gluedBefore ? 2 : 0
    }

    init() {}

    /// The counts of the paragraph around token `ti`, within `range`: the text between blank
    /// lines, or the line when the text has one paragraph per line (`perLine`).
    init(around ti: Int, _ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], within range: Range<Int>, perLine: Bool) {
        @inline(__always) func cut(_ a: Token, _ b: Token) -> Bool {
            perLine ? ParagraphDamage.lineBreakBetween(p, Int(a.end), Int(b.start)) : ParagraphDamage.blankLineBetween(p, Int(a.end), Int(b.start))
        }
        var lo = ti, hi = ti + 1
        while lo > range.lowerBound && !cut(tokens[lo - 1], tokens[lo]) { lo -= 1 }
        while hi < range.upperBound && !cut(tokens[hi - 1], tokens[hi]) { hi += 1 }
        self.lo = lo
        self.hi = hi
        var singles: [(token: Int, kind: Int, role: Int)] = []
        for k in lo..<hi where tokens[k].kind != .word && tokens[k].kind != .number {
            switch QuoteStyle.mark(p, tokens[k]) {
            case 1: curly += 1
            case 2: straight += 1
            case 3: opening += 1
            case let m where m >= 4: singles.append((k, m, QuoteStyle.singleRole(tokens, k, lo: lo, hi: hi)))
            default: break
            }
        }
        guard singles.contains(where: { $0.kind >= 5 }) else { return }
        let openers = singles.filter { $0.role == 1 }
        guard !openers.isEmpty else { return }
        singleShare = Float(openers.filter { $0.kind != 6 }.count) / Float(openers.count)
        var openKind = 0   // the kind of mark that opened the quotation now open, 0 when none is
        var open = -1      // the token of that mark
        // a `‘` at a line's start that no mark closes is a speck OCR read as a mark (a list
        // bullet: `‘och spårtrafik`), not a quotation
        func leaveOpen() {
            guard openKind == 5 else { return }
            if open == 0 || ParagraphDamage.lineBreakBetween(p, Int(tokens[open - 1].end), Int(tokens[open].start)) { strays.append(open) } else { straightSingles.append(open) }
        }
        for s in singles {
            switch s.role {
            case 1:
                leaveOpen()
                openKind = s.kind; open = s.token
            case 2:
                if openKind == 5 { straightSingles.append(open) }   // a closed `‘` is a quotation's
                if openKind == 4 || openKind == 5, s.kind != 4 { straightSingles.append(s.token) }
                openKind = 0
            default: break
            }
        }
        leaveOpen()
    }

    /// True when the counts cover token `ti`.
    @inline(__always)
    func covers(_ ti: Int) -> Bool { lo <= ti && ti < hi }

    /// The confidence that a mark of kind `mark` (2 `"`, 3 `“`) is a misread `”`; 0 when the
    /// paragraph gives no reason to think so.
    func confidence(_ mark: Int) -> Float {
        guard curly > 0 else { return 0 }
        switch mark {
        case 2: return curly >= straight ? Float(curly) / Float(curly + straight) : 0
        case 3: return curly >= straight ? Float(curly) / Float(curly + opening + straight) : 0   // `“`
        default: return 0
        }
    }

    /// What mark `ti` of kind `mark` (of the tokens these counts cover) reads as, and the
    /// confidence of that reading: `”` for a `"` or `“`, `'` for a `‘` or `’`, nothing for a
    /// stray `‘`; nil when the paragraph gives no reason to change it.
    func reading(_ mark: Int, at ti: Int) -> (bytes: [UInt8], confidence: Float)? {
        switch mark {
        case 2, 3:
            let c = confidence(mark)
            return c > 0 ? ([0xE2, 0x80, 0x9D], c) : nil
        case 5 where strays.contains(ti): return ([], singleShare)
        case 5, 6: return straightSingles.contains(ti) ? ([0x27], singleShare) : nil
        default: return nil
        }
    }
}
