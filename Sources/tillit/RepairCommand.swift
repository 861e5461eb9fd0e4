import TillitKit

/// `tillit repair`: prints repaired text, a diff, or the change list.
enum RepairCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "format", value: "FMT", help: "text|jsonl: repaired text (default) or one change per line"),
        OptionSpec(name: "diff", value: nil, help: "show each changed line as - original / + repaired"),
        OptionSpec(name: "mode", value: "MODE", help: "auto|on: auto repairs valid words only in damaged documents (default: auto)"),
        OptionSpec(name: "min-confidence", value: "X", help: "least confidence for a change, 0…1 (default: 0.5)"),
        CLI.repairLexiconSpec, CLI.ocrRewritesSpec,
    ] + CLI.inputSpecs

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "repair", synopsis: "[options] [--input jsonl|csv|tsv] PATH... | -", specs: specs) else { return 0 }
        let format = a.value("format") ?? "text"
        guard format == "text" || format == "jsonl" else { throw .usage("--format: '\(format)' is not one of text, jsonl") }
        let mode = try a.choice("mode", RepairMode.self) ?? .auto
        let minConf = try a.number("min-confidence", in: 0...1) ?? 0.5
        let (files, inputErrors) = try CLI.inputs(a.positionals, verb: "repair")
        let out = ByteWriter()
        let repairer = try CLI.repairer(a)
        let diff = a.has("diff")
        if let input = try a.choice("input", DocumentStream.Input.self), input != .text {
            return try records(files, a, input: input, inputErrors: inputErrors, out: out, repairer: repairer, mode: mode, minConf: minConf,
                               format: format, diff: diff)
        }
        return CLI.eachFile(files, earlierFailures: inputErrors, out: out, order: a.positionals) { (path: String) throws(TillitError) in
            // a --diff of a file read in several parts counts its changes first, for the header
            var total: Int? = nil
            if diff && path != "-" && (FileInput.size(of: path) ?? 0) > RepairStream.partSize {
                var n = 0
                try stream(path, repairer: repairer, mode: mode, minConf: minConf, warn: false, out: nil) { n += $0.result.changes.count }
                total = n
            }
            var line = 0, first = true
            try stream(path, repairer: repairer, mode: mode, minConf: minConf, warn: true, out: out) { (o: RepairStream.Output) in
                let result = o.result
                if format == "jsonl" {
                    let d = o.decoded
                    for c in result.changes {
                        let off = o.baseOffset + d.originalOffset(c.offset)
                        out.write("{\"doc\":\(JSON.string(path)),\"offset\":\(off),\"length\":\(o.baseOffset + d.originalOffset(c.offset + c.length) - off),\"original\":\(JSON.string(c.original)),\"replacement\":\(JSON.string(c.replacement)),\"confidence\":\(JSON.number(c.confidence)),\"reason\":\"\(c.reason)\"}\n")
                    }
                } else if diff {
                    if first {
                        // a document in one part (or counted above) names its number of changes
                        out.write(RepairDiff.header(path: path, changes: total ?? (o.isLast ? result.changes.count : nil)))
                        first = false
                    }
                    out.write(RepairDiff.lines(bytes: o.decoded.bytes, result: result, firstLine: line))
                    line += o.decoded.bytes.reduce(0) { $1 == 0x0A ? $0 + 1 : $0 }
                } else {
                    out.write(bytes: result.apply(to: o.decoded.bytes))
                }
            }
        }
    }

    /// `--input jsonl|csv|tsv`: each record's text repaired on its own. The text format writes
    /// the records back in their own format (the id, the pass-through fields, then the repaired
    /// `text`; CSV and TSV with a header row); `--format jsonl` lists the changes with the
    /// record id as `doc` and offsets into the record's text; `--diff` shows each record's
    /// changed lines under a header naming the record.
    static func records(_ files: [String], _ a: ParsedArguments, input: DocumentStream.Input, inputErrors: [TillitError], out: ByteWriter,
                        repairer: Repairer, mode: RepairMode, minConf: Double, format: String, diff: Bool) throws(TillitError) -> Int32 {
        var header = true
        let tsv = input == .tsv
        return try CLI.eachDocument(files, a, earlierFailures: inputErrors, out: out, order: a.positionals) { (id: String, bytes: [UInt8], meta: [(String, String)]) throws(TillitError) in
            // a record whose text is empty or not text is written back as it stands (no record
            // is lost); one that is not text is still reported, and the batch exits 1
            var notText: TillitError? = nil
            let d: DecodedText
            do throws(TillitError) { d = try TextDecoder.decode(bytes, name: id) } catch {
                switch error {
                case .emptyInput: d = DecodedText(bytes: bytes)
                case .binaryData: d = DecodedText(bytes: bytes); notText = error
                default: throw error
                }
            }
            if let notText, format == "jsonl" || diff { throw notText }
            let result = notText == nil ? repairer.repair(text: d.bytes, mode: mode, minConfidence: minConf) : RepairResult()
            if format == "jsonl" {
                for c in result.changes {
                    let off = d.originalOffset(c.offset)
                    out.write("{\"doc\":\(JSON.string(id)),\"offset\":\(off),\"length\":\(d.originalOffset(c.offset + c.length) - off),\"original\":\(JSON.string(c.original)),\"replacement\":\(JSON.string(c.replacement)),\"confidence\":\(JSON.number(c.confidence)),\"reason\":\"\(c.reason)\"}\n")
                }
                return
            }
            if diff {
                out.write(RepairDiff.header(path: id, changes: result.changes.count))
                out.write(RepairDiff.lines(bytes: d.bytes, result: result, firstLine: 0))
                return
            }
            let text = String(decoding: result.apply(to: d.bytes), as: UTF8.self)
            if input == .jsonl {
                out.write("{\"id\":\(JSON.string(id))" + meta.map { ",\(JSON.string($0.0)):\(JSON.string($0.1))" }.joined() + ",\"text\":\(JSON.string(text))}\n")
            } else {
                let sep = tsv ? "\t" : ","
                if header {
                    out.write((["id"] + meta.map(\.0) + ["text"]).map { CSV.field($0, tsv: tsv) }.joined(separator: sep) + "\n")
                    header = false
                }
                out.write(([id] + meta.map(\.1) + [text]).map { CSV.field($0, tsv: tsv) }.joined(separator: sep) + "\n")
            }
            if let notText { throw notText }
        }
    }

    /// Repairs the document at `path` part by part (`RepairStream`), handing each repaired
    /// part to `body` in order; stops early when `out` was closed (a reader went away).
    static func stream(_ path: String, repairer: Repairer, mode: RepairMode, minConf: Double, warn: Bool, out: ByteWriter?,
                       _ body: (RepairStream.Output) throws(TillitError) -> Void) throws(TillitError) {
        let parts = DocumentStream(paths: [path], partSize: RepairStream.partSize)
        let repair = RepairStream(repairer: repairer, mode: mode, minConfidence: minConf)
        while let item = parts.next() {
            if let out, out.isClosed { return }
            switch item {
            case .failure(let e): throw e
            case .part(let part):
                let decoded = try RepairStream.decode(part)
                if warn && decoded.encoding == .utf8WithWindows1252 {
                    CLI.printErr("tillit: warning: \(path): \(Analyzer.strayDescription(decoded.strayBytes, part: part)), written as UTF-8")
                }
                if warn && decoded.encoding == .windows1252 {
                    if part.part == 0 {
                        CLI.printErr("tillit: warning: \(path): not valid UTF-8; read as Windows-1252 (Latin-1), written as UTF-8")
                    } else if !part.forceWindows1252 {
                        CLI.printErr("tillit: warning: \(path): bytes \(part.baseOffset)–\(part.baseOffset + part.bytes.count) are not valid UTF-8; that part read as Windows-1252 (Latin-1), written as UTF-8")
                    }
                }
                if let o = repair.push(decoded, baseOffset: part.baseOffset) { try body(o) }
            }
        }
        if let o = repair.finish() { try body(o) }
    }
}
