/// The inline SVG charts of the HTML report: bars, label strips, the logit histogram and the
/// trend chart. Each returns one `<svg>` element with `<title>` tooltips holding the exact
/// figures; sizes are in CSS pixels. Nothing is loaded from outside the page.
enum SVGChart {
    static let kColor = "#c0392b", tColor = "#1f6fb2", bColor = "#7d3c98", nColor = "#a0a0a0"
    /// Colours of the labels in `Label.allCases` order (K, T, B, N).
    static let labelColors = [kColor, tColor, bColor, nColor]
    /// CSS classes that fill a shape with a label's colour (see `HTMLReportAssets.css`).
    static let labelClasses = ["k", "t", "b", "n"]

    static func f1(_ d: Double) -> String { FixedPoint.string(d, decimals: 1) }
    static func f2(_ d: Double) -> String { FixedPoint.string(d, decimals: 2) }
    /// A coordinate with at most one decimal ("12", "12.5").
    static func px(_ d: Double) -> String {
        guard d.isFinite else { return "0" }
        let tenths = Int((d * 10).rounded())
        let whole = String(abs(tenths) / 10), frac = abs(tenths) % 10
        return (tenths < 0 ? "-" : "") + (frac == 0 ? whole : whole + "." + String(frac))
    }

    /// A diverging bar: K to the left of the centre, T to the right, both scaled by `scale`.
    /// With `tooltip` the figures show on hover (left out where the numbers stand beside it).
    static func diverging(k: Double, t: Double, scale: Double, width: Int, height: Int = 16, tooltip: Bool = true) -> String {
        let half = Double(width) / 2
        let s = max(scale, 1e-9)
        let kw = min(half, k / s * half), tw = min(half, t / s * half)
        return "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\">" + (tooltip ? "<title>K \(f1(k)) · T \(f1(t))</title>" : "")
            + (kw > 0 ? "<rect class=\"k\" x=\"\(px(half - kw))\" y=\"2\" width=\"\(px(kw))\" height=\"\(height - 4)\"/>" : "")
            + (tw > 0 ? "<rect class=\"t\" x=\"\(px(half))\" y=\"2\" width=\"\(px(tw))\" height=\"\(height - 4)\"/>" : "")
            + "<path class=\"axis\" d=\"M\(px(half)) 0V\(height)\"/></svg>"
    }

    /// The balance of K and T weight in one bar of fixed width: the red part is K's share of
    /// K + T, the blue part T's; grey when there is no evidence.
    static func balance(k: Double, t: Double, width: Int = 90, height: Int = 12) -> String {
        let sum = k + t
        guard sum > 0 else {
            return "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\"><title>no evidence</title><rect class=\"z\" width=\"\(width)\" height=\"\(height)\"/></svg>"
        }
        let kw = Double(width) * k / sum
        return "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\"><title>K \(f1(k)) · T \(f1(t))</title>"
            + "<rect class=\"k\" width=\"\(px(kw))\" height=\"\(height)\"/><rect class=\"t\" x=\"\(px(kw))\" width=\"\(px(Double(width) - kw))\" height=\"\(height)\"/>"
            + "<path class=\"mid\" d=\"M\(width / 2) 0V\(height)\"/></svg>"
    }

    /// The six rows of one table as small paired columns: T upward in blue, K downward in red,
    /// scaled by the table's own largest row.
    static func rowsProfile(_ t: ScoreTable, width: Int = 78, height: Int = 22) -> String {
        let rows = Dimension.rows
        let peak = max(1e-9, rows.map { max(t.k[$0.rawValue], t.t[$0.rawValue]) }.max() ?? 0)
        let mid = Double(height) / 2, step = Double(width) / Double(rows.count)
        var tip = "rows 1–6:"
        var s = ""
        for (i, r) in rows.enumerated() {
            let kv = t.k[r.rawValue], tv = t.t[r.rawValue]
            tip += " \(r.rawValue + 1) K \(f1(kv)) T \(f1(tv));"
            let x = Double(i) * step + 1, w = step - 3
            let th = tv / peak * (mid - 1), kh = kv / peak * (mid - 1)
            if tv > 0 { s += "<rect class=\"t\" x=\"\(px(x))\" y=\"\(px(mid - th))\" width=\"\(px(w))\" height=\"\(px(th))\"/>" }
            if kv > 0 { s += "<rect class=\"k\" x=\"\(px(x))\" y=\"\(px(mid))\" width=\"\(px(w))\" height=\"\(px(kh))\"/>" }
        }
        tip.removeLast()
        return "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\"><title>\(tip)</title>"
            + "<path class=\"base\" d=\"M0 \(px(mid))H\(width)\"/>" + s + "</svg>"
    }

    /// Counts per label (K, T, B, N) as one stacked bar.
    static func labelStrip(_ counts: [Int], width: Int = 60, height: Int = 12, noun: String = "passages") -> String {
        let total = counts.reduce(0, +)
        let tip = "\(noun): " + zip(Label.allCases, counts).map { "\($0.rawValue) \($1)" }.joined(separator: ", ")
        var s = "<svg class=\"chart\" width=\"\(width)\" height=\"\(height)\"><title>\(tip)</title>"
        guard total > 0 else { return s + "<rect class=\"z\" width=\"\(width)\" height=\"\(height)\"/></svg>" }
        var x = 0.0
        for (i, c) in counts.enumerated() where c > 0 {
            let w = Double(width) * Double(c) / Double(total)
            s += "<rect class=\"\(labelClasses[i])\" x=\"\(px(x))\" width=\"\(px(w))\" height=\"\(height)\"/>"
            x += w
        }
        return s + "</svg>"
    }

    /// The histogram of the documents' logit: one column per bin, red left of 0, blue right.
    static func histogram(_ h: ReportHistogram, width: Int = 540, height: Int = 220) -> String {
        let left = 30.0, bottom = 34.0, top = 14.0
        let plotW = Double(width) - left - 6, plotH = Double(height) - bottom - top
        let n = h.bins.count
        let bw = plotW / Double(n)
        let peak = Double(h.maxCount)
        var s = "<svg class=\"chart histogram\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"histogram of the documents' logit\">"
        // y axis: 0 and the peak
        s += "<line x1=\"\(px(left))\" x2=\"\(px(left + plotW))\" y1=\"\(px(top + plotH))\" y2=\"\(px(top + plotH))\" stroke=\"#888\"/>"
        s += "<text x=\"\(px(left - 4))\" y=\"\(px(top + plotH))\" font-size=\"10\" text-anchor=\"end\">0</text>"
        s += "<text x=\"\(px(left - 4))\" y=\"\(px(top + 8))\" font-size=\"10\" text-anchor=\"end\">\(h.maxCount)</text>"
        for (i, b) in h.bins.enumerated() {
            let x = left + Double(i) * bw
            let hgt = Double(b.count) / peak * plotH
            let lower = b.lower.map { f1($0) } ?? "−∞", upper = b.upper.map { f1($0) } ?? "∞"
            let colour = (b.upper ?? 1) <= 0 ? kColor : tColor
            s += "<rect class=\"bin\" data-count=\"\(b.count)\" x=\"\(px(x + 1))\" y=\"\(px(top + plotH - hgt))\" width=\"\(px(bw - 2))\" height=\"\(px(hgt))\" fill=\"\(colour)\"><title>logit \(lower) to \(upper): \(b.count) documents</title></rect>"
            if b.count > 0 { s += "<text x=\"\(px(x + bw / 2))\" y=\"\(px(top + plotH - hgt - 3))\" font-size=\"10\" text-anchor=\"middle\">\(b.count)</text>" }
        }
        // x labels at the edges −3, −2, …, 3
        for (j, e) in ReportHistogram.edges.enumerated() where e == e.rounded() {
            let x = left + Double(j + 1) * bw
            s += "<line x1=\"\(px(x))\" x2=\"\(px(x))\" y1=\"\(px(top + plotH))\" y2=\"\(px(top + plotH + 4))\" stroke=\"#888\"/>"
            s += "<text x=\"\(px(x))\" y=\"\(px(top + plotH + 15))\" font-size=\"10\" text-anchor=\"middle\">\(e == 0 ? "0" : (e > 0 ? "+" : "−") + String(Int(abs(e))))</text>"
        }
        s += "<text x=\"\(px(left))\" y=\"\(height - 4)\" font-size=\"10\" fill=\"\(kColor)\">◀ more K</text>"
        s += "<text x=\"\(px(left + plotW))\" y=\"\(height - 4)\" font-size=\"10\" text-anchor=\"end\" fill=\"\(tColor)\">more T ▶</text>"
        s += "<text x=\"\(px(left + plotW / 2))\" y=\"\(height - 4)\" font-size=\"10\" text-anchor=\"middle\">logit</text>"
        return s + "</svg>"
    }

    /// The principles (T side) of one table as horizontal bars.
    static func principles(_ t: ScoreTable, width: Int = 420) -> String {
        let maxV = max(1, Dimension.principles.map { t.t[$0.rawValue] }.max() ?? 1)
        let rowH = 20
        let barMax = Double(width - 180)
        var svg = "<svg class=\"chart principles\" width=\"\(width)\" height=\"\(rowH * 7 + 4)\"><title>principles</title>"
        for (i, p) in Dimension.principles.enumerated() {
            let v = t.t[p.rawValue]
            let w = v / maxV * barMax
            let y = i * rowH + 2
            svg += "<text x=\"0\" y=\"\(y + 14)\" font-size=\"12\">\(HTMLReport.esc(p.key))</text><rect class=\"t\" x=\"130\" y=\"\(y + 3)\" width=\"\(px(w))\" height=\"13\"/><text x=\"\(px(136 + w))\" y=\"\(y + 14)\" font-size=\"11\">\(f1(v))</text>"
        }
        return svg + "</svg>"
    }

    /// One point of a trend: an x value (a year) and the y values of the series.
    struct Point { var x: Double; var label: String; var values: [Double]; var note: String }

    /// A line chart over years: one line per series (`colors`, `names`), with dots and tooltips.
    static func trend(_ points: [Point], names: [String], colors: [String], yLabel: String, width: Int = 540, height: Int = 230) -> String {
        let left = 44.0, right = 12.0, top = 16.0, bottom = 40.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let xs = points.map(\.x)
        let x0 = xs.min() ?? 0, x1 = max(xs.max() ?? 1, x0 + 1)
        let all = points.flatMap(\.values)
        let yMax = niceCeiling(max(all.max() ?? 1, 1e-9))
        func X(_ x: Double) -> Double { points.count == 1 ? left + plotW / 2 : left + (x - x0) / (x1 - x0) * plotW }
        func Y(_ y: Double) -> Double { top + plotH - y / yMax * plotH }
        var s = "<svg class=\"chart trend\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"\(HTMLReport.esc(yLabel)) by year\">"
        for q in 0...4 {
            let v = yMax * Double(q) / 4
            s += "<line x1=\"\(px(left))\" x2=\"\(px(left + plotW))\" y1=\"\(px(Y(v)))\" y2=\"\(px(Y(v)))\" stroke=\"\(q == 0 ? "#888" : "#e3e3e3")\"/>"
            s += "<text x=\"\(px(left - 5))\" y=\"\(px(Y(v) + 3))\" font-size=\"10\" text-anchor=\"end\">\(yMax < 10 ? f1(v) : String(Int(v.rounded())))</text>"
        }
        let every = max(1, Int((Double(points.count) / 12).rounded(.up)))
        for (i, p) in points.enumerated() where i % every == 0 || i == points.count - 1 {
            s += "<text x=\"\(px(X(p.x)))\" y=\"\(px(top + plotH + 15))\" font-size=\"10\" text-anchor=\"middle\">\(HTMLReport.esc(p.label))</text>"
        }
        for (j, name) in names.enumerated() {
            let path = points.enumerated().map { (i, p) in (i == 0 ? "M" : "L") + "\(px(X(p.x))),\(px(Y(p.values[j])))" }.joined()
            s += "<path d=\"\(path)\" fill=\"none\" stroke=\"\(colors[j])\" stroke-width=\"2\"/>"
            for p in points {
                s += "<circle class=\"pt\" cx=\"\(px(X(p.x)))\" cy=\"\(px(Y(p.values[j])))\" r=\"3.5\" fill=\"\(colors[j])\"><title>\(HTMLReport.esc(p.label)): \(HTMLReport.esc(name)) \(f2(p.values[j])) (\(HTMLReport.esc(p.note)))</title></circle>"
            }
            s += "<rect x=\"\(px(left + Double(j) * 150))\" y=\"\(height - 12)\" width=\"10\" height=\"10\" fill=\"\(colors[j])\"/><text x=\"\(px(left + Double(j) * 150 + 14))\" y=\"\(height - 3)\" font-size=\"11\">\(HTMLReport.esc(name))</text>"
        }
        s += "<text x=\"10\" y=\"\(px(top + plotH / 2))\" font-size=\"10\" transform=\"rotate(-90 10 \(px(top + plotH / 2)))\" text-anchor=\"middle\">\(HTMLReport.esc(yLabel))</text>"
        return s + "</svg>"
    }

    /// Stacked columns of label shares, one column per point (year).
    static func shares(_ points: [(label: String, counts: [Int])], width: Int = 540, height: Int = 230) -> String {
        let left = 44.0, right = 12.0, top = 16.0, bottom = 40.0
        let plotW = Double(width) - left - right, plotH = Double(height) - top - bottom
        let n = max(1, points.count)
        let step = plotW / Double(n), bw = max(2, min(40, step * 0.75))
        var s = "<svg class=\"chart shares\" width=\"\(width)\" height=\"\(height)\" role=\"img\" aria-label=\"share of documents by label, by year\">"
        for q in [0, 50, 100] {
            let y = top + plotH - Double(q) / 100 * plotH
            s += "<line x1=\"\(px(left))\" x2=\"\(px(left + plotW))\" y1=\"\(px(y))\" y2=\"\(px(y))\" stroke=\"\(q == 0 ? "#888" : "#e3e3e3")\"/><text x=\"\(px(left - 5))\" y=\"\(px(y + 3))\" font-size=\"10\" text-anchor=\"end\">\(q)%</text>"
        }
        let every = max(1, Int((Double(points.count) / 12).rounded(.up)))
        for (i, p) in points.enumerated() {
            let total = max(1, p.counts.reduce(0, +))
            let x = left + (Double(i) + 0.5) * step
            var y = top + plotH
            let tip = "\(HTMLReport.esc(p.label)): " + zip(Label.allCases, p.counts).map { "\($0.rawValue) \($1)" }.joined(separator: ", ")
            s += "<g><title>\(tip)</title>"
            for (c, count) in p.counts.enumerated() where count > 0 {
                let h = Double(count) / Double(total) * plotH
                y -= h
                s += "<rect x=\"\(px(x - bw / 2))\" y=\"\(px(y))\" width=\"\(px(bw))\" height=\"\(px(h))\" fill=\"\(labelColors[c])\"/>"
            }
            s += "</g>"
            if i % every == 0 || i == points.count - 1 {
                s += "<text x=\"\(px(x))\" y=\"\(px(top + plotH + 15))\" font-size=\"10\" text-anchor=\"middle\">\(HTMLReport.esc(p.label))</text>"
            }
        }
        for (c, l) in Label.allCases.enumerated() {
            s += "<rect x=\"\(px(left + Double(c) * 60))\" y=\"\(height - 12)\" width=\"10\" height=\"10\" fill=\"\(labelColors[c])\"/><text x=\"\(px(left + Double(c) * 60 + 14))\" y=\"\(height - 3)\" font-size=\"11\">\(l.rawValue)</text>"
        }
        return s + "</svg>"
    }

    /// The smallest of 1, 2, 2.5, 5 × 10ⁿ at or above `v`.
    static func niceCeiling(_ v: Double) -> Double {
        var m = 1e-6
        while m * 10 <= v { m *= 10 }
        for f in [1.0, 2, 2.5, 5, 10] where f * m >= v { return f * m }
        return 10 * m
    }
}
