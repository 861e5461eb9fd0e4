/// A general category dictionary, as researchers bring from other tools, for counting
/// categories per unit (`tillit score --dict FILE`).
///
/// Three formats are read:
///
/// LIWC 2007/2015 `.dic`: a `%`-delimited header of `number<TAB>category` lines, then one
/// `pattern<TAB>number…` line per entry. A trailing `*` matches any ending (LIWC's rule).
///
///     %
///     1	kontroll
///     2	tillit
///     %
///     kontroll*	1
///     tillit*	2
///     nära dialog	2
///
/// A YAML-like category list: `category:` lines followed by `- pattern` items. Patterns use
/// tillit's lexicon syntax, so compounds match where the dictionary asks for it
/// (`*styrning~` matches detaljstyrningen).
///
///     kontroll:
///       - kontroll*
///       - "*detaljstyrning~"
///     tillit:
///       - tillit*
///
///   Categories are one level deep: a `category:` line indented under another (nested YAML)
///   is an error naming its line, not flattened.
///
/// LIWC-22 `.dicx`: a CSV table whose header is `DicTerm` and the category names, then one
/// row per pattern with a mark (`X`, any non-empty cell) under each of its categories.
///
///     DicTerm,kontroll,tillit
///     kontroll*,X,
///     tillit*,,X
public struct CategoryDictionary: Sendable {
    /// Category names in file order.
    public let categories: [String]
    /// The patterns as a lexicon (one entry per pattern; pole and row are placeholders).
    public let lexicon: GovernanceLexicon
    /// Categories (indices into `categories`) of each lexicon entry.
    public let entryCategories: [[Int]]

    /// Parses dictionary text; the format is recognised from its first line.
    /// - Throws: `.badLexicon` with the line number.
    public static func parse(_ text: String, source: String) throws(TillitError) -> CategoryDictionary {
        // "\r\n" is one Character in Swift: split on it too, not only on "\n"
        let lines = text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r\n" || $0 == "\r" }).map(String.init)
        let first = lines.first { !$0.trimmed().isEmpty && !$0.hasPrefix("#") }?.trimmed()
        guard let first else { throw .badLexicon(path: source, line: 1, reason: "empty dictionary") }
        if first.lowercased().hasPrefix("dicterm,") || first.lowercased().hasPrefix("\"dicterm\",") { return try parseDICX(text, source: source) }
        if source.lowercased().hasSuffix(".dicx") {
            throw .badLexicon(path: source, line: 1, reason: "a LIWC-22 .dicx file starts with a 'DicTerm,CATEGORY,…' header row (export it as CSV from LIWC-22)")
        }
        return first == "%" ? try parseLIWC(lines, source: source) : try parseList(lines, source: source)
    }

    /// Reads and parses a dictionary file.
    public static func load(path: String) throws(TillitError) -> CategoryDictionary {
        let bytes = try FileInput.readAll(path: path)
        let text = String(validating: bytes, as: UTF8.self) ?? String(decoding: Windows1252.transcode(bytes).0, as: UTF8.self)
        return try parse(text, source: path)
    }

    static func entry(_ pattern: String, line: Int, source: String) throws(TillitError) -> LexiconEntry {
        let words = pattern.split(whereSeparator: { $0 == " " || $0 == "\t" })
        var wps: [WordPattern] = []
        for w in words {
            guard let wp = WordPattern(w) else { throw .badLexicon(path: source, line: line, reason: "bad pattern '\(w)'") }
            wps.append(wp)
        }
        guard !wps.isEmpty else { throw .badLexicon(path: source, line: line, reason: "empty pattern") }
        return LexiconEntry(pattern: pattern, words: wps, dimensions: [.utformning], pole: .T, weight: 1, exclusions: [], note: "", line: line)
    }

    static func parseLIWC(_ lines: [String], source: String) throws(TillitError) -> CategoryDictionary {
        var ids: [String: Int] = [:]
        var names: [String] = []
        var entries: [LexiconEntry] = []
        var cats: [[Int]] = []
        var section = 0
        for (n, raw) in lines.enumerated() {
            let line = raw.trimmed()
            if line.isEmpty { continue }
            if line == "%" { section += 1; continue }
            if section == 1 {
                let f = line.split(whereSeparator: { $0 == "\t" || $0 == " " })
                guard f.count >= 2 else { throw .badLexicon(path: source, line: n + 1, reason: "expected 'number<TAB>category' in the header") }
                ids[String(f[0])] = names.count
                names.append(f[1...].joined(separator: " "))
            } else if section >= 2 {
                var fields = line.contains("\t") ? line.split(separator: "\t").map { $0.trimmed() } : line.split(separator: " ").map(String.init)
                var these: [Int] = []
                while let last = fields.last, fields.count > 1, let id = ids[last] { these.insert(id, at: 0); fields.removeLast() }
                guard !these.isEmpty else { throw .badLexicon(path: source, line: n + 1, reason: "no known category number after the pattern") }
                entries.append(try entry(fields.joined(separator: " "), line: n + 1, source: source))
                cats.append(these)
            } else {
                throw .badLexicon(path: source, line: n + 1, reason: "a LIWC dictionary starts with a '%' line")
            }
        }
        guard !entries.isEmpty else { throw .badLexicon(path: source, line: lines.count, reason: "no entries after the category header") }
        return CategoryDictionary(categories: names, lexicon: GovernanceLexicon(entries: entries, source: source), entryCategories: cats)
    }

    /// LIWC-22 `.dicx`: CSV, header `DicTerm,CATEGORY…`, a non-empty cell marks a category.
    static func parseDICX(_ text: String, source: String) throws(TillitError) -> CategoryDictionary {
        var bytes = Array(text.utf8)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        var at = 0, line = 1
        var names: [String] = []
        var entries: [LexiconEntry] = []
        var cats: [[Int]] = []
        while at < bytes.count, let (fields, next) = DelimitedRecord.next(bytes, from: at, tsv: false, atEnd: true) {
            defer { line += bytes[at..<next].reduce(0) { $0 + ($1 == 0x0A ? 1 : 0) }; at = next }
            if fields.allSatisfy({ $0.trimmed().isEmpty }) { continue }
            if names.isEmpty {
                names = fields.dropFirst().map { $0.trimmed() }
                guard !names.isEmpty, !names.contains("") else { throw .badLexicon(path: source, line: line, reason: "the DicTerm header needs a name for every category column") }
                continue
            }
            guard fields.count <= names.count + 1 else { throw .badLexicon(path: source, line: line, reason: "\(fields.count - 1) category cells, the header has \(names.count)") }
            let these = fields.indices.dropFirst().filter { !fields[$0].trimmed().isEmpty }.map { $0 - 1 }
            guard !these.isEmpty else { throw .badLexicon(path: source, line: line, reason: "no category marked for '\(fields[0].trimmed())'") }
            entries.append(try entry(fields[0].trimmed(), line: line, source: source))
            cats.append(these)
        }
        guard !entries.isEmpty else { throw .badLexicon(path: source, line: line, reason: "no patterns after the DicTerm header") }
        return CategoryDictionary(categories: names, lexicon: GovernanceLexicon(entries: entries, source: source), entryCategories: cats)
    }

    static func parseList(_ lines: [String], source: String) throws(TillitError) -> CategoryDictionary {
        var names: [String] = []
        var entries: [LexiconEntry] = []
        var cats: [[Int]] = []
        var topIndent: Int? = nil
        for (n, raw) in lines.enumerated() {
            var line = raw
            if let hash = line.firstIndex(of: "#"), hash == line.startIndex || line[line.index(before: hash)] == " " { line = String(line[..<hash]) }
            let t = line.trimmed()
            if t.isEmpty { continue }
            if t.hasPrefix("- ") || t == "-" {
                guard !names.isEmpty else { throw .badLexicon(path: source, line: n + 1, reason: "pattern before any 'category:' line") }
                var p = t.dropFirst(1).trimmed()
                if p.count >= 2, (p.hasPrefix("\"") && p.hasSuffix("\"")) || (p.hasPrefix("'") && p.hasSuffix("'")) { p = String(p.dropFirst().dropLast()) }
                entries.append(try entry(p, line: n + 1, source: source))
                cats.append([names.count - 1])
            } else if t.hasSuffix(":") {
                let indent = line.prefix(while: { $0 == " " || $0 == "\t" }).count
                if let top = topIndent, indent > top {
                    throw .badLexicon(path: source, line: n + 1, reason: "nested category '\(t.dropLast())' is not read: categories are one level of 'category:' lines")
                }
                if topIndent == nil { topIndent = indent }
                names.append(String(t.dropLast()).trimmed())
            } else {
                throw .badLexicon(path: source, line: n + 1, reason: "expected 'category:' or '- pattern'")
            }
        }
        guard !entries.isEmpty else { throw .badLexicon(path: source, line: max(lines.count, 1), reason: "no patterns found") }
        return CategoryDictionary(categories: names, lexicon: GovernanceLexicon(entries: entries, source: source), entryCategories: cats)
    }
}

