/// Keyword in context (`tillit kwic`): every match of a query with its surrounding text.
/// Matching goes through the full pipeline (repair included), so OCR-damaged documents
/// match, and each line shows the original surface form.
public struct Kwic: Sendable {
    /// The query.
    public let query: KwicQuery
    /// Characters of context on each side.
    public let width: Int
    let analyzer: Analyzer

    /// Builds a kwic search over `lexicon` (used for row/pole queries).
    public init(query: KwicQuery, lexicon: GovernanceLexicon = .embedded, repair: RepairMode = .auto, width: Int = 40) throws(TillitError) {
        self.query = query
        self.width = width
        self.analyzer = Analyzer(lexicon: try query.lexicon(default: lexicon), options: ScoreOptions(unit: .document, repair: repair, evidence: true))
    }

    /// The lines of one document given as raw bytes. Cost: one pipeline pass.
    public func lines(id: String, bytes: [UInt8]) throws(TillitError) -> [KwicLine] {
        var scratch = Analyzer.Scratch()
        let doc = try analyzer.score(DocumentPart(id: id, bytes: bytes), scratch: &scratch)
        return doc.units.flatMap(\.hits).filter(query.keeps).map { e in
            KwicLine(id: id, offset: e.offset, left: context(bytes, upTo: e.offset, encoding: doc.encoding),
                     match: e.surface.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                     right: context(bytes, from: e.offset + e.length, encoding: doc.encoding), evidence: e)
        }
    }

    func slice(_ bytes: [UInt8], _ r: Range<Int>, _ enc: SourceEncoding) -> String {
        enc.string(bytes[max(0, r.lowerBound)..<min(bytes.count, r.upperBound)]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    func context(_ bytes: [UInt8], upTo end: Int, encoding: SourceEncoding) -> String {
        let s = slice(bytes, max(0, end - width * 3)..<end, encoding)
        return String(s.suffix(width)).replacing("\u{FFFD}", with: "")
    }

    func context(_ bytes: [UInt8], from start: Int, encoding: SourceEncoding) -> String {
        let s = slice(bytes, start..<min(bytes.count, start + width * 3), encoding)
        return String(s.prefix(width)).replacing("\u{FFFD}", with: "")
    }
}

