/// Repairs one document fed in parts (as `DocumentStream` cuts it: at blank lines, else line
/// breaks), in memory bounded by a few parts whatever the document's length.
///
/// Each part is repaired with the end of the part before it and the start of the part after
/// it as neighbours, and with the decision context of its last token carried on, so the
/// changes are those of repairing the whole document at once when the parts are cut at blank
/// lines. Two things differ from a whole-document repair:
/// - the document-wide verdict (damaged or not, flattened, bare) is taken over the first
///   part, not over the first 4,000 words of the document's non-foreign paragraphs (the same
///   when the first part holds that many, as a 256 KB part of prose does);
/// - a paragraph cut in two (a part with no blank line in its upper half) is judged as two.
///
/// A part's result comes out one part late: `push` returns the part before the one given
/// (nil for the first), and `finish` the last one.
///
/// Cost: one tokenization of each part and one of a window of it with up to 4 KB on either
/// side; three parts are held at a time.
public final class RepairStream {
    /// One repaired part: its decoded text, where it starts in the document's input bytes,
    /// and its changes (offsets into `decoded.bytes`; token indices count from the start of
    /// the document).
    public struct Output {
        public let decoded: DecodedText
        public let baseOffset: Int
        public let result: RepairResult
        /// True for the document's last part.
        public let isLast: Bool
    }

    /// The size of the parts `tillit repair` reads (as `DocumentStream`'s default).
    public static let partSize = 256 << 10

    struct Part {
        let decoded: DecodedText
        let baseOffset: Int
        let tokens: [Token]
        /// Per paragraph: the byte where its first token starts, its verdict and its å/ä/ö
        /// share (`ParagraphDamage.shares`).
        let starts: [Int]
        let verdicts: [UInt8]
        let shares: [Float]
        var anyDamaged: Bool { verdicts.contains(2) }

        /// The verdict and share of the paragraph holding byte `b`.
        func verdict(at b: Int) -> (UInt8, Float) {
            var lo = 0, hi = starts.count - 1
            while lo < hi { let m = (lo + hi + 1) / 2; if starts[m] <= b { lo = m } else { hi = m - 1 } }
            return verdicts.isEmpty ? (0, 0) : (verdicts[lo], shares[lo])
        }
    }

    let repairer: Repairer
    let mode: RepairMode
    let minConfidence: Double
    /// Decisions by word type, started over past 100,000 types (a third of `RepairCache`'s
    /// default), so a long document of distinct text stays within 64 MiB.
    var cache = RepairCache(limit: 100_000)
    var document: ParagraphDamage.Document? = nil
    /// The paragraph layout of the document, found on its first part.
    var layout: ParagraphMode? = nil
    var previous: Part? = nil
    var current: Part? = nil
    var carry = RepairCarry()
    var tokenBase = 0
    /// Bytes of a neighbouring part taken into a part's window on either side.
    static let margin = 4096

    /// A stream for one document.
    public init(repairer: Repairer = .shared, mode: RepairMode = .auto, minConfidence: Double = 0.5) {
        self.repairer = repairer
        self.mode = mode
        self.minConfidence = minConfidence
    }

    /// Feeds the next part of the document; returns the part before it, repaired.
    public func push(_ decoded: DecodedText, baseOffset: Int) -> Output? {
        let part = judge(decoded, baseOffset: baseOffset)
        defer { previous = current; current = part }
        guard current != nil else { return nil }
        return repairCurrent(next: part, isLast: false)
    }

    /// Ends the document; returns its last part, repaired (nil when no part was pushed).
    public func finish() -> Output? {
        guard current != nil else { return nil }
        let out = repairCurrent(next: nil, isLast: true)
        previous = nil; current = nil
        return out
    }

    /// Decodes one part of a document from `DocumentStream` as a whole-document read would:
    /// the first part decides UTF-8 or Windows-1252 (`part.forceWindows1252` for the later
    /// ones), and a later part of only whitespace keeps its bytes.
    /// - Throws: `.emptyInput` for a document with no text, `.binaryData` for a part that
    ///   looks binary.
    public static func decode(_ part: DocumentPart) throws(TillitError) -> DecodedText {
        if part.forceWindows1252 {
            let (b, m) = Windows1252.transcode(part.bytes)
            return DecodedText(bytes: b, encoding: .windows1252, offsetMap: m)
        }
        do {
            return try TextDecoder.decode(part.bytes, name: part.id)
        } catch .emptyInput where !(part.part == 0 && part.isLast) {
            // whitespace between parts (a run of blank lines at a cut, or at the end)
            if TextDecoder.isValidUTF8(part.bytes) { return DecodedText(bytes: part.bytes) }
            let (b, m) = Windows1252.transcode(part.bytes)
            return DecodedText(bytes: b, encoding: .windows1252, offsetMap: m)
        }
    }

    /// Tokenizes a part and judges its paragraphs (the first part also sets the document's verdict).
    func judge(_ decoded: DecodedText, baseOffset: Int) -> Part {
        let mode = self.mode, repairer = self.repairer, document = self.document
        if layout == nil { layout = decoded.bytes.withUnsafeBufferPointer { Segmenter.layout($0, range: 0..<$0.count) } }
        let layout = self.layout
        let (tokens, damage) = decoded.bytes.withUnsafeBufferPointer { p -> ([Token], ParagraphDamage?) in
            var toks: [Token] = []
            Tokenizer.tokenize(p, range: 0..<p.count, into: &toks)
            HyphenJoiner.join(p, &toks)
            guard mode != .off else { return (toks, nil) }
            return (toks, ParagraphDamage(p, tokens: toks, repairer: repairer, mode: mode, document: document, layout: layout))
        }
        guard let damage else { return Part(decoded: decoded, baseOffset: baseOffset, tokens: tokens, starts: [0], verdicts: [0], shares: [0]) }
        if self.document == nil { self.document = damage.document }
        var starts: [Int] = []
        var first = 0
        for end in damage.ends {
            starts.append(first < tokens.count ? Int(tokens[first].start) : decoded.bytes.count)
            first = end
        }
        return Part(decoded: decoded, baseOffset: baseOffset, tokens: tokens, starts: starts, verdicts: damage.verdicts, shares: damage.shares)
    }

    /// Repairs `current` with the end of `previous` and the start of `next` as neighbours.
    func repairCurrent(next: Part?, isLast: Bool) -> Output {
        let cur = current!
        defer { tokenBase += cur.tokens.count }
        let rate = document?.rate ?? 0
        let looksDamaged = cur.anyDamaged
        // a part with nothing to repair passes the context of its last token on
        if mode == .off || !cur.anyDamaged {
            carry = cur.decoded.bytes.withUnsafeBufferPointer { carry.after($0, cur.tokens, cur.tokens.indices) }
            return Output(decoded: cur.decoded, baseOffset: cur.baseOffset, result: RepairResult(looksDamaged: looksDamaged, diacriticRate: rate), isLast: isLast)
        }
        // the window: up to `margin` bytes of the part before (from a word start) and after (to a word end)
        let m = RepairStream.margin
        var tail: ArraySlice<UInt8> = []
        if let prev = previous?.decoded.bytes, !prev.isEmpty {
            var s = max(prev.count - m, 1)
            while s < prev.count && !ByteClass.isSpace(prev[s - 1]) { s += 1 }
            tail = prev[s...]
        }
        var head: ArraySlice<UInt8> = []
        if let nb = next?.decoded.bytes, !nb.isEmpty {
            var e = min(m, nb.count)
            while e > 0 && e < nb.count && !ByteClass.isSpace(nb[e]) { e -= 1 }
            head = nb[..<e]
        }
        var window: [UInt8] = []
        window.reserveCapacity(tail.count + cur.decoded.bytes.count + head.count)
        window.append(contentsOf: tail)
        window.append(contentsOf: cur.decoded.bytes)
        window.append(contentsOf: head)
        let lo = tail.count, hi = tail.count + cur.decoded.bytes.count
        let tailStart = (previous?.decoded.bytes.count ?? 0) - tail.count
        let document = self.document!
        var edits: [RepairEdit] = []
        var changes: [RepairChange] = []
        window.withUnsafeBufferPointer { p in
            var toks: [Token] = []
            Tokenizer.tokenize(p, range: 0..<p.count, into: &toks)
            HyphenJoiner.join(p, &toks)
            // each window token takes the verdict of its paragraph in the part it comes from
            var ends: [Int] = [], verdicts: [UInt8] = [], shares: [Float] = []
            var coreFirst = toks.count, coreEnd = toks.count
            for (ti, t) in toks.enumerated() {
                let s = Int(t.start)
                let v: (UInt8, Float)
                if s < lo { v = previous!.verdict(at: tailStart + s) } else if s < hi {
                    if coreFirst == toks.count { coreFirst = ti }
                    v = cur.verdict(at: s - lo)
                } else {
                    if coreEnd == toks.count { coreEnd = ti }
                    v = next!.verdict(at: s - hi)
                }
                if let last = verdicts.last, last == v.0, shares.last == v.1 { ends[ends.count - 1] = ti + 1 } else { ends.append(ti + 1); verdicts.append(v.0); shares.append(v.1) }
            }
            if coreEnd < coreFirst { coreEnd = coreFirst }
            if ends.isEmpty { ends = [0]; verdicts = [0]; shares = [0] }
            let verdict = ParagraphDamage(ends: ends, verdicts: verdicts, shares: shares, document: document, perLine: layout == .line)
            repairer.decide(p, tokens: toks, verdict: verdict, range: coreFirst..<coreEnd, minConfidence: minConfidence,
                            carry: &carry, cache: &cache, into: &edits)
            changes = repairer.changes(edits, p, tokens: toks, cache: cache).map { c in
                var c = c
                c.offset -= lo
                c.tokenIndex = tokenBase + c.tokenIndex - coreFirst
                return c
            }
        }
        return Output(decoded: cur.decoded, baseOffset: cur.baseOffset, result: RepairResult(changes: changes, looksDamaged: looksDamaged, diacriticRate: rate), isLast: isLast)
    }
}
