/// Splits decoded text into blocks (paragraphs, headings, list items) and blocks into
/// sentences, working on bytes.
///
/// Handles text converted from PDF or Word: hard-wrapped lines join into one paragraph,
/// markdown markers (`#`, `**`), bullets (`-`, `*`, `•`, and OCR's `e ` for `•`), numbered
/// items, short standalone lines (headings, dates, signatures). Sentence ends skip
/// abbreviations such as `bl.a.`, `t.ex.`, `dvs.`, `s.k.` and initials. Text written one
/// paragraph per line is split at every line break instead (`ParagraphMode`). Cost: O(n).
public enum Segmenter {
    /// The blocks of `bytes`, in order.
    public static func segments(_ bytes: [UInt8], paragraphs: ParagraphMode = .blank) -> [Segment] {
        bytes.withUnsafeBufferPointer { segments($0, range: 0..<$0.count, paragraphs: paragraphs) }
    }

    /// The blocks of `p[range]`, in order. Offsets are absolute. With `paragraphs` `.line` each
    /// non-empty line is one block; `.auto` picks `.line` or `.blank` by `layout`.
    public static func segments(_ p: UnsafeBufferPointer<UInt8>, range: Range<Int>, paragraphs: ParagraphMode = .blank) -> [Segment] {
        let perLine = paragraphs == .line || (paragraphs == .auto && layout(p, range: range) == .line)
        var out: [Segment] = []
        var current: Segment? = nil
        var lastLineWasBreak = true   // start of text counts as after a blank line
        var i = range.lowerBound
        func flush() {
            if let c = current, !c.range.isEmpty { out.append(c) }
            current = nil
        }
        while i < range.upperBound {
            var lineEnd = range.upperBound   // the next line feed, found with memchr (SIMD in libc)
            if let hit = memchr(p.baseAddress! + i, 0x0A, range.upperBound - i) {
                lineEnd = UnsafeRawPointer(p.baseAddress!).distance(to: UnsafeRawPointer(hit))
            }
            let next = lineEnd + 1
            var s = i
            var e = lineEnd
            while s < e && (ByteClass.isSpace(p[s]) || isNBSP(p, s, e)) { s += isNBSP(p, s, e) ? 2 : 1 }
            while e > s && ByteClass.isSpace(p[e - 1]) { e -= 1 }
            if s == e {
                flush()
                lastLineWasBreak = true
                i = next
                continue
            }
            if let h = markdownHeading(p, s, e) {
                flush()
                out.append(Segment(kind: .heading, range: h))
                lastLineWasBreak = true
            } else if let item = listMarker(p, s, e) {
                flush()
                current = Segment(kind: .listItem, range: item..<e)
                lastLineWasBreak = false
            } else if lastLineWasBreak && looksLikeHeading(p, s, e, nextLineStart: next, end: range.upperBound) {
                flush()
                out.append(Segment(kind: .heading, range: s..<e))
                lastLineWasBreak = true
            } else {
                if current == nil { current = Segment(kind: .paragraph, range: s..<e) } else { current!.range = current!.range.lowerBound..<e }
                lastLineWasBreak = false
            }
            if perLine {
                // one paragraph per line: every line break ends the block
                flush()
                lastLineWasBreak = true
            }
            i = next
        }
        flush()
        return out
    }

    /// How `p[range]` marks its paragraphs: `.line` when most lines that directly follow another
    /// line (which `.blank` would join as a hard wrap) come after a line that ends like a
    /// paragraph: with `.`, `!`, `?`, `:`, a closing quote or bracket, or longer than 150 bytes
    /// (no wrap width is that wide), and start like one (not with a lowercase letter).
    /// Otherwise `.blank`, also when no line follows another. Reads at most the first 256 KB.
    /// Cost: O(n), one `memchr` per line.
    public static func layout(_ p: UnsafeBufferPointer<UInt8>, range: Range<Int>) -> ParagraphMode {
        let end = min(range.upperBound, range.lowerBound + (256 << 10))
        var joined = 0      // non-empty lines right after a non-empty line
        var breaks = 0      // of those, the ones after a line that ended like a paragraph
        var previousEnds: Bool? = nil   // nil after a blank line
        var i = range.lowerBound
        while i < end {
            var lineEnd = end
            if let hit = memchr(p.baseAddress! + i, 0x0A, end - i) {
                lineEnd = UnsafeRawPointer(p.baseAddress!).distance(to: UnsafeRawPointer(hit))
            }
            var s = i
            var e = lineEnd
            while s < e && (ByteClass.isSpace(p[s]) || isNBSP(p, s, e)) { s += isNBSP(p, s, e) ? 2 : 1 }
            while e > s && ByteClass.isSpace(p[e - 1]) { e -= 1 }
            i = lineEnd + 1
            if s == e { previousEnds = nil; continue }
            if let prev = previousEnds {
                joined += 1
                let startsLower = ByteClass.isASCIILetter(p[s]) && !ByteClass.isUpperAt(p, s)
                if prev && !startsLower { breaks += 1 }
            }
            previousEnds = e - s > 150 || endsLikeParagraph(p, s, e)
        }
        return joined > 0 && breaks * 2 > joined ? .line : .blank
    }

    /// True when the line `p[s..<e]` (trimmed, not empty) ends with `.`, `!`, `?`, `:`, `"`, `)`,
    /// `”`, `»` or `…`.
    static func endsLikeParagraph(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Bool {
        let last = p[e - 1]
        if last == 0x2E || last == 0x21 || last == 0x3F || last == 0x3A || last == 0x22 || last == 0x29 { return true }
        if e - s >= 2 && p[e - 2] == 0xC2 && last == 0xBB { return true }                     // »
        if e - s >= 3 && p[e - 3] == 0xE2 && p[e - 2] == 0x80 && (last == 0x9D || last == 0xA6) { return true }  // ” …
        return false
    }

    /// Sentence ranges inside `range` of `p`. Abbreviations and initials do not end a sentence.
    public static func sentences(_ p: UnsafeBufferPointer<UInt8>, in range: Range<Int>) -> [Range<Int>] {
        var out: [Range<Int>] = []
        var start = range.lowerBound
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            let b = p[i]
            if b == 0x2E || b == 0x21 || b == 0x3F {  // . ! ?
                var j = i + 1
                while j < end && (p[j] == 0x2E || p[j] == 0x21 || p[j] == 0x3F || p[j] == 0x22 || p[j] == 0x27 || p[j] == 0x29) { j += 1 }
                if j < end && p[j] == 0xE2 && j + 2 < end && p[j + 1] == 0x80 && (p[j + 2] == 0x9D || p[j + 2] == 0x99) { j += 3 }
                guard j < end, ByteClass.isSpace(p[j]) else { i = j; continue }
                var k = j
                while k < end && ByteClass.isSpace(p[k]) { k += 1 }
                if k >= end { break }
                let startsNew = ByteClass.isUpperAt(p, k) || ByteClass.isDigit(p[k]) || p[k] == 0x22 || p[k] == 0xE2 || p[k] == 0x2D
                if startsNew && !(b == 0x2E && endsWithAbbreviation(p, from: start, dot: i)) {
                    out.append(start..<j)
                    start = k
                }
                i = k
                continue
            }
            i += 1
        }
        if start < end { out.append(start..<end) }
        return out
    }

    /// Common Swedish abbreviations, lowercased, with their final period.
    static let abbreviations: Set<[UInt8]> = Set([
        "bl.a.", "t.ex.", "dvs.", "d.v.s.", "s.k.", "m.m.", "m.fl.", "osv.", "o.s.v.", "etc.", "resp.", "ca.", "c:a.",
        "jfr.", "kl.", "nr.", "f.d.", "p.g.a.", "pga.", "t.o.m.", "fr.o.m.", "o.d.", "e.d.", "s.", "sid.", "st.", "tel.",
        "bl", "ex.", "inkl.", "exkl.", "enl.", "ang.", "avd.", "kap.", "prop.", "t.ex", "mfl.", "tex.", "a.", "dr.", "mr.",
    ].map { Array($0.utf8) })

    /// True when the whitespace-delimited chunk ending at `dot` is an abbreviation or an initial.
    static func endsWithAbbreviation(_ p: UnsafeBufferPointer<UInt8>, from floor: Int, dot: Int) -> Bool {
        var s = dot
        while s > floor && !ByteClass.isSpace(p[s - 1]) && p[s - 1] != 0x28 { s -= 1 }
        let len = dot + 1 - s
        if len == 2 && ByteClass.isUpperAt(p, s) { return true }  // initial: "A."
        if len > 8 { return false }
        var chunk: [UInt8] = []
        var prev: UInt8 = 0
        for k in s...dot { chunk.append(ByteClass.lower(p[k], previous: prev)); prev = p[k] }
        return abbreviations.contains(chunk)
    }

    @inline(__always)
    static func isNBSP(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Bool {
        i + 1 < e && p[i] == 0xC2 && p[i + 1] == 0xA0
    }

    /// `# Title` … `###### Title`: returns the title range.
    static func markdownHeading(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Range<Int>? {
        var i = s
        while i < e && p[i] == 0x23 { i += 1 }
        guard i > s, i - s <= 6, i < e, p[i] == 0x20 else { return nil }
        while i < e && p[i] == 0x20 { i += 1 }
        return i < e ? i..<e : nil
    }

    /// Bullet or number marker at the start of a line: returns where the item's text starts.
    static func listMarker(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int) -> Int? {
        guard e - s >= 3 else { return nil }
        let b = p[s]
        // "- ", "* ", "+ " (but not "**bold**")
        if (b == 0x2D || b == 0x2A || b == 0x2B) && p[s + 1] == 0x20 { return skipSpaces(p, s + 2, e) }
        // "• " (E2 80 A2) and "– " (E2 80 93)
        if b == 0xE2 && e - s >= 4 && p[s + 1] == 0x80 && (p[s + 2] == 0xA2 || p[s + 2] == 0x93) && p[s + 3] == 0x20 { return skipSpaces(p, s + 4, e) }
        // OCR reads "•" as "e": "e " followed by an uppercase letter or "["
        if b == 0x65 && p[s + 1] == 0x20 && (ByteClass.isUpperAt(p, s + 2) || p[s + 2] == 0x5B) { return skipSpaces(p, s + 2, e) }
        // "1. Text", "2) Text"
        var i = s
        while i < e && ByteClass.isDigit(p[i]) { i += 1 }
        if i > s && i - s <= 2 && i + 1 < e && (p[i] == 0x2E || p[i] == 0x29) && p[i + 1] == 0x20 {
            let t = skipSpaces(p, i + 2, e)
            if t < e && ByteClass.isUpperAt(p, t) { return t }
        }
        return nil
    }

    static func skipSpaces(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ e: Int) -> Int {
        var i = i
        while i < e && p[i] == 0x20 { i += 1 }
        return i
    }

    /// A short line that starts a block, starts with a capital or digit, and does not end like
    /// a sentence or a wrapped line: a title, date line or signature. A question (a line
    /// ending in `?`) is a sentence, not a heading.
    static func looksLikeHeading(_ p: UnsafeBufferPointer<UInt8>, _ s: Int, _ e: Int, nextLineStart: Int, end: Int) -> Bool {
        guard e - s <= 70 else { return false }
        let last = p[e - 1]
        if last == 0x2E || last == 0x2C || last == 0x3B || last == 0x2D || last == 0x3F { return false }
        guard ByteClass.isUpperAt(p, s) || ByteClass.isDigit(p[s]) || p[s] == 0x2A else { return false }
        var words = 1
        for k in s..<e where p[k] == 0x20 { words += 1 }
        if words > 9 { return false }
        // the next line must exist and not continue this one in lowercase
        var n = nextLineStart
        while n < end && (p[n] == 0x20 || p[n] == 0x09 || p[n] == 0x0D) { n += 1 }
        if n >= end || p[n] == 0x0A { return true }
        return !(ByteClass.isASCIILetter(p[n]) && !ByteClass.isUpperAt(p, n))
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
