/// What made a report, for its methods footer: the tillit version, the lexicon and label
/// model with their content hashes, and the settings of the run.
public struct ReportMethods: Sendable, Equatable {
    /// `TillitVersion.string`.
    public var version: String
    /// Where the lexicon came from: `embedded` or its path.
    public var lexicon: String
    /// `LexiconFingerprint.of(lexicon)`, the hash `tillit score --provenance` writes.
    public var lexiconHash: String
    /// Lexicon entries.
    public var lexiconEntries: Int
    /// Where the label model came from: `embedded` or its path.
    public var model: String
    /// `LabelModelFingerprint.of(model)`.
    public var modelHash: String
    /// The model file's provenance notes (what it was trained on).
    public var modelNotes: [String]
    /// Word stems the model weighs.
    public var modelStems: Int
    /// `--repair`.
    public var repair: RepairMode
    /// `--paragraphs`.
    public var paragraphs: ParagraphMode
    /// How the inputs were read (`--input`).
    public var input: DocumentStream.Input

    /// The methods of a report scored with `lexicon` and `model`; `modelSource` names the
    /// model's file (nil: the embedded model). Cost: hashing the lexicon and the model, a few
    /// milliseconds.
    public init(lexicon: GovernanceLexicon = .embedded, model: LabelModel = .embedded, modelSource: String? = nil,
                repair: RepairMode = .auto, paragraphs: ParagraphMode = .auto, input: DocumentStream.Input = .text) {
        version = TillitVersion.string
        self.lexicon = lexicon.source == "<embedded>" ? "embedded" : lexicon.source
        lexiconHash = LexiconFingerprint.of(lexicon)
        lexiconEntries = lexicon.entries.count
        self.model = modelSource ?? "embedded"
        modelHash = LabelModelFingerprint.of(model)
        modelNotes = model.provenance
        modelStems = model.vocabulary.count
        self.repair = repair
        self.paragraphs = paragraphs
        self.input = input
    }

    /// The methods of a report scored by `analyzer`; `modelSource` as above.
    public init(analyzer: Analyzer, modelSource: String? = nil, input: DocumentStream.Input = .text) {
        self.init(lexicon: analyzer.matcher.lexicon, model: analyzer.options.model, modelSource: modelSource,
                  repair: analyzer.options.repair, paragraphs: analyzer.options.paragraphs, input: input)
    }
}
