/// Keyword in context (`tillit kwic`): every match of a query with its surrounding text.
/// Matching goes through the full pipeline (repair included), so OCR-damaged documents
/// match. Each line shows the match as it stands in the document, and its context both
/// repaired and as it stands.
public struct Kwic: Sendable {
    /// The query.
    public let query: KwicQuery
    /// Characters of context on each side.
    public let width: Int
    /// Words of context on each side instead of characters (nil: `width` characters). Words
    /// are whitespace-separated, punctuation kept on them, as in the line's text.
    public let tokens: Int?
    let analyzer: Analyzer

    /// Builds a kwic search over `lexicon` (used for row/pole queries).
    /// With `tokens`, the context is that many words on each side instead of `width` characters.
    public init(query: KwicQuery, lexicon: GovernanceLexicon = .embedded, repair: RepairMode = .auto, width: Int = 40, tokens: Int? = nil) throws(TillitError) {
        self.query = query
        self.width = width
        self.tokens = tokens
        self.analyzer = Analyzer(lexicon: try query.lexicon(default: lexicon), options: ScoreOptions(unit: .document, repair: repair, evidence: true, keepChanges: true))
    }

    /// The lines of one document given as raw bytes. Cost: one pipeline pass.
    public func lines(id: String, bytes: [UInt8]) throws(TillitError) -> [KwicLine] {
        var scratch = Analyzer.Scratch()
        let doc = try analyzer.score(DocumentPart(id: id, bytes: bytes), scratch: &scratch)
        // the repaired document, for the repaired context (a document read wholly or partly as
        // Windows-1252 keeps its original context: its bytes and the UTF-8 replacements do not mix)
        let repaired = doc.encoding != .utf8 ? nil : Kwic.splice(bytes, doc.changes)
        return doc.units.flatMap(\.hits).filter(query.keeps).map { e in
            let left = context(bytes, upTo: e.offset, encoding: doc.encoding), right = context(bytes, from: e.offset + e.length, encoding: doc.encoding)
            var line = KwicLine(id: id, offset: e.offset, left: left, match: e.surface.split(whereSeparator: \.isWhitespace).joined(separator: " "),
                                right: right, leftOriginal: left, rightOriginal: right, evidence: e)
            if let (r, shift) = repaired {
                line.left = context(r, upTo: e.offset + shift(e.offset), encoding: .utf8)
                line.right = context(r, from: e.offset + e.length + shift(e.offset + e.length), encoding: .utf8)
            }
            return line
        }
    }

    /// `bytes` with the repair `changes` (offsets into `bytes`, in order) spliced in, and the
    /// shift of an original offset at a token boundary to the repaired bytes; nil when nothing
    /// was changed. O(bytes + changes).
    static func splice(_ bytes: [UInt8], _ changes: [RepairChange]) -> ([UInt8], (Int) -> Int)? {
        guard !changes.isEmpty else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count + changes.count * 2)
        var at = 0
        var ends: [Int] = [], shifts: [Int] = []   // after each change: its original end and the total shift so far
        var total = 0
        for c in changes where c.offset >= at && c.offset + c.length <= bytes.count {
            out.append(contentsOf: bytes[at..<c.offset])
            out.append(contentsOf: c.replacement.utf8)
            at = c.offset + c.length
            total += c.replacement.utf8.count - c.length
            ends.append(at); shifts.append(total)
        }
        out.append(contentsOf: bytes[at...])
        let shift: (Int) -> Int = { o in
            // the last change that ends at or before o
            var lo = 0, hi = ends.count
            while lo < hi { let m = (lo + hi) / 2; if ends[m] <= o { lo = m + 1 } else { hi = m } }
            return lo == 0 ? 0 : shifts[lo - 1]
        }
        return (out, shift)
    }

    func slice(_ bytes: [UInt8], _ r: Range<Int>, _ enc: SourceEncoding) -> String {
        enc.string(bytes[max(0, r.lowerBound)..<min(bytes.count, r.upperBound)]).split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// `n` words before `end` (or after `start`): a byte window that doubles until it holds
    /// more than `n` words or reaches the end of the document.
    func words(_ bytes: [UInt8], around at: Int, before: Bool, _ n: Int, encoding: SourceEncoding) -> String {
        var span = max(64, n * 16)
        while true {
            let r = before ? max(0, at - span)..<at : at..<min(bytes.count, at + span)
            let w = enc(bytes, r, encoding).split(whereSeparator: \.isWhitespace)
            let reachedEdge = before ? r.lowerBound == 0 : r.upperBound == bytes.count
            if w.count > n || reachedEdge {
                // a window's first (last) word may be cut mid-word unless the window reached the edge
                let whole = reachedEdge ? w[...] : (before ? w.dropFirst() : w.dropLast())
                let kept = before ? whole.suffix(n) : whole.prefix(n)
                return kept.joined(separator: " ").replacing("\u{FFFD}", with: "")
            }
            span *= 2
        }
    }

    func enc(_ bytes: [UInt8], _ r: Range<Int>, _ e: SourceEncoding) -> String { e.string(bytes[r]) }

    func context(_ bytes: [UInt8], upTo end: Int, encoding: SourceEncoding) -> String {
        if let n = tokens { return words(bytes, around: end, before: true, n, encoding: encoding) }
        let s = slice(bytes, max(0, end - width * 3)..<end, encoding)
        return String(s.suffix(width)).replacing("\u{FFFD}", with: "")
    }

    func context(_ bytes: [UInt8], from start: Int, encoding: SourceEncoding) -> String {
        if let n = tokens { return words(bytes, around: start, before: false, n, encoding: encoding) }
        let s = slice(bytes, start..<min(bytes.count, start + width * 3), encoding)
        return String(s.prefix(width)).replacing("\u{FFFD}", with: "")
    }
}

