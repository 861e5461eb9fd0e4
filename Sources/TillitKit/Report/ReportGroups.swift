/// The documents of a report grouped by one of the records' pass-through columns (party,
/// municipality, year), each group with its own `ReportSummary`.
///
/// Groups are ordered by value: numerically when every value is a number, else by text;
/// documents with an empty value form the group `(empty)`, last. When every non-empty value
/// is a year (four digits), `isYear` is true and the report draws a trend chart.
public struct ReportGroups: Sendable {
    /// One group.
    public struct Group: Sendable {
        /// The column's value shared by the group's documents (`(empty)` for an empty value).
        public var value: String
        /// True for the group of documents whose value is empty.
        public var isEmpty: Bool
        /// Indexes of the group's documents in the report's document list, in input order.
        public var members: [Int]
        /// The group's figures.
        public var summary: ReportSummary
    }

    /// The column grouped by.
    public let column: String
    /// The groups, in order (see the type's description).
    public let groups: [Group]
    /// True when every non-empty value is a year of four digits.
    public let isYear: Bool

    /// The name of the group of documents with an empty value.
    public static let emptyName = "(empty)"

    /// Groups `documents` by `column`, one of `columnNames` (the names of
    /// `DocumentScore.columns`, see `ReportCorpus.columnNames`).
    /// - Throws: `.usage` when `column` is not one of `columnNames` (see `check`).
    /// - Cost: O(documents × log groups).
    public init(_ documents: [DocumentScore], columnNames: [String], column: String) throws(TillitError) {
        try ReportGroups.check(column: column, in: columnNames)
        let c = columnNames.firstIndex(of: column)!
        var index: [String: Int] = [:]
        var found: [Group] = []
        for (i, d) in documents.enumerated() {
            let raw = c < d.columns.count ? d.columns[c].trimmed() : ""
            let key = raw.isEmpty ? "\u{0}" : raw
            if let g = index[key] {
                found[g].members.append(i)
                found[g].summary.add(d)
            } else {
                index[key] = found.count
                var s = ReportSummary()
                s.add(d)
                found.append(Group(value: raw.isEmpty ? ReportGroups.emptyName : raw, isEmpty: raw.isEmpty, members: [i], summary: s))
            }
        }
        let values = found.filter { !$0.isEmpty }.map(\.value)
        let numeric = !values.isEmpty && values.allSatisfy { Double($0) != nil }
        isYear = !values.isEmpty && values.allSatisfy { $0.utf8.count == 4 && $0.utf8.allSatisfy { $0 >= 0x30 && $0 <= 0x39 } }
        groups = found.sorted { a, b in
            if a.isEmpty != b.isEmpty { return b.isEmpty }
            if numeric, let x = Double(a.value), let y = Double(b.value), x != y { return x < y }
            return a.value < b.value
        }
        self.column = column
    }

    /// Checks that `column` can be grouped by: it must be one of `columnNames`, the
    /// pass-through columns of the records (nil: the input is plain text, which has none).
    /// - Throws: `.usage` with a one-line message naming the columns there are.
    public static func check(column: String, in columnNames: [String]?) throws(TillitError) {
        guard let names = columnNames else {
            throw .usage("--group-by \(column): text files have no columns; read records with --input csv|tsv|jsonl")
        }
        if names.contains(column) { return }
        if names.isEmpty { throw .usage("--group-by \(column): no such column; the records have no columns besides the id and the text") }
        var message = "--group-by \(column): no such column; the records' columns are \(names.joined(separator: ", "))"
        if let near = names.first(where: { $0.lowercased() == column.lowercased() }) { message += " (did you mean '\(near)'?)" }
        throw .usage(message)
    }
}
