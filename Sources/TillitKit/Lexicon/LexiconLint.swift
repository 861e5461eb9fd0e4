/// Corpus-based checks of a lexicon (`tillit lexicon lint`): which word types each pattern
/// matches, dead patterns, patterns whose types also hit the other pole, and overlaps.
public struct LexiconLint: Sendable {
    /// Per entry: matched lowercase types with counts, most frequent first.
    public var matches: [[(String, Int)]]
    /// Per entry: the types its sense conditions removed, with counts, most frequent first.
    public var removed: [[(String, Int)]] = []
    /// The lexicon linted.
    public var lexicon: GovernanceLexicon

    /// Tokenizes every file (repair off) and records each single-word entry's matched types.
    /// Multi-word entries are counted by their hits. Cost: one pass over the corpus.
    public static func run(lexicon: GovernanceLexicon, files: [String]) throws(TillitError) -> LexiconLint {
        let matcher = LexiconMatcher(lexicon)
        var counts = Array(repeating: [String: Int](), count: lexicon.entries.count)
        var cache = MatchCache()
        cache.recordSuppressed = true
        var removedCounts = Array(repeating: [String: Int](), count: lexicon.entries.count)
        for f in files {
            guard let decoded = try? TextDecoder.decode(try FileInput.readAll(path: f), name: f) else { continue }
            decoded.bytes.withUnsafeBufferPointer { p in
                var tokens: [Token] = []
                Tokenizer.tokenize(p, range: 0..<p.count, into: &tokens)
                HyphenJoiner.join(p, &tokens)
                var hits: [Hit] = []
                matcher.match(p, tokens: tokens, range: 0..<tokens.count, cache: &cache, into: &hits)
                for h in hits {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: p[Int(h.start)..<Int(h.end)]), as: UTF8.self).lowercased()
                    counts[Int(h.entry)][s, default: 0] += 1
                }
                for h in cache.suppressed {
                    let s = String(decoding: UnsafeBufferPointer(rebasing: p[Int(h.start)..<Int(h.end)]), as: UTF8.self).lowercased()
                    removedCounts[Int(h.entry)][s, default: 0] += 1
                }
                cache.suppressed.removeAll()
            }
        }
        func ranked(_ c: [String: Int]) -> [(String, Int)] { c.sorted { $0.value > $1.value || ($0.value == $1.value && $0.key < $1.key) }.map { ($0.key, $0.value) } }
        var lint = LexiconLint(matches: counts.map(ranked), lexicon: lexicon)
        lint.removed = removedCounts.map(ranked)
        return lint
    }

    /// Entries that matched nothing.
    public var dead: [LexiconEntry] { lexicon.entries.enumerated().filter { matches[$0.offset].isEmpty }.map(\.element) }

    /// Word types matched by entries of both poles (each type with the patterns involved).
    public var bothPoles: [(String, [String])] {
        var byType: [String: Set<Int>] = [:]
        for (i, m) in matches.enumerated() { for (t, _) in m { byType[t, default: []].insert(i) } }
        return byType.compactMap { t, ids in
            let poles = Set(ids.filter { !lexicon.entries[$0].isName }.map { lexicon.entries[$0].pole })
            return poles.count > 1 ? (t, ids.sorted().map { lexicon.entries[$0].pattern }) : nil
        }.sorted { $0.0 < $1.0 }
    }

    /// Pairs of entries whose patterns could match the same word (checked on the patterns' own literals).
    public var overlaps: [(String, String)] {
        var out: [(String, String)] = []
        let es = lexicon.entries.filter { $0.words.count == 1 }
        for i in es.indices {
            for j in es.indices where j != i {
                let a = es[i].words[0], b = es[j].words[0]
                if a != b && b.matches(a.stem) && (a.stem != b.stem || a.inflects != b.inflects || a.anyPrefix != b.anyPrefix || a.anySuffix != b.anySuffix) {
                    out.append((es[i].pattern, es[j].pattern))
                }
            }
        }
        return out
    }

    /// A readable report.
    public func render(top: Int) -> String {
        var out = ""
        for (i, e) in lexicon.entries.enumerated() where !matches[i].isEmpty {
            let total = matches[i].reduce(0) { $0 + $1.1 }
            out += "\(e.line)\t\(e.pattern)\t\(e.isName ? "N" : e.pole.rawValue)\t\(total)\t" + matches[i].prefix(top).map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
        }
        out += "\nremoved by sense conditions (line, pattern, conditions, hits removed, types):\n"
        for (i, e) in lexicon.entries.enumerated() where i < removed.count && !removed[i].isEmpty {
            let total = removed[i].reduce(0) { $0 + $1.1 }
            out += "\(e.line)\t\(e.pattern)\t\(e.conditions.map(\.description).joined(separator: "; "))\t\(total)\t" + removed[i].prefix(top).map { "\($0.0) \($0.1)" }.joined(separator: ", ") + "\n"
        }
        let d = dead
        out += "\ndead patterns (\(d.count)): " + d.map { "\($0.pattern) (line \($0.line))" }.joined(separator: ", ") + "\n"
        let both = bothPoles
        out += "types hit by both poles (\(both.count)): " + both.map { "\($0.0) [\($0.1.joined(separator: " / "))]" }.joined(separator: "; ") + "\n"
        let ov = overlaps
        out += "overlapping patterns (\(ov.count)): " + ov.prefix(100).map { "\($0.0) ⊂ \($0.1)" }.joined(separator: "; ") + "\n"
        return out
    }
}
