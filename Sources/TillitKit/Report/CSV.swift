/// Field quoting for CSV (RFC 4180) and TSV (tabs and line breaks become spaces).
public enum CSV {
    /// `s` as one field.
    public static func field(_ s: String, tsv: Bool) -> String {
        if tsv { return String(s.map { $0 == "\t" || $0 == "\n" || $0 == "\r" ? " " : $0 }) }
        if s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) { return "\"" + s.replacing("\"", with: "\"\"") + "\"" }
        return s
    }
}

