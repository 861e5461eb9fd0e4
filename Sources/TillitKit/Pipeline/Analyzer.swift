#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the pipeline on one document or part:
/// decode → segment → tokenize → repair → match → score.
///
/// Immutable and shareable across threads; per-thread state lives in `Analyzer.Scratch`.
/// Cost: linear in the bytes; one hash probe per word token once types are cached.
public final class Analyzer: Sendable {
    /// The compiled lexicon.
    public let matcher: LexiconMatcher
    /// The OCR repairer.
    public let repairer: Repairer
    /// Run settings.
    public let options: ScoreOptions

    /// Weight factor of a hit that only names the topic (codebook rule 4).
    public static let topicScale = 0.25

    /// Sublinear term frequency: the k-th hit of the same entry in a unit adds ln(k/(k−1))
    /// of the weight, so n hits sum to (1 + ln n) × weight.
    @inline(__always)
    public static func repeatFactor(_ k: Int) -> Double { k == 1 ? 1 : log(Double(k) / Double(k - 1)) }

    /// Per-thread reusable buffers.
    public struct Scratch {
        var tokens: [Token] = []
        var hits: [Hit] = []
        var cache = MatchCache()
        var repairCache = RepairCache()
        var edits: [RepairEdit] = []
        var overlay = RepairOverlay()
        public init() {}
    }

    public init(lexicon: GovernanceLexicon = .embedded, repairer: Repairer = .shared, options: ScoreOptions = ScoreOptions()) {
        self.matcher = LexiconMatcher(lexicon)
        self.repairer = repairer
        self.options = options
    }

    /// Scores a whole document given as text (convenience for library users and tests).
    public func score(text: String, id: String = "text") throws(TillitError) -> DocumentScore {
        var scratch = Scratch()
        return try score(DocumentPart(id: id, bytes: Array(text.utf8)), scratch: &scratch)
    }

    /// Scores one document part. Offsets in the result are relative to the whole document.
    /// A document with no text (empty, or only whitespace) gets one unit of kind `empty`
    /// (0 tokens, label N) and a warning.
    /// - Throws: `.binaryData` from decoding.
    public func score(_ part: DocumentPart, scratch: inout Scratch) throws(TillitError) -> DocumentScore {
        let decoded: DecodedText
        if part.forceWindows1252 {
            let (b, m) = Windows1252.transcode(part.bytes)
            decoded = DecodedText(bytes: b, encoding: .windows1252, offsetMap: m)
        } else {
            do {
                decoded = try TextDecoder.decode(part.bytes, name: part.id)
            } catch .emptyInput {
                decoded = DecodedText(bytes: [])  // an empty document, or a whitespace-only tail of a large one
            }
        }
        var warnings: [String] = []
        if decoded.bytes.isEmpty && part.part == 0 && part.isLast { warnings.append("\(part.id): no text (empty or only whitespace); one row with 0 tokens, label N") }
        if decoded.encoding == .windows1252 && part.part == 0 {
            warnings.append("\(part.id): not valid UTF-8; read as Windows-1252 (Latin-1)")
        } else if decoded.encoding == .windows1252 && !part.forceWindows1252 {
            // a later part of a file whose start was UTF-8: say where
            warnings.append("\(part.id): bytes \(part.baseOffset)–\(part.baseOffset + part.bytes.count) are not valid UTF-8; that part read as Windows-1252 (Latin-1)")
        }
        return decoded.bytes.withUnsafeBufferPointer { p in
            score(p, decoded: decoded, part: part, warnings: warnings, scratch: &scratch)
        }
    }

    func score(_ p: UnsafeBufferPointer<UInt8>, decoded: DecodedText, part: DocumentPart, warnings: [String], scratch: inout Scratch) -> DocumentScore {
        // 1. segment, and tokenize segment by segment
        var units: [(kind: String, range: Range<Int>, tokens: Range<Int>, scale: Double)] = []
        scratch.tokens.removeAll(keepingCapacity: true)
        if options.unit == .document {
            Tokenizer.tokenize(p, range: 0..<p.count, into: &scratch.tokens)
            HyphenJoiner.join(p, &scratch.tokens)
            units.append(("document", 0..<p.count, 0..<scratch.tokens.count, 1))
        } else {
            let paragraphs = options.paragraphs == .auto ? part.layout ?? .auto : options.paragraphs
            for seg in Segmenter.segments(p, range: 0..<p.count, paragraphs: paragraphs) {
                let scale = seg.kind == .heading ? options.headingScale : 1
                let ranges = options.unit == .sentence ? Segmenter.sentences(p, in: seg.range) : [seg.range]
                for r in ranges {
                    let t0 = scratch.tokens.count
                    Tokenizer.tokenize(p, range: r, into: &scratch.tokens)
                    HyphenJoiner.join(p, &scratch.tokens, from: t0)
                    units.append((options.unit == .sentence ? "sentence" : seg.kind.rawValue, r, t0..<scratch.tokens.count, scale))
                }
            }
        }
        if units.isEmpty && part.part == 0 && part.isLast { units.append(("empty", 0..<0, 0..<0, 1)) }  // every input yields a row
        // 2. repair
        scratch.edits.removeAll(keepingCapacity: true)
        var damaged = false
        if options.repair != .off {
            damaged = repairer.edits(p, tokens: scratch.tokens, mode: options.repair, minConfidence: options.minConfidence,
                                     cache: &scratch.repairCache, into: &scratch.edits).damaged
        }
        var overlay: RepairOverlay? = nil
        if !scratch.edits.isEmpty {
            repairer.fill(&scratch.overlay, edits: scratch.edits, tokens: scratch.tokens.count, cache: scratch.repairCache)
            overlay = scratch.overlay
        }
        // 3. match and score per unit
        var docTable = ScoreTable()
        var outUnits: [UnitScore] = []
        outUnits.reserveCapacity(units.count)
        var hitCount = 0
        let entries = matcher.lexicon.entries
        // a document read in parts: the first part hands merge its entry counts, later parts
        // their raw hits (merge re-weighs those)
        let keepCounts = options.unit == .document && part.part == 0 && !part.isLast
        let keepHits = options.unit == .document && part.part > 0
        var pending: [PendingHit] = []
        var entryCounts: [Int32: Int] = [:]
        for (i, u) in units.enumerated() {
            scratch.hits.removeAll(keepingCapacity: true)
            matcher.match(p, tokens: scratch.tokens, range: u.tokens, cache: &scratch.cache, replacements: overlay, into: &scratch.hits)
            var table = ScoreTable()
            var seen: [Int32: Int] = [:]
            var weights: [Double] = []
            weights.reserveCapacity(scratch.hits.count)
            for h in scratch.hits {
                let k = (seen[h.entry] ?? 0) + 1
                seen[h.entry] = k
                let scale = u.scale * (h.modifier == .topic ? Analyzer.topicScale : 1)
                let w = scale * Analyzer.repeatFactor(k)
                if keepHits { pending.append(PendingHit(entry: h.entry, pole: h.pole, scale: scale)) }
                weights.append(w)
                table.add(entries[Int(h.entry)], pole: h.pole, scale: w)
            }
            hitCount += scratch.hits.count
            if keepCounts { entryCounts = seen }
            docTable.merge(table)
            var ev: [Evidence] = []
            if options.evidence {
                ev = zip(scratch.hits, weights).map { h, w in
                    let e = entries[Int(h.entry)]
                    let s = decoded.originalOffset(Int(h.start))
                    let end = decoded.originalOffset(Int(h.end))
                    let rep = overlay?.key(for: Int(h.tokenIndex)).map { String(decoding: $0, as: UTF8.self) }
                    return Evidence(offset: part.baseOffset + s, length: end - s,
                                    surface: String(decoding: UnsafeBufferPointer(rebasing: p[Int(h.start)..<Int(h.end)]), as: UTF8.self),
                                    repaired: rep, pattern: e.pattern, lexiconLine: e.line, dimensions: e.dimensions,
                                    entryPole: e.pole, pole: h.pole, modifier: h.modifier, weight: e.weight * w)
                }
            }
            let s = decoded.originalOffset(u.range.lowerBound)
            let e = decoded.originalOffset(u.range.upperBound)
            outUnits.append(UnitScore(index: i, kind: u.kind, offset: part.baseOffset + s, length: e - s, tokens: u.tokens.count,
                                      table: table, label: options.labelRule.label(table), hits: ev,
                                      words: scratch.cache.lastWordCount,
                                      entries: options.entryHits ? scratch.hits.map(\.entry) : [],
                                      preview: options.previews ? Analyzer.preview(p, u.range) : nil))
        }
        if options.texts || options.charOffsets { Analyzer.addTextFields(&outUnits, units.map(\.range), p, decoded: decoded, part: part, options: options,
                                                                         changes: options.texts && !scratch.edits.isEmpty ? repairer.changes(scratch.edits, p, tokens: scratch.tokens, cache: scratch.repairCache) : []) }
        var changes: [RepairChange] = []
        if options.keepChanges {
            changes = repairer.changes(scratch.edits, p, tokens: scratch.tokens, cache: scratch.repairCache).map { c in
                var c = c
                let s = decoded.originalOffset(c.offset)
                c.length = decoded.originalOffset(c.offset + c.length) - s
                c.offset = part.baseOffset + s
                return c
            }
        }
        return DocumentScore(id: part.id, encoding: decoded.encoding, bytes: part.bytes.count, tokens: scratch.tokens.count, table: docTable,
                             label: options.labelRule.label(docTable), units: outUnits, changes: changes, repairCount: scratch.edits.count,
                             looksDamaged: damaged, hitCount: hitCount, warnings: warnings,
                             pendingHits: pending, entryCounts: entryCounts)
    }

    /// Sets `text` (with the repair `changes` spliced in, offsets in `p`) and the Unicode scalar
    /// offsets of each unit, whose ranges in `p` are `ranges`. Cost: O(bytes of the part).
    static func addTextFields(_ units: inout [UnitScore], _ ranges: [Range<Int>], _ p: UnsafeBufferPointer<UInt8>, decoded: DecodedText,
                              part: DocumentPart, options: ScoreOptions, changes: [RepairChange]) {
        var c = 0
        // scalars of the original bytes up to an offset, walked forward (units come in order)
        var cursor = part.part == 0 ? decoded.prefixSkipped : 0
        var scalars = part.baseScalarOffset
        func scalarOffset(_ original: Int) -> Int {
            let end = min(original, part.bytes.count)
            if decoded.encoding == .windows1252 { return part.baseScalarOffset + end - (part.part == 0 ? decoded.prefixSkipped : 0) }
            if end < cursor {   // a document unit spans the part: start again
                cursor = part.part == 0 ? decoded.prefixSkipped : 0
                scalars = part.baseScalarOffset
            }
            while cursor < end { if part.bytes[cursor] & 0xC0 != 0x80 { scalars += 1 }; cursor += 1 }
            return scalars
        }
        for (i, r) in ranges.enumerated() where i < units.count {
            if options.charOffsets {
                let s = scalarOffset(units[i].offset - part.baseOffset)
                units[i].charOffset = s
                units[i].charLength = scalarOffset(units[i].offset + units[i].length - part.baseOffset) - s
            }
            guard options.texts else { continue }
            while c < changes.count && changes[c].offset < r.lowerBound { c += 1 }
            var bytes: [UInt8] = []
            var at = r.lowerBound
            var k = c
            while k < changes.count && changes[k].offset + changes[k].length <= r.upperBound {
                bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[at..<changes[k].offset]))
                bytes.append(contentsOf: changes[k].replacement.utf8)
                at = changes[k].offset + changes[k].length
                k += 1
            }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: p[at..<r.upperBound]))
            units[i].text = String(decoding: bytes, as: UTF8.self)
        }
    }

    /// Up to 60 characters of `range`, whitespace collapsed.
    static func preview(_ p: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> String {
        let s = String(decoding: UnsafeBufferPointer(rebasing: p[range.lowerBound..<min(range.upperBound, range.lowerBound + 240)]), as: UTF8.self)
        let words = s.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }).joined(separator: " ")
        return words.count > 60 ? String(words.prefix(59)) + "…" : words
    }

    /// Folds a later part of the same document into `into` (tables add; units renumber).
    public func merge(_ next: DocumentScore, into acc: inout DocumentScore) {
        acc.bytes += next.bytes
        acc.tokens += next.tokens
        acc.repairCount += next.repairCount
        acc.looksDamaged = acc.looksDamaged || next.looksDamaged
        acc.hitCount += next.hitCount
        acc.changes.append(contentsOf: next.changes)
        acc.warnings.append(contentsOf: next.warnings)
        if options.unit == .document, var u = acc.units.first, var n = next.units.first {
            // the part's hits weighed as if the document had been read whole (parts scored
            // by this analyzer carry them; others keep their own table)
            let table = next.pendingHits.isEmpty ? next.table : reweigh(next.pendingHits, counts: &acc.entryCounts, evidence: &n.hits)
            acc.table.merge(table)
            u.table.merge(table)
            u.tokens += n.tokens
            u.words += n.words
            u.entries.append(contentsOf: n.entries)
            u.length = n.offset + n.length - u.offset
            u.charLength = n.charOffset + n.charLength - u.charOffset
            if let t = n.text { u.text = (u.text ?? "") + t }
            u.hits.append(contentsOf: n.hits)
            u.label = options.labelRule.label(u.table)
            acc.units = [u]
        } else {
            acc.table.merge(next.table)
            let base = acc.units.count
            acc.units.append(contentsOf: next.units.map { var u = $0; u.index += base; return u })
        }
        acc.label = options.labelRule.label(acc.table)
    }

    /// The table of a later part's hits, each weighed by its entry's count over the document so
    /// far (the k-th hit of an entry adds `repeatFactor(k)` of its weight), which `counts`
    /// carries from part to part; evidence weights (same order as the hits) are set to match.
    /// Cost: O(hits + lexicon entries).
    func reweigh(_ hits: [PendingHit], counts: inout [Int32: Int], evidence: inout [Evidence]) -> ScoreTable {
        var table = ScoreTable()
        let entries = matcher.lexicon.entries
        // counts per entry in an array while the hits are walked, back in the dictionary after
        var n = [Int](repeating: 0, count: entries.count)
        for (e, k) in counts { n[Int(e)] = k }
        for (i, h) in hits.enumerated() {
            n[Int(h.entry)] += 1
            let w = h.scale * Analyzer.repeatFactor(n[Int(h.entry)])
            table.add(entries[Int(h.entry)], pole: h.pole, scale: w)
            if i < evidence.count { evidence[i].weight = entries[Int(h.entry)].weight * w }
        }
        for (e, k) in n.enumerated() where k > 0 { counts[Int32(e)] = k }
        return table
    }
}

