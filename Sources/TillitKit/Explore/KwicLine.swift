/// One keyword-in-context line.
public struct KwicLine: Sendable, Equatable {
    /// Document id.
    public var id: String
    /// Byte offset of the match in the original document.
    public var offset: Int
    /// Text before the match (whitespace collapsed), repaired where repair changed it.
    public var left: String
    /// The matched text as it stands in the document.
    public var match: String
    /// Text after the match, repaired where repair changed it.
    public var right: String
    /// `left` as it stands in the document, before repair (equal to `left` when nothing in it
    /// was repaired).
    public var leftOriginal: String
    /// `right` as it stands in the document, before repair.
    public var rightOriginal: String
    /// The evidence behind the match (pattern, pole, modifier, repaired form).
    public var evidence: Evidence
}
