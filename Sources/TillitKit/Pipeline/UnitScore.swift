/// The score of one unit (document, paragraph or sentence).
public struct UnitScore: Sendable {
    /// 0-based index of the unit within its document.
    public var index: Int
    /// `document`, `paragraph`, `heading`, `list-item` or `sentence`.
    public var kind: String
    /// Byte offset of the unit in the original document.
    public var offset: Int
    /// Byte length in the original document.
    public var length: Int
    /// Number of tokens.
    public var tokens: Int
    /// The filled-in comparison table.
    public var table: ScoreTable
    /// The label with its probabilities and the features that decided it.
    public var decision: LabelDecision
    /// The label.
    public var label: Label { decision.label }
    /// The hits (only with `ScoreOptions.evidence`).
    public var hits: [Evidence]
    /// Word tokens in the unit.
    public var words: Int = 0
    /// Lexicon entry index of every hit (only with `ScoreOptions.entryHits`).
    public var entries: [Int32] = []
    /// The first characters of the unit's text (only with `ScoreOptions.previews`).
    public var preview: String?
    /// The word stems of the unit that the matcher's vocabulary holds (only with
    /// `ScoreOptions.keepStems`).
    public var stems: [String] = []
    /// The unit's word ids in the matcher's word vectors, repeats kept (only with
    /// `ScoreOptions.keepStems` and a matcher with word vectors).
    public var vectorIDs: [Int32] = []
    /// `--unit document`: the labels of the document's passages.
    public var passages = PassageCounts()
    /// The unit's text, repaired where it was repaired (only with `ScoreOptions.texts`).
    public var text: String? = nil
    /// Offset of the unit in Unicode scalars of the original document, as Python's `str` and
    /// R count characters (a UTF-8 byte order mark not counted; a Windows-1252 byte is one).
    /// Only with `ScoreOptions.charOffsets`, else 0.
    public var charOffset = 0
    /// Length of the unit in Unicode scalars (only with `ScoreOptions.charOffsets`).
    public var charLength = 0
}
