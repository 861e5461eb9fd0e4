/// A general category dictionary, as researchers bring from other tools, for counting
/// categories per unit (`tillit score --dict FILE`).
///
/// Two formats are read:
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

    static func parseList(_ lines: [String], source: String) throws(TillitError) -> CategoryDictionary {
        var names: [String] = []
        var entries: [LexiconEntry] = []
        var cats: [[Int]] = []
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
                names.append(String(t.dropLast()).trimmed())
            } else {
                throw .badLexicon(path: source, line: n + 1, reason: "expected 'category:' or '- pattern'")
            }
        }
        guard !entries.isEmpty else { throw .badLexicon(path: source, line: max(lines.count, 1), reason: "no patterns found") }
        return CategoryDictionary(categories: names, lexicon: GovernanceLexicon(entries: entries, source: source), entryCategories: cats)
    }
}

