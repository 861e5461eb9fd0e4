/// The groups view of the HTML report: a table of the groups, the groups side by side as
/// cards (labels, K and T per 1,000 words, rows 1–6 on a scale shared by all groups), and,
/// when the column holds years, trend charts.
enum HTMLGroupView {
    static func render(_ g: ReportGroups, corpus: ReportCorpus) -> String {
        let esc = HTMLReport.esc, f2 = HTMLReport.f2, f1 = HTMLReport.f1, int = HTMLReport.int, pct = HTMLReport.pct
        var h = "<section id=\"view-groups\" class=\"view\"><h2>Groups by <code>\(esc(g.column))</code></h2>"
        h += "<p>\(g.groups.count) groups of \(int(corpus.documents.count)) documents. Weights per 1,000 words compare groups of different sizes; "
        h += "mean net is the mean of the documents' net. Open a group's documents with <i>show documents</i>.</p>"
        if g.isYear { h += trend(g) }
        h += "<table id=\"grouptable\" class=\"groups\"><thead><tr><th>\(esc(g.column))</th><th class=\"num\">documents</th><th class=\"num\">words</th>"
        h += Label.allCases.map { "<th class=\"num\">\(HTMLReport.badge($0))</th>" }.joined()
        h += "<th class=\"num\">K</th><th class=\"num\">T</th><th class=\"num\">K / 1,000 w</th><th class=\"num\">T / 1,000 w</th><th class=\"num\">mean net</th><th class=\"num\">mean logit</th><th>labels</th></tr></thead><tbody>"
        for (gi, grp) in g.groups.enumerated() {
            let s = grp.summary, t = s.table
            h += "<tr data-group-row=\"\(gi)\" data-value=\"\(esc(grp.value))\" data-documents=\"\(s.documents)\" data-k=\"\(HTMLReport.num(t.kTotal))\" data-t=\"\(HTMLReport.num(t.tTotal))\">"
            h += "<td><a href=\"#overview\" data-group=\"\(gi)\">\(esc(grp.value))</a></td><td class=\"num\">\(int(s.documents))</td><td class=\"num\">\(int(t.words))</td>"
            h += Label.allCases.map { "<td class=\"num\">\(s.documents($0))</td>" }.joined()
            h += "<td class=\"num\">\(f1(t.kTotal))</td><td class=\"num\">\(f1(t.tTotal))</td><td class=\"num\">\(f2(s.perThousandWords(t.kTotal)))</td><td class=\"num\">\(f2(s.perThousandWords(t.tTotal)))</td>"
            h += "<td class=\"num\">\(f2(s.meanNet))</td><td class=\"num\">\(f2(s.meanLogit))</td><td>\(SVGChart.labelStrip(s.documentLabels, width: 100, noun: "documents"))</td></tr>"
        }
        h += "</tbody></table>"
        // the cards: one scale for the rows of all groups
        let scale = max(1e-9, g.groups.flatMap { grp in Dimension.rows.flatMap { [grp.summary.perThousandWords(grp.summary.table.k[$0.rawValue]), grp.summary.perThousandWords(grp.summary.table.t[$0.rawValue])] } }.max() ?? 0)
        h += "<div class=\"cards\">"
        for (gi, grp) in g.groups.enumerated() {
            let s = grp.summary, t = s.table
            h += "<div class=\"card group\" data-group-card=\"\(gi)\"><h3>\(esc(grp.value))</h3>"
            h += "<p class=\"small\">\(int(s.documents)) documents · \(int(t.words)) words</p>"
            h += "<p>" + SVGChart.labelStrip(s.documentLabels, width: 200, height: 14, noun: "documents") + "<br>"
            h += Label.allCases.map { "<span class=\"nw\">\(HTMLReport.badge($0)) \(s.documents($0)) (\(pct(s.share($0))))</span>" }.joined(separator: " ") + "</p>"
            h += "<table class=\"keyfig\"><tr><th>mean net</th><td class=\"num\"><b>\(f2(s.meanNet))</b></td></tr>"
            h += "<tr><th>K per 1,000 words</th><td class=\"num\">\(f2(s.perThousandWords(t.kTotal)))</td></tr>"
            h += "<tr><th>T per 1,000 words</th><td class=\"num\">\(f2(s.perThousandWords(t.tTotal)))</td></tr></table>"
            h += "<table class=\"comparison compact\"><tbody>"
            for r in Dimension.rows {
                let k = s.perThousandWords(t.k[r.rawValue]), tv = s.perThousandWords(t.t[r.rawValue])
                h += "<tr><td>\(esc(r.title))</td><td>\(SVGChart.diverging(k: k, t: tv, scale: scale, width: 150, height: 12))</td></tr>"
            }
            h += "</tbody></table><p><a href=\"#overview\" data-group=\"\(gi)\">show documents</a></p></div>"
        }
        return h + "</div></section>\n"
    }

    /// Trend charts over the years: K and T weight per 1,000 words, and the share of documents
    /// by label. Documents without a year are left out.
    static func trend(_ g: ReportGroups) -> String {
        let years = g.groups.filter { !$0.isEmpty }
        var h = "<div class=\"trend\"><div><h3>K and T per 1,000 words, by \(HTMLReport.esc(g.column))</h3>"
        let points = years.map { grp -> SVGChart.Point in
            let s = grp.summary
            return SVGChart.Point(x: Double(grp.value) ?? 0, label: grp.value,
                                  values: [s.perThousandWords(s.table.kTotal), s.perThousandWords(s.table.tTotal)],
                                  note: "\(s.documents) documents, mean net \(HTMLReport.f2(s.meanNet))")
        }
        h += SVGChart.trend(points, names: ["K per 1,000 words", "T per 1,000 words"], colors: [SVGChart.kColor, SVGChart.tColor], yLabel: "weight per 1,000 words")
        h += "</div><div><h3>Documents by label, by \(HTMLReport.esc(g.column))</h3>"
        h += SVGChart.shares(years.map { ($0.value, $0.summary.documentLabels) })
        return h + "</div></div>"
    }
}
