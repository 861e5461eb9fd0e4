#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import TillitKit

/// The `tillit` command: parses arguments, calls TillitKit, formats output.
enum CLI {
    static let version = TillitVersion.string

    static let usage = """
    tillit \(version): measure control- versus trust-based governance language in Swedish documents

    usage: tillit <verb> [options] [PATH... | -]

    verbs:
      score      score documents against the comparison table (the main job)
      repair     print OCR-repaired text, or the list of changes
      kwic       keyword in context for a pattern or a row:pole such as 4:K
      report     one self-contained HTML report (tables, charts, highlighted passages)
      tokens     debug view of segments and tokens with byte offsets
      lexicon    show, check or lint a governance lexicon
      validate   compare labels with human codes (precision, recall, F1 with a bootstrap interval, kappa; --cv K)
      train      learn a label model from passages you coded (TSV: id, label, text)
      eval       measure OCR repair against gold text (word error rate)

    Run 'tillit <verb> --help' for a verb's options. PATH may be a file, a directory
    (searched recursively for *.txt and *.md) or - for standard input.

    exit codes: 0 ok, 1 some inputs failed, 64 usage, 65 bad data or lexicon,
                66 input not found, 74 I/O error
    """

    static func run(_ args: [String]) -> Int32 {
        guard let verb = args.first else { printErr(usage); return 64 }
        let rest = Array(args.dropFirst())
        do {
            switch verb {
            case "--help", "-h", "help": try printOut(usage); return 0
            case "--version", "-V", "version": try printOut("tillit \(version)"); return 0
            case "score": return try ScoreCommand.run(rest)
            case "repair": return try RepairCommand.run(rest)
            case "eval": return try EvalCommand.run(rest)
            case "validate": return try ValidateCommand.run(rest)
            case "train": return try TrainCommand.run(rest)
            case "kwic": return try KwicCommand.run(rest)
            case "report": return try ReportCommand.run(rest)
            case "tokens": return try TokensCommand.run(rest)
            case "lexicon": return try LexiconCommand.run(rest)
            default:
                var msg = "unknown verb '\(verb)'"
                if let s = ArgumentParser.suggest(verb, ["score", "repair", "tokens", "lexicon", "validate", "train", "eval", "kwic", "report"]) { msg += "; did you mean '\(s)'?" }
                throw TillitError.usage(msg + " (see 'tillit --help')")
            }
        } catch let e as TillitError {
            report(e)
            return e.exitCode
        } catch {
            printErr("tillit: \(error)")
            return 70
        }
    }

    /// One diagnostic line on stderr.
    static func report(_ e: TillitError) { printErr("tillit: \(e.description)") }

    /// Writes to stderr as is (no newline added), for the progress line.
    static func printRaw(_ s: String) {
        let bytes = Array(s.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress!, $0.count) }
    }

    /// Writes `s` and a newline to stdout at once.
    /// - Throws: `.io` on a write error (a full disk, a closed stdout), so the verb exits 74.
    static func printOut(_ s: String) throws(TillitError) {
        let out = ByteWriter()
        out.write(s + "\n")
        try out.finish()
    }

    static func printErr(_ s: String) {
        var line = s
        if !line.hasSuffix("\n") { line += "\n" }
        let bytes = Array(line.utf8)
        _ = bytes.withUnsafeBytes { write(2, $0.baseAddress!, $0.count) }
    }

    /// Parses a verb's options; prints help and returns nil for `--help`.
    static func parse(_ args: [String], verb: String, synopsis: String, specs: [OptionSpec]) throws(TillitError) -> ParsedArguments? {
        let all = specs + [OptionSpec(name: "help", value: nil, help: "show this help")]
        let parsed = try ArgumentParser.parse(args, specs: all, verb: verb)
        if parsed.has("help") {
            try printOut("usage: tillit \(verb) \(synopsis)\n\noptions:\n" + ArgumentParser.help(all))
            return nil
        }
        return parsed
    }

    /// Loads `--lexicon FILE` or the embedded lexicon.
    static func lexicon(_ a: ParsedArguments) throws(TillitError) -> GovernanceLexicon {
        if let path = a.value("lexicon") { return try GovernanceLexicon.load(path: path) }
        return .embedded
    }

    /// Expands inputs and reports missing ones; throws when nothing is left to read.
    /// The `--repair-lexicon FILE` option shared by the verbs that repair.
    static let repairLexiconSpec = OptionSpec(name: "repair-lexicon", value: "FILE",
                                              help: "repair lexicon built by scripts/build-repair-lexicon.py (default: embedded)")

    /// The `--ocr-rewrites FILE` option shared by the verbs that repair.
    static let ocrRewritesSpec = OptionSpec(name: "ocr-rewrites", value: "FILE",
                                            help: "learned OCR rewrites built by scripts/build-ocr-channel.py (default: embedded)")

    /// The `--paragraphs blank|line|auto` option shared by the verbs that segment.
    static let paragraphsSpec = OptionSpec(name: "paragraphs", value: "MODE",
                                           help: "blank|line|auto: paragraphs end at blank lines, at every line, or auto-detect one paragraph per line (default: auto)")

    /// The value of `--paragraphs`, `.auto` when not given.
    static func paragraphs(_ a: ParsedArguments) throws(TillitError) -> ParagraphMode {
        try a.choice("paragraphs", ParagraphMode.self) ?? .auto
    }

    /// The repairer over `--repair-lexicon FILE`, or the embedded one.
    static func repairer(_ a: ParsedArguments) throws(TillitError) -> Repairer {
        var lexicon: RepairLexicon? = nil
        if let path = a.value("repair-lexicon") { lexicon = try RepairLexicon(contentsOf: path) }
        var rewrites: OCRRewrites? = nil
        if let path = a.value("ocr-rewrites") { rewrites = try OCRRewrites(contentsOf: path) }
        if let w = try a.number("context-weight", in: 0...10) { return Repairer(lexicon: lexicon, rewrites: rewrites, contextWeight: Float(w)) }
        if lexicon == nil && rewrites == nil { return .shared }
        return Repairer(lexicon: lexicon, rewrites: rewrites)
    }

    static func inputs(_ positionals: [String], verb: String) throws(TillitError) -> (files: [String], errors: [TillitError]) {
        guard !positionals.isEmpty else { throw .usage("\(verb): no input given; pass files, directories, or - for standard input") }
        let (files, errors) = FileInput.expand(positionals)
        if files.isEmpty, let first = errors.first {
            for e in errors.dropFirst() { report(e) }
            throw first
        }
        for e in errors { report(e) }
        return (files, errors)
    }

    /// `--input`, `--id-column` and `--text-column`, for verbs that read records as well as files.
    static let inputSpecs: [OptionSpec] = [
        OptionSpec(name: "input", value: "KIND", help: "text|jsonl|csv|tsv: jsonl reads one {\"id\",\"text\"} record per line, csv/tsv one row per record after a header; other fields pass through"),
        OptionSpec(name: "id-column", value: "NAME", help: "the records' id field (default: id; else FILE:LINE)"),
        OptionSpec(name: "text-column", value: "NAME", help: "the records' text field (default: text)"),
    ]

    /// Runs `body(id, bytes, metadata)` on each document: each file for `--input text` (read
    /// whole, as `eachFile`), else each JSONL/CSV/TSV record of each file, with its
    /// pass-through fields as (name, value) pairs. A bad record is reported (`FILE:LINE`) and
    /// the rest go on. Returns the batch exit code, or 74 after a write error on stdout.
    static func eachDocument(_ files: [String], _ a: ParsedArguments, earlierFailures: [TillitError], out: ByteWriter, order: [String],
                             _ body: (String, [UInt8], [(String, String)]) throws(TillitError) -> Void) throws(TillitError) -> Int32 {
        let input = try a.choice("input", DocumentStream.Input.self) ?? .text
        if input == .text {
            return eachFile(files, earlierFailures: earlierFailures, out: out, order: order) { (path: String) throws(TillitError) in
                try body(path, try FileInput.readAll(path: path), [])
            }
        }
        let stream = DocumentStream(paths: files, input: input, idColumn: a.value("id-column") ?? "id", textColumn: a.value("text-column") ?? "text")
        var failures = earlierFailures
        var done = 0
        while let item = stream.next() {
            do throws(TillitError) {
                switch item {
                case .failure(let e): throw e
                case .part(let p):
                    do throws(TillitError) {
                        try body(p.id, p.bytes, Array(zip(stream.columnNames ?? [], p.columns)))
                    } catch {
                        throw p.attributed(error)
                    }
                    done += 1
                }
            } catch {
                report(error)
                failures.append(error)
            }
            if out.isClosed { break }
        }
        return finishBatch(out: out, processed: done, failures: failures, order: order)
    }

    /// Runs `body` on each file in order, reporting a failed file on stderr and going on with
    /// the rest; stops early when stdout has closed. Returns the batch exit code, or 74 after a
    /// write error on stdout (reported on stderr).
    /// `order` is the command line's paths, for the exit code when every input failed.
    static func eachFile(_ files: [String], earlierFailures: [TillitError], out: ByteWriter, order: [String] = [], _ body: (String) throws(TillitError) -> Void) -> Int32 {
        var failures = earlierFailures
        var done = 0
        for path in files {
            do {
                try body(path)
                done += 1
            } catch {
                report(error)
                failures.append(error)
            }
            if out.isClosed { break }
        }
        return finishBatch(out: out, processed: done, failures: failures, order: order)
    }

    /// Flushes stdout after a batch: 74 after a write error (reported on stderr), else the
    /// batch's exit code (`batchExit`).
    static func finishBatch(out: ByteWriter, processed: Int, failures: [TillitError], order: [String]) -> Int32 {
        do { try out.finish() } catch {
            report(error)
            return error.exitCode
        }
        return batchExit(processed: processed, failures: failures, order: order)
    }

    /// The exit code after a batch: 0, 1 when some failed, or when all did the code of the
    /// failure that comes first on the command line (`order`: the paths as given; a failure
    /// belongs to the first path that is it, contains it, or is its `FILE:LINE`'s file).
    static func batchExit(processed: Int, failures: [TillitError], order: [String] = []) -> Int32 {
        if failures.isEmpty { return 0 }
        if processed > 0 { return 1 }
        func rank(_ e: TillitError) -> Int {
            guard let s = e.subject else { return Int.max }
            for (i, p) in order.enumerated() {
                let base = p.hasSuffix("/") ? String(p.dropLast()) : p
                if s == p || s == base || s.hasPrefix(base + "/") || s.hasPrefix(p + ":") { return i }
            }
            return Int.max
        }
        let first = failures.enumerated().min { (rank($0.element), $0.offset) < (rank($1.element), $1.offset) }!
        return first.element.exitCode
    }

    static var stdoutIsTerminal: Bool { isatty(1) != 0 }
}
