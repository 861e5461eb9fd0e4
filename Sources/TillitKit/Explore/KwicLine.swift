/// One keyword-in-context line.
public struct KwicLine: Sendable, Equatable {
    /// Document id.
    public var id: String
    /// Byte offset of the match in the original document.
    public var offset: Int
    /// Text before the match (whitespace collapsed).
    public var left: String
    /// The matched text as it stands in the document.
    public var match: String
    /// Text after the match.
    public var right: String
    /// The evidence behind the match (pattern, pole, modifier, repaired form).
    public var evidence: Evidence
}
