/// One word of a lexicon pattern, in the lexicon syntax:
///
/// | syntax | matches |
/// |---|---|
/// | `styrning` | exactly `styrning` |
/// | `styrning~` | `styrning` and its inflections: `styrningen`, `styrningar`, `styrningarna`, `styrnings` |
/// | `*styrning~` | compounds with that head: `detaljstyrning`, `regelstyrningen` (and the word itself) |
/// | `kontroll*` | words starting with it: `kontrollsystem`, `kontrollbehov`, `tillitsbaserad` for `tillit*` |
/// | `*tillit*` | words containing it |
///
/// Matching is case-insensitive (å/ä/ö/é fold too).
public struct WordPattern: Sendable, Hashable, CustomStringConvertible {
    /// The lowercased literal part.
    public let stem: [UInt8]
    /// Leading `*`: the literal may be the head of a compound.
    public let anyPrefix: Bool
    /// Trailing `*`: anything may follow.
    public let anySuffix: Bool
    /// Trailing `~`: Swedish inflection endings may follow.
    public let inflects: Bool

    /// Swedish inflectional endings accepted by `~` (nouns, adjectives, verbs, genitive -s).
    public static let inflections: [String] = [
        "", "s", "n", "ns", "en", "ens", "et", "ets", "t", "ts", "a", "as", "na", "nas", "ar", "ars", "arna", "arnas",
        "er", "ers", "erna", "ernas", "or", "ors", "orna", "ornas", "r", "rna", "rnas", "e", "es", "de", "des", "te", "tes",
        "ade", "ades", "at", "ats", "ad", "ads", "ande", "andes", "are", "ast", "aste", "ta", "da",
    ]

    /// Parses one pattern word such as `*styrning~`. Returns nil for an empty literal.
    public init?(_ text: Substring) {
        var t = String(text)
        guard let w = t.withUTF8({ WordPattern(bytes: ByteSlice($0)) }) else { return nil }
        self = w
    }

    /// Parses one pattern word from UTF-8 bytes (the lexicon reader's path).
    init?(bytes: ByteSlice) {
        var s = bytes
        let pre = s.first == 0x2A   // '*'
        if pre { s = s.dropFirst() }
        var suf = false
        var inf = false
        if s.last == 0x2A { suf = true; s = s.dropLast() }
        if s.last == 0x7E { inf = true; s = s.dropLast() }   // '~'
        if !suf && s.last == 0x2A { suf = true; s = s.dropLast() }
        guard !s.isEmpty, !s.contains(0x2A), !s.contains(0x7E) else { return nil }
        stem = s.lowercasedBytes
        anyPrefix = pre
        anySuffix = suf
        inflects = inf
    }

    /// The pattern in lexicon syntax.
    public var description: String {
        (anyPrefix ? "*" : "") + String(decoding: stem, as: UTF8.self) + (inflects ? "~" : "") + (anySuffix ? "*" : "")
    }

    /// The literal forms a token may equal (stem, or stem + each inflection).
    var forms: [[UInt8]] {
        inflects ? WordPattern.inflectionBytes.map { stem + $0 } : [stem]
    }

    /// `inflections` as bytes.
    static let inflectionBytes: [[UInt8]] = inflections.map { Array($0.utf8) }

    /// True when the lowercased `key` matches. O(key length × inflections); used when
    /// building caches and for exclusions, not per token.
    public func matches(_ key: [UInt8]) -> Bool {
        if anySuffix {
            if anyPrefix { return key.count >= stem.count && (0...(key.count - stem.count)).contains { key[$0..<($0 + stem.count)].elementsEqual(stem) } }
            return key.count >= stem.count && key.prefix(stem.count).elementsEqual(stem)
        }
        for f in forms where key.count >= f.count {
            if key.count == f.count { if key.elementsEqual(f) { return true } } else if anyPrefix && key.count - f.count >= 2 && key.suffix(f.count).elementsEqual(f) { return true }
        }
        return false
    }
}
