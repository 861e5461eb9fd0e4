/// A document's text as normalised UTF-8 bytes, with a way back to the original bytes.
///
/// The bytes are NFC for Swedish letters (å/ä/ö/é), never contain a byte order mark, and
/// keep CR bytes (they count as whitespace). When decoding changed byte lengths
/// (Windows-1252 input or NFD folding) `originalOffset(_:)` maps every offset back to the
/// file; otherwise it only adds the skipped BOM.
public struct DecodedText: Sendable {
    /// The normalised UTF-8 bytes that all later stages read.
    public let bytes: [UInt8]
    /// How the source bytes were read.
    public let encoding: SourceEncoding
    /// True when NFD sequences were folded to precomposed letters.
    public let foldedNFD: Bool
    /// Number of bytes skipped at the start (3 for a UTF-8 BOM, else 0).
    public let prefixSkipped: Int
    /// Per-byte map to original offsets, present only when lengths changed (count = bytes.count + 1).
    let offsetMap: [Int32]?

    public init(bytes: [UInt8], encoding: SourceEncoding = .utf8, foldedNFD: Bool = false, prefixSkipped: Int = 0, offsetMap: [Int32]? = nil) {
        self.bytes = bytes
        self.encoding = encoding
        self.foldedNFD = foldedNFD
        self.prefixSkipped = prefixSkipped
        self.offsetMap = offsetMap
    }

    /// The byte offset in the original input that corresponds to `offset` in `bytes`. O(1).
    @inlinable
    public func originalOffset(_ offset: Int) -> Int {
        if let m = offsetMapStorage { return Int(m[min(offset, m.count - 1)]) + prefixSkipped }
        return offset + prefixSkipped
    }

    @usableFromInline var offsetMapStorage: [Int32]? { offsetMap }

    /// The text as a Swift `String` (allocates; for output, not the hot path).
    public var string: String { String(decoding: bytes, as: UTF8.self) }
}
