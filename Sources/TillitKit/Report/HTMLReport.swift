/// A self-contained HTML report of a corpus (`tillit report`): one file, no external assets,
/// a small inline script for sorting, filtering, paging and the document pages.
///
/// The page has these views, switched by the address's fragment:
/// - `#overview`: the summary panel (documents and passages per label, the comparison table
///   summed over the corpus, a histogram of the documents' logit), a legend, and the table of
///   documents, sortable by every column, filterable by text, label and group, 50 rows a page,
///   with mini charts per document (K/T balance, rows 1–6, passage labels);
/// - `#groups` (with `ReportGroups`): the groups side by side, and a trend chart when the
///   column holds years;
/// - `#definitions`: what the labels, the numbers and the colours mean;
/// - `#doc-N`: one document (the N-th, from 0): its comparison table with K-versus-T bars
///   per row, its principles profile, and every passage with K and T hits highlighted in two
///   colours (evidence on hover) and repaired words marked with their original OCR form.
///
/// A methods footer (version, lexicon and model hashes, settings) closes every view. The
/// document pages are kept as inert text until opened, so a report of thousands of
/// documents opens as fast as its overview. The interface is in English; the codebook's
/// Swedish terms (row and principle names) stay Swedish.
public struct HTMLReport {
    /// One scored document and its original bytes.
    public typealias Document = ReportDocument

    /// Scores `bytes` for the report: paragraph units (found by `paragraphs`), evidence and
    /// repair changes kept, labels by `model`.
    public static func analyzer(lexicon: GovernanceLexicon = .embedded, repair: RepairMode = .auto, paragraphs: ParagraphMode = .auto,
                                model: LabelModel = .embedded) -> Analyzer {
        var o = ScoreOptions(unit: .paragraph, repair: repair, evidence: true, keepChanges: true, model: model)
        o.paragraphs = paragraphs
        o.previews = false
        return Analyzer(lexicon: lexicon, options: o)
    }

    /// Rows of the document table shown per page.
    public static let pageSize = 50

    /// The whole page for `docs` (plain text documents, no groups, embedded lexicon and model).
    public static func render(_ docs: [Document], title: String = "tillit report") -> String {
        render(ReportCorpus(documents: docs), title: title)
    }

    /// The whole page.
    /// - Parameters:
    ///   - corpus: the scored documents and their columns (see `ReportCorpus.read`).
    ///   - groups: the documents grouped by a column (see `ReportGroups`), for the groups view.
    ///   - methods: what made the report, for the methods footer (default: embedded lexicon
    ///     and model, default settings).
    /// - Cost: O(bytes of the documents); the page is about 2–3 times the size of the text.
    public static func render(_ corpus: ReportCorpus, title: String = "tillit report", groups: ReportGroups? = nil,
                              methods: ReportMethods = ReportMethods()) -> String {
        let docs = corpus.documents
        let summary = ReportSummary(docs.map(\.score))
        var h = "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
        h += "<meta name=\"generator\" content=\"tillit \(esc(methods.version))\"><title>\(esc(title))</title>\n<style>\(HTMLReportAssets.css)</style></head>\n<body>\n"
        h += "<header class=\"top\"><h1>\(esc(title))</h1><nav id=\"tabs\"><a href=\"#overview\" data-view=\"overview\">Overview</a>"
        if let g = groups { h += "<a href=\"#groups\" data-view=\"groups\">Groups by \(esc(g.column))</a>" }
        h += "<a href=\"#definitions\" data-view=\"definitions\">Definitions</a><a href=\"#methods\">Methods</a></nav></header>\n"
        h += "<noscript><p class=\"note\">Sorting, filtering, paging and the document pages need JavaScript; the summary and the first \(pageSize) documents are shown without it.</p></noscript>\n<main>\n"
        h += HTMLOverview.render(corpus, summary: summary, groups: groups)
        if let g = groups { h += HTMLGroupView.render(g, corpus: corpus) }
        h += HTMLReportAssets.definitions
        h += "<section id=\"view-document\" class=\"view\" aria-live=\"polite\"></section>\n</main>\n"
        h += methodsFooter(methods, summary: summary)
        for (i, d) in docs.enumerated() {
            // inert until opened: the browser only scans it for its end tag, which cannot occur
            // inside, as every text of the input is escaped (no "<" of its own)
            h += "<script type=\"text/html\" id=\"src-\(i)\">" + HTMLDocumentPage.render(d, index: i, count: docs.count, columnNames: corpus.columnNames) + "</script>\n"
        }
        h += "<script>\(HTMLReportAssets.script)</script>\n</body></html>\n"
        return h
    }

    static func methodsFooter(_ m: ReportMethods, summary: ReportSummary) -> String {
        var h = "<footer id=\"methods\"><h2>Methods</h2><dl class=\"methods\">"
        h += "<dt>tillit</dt><dd class=\"m-version\">\(esc(m.version))</dd>"
        h += "<dt>Lexicon</dt><dd>\(esc(m.lexicon)), \(int(m.lexiconEntries)) entries, hash <code class=\"m-lexicon\">\(esc(m.lexiconHash))</code></dd>"
        h += "<dt>Label model</dt><dd>\(esc(m.model)): multinomial logistic regression over evidence features"
        h += m.modelStems > 0 ? " and \(int(m.modelStems)) word stems" : ""
        h += ", hash <code class=\"m-model\">\(esc(m.modelHash))</code>"
        if !m.modelNotes.isEmpty { h += "<br><span class=\"small\">" + m.modelNotes.map(esc).joined(separator: "<br>") + "</span>" }
        h += "</dd>"
        h += "<dt>Repair</dt><dd>--repair \(m.repair.rawValue)"
        h += m.repair == .auto ? " (documents that look OCR-damaged are repaired: \(int(summary.damaged)) of \(int(summary.documents)))" : ""
        h += "; \(int(summary.repairs)) words repaired</dd>"
        h += "<dt>Units</dt><dd>passages (paragraphs, headings, list items; --paragraphs \(m.paragraphs.rawValue)), each labelled by the model; a document's label is the most common label of its governance passages (a tie is B; none is N)</dd>"
        h += "<dt>Input</dt><dd>--input \(m.input.rawValue)</dd>"
        h += "<dt>Reproduce</dt><dd><code>tillit score … --unit document --provenance</code> prints each document's figures shown here; <code>--unit paragraph</code> the passages'</dd>"
        return h + "</dl></footer>\n"
    }

    static func badge(_ l: Label) -> String { "<span class=\"lab lab-\(l.rawValue)\">\(l.rawValue)</span>" }
    static func f1(_ d: Double) -> String { FixedPoint.string(d, decimals: 1) }
    static func f2(_ d: Double) -> String { FixedPoint.string(d, decimals: 2) }
    /// A percentage with no decimals.
    static func pct(_ d: Double) -> String { FixedPoint.string(d * 100, decimals: 0) + "%" }
    /// A count with thousands separators: 12,345.
    static func int(_ n: Int) -> String {
        let s = String(abs(n))
        var out = ""
        for (i, c) in s.enumerated() {
            if i > 0 && (s.count - i) % 3 == 0 { out += "," }
            out.append(c)
        }
        return (n < 0 ? "-" : "") + out
    }
    /// A number as `tillit score` writes it (at most 4 decimals), for `data-` attributes.
    static func num(_ d: Double) -> String { JSON.number(d) }

    /// HTML-escapes text for element content and quoted attribute values: `&`, `<`, `>`, `"`
    /// and `'`. Cost: one pass over the UTF-8; text without them is returned as is.
    public static func esc(_ s: String) -> String { escape(s, newlines: false) }

    /// `esc`, and with `newlines` line breaks (CR, LF) become spaces, for passages shown as
    /// one flowing paragraph.
    static func escape(_ s: String, newlines: Bool) -> String {
        func special(_ b: UInt8) -> Bool {
            b == 0x26 || b == 0x3C || b == 0x3E || b == 0x22 || b == 0x27 || (newlines && (b == 0x0A || b == 0x0D))
        }
        guard s.utf8.contains(where: special) else { return s }
        var o: [UInt8] = []
        o.reserveCapacity(s.utf8.count + 16)
        for b in s.utf8 {
            switch b {
            case 0x26: o.append(contentsOf: "&amp;".utf8)
            case 0x3C: o.append(contentsOf: "&lt;".utf8)
            case 0x3E: o.append(contentsOf: "&gt;".utf8)
            case 0x22: o.append(contentsOf: "&quot;".utf8)
            case 0x27: o.append(contentsOf: "&#39;".utf8)
            case 0x0A, 0x0D where newlines: o.append(0x20)
            default: o.append(b)
            }
        }
        return String(decoding: o, as: UTF8.self)
    }
}
