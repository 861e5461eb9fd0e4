import TillitKit

/// `tillit eval repair DIR`: word error rate before and after repair.
enum EvalCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "inputs", value: "LIST", help: "comma list of sibling suffixes (default: eng,stripped,gold)"),
        OptionSpec(name: "mode", value: "MODE", help: "auto|on (default: auto)"),
        OptionSpec(name: "min-confidence", value: "X", help: "least confidence for a change (default: 0.5)"),
        OptionSpec(name: "only", value: "NAMES", help: "comma list of document names to include"),
        OptionSpec(name: "exclude", value: "NAMES", help: "comma list of document names to leave out"),
        OptionSpec(name: "held-out", value: nil, help: "only the documents kept out of lexicon building"),
        CLI.repairLexiconSpec, CLI.ocrRewritesSpec,
        OptionSpec(name: "context-weight", value: "W", help: "weight of the context bigrams, 0 turns context off (default: 1)"),
    ]

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard args.first == "repair" else {
            if args.first == "--help" || args.first == "-h" { try CLI.printOut("usage: tillit eval repair DIR [options]"); return 0 }
            throw .usage("eval: expected 'repair' (usage: tillit eval repair DIR)")
        }
        guard let a = try CLI.parse(Array(args.dropFirst()), verb: "eval repair", synopsis: "DIR [options]", specs: specs) else { return 0 }
        guard let dir = a.positionals.first else { throw .usage("eval repair: give the folder with NAME.gold.txt files") }
        let suffixes = (a.value("inputs") ?? "eng,stripped,gold").split(separator: ",").map(String.init)
        var only = a.value("only").map { Set($0.split(separator: ",").map(String.init)) }
        let exclude = Set((a.value("exclude") ?? "").split(separator: ",").map(String.init))
        if a.has("held-out") { only = Set(HeldOut.documents) }
        let repairer = try CLI.repairer(a)
        let mode = try a.choice("mode", RepairMode.self) ?? .auto
        let minConfidence = try a.number("min-confidence", in: 0...1) ?? 0.5
        let rows = try RepairEvaluation.run(directory: dir, suffixes: suffixes, repairer: repairer, mode: mode,
                                            minConfidence: minConfidence, only: only, exclude: exclude)
        try CLI.printOut("input          files  words  WER before  WER after  changes  fixed  broken  broken/1k  ambiguous  right before  right after")
        try printRows(rows)
        if rows.contains(where: { $0.untraced > 0 }) {
            try CLI.printOut("(files over 40 million word pairs count in the WER columns only: \(rows.map { "\($0.suffix) \($0.untraced) words" }.joined(separator: ", ")))")
        }
        // a folder with a manifest.tsv of scan tiers (ocr/riksdag-dev): each tier apart
        if let tiers = ScanTiers.read(directory: dir) {
            try CLI.printOut("per scan tier (manifest.tsv):")
            for tier in Set(tiers.values).sorted() {
                let names = Set(tiers.filter { $0.value == tier }.map(\.key)).intersection(only ?? Set(tiers.keys)).subtracting(exclude)
                guard !names.isEmpty, let tierRows = try? RepairEvaluation.run(directory: dir, suffixes: suffixes, repairer: repairer, mode: mode,
                                                                              minConfidence: minConfidence, only: names) else { continue }
                try printRows(tierRows.map { var r = $0; r.suffix += " " + tier; return r })
            }
        }
        try CLI.printOut("fixed/broken: gold words wrong before and right after repair / right before and wrong after; ambiguous: gold words of forms that share their å/ä/ö-stripped spelling (har/här, var/vår, man/män), with the share right before and after")
        return 0
    }

    static func printRows(_ rows: [RepairEvaluation.Row]) throws(TillitError) {
        for r in rows {
            let line = r.suffix.rightPad(14) + " " + String(r.files).leftPad(5) + " " + String(r.words).leftPad(6)
                + "  " + pct(r.werBefore).leftPad(10) + " " + pct(r.werAfter).leftPad(10) + " " + String(r.changes).leftPad(8)
                + " " + String(r.fixed).leftPad(6) + " " + String(r.broken).leftPad(7) + " " + FixedPoint.string(r.brokenPerThousand, decimals: 2).leftPad(10)
                + " " + String(r.ambiguous).leftPad(10) + " " + pct(r.ambiguousAccuracyBefore).leftPad(13) + " " + pct(r.ambiguousAccuracyAfter).leftPad(12)
            try CLI.printOut(line)
        }
    }

    static func pct(_ d: Double) -> String { FixedPoint.string(d, decimals: 2) + "%" }
}

import Glibc
