/// Word error rate exactly as `shared/tools/wer.py` computes it: whitespace-split words,
/// punctuation attached, case kept, a line-end hyphen between word characters joins the
/// halves; WER = word-level Levenshtein distance / gold words.
public enum WordErrorRate {
    /// The words of `text`.
    public static func words(_ text: String) -> [Substring] {
        var joined = ""
        joined.reserveCapacity(text.utf8.count)
        let scalars = Array(text.unicodeScalars)
        var i = 0
        while i < scalars.count {
            let c = scalars[i]
            if c == "-", i + 1 < scalars.count, scalars[i + 1] == "\n", i > 0, isWordChar(scalars[i - 1]), i + 2 < scalars.count, isWordChar(scalars[i + 2]) {
                i += 2
                continue
            }
            joined.unicodeScalars.append(c)
            i += 1
        }
        return joined.split(whereSeparator: { $0.isWhitespace })
    }

    static func isWordChar(_ u: Unicode.Scalar) -> Bool {
        u.properties.isAlphabetic || u.properties.numericType != nil || u == "_"
    }

    /// Levenshtein distance between word sequences. O(|a|·|b|) time, O(|b|) memory.
    public static func distance(_ a: [Substring], _ b: [Substring]) -> Int {
        if a.isEmpty { return b.count }
        var prev = Array(0...b.count)
        var cur = prev
        for (i, x) in a.enumerated() {
            cur[0] = i + 1
            for (j, y) in b.enumerated() {
                cur[j + 1] = min(prev[j + 1] + 1, cur[j] + 1, prev[j] + (x == y ? 0 : 1))
            }
            swap(&prev, &cur)
        }
        return prev[b.count]
    }
}
