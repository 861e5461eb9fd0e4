/// A context condition on a lexicon entry: the entry counts as governance language only where
/// its context requires or forbids certain words (codebook rule 6 and the settled
/// conventions: `kontroll` of tickets or borders, `stöd` as a subsidy, `dialog` with the
/// public are not steering).
///
/// Written in the fifth field of a lexicon line, groups separated by `;`:
///
///     kontroll* | 4 | K | 1.5 | kontrollstation*; !near 4: biljett* gräns* pass~ | …
///     stöd~     | stöd | T | 1 | !next: till; +clause: medarbetar* verksamhet~ | …
///
/// | head | the entry counts only if … |
/// |---|---|
/// | `!near N: w…` | none of the words stands within N words either side |
/// | `+near N: w…` | one of the words stands within N words either side |
/// | `!clause: w…` / `+clause: w…` | the same within the clause (up to `. ; : ! ? ( )`) |
/// | `!next: w…` / `+next: w…` | the next word is (not) one of them |
/// | `!prev: w…` / `+prev: w…` | the previous word is (not) one of them |
///
/// The words use the pattern syntax (`word`, `word~`, `*word~`, `word*`). A group without a
/// head lists exclusions of the entry's own first word, as before (`förtroendevald*`).
/// Cost: checked only for hits of entries that carry conditions; O(window) per hit.
public struct SenseCondition: Sendable, Hashable, CustomStringConvertible {
    /// Where the context is looked for.
    public enum Scope: Sendable, Hashable {
        /// Within this many words before and after the hit.
        case near(Int)
        /// Within the hit's clause.
        case clause
        /// The word right after the hit.
        case next
        /// The word right before the hit.
        case previous
    }

    /// True: one of `words` must be in scope. False: none may be.
    public let requires: Bool
    /// Where the words are looked for.
    public let scope: Scope
    /// The context words.
    public let words: [WordPattern]

    public init(requires: Bool, scope: Scope, words: [WordPattern]) {
        self.requires = requires
        self.scope = scope
        self.words = words
    }

    /// The condition in lexicon syntax.
    public var description: String {
        let head: String
        switch scope {
        case .near(let n): head = "near \(n)"
        case .clause: head = "clause"
        case .next: head = "next"
        case .previous: head = "prev"
        }
        return (requires ? "+" : "!") + head + ": " + words.map(\.description).joined(separator: " ")
    }

    /// Largest window a `near` condition may ask for.
    public static let maxWindow = 30

    /// Parses the fifth field of a lexicon line into exclusions and conditions.
    /// Returns a reason on the first malformed group.
    static func parseField(_ field: String) -> Result<(exclusions: [WordPattern], conditions: [SenseCondition]), ConditionSyntaxError> {
        ByteSlice.withBytes(of: field) { parseField($0) }
    }

    /// `parseField` over the field's UTF-8 bytes (the lexicon reader's path).
    static func parseField(_ field: ByteSlice) -> Result<(exclusions: [WordPattern], conditions: [SenseCondition]), ConditionSyntaxError> {
        var exclusions: [WordPattern] = []
        var conditions: [SenseCondition] = []
        for rawGroup in field.split(separator: 0x3B) {   // ';'
            let group = rawGroup.trimmed()
            if group.isEmpty { continue }
            guard let first = group.first, first == 0x2B || first == 0x21 else {   // '+' or '!'
                for x in group.split(separator: 0x20) where !x.isEmpty {
                    guard let wp = WordPattern(bytes: x) else { return .failure(ConditionSyntaxError(reason: "bad exclusion '\(x.string)'")) }
                    exclusions.append(wp)
                }
                continue
            }
            guard let colon = group.firstIndex(of: 0x3A) else {   // ':'
                return .failure(ConditionSyntaxError(reason: "condition '\(group.string)' needs a ':' before its words, as in '!near 4: biljett*'"))
            }
            let headText = group.slice(0, colon).string
            let head = group.slice(1, colon).split(separator: 0x20)
            let scope: Scope
            let name = head.first?.string
            switch name {
            case "near":
                guard head.count == 2, let n = Int(head[1].string), n >= 1, n <= maxWindow else {
                    return .failure(ConditionSyntaxError(reason: "'near' takes a window of 1…\(maxWindow) words, as in '!near 4: biljett*'"))
                }
                scope = .near(n)
            case "clause": scope = .clause
            case "next": scope = .next
            case "prev": scope = .previous
            default:
                return .failure(ConditionSyntaxError(reason: "unknown condition '\(headText)': use +near N, !near N, +clause, !clause, +next, !next, +prev or !prev"))
            }
            guard head.count == (name == "near" ? 2 : 1) else {
                return .failure(ConditionSyntaxError(reason: "unexpected '\(head.dropFirst().map(\.string).joined(separator: " "))' in condition '\(headText)'"))
            }
            var words: [WordPattern] = []
            for x in group.dropFirst(colon + 1).split(separator: 0x20) where !x.isEmpty {
                guard let wp = WordPattern(bytes: x) else { return .failure(ConditionSyntaxError(reason: "bad word '\(x.string)' in condition '\(headText)'")) }
                words.append(wp)
            }
            guard !words.isEmpty else { return .failure(ConditionSyntaxError(reason: "condition '\(headText)' lists no words")) }
            conditions.append(SenseCondition(requires: first == 0x2B, scope: scope, words: words))
        }
        return .success((exclusions, conditions))
    }
}

/// Why a condition group could not be read (wrapped into `TillitError.badLexicon`).
struct ConditionSyntaxError: Error {
    let reason: String
}
