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
        self.matcher = LexiconMatcher(lexicon, vocabulary: options.model.vocabulary, wordVectors: options.model.wordVectors)
        self.repairer = repairer
        self.options = options
        self.readsStems = true
        self.vectorLogits = VectorLogits(model: options.model)
    }

    /// An analyzer over an already compiled matcher (no compilation cost). Its vocabulary
    /// must be `options.model.vocabulary` for the model's word stems to be read.
    public init(matcher: LexiconMatcher, repairer: Repairer, options: ScoreOptions) {
        self.matcher = matcher
        self.repairer = repairer
        self.options = options
        self.readsStems = matcher.vocabulary == options.model.vocabulary
        self.vectorLogits = matcher.wordVectors != nil ? VectorLogits(model: options.model) : nil
    }

    /// The model's word-vector weights folded per word (nil for a model without vectors).
    let vectorLogits: VectorLogits?

    /// True when the matcher's stem ids are the model's (else the model reads no word stems).
    let readsStems: Bool

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
                decoded = try TextDecoder.decode(part.bytes, name: part.id, checkBinary: !part.binaryChecked)
            } catch .emptyInput {
                decoded = DecodedText(bytes: [])  // an empty document, or a whitespace-only tail of a large one
            } catch {
                throw part.attributed(error)
            }
        }
        var warnings: [String] = []
        if decoded.bytes.isEmpty && part.part == 0 && part.isLast { warnings.append("\(part.describedID): no text (empty or only whitespace); one row with 0 tokens, label N") }
        if decoded.encoding == .windows1252 && part.part == 0 {
            warnings.append("\(part.id): not valid UTF-8; read as Windows-1252 (Latin-1)")
        } else if decoded.encoding == .windows1252 && !part.forceWindows1252 {
            // a later part of a file whose start was UTF-8: say where
            warnings.append("\(part.id): bytes \(part.baseOffset)–\(part.baseOffset + part.bytes.count) are not valid UTF-8; that part read as Windows-1252 (Latin-1)")
        } else if decoded.encoding == .utf8WithWindows1252 {
            warnings.append("\(part.id): \(Analyzer.strayDescription(decoded.strayBytes, part: part))")
        }
        return decoded.bytes.withUnsafeBufferPointer { p in
            score(p, decoded: decoded, part: part, warnings: warnings, scratch: &scratch)
        }
    }

    /// The warning for a part of a UTF-8 text whose `stray` bytes were read as Windows-1252
    /// (`SourceEncoding.utf8WithWindows1252`), without the path: how many, and where when the
    /// document is read in several parts.
    public static func strayDescription(_ stray: Int, part: DocumentPart) -> String {
        let place = part.part == 0 && part.isLast ? "" : " (bytes \(part.baseOffset)–\(part.baseOffset + part.bytes.count))"
        return "\(stray == 1 ? "1 byte is" : "\(stray) bytes are") not valid UTF-8\(place); read as Windows-1252 (Latin-1) one by one, the rest as UTF-8"
    }

    func score(_ p: UnsafeBufferPointer<UInt8>, decoded: DecodedText, part: DocumentPart, warnings: [String], scratch: inout Scratch) -> DocumentScore {
        // 1. segment, and tokenize segment by segment (a document is labelled from its passages)
        var units: [(kind: String, range: Range<Int>, tokens: Range<Int>, scale: Double)] = []
        scratch.tokens.removeAll(keepingCapacity: true)
        // the text's own layout, found once: the segmenter reads it (for --paragraphs auto, in
        // a document's first or only part) and so does the damage check (per part)
        let needsLayout = (options.paragraphs == .auto && part.layout == nil) || options.repair != .off
        let textLayout: ParagraphMode? = needsLayout ? Segmenter.layout(p, range: 0..<p.count) : nil
        let paragraphs = options.paragraphs == .auto ? part.layout ?? textLayout ?? .auto : options.paragraphs
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
        if units.isEmpty && part.part == 0 && part.isLast { units.append(("empty", 0..<0, 0..<0, 1)) }  // every input yields a row
        // 2. repair
        scratch.edits.removeAll(keepingCapacity: true)
        var damaged = false
        if options.repair != .off {
            damaged = repairer.edits(p, tokens: scratch.tokens, mode: options.repair, minConfidence: options.minConfidence,
                                     cache: &scratch.repairCache, into: &scratch.edits, layout: textLayout).damaged
        }
        var overlay: RepairOverlay? = nil
        if !scratch.edits.isEmpty {
            repairer.fill(&scratch.overlay, edits: scratch.edits, tokens: scratch.tokens.count, cache: scratch.repairCache)
            overlay = scratch.overlay
        }
        // 3. match, fill the table and label per unit
        var docTable = ScoreTable()
        var passages = PassageCounts()
        var outUnits: [UnitScore] = []
        outUnits.reserveCapacity(units.count)
        var hitCount = 0
        let entries = matcher.lexicon.entries
        let keepStems = options.keepStems
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
                if k == 1 { if h.pole == .K { table.kEntries += 1 } else { table.tEntries += 1 } }
                let scale = u.scale * (h.modifier == .topic ? Analyzer.topicScale : 1)
                let w = scale * Analyzer.repeatFactor(k)
                weights.append(w)
                table.add(entries[Int(h.entry)], pole: h.pole, scale: w, modifier: h.modifier, framed: h.framed)
            }
            table.words = scratch.cache.lastWordCount
            table.frames = scratch.cache.lastFrameCount
            hitCount += scratch.hits.count
            docTable.merge(table)
            let decision = options.model.decide(table, stems: readsStems ? scratch.cache.unitStems : [], vectorIDs: scratch.cache.unitVectorIDs,
                                                vectorLogits: vectorLogits)
            let stems = keepStems ? scratch.cache.unitStems.map { matcher.vocabulary[Int($0)] } : []
            passages.add(decision)
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
                                      table: table, decision: decision, hits: ev,
                                      words: table.words,
                                      entries: options.entryHits ? scratch.hits.map(\.entry) : [],
                                      preview: options.previews ? Analyzer.preview(p, u.range) : nil, stems: stems,
                                      vectorIDs: keepStems ? scratch.cache.unitVectorIDs : []))
        }
        if options.unit == .document {
            // one unit: the summed table, labelled from its passages
            let first = outUnits.first, last = outUnits.last
            let offset = first?.offset ?? part.baseOffset
            var doc = UnitScore(index: 0, kind: "document", offset: offset, length: (last.map { $0.offset + $0.length } ?? offset) - offset,
                                tokens: scratch.tokens.count, table: docTable, decision: passages.decision, hits: outUnits.flatMap(\.hits),
                                words: docTable.words, entries: outUnits.flatMap(\.entries),
                                preview: options.previews ? Analyzer.preview(p, 0..<p.count) : nil)
            doc.passages = passages
            outUnits = [doc]
        }
        let unitRanges = options.unit == .document ? [(units.first?.range.lowerBound ?? 0)..<(units.last?.range.upperBound ?? 0)] : units.map(\.range)
        if options.texts || options.charOffsets { Analyzer.addTextFields(&outUnits, unitRanges, p, decoded: decoded, part: part, options: options,
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
                             passages: passages, units: outUnits, changes: changes, repairCount: scratch.edits.count,
                             looksDamaged: damaged, hitCount: hitCount, warnings: warnings)
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
            if decoded.encoding == .utf8WithWindows1252 {
                // a valid sequence is one scalar, a stray byte (read as Windows-1252) is one
                let walked = part.bytes.withUnsafeBufferPointer { Windows1252.scalarCount($0, from: cursor, to: end) }
                cursor = walked.end
                scalars += walked.scalars
                return scalars
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

    /// Folds a later part of the same document into `into`: tables and passage counts add,
    /// units renumber (for `--unit document` the one unit grows). A document read in parts
    /// gets the label it would get read whole, as long as no paragraph straddles a cut.
    public func merge(_ next: DocumentScore, into acc: inout DocumentScore) {
        acc.bytes += next.bytes
        acc.tokens += next.tokens
        acc.repairCount += next.repairCount
        acc.looksDamaged = acc.looksDamaged || next.looksDamaged
        acc.hitCount += next.hitCount
        acc.changes.append(contentsOf: next.changes)
        acc.warnings.append(contentsOf: next.warnings)
        acc.table.merge(next.table)
        acc.passages.merge(next.passages)
        if options.unit == .document, var u = acc.units.first, let n = next.units.first {
            u.table.merge(n.table)
            u.tokens += n.tokens
            u.words += n.words
            u.entries.append(contentsOf: n.entries)
            u.length = n.offset + n.length - u.offset
            u.charLength = n.charOffset + n.charLength - u.charOffset
            if let t = n.text { u.text = (u.text ?? "") + t }
            u.hits.append(contentsOf: n.hits)
            u.passages.merge(n.passages)
            u.decision = u.passages.decision
            acc.units = [u]
        } else {
            let base = acc.units.count
            acc.units.append(contentsOf: next.units.map { var u = $0; u.index += base; return u })
        }
    }
}
