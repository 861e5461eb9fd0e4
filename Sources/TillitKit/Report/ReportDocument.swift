/// One scored document of a report with its original bytes, which the report needs to show
/// the passages with their hits highlighted.
public struct ReportDocument: Sendable {
    /// The document's scores, scored with `HTMLReport.analyzer(…)` (paragraph units, evidence
    /// and repair changes kept). `score.columns` holds the record's pass-through values.
    public var score: DocumentScore
    /// The document's bytes as read (a record's text field for `--input jsonl|csv|tsv`).
    public var bytes: [UInt8]

    public init(score: DocumentScore, bytes: [UInt8]) { self.score = score; self.bytes = bytes }
}
