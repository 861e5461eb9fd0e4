/// The double quotation marks of one paragraph of OCR'd text, read as evidence of the
/// paragraph's typographic style.
///
/// Swedish typography opens and closes a quotation with `”`. In English-model OCR of Riksdag
/// interpellations (`shared/ocr/riksdag-dev`, whose gold has 96 `”`, 9 `"` and 1 `“`) 55 of
/// the marks read `”`, 34 `"` and 13 `“`; text set with straight quotes keeps them
/// (`shared/ocr/dev`: 14 `"` and 2 `”` in the gold, 15 and 3 in the OCR). So a paragraph in
/// which OCR read some `”` at least as often as it wrote `"` was set with `”`, and its `"`
/// are misreadings; its `“` are too when the `”` outnumber the `“` and `"` together
/// (English-style pairs `“…”` stay). The confidence of such a repair
/// is the share of `”` among the marks weighed; it applies at `--min-confidence` (0.5 by
/// default) or above.
///
/// A paragraph ends at a blank line (at a line break in text with one paragraph per line:
/// the in-domain corpus mixes straight and curly quotes across its lines, and read as one
/// paragraph a 256 KB part of it turned 1,014 of its `"` and `“` into `”`), and at the ends of
/// the token range being decided (a part of a streamed document, which is cut there).
/// Cost: one pass over a paragraph's tokens, only in a paragraph that holds a `"` or `“` and
/// only once per paragraph.
struct QuoteStyle {
    /// The tokens the counts cover.
    var lo = 0, hi = 0
    /// How many `”`, `"` and `“` those tokens hold.
    var curly = 0, straight = 0, opening = 0

    /// The kind of mark token `t` is: 1 `”`, 2 `"`, 3 `“`, 0 another token.
    @inline(__always)
    static func mark(_ p: UnsafeBufferPointer<UInt8>, _ t: Token) -> Int {
        let s = Int(t.start), n = Int(t.end) - s
        if n == 1 { return p[s] == 0x22 ? 2 : 0 }
        guard n == 3, p[s] == 0xE2, p[s + 1] == 0x80 else { return 0 }
        return p[s + 2] == 0x9D ? 1 : p[s + 2] == 0x9C ? 3 : 0
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
        for k in lo..<hi where tokens[k].kind != .word && tokens[k].kind != .number {
            switch QuoteStyle.mark(p, tokens[k]) {
            case 1: curly += 1
            case 2: straight += 1
            case 3: opening += 1
            default: break
            }
        }
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
        case 3: return curly > opening + straight ? Float(curly) / Float(curly + opening + straight) : 0
        default: return 0
        }
    }
}
