/// Renders a lexicon as the comparison table with its entries (`tillit lexicon show`).
public enum LexiconReport {
    /// The table: for each row and principle, the K and T patterns with weights.
    public static func show(_ lex: GovernanceLexicon) -> String {
        var out = "lexicon \(lex.source): \(lex.entries.count) entries\n"
        for d in Dimension.allCases {
            let es = lex.entries.filter { $0.dimensions.contains(d) && !$0.isName }
            out += "\n== \(d.isRow ? "row " + d.title : "principle " + d.title) ==\n"
            for pole in Pole.allCases {
                let list = es.filter { $0.pole == pole }.map { e in
                    e.weight == 1 ? e.pattern : "\(e.pattern) (\(JSON.number(e.weight)))"
                }
                out += "  \(pole.rawValue) [\(list.count)]: " + (list.isEmpty ? "-" : list.joined(separator: ", ")) + "\n"
            }
        }
        let names = lex.entries.filter(\.isName).map(\.pattern)
        if !names.isEmpty { out += "\n== names (count for neither pole) ==\n  N [\(names.count)]: " + names.joined(separator: ", ") + "\n" }
        return out
    }
}
