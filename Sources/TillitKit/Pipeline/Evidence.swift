/// A hit resolved for output: where it is, what matched, and how it counted.
public struct Evidence: Sendable, Equatable {
    /// Byte offset in the original document.
    public var offset: Int
    /// Byte length in the original document.
    public var length: Int
    /// The surface form as it stands in the document (before repair).
    public var surface: String
    /// The repaired form when repair changed it, else nil.
    public var repaired: String?
    /// The lexicon pattern.
    public var pattern: String
    /// 1-based line of the entry in the lexicon.
    public var lexiconLine: Int
    /// Rows and principles of the entry.
    public var dimensions: [Dimension]
    /// The entry's own pole.
    public var entryPole: Pole
    /// The pole the hit counted for.
    public var pole: Pole
    /// The modifier that flipped it, if any.
    public var modifier: Modifier
    /// The weight counted.
    public var weight: Double
}
