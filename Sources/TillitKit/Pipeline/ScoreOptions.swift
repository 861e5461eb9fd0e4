/// Settings of a scoring run.
public struct ScoreOptions: Sendable {
    /// The unit that gets one label.
    public var unit: ScoringUnit
    /// When to repair OCR damage.
    public var repair: RepairMode
    /// Least confidence for a repair to be applied.
    public var minConfidence: Double
    /// Keep every hit for output (costs memory per hit).
    public var evidence: Bool
    /// Keep every repair change for output.
    public var keepChanges: Bool
    /// The label model (default: the embedded one).
    public var model: LabelModel
    /// Keep the lexicon entry of every hit (for dictionary counts).
    public var entryHits = false
    /// Keep each unit's vocabulary stems (for training and cross-validation).
    public var keepStems = false
    /// Keep the first 60 characters of each unit for display.
    public var previews = false
    /// Weight factor for hits in headings and short standalone lines (codebook rule 4).
    public var headingScale: Double
    /// How paragraphs are found in plain text (default `.auto`: one paragraph per line when the
    /// text is written so, else blank-line separated).
    public var paragraphs: ParagraphMode = .auto
    /// Keep each unit's text, repaired where it was repaired (`UnitScore.text`, `--text`).
    public var texts = false
    /// Count each unit's offset and length in Unicode scalars too (`UnitScore.charOffset`).
    public var charOffsets = false

    public init(unit: ScoringUnit = .paragraph, repair: RepairMode = .auto, minConfidence: Double = 0.5, evidence: Bool = false,
                keepChanges: Bool = false, model: LabelModel = .embedded, headingScale: Double = 0.5) {
        self.unit = unit
        self.repair = repair
        self.minConfidence = minConfidence
        self.evidence = evidence
        self.keepChanges = keepChanges
        self.model = model
        self.headingScale = headingScale
    }
}
