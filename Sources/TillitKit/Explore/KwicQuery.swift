/// What `tillit kwic` looks for: a lexicon pattern, or every hit of a row/principle and pole.
public enum KwicQuery: Sendable {
    /// A pattern in lexicon syntax (`*styrning~`, `nära dialog`); hits of any pole.
    case pattern(String)
    /// Hits of the default (or given) lexicon counting for `pole` on `dimension` (nil: any).
    case dimension(Dimension?, Pole)

    /// Parses `4:K`, `tillit:T`, `K`, `T`, or else a lexicon pattern.
    /// - Throws: `.usage` for an unknown row or principle, or a row with a pole other than K or T (`4:X`).
    public static func parse(_ s: String) throws(TillitError) -> KwicQuery {
        let parts = s.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        if parts.count == 1, let p = Pole(rawValue: s) { return .dimension(nil, p) }
        if parts.count == 2, let p = Pole(rawValue: parts[1].uppercased()) {
            guard let d = Dimension(key: parts[0]) else { throw .usage("kwic: '\(parts[0])' is not a row 1-6 or a principle") }
            return .dimension(d, p)
        }
        if parts.count == 2, Dimension(key: parts[0]) != nil {
            throw .usage("kwic: '\(parts[1])' is not a pole; use ROW:K or ROW:T, e.g. \(parts[0]):K")
        }
        guard !s.trimmed().isEmpty else { throw .usage("kwic: empty pattern") }
        return .pattern(s)
    }

    /// The lexicon to match with.
    func lexicon(default base: GovernanceLexicon) throws(TillitError) -> GovernanceLexicon {
        switch self {
        case .pattern(let p):
            guard !p.contains("|") else { throw .usage("kwic: a pattern cannot contain '|'") }
            do { return try GovernanceLexicon.parse("\(p) | 1 | T | 1", source: "<kwic pattern>") } catch {
                if case .badLexicon(_, _, let r) = error { throw .usage("kwic: \(r)") }
                throw error
            }
        case .dimension: return base
        }
    }

    /// True when `e` belongs in the result.
    func keeps(_ e: Evidence) -> Bool {
        switch self {
        case .pattern: return true
        case .dimension(let d, let p): return e.pole == p && (d == nil || e.dimensions.contains(d!))
        }
    }
}
