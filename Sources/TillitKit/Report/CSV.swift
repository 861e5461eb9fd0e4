/// Field quoting for CSV (RFC 4180) and TSV (tabs and line breaks become spaces).
public enum CSV {
    /// `s` as one field. Compared by Unicode scalar: a CRLF is one `Character` in Swift, equal
    /// to neither `"\n"` nor `"\r"`, and left a CSV field unquoted and a TSV row broken.
    public static func field(_ s: String, tsv: Bool) -> String {
        if tsv {
            guard s.unicodeScalars.contains(where: { $0 == "\t" || $0 == "\n" || $0 == "\r" }) else { return s }
            var out = String.UnicodeScalarView()
            for u in s.unicodeScalars { out.append(u == "\t" || u == "\n" || u == "\r" ? " " : u) }
            return String(out)
        }
        if s.unicodeScalars.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) { return "\"" + s.replacing("\"", with: "\"\"") + "\"" }
        return s
    }
}
