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

    /// `inflections` as bytes.
    static let inflectionBytes: [[UInt8]] = inflections.map { Array($0.utf8) }

    /// True when the lowercased `key` matches. O(key length × inflections); used when
    /// building caches and for exclusions, not per token.
    public func matches(_ key: [UInt8]) -> Bool {
        key.withUnsafeBufferPointer { matches($0) }
    }

    /// True when the lowercased bytes `key` match; allocates nothing.
    func matches(_ key: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = key.count, m = stem.count
        guard n >= m else { return false }
        return stem.withUnsafeBufferPointer { st in
            @inline(__always) func stemAt(_ at: Int) -> Bool {
                for k in 0..<m where key[at + k] != st[k] { return false }
                return true
            }
            if anySuffix {
                if anyPrefix { return (0...(n - m)).contains { stemAt($0) } }
                return stemAt(0)
            }
            // the stem, then an ending (one of the inflections when `inflects`, else none),
            // at the key's end; with `anyPrefix` at least two bytes may come before the stem
            @inline(__always) func endsWith(_ ending: [UInt8]) -> Bool {
                let f = m + ending.count
                guard n == f || (anyPrefix && n - f >= 2) else { return false }
                let at = n - f
                guard stemAt(at) else { return false }
                for k in ending.indices where key[at + m + k] != ending[k] { return false }
                return true
            }
            if !inflects { return endsWith([]) }
            return WordPattern.inflectionBytes.contains { endsWith($0) }
        }
    }
}
