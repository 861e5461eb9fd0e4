/// Formats `DocumentScore`s as table, JSONL, CSV or TSV. Field names are stable; see README
/// "Output fields".
public final class ScoreWriter {
    let out: ByteWriter
    let format: OutputFormat
    let unit: ScoringUnit
    let evidence: Bool
    var wroteHeader = false
    var lastID: String? = nil
    /// Add the unit's text (`text`; needs `ScoreOptions.texts`). Off by default, like the
    /// other extra fields, which JSONL rows and CSV/TSV columns carry after the score fields.
    public var text = false
    /// Add `char_offset` and `char_length`, in Unicode scalars (needs `ScoreOptions.charOffsets`).
    public var chars = false
    /// Add `words` and `hits_per_1000_words` (K and T hits per 1,000 word tokens).
    public var rates = false
    /// Add `tillit_version` and `lexicon_hash` (see `LexiconFingerprint`) to every row.
    public var provenance: (version: String, lexiconHash: String)? = nil
    /// Spell CSV/TSV column names in ASCII (`p_stod`, `p_oppenhet`).
    public var asciiHeader = false
    /// Names of the records' pass-through fields (`DocumentStream.columnNames`), whose values
    /// (`DocumentScore.columns`) every row carries: in JSONL as a `columns` object, in CSV/TSV
    /// as columns after the extra ones (a name that is also a tillit column gets `input_`
    /// in front). Set before the first row; the CSV/TSV header fixes them.
    public var columnNames: [String] = []
    /// The pass-through names in the CSV/TSV header, fixed when it was written.
    var headerColumns: [String]? = nil

    public init(out: ByteWriter, format: OutputFormat, unit: ScoringUnit, evidence: Bool) {
        self.out = out
        self.format = format
        self.unit = unit
        self.evidence = evidence
    }

    /// Columns of CSV/TSV unit rows.
    public static let unitColumns: [String] = ["id", "unit", "index", "kind", "offset", "length", "tokens", "label",
                                               "probability", "prob_K", "prob_T", "prob_B", "prob_N", "reasons", "frame_words", "net", "logit", "k", "t", "k_hits", "t_hits"]
        + Dimension.rows.flatMap { ["r\($0.rawValue + 1)_k", "r\($0.rawValue + 1)_t"] }
        + Dimension.principles.map { "p_" + $0.key }
    /// Last columns of CSV/TSV unit rows: `status` is `ok`, or `skipped` for an input that
    /// could not be scored (see `writeSkipped`), with the `reason`.
    public static let statusColumns = ["status", "reason"]
    /// Columns of CSV/TSV document rows (`--unit document`), after the unit columns: the
    /// fields JSONL gives a document row (`passages`, `encoding`, `repairs`, `damaged`).
    public static let documentColumns = ["passages_K", "passages_T", "passages_B", "passages_N", "encoding", "repairs", "damaged"]

    /// The extra columns switched on, in row order.
    public var extraColumns: [String] {
        (unit == .document ? ScoreWriter.documentColumns : [])
            + (chars ? ["char_offset", "char_length"] : []) + (rates ? ["words", "hits_per_1000_words"] : [])
            + (provenance != nil ? ["tillit_version", "lexicon_hash"] : []) + (text ? ["text"] : [])
    }

    /// The CSV/TSV header's names.
    func header() -> [String] {
        headerColumns = columnNames
        let ours = Set(ScoreWriter.unitColumns + extraColumns + ScoreWriter.statusColumns)
        let passed = columnNames.map { ours.contains($0) ? "input_" + $0 : $0 }
        let names = evidence ? ScoreWriter.evidenceColumns : ScoreWriter.unitColumns + extraColumns + passed + ScoreWriter.statusColumns
        return asciiHeader ? names.map(ScoreWriter.ascii) : names
    }

    /// `name` with å, ä, ö, é (and capitals) spelled a, a, o, e.
    static func ascii(_ name: String) -> String {
        String(name.map { c -> Character in
            switch c {
            case "å", "ä": return "a"
            case "Å", "Ä": return "A"
            case "ö": return "o"
            case "Ö": return "O"
            case "é": return "e"
            case "É": return "E"
            default: return c
            }
        })
    }

    /// Hits per 1,000 word tokens.
    static func rate(_ u: UnitScore) -> Double { u.words > 0 ? Double(u.table.kHits + u.table.tHits) * 1000 / Double(u.words) : 0 }

    /// The extra fields of a JSONL row, `,"name":value` each.
    func appendExtraJSON(_ u: UnitScore, to o: inout ByteRow) {
        if chars {
            o.append(literal: ",\"char_offset\":"); o.append(decimal: u.charOffset)
            o.append(literal: ",\"char_length\":"); o.append(decimal: u.charLength)
        }
        if rates {
            o.append(literal: ",\"words\":"); o.append(decimal: u.words)
            o.append(literal: ",\"hits_per_1000_words\":"); o.append(jsonNumber: ScoreWriter.rate(u))
        }
        if let p = provenance {
            o.append(literal: ",\"tillit_version\":"); o.append(jsonString: p.version)
            o.append(literal: ",\"lexicon_hash\":"); o.append(jsonString: p.lexiconHash)
        }
        if text { o.append(literal: ",\"text\":"); o.append(jsonString: u.text ?? "") }
    }

    /// `,"columns":{…}` of a JSONL row of a record with pass-through fields.
    func appendColumnsJSON(_ values: [String], to o: inout ByteRow) {
        guard !columnNames.isEmpty else { return }
        o.append(literal: ",\"columns\":{")
        for (i, k) in columnNames.enumerated() {
            if i > 0 { o.append(0x2C) }
            o.append(jsonString: k); o.append(0x3A); o.append(jsonString: i < values.count ? values[i] : "")
        }
        o.append(0x7D)
    }

    /// The pass-through cells of a CSV/TSV row, as many as the header has.
    func appendColumnCells(_ values: [String], sep: UInt8, to o: inout ByteRow) {
        for i in 0..<(headerColumns ?? []).count { o.append(sep); o.append(utf8: field(i < values.count ? values[i] : "")) }
    }

    /// The extra cells of a CSV/TSV row, each after a separator.
    func appendExtraCells(_ u: UnitScore, _ d: DocumentScore, sep: UInt8, to o: inout ByteRow) {
        if unit == .document {
            for l in Label.allCases { o.append(sep); o.append(decimal: u.passages[l]) }
            o.append(sep); o.append(utf8: d.encoding.rawValue)
            o.append(sep); o.append(decimal: d.repairCount)
            o.append(sep); o.append(literal: d.looksDamaged ? "true" : "false")
        }
        if chars { o.append(sep); o.append(decimal: u.charOffset); o.append(sep); o.append(decimal: u.charLength) }
        if rates { o.append(sep); o.append(decimal: u.words); o.append(sep); o.append(jsonNumber: ScoreWriter.rate(u)) }
        if let p = provenance { o.append(sep); o.append(utf8: field(p.version)); o.append(sep); o.append(utf8: field(p.lexiconHash)) }
        if text { o.append(sep); o.append(utf8: field(u.text ?? "")) }
    }

    /// Columns of CSV/TSV evidence rows (`--evidence`).
    public static let evidenceColumns = ["id", "unit_index", "offset", "length", "surface", "repaired", "pattern", "lexicon_line", "dims", "entry_pole", "pole", "modifier", "weight"]

    /// Writes one scored part (see `BatchRunner.run`).
    public func write(_ doc: DocumentScore, final: Bool) {
        switch format {
        case .jsonl: for u in doc.units { writeJSONLine(doc, u) }
        case .csv, .tsv: writeDelimited(doc)
        case .table: writeTable(doc, final: final)
        }
    }

    /// Reused row storage (taken into a local while a row is built, so no exclusivity check per byte).
    var row = ByteRow()

    deinit { row.deallocate() }
    /// The last document id as an escaped JSON string (ids repeat for every unit of a document).
    var escapedID: (id: String, bytes: [UInt8]) = ("", Array("\"\"".utf8))
    /// `"tillit":` … `"öppenhet":`, escaped once.
    static let principleKeys: [[UInt8]] = Dimension.principles.map { Array((JSON.string($0.key) + ":").utf8) }

    /// One JSONL row and its newline, built as bytes in a local array, then appended at once.
    func writeJSONLine(_ d: DocumentScore, _ u: UnitScore) {
        var o = row
        o.removeAll()
        if escapedID.id != d.id { escapedID = (d.id, Array(JSON.string(d.id).utf8)) }
        o.append(literal: "{\"id\":"); o.append(escapedID.bytes)
        o.append(literal: ",\"unit\":\""); o.append(utf8: unit.rawValue)
        o.append(literal: "\",\"index\":"); o.append(decimal: u.index)
        o.append(literal: ",\"kind\":\""); o.append(utf8: u.kind)
        o.append(literal: "\",\"offset\":"); o.append(decimal: u.offset)
        o.append(literal: ",\"length\":"); o.append(decimal: u.length)
        o.append(literal: ",\"tokens\":"); o.append(decimal: u.tokens)
        o.append(literal: ",\"label\":\""); o.append(utf8: u.label.rawValue)
        o.append(literal: "\"")
        ScoreWriter.appendDecision(u.decision, to: &o)
        if unit == .document {
            o.append(literal: ",\"passages\":{")
            for (i, l) in Label.allCases.enumerated() {
                if i > 0 { o.append(0x2C) }
                o.append(0x22); o.append(utf8: l.rawValue); o.append(literal: "\":"); o.append(decimal: u.passages[l])
            }
            o.append(0x7D)
        }
        o.append(literal: ",\"frame_words\":"); o.append(decimal: u.table.frames)
        // most paragraphs carry no evidence: their table fields are one constant run of bytes
        if u.table.kHits == 0 && u.table.tHits == 0 && u.table.kTotal == 0 && u.table.tTotal == 0 { o.append(ScoreWriter.emptyTableFields) } else { ScoreWriter.appendTableFields(u.table, to: &o) }
        if unit == .document {
            o.append(literal: ",\"encoding\":\""); o.append(utf8: d.encoding.rawValue)
            o.append(literal: "\",\"repairs\":"); o.append(decimal: d.repairCount)
            if d.looksDamaged { o.append(literal: ",\"damaged\":true") } else { o.append(literal: ",\"damaged\":false") }
        }
        appendExtraJSON(u, to: &o)
        appendColumnsJSON(d.columns, to: &o)
        if evidence {
            o.append(utf8: ",\"evidence\":[" + u.hits.map(evidenceJSON).joined(separator: ",") + "]")
        }
        o.append(literal: "}\n")
        out.write(bytes: o.bytes)
        row = o
    }

    /// `,"net":…,"principles":{…}` of a JSONL row.
    static func appendTableFields(_ t: ScoreTable, to o: inout ByteRow) {
        o.append(literal: ",\"net\":"); o.append(jsonNumber: t.net)
        o.append(literal: ",\"logit\":"); o.append(jsonNumber: t.logit)
        o.append(literal: ",\"k\":"); o.append(jsonNumber: t.kTotal)
        o.append(literal: ",\"t\":"); o.append(jsonNumber: t.tTotal)
        o.append(literal: ",\"k_hits\":"); o.append(decimal: t.kHits)
        o.append(literal: ",\"t_hits\":"); o.append(decimal: t.tHits)
        o.append(literal: ",\"rows\":{")
        for r in Dimension.rows {
            if r.rawValue > 0 { o.append(0x2C) }
            o.append(0x22); o.append(decimal: r.rawValue + 1)
            o.append(literal: "\":{\"k\":"); o.append(jsonNumber: t.k[r.rawValue])
            o.append(literal: ",\"t\":"); o.append(jsonNumber: t.t[r.rawValue]); o.append(0x7D)
        }
        o.append(literal: "},\"principles\":{")
        for (i, p) in Dimension.principles.enumerated() {
            if i > 0 { o.append(0x2C) }
            o.append(ScoreWriter.principleKeys[i]); o.append(jsonNumber: t.t[p.rawValue])
        }
        o.append(0x7D)
    }

    /// `,"probability":…,"p":{"K":…},"reasons":[…]` of a JSONL row.
    static func appendDecision(_ d: LabelDecision, to o: inout ByteRow) {
        if d.reasons.isEmpty && d.label == .N && d.probabilities[3] == 1 { o.append(noEvidenceFields); return }
        o.append(literal: ",\"probability\":"); o.append(jsonNumber: d.probability)
        o.append(literal: ",\"p\":{")
        for (i, l) in Label.allCases.enumerated() {
            if i > 0 { o.append(0x2C) }
            o.append(0x22); o.append(utf8: l.rawValue); o.append(literal: "\":"); o.append(jsonNumber: d.probabilities[i])
        }
        o.append(literal: "},\"reasons\":[")
        for (i, r) in d.reasons.enumerated() {
            if i > 0 { o.append(0x2C) }
            o.append(literal: "{\"feature\":"); o.append(jsonString: r.feature)
            o.append(literal: ",\"value\":"); o.append(jsonNumber: r.value)
            o.append(literal: ",\"effect\":"); o.append(jsonNumber: r.effect); o.append(0x7D)
        }
        o.append(0x5D)
    }

    /// The decision fields of a unit without evidence, written once.
    static let noEvidenceFields: [UInt8] = Array(",\"probability\":1,\"p\":{\"K\":0,\"T\":0,\"B\":0,\"N\":1},\"reasons\":[]".utf8)

    /// The reasons of a decision in one cell: `feature=value (+effect); …`.
    static func reasonsCell(_ d: LabelDecision) -> String {
        d.reasons.map { "\($0.feature)=\(JSON.number($0.value)) (+\(JSON.number($0.effect)))" }.joined(separator: "; ")
    }

    /// The table fields of a unit without hits, written once by `appendTableFields`.
    static let emptyTableFields: [UInt8] = {
        var o = ByteRow()
        defer { o.deallocate() }
        appendTableFields(ScoreTable(), to: &o)
        return o.array
    }()

    func evidenceJSON(_ e: Evidence) -> String {
        "{\"offset\":\(e.offset),\"length\":\(e.length),\"surface\":\(JSON.string(e.surface)),\"repaired\":\(e.repaired.map(JSON.string) ?? "null"),\"pattern\":\(JSON.string(e.pattern)),\"lexicon_line\":\(e.lexiconLine),\"dims\":[\(e.dimensions.map { JSON.string($0.key) }.joined(separator: ","))],\"entry_pole\":\"\(e.entryPole.rawValue)\",\"pole\":\"\(e.pole.rawValue)\",\"modifier\":\"\(e.modifier.name)\",\"weight\":\(JSON.number(e.weight))}"
    }

    func field(_ s: String) -> String { CSV.field(s, tsv: format == .tsv) }

    func writeDelimited(_ d: DocumentScore) {
        let sep = format == .tsv ? "\t" : ","
        if !wroteHeader {
            out.write(header().joined(separator: sep) + "\n")
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
            // built as bytes in a local array: only the id and the kind can need quoting
            var o = row
            o.removeAll()
            let sepByte: UInt8 = format == .tsv ? 0x09 : 0x2C
            o.append(utf8: field(d.id)); o.append(sepByte)
            o.append(utf8: unit.rawValue); o.append(sepByte)
            o.append(decimal: u.index); o.append(sepByte)
            o.append(utf8: field(u.kind)); o.append(sepByte)
            o.append(decimal: u.offset); o.append(sepByte)
            o.append(decimal: u.length); o.append(sepByte)
            o.append(decimal: u.tokens); o.append(sepByte)
            o.append(utf8: u.label.rawValue); o.append(sepByte)
            o.append(jsonNumber: u.decision.probability); o.append(sepByte)
            for pr in u.decision.probabilities { o.append(jsonNumber: pr); o.append(sepByte) }
            if !u.decision.reasons.isEmpty { o.append(utf8: field(ScoreWriter.reasonsCell(u.decision))) }
            o.append(sepByte)
            o.append(decimal: u.table.frames); o.append(sepByte)
            o.append(jsonNumber: u.table.net); o.append(sepByte)
            o.append(jsonNumber: u.table.logit); o.append(sepByte)
            o.append(jsonNumber: u.table.kTotal); o.append(sepByte)
            o.append(jsonNumber: u.table.tTotal); o.append(sepByte)
            o.append(decimal: u.table.kHits); o.append(sepByte)
            o.append(decimal: u.table.tHits)
            for r in Dimension.rows { o.append(sepByte); o.append(jsonNumber: u.table.k[r.rawValue]); o.append(sepByte); o.append(jsonNumber: u.table.t[r.rawValue]) }
            for p in Dimension.principles { o.append(sepByte); o.append(jsonNumber: u.table.t[p.rawValue]) }
            appendExtraCells(u, d, sep: sepByte, to: &o)
            appendColumnCells(d.columns, sep: sepByte, to: &o)
            o.append(sepByte); o.append(literal: "ok"); o.append(sepByte)   // status, reason
            o.append(0x0A)
            out.write(bytes: o.bytes)
            row = o
        }
    }

    /// Writes the row of an input that could not be scored (binary, unreadable, missing): in
    /// JSONL `{"id", "unit", "status": "skipped", "reason"}`; in CSV/TSV the id, the unit,
    /// empty score cells, `skipped` and the reason; in the table a `skipped:` line. Nothing
    /// with `--evidence` in CSV/TSV, whose rows are hits.
    public func writeSkipped(id: String, reason: String) {
        switch format {
        case .jsonl:
            out.write("{\"id\":\(JSON.string(id)),\"unit\":\"\(unit.rawValue)\",\"status\":\"skipped\",\"reason\":\(JSON.string(reason))}\n")
        case .csv, .tsv:
            guard !evidence else { return }
            let sep = format == .tsv ? "\t" : ","
            if !wroteHeader {
                out.write(header().joined(separator: sep) + "\n")
                wroteHeader = true
            }
            let blanks = Array(repeating: "", count: ScoreWriter.unitColumns.count - 2 + extraColumns.count + (headerColumns ?? []).count)
            out.write(([field(id), unit.rawValue] + blanks + ["skipped", field(reason)]).joined(separator: sep) + "\n")
        case .table:
            out.write("== \(id)\n  skipped: \(reason)\n\n")
            lastID = nil
        }
    }

    func fmt(_ d: Double) -> String { FixedPoint.string(d, decimals: 1) }

    func writeTable(_ d: DocumentScore, final: Bool) {
        if d.id != lastID { out.write("== \(d.id)\n"); lastID = d.id }
        if unit != .document {
            for u in d.units {
                var line = "  " + String(u.index).leftPad(3) + "  " + u.kind.rightPad(9) + " " + u.label.rawValue + " " + FixedPoint.string(u.decision.probability, decimals: 2) + "  K " + fmt(u.table.kTotal).leftPad(5) + "  T " + fmt(u.table.tTotal).leftPad(5)
                if let p = u.preview { line += "  " + p }
                out.write(line + "\n")
                if evidence { for e in u.hits { out.write(evidenceLine(e)) } }
            }
        }
        guard final else { return }
        let t = d.table
        let dec = d.passages.decision
        let why = dec.reasons.isEmpty ? "" : "; " + dec.reasons.map { "\($0.feature) +\(FixedPoint.string($0.effect, decimals: 2))" }.joined(separator: ", ")
        out.write("  label \(d.label.rawValue) (p \(FixedPoint.string(dec.probability, decimals: 2))\(why); passages K \(d.passages[.K]), T \(d.passages[.T]), B \(d.passages[.B]), N \(d.passages[.N]))\n")
        out.write("  net \(FixedPoint.string(t.net, decimals: 2))   logit \(FixedPoint.string(t.logit, decimals: 2))   K \(fmt(t.kTotal)) (\(t.kHits) hits)   T \(fmt(t.tTotal)) (\(t.tHits) hits)   \(d.tokens) tokens, \(d.repairCount) repairs\(d.encoding == .windows1252 ? ", read as Windows-1252" : d.encoding == .utf8WithWindows1252 ? ", stray bytes read as Windows-1252" : "")\n")
        out.write("  " + "row".rightPad(16) + "K".leftPad(6) + "T".leftPad(6) + "   K ◀──┼──▶ T\n")
        for r in Dimension.rows {
            let k = t.k[r.rawValue], tv = t.t[r.rawValue]
            let kb = String(repeating: "█", count: min(10, Int(k.rounded(.up))))
            let tb = String(repeating: "█", count: min(10, Int(tv.rounded(.up))))
            out.write("  " + r.title.rightPad(16) + fmt(k).leftPad(6) + fmt(tv).leftPad(6) + "   " + kb.leftPad(10) + "│" + tb + "\n")
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

