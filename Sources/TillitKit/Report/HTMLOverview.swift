/// The overview view of the HTML report: the summary panel, the legend and the table of
/// documents (sortable, filterable and paged by the page's script).
enum HTMLOverview {
    /// Pass-through columns shown in the document table (all are searchable and shown on the
    /// document pages).
    static let shownColumns = 3

    static func render(_ corpus: ReportCorpus, summary: ReportSummary, groups: ReportGroups?) -> String {
        var h = "<section id=\"view-overview\" class=\"view\">\n"
        h += summaryPanel(summary, corpus: corpus)
        h += legend
        h += table(corpus, summary: summary, groups: groups)
        return h + "</section>\n"
    }

    /// The summary panel: key figures, documents and passages per label, the comparison table
    /// summed over the corpus, the histogram of the documents' logit.
    static func summaryPanel(_ s: ReportSummary, corpus: ReportCorpus) -> String {
        let int = HTMLReport.int, f1 = HTMLReport.f1, f2 = HTMLReport.f2, pct = HTMLReport.pct, esc = HTMLReport.esc
        let t = s.table
        var h = "<div id=\"summary\" class=\"panel\">"
        h += "<div class=\"card figures\"><h2>Corpus</h2><table class=\"keyfig\">"
        h += "<tr><th>documents</th><td class=\"num\" id=\"s-documents\">\(int(s.documents))</td></tr>"
        h += "<tr><th>passages</th><td class=\"num\" id=\"s-passages\">\(int(s.passages.total))</td></tr>"
        h += "<tr><th>words</th><td class=\"num\" id=\"s-words\">\(int(t.words))</td></tr>"
        h += "<tr><th>hits K / T</th><td class=\"num\"><span id=\"s-khits\">\(int(t.kHits))</span> / <span id=\"s-thits\">\(int(t.tHits))</span></td></tr>"
        h += "<tr><th>weight K / T</th><td class=\"num\"><span id=\"s-k\" data-v=\"\(HTMLReport.num(t.kTotal))\">\(f1(t.kTotal))</span> / <span id=\"s-t\" data-v=\"\(HTMLReport.num(t.tTotal))\">\(f1(t.tTotal))</span></td></tr>"
        h += "<tr><th>per 1,000 words K / T</th><td class=\"num\">\(f2(s.perThousandWords(t.kTotal))) / \(f2(s.perThousandWords(t.tTotal)))</td></tr>"
        h += "<tr><th>mean net</th><td class=\"num\" id=\"s-net\">\(f2(s.meanNet))</td></tr>"
        h += "<tr><th>mean logit</th><td class=\"num\" id=\"s-logit\">\(f2(s.meanLogit))</td></tr>"
        h += "<tr><th>OCR repairs</th><td class=\"num\">\(int(s.repairs)) in \(int(s.damaged)) damaged documents</td></tr>"
        h += "</table></div>"

        h += "<div class=\"card labels\"><h2>Labels</h2><table class=\"labeldist\"><thead><tr><th></th><th class=\"num\">documents</th><th class=\"num\">share</th><th class=\"num\">passages</th><th class=\"num\">share</th></tr></thead><tbody>"
        for l in Label.allCases {
            h += "<tr><td>\(HTMLReport.badge(l)) \(labelName(l))</td><td class=\"num\" id=\"s-doc-\(l.rawValue)\">\(int(s.documents(l)))</td><td class=\"num\">\(pct(s.share(l)))</td>"
            h += "<td class=\"num\" id=\"s-pass-\(l.rawValue)\">\(int(s.passages[l]))</td><td class=\"num\">\(pct(s.passages.share(l)))</td></tr>"
        }
        h += "</tbody></table><p>documents " + SVGChart.labelStrip(s.documentLabels, width: 240, height: 14, noun: "documents") + "</p>"
        h += "<p>passages " + SVGChart.labelStrip(s.passages.counts, width: 240, height: 14) + "</p></div>"

        let rowMax = max(1, Dimension.rows.map { max(t.k[$0.rawValue], t.t[$0.rawValue]) }.max() ?? 1)
        h += "<div class=\"card rows\"><h2>Comparison table, summed</h2><table class=\"comparison\" id=\"s-rows\"><thead><tr><th>row</th><th class=\"num\">K</th><th class=\"num\">T</th><th>K ◀ ▶ T</th></tr></thead><tbody>"
        for r in Dimension.rows {
            let k = t.k[r.rawValue], tv = t.t[r.rawValue]
            h += "<tr data-row=\"\(r.rawValue + 1)\" data-k=\"\(HTMLReport.num(k))\" data-t=\"\(HTMLReport.num(tv))\"><td>\(esc(r.title))</td><td class=\"num\">\(f1(k))</td><td class=\"num\">\(f1(tv))</td><td>\(SVGChart.diverging(k: k, t: tv, scale: rowMax, width: 260, tooltip: false))</td></tr>"
        }
        h += "<tr class=\"total\"><td>all rows</td><td class=\"num\">\(f1(t.kTotal))</td><td class=\"num\">\(f1(t.tTotal))</td><td class=\"small\">each hit counted once</td></tr>"
        h += "</tbody></table><h3>Principles (T)</h3>" + SVGChart.principles(t, width: 360) + "</div>"

        h += "<div class=\"card hist\"><h2>Documents by logit</h2>" + SVGChart.histogram(s.histogram)
        h += "<p class=\"small\">logit = log((T + 0.5) / (K + 0.5)); bins of 0.5."
        if s.histogram.withoutEvidence > 0 { h += " <span id=\"s-noevidence\">\(int(s.histogram.withoutEvidence))</span> documents without any hit are left out (their logit is 0 by definition)." }
        h += "</p></div>"
        return h + "</div>\n"
    }

    static func labelName(_ l: Label) -> String {
        switch l {
        case .K: return "kontrollbaserad"
        case .T: return "tillitsbaserad"
        case .B: return "both (blandad)"
        case .N: return "neither"
        }
    }

    static let legend = """
    <div class="legend card wide"><b>How to read this report.</b>
    \(HTMLReport.badge(.K)) control-based governance language dominates (kontrollbaserad styrning) ·
    \(HTMLReport.badge(.T)) trust-based dominates (tillitsbaserad styrning) ·
    \(HTMLReport.badge(.B)) both, neither clearly dominating ·
    \(HTMLReport.badge(.N)) no governance language.
    <b>K</b> and <b>T</b>: weighted evidence for each pole; <b>net</b> = (T − K) / (T + K + 1), from −1 (all K) to +1 (all T);
    <b>logit</b> = log((T + 0.5) / (K + 0.5)); <b>p</b>: share of a document's governance passages that carry its label.
    Mini charts: <span class="swatch k"></span> K and <span class="swatch t"></span> T weight, rows 1–6 (T up, K down), passages by label.
    <a href="#definitions">All definitions</a>.</div>

    """

    /// The table of documents; every row carries its figures in `data-` attributes (the
    /// numbers `tillit score --unit document` writes) for sorting and for checks.
    static func table(_ corpus: ReportCorpus, summary: ReportSummary, groups: ReportGroups?) -> String {
        let esc = HTMLReport.esc, f1 = HTMLReport.f1, f2 = HTMLReport.f2, num = HTMLReport.num
        let docs = corpus.documents
        // the group column first, then the others, at most `shownColumns`
        var shown: [Int] = []
        if let g = groups, let c = corpus.columnNames.firstIndex(of: g.column) { shown.append(c) }
        for c in corpus.columnNames.indices where shown.count < shownColumns && !shown.contains(c) { shown.append(c) }
        var groupOf = [Int](repeating: -1, count: docs.count)
        if let g = groups { for (gi, grp) in g.groups.enumerated() { for m in grp.members { groupOf[m] = gi } } }

        var h = "<h2 id=\"documents\">Documents</h2><div class=\"controls\">"
        h += "<label>Filter <input id=\"q\" type=\"search\" placeholder=\"id or metadata\" autocomplete=\"off\"></label>"
        h += "<label>Label <select id=\"flabel\"><option value=\"\">all</option>" + Label.allCases.map { "<option value=\"\($0.rawValue)\">\($0.rawValue)</option>" }.joined() + "</select></label>"
        if let g = groups {
            h += "<label>\(esc(g.column)) <select id=\"fgroup\"><option value=\"\">all</option>"
            for (gi, grp) in g.groups.enumerated() { h += "<option value=\"\(gi)\">\(esc(grp.value)) (\(grp.members.count))</option>" }
            h += "</select></label>"
        }
        h += "<label>Rows <select id=\"psize\"><option>25</option><option selected>\(HTMLReport.pageSize)</option><option>100</option><option>250</option><option value=\"0\">all</option></select></label>"
        h += "<span id=\"count\" class=\"small\">\(docs.count) documents</span></div>"
        h += "<table id=\"docs\" class=\"docs\"><thead><tr>"
        h += "<th data-key=\"i\" data-num=\"1\" class=\"num\" aria-sort=\"ascending\">#</th><th data-key=\"id\">document</th>"
        for c in shown { h += "<th data-key=\"c\(c)\">\(esc(corpus.columnNames[c]))</th>" }
        h += "<th data-key=\"lo\" data-num=\"1\">label</th><th data-key=\"p\" data-num=\"1\" class=\"num\">p</th>"
        h += "<th data-key=\"k\" data-num=\"1\" class=\"num\">K</th><th data-key=\"t\" data-num=\"1\" class=\"num\">T</th>"
        h += "<th data-key=\"net\" data-num=\"1\" class=\"num\">net</th><th data-key=\"logit\" data-num=\"1\" class=\"num\">logit</th>"
        h += "<th data-key=\"words\" data-num=\"1\" class=\"num\">words</th><th class=\"nosort\">K ◀▶ T</th><th class=\"nosort\">rows 1–6</th><th class=\"nosort\">passages</th>"
        h += "</tr></thead><tbody>\n"
        for (i, d) in docs.enumerated() {
            let s = d.score, t = s.table
            let values = s.columns
            let search = ([s.id] + values).joined(separator: " ").lowercased()
            h += "<tr data-i=\"\(i)\" data-id=\"\(esc(s.id))\" data-lo=\"\(Label.allCases.firstIndex(of: s.label)!)\" data-label=\"\(s.label.rawValue)\""
            h += " data-p=\"\(num(s.passages.decision.probability))\" data-k=\"\(num(t.kTotal))\" data-t=\"\(num(t.tTotal))\" data-net=\"\(num(t.net))\" data-logit=\"\(num(t.logit))\" data-words=\"\(t.words)\""
            for c in shown { h += " data-c\(c)=\"\(esc(c < values.count ? values[c] : ""))\"" }
            h += " data-g=\"\(groupOf[i])\" data-q=\"\(esc(search))\"\(i >= HTMLReport.pageSize ? " class=\"later\"" : "")>"
            h += "<td class=\"num\">\(i + 1)</td><td class=\"id\"><a href=\"#doc-\(i)\">\(esc(s.id))</a></td>"
            for c in shown { h += "<td>\(esc(c < values.count ? values[c] : ""))</td>" }
            h += "<td>\(HTMLReport.badge(s.label))</td><td class=\"num\">\(f2(s.passages.decision.probability))</td>"
            h += "<td class=\"num\">\(f1(t.kTotal))</td><td class=\"num\">\(f1(t.tTotal))</td><td class=\"num\">\(f2(t.net))</td><td class=\"num\">\(f2(t.logit))</td><td class=\"num\">\(HTMLReport.int(t.words))</td>"
            h += "<td>\(SVGChart.balance(k: t.kTotal, t: t.tTotal))</td><td>\(SVGChart.rowsProfile(t))</td><td>\(SVGChart.labelStrip(s.passages.counts))</td></tr>\n"
        }
        h += "</tbody></table><div class=\"pager\"><button id=\"prev\" type=\"button\">‹ previous</button><span id=\"pageno\"></span><button id=\"next\" type=\"button\">next ›</button></div>\n"
        return h
    }
}
