/// One document's page in the HTML report: its figures and metadata, its comparison table
/// with K-versus-T bars per row, its principles profile, and every passage with K and T hits
/// highlighted (evidence on hover) and repaired words marked (original OCR form on hover).
enum HTMLDocumentPage {
    static func render(_ d: ReportDocument, index: Int, count: Int, columnNames: [String]) -> String {
        let esc = HTMLReport.esc, f1 = HTMLReport.f1, f2 = HTMLReport.f2
        let s = d.score, t = s.table
        var h = "<article class=\"docpage\" data-doc=\"\(index)\">"
        h += "<nav class=\"docnav\"><a href=\"#overview\">← Overview</a>"
        h += index > 0 ? "<a href=\"#doc-\(index - 1)\">‹ previous</a>" : "<span class=\"off\">‹ previous</span>"
        h += "<span>document \(index + 1) of \(count)</span>"
        h += index + 1 < count ? "<a href=\"#doc-\(index + 1)\">next ›</a>" : "<span class=\"off\">next ›</span>"
        h += "</nav>"
        h += "<h2><span class=\"docid\">\(esc(s.id))</span> \(HTMLReport.badge(s.label))</h2>"
        if !columnNames.isEmpty {
            h += "<dl class=\"meta\">"
            for (i, c) in columnNames.enumerated() { h += "<dt>\(esc(c))</dt><dd>\(esc(i < s.columns.count ? s.columns[i] : ""))</dd>" }
            h += "</dl>"
        }
        let gov = s.passages[.K] + s.passages[.T] + s.passages[.B]
        h += "<p class=\"figures\">Label <b>\(s.label.rawValue)</b>, probability <span class=\"d-p\">\(f2(s.passages.decision.probability))</span>"
        if s.passages.total > 1 { h += " (\(s.label == .N ? "\(s.passages[.N]) of \(s.passages.total) passages are N" : "\(s.passages[s.label]) of \(gov) governance passages"))" }
        h += "; net <span class=\"d-net\">\(f2(t.net))</span>, logit <span class=\"d-logit\">\(f2(t.logit))</span>; "
        h += "K <span class=\"d-k\">\(f1(t.kTotal))</span> (\(t.kHits) hits), T <span class=\"d-t\">\(f1(t.tTotal))</span> (\(t.tHits) hits); "
        h += "\(HTMLReport.int(t.words)) words, \(HTMLReport.int(s.tokens)) tokens, \(s.repairCount) OCR repairs\(s.encoding == .windows1252 ? ", read as Windows-1252" : s.encoding == .utf8WithWindows1252 ? ", stray bytes read as Windows-1252" : "").</p>"
        h += "<div class=\"twocol\"><div><h3>Comparison table</h3>"
        let rowMax = max(1, Dimension.rows.map { max(t.k[$0.rawValue], t.t[$0.rawValue]) }.max() ?? 1)
        h += "<table class=\"comparison\"><thead><tr><th>row</th><th class=\"num\">K</th><th class=\"num\">T</th><th>K ◀ ▶ T</th></tr></thead><tbody>"
        for r in Dimension.rows {
            h += "<tr><td>\(esc(r.title))</td><td class=\"num\">\(f1(t.k[r.rawValue]))</td><td class=\"num\">\(f1(t.t[r.rawValue]))</td><td>\(SVGChart.diverging(k: t.k[r.rawValue], t: t.t[r.rawValue], scale: rowMax, width: 220, tooltip: false))</td></tr>"
        }
        h += "</tbody></table></div><div><h3>Principles</h3>" + SVGChart.principles(t, width: 380)
        h += "<h3>Passages by label</h3><p>" + SVGChart.labelStrip(s.passages.counts, width: 300, height: 14)
        h += "<br><span class=\"small\">" + Label.allCases.map { "\(HTMLReport.badge($0)) \(s.passages[$0])" }.joined(separator: " ") + "</span></p></div></div>"
        h += HTMLReportAssets.markLegend
        h += "<h3>Passages</h3><div class=\"passages\" lang=\"sv\">"
        var changes = s.changes.sorted { $0.offset < $1.offset }[...]
        for u in s.units {
            let hits = u.hits.sorted { $0.offset < $1.offset }
            let p = u.label == .N && u.table.kHits + u.table.tHits == 0 ? "" : " p \(f2(u.decision.probability))"
            h += "<div class=\"passage \(esc(u.kind)) pl-\(u.label.rawValue)\"><span class=\"pmeta\">\(u.index + 1) \(esc(u.kind)) \(HTMLReport.badge(u.label))\(p) · K \(f1(u.table.kTotal)) · T \(f1(u.table.tTotal))</span> "
            h += passage(d.bytes, from: u.offset, to: u.offset + u.length, hits: hits, changes: &changes, encoding: s.encoding)
            h += "</div>"
        }
        return h + "</div></article>"
    }

    /// A passage's text with hit marks and repaired words.
    static func passage(_ bytes: [UInt8], from: Int, to: Int, hits: [Evidence], changes: inout ArraySlice<RepairChange>, encoding: SourceEncoding) -> String {
        let esc = HTMLReport.esc, f2 = HTMLReport.f2
        var out = ""
        var pos = from
        var hi = 0
        func text(_ a: Int, _ b: Int) -> String {
            guard a < b else { return "" }
            return HTMLReport.escape(encoding.string(bytes[max(0, a)..<min(bytes.count, b)]), newlines: true)
        }
        func plain(_ a: Int, _ b: Int) -> String {
            // text between a and b with repaired words marked
            var s = ""
            var p = a
            while let c = changes.first, c.offset < b {
                changes.removeFirst()
                if c.offset < p { continue }
                s += text(p, c.offset)
                s += "<span class=\"rep\" title=\"OCR: \(HTMLReport.escape(c.original, newlines: true)) (\(esc(c.reason)), confidence \(f2(c.confidence)))\">\(HTMLReport.escape(c.replacement, newlines: true))</span>"
                p = c.offset + c.length
            }
            return s + text(p, b)
        }
        while pos < to {
            while hi < hits.count && hits[hi].offset < pos { hi += 1 }
            guard hi < hits.count, hits[hi].offset < to else { out += plain(pos, to); break }
            let e = hits[hi]
            out += plain(pos, e.offset)
            let cls = (e.pole == .K ? "k" : "t") + (e.modifier == .none || e.modifier == .topic ? "" : " flip")
            let tip = "\(e.pattern) · rows \(e.dimensions.map(\.key).joined(separator: ",")) · \(e.entryPole.rawValue)\(e.modifier == .none ? "" : " \(e.modifier.name) → \(e.pole.rawValue)") · weight \(f2(e.weight))"
            out += "<mark class=\"\(cls)\" title=\"\(esc(tip))\">" + plain(e.offset, min(to, e.offset + e.length)) + "</mark>"
            pos = min(to, e.offset + e.length)
            hi += 1
        }
        return out
    }
}
