import TillitKit
#if canImport(Glibc)
import Glibc
#endif

/// `tillit score`: the main job.
enum ScoreCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "format", value: "FMT", help: "table|jsonl|csv|tsv (default: table on a terminal, else jsonl)"),
        OptionSpec(name: "unit", value: "UNIT", help: "document|paragraph|sentence (default: paragraph; document for --input jsonl|csv|tsv)"),
        CLI.paragraphsSpec,
        OptionSpec(name: "repair", value: "MODE", help: "auto|on|off: repair OCR damage before scoring (default: auto)"),
        OptionSpec(name: "min-confidence", value: "X", help: "least confidence for a repair, 0…1 (default: 0.5)"),
        OptionSpec(name: "evidence", value: nil, help: "list every hit: offset, surface, pattern, row, pole, modifier"),
        OptionSpec(name: "lexicon", value: "FILE", help: "use this lexicon instead of the embedded one"),
        OptionSpec(name: "model", value: "FILE", help: "label model from 'tillit train' (default: embedded)"),
        CLI.repairLexiconSpec, CLI.ocrRewritesSpec,
        OptionSpec(name: "dict", value: "FILE", help: "count categories of a LIWC .dic or YAML-like category list instead of scoring"),
        OptionSpec(name: "input", value: "KIND", help: "text|jsonl|csv|tsv: jsonl reads one {\"id\",\"text\"} record per line, csv/tsv one row per record after a header; other fields pass through"),
        OptionSpec(name: "id-column", value: "NAME", help: "the records' id field (default: id; else FILE:LINE)"),
        OptionSpec(name: "text-column", value: "NAME", help: "the records' text field (default: text)"),
        OptionSpec(name: "text", value: nil, help: "add each unit's text (repaired where it was repaired)"),
        OptionSpec(name: "chars", value: nil, help: "add char_offset and char_length in Unicode scalars (as Python and R count)"),
        OptionSpec(name: "rates", value: nil, help: "add words and hits_per_1000_words"),
        OptionSpec(name: "provenance", value: nil, help: "add tillit_version and lexicon_hash to every row"),
        OptionSpec(name: "ascii-header", value: nil, help: "CSV/TSV column names in ASCII (p_stod, p_oppenhet)"),
        OptionSpec(name: "ids", value: "KIND", help: "path|relative: a found file's id is its path (default) or its path below the folder given"),
        OptionSpec(name: "jobs", value: "N", help: "worker threads (default: all cores)"),
        OptionSpec(name: "quiet", value: nil, help: "no warnings on stderr (errors are still printed)"),
    ]

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "score", synopsis: "[options] PATH... | -", specs: specs) else { return 0 }
        let format = try a.choice("format", OutputFormat.self) ?? (CLI.stdoutIsTerminal ? .table : .jsonl)
        let input = try a.choice("input", DocumentStream.Input.self) ?? .text
        let records = input != .text   // one document per record
        let unit = try a.choice("unit", ScoringUnit.self) ?? (records ? .document : .paragraph)
        var options = ScoreOptions(unit: unit, repair: try a.choice("repair", RepairMode.self) ?? .auto,
                                   minConfidence: try a.number("min-confidence", in: 0...1) ?? 0.5, evidence: a.has("evidence"))
        options.previews = format == .table
        if let m = a.value("model") { options.model = try LabelModel.load(path: m) }
        options.paragraphs = try CLI.paragraphs(a)
        options.texts = a.has("text")
        options.charOffsets = a.has("chars")
        var jobs = BatchRunner.processorCount
        if let j = a.value("jobs") {
            guard let n = Int(j), n >= 1, n <= 512 else { throw .usage("--jobs: expected a whole number 1…512, got '\(j)'") }
            jobs = n
        }
        var dictionary: CategoryDictionary? = nil
        if let p = a.value("dict") { dictionary = try CategoryDictionary.load(path: p) }
        if dictionary != nil && a.value("lexicon") != nil { throw .usage("score: --dict and --lexicon cannot be combined") }
        if dictionary != nil { options.entryHits = true; options.previews = false }
        let lexicon: GovernanceLexicon
        if let d = dictionary { lexicon = d.lexicon } else { lexicon = try CLI.lexicon(a) }
        let (files, inputErrors) = try CLI.inputs(a.positionals, verb: "score")
        let analyzer = Analyzer(lexicon: lexicon, repairer: try CLI.repairer(a), options: options)
        let runner = BatchRunner(analyzer: analyzer, jobs: jobs)
        let out = ByteWriter()
        let writer = ScoreWriter(out: out, format: format, unit: unit, evidence: options.evidence)
        writer.text = a.has("text")
        writer.chars = a.has("chars")
        writer.rates = a.has("rates")
        writer.asciiHeader = a.has("ascii-header")
        if a.has("provenance") { writer.provenance = (TillitVersion.string, LexiconFingerprint.of(lexicon)) }
        let categoryWriter = dictionary.map { CategoryWriter(out: out, format: format, unit: unit, dictionary: $0) }
        var failures = inputErrors
        // every input yields a row: the ones that could not be found or read come first (last
        // for records in CSV/TSV output, whose header waits for the first record's columns)
        let errorsLast = records && (format == .csv || format == .tsv)
        func writeInputErrors() { if categoryWriter == nil { for e in inputErrors { if let id = e.subject { writer.writeSkipped(id: id, reason: e.detail) } } } }
        if !errorsLast { writeInputErrors() }
        let stream = DocumentStream(paths: files, input: input, idColumn: a.value("id-column") ?? "id", textColumn: a.value("text-column") ?? "text")
        stream.cutRecords = true
        switch a.value("ids") ?? "path" {
        case "path": break
        case "relative": stream.ids = FileInput.relativeIDs(files, roots: a.positionals)
        case let other: throw .usage("--ids: '\(other)' is not one of path, relative")
        }
        // progress on a terminal's stderr only, for batches longer than 2 s
        let showProgress = !a.has("quiet") && isatty(2) != 0
        // (the sizes cost a stat(2) per file: only looked up when the meter is shown)
        var meter = ProgressMeter(totalBytes: showProgress ? files.reduce(0) { $0 + (FileInput.size(of: $1) ?? 0) } : 0, totalFiles: files.count)
        let clock = ContinuousClock()
        let started = clock.now
        var progressShown = false
        let summary = runner.run(stream, emit: { doc, final in
            if !a.has("quiet") { for w in doc.warnings { CLI.printErr("tillit: warning: \(w)") } }
            if writer.columnNames.isEmpty, let names = stream.columnNames { writer.columnNames = names }
            if !out.isClosed {
                if let cw = categoryWriter { cw.write(doc) } else { writer.write(doc, final: final) }
            }
        }, failure: { e in
            if progressShown { CLI.printRaw("\r\u{1B}[K") }
            CLI.report(e)
            failures.append(e)
            if writer.columnNames.isEmpty, let names = stream.columnNames { writer.columnNames = names }
            if categoryWriter == nil, !out.isClosed, let id = e.subject { writer.writeSkipped(id: id, reason: e.detail) }
        }, progress: { bytes, documents in
            guard showProgress else { return }
            let d = clock.now - started
            let elapsed = Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
            if let line = meter.line(elapsed: elapsed, files: documents, bytes: bytes) {
                CLI.printRaw("\r\u{1B}[K" + line)
                progressShown = true
            }
        }, stop: {
            // the rows reach the reader after every batch, so a closed pipe or a full disk ends the run there
            out.flush()
            return out.isClosed
        })
        if progressShown { CLI.printRaw("\r\u{1B}[K") }
        if errorsLast && !out.isClosed { writeInputErrors() }
        try out.finish()
        return CLI.batchExit(processed: summary.documents, failures: failures, order: a.positionals)
    }
}

