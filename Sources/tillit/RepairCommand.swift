import TillitKit

/// `tillit repair`: prints repaired text, a diff, or the change list.
enum RepairCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "format", value: "FMT", help: "text|jsonl: repaired text (default) or one change per line"),
        OptionSpec(name: "diff", value: nil, help: "show each changed line as - original / + repaired"),
        OptionSpec(name: "mode", value: "MODE", help: "auto|on: auto repairs valid words only in damaged documents (default: auto)"),
        OptionSpec(name: "min-confidence", value: "X", help: "least confidence for a change, 0…1 (default: 0.5)"),
        CLI.repairLexiconSpec,
    ]

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "repair", synopsis: "[options] PATH... | -", specs: specs) else { return 0 }
        let format = a.value("format") ?? "text"
        guard format == "text" || format == "jsonl" else { throw .usage("--format: '\(format)' is not one of text, jsonl") }
        let mode = try a.choice("mode", RepairMode.self) ?? .auto
        let minConf = try a.number("min-confidence", in: 0...1) ?? 0.5
        let (files, inputErrors) = try CLI.inputs(a.positionals, verb: "repair")
        let out = ByteWriter()
        let repairer = try CLI.repairer(a)
        return CLI.eachFile(files, earlierFailures: inputErrors, out: out, order: a.positionals) { (path: String) throws(TillitError) in
            let decoded = try TextDecoder.decode(try FileInput.readAll(path: path), name: path)
            if decoded.encoding == .windows1252 { CLI.printErr("tillit: warning: \(path): not valid UTF-8; read as Windows-1252 (Latin-1), written as UTF-8") }
            let result = repairer.repair(text: decoded.bytes, mode: mode, minConfidence: minConf)
            if format == "jsonl" {
                for c in result.changes {
                    let off = decoded.originalOffset(c.offset)
                    out.write("{\"doc\":\(JSON.string(path)),\"offset\":\(off),\"length\":\(decoded.originalOffset(c.offset + c.length) - off),\"original\":\(JSON.string(c.original)),\"replacement\":\(JSON.string(c.replacement)),\"confidence\":\(JSON.number(c.confidence)),\"reason\":\"\(c.reason)\"}\n")
                }
            } else if a.has("diff") {
                out.write(RepairDiff.render(path: path, bytes: decoded.bytes, result: result))
            } else {
                out.write(bytes: result.apply(to: decoded.bytes))
            }
        }
    }
}
