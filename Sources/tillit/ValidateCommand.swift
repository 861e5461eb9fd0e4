import TillitKit

/// `tillit validate --gold FILE.tsv`: agreement with human codes.
enum ValidateCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "gold", value: "FILE", help: "TSV with columns id, label (K/T/B/N), text"),
        OptionSpec(name: "repair", value: "MODE", help: "auto|on|off (default: auto)"),
        OptionSpec(name: "lexicon", value: "FILE", help: "lexicon file (default: embedded)"),
        OptionSpec(name: "errors", value: nil, help: "also list each disagreement"),
    ]

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "validate", synopsis: "--gold FILE.tsv [options]", specs: specs) else { return 0 }
        guard let gold = a.value("gold") ?? a.positionals.first else { throw .usage("validate: --gold FILE.tsv is required") }
        let passages = try Validation.readGold(path: gold)
        let analyzer = Analyzer(lexicon: try CLI.lexicon(a), options: ScoreOptions(unit: .document, repair: try a.choice("repair", RepairMode.self) ?? .auto))
        let v = Validation.run(passages, analyzer: analyzer)
        print(v.render(), terminator: "")
        if a.has("errors") {
            print("\ndisagreements (id gold→predicted)")
            for p in v.pairs where p.gold != p.predicted { print("  \(p.id) \(p.gold.rawValue)→\(p.predicted.rawValue)") }
        }
        return 0
    }
}
