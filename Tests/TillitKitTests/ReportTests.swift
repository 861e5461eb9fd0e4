import Foundation
import Testing
import TillitKit

/// The corpus report's model (summary, histogram, groups, methods) and the page it renders.
@Suite("Corpus report")
struct ReportTests {
    static let analyzer = HTMLReport.analyzer(repair: .off)

    static let controlText = "Regeringen styr myndigheterna med detaljstyrning, kontroll och fler återrapporteringskrav. Uppföljningen sker genom mätning av indikatorer och avvikelser."
    static let trustText = "Vi vill ha tillitsbaserad styrning med större handlingsutrymme för professionen, dialog och lärande i verksamheten."
    static let neutralText = "Kommunfullmäktige sammanträder den 12 mars klockan 18 i rådhuset."

    /// A document of `text` with pass-through `columns`.
    static func document(_ id: String, _ text: String, columns: [String] = []) throws -> ReportDocument {
        var part = DocumentPart(id: id, bytes: Array(text.utf8))
        part.columns = columns
        var scratch = Analyzer.Scratch()
        var s = try analyzer.score(part, scratch: &scratch)
        s.columns = columns
        return ReportDocument(score: s, bytes: part.bytes)
    }

    @Test("the summary counts documents per label and adds up the documents' K, T, rows and words")
    func summaryCountsAndSums() throws {
        let docs = try [Self.document("k", Self.controlText), Self.document("t", Self.trustText), Self.document("n", Self.neutralText),
                        Self.document("t2", Self.trustText + "\n\n" + Self.neutralText)]
        #expect(docs.map(\.score.label) == [.K, .T, .N, .T])
        let s = ReportSummary(docs.map(\.score))
        #expect(s.documents == 4)
        #expect(s.documentLabels == [1, 2, 0, 1])
        #expect(s.passages.total == 5)
        #expect(s.passages[.N] == 2)
        #expect(abs(s.table.kTotal - docs.reduce(0) { $0 + $1.score.table.kTotal }) < 1e-9)
        #expect(abs(s.table.tTotal - docs.reduce(0) { $0 + $1.score.table.tTotal }) < 1e-9)
        for r in Dimension.rows {
            #expect(abs(s.table.k[r.rawValue] - docs.reduce(0) { $0 + $1.score.table.k[r.rawValue] }) < 1e-9)
        }
        #expect(s.table.words == docs.reduce(0) { $0 + $1.score.table.words })
        #expect(s.histogram.withoutEvidence == 1)
        #expect(s.histogram.bins.reduce(0) { $0 + $1.count } == 3)
        #expect(s.meanNet > 0 && s.meanNet < 1)
    }

    @Test("the histogram bins logits half a unit wide from −3 to 3, with open ends, and keeps documents without hits apart")
    func histogramBins() {
        func table(k: Double, t: Double) -> ScoreTable {
            var x = ScoreTable()
            x.kTotal = k; x.tTotal = t; x.kHits = k > 0 ? 1 : 0; x.tHits = t > 0 ? 1 : 0
            return x
        }
        var h = ReportHistogram()
        h.add(table(k: 0, t: 2))       // log(2.5 / 0.5) = 1.61: bin 1.5 ≤ x < 2
        h.add(table(k: 1, t: 1))       // 0: the bin that starts at 0
        h.add(table(k: 1000, t: 0))    // −7.6: the open bin below −3
        h.add(table(k: 0, t: 1000))    // 7.6: the open bin above 3
        h.add(table(k: 0, t: 0))       // no evidence
        #expect(h.bins.count == 14)
        #expect(h.withoutEvidence == 1)
        let at = { (lower: Double) in h.bins.first { $0.lower == lower }!.count }
        #expect(at(1.5) == 1)
        #expect(at(0) == 1)
        #expect(h.bins.first!.upper == -3 && h.bins.first!.count == 1)
        #expect(h.bins.last!.lower == 3 && h.bins.last!.count == 1)
        #expect(h.bins.reduce(0) { $0 + $1.count } == 4)
    }

    @Test("groups hold the documents of each value (spaces trimmed) in input order, numbers in numeric order, the empty value last")
    func groupsByColumn() throws {
        let docs = try [
            Self.document("a", Self.controlText, columns: ["M", "2019", "10"]),
            Self.document("b", Self.trustText, columns: ["V", "2020", "9"]),
            Self.document("c", Self.neutralText, columns: ["V", "", "10"]),
            Self.document("d", Self.trustText, columns: ["S", "2009", "100"]),
            Self.document("e", Self.trustText, columns: ["V", "2020", " 9 "]),
        ].map(\.score)
        let party = try ReportGroups(docs, columnNames: ["party", "year", "ward"], column: "party")
        #expect(party.groups.map(\.value) == ["M", "S", "V"])
        #expect(party.groups.map(\.members) == [[0], [3], [1, 2, 4]])
        #expect(party.groups[2].summary.documentLabels == [0, 2, 0, 1])
        #expect(!party.isYear)
        let ward = try ReportGroups(docs, columnNames: ["party", "year", "ward"], column: "ward")
        #expect(ward.groups.map(\.value) == ["9", "10", "100"])
        #expect(ward.groups.map(\.members) == [[1, 4], [0, 2], [3]])
        #expect(!ward.isYear)
        let year = try ReportGroups(docs, columnNames: ["party", "year", "ward"], column: "year")
        #expect(year.groups.map(\.value) == ["2009", "2019", "2020", ReportGroups.emptyName])
        #expect(year.groups.map(\.summary.documents) == [1, 1, 2, 1])
        #expect(year.groups.last!.isEmpty)
        #expect(year.isYear)
    }

    @Test("grouping by a column the records do not have is a one-line usage error naming the columns there are")
    func missingGroupColumn() throws {
        #expect(throws: TillitError.usage("--group-by parti: no such column; the records' columns are party, year")) {
            try ReportGroups.check(column: "parti", in: ["party", "year"])
        }
        #expect(throws: TillitError.usage("--group-by Party: no such column; the records' columns are party, year (did you mean 'party'?)")) {
            try ReportGroups.check(column: "Party", in: ["party", "year"])
        }
        do {
            try ReportGroups.check(column: "party", in: nil)
            Issue.record("text input has no columns to group by")
        } catch {
            #expect(error.exitCode == 64)
            #expect(error.description.contains("--input csv|tsv|jsonl") && !error.description.contains("\n"))
        }
    }

    @Test("hostile ids and metadata are escaped everywhere: no markup of the input reaches the page")
    func escapesHostileInput() throws {
        let id = "<script>alert(1)</script>"
        let party = "\"><img src=x onerror=alert(2)>"
        let docs = try [Self.document(id, Self.trustText, columns: [party, "</script><b>x"]), Self.document("ok", Self.controlText, columns: ["M", "2020"])]
        let corpus = ReportCorpus(documents: docs, columnNames: ["party", "note"])
        let groups = try ReportGroups(docs.map(\.score), columnNames: corpus.columnNames, column: "party")
        let html = HTMLReport.render(corpus, title: "<i>t</i>", groups: groups)
        #expect(!html.contains(id))
        #expect(!html.contains("<img"))
        #expect(!html.contains("<b>x"))
        #expect(!html.contains("<i>t</i>"))
        #expect(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"))
        #expect(html.contains("&quot;&gt;&lt;img src=x onerror=alert(2)&gt;"))
        // the only script elements: one inert page per document and the page's own script
        #expect(html.components(separatedBy: "<script").count - 1 == docs.count + 1)
        #expect(html.components(separatedBy: "</script>").count - 1 == docs.count + 1)
    }

    @Test("the page has every view, a row per document with its figures, and loads nothing from outside")
    func pageStructure() throws {
        let docs = try [Self.document("k", Self.controlText), Self.document("t", Self.trustText)]
        let html = HTMLReport.render(ReportCorpus(documents: docs), title: "Two")
        for id in ["view-overview", "view-definitions", "view-document", "methods", "summary", "docs", "src-0", "src-1"] {
            #expect(html.contains("id=\"\(id)\""), "missing #\(id)")
        }
        #expect(!html.contains("view-groups"))
        #expect(html.contains("<tr data-i=\"0\" data-id=\"k\" data-lo=\"0\" data-label=\"K\""))
        #expect(html.contains("data-k=\"10\" data-t=\"0\" data-net=\"-0.9091\" data-logit=\"-3.0445\""))
        #expect(!html.contains("src=\"http") && !html.contains("href=\"http") && !html.contains("@import") && !html.contains("url("))
    }

    @Test("the methods name the version, the lexicon's and the model's hashes and the settings")
    func methodsFooter() throws {
        let m = ReportMethods(repair: .on, paragraphs: .line, input: .csv)
        #expect(m.lexicon == "embedded" && m.model == "embedded")
        #expect(m.lexiconHash.hasPrefix("fnv1a64:") && m.lexiconHash.count == 24)
        let html = HTMLReport.render(ReportCorpus(documents: [try Self.document("t", Self.trustText)]), methods: m)
        #expect(html.contains("<dd class=\"m-version\">\(TillitVersion.string)</dd>"))
        #expect(html.contains("<code class=\"m-lexicon\">\(m.lexiconHash)</code>"))
        #expect(html.contains("<code class=\"m-model\">\(m.modelHash)</code>"))
        #expect(html.contains("--repair on") && html.contains("--paragraphs line") && html.contains("--input csv"))
    }

    @Test("a label model's hash follows its weights and ignores its provenance notes")
    func modelFingerprint() throws {
        let base = LabelModel.embedded
        let renamed = LabelModel(features: base.features, mean: base.mean, scale: base.scale, weights: base.weights, bias: base.bias,
                                 provenance: ["another note"], vocabulary: base.vocabulary, stemWeights: base.stemWeights)
        var bias = base.bias
        bias[0] += 0.5
        let changed = LabelModel(features: base.features, mean: base.mean, scale: base.scale, weights: base.weights, bias: bias,
                                 provenance: base.provenance, vocabulary: base.vocabulary, stemWeights: base.stemWeights)
        #expect(LabelModelFingerprint.of(renamed) == LabelModelFingerprint.of(base))
        #expect(LabelModelFingerprint.of(changed) != LabelModelFingerprint.of(base))
    }

    @Test("reading records keeps their metadata as columns; a misspelt group column fails at the first record")
    func readRecords() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("r.csv").path
        try "id,party,text\na,M,\"\(Self.controlText)\"\nb,V,\"\(Self.trustText)\"\n".write(toFile: path, atomically: true, encoding: .utf8)
        var failures: [TillitError] = []
        let corpus = try ReportCorpus.read(paths: [path], input: .csv, analyzer: Self.analyzer, groupBy: "party", failure: { failures.append($0) })
        #expect(failures.isEmpty)
        #expect(corpus.columnNames == ["party"])
        #expect(corpus.documents.map(\.score.id) == ["a", "b"])
        #expect(corpus.documents.map(\.score.columns) == [["M"], ["V"]])
        #expect(throws: TillitError.self) {
            try ReportCorpus.read(paths: [path], input: .csv, analyzer: Self.analyzer, groupBy: "year")
        }
    }
}
