/// The corpus-level figures of a report (or of one group of documents): how many documents
/// and passages got each label, the comparison table summed over the documents (the
/// per-row totals of K and T), and the distribution of the documents' logit.
///
/// Every figure is a sum or mean of the documents' own scores, the numbers `tillit score
/// --unit document` prints for the same input: a document's K and T are the sums over its
/// passages, its label is drawn from its passages' labels (see `PassageCounts`).
public struct ReportSummary: Sendable, Equatable {
    /// Documents summarised.
    public private(set) var documents = 0
    /// Documents per label, in `Label.allCases` order (K, T, B, N).
    public private(set) var documentLabels = [0, 0, 0, 0]
    /// The passages of all documents by label.
    public private(set) var passages = PassageCounts()
    /// The documents' tables summed: per-row and per-principle K and T, totals, hits, words.
    public private(set) var table = ScoreTable()
    /// Tokens scanned.
    public private(set) var tokens = 0
    /// OCR repairs applied.
    public private(set) var repairs = 0
    /// Documents the repair stage judged damaged.
    public private(set) var damaged = 0
    /// Sum of the documents' net, for `meanNet`.
    public private(set) var netSum = 0.0
    /// Sum of the documents' logit, for `meanLogit`.
    public private(set) var logitSum = 0.0
    /// The documents' logit, binned.
    public private(set) var histogram = ReportHistogram()

    /// An empty summary.
    public init() {}

    /// The summary of `documents`. Cost: O(documents).
    public init<S: Sequence>(_ documents: S) where S.Element == DocumentScore {
        for d in documents { add(d) }
    }

    /// Counts one more document.
    public mutating func add(_ d: DocumentScore) {
        documents += 1
        documentLabels[Label.allCases.firstIndex(of: d.label)!] += 1
        passages.merge(d.passages)
        table.merge(d.table)
        tokens += d.tokens
        repairs += d.repairCount
        if d.looksDamaged { damaged += 1 }
        netSum += d.table.net
        logitSum += d.table.logit
        histogram.add(d.table)
    }

    /// Documents with label `l`.
    public func documents(_ l: Label) -> Int { documentLabels[Label.allCases.firstIndex(of: l)!] }

    /// Share of the documents with label `l` (0 without documents).
    public func share(_ l: Label) -> Double { documents > 0 ? Double(documents(l)) / Double(documents) : 0 }

    /// Mean of the documents' net (0 without documents).
    public var meanNet: Double { documents > 0 ? netSum / Double(documents) : 0 }

    /// Mean of the documents' logit (0 without documents).
    public var meanLogit: Double { documents > 0 ? logitSum / Double(documents) : 0 }

    /// Weight per 1,000 words: `weight` × 1000 / words (0 without words), to compare groups
    /// of different sizes.
    public func perThousandWords(_ weight: Double) -> Double { table.words > 0 ? weight * 1000 / Double(table.words) : 0 }
}
