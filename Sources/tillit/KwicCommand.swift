import TillitKit

/// `tillit kwic PATTERN PATH...`: keyword-in-context lines.
enum KwicCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "format", value: "FMT", help: "table|jsonl|csv|tsv (default: table on a terminal, else jsonl)"),
        OptionSpec(name: "width", value: "N", help: "characters of context on each side (default 40)"),
        OptionSpec(name: "tokens", value: "N", help: "words of context on each side instead of characters"),
        OptionSpec(name: "repair", value: "MODE", help: "auto|on|off (default: auto)"),
        OptionSpec(name: "lexicon", value: "FILE", help: "lexicon for row/pole queries (default: embedded)"),
    ] + CLI.inputSpecs

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "kwic", synopsis: "PATTERN|ROW:POLE [options] PATH... | -\n\nPATTERN uses the lexicon syntax (*styrning~, \"nära dialog\"); ROW:POLE is e.g. 4:K, tillit:T, or K/T alone.", specs: specs) else { return 0 }
        guard a.positionals.count >= 2 else { throw .usage("kwic: give a PATTERN (or ROW:POLE such as 4:K) and at least one PATH") }
        let query = try KwicQuery.parse(a.positionals[0])
        let format = try a.choice("format", OutputFormat.self) ?? (CLI.stdoutIsTerminal ? .table : .jsonl)
        var width = 40
        if let w = a.value("width") { guard let n = Int(w), n >= 1, n <= 1000 else { throw .usage("--width: expected 1…1000, got '\(w)'") }; width = n }
        var tokens: Int? = nil
        if let t = a.value("tokens") { guard let n = Int(t), n >= 1, n <= 1000 else { throw .usage("--tokens: expected 1…1000, got '\(t)'") }; tokens = n }
        let kwic = try Kwic(query: query, lexicon: try CLI.lexicon(a), repair: try a.choice("repair", RepairMode.self) ?? .auto, width: width, tokens: tokens)
        let (files, inputErrors) = try CLI.inputs(Array(a.positionals.dropFirst()), verb: "kwic")
        let out = ByteWriter()
        let sep = format == .tsv ? "\t" : ","
        let fixed = ["id", "offset", "left", "match", "right", "pattern", "pole", "modifier", "repaired", "left_original", "right_original"]
        var headerDone = false
        // CSV/TSV: the header waits for the first document, whose records name the metadata columns
        func header(_ meta: [(String, String)]) {
            guard !headerDone, format == .csv || format == .tsv else { return }
            headerDone = true
            let names = fixed + meta.map { fixed.contains($0.0) ? "input_" + $0.0 : $0.0 }
            out.write(names.map { CSV.field($0, tsv: format == .tsv) }.joined(separator: sep) + "\n")
        }
        let code = try CLI.eachDocument(files, a, earlierFailures: inputErrors, out: out, order: Array(a.positionals.dropFirst())) { (path: String, bytes: [UInt8], meta: [(String, String)]) throws(TillitError) in
            header(meta)
            for l in try kwic.lines(id: path, bytes: bytes) {
                let e = l.evidence
                let poleText: String
                if case .pattern = query { poleText = "" } else { poleText = e.pole.rawValue }
                switch format {
                case .table:
                    let left = l.left.count < width ? String(repeating: " ", count: width - l.left.count) + l.left : l.left
                    out.write("\(left) [\(l.match)] \(l.right)   \(l.id)@\(l.offset) \(poleText)\(e.modifier == .none ? "" : " " + e.modifier.name)\n")
                case .jsonl:
                    out.write("{\"id\":\(JSON.string(l.id)),\"offset\":\(l.offset),\"left\":\(JSON.string(l.left)),\"match\":\(JSON.string(l.match)),\"right\":\(JSON.string(l.right)),\"pattern\":\(JSON.string(e.pattern)),\"pole\":\(poleText.isEmpty ? "null" : "\"" + poleText + "\""),\"modifier\":\"\(e.modifier.name)\",\"repaired\":\(e.repaired.map(JSON.string) ?? "null"),\"left_original\":\(JSON.string(l.leftOriginal)),\"right_original\":\(JSON.string(l.rightOriginal))\(meta.isEmpty ? "" : ",\"columns\":{" + meta.map { JSON.string($0.0) + ":" + JSON.string($0.1) }.joined(separator: ",") + "}")}\n")
                case .csv, .tsv:
                    let cells = [l.id, String(l.offset), l.left, l.match, l.right, e.pattern, poleText, e.modifier.name, e.repaired ?? "", l.leftOriginal, l.rightOriginal] + meta.map(\.1)
                    out.write(cells.map { CSV.field($0, tsv: format == .tsv) }.joined(separator: sep) + "\n")
                }
            }
        }
        if !headerDone && !out.isClosed {   // no document read: the header alone
            header([])
            do { try out.finish() } catch { CLI.report(error); return error.exitCode }
        }
        return code
    }
}
