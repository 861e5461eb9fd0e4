/// Formats `DocumentScore`s as table, JSONL, CSV or TSV. Field names are stable; see README
/// "Output fields".
public final class ScoreWriter {
    let out: ByteWriter
    let format: OutputFormat
    let unit: ScoringUnit
    let evidence: Bool
    var wroteHeader = false
    var lastID: String? = nil

    public init(out: ByteWriter, format: OutputFormat, unit: ScoringUnit, evidence: Bool) {
        self.out = out
        self.format = format
        self.unit = unit
        self.evidence = evidence
    }

    /// Columns of CSV/TSV unit rows.
    public static let unitColumns: [String] = ["id", "unit", "index", "kind", "offset", "length", "tokens", "label", "net", "logit", "k", "t", "k_hits", "t_hits"]
        + Dimension.rows.flatMap { ["r\($0.rawValue + 1)_k", "r\($0.rawValue + 1)_t"] }
        + Dimension.principles.map { "p_" + $0.key }
    /// Columns of CSV/TSV evidence rows (`--evidence`).
    public static let evidenceColumns = ["id", "unit_index", "offset", "length", "surface", "repaired", "pattern", "lexicon_line", "dims", "entry_pole", "pole", "modifier", "weight"]

    /// Writes one scored part (see `BatchRunner.run`).
    public func write(_ doc: DocumentScore, final: Bool) {
        switch format {
        case .jsonl: for u in doc.units { out.write(jsonLine(doc, u)); out.write("\n") }
        case .csv, .tsv: writeDelimited(doc)
        case .table: writeTable(doc, final: final)
        }
    }

    func jsonLine(_ d: DocumentScore, _ u: UnitScore) -> String {
        var s = "{\"id\":\(JSON.string(d.id)),\"unit\":\"\(unit.rawValue)\",\"index\":\(u.index),\"kind\":\"\(u.kind)\",\"offset\":\(u.offset),\"length\":\(u.length),\"tokens\":\(u.tokens)"
        s += ",\"label\":\"\(u.label.rawValue)\",\"net\":\(JSON.number(u.table.net)),\"logit\":\(JSON.number(u.table.logit)),\"k\":\(JSON.number(u.table.kTotal)),\"t\":\(JSON.number(u.table.tTotal)),\"k_hits\":\(u.table.kHits),\"t_hits\":\(u.table.tHits)"
        s += ",\"rows\":{" + Dimension.rows.map { "\"\($0.rawValue + 1)\":{\"k\":\(JSON.number(u.table.k[$0.rawValue])),\"t\":\(JSON.number(u.table.t[$0.rawValue]))}" }.joined(separator: ",") + "}"
        s += ",\"principles\":{" + Dimension.principles.map { "\(JSON.string($0.key)):\(JSON.number(u.table.t[$0.rawValue]))" }.joined(separator: ",") + "}"
        if unit == .document {
            s += ",\"encoding\":\"\(d.encoding.rawValue)\",\"repairs\":\(d.repairCount),\"damaged\":\(d.looksDamaged)"
        }
        if evidence {
            s += ",\"evidence\":[" + u.hits.map(evidenceJSON).joined(separator: ",") + "]"
        }
        return s + "}"
    }

    func evidenceJSON(_ e: Evidence) -> String {
        "{\"offset\":\(e.offset),\"length\":\(e.length),\"surface\":\(JSON.string(e.surface)),\"repaired\":\(e.repaired.map(JSON.string) ?? "null"),\"pattern\":\(JSON.string(e.pattern)),\"lexicon_line\":\(e.lexiconLine),\"dims\":[\(e.dimensions.map { JSON.string($0.key) }.joined(separator: ","))],\"entry_pole\":\"\(e.entryPole.rawValue)\",\"pole\":\"\(e.pole.rawValue)\",\"modifier\":\"\(e.modifier.name)\",\"weight\":\(JSON.number(e.weight))}"
    }

    func field(_ s: String) -> String { CSV.field(s, tsv: format == .tsv) }

    func writeDelimited(_ d: DocumentScore) {
        let sep = format == .tsv ? "\t" : ","
        if !wroteHeader {
            out.write((evidence ? ScoreWriter.evidenceColumns : ScoreWriter.unitColumns).joined(separator: sep) + "\n")
            wroteHeader = true
        }
        for u in d.units {
            if evidence {
                for e in u.hits {
                    let cells = [d.id, String(u.index), String(e.offset), String(e.length), e.surface, e.repaired ?? "", e.pattern, String(e.lexiconLine),
                                 e.dimensions.map(\.key).joined(separator: ";"), e.entryPole.rawValue, e.pole.rawValue, e.modifier.name, JSON.number(e.weight)]
                    out.write(cells.map(field).joined(separator: sep) + "\n")
                }
                continue
            }
            var cells = [d.id, unit.rawValue, String(u.index), u.kind, String(u.offset), String(u.length), String(u.tokens), u.label.rawValue,
                         JSON.number(u.table.net), JSON.number(u.table.logit), JSON.number(u.table.kTotal), JSON.number(u.table.tTotal),
                         String(u.table.kHits), String(u.table.tHits)]
            for r in Dimension.rows { cells.append(JSON.number(u.table.k[r.rawValue])); cells.append(JSON.number(u.table.t[r.rawValue])) }
            for p in Dimension.principles { cells.append(JSON.number(u.table.t[p.rawValue])) }
            out.write(cells.map(field).joined(separator: sep) + "\n")
        }
    }

    func pad(_ s: String, _ n: Int) -> String { s.count >= n ? s : s + String(repeating: " ", count: n - s.count) }
    func lpad(_ s: String, _ n: Int) -> String { s.count >= n ? s : String(repeating: " ", count: n - s.count) + s }
    func fmt(_ d: Double) -> String { String(format: "%.1f", d) }

    func writeTable(_ d: DocumentScore, final: Bool) {
        if d.id != lastID { out.write("== \(d.id)\n"); lastID = d.id }
        if unit != .document {
            for u in d.units {
                var line = "  " + lpad(String(u.index), 3) + "  " + pad(u.kind, 9) + " " + u.label.rawValue + "  K " + lpad(fmt(u.table.kTotal), 5) + "  T " + lpad(fmt(u.table.tTotal), 5)
                if let p = u.preview { line += "  " + p }
                out.write(line + "\n")
                if evidence { for e in u.hits { out.write(evidenceLine(e)) } }
            }
        }
        guard final else { return }
        let t = d.table
        out.write("  label \(d.label.rawValue)   net \(String(format: "%.2f", t.net))   logit \(String(format: "%.2f", t.logit))   K \(fmt(t.kTotal)) (\(t.kHits) hits)   T \(fmt(t.tTotal)) (\(t.tHits) hits)   \(d.tokens) tokens, \(d.repairCount) repairs\(d.encoding == .windows1252 ? ", read as Windows-1252" : "")\n")
        out.write("  " + pad("row", 16) + lpad("K", 6) + lpad("T", 6) + "   K ◀──┼──▶ T\n")
        for r in Dimension.rows {
            let k = t.k[r.rawValue], tv = t.t[r.rawValue]
            let kb = String(repeating: "█", count: min(10, Int(k.rounded(.up))))
            let tb = String(repeating: "█", count: min(10, Int(tv.rounded(.up))))
            out.write("  " + pad(r.title, 16) + lpad(fmt(k), 6) + lpad(fmt(tv), 6) + "   " + lpad(kb, 10) + "│" + tb + "\n")
        }
        let principles = Dimension.principles.map { "\($0.key) \(fmt(t.t[$0.rawValue]))" }.joined(separator: ", ")
        out.write("  principles: \(principles)\n")
        if unit == .document && evidence { for e in d.units.flatMap(\.hits) { out.write(evidenceLine(e)) } }
        out.write("\n")
    }

    func evidenceLine(_ e: Evidence) -> String {
        let rep = e.repaired.map { " (repaired: \($0))" } ?? ""
        let mod = e.modifier == .none ? "" : " [\(e.modifier.name): \(e.entryPole.rawValue)→\(e.pole.rawValue)]"
        return "        @\(e.offset) \(e.surface)\(rep) ~ \(e.pattern) → \(e.pole.rawValue) rows \(e.dimensions.map(\.key).joined(separator: ","))\(mod)\n"
    }
}

import Foundation
