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
    /// The whole document's label.
    public var label: Label
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
    /// `--unit document`, in a document read in several parts: this part's hits in order, with
    /// their scale before the repeat factor, so `Analyzer.merge` can weigh them by the entry
    /// counts of the parts before it. Empty once merged, and for other units.
    var pendingHits: [PendingHit] = []
    /// `--unit document`: hits per lexicon entry so far in the document (the repeat factor's k).
    var entryCounts: [Int32: Int] = [:]
}

/// A hit as `Analyzer.merge` re-weighs it: its entry, the pole it counts for and its scale
/// (heading and topic factors) before the repeat factor.
struct PendingHit: Sendable {
    var entry: Int32
    var pole: Pole
    var scale: Double
}
