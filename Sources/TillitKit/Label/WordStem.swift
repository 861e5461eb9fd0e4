/// The word stems the label model may weigh beside the evidence: a lowercased (and repaired)
/// word cut to its first `maxScalars` letters, so `dokumentation`, `dokumentationen` and
/// `dokumentera` share `dokument`. Crude on purpose: no dictionary, the same in every language,
/// and one table probe per word type.
public enum WordStem {
    /// Letters kept.
    public static let maxScalars = 8
    /// Words shorter than this are not stems (function words, abbreviations).
    public static let minScalars = 4

    /// Byte length of the stem of the lowercase key, or 0 when the word has no stem (too short,
    /// or holding digits). O(key length).
    public static func length(_ key: UnsafePointer<UInt8>, _ len: Int) -> Int {
        var scalars = 0, i = 0, cut = 0
        while i < len {
            let b = key[i]
            if b >= 0x30 && b <= 0x39 { return 0 }
            let n = b < 0x80 ? 1 : (b >= 0xF0 ? 4 : (b >= 0xE0 ? 3 : 2))
            i += n
            scalars += 1
            if scalars == maxScalars { cut = i }
        }
        guard scalars >= minScalars else { return 0 }
        return cut > 0 ? min(cut, len) : len
    }

    /// The stem of a word as a string (nil when it has none); for building vocabularies.
    public static func of(_ word: String) -> String? {
        let key = Array(word.lowercased().utf8)
        let n = key.withUnsafeBufferPointer { length($0.baseAddress!, $0.count) }
        return n > 0 ? String(decoding: key[0..<n], as: UTF8.self) : nil
    }
}
