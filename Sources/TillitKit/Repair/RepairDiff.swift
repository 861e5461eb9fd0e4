/// A human view of repairs: each changed line as `-` original and `+` repaired, with the
/// changed words bracketed.
public enum RepairDiff {
    /// Renders the changed lines of `bytes` under `result`.
    public static func render(path: String, bytes: [UInt8], result: RepairResult) -> String {
        header(path: path, changes: result.changes.count) + lines(bytes: bytes, result: result)
    }

    /// The two header lines, with the number of changes when it is known (nil: a document
    /// streamed from standard input in several parts, whose count comes only at its end).
    public static func header(path: String, changes: Int?) -> String {
        "--- \(path)\n+++ \(path) (repaired\(changes.map { ", \($0) \($0 == 1 ? "change" : "changes")" } ?? ""))\n"
    }

    /// The changed lines of one part of a document whose first line is line `firstLine` + 1.
    public static func lines(bytes: [UInt8], result: RepairResult, firstLine: Int = 0) -> String {
        var out = ""
        guard !result.changes.isEmpty else { return out }
        var lineStarts = [0]
        for (i, b) in bytes.enumerated() where b == 0x0A { lineStarts.append(i + 1) }
        var byLine: [Int: [RepairChange]] = [:]
        for c in result.changes {
            var lo = 0, hi = lineStarts.count - 1
            while lo < hi { let m = (lo + hi + 1) / 2; if lineStarts[m] <= c.offset { lo = m } else { hi = m - 1 } }
            byLine[lo, default: []].append(c)
        }
        for line in byLine.keys.sorted() {
            let s = lineStarts[line]
            var e = s
            while e < bytes.count && bytes[e] != 0x0A { e += 1 }
            var minus = "", plus = ""
            var pos = s
            for c in byLine[line]! {
                let before = String(decoding: bytes[pos..<min(c.offset, e)], as: UTF8.self)
                minus += before + "[" + c.original + "]"
                plus += before + "[" + c.replacement + "]"
                pos = c.offset + c.length
            }
            let rest = pos < e ? String(decoding: bytes[pos..<e], as: UTF8.self) : ""
            out += "@@ line \(firstLine + line + 1)\n- " + minus + rest + "\n+ " + plus + rest + "\n"
        }
        return out
    }
}
