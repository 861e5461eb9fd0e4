/// One lexicon match in a document: the evidence behind every score.
public struct Hit: Sendable, Equatable {
    /// Index of the first matched token.
    public var tokenIndex: Int32
    /// Byte range in the decoded text (covers all words of a multi-word expression).
    public var start: Int32
    /// End of the byte range.
    public var end: Int32
    /// Index into `GovernanceLexicon.entries`.
    public var entry: Int32
    /// The modifier applied.
    public var modifier: Modifier
    /// The pole the hit counts for after the modifier.
    public var pole: Pole
    /// A steering-frame word (lexicon pole `F`) stands within `LexiconMatcher.frameWindow`
    /// tokens of the hit: the passage says what is being steered there.
    public var framed: Bool = false

    public init(tokenIndex: Int32, start: Int32, end: Int32, entry: Int32, modifier: Modifier, pole: Pole) {
        self.tokenIndex = tokenIndex
        self.start = start
        self.end = end
        self.entry = entry
        self.modifier = modifier
        self.pole = pole
    }
}
