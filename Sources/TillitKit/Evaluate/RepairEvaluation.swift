import Foundation

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
        /// WER before, in percent.
        public var werBefore: Double { words > 0 ? 100 * Double(errorsBefore) / Double(words) : 0 }
        /// WER after, in percent.
        public var werAfter: Double { words > 0 ? 100 * Double(errorsAfter) / Double(words) : 0 }
    }

    /// Runs the evaluation. `only`/`exclude` filter document names (without suffix).
    /// - Throws: `.inputNotFound` or `.badData` when the folder has no gold files.
    public static func run(directory: String, suffixes: [String], repairer: Repairer, mode: RepairMode, minConfidence: Double,
                           only: Set<String>? = nil, exclude: Set<String> = []) throws(TillitError) -> [Row] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { throw .inputNotFound(path: directory) }
        let stems = names.filter { $0.hasSuffix(".gold.txt") }.map { String($0.dropLast(9)) }.sorted()
            .filter { (only == nil || only!.contains($0)) && !exclude.contains($0) }
        guard !stems.isEmpty else { throw .badData(path: directory, reason: "no NAME.gold.txt files to evaluate against") }
        var rows: [Row] = []
        for suffix in suffixes {
            var row = Row(suffix: suffix, files: 0, words: 0, errorsBefore: 0, errorsAfter: 0, changes: 0)
            for stem in stems {
                let dir = directory.hasSuffix("/") ? directory : directory + "/"
                guard let goldText = try? String(contentsOfFile: dir + stem + ".gold.txt", encoding: .utf8),
                      let hypBytes = try? FileInput.readAll(path: dir + stem + "." + suffix + ".txt") else { continue }
                let gold = WordErrorRate.words(goldText)
                let decoded = (try? TextDecoder.decode(hypBytes, name: stem)) ?? DecodedText(bytes: hypBytes)
                let result = repairer.repair(text: decoded.bytes, mode: mode, minConfidence: minConfidence)
                let repaired = String(decoding: result.apply(to: decoded.bytes), as: UTF8.self)
                row.files += 1
                row.words += gold.count
                row.errorsBefore += WordErrorRate.distance(gold, WordErrorRate.words(decoded.string))
                row.errorsAfter += WordErrorRate.distance(gold, WordErrorRate.words(repaired))
                row.changes += result.changes.count
            }
            rows.append(row)
        }
        return rows
    }
}
