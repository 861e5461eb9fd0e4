/// A block of a document: a paragraph, heading or list item, with byte offsets into the
/// decoded text. Hard-wrapped lines inside a paragraph belong to one segment.
public struct Segment: Sendable, Equatable {
    /// What kind of block the segment is.
    public enum Kind: String, Sendable, Codable {
        /// Running text, possibly hard-wrapped over several lines.
        case paragraph
        /// A short line standing alone: a markdown `#` heading, a title, a date line, a signature.
        case heading
        /// One bullet or numbered item, with its continuation lines.
        case listItem = "list-item"
    }

    /// The block's kind.
    public var kind: Kind
    /// Byte range of the block's text (markers such as `##` or `•` excluded, trailing whitespace excluded).
    public var range: Range<Int>

    public init(kind: Kind, range: Range<Int>) {
        self.kind = kind
        self.range = range
    }
}
