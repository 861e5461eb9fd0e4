/// Formats category counts per unit (`tillit score --dict FILE`) as table, JSONL, CSV or TSV.
/// Counts are hits per category; `percent` is hits per 100 words, as LIWC reports. CSV/TSV
/// rows carry both: a column per category with its count, then `pct_CATEGORY` with its percent.
public final class CategoryWriter {
    let out: ByteWriter
    let format: OutputFormat
    let unit: ScoringUnit
    let dictionary: CategoryDictionary
    var wroteHeader = false

    public init(out: ByteWriter, format: OutputFormat, unit: ScoringUnit, dictionary: CategoryDictionary) {
        self.out = out
        self.format = format
        self.unit = unit
        self.dictionary = dictionary
    }

    /// Hits per category of one unit.
    public func counts(_ u: UnitScore) -> [Int] {
        var c = [Int](repeating: 0, count: dictionary.categories.count)
        for e in u.entries { for k in dictionary.entryCategories[Int(e)] { c[k] += 1 } }
        return c
    }

    /// Writes the units of one scored part.
    public func write(_ d: DocumentScore) {
        let sep = format == .tsv ? "\t" : ","
        if (format == .csv || format == .tsv) && !wroteHeader {
            out.write((["id", "unit", "index", "kind", "offset", "length", "tokens", "words"] + dictionary.categories + dictionary.categories.map { "pct_" + $0 }).map { CSV.field($0, tsv: format == .tsv) }.joined(separator: sep) + "\n")
            wroteHeader = true
        }
        for u in d.units {
            let c = counts(u)
            switch format {
            case .jsonl:
                let cats = zip(dictionary.categories, c).map { "\(JSON.string($0)):\($1)" }.joined(separator: ",")
                let pct = zip(dictionary.categories, c).map { "\(JSON.string($0)):\(JSON.number(u.words > 0 ? 100 * Double($1) / Double(u.words) : 0))" }.joined(separator: ",")
                out.write("{\"id\":\(JSON.string(d.id)),\"unit\":\"\(unit.rawValue)\",\"index\":\(u.index),\"kind\":\"\(u.kind)\",\"offset\":\(u.offset),\"length\":\(u.length),\"tokens\":\(u.tokens),\"words\":\(u.words),\"categories\":{\(cats)},\"percent\":{\(pct)}}\n")
            case .csv, .tsv:
                let cells = [d.id, unit.rawValue, String(u.index), u.kind, String(u.offset), String(u.length), String(u.tokens), String(u.words)] + c.map(String.init)
                    + c.map { JSON.number(u.words > 0 ? 100 * Double($0) / Double(u.words) : 0) }
                out.write(cells.map { CSV.field($0, tsv: format == .tsv) }.joined(separator: sep) + "\n")
            case .table:
                let nonzero = zip(dictionary.categories, c).filter { $0.1 > 0 }.map { "\($0.0) \($0.1)" }.joined(separator: ", ")
                out.write("\(d.id) #\(u.index) \(u.kind) \(u.words) words: \(nonzero.isEmpty ? "-" : nonzero)\n")
            }
        }
    }
}
