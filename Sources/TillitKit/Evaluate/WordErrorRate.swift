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
        alignment(a, b, traceCells: 0).distance
    }

    /// For each word of `gold`, whether one minimum-cost alignment with `hyp` matches it to an
    /// equal word (the complement counts the gold words that are wrong or missing). Returns
    /// nil when |gold|·|hyp| exceeds `maxCells` (the table costs one byte per cell).
    /// O(|gold|·|hyp|) time and memory.
    public static func matched(_ gold: [Substring], _ hyp: [Substring], maxCells: Int = 40_000_000) -> [Bool]? {
        alignment(gold, hyp, traceCells: maxCells).matched
    }

    /// The word-level Levenshtein distance between `gold` and `hyp` and, when the table of
    /// moves fits in `traceCells` bytes (|gold|·(|hyp| + 1)), the gold words one minimum-cost
    /// alignment matches to an equal word. One dynamic-programming pass serves both.
    public static func alignment(_ gold: [Substring], _ hyp: [Substring], traceCells: Int = 40_000_000) -> (distance: Int, matched: [Bool]?) {
        let n = gold.count, m = hyp.count
        if n == 0 { return (m, []) }
        let trace = n.multipliedReportingOverflow(by: m + 1).partialValue <= traceCells
        // moves: 0 = diagonal (match or substitution), 1 = gold word deleted, 2 = hyp word inserted
        var move = [UInt8](repeating: 2, count: trace ? (n + 1) * (m + 1) : 0)
        var prev = Array(0...m)
        var cur = prev
        for i in 1...n {
            cur[0] = i
            if trace { move[i * (m + 1)] = 1 }
            for j in stride(from: 1, through: m, by: 1) {
                let diag = prev[j - 1] + (gold[i - 1] == hyp[j - 1] ? 0 : 1)
                let del = prev[j] + 1
                let ins = cur[j - 1] + 1
                let (v, mv): (Int, UInt8) = diag <= del && diag <= ins ? (diag, 0) : (del <= ins ? (del, 1) : (ins, 2))
                cur[j] = v
                if trace { move[i * (m + 1) + j] = mv }
            }
            swap(&prev, &cur)
        }
        guard trace else { return (prev[m], nil) }
        var out = [Bool](repeating: false, count: n)
        var i = n, j = m
        while i > 0 {
            switch j == 0 ? 1 : move[i * (m + 1) + j] {
            case 0:
                out[i - 1] = gold[i - 1] == hyp[j - 1]
                i -= 1; j -= 1
            case 1: i -= 1
            default: j -= 1
            }
        }
        return (prev[m], out)
    }
}
