import TillitKit

/// `tillit report PATH... -o report.html`.
enum ReportCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "output", value: "FILE", help: "where to write the HTML (default: report.html; - for stdout)"),
        OptionSpec(name: "title", value: "TEXT", help: "page title"),
        OptionSpec(name: "group-by", value: "COLUMN", help: "compare groups of documents by a column of the records (party, municipality, year); a trend chart for years"),
        OptionSpec(name: "input", value: "KIND", help: "text|jsonl|csv|tsv: jsonl reads one {\"id\",\"text\"} record per line, csv/tsv one row per record after a header; other fields are metadata"),
        OptionSpec(name: "id-column", value: "NAME", help: "the records' id field (default: id; else FILE:LINE)"),
        OptionSpec(name: "text-column", value: "NAME", help: "the records' text field (default: text)"),
        OptionSpec(name: "ids", value: "KIND", help: "path|relative: a found file's id is its path (default) or its path below the folder given"),
        OptionSpec(name: "repair", value: "MODE", help: "auto|on|off (default: auto)"),
        CLI.paragraphsSpec,
        OptionSpec(name: "lexicon", value: "FILE", help: "lexicon file (default: embedded)"),
        OptionSpec(name: "model", value: "FILE", help: "label model from 'tillit train' (default: embedded)"),
        OptionSpec(name: "quiet", value: nil, help: "no warnings on stderr (errors are still printed)"),
    ]

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "report", synopsis: "PATH... [-o report.html] [--input csv --group-by COLUMN]", specs: specs) else { return 0 }
        let input = try a.choice("input", DocumentStream.Input.self) ?? .text
        let groupBy = a.value("group-by")
        if let column = groupBy, input == .text { try ReportGroups.check(column: column, in: nil) }
        let modelPath = a.value("model")
        let analyzer = HTMLReport.analyzer(lexicon: try CLI.lexicon(a), repair: try a.choice("repair", RepairMode.self) ?? .auto,
                                           paragraphs: try CLI.paragraphs(a),
                                           model: try modelPath.map { (p: String) throws(TillitError) in try LabelModel.load(path: p) } ?? .embedded)
        let (files, inputErrors) = try CLI.inputs(a.positionals, verb: "report")
        var ids: [String]? = nil
        switch a.value("ids") ?? "path" {
        case "path": break
        case "relative": ids = FileInput.relativeIDs(files, roots: a.positionals)
        case let other: throw .usage("--ids: '\(other)' is not one of path, relative")
        }
        var failures = inputErrors
        let corpus = try ReportCorpus.read(paths: files, input: input, idColumn: a.value("id-column") ?? "id", textColumn: a.value("text-column") ?? "text",
                                           ids: ids, analyzer: analyzer, groupBy: groupBy,
                                           warning: { if !a.has("quiet") { CLI.printErr("tillit: warning: \($0)") } },
                                           failure: { CLI.report($0); failures.append($0) })
        guard !corpus.documents.isEmpty else {
            // nothing failed and nothing was read (a header-only CSV, an empty JSONL): said, not a silent 0
            if failures.isEmpty {
                let e = TillitError.badData(path: a.positionals.first ?? "-", reason: "no documents or records to report on; no page written")
                CLI.report(e)
                return e.exitCode
            }
            return CLI.batchExit(processed: 0, failures: failures, order: a.positionals)
        }
        let groups = try groupBy.map { (c: String) throws(TillitError) in try ReportGroups(corpus.documents.map(\.score), columnNames: corpus.columnNames, column: c) }
        let html = HTMLReport.render(corpus, title: a.value("title") ?? "tillit report", groups: groups,
                                     methods: ReportMethods(analyzer: analyzer, modelSource: modelPath, input: input))
        let path = a.value("output") ?? "report.html"
        if path == "-" {
            let out = ByteWriter()
            out.write(html)
            try out.finish()
        } else {
            try FileOutput.write(Array(html.utf8), to: path)
            CLI.printErr("tillit: wrote \(path) (\(corpus.documents.count) documents\(groups.map { ", \($0.groups.count) groups by \($0.column)" } ?? ""))")
        }
        return CLI.batchExit(processed: corpus.documents.count, failures: failures)
    }
}
