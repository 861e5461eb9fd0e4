/// One repaired token. Offsets point into the decoded text of the document part; the
/// original span is always kept, so no text is lost.
public struct RepairChange: Sendable, Equatable {
    /// Index of the token in the document's token array.
    public var tokenIndex: Int
    /// Byte offset of the original token in the decoded text.
    public var offset: Int
    /// Byte length of the original token.
    public var length: Int
    /// The original surface form.
    public var original: String
    /// The replacement surface form (case pattern of the original kept).
    public var replacement: String
    /// Confidence in [0, 1].
    public var confidence: Double
    /// Why: `diacritics`, `ocr-confusion`, `context`, `compound`, `hyphenation`, `digit-for-letter`, `ocr-rewrite`, `letter-edit`.
    public var reason: String

    public init(tokenIndex: Int, offset: Int, length: Int, original: String, replacement: String, confidence: Double, reason: String) {
        self.tokenIndex = tokenIndex
        self.offset = offset
        self.length = length
        self.original = original
        self.replacement = replacement
        self.confidence = confidence
        self.reason = reason
    }
}
