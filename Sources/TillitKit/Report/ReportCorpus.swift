/// The documents of a report, read and scored in input order, with the names of the records'
/// pass-through columns (municipality, party, year) that a report can group by.
///
/// A report holds every document and its bytes in memory (it shows every passage), so it is
/// meant for corpora of up to a few thousand documents; `tillit score` streams larger ones.
public struct ReportCorpus: Sendable {
    /// The scored documents, in input order.
    public var documents: [ReportDocument]
    /// The pass-through columns of the records, in the order of `DocumentScore.columns`;
    /// empty for plain text files.
    public var columnNames: [String]

    public init(documents: [ReportDocument], columnNames: [String] = []) {
        self.documents = documents
        self.columnNames = columnNames
    }

    /// Reads and scores the documents at `paths` (already expanded, see `FileInput.expand`)
    /// with `analyzer` (see `HTMLReport.analyzer`). A text file is read whole as one document;
    /// with `input` `.jsonl`, `.csv` or `.tsv` each record is one document, its id and text
    /// taken from `idColumn` and `textColumn`, its other fields kept as `DocumentScore.columns`.
    ///
    /// - Parameters:
    ///   - ids: the id of each text file, in the order of `paths` (see
    ///     `FileInput.relativeIDs`); nil: the path itself.
    ///   - groupBy: a column the report will group by. It is checked as soon as the first
    ///     record has been read, so a misspelt column fails before the corpus is scored.
    ///   - warning: called with each warning (encoding fallbacks, empty documents).
    ///   - failure: called for each input that could not be read or scored; reading goes on.
    /// - Throws: `.usage` when `groupBy` names no column of the input (see
    ///   `ReportGroups.check(column:in:)`).
    /// - Cost: one pass of the pipeline over the corpus on one thread; memory for all the
    ///   documents' bytes and evidence.
    public static func read(paths: [String], input: DocumentStream.Input = .text, idColumn: String = "id", textColumn: String = "text",
                            ids: [String]? = nil, analyzer: Analyzer, groupBy: String? = nil,
                            warning: (String) -> Void = { _ in }, failure: (TillitError) -> Void = { _ in }) throws(TillitError) -> ReportCorpus {
        var docs: [ReportDocument] = []
        var scratch = Analyzer.Scratch()
        func add(_ part: DocumentPart) {
            do {
                var s = try analyzer.score(part, scratch: &scratch)
                s.columns = part.columns
                for w in s.warnings { warning(w) }
                docs.append(ReportDocument(score: s, bytes: part.bytes))
            } catch {
                failure(error)
            }
        }
        if input == .text {
            if let column = groupBy { try ReportGroups.check(column: column, in: nil) }
            for (i, path) in paths.enumerated() {
                do {
                    let bytes = try FileInput.readAll(path: path)
                    add(DocumentPart(id: ids?[i] ?? path, bytes: bytes))
                } catch {
                    failure(error)
                }
            }
            return ReportCorpus(documents: docs)
        }
        let stream = DocumentStream(paths: paths, input: input, idColumn: idColumn, textColumn: textColumn)
        var checked = groupBy == nil
        while let item = stream.next() {
            switch item {
            case .failure(let e):
                failure(e)
            case .part(let part):
                if !checked, let column = groupBy {
                    try ReportGroups.check(column: column, in: stream.columnNames ?? [])
                    checked = true
                }
                add(part)
            }
        }
        return ReportCorpus(documents: docs, columnNames: stream.columnNames ?? [])
    }
}
