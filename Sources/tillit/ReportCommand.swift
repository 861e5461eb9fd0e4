import TillitKit

/// `tillit report PATH... -o report.html`.
enum ReportCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "output", value: "FILE", help: "where to write the HTML (default: report.html; - for stdout)"),
        OptionSpec(name: "title", value: "TEXT", help: "page title"),
        OptionSpec(name: "repair", value: "MODE", help: "auto|on|off (default: auto)"),
        CLI.paragraphsSpec,
        OptionSpec(name: "lexicon", value: "FILE", help: "lexicon file (default: embedded)"),
        OptionSpec(name: "model", value: "FILE", help: "label model from 'tillit train' (default: embedded)"),
    ]

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "report", synopsis: "PATH... [-o report.html]", specs: specs) else { return 0 }
        let analyzer = HTMLReport.analyzer(lexicon: try CLI.lexicon(a), repair: try a.choice("repair", RepairMode.self) ?? .auto,
                                           paragraphs: try CLI.paragraphs(a),
                                           model: try a.value("model").map { (p: String) throws(TillitError) in try LabelModel.load(path: p) } ?? .embedded)
        let (files, inputErrors) = try CLI.inputs(a.positionals, verb: "report")
        var failures = inputErrors
        var docs: [HTMLReport.Document] = []
        var scratch = Analyzer.Scratch()
        for path in files {
            do {
                let bytes = try FileInput.readAll(path: path)
                let s = try analyzer.score(DocumentPart(id: path, bytes: bytes), scratch: &scratch)
                for w in s.warnings { CLI.printErr("tillit: warning: \(w)") }
                docs.append(HTMLReport.Document(score: s, bytes: bytes))
            } catch {
                CLI.report(error)
                failures.append(error)
            }
        }
        guard !docs.isEmpty else { return CLI.batchExit(processed: 0, failures: failures, order: a.positionals) }
        let html = HTMLReport.render(docs, title: a.value("title") ?? "tillit report")
        let path = a.value("output") ?? "report.html"
        if path == "-" {
            let out = ByteWriter()
            out.write(html)
            try out.finish()
        } else {
            try FileOutput.write(Array(html.utf8), to: path)
            CLI.printErr("tillit: wrote \(path) (\(docs.count) documents)")
        }
        return CLI.batchExit(processed: docs.count, failures: failures)
    }
}

