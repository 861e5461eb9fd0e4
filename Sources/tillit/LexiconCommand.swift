import TillitKit

/// `tillit lexicon show|check|lint`.
enum LexiconCommand {
    static let synopsis = """
    show [--lexicon FILE]        print the comparison table with its entries
           tillit lexicon check FILE                   report every malformed line (exit 65)
           tillit lexicon lint --corpus DIR [--lexicon FILE]
                                                       matched word types per pattern, dead patterns, overlaps
    """

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let sub = args.first, !sub.hasPrefix("-") else {
            if args.first == "--help" || args.first == "-h" { try CLI.printOut("usage: tillit lexicon \(synopsis)"); return 0 }
            throw .usage("lexicon: expected show, check or lint (see 'tillit lexicon --help')")
        }
        let rest = Array(args.dropFirst())
        switch sub {
        case "show":
            guard let a = try CLI.parse(rest, verb: "lexicon show", synopsis: "[--lexicon FILE]", specs: [OptionSpec(name: "lexicon", value: "FILE", help: "lexicon file")]) else { return 0 }
            let lex = try CLI.lexicon(a)
            try CLI.printOut(LexiconReport.show(lex))
            return 0
        case "check":
            guard let a = try CLI.parse(rest, verb: "lexicon check", synopsis: "FILE", specs: []) else { return 0 }
            guard let path = a.positionals.first else { throw .usage("lexicon check: give a lexicon FILE") }
            // every bad line in one run, then exit 65
            let problems = try GovernanceLexicon.problems(path: path)
            if let first = problems.first {
                for p in problems { CLI.report(p) }
                return first.exitCode
            }
            let lex = try GovernanceLexicon.load(path: path)
            let k = lex.entries.filter { $0.pole == .K && !$0.isName && !$0.isFrame }.count
            let t = lex.entries.filter { $0.pole == .T && !$0.isName && !$0.isFrame }.count
            let n = lex.entries.filter(\.isName).count
            let f = lex.entries.filter(\.isFrame).count
            let c = lex.entries.reduce(0) { $0 + $1.conditions.count }
            try CLI.printOut("\(path): ok, \(lex.entries.count) entries (\(k) K, \(t) T, \(n) names, \(f) frame words; \(c) sense conditions)")
            return 0
        case "lint":
            guard let a = try CLI.parse(rest, verb: "lexicon lint", synopsis: "--corpus DIR [--lexicon FILE]", specs: [
                OptionSpec(name: "corpus", value: "DIR", help: "documents to match against"),
                OptionSpec(name: "lexicon", value: "FILE", help: "lexicon file (default: embedded)"),
                OptionSpec(name: "top", value: "N", help: "word types shown per pattern (default 8)"),
            ]) else { return 0 }
            guard let corpus = a.value("corpus") else { throw .usage("lexicon lint: --corpus DIR is required") }
            let lex = try CLI.lexicon(a)
            let (files, errors) = FileInput.expand([corpus])
            if files.isEmpty, let e = errors.first { throw e }
            let lint = try LexiconLint.run(lexicon: lex, files: files)
            try CLI.printOut(lint.render(top: Int(a.value("top") ?? "8") ?? 8))
            return 0
        default:
            throw .usage("lexicon: unknown subcommand '\(sub)'; expected show, check or lint")
        }
    }
}
