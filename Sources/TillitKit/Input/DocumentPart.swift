/// A document, or one piece of a large document cut at a paragraph boundary, as raw bytes.
public struct DocumentPart: Sendable {
    /// The document's id: its path, `-` for stdin, or the JSONL record's `id`.
    public var id: String
    /// Raw bytes of this part.
    public var bytes: [UInt8]
    /// 0 for the first part of a document.
    public var part: Int
    /// Offset of `bytes[0]` in the whole document.
    public var baseOffset: Int
    /// True for the document's final part.
    public var isLast: Bool
    /// True when an earlier part showed the file is not UTF-8.
    public var forceWindows1252: Bool
    /// The paragraph layout of the whole document (`.blank` or `.line`), found by
    /// `DocumentStream` on the first part of a document read in several parts, so every part
    /// splits paragraphs the same way. Nil lets `ScoreOptions.paragraphs` `.auto` look at
    /// this part's own bytes.
    public var layout: ParagraphMode? = nil
    /// Unicode scalars of the document before `bytes[0]` (see `UnitScore.charOffset`), set by
    /// `DocumentStream` for the later parts of a document read in several parts.
    public var baseScalarOffset = 0
    /// The whole document was found to be text before its first part (a file in several
    /// parts, see `TextDecoder.fileIsBinary`): a part's own bytes do not reject it as binary.
    public var binaryChecked = false
    /// The record's pass-through values (`--input jsonl|csv|tsv`), one per
    /// `DocumentStream.columnNames`, empty for plain text.
    public var columns: [String] = []
    /// Where a record (`--input jsonl|csv|tsv`) stands: `FILE:LINE` (the line of a JSONL
    /// record, the row number of a CSV/TSV one, its header being 1); nil for plain text.
    public var location: String? = nil

    /// The part as warnings and errors name it: its id, and for a record with an id of its
    /// own also where it stands (`data.jsonl:3 (record b)`).
    public var describedID: String {
        guard let at = location, at != id else { return id }
        return "\(at) (record \(id))"
    }

    /// `error` as this part's: a `.binaryData` or `.emptyInput` error of a record names the
    /// record's place (`.binaryRecord`, `describedID`); other errors pass through.
    public func attributed(_ error: TillitError) -> TillitError {
        guard let at = location else { return error }
        switch error {
        case .binaryData: return .binaryRecord(id: id, location: at)
        case .emptyInput: return .emptyInput(path: describedID)
        default: return error
        }
    }

    public init(id: String, bytes: [UInt8], part: Int = 0, baseOffset: Int = 0, isLast: Bool = true, forceWindows1252: Bool = false) {
        self.id = id
        self.bytes = bytes
        self.part = part
        self.baseOffset = baseOffset
        self.isLast = isLast
        self.forceWindows1252 = forceWindows1252
    }
}
