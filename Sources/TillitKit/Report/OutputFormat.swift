/// Output formats of `tillit score`.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// Human-readable: per document the filled-in comparison table, then one line per unit.
    case table
    /// One JSON object per unit (or per hit with evidence in CSV/TSV).
    case jsonl
    /// Comma-separated values with a header row (RFC 4180 quoting).
    case csv
    /// Tab-separated values with a header row (tabs and newlines in text become spaces).
    case tsv
}
