/// One line of a governance lexicon: a (multi-word) pattern voting for one pole on one or
/// more table rows or principles.
public struct LexiconEntry: Sendable, Hashable {
    /// The pattern as written in the file.
    public let pattern: String
    /// The words of the pattern; more than one for a multi-word expression.
    public let words: [WordPattern]
    /// Table rows and/or principles the entry speaks to.
    public let dimensions: [Dimension]
    /// The column the entry's language belongs to (meaningless for a name).
    public let pole: Pole
    /// True for a name (pole `N` in the file): an authority or law whose name holds
    /// governance words (`Inspektionen för vård och omsorg`, `lagen om valfrihetssystem`).
    /// Its words are consumed and count for neither pole (codebook rule 5).
    public let isName: Bool
    /// The weight of one hit.
    public let weight: Double
    /// Words the first pattern word must not be (`förtroendevald*` for `förtroende~`).
    public let exclusions: [WordPattern]
    /// Context the entry requires or forbids before a match counts (`!near 4: biljett*`).
    public let conditions: [SenseCondition]
    /// True for a steering-frame word (pole `F` in the file): what is being steered
    /// (`verksamhet~`, `medarbetare~`, `nämnd~`). It counts for neither pole; the label model
    /// reads how many frame words a passage has.
    public let isFrame: Bool
    /// Free-text note from the file.
    public let note: String
    /// 1-based line in the lexicon file.
    public let line: Int

    public init(pattern: String, words: [WordPattern], dimensions: [Dimension], pole: Pole, weight: Double, exclusions: [WordPattern], note: String, line: Int,
                isName: Bool = false, conditions: [SenseCondition] = [], isFrame: Bool = false) {
        self.isName = isName
        self.conditions = conditions
        self.isFrame = isFrame
        self.pattern = pattern
        self.words = words
        self.dimensions = dimensions
        self.pole = pole
        self.weight = weight
        self.exclusions = exclusions
        self.note = note
        self.line = line
    }
}
