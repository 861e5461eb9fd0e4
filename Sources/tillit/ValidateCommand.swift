import TillitKit

/// `tillit validate --gold FILE.tsv...`: agreement with human codes, in sample or by grouped
/// cross-validation.
enum ValidateCommand {
    static let specs: [OptionSpec] = [
        OptionSpec(name: "gold", value: "FILE", help: "TSV with columns id, label (K/T/B/N), text (and source); more files may follow"),
        OptionSpec(name: "cv", value: "K", help: "grouped K-fold cross-validation: train on K-1 folds, label the held-out one (folds split by source)"),
        OptionSpec(name: "seed", value: "N", help: "with --cv: deal equal-sized source groups to folds in an order drawn from N (default: 0, by name)"),
        OptionSpec(name: "train-also", value: "FILE", help: "with --cv: coded passages (TSV as --gold) added to every fold's training and never labelled; their sources must differ from the gold's"),
        OptionSpec(name: "train-share", value: "X", help: "with --cv: train each fold on this share (0…1) of the other folds' source groups, a point of a learning curve (default: 1)"),
        OptionSpec(name: "model", value: "FILE", help: "label model from 'tillit train' (default: embedded)"),
        OptionSpec(name: "repair", value: "MODE", help: "auto|on|off (default: auto)"),
        OptionSpec(name: "lexicon", value: "FILE", help: "lexicon file (default: embedded)"),
        OptionSpec(name: "features", value: "FILE", help: "also write each passage's evidence features, mean word vector, stems and evidence as a TSV (the design matrix)"),
        OptionSpec(name: "errors", value: nil, help: "print each disagreement: text, gold, predicted, probability, reasons and evidence"),
        OptionSpec(name: "l2", value: "X", help: "with --cv: L2 penalty of the models trained (default: \(JSON.number(LabelModelTrainer.standard.l2)))"),
        OptionSpec(name: "balance", value: "X", help: "with --cv: class weighting 0…1 (default: \(JSON.number(LabelModelTrainer.standard.balance)))"),
        OptionSpec(name: "common-words", value: "N", help: "with --cv: the N commonest Swedish words give no word stem (default: \(LabelModelTrainer.standard.commonWords))"),
        OptionSpec(name: "l2-words", value: "X", help: "with --cv: L2 penalty on word-stem weights; 0 leaves them out (default: \(JSON.number(LabelModelTrainer.standard.l2Stems)))"),
        OptionSpec(name: "l2-vectors", value: "X", help: "with --cv: L2 penalty on the mean-word-vector weights; 0 leaves word vectors out (default: \(JSON.number(LabelModelTrainer.standard.l2Vectors)))"),
    ]

    static func run(_ args: [String]) throws(TillitError) -> Int32 {
        guard let a = try CLI.parse(args, verb: "validate", synopsis: "--gold FILE.tsv [FILE.tsv...] [--cv K] [options]", specs: specs) else { return 0 }
        // options first: a usage error costs no scoring
        let golds = try TrainCommand.goldPaths(a, verb: "validate")
        var folds: Int? = nil, seed: UInt64 = 0
        if let c = a.value("cv") {
            guard let k = Int(c), k >= 2, k <= 100 else { throw .usage("--cv: expected a whole number of folds 2…100, got '\(c)'") }
            if a.value("model") != nil { throw .usage("validate: --cv trains its own models; it cannot be combined with --model") }
            folds = k
        }
        if let sv = a.value("seed") { guard let n = UInt64(sv) else { throw .usage("--seed: expected a whole number, got '\(sv)'") }; seed = n }
        var share = 1.0
        if let v = a.value("train-share") {
            guard let x = Double(v), x > 0, x <= 1 else { throw .usage("--train-share: expected a share above 0 and at most 1, got '\(v)'") }
            guard folds != nil else { throw .usage("validate: --train-share needs --cv") }
            share = x
        }
        let trainer = try TrainCommand.trainer(a)
        let passages = try TrainCommand.passages(golds)
        var options = ScoreOptions(unit: .document, repair: try a.choice("repair", RepairMode.self) ?? .auto)
        if let m = a.value("model") { options.model = try LabelModel.load(path: m) }
        let analyzer = Analyzer(lexicon: try CLI.lexicon(a), options: options)
        let scored = Validation.score(passages, analyzer: analyzer)
        var extra: [Validation.Scored] = []
        if let also = a.value("train-also") {
            guard folds != nil else { throw .usage("validate: --train-also needs --cv") }
            extra = Validation.score(try Validation.readGold(path: also), analyzer: analyzer)
        }
        if let path = a.value("features") { try FileOutput.write(Array(FeatureTable.render(scored).utf8), to: path) }
        let v: Validation
        let decisions: [LabelDecision]
        let header: String
        if let k = folds {
            (v, decisions) = try Validation.crossValidate(scored, k: k, trainer: trainer, seed: seed, trainingShare: share, alsoTrain: extra)
            let groupSet = Set(passages.map(\.group))
            let groups = groupSet.count
            // the share is drawn per group (nested as it grows): the groups drawn are named, for with few groups the draw may be far from the share
            let drawn = groupSet.filter { Validation.inTrainingShare($0, share: share, seed: seed) }.count
            header = "grouped \(k)-fold cross-validation: \(passages.count) passages in \(groups) source groups; each passage labelled by a model trained without its group\(share < 1 ? " on \(JSON.number(share * 100))% of the other groups (drawn per group: \(drawn) of the \(groups) groups are in the training share)" : "")\(extra.isEmpty ? "" : " and on \(extra.count) training-only passages") (l2 \(JSON.number(trainer.l2)), balance \(JSON.number(trainer.balance)), word stems l2 \(JSON.number(trainer.l2Stems)), word vectors l2 \(JSON.number(trainer.l2Vectors)))\n"
        } else {
            decisions = scored.map { $0.decision(options.model) }
            v = Validation(pairs: zip(scored, decisions).map { ($0.passage.id, $0.passage.label, $1.label) })
            let src = a.value("model") ?? "the embedded model"
            header = "labels by \(src) on \(passages.count) passages (in sample if the model was trained on them; the embedded model was trained on the 464 coded passages of the project's dev gold, which are not distributed: docs/EVALUATION.md)\n"
        }
        var text = header + "\n" + v.render()
        if a.has("errors") {
            text += "\ndisagreements\n"
            for (i, s) in scored.enumerated() where v.pairs[i].gold != v.pairs[i].predicted {
                let d = decisions[i]
                text += ("\n\(s.passage.id)  gold \(s.passage.label.rawValue)  predicted \(d.label.rawValue) (p \(JSON.format4(d.probability)))  source \(s.passage.group)\n")
                text += "  text: \(s.passage.text)\n"
                if !d.reasons.isEmpty { text += "  reasons: " + d.reasons.map { "\($0.feature) = \(JSON.format4($0.value)) (\($0.effect >= 0 ? "+" : "")\(JSON.format4($0.effect)))" }.joined(separator: "; ") + "\n" }
                let ev = s.evidence.map { e in "\(e.surface)→\(e.pattern) [\(e.pole.rawValue)\(e.modifier == .none ? "" : ", " + e.modifier.name)]" }
                text += "  evidence: " + (ev.isEmpty ? "none" : ev.joined(separator: "; ")) + "\n"
            }
        }
        let out = ByteWriter()
        out.write(text)
        try out.finish()
        return 0
    }
}
