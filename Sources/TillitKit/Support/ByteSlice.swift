/// A view of a byte range of UTF-8 text, for reading small line-based files (lexicons, model
/// tables) without walking `Character`s. Valid only while the buffer it points into is.
///
/// Splitting and trimming work on bytes; only the blanks around a field that are not ASCII
/// (the Unicode space separators) are decoded, so trimming treats the same characters as
/// blanks as `StringProtocol.trimmed` does. Cost: O(length) per operation, no allocation
/// except for the arrays `split` returns and the strings `string` builds.
struct ByteSlice {
    let base: UnsafeBufferPointer<UInt8>
    let lower: Int
    let upper: Int

    init(_ base: UnsafeBufferPointer<UInt8>, _ lower: Int, _ upper: Int) {
        self.base = base
        self.lower = lower
        self.upper = upper
    }

    init(_ base: UnsafeBufferPointer<UInt8>) { self.init(base, 0, base.count) }

    var count: Int { upper - lower }
    var isEmpty: Bool { upper == lower }
    /// The byte at offset `i` from the start.
    subscript(i: Int) -> UInt8 { base[lower + i] }
    var first: UInt8? { isEmpty ? nil : base[lower] }
    var last: UInt8? { isEmpty ? nil : base[upper - 1] }

    /// The bytes from offset `from` to offset `to` (relative to the start).
    func slice(_ from: Int, _ to: Int) -> ByteSlice { ByteSlice(base, lower + from, lower + to) }
    func dropFirst(_ n: Int = 1) -> ByteSlice { ByteSlice(base, min(lower + n, upper), upper) }
    func dropLast(_ n: Int = 1) -> ByteSlice { ByteSlice(base, lower, max(upper - n, lower)) }

    /// Offset of the first `byte`, or nil.
    func firstIndex(of byte: UInt8) -> Int? {
        var i = lower
        while i < upper { if base[i] == byte { return i - lower }; i += 1 }
        return nil
    }

    func contains(_ byte: UInt8) -> Bool { firstIndex(of: byte) != nil }

    func allSatisfy(_ test: (UInt8) -> Bool) -> Bool {
        var i = lower
        while i < upper { if !test(base[i]) { return false }; i += 1 }
        return true
    }

    func elementsEqual(_ s: StaticString) -> Bool {
        guard s.utf8CodeUnitCount == count else { return false }
        let p = s.utf8Start
        for i in 0..<count where p[i] != base[lower + i] { return false }
        return true
    }

    func hasPrefix(_ s: StaticString) -> Bool {
        count >= s.utf8CodeUnitCount && slice(0, s.utf8CodeUnitCount).elementsEqual(s)
    }

    /// The pieces between separator bytes, as `Collection.split(whereSeparator:)` returns them.
    func split(omittingEmpty: Bool = true, where isSeparator: (UInt8) -> Bool) -> [ByteSlice] {
        var out: [ByteSlice] = []
        var start = lower, i = lower
        while i < upper {
            if isSeparator(base[i]) {
                if !omittingEmpty || i > start { out.append(ByteSlice(base, start, i)) }
                start = i + 1
            }
            i += 1
        }
        if !omittingEmpty || upper > start { out.append(ByteSlice(base, start, upper)) }
        return out
    }

    func split(separator: UInt8, omittingEmpty: Bool = true) -> [ByteSlice] {
        split(omittingEmpty: omittingEmpty) { $0 == separator }
    }

    /// Without leading and trailing blanks: the set of `StringProtocol.trimmed(newlines:)`
    /// (tab, the Unicode space separators, and with `newlines` the line breaks).
    func trimmed(newlines: Bool = false) -> ByteSlice {
        var s = lower, e = upper
        while s < e, let n = blankLength(at: s, newlines: newlines) { s += n }
        while e > s, let n = blankLength(endingAt: e, newlines: newlines) { e -= n }
        return ByteSlice(base, s, e)
    }

    /// Bytes of the blank scalar starting at `i`, or nil when it is not blank.
    func blankLength(at i: Int, newlines: Bool) -> Int? {
        let b = base[i]
        if b < 0x80 {
            if b == 0x20 || b == 0x09 { return 1 }
            return newlines && b >= 0x0A && b <= 0x0D ? 1 : nil
        }
        guard b >= 0xC0 else { return nil }
        let n = b < 0xE0 ? 2 : (b < 0xF0 ? 3 : 4)
        guard i + n <= upper else { return nil }
        var j = i
        return ByteSlice.isBlank(UTF8Scalars.next(base.baseAddress!, &j, i + n), newlines: newlines) ? n : nil
    }

    /// Bytes of the blank scalar ending just before `e`, or nil when it is not blank.
    func blankLength(endingAt e: Int, newlines: Bool) -> Int? {
        var s = e - 1
        while s > lower && base[s] & 0xC0 == 0x80 { s -= 1 }
        guard let n = blankLength(at: s, newlines: newlines), s + n == e else { return nil }
        return n
    }

    static func isBlank(_ u: UInt32, newlines: Bool) -> Bool {
        if u == 0x09 { return true }
        if let scalar = Unicode.Scalar(u), scalar.properties.generalCategory == .spaceSeparator { return true }
        guard newlines else { return false }
        switch u {
        case 0x0A, 0x0B, 0x0C, 0x0D, 0x85, 0x2028, 0x2029: return true
        default: return false
        }
    }

    /// True when every byte is ASCII.
    var isASCII: Bool { allSatisfy { $0 < 0x80 } }

    /// The text of the slice.
    var string: String { String(decoding: UnsafeBufferPointer(rebasing: base[lower..<upper]), as: UTF8.self) }

    /// The bytes of the slice.
    var bytes: [UInt8] { Array(UnsafeBufferPointer(rebasing: base[lower..<upper])) }

    /// The bytes lowercased as `String.lowercased()` would: ASCII in place, anything else
    /// through `String`.
    var lowercasedBytes: [UInt8] {
        if isASCII { return bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 } }
        return Array(string.lowercased().utf8)
    }

    /// Runs `body` over the UTF-8 bytes of `text` (copied only when the string is not
    /// contiguous).
    static func withBytes<R>(of text: String, _ body: (ByteSlice) throws -> R) rethrows -> R {
        var t = text
        return try t.withUTF8 { try body(ByteSlice($0)) }
    }
}
