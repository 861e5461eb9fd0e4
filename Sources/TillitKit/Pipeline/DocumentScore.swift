/// Everything tillit measured in one document.
public struct DocumentScore: Sendable {
    /// Path, `-`, or the JSONL record id.
    public var id: String
    /// How the bytes were read.
    public var encoding: SourceEncoding
    /// Bytes read.
    public var bytes: Int
    /// Tokens scanned.
    public var tokens: Int
    /// The whole document's table.
    public var table: ScoreTable
    /// The labels of the document's passages.
    public var passages: PassageCounts
    /// The whole document's label, drawn from its passages (see `PassageCounts`).
    public var label: Label { passages.decision.label }
    /// The scored units, in order (one unit for `--unit document`).
    public var units: [UnitScore]
    /// Repairs applied (kept with `ScoreOptions.keepChanges`; offsets in the original document).
    public var changes: [RepairChange]
    /// Number of repairs applied.
    public var repairCount: Int
    /// Whether the repair stage judged the document damaged.
    public var looksDamaged: Bool
    /// Total hits.
    public var hitCount: Int
    /// The record's pass-through values, one per `DocumentStream.columnNames` (set by
    /// `BatchRunner` from the part).
    public var columns: [String] = []
    /// Warnings for stderr (encoding fallbacks).
    public var warnings: [String]
}
