/// Minimal JSON writing helpers (no Foundation encoder on the output path).
public enum JSON {
    /// `s` as a JSON string literal, quotes included.
    public static func string(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        for u in s.unicodeScalars {
            switch u {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if u.value < 0x20 { out += "\\u" + String(repeating: "0", count: 4 - String(u.value, radix: 16).count) + String(u.value, radix: 16) } else { out.unicodeScalars.append(u) }
            }
        }
        return out + "\""
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
