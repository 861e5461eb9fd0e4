/// Measures repair against gold text on a folder of `NAME.gold.txt` files with OCR
/// siblings (`NAME.eng.txt`, `NAME.stripped.txt`, …), as `tillit eval repair` reports.
public struct RepairEvaluation: Sendable {
    /// One input kind's figures.
    public struct Row: Sendable {
        /// The sibling suffix (`eng`, `stripped`, `gold`).
        public var suffix: String
        /// Files compared.
        public var files: Int
        /// Gold words.
        public var words: Int
        /// Word errors before repair.
        public var errorsBefore: Int
        /// Word errors after repair.
        public var errorsAfter: Int
        /// Repairs applied.
        public var changes: Int
        /// Gold words that were right in the input and wrong after repair (over-corrections).
        public var broken = 0
        /// Gold words that were wrong in the input and right after repair.
        public var fixed = 0
        /// Gold words whose form is one of an ambiguous set, e.g. har/här, var/vår, man/män:
        /// forms that share their å/ä/ö-stripped spelling with another frequent form (the
        /// repair lexicon's context-model forms), compared in lowercase without punctuation.
        public var ambiguous = 0
        /// Of those, right before repair.
        public var ambiguousRightBefore = 0
        /// Of those, right after repair.
        public var ambiguousRightAfter = 0
        /// Words whose alignment was too large to trace (files over 40 million word pairs):
        /// they count in the word error rates but not in the figures above.
        public var untraced = 0
        /// Over-corrections per 1,000 gold words.
        public var brokenPerThousand: Double { words - untraced > 0 ? 1000 * Double(broken) / Double(words - untraced) : 0 }
        /// Accuracy on the ambiguous words before repair, in percent.
        public var ambiguousAccuracyBefore: Double { ambiguous > 0 ? 100 * Double(ambiguousRightBefore) / Double(ambiguous) : 0 }
        /// Accuracy on the ambiguous words after repair, in percent.
        public var ambiguousAccuracyAfter: Double { ambiguous > 0 ? 100 * Double(ambiguousRightAfter) / Double(ambiguous) : 0 }
        /// WER before, in percent.
        public var werBefore: Double { words > 0 ? 100 * Double(errorsBefore) / Double(words) : 0 }
        /// WER after, in percent.
        public var werAfter: Double { words > 0 ? 100 * Double(errorsAfter) / Double(words) : 0 }
    }

    /// Runs the evaluation. `only`/`exclude` filter document names (without suffix).
    /// - Throws: `.inputNotFound` or `.badData` when the folder has no gold files.
    public static func run(directory: String, suffixes: [String], repairer: Repairer, mode: RepairMode, minConfidence: Double,
                           only: Set<String>? = nil, exclude: Set<String> = []) throws(TillitError) -> [Row] {
        guard let names = FileInput.entries(of: directory) else { throw .inputNotFound(path: directory) }
        let stems = names.filter { $0.hasSuffix(".gold.txt") }.map { String($0.dropLast(9)) }.sorted()
            .filter { (only == nil || only!.contains($0)) && !exclude.contains($0) }
        guard !stems.isEmpty else { throw .badData(path: directory, reason: "no NAME.gold.txt files to evaluate against") }
        var rows: [Row] = []
        for suffix in suffixes {
            var row = Row(suffix: suffix, files: 0, words: 0, errorsBefore: 0, errorsAfter: 0, changes: 0)
            for stem in stems {
                let dir = directory.hasSuffix("/") ? directory : directory + "/"
                guard let goldBytes = try? FileInput.readAll(path: dir + stem + ".gold.txt"), let goldText = String(validating: goldBytes, as: UTF8.self),
                      let hypBytes = try? FileInput.readAll(path: dir + stem + "." + suffix + ".txt") else { continue }
                let gold = WordErrorRate.words(goldText)
                let decoded = (try? TextDecoder.decode(hypBytes, name: stem)) ?? DecodedText(bytes: hypBytes)
                let result = repairer.repair(text: decoded.bytes, mode: mode, minConfidence: minConfidence)
                let repaired = String(decoding: result.apply(to: decoded.bytes), as: UTF8.self)
                let before = WordErrorRate.words(decoded.string)
                let after = WordErrorRate.words(repaired)
                row.files += 1
                row.words += gold.count
                let alignedBefore = WordErrorRate.alignment(gold, before), alignedAfter = WordErrorRate.alignment(gold, after)
                row.errorsBefore += alignedBefore.distance
                row.errorsAfter += alignedAfter.distance
                row.changes += result.changes.count
                guard let rightBefore = alignedBefore.matched, let rightAfter = alignedAfter.matched else {
                    row.untraced += gold.count
                    continue
                }
                for (k, g) in gold.enumerated() {
                    if rightBefore[k] && !rightAfter[k] { row.broken += 1 }
                    if !rightBefore[k] && rightAfter[k] { row.fixed += 1 }
                    if repairer.isAmbiguousForm(g) {
                        row.ambiguous += 1
                        if rightBefore[k] { row.ambiguousRightBefore += 1 }
                        if rightAfter[k] { row.ambiguousRightAfter += 1 }
                    }
                }
            }
            rows.append(row)
        }
        return rows
    }
}
