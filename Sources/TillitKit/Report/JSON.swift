/// Minimal JSON writing helpers (no Foundation encoder on the output path).
public enum JSON {
    /// `s` as a JSON string literal, quotes included: `"` and `\\` escaped, line feed, carriage
    /// return and tab as `\n`, `\r`, `\t`, other control characters as `\u00XX`, everything else
    /// as it is. Cost: one pass over the UTF-8 bytes (`ByteRow.append(jsonString:)`) and two
    /// allocations.
    public static func string(_ s: String) -> String {
        var row = ByteRow(capacity: s.utf8.count &+ 2)
        defer { row.deallocate() }
        row.append(jsonString: s)
        return String(decoding: row.bytes, as: UTF8.self)
    }

    /// A number with at most 4 decimals, JSON-safe (no NaN or infinity).
    public static func number(_ d: Double) -> String {
        guard d.isFinite else { return "0" }
        if d == d.rounded() && abs(d) < 1e15 { return String(Int(d)) }
        if abs(d) >= 1e14 { return "\(d)" }   // too large for 4 decimals in an Int; Swift spells it as JSON does (1e+20)
        var s = String(format4(d))
        while s.hasSuffix("0") { s.removeLast() }
        if s.hasSuffix(".") { s.removeLast() }
        return s
    }

    /// `d` with exactly 4 decimals.
    public static func format4(_ d: Double) -> String {
        guard d.isFinite, abs(d) < 1e14 else { return "\(d)" }
        let scaled = (d * 10000).rounded()
        let neg = scaled < 0
        let v = Int(abs(scaled))
        let frac = String(v % 10000)
        return (neg ? "-" : "") + String(v / 10000) + "." + String(repeating: "0", count: 4 - frac.count) + frac
    }
}
