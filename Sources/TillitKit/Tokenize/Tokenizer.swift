/// Splits UTF-8 bytes into `Token`s in one forward scan. Creates no `String`s.
///
/// Words are runs of letters and digits that contain a letter; the OCR stand-ins `&`, `|`,
/// `@` and `£` join a word when a letter follows (`&r`, `£6r`). Latin-1 and General
/// Punctuation sequences are separators. Cost: O(n), about one branch per byte.
public enum Tokenizer {
    /// Appends the tokens of `bytes[range]` to `tokens`. Tokens are gathered in a stack
    /// buffer and appended 256 at a time, so the array is not checked per token.
    @inlinable
    public static func tokenize(_ bytes: UnsafeBufferPointer<UInt8>, range: Range<Int>, into tokens: inout [Token]) {
        withUnsafeTemporaryAllocation(of: Token.self, capacity: 256) { buf in
            let out = buf.baseAddress!
            var k = 0
            var i = range.lowerBound
            let end = range.upperBound
            while i < end {
                if k == 256 { tokens.append(contentsOf: UnsafeBufferPointer(start: out, count: k)); k = 0 }
                let b = bytes[i]
                if b < 0x80 {
                    if ByteClass.isSpace(b) { i += 1; continue }
                    if ByteClass.isASCIILetter(b) || ByteClass.isDigit(b) || (isJoiner(b) && letterFollows(bytes, i + 1, end)) {
                        let (e, letter) = scanWord(bytes, i, end)
                        out[k] = Token(start: i, end: e, kind: letter ? .word : .number); k += 1
                        i = e
                        continue
                    }
                    out[k] = Token(start: i, end: i + 1, kind: .punctuation); k += 1
                    i += 1
                    continue
                }
                let n = min(ByteClass.sequenceLength(b), end - i)
                if ByteClass.isLetterSequence(bytes, i) || (b == 0xC2 && n == 2 && poundIsF(bytes, i, end)) {
                    let (e, letter) = scanWord(bytes, i, end)
                    out[k] = Token(start: i, end: e, kind: letter ? .word : .number); k += 1
                    i = e
                    continue
                }
                if b == 0xC2 && n == 2 && bytes[i + 1] == 0xA0 { i += 2; continue }  // NBSP is whitespace
                out[k] = Token(start: i, end: i + n, kind: (b == 0xC2 || b == 0xE2) ? .punctuation : .other); k += 1
                i += n
            }
            tokens.append(contentsOf: UnsafeBufferPointer(start: out, count: k))
        }
    }

    /// Convenience: tokenizes a whole byte array.
    public static func tokenize(_ bytes: [UInt8]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(bytes.count / 5)
        bytes.withUnsafeBufferPointer { tokenize($0, range: 0..<$0.count, into: &out) }
        return out
    }

    @inlinable @inline(__always)
    static func isJoiner(_ b: UInt8) -> Bool { b == 0x26 || b == 0x7C || b == 0x40 }

    /// True when the `£` at `i` (C2 A3) is OCR's reading of an `f`: a letter follows
    /// (`£ran`), or a 6 or 0 for `ö` and then a letter (`£6r` for `för`, seed 002).
    @inlinable @inline(__always)
    static func poundIsF(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard i + 1 < end, p[i + 1] == 0xA3 else { return false }
        if letterFollows(p, i + 2, end) { return true }
        return i + 3 < end && (p[i + 2] == 0x36 || p[i + 2] == 0x30) && letterFollows(p, i + 3, end)
    }

    /// True when the `€` at `i` (E2 82 AC) is OCR's reading of an `å` inside a word: it follows
    /// an ASCII letter of the same word (`p€` for på, `f€` for få; ocr/dev holds å→€). An
    /// amount is written apart (`100 €`, `€100`), so a € glued to a letter is no currency sign.
    @inlinable @inline(__always)
    static func euroIsA(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ i: Int, _ end: Int) -> Bool {
        i > start && i + 2 < end && p[i + 1] == 0x82 && p[i + 2] == 0xAC && ByteClass.isASCIILetter(p[i - 1])
    }

    @inlinable @inline(__always)
    static func letterFollows(_ p: UnsafeBufferPointer<UInt8>, _ i: Int, _ end: Int) -> Bool {
        guard i < end else { return false }
        let b = p[i]
        if b < 0x80 { return ByteClass.isASCIILetter(b) }
        return ByteClass.isLetterSequence(p, i)
    }

    /// How many of the 8 bytes of `w` (in memory order) are ASCII letters before the first
    /// byte that is not.
    @inlinable @inline(__always)
    static func asciiLetterRun(_ w: UInt64) -> Int {
        (~ByteClass.asciiLetterLanes(w) & 0x8080_8080_8080_8080).trailingZeroBitCount >> 3
    }

    /// Scans a word or number starting at `start`; returns the index after it and whether it
    /// holds a letter (a word) or not (a number).
    @inlinable @inline(__always)
    static func scanWord(_ p: UnsafeBufferPointer<UInt8>, _ start: Int, _ end: Int) -> (Int, Bool) {
        var i = start
        var hasLetter = false
        let raw = UnsafeRawPointer(p.baseAddress!)
        while i < end {
            // ASCII letters 8 at a time: skip the run of letters that starts at i
            if i + 8 <= end {
                let run = asciiLetterRun(raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))
                if run > 0 {
                    hasLetter = true
                    i += run
                    if run == 8 { continue }
                }
            }
            let b = p[i]
            if b < 0x80 {
                // letters (bits of 0x40–0x7F) and digits (bits of 0x00–0x3F), one shift each
                if b >= 0x40 {
                    if (0x07FF_FFFE_07FF_FFFE as UInt64) >> UInt64(b & 0x3F) & 1 != 0 { hasLetter = true; i += 1; continue }
                } else if (0x03FF_0000_0000_0000 as UInt64) >> UInt64(b) & 1 != 0 { i += 1; continue }
                // OCR stand-ins inside or at the end of a word: "&r", "m&nga", "s&" (så)
                if isJoiner(b) && (letterFollows(p, i + 1, end) || (i > start && ByteClass.isASCIILetter(p[i - 1]) && !(i + 1 < end && isJoiner(p[i + 1])))) { hasLetter = true; i += 1; continue }
                // inner decimal separator: digit [.,] digit inside a number
                if !hasLetter && (b == 0x2E || b == 0x2C) && i > start && i + 1 < end && ByteClass.isDigit(p[i + 1]) && ByteClass.isDigit(p[i - 1]) {
                    i += 1; continue
                }
                break
            }
            let n = ByteClass.sequenceLength(b)
            if i + n > end { break }
            if ByteClass.isLetterSequence(p, i) { hasLetter = true; i += n; continue }
            if b == 0xC2 && poundIsF(p, i, end) { hasLetter = true; i += 2; continue }
            if b == 0xE2 && euroIsA(p, start, i, end) { hasLetter = true; i += 3; continue }
            break
        }
        return (i, hasLetter)
    }
}
