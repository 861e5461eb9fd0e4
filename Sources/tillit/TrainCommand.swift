import TillitKit

/// `tillit train --gold FILE.tsv... -o MODEL`: learns a label model from coded passages.
enum TrainCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "gold", value: "FILE", help: "TSV with columns id, label (K/T/B/N), text; more files may follow"),
        OptionSpec(name: "output", value: "FILE", help: "where to write the model (- for stdout)"),
        OptionSpec(name: "lexicon", value: "FILE", help: "lexicon file (default: embedded); score with the same lexicon"),
        OptionSpec(name: "repair", value: "MODE", help: "auto|on|off (default: auto)"),
        OptionSpec(name: "l2", value: "X", help: "L2 penalty on the weights (default: \(JSON.number(LabelModelTrainer.standard.l2)))"),
        OptionSpec(name: "balance", value: "X", help: "class weighting, 0 none … 1 balanced (default: \(JSON.number(LabelModelTrainer.standard.balance)))"),
        OptionSpec(name: "common-words", value: "N", help: "the N commonest Swedish words give no word stem (default: \(LabelModelTrainer.standard.commonWords))"),
        OptionSpec(name: "l2-words", value: "X", help: "L2 penalty on word-stem weights; 0 leaves word stems out (default: \(JSON.number(LabelModelTrainer.standard.l2Stems)))"),
        OptionSpec(name: "l2-vectors", value: "X", help: "L2 penalty on the mean-word-vector weights; 0 leaves word vectors out (default: \(JSON.number(LabelModelTrainer.standard.l2Vectors)))"),
    ]

    /// The trainer with `--l2` and `--balance` applied.
    static func trainer(_ a: ParsedArguments) throws(TillitError) -> LabelModelTrainer {
        var t = LabelModelTrainer.standard
        if let l = try a.number("l2", in: 0...100) { t.l2 = l }
        if let b = try a.number("balance", in: 0...1) { t.balance = b }
        if let s = try a.number("l2-words", in: 0...100) { t.l2Stems = s }
        if let v = try a.number("l2-vectors", in: 0...100) { t.l2Vectors = v }
        if let c = try a.number("common-words", in: 0...100_000) { t.commonWords = Int(c) }
        return t
    }

    /// `--gold FILE` and the files after it.
    static func goldPaths(_ a: ParsedArguments, verb: String) throws(TillitError) -> [String] {
        let golds = (a.value("gold").map { [$0] } ?? []) + a.positionals
        guard !golds.isEmpty else { throw .usage("\(verb): --gold FILE.tsv is required") }
        return golds
    }

    /// The coded passages of the gold files, in order.
    static func passages(_ golds: [String]) throws(TillitError) -> [Validation.Passage] {
        var passages: [Validation.Passage] = []
        for g in golds { passages += try Validation.readGold(path: g) }
        return passages
    }

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "train", synopsis: "--gold FILE.tsv [FILE.tsv...] -o MODEL [options]", specs: specs) else { return 0 }
        let golds = try goldPaths(a, verb: "train")
        guard let out = a.value("output") else { throw .usage("train: -o MODEL is required (where to write the model)") }
        let settings = try trainer(a)
        let passages = try passages(golds)
        let lexicon = try CLI.lexicon(a)
        let analyzer = Analyzer(lexicon: lexicon, options: ScoreOptions(unit: .document, repair: try a.choice("repair", RepairMode.self) ?? .auto))
        let scored = Validation.score(passages, analyzer: analyzer)
        let names = golds.map { $0.split(separator: "/").last.map(String.init) ?? $0 }
        let model = try settings.train(scored.map(\.table), stems: scored.map(\.allStems), vectorIDs: scored.map(\.allVectorIDs), labels: scored.map(\.passage.label),
                                         provenance: ["gold: \(names.joined(separator: ", ")) (\(passages.count) passages)", "lexicon: \(lexicon.source == "<embedded>" ? "embedded" : lexicon.source)"])
        let text = model.serialized()
        if out == "-" {
            let w = ByteWriter(); w.write(text); try w.finish()
        } else {
            try FileOutput.write(Array(text.utf8), to: out)
            let inSample = Validation(pairs: scored.map { ($0.passage.id, $0.passage.label, $0.decision(model).label) })
            CLI.printErr("tillit: wrote \(out): trained on \(passages.count) passages; in-sample macro-F1 \(JSON.format4(inSample.macroF1)) (optimistic: check with 'tillit validate --cv 5')")
        }
        return 0
    }
}
