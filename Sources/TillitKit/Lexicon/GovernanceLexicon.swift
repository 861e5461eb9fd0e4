/// A governance lexicon: entries that map Swedish words and expressions to the rows and poles
/// of the comparison table. The default is embedded in the library; researchers may load
/// their own file in the same format.
///
/// Format: one entry per line, fields separated by `|`; `#` starts a comment.
///
///     pattern | dimensions | pole | weight | exclusions | note
///     *detaljstyrning~ | 1,6 | K | 2 | | detailed central control
///     förtroende~ | tillit | T | 1 | förtroendevald* förtroendeuppdrag~ | not elected officials
///     nära dialog | 5 | T | 1.5 | |
///
/// `dimensions` is a comma list of rows `1`–`6` and principles (`tillit`, `medborgarfokus`,
/// `helhetssyn`, `handlingsutrymme`, `stöd`, `kunskap`, `öppenhet`). `weight` defaults to 1.
/// A pattern with spaces or hyphens is a multi-word expression matched on consecutive words.
/// Pole `N` marks a name (no dimensions needed): its words are taken out of matching and
/// count for neither pole, as codebook rule 5 asks for the names of authorities and laws:
///
///     inspektionen för vård och omsorg | | N | | | authority (IVO)
///
/// Pole `F` marks a steering-frame word (a single word, no dimensions): what is being steered
/// (`medarbetar* | | F | | |`). The fifth field may also hold sense conditions, groups after
/// `;` such as `!near 6: gräns* pass~` or `+clause: behov~` (see `SenseCondition`).
public struct GovernanceLexicon: Sendable {
    /// The entries in file order.
    public let entries: [LexiconEntry]
    /// Where the lexicon came from (a path, or `<embedded>`).
    public let source: String

    public init(entries: [LexiconEntry], source: String) {
        self.entries = entries
        self.source = source
    }

    /// The lexicon shipped inside the library (`Lexicons/governance.tillit`).
    public static let embedded: GovernanceLexicon = {
        do { return try parse(EmbeddedGovernanceLexicon.text, source: "<embedded>") } catch { fatalError("embedded lexicon is malformed: \(error)") }
    }()

    /// Largest weight an entry may carry. Bounds every total so output never overflows.
    public static let maxWeight = 1000.0

    /// Parses lexicon text (LF, CRLF or CR line ends). Cost: O(lines).
    /// - Throws: `TillitError.badLexicon` naming the first bad line.
    public static func parse(_ text: String, source: String) throws(TillitError) -> GovernanceLexicon {
        let (lexicon, problems) = read(text, source: source, all: false)
        if let first = problems.first { throw first }
        return lexicon!
    }

    /// Every problem of lexicon text, in line order (`tillit lexicon check`): empty when the
    /// text parses. Cost: O(lines).
    public static func problems(_ text: String, source: String) -> [TillitError] {
        read(text, source: source, all: true).problems
    }

    /// The lexicon, or nil, and the problems found: only the first unless `all`.
    /// Reads the UTF-8 bytes: no `Character` walk.
    static func read(_ text: String, source: String, all: Bool) -> (lexicon: GovernanceLexicon?, problems: [TillitError]) {
        ByteSlice.withBytes(of: text) { bytes in
            var entries: [LexiconEntry] = []
            var problems: [TillitError] = []
            var lineNo = 0
            var start = 0, i = 0
            let n = bytes.count
            // lines end at LF, CRLF or CR
            while i <= n {
                guard i == n || bytes[i] == 0x0A || bytes[i] == 0x0D else { i += 1; continue }
                let line = bytes.slice(start, i)
                if i < n && bytes[i] == 0x0D && i + 1 < n && bytes[i + 1] == 0x0A { i += 1 }
                i += 1
                start = i
                lineNo += 1
                do throws(TillitError) {
                    if let e = try entry(line, lineNo: lineNo, source: source) { entries.append(e) }
                } catch {
                    problems.append(error)
                    if !all { return (nil, problems) }
                }
            }
            if entries.isEmpty && problems.isEmpty { problems.append(.badLexicon(path: source, line: max(lineNo, 1), reason: "no entries found")) }
            return (problems.isEmpty ? GovernanceLexicon(entries: entries, source: source) : nil, problems)
        }
    }

    /// The entry on one line, nil for a blank or comment line.
    static func entry(_ rawLine: ByteSlice, lineNo: Int, source: String) throws(TillitError) -> LexiconEntry? {
        var line = rawLine
        if let hash = line.firstIndex(of: 0x23) { line = line.slice(0, hash) }   // '#'
        if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let fields = line.split(separator: 0x7C, omittingEmpty: false).map { $0.trimmed(newlines: true) }   // '|'
        func fail(_ why: String) -> TillitError { .badLexicon(path: source, line: lineNo, reason: why) }
        guard fields.count >= 3 else { throw fail("expected 'pattern | dimensions | pole [| weight | exclusions | note]', found \(fields.count) field(s)") }
        let patternBytes = fields[0]
        let wordTexts = patternBytes.split(where: { $0 == 0x20 || $0 == 0x2D || $0 == 0x09 })
        guard !wordTexts.isEmpty else { throw fail("empty pattern") }
        var words: [WordPattern] = []
        for w in wordTexts {
            guard let wp = WordPattern(bytes: w) else { throw fail("bad pattern word '\(w.string)': use word, word~, *word, word* or *word*") }
            words.append(wp)
        }
        let poleField = fields[2]
        let poleLetter: UInt8? = poleField.count == 1 ? poleField[0] & ~0x20 : nil   // ASCII uppercase of a one-byte pole
        let isName = poleLetter == 0x4E   // N
        let isFrame = poleLetter == 0x46  // F
        if isFrame && words.count != 1 { throw fail("a frame word (pole F) is a single word pattern") }
        var dims: [Dimension] = []
        for d in fields[1].split(separator: 0x2C) {   // ','
            let key = d.trimmed()
            guard let dim = Dimension(key: key) else { throw fail("unknown dimension '\(key.string)': use rows 1-6 or a principle (tillit, medborgarfokus, helhetssyn, handlingsutrymme, stöd, kunskap, öppenhet)") }
            dims.append(dim)
        }
        guard !dims.isEmpty || isName || isFrame else { throw fail("no dimension given") }
        let pole: Pole? = isName || isFrame ? .K : (poleLetter == 0x4B ? .K : (poleLetter == 0x54 ? .T : nil))
        guard let pole else { throw fail("pole must be K, T, N (a name) or F (a frame word), found '\(poleField.string)'") }
        var weight = 1.0
        if fields.count > 3 && !fields[3].isEmpty {
            let text = fields[3].string
            guard let w = Double(text), w > 0, w <= maxWeight else { throw fail("weight must be a positive number up to 1000, found '\(text)'") }
            weight = w
        }
        var exclusions: [WordPattern] = []
        var conditions: [SenseCondition] = []
        if fields.count > 4 {
            switch SenseCondition.parseField(fields[4]) {
            case .success(let r): exclusions = r.exclusions; conditions = r.conditions
            case .failure(let e): throw fail(e.reason)
            }
        }
        let note = fields.count > 5 ? fields[5...].map(\.string).joined(separator: "|") : ""
        return LexiconEntry(pattern: patternBytes.string, words: words, dimensions: dims, pole: pole, weight: weight, exclusions: exclusions, note: note, line: lineNo, isName: isName,
                            conditions: conditions, isFrame: isFrame)
    }

    /// Reads and parses a lexicon file.
    /// - Throws: `.inputNotFound`, `.io`, or `.badLexicon`.
    public static func load(path: String) throws(TillitError) -> GovernanceLexicon {
        let bytes = try FileInput.readAll(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw .badLexicon(path: path, line: 1, reason: "lexicon is not valid UTF-8")
        }
        return try parse(text, source: path)
    }

    /// Every problem of a lexicon file, in line order (`tillit lexicon check FILE`).
    /// - Throws: `.inputNotFound` or `.io` when the file cannot be read.
    public static func problems(path: String) throws(TillitError) -> [TillitError] {
        let bytes = try FileInput.readAll(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return [.badLexicon(path: path, line: 1, reason: "lexicon is not valid UTF-8")]
        }
        return problems(text, source: path)
    }
}

