/// Byte-level character classes for UTF-8 Swedish text. All functions are
/// `@inlinable` so the tokenizer's inner loop is specialised across modules.
public enum ByteClass {
    /// True for ASCII letters.
    @inlinable @inline(__always)
    public static func isASCIILetter(_ b: UInt8) -> Bool {
        (b | 0x20) &- 0x61 < 26
    }

    /// The high bit of each byte lane of `w` that holds an ASCII letter (SWAR range test on
    /// 8 bytes at once, no branch per byte).
    @inlinable @inline(__always)
    public static func asciiLetterLanes(_ w: UInt64) -> UInt64 {
        let high: UInt64 = 0x8080_8080_8080_8080
        let x = (w | 0x2020_2020_2020_2020) & ~high          // fold case; 7-bit lanes, no carries below
        let atLeastA = x &+ 0x1F1F_1F1F_1F1F_1F1F             // lane ≥ 0x61 sets its high bit
        let aboveZ = x &+ 0x0505_0505_0505_0505               // lane ≥ 0x7B sets its high bit
        return atLeastA & ~aboveZ & ~w & high                 // in range, and the byte itself was ASCII
    }

    /// True for ASCII digits.
    @inlinable @inline(__always)
    public static func isDigit(_ b: UInt8) -> Bool { b &- 0x30 < 10 }

    /// True for space, tab, CR, LF, VT, FF.
    @inlinable @inline(__always)
    public static func isSpace(_ b: UInt8) -> Bool {
        b == 0x20 || (b >= 0x09 && b <= 0x0D)
    }

    /// Length in bytes of the UTF-8 sequence led by `b` (1 for stray continuation bytes).
    @inlinable @inline(__always)
    public static func sequenceLength(_ b: UInt8) -> Int {
        if b < 0xC0 { return 1 }
        if b < 0xE0 { return 2 }
        if b < 0xF0 { return 3 }
        return 4
    }

    /// True when the multi-byte sequence starting at `i` is a letter for tokenizing purposes.
    /// Latin-1 punctuation (C2 xx, including NBSP), × and ÷, and General Punctuation
    /// (E2 80 xx–E2 81 xx: dashes, quotes, ellipsis) and symbols (E2 82+ arrows, €) are separators.
    @inlinable @inline(__always)
    public static func isLetterSequence(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b == 0xC2 { return false }
        if b == 0xC3 {
            guard i + 1 < p.count else { return false }
            let c = p[i + 1]
            return c != 0x97 && c != 0xB7
        }
        if b == 0xE2 || b == 0xEF || b >= 0xF0 { return false }  // punctuation, symbols, BOM/specials, emoji
        return b >= 0xC4
    }

    /// True for the last byte of a lowercase vowel: a, e, i, o, u, y, or the second byte of
    /// å, ä, ö (C3 A5, A4, B6). For word-ending tests such as "ends in a vowel".
    @inlinable @inline(__always)
    public static func isVowelEnd(_ b: UInt8) -> Bool {
        b == 0x61 || b == 0x65 || b == 0x69 || b == 0x6F || b == 0x75 || b == 0x79 || b == 0xA5 || b == 0xA4 || b == 0xB6
    }

    /// Lowercases an ASCII capital A–Z; every other byte is returned as it is.
    @inlinable @inline(__always)
    public static func asciiLower(_ b: UInt8) -> UInt8 { b &- 0x41 < 26 ? b | 0x20 : b }

    /// Lowercases one byte position of UTF-8: ASCII A–Z, and the second byte of
    /// C3 80–9E (À–Þ except ×), which covers Å, Ä, Ö, É.
    @inlinable @inline(__always)
    public static func lower(_ b: UInt8, previous: UInt8) -> UInt8 {
        if b &- 0x41 < 26 { return b | 0x20 }
        if previous == 0xC3 && b >= 0x80 && b <= 0x9E && b != 0x97 { return b &+ 0x20 }
        return b
    }

    /// True for a lowercase ASCII letter or a lowercase C3-range letter (C3 A0–BF: å, ä, ö, é)
    /// starting at `i`.
    @inlinable @inline(__always)
    public static func isLowerAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        return (b >= 0x61 && b <= 0x7A) || (b == 0xC3 && i + 1 < p.count && p[i + 1] >= 0xA0)
    }

    /// True for an uppercase ASCII letter or an uppercase C3-range letter starting at `i`.
    @inlinable @inline(__always)
    public static func isUpperAt(_ p: UnsafeBufferPointer<UInt8>, _ i: Int) -> Bool {
        let b = p[i]
        if b &- 0x41 < 26 { return true }
        if b == 0xC3, i + 1 < p.count { let c = p[i + 1]; return c >= 0x80 && c <= 0x9E && c != 0x97 }
        return false
    }
}
