/// One token: a byte range in the decoded text plus a kind. 12 bytes, no `String`.
public struct Token: Sendable, Equatable {
    /// What a token is.
    public enum Kind: UInt8, Sendable, Codable {
        /// Letters, possibly mixed with digits or OCR symbols (`f6r`, `&r`).
        case word
        /// Digits, possibly with inner `.`/`,` (`2021`, `3,5`).
        case number
        /// One punctuation character (ASCII or a multi-byte dash, quote, …).
        case punctuation
        /// Anything else that is not whitespace (symbols, stray bytes).
        case other

        /// The kind's name as written in outputs.
        public var name: String {
            switch self {
            case .word: return "word"
            case .number: return "number"
            case .punctuation: return "punct"
            case .other: return "other"
            }
        }
    }

    /// Offset of the first byte in `DecodedText.bytes`.
    public var start: Int32
    /// Offset one past the last byte.
    public var end: Int32
    /// The token's kind.
    public var kind: Kind
    /// True when the token was joined across an end-of-line hyphen (`för-\nvaltning`);
    /// its bytes then include the hyphen and line break, which keys skip.
    public var joined: Bool

    @inlinable
    public init(start: Int, end: Int, kind: Kind, joined: Bool = false) {
        self.start = Int32(truncatingIfNeeded: start)
        self.end = Int32(truncatingIfNeeded: end)
        self.kind = kind
        self.joined = joined
    }

    /// The byte range.
    @inlinable public var range: Range<Int> { Int(start)..<Int(end) }
    /// Length in bytes.
    @inlinable public var length: Int { Int(end - start) }
}
