/// Damage and language decided per paragraph (a run of text between blank lines), so that
/// one foreign-language stretch in a clean Swedish file is neither changed (`droit` is not
/// `oroat`) nor makes the Swedish around it look damaged (`lag`, `nr` stay).
///
/// - A paragraph of six or more words, with few å/ä/ö, whose French, German or English
///   function words are at least 5% of its words and more than twice its Swedish ones
///   (`och`, `att`, `som`, …, spelled alike with or without å/ä/ö) is foreign: repair leaves
///   it alone, in every mode, and it does not count towards the document's verdict.
/// - The document's verdict (`Repairer.assess`'s rule) is taken over the other paragraphs.
/// - A paragraph of `ownVerdictWords` words or more decides for itself where its share of
///   å/ä/ö words is clear: under half the damaged rate, it is damaged (a damaged page in a
///   clean file); at 1.5 times that rate or more, with no OCR stand-ins, it is clean. In a
///   text with one paragraph per line (`Segmenter.layout`), every line is a paragraph, and a
///   line is never damaged by its own share alone: in the clean 65 MB Riksdag and statute
///   corpus, such lines are Norwegian, Danish or French (`skal` → `skäl`, `demander`). In real
///   OCR of ocr/dev and ocr/riksdag-dev every such paragraph is under 4%; in their gold text
///   one in 450 is under 8%. Others follow the document.
///
/// Cost: one pass over the word tokens (the byte flags `assess` reads) and, for paragraphs
/// with few å/ä/ö, up to 60 function-word probes each.
struct ParagraphDamage {
    /// Per paragraph: one past its last token index.
    var ends: [Int] = []
    /// Per paragraph: 0 leave alone (foreign, or clean in auto mode: not even its unknown
    /// words change, as in a clean document), 2 damaged.
    var verdicts: [UInt8] = []
    /// Per paragraph: the share of its words that hold å/ä/ö, where it has `ownVerdictWords`
    /// words or more, else the document's (`rate`). Repair weighs a word's loss of its å/ä/ö
    /// by how far this falls short of clean text's share (`Repairer.lossPrior`).
    var shares: [Float] = []
    /// Whether the document (its non-foreign paragraphs) looks damaged, its å/ä/ö share, and
    /// whether its damage looks flattened, and flattened with no OCR stand-in.
    var detected = false, rate = 0.0, flattened = false, bare = false
    /// Whether the text is laid out with one paragraph per line (`Segmenter.layout`).
    var perLine = false

    /// Words a text needs before the absence of OCR stand-ins says that no letter was misread
    /// (`bare`): English-model OCR writes one in 50–140 words, so a short OCR sentence often
    /// has none.
    static let bareWords = 100

    /// Words a paragraph needs before its own share of å/ä/ö overrides the document's verdict.
    static let ownVerdictWords = 30

    /// The document-wide part of a verdict: whether the document looks damaged, its å/ä/ö
    /// share, and whether its damage looks flattened (and bare).
    struct Document {
        var detected: Bool, rate: Double, flattened: Bool, bare: Bool
    }

    /// This verdict's document-wide part.
    var document: Document { Document(detected: detected, rate: rate, flattened: flattened, bare: bare) }

    /// Verdicts given outright: one per paragraph ending before token index `ends[k]`, with
    /// its å/ä/ö share.
    init(ends: [Int], verdicts: [UInt8], shares: [Float], document d: Document, perLine: Bool = false) {
        self.perLine = perLine
        self.ends = ends
        self.verdicts = verdicts
        self.shares = shares
        detected = d.detected; rate = d.rate; flattened = d.flattened; bare = d.bare
    }

    /// Splits `tokens` into paragraphs and judges each (see the type's comment). With
    /// `document`, the document-wide verdict is that one (a later part of a document read in
    /// parts follows its first part) instead of one taken over these tokens.
    ///
    /// `layout`: how the text marks its paragraphs (nil: `Segmenter.layout` decides from the
    /// text). In a text with one paragraph per line every line is a paragraph, so an English
    /// line among Swedish ones (a treaty in two languages) is left alone on its own.
    ///
    /// `clean`: the caller only needs the verdicts when some paragraph is damaged (it leaves a
    /// clean text alone). In auto mode, a text with one paragraph per line whose sample shows
    /// no damage has no damaged line (a line never switches repair on alone), so the lines past
    /// twice the sample are not counted: they form one last paragraph, left alone. Where the
    /// sample shows damage, every line is counted as without `clean`. Whether any paragraph is
    /// damaged, the rate and the document's verdict are those of a full count either way.
    init(_ p: UnsafeBufferPointer<UInt8>, tokens: [Token], repairer: Repairer, mode: RepairMode, sample: Int = 4000, document: Document? = nil,
         layout: ParagraphMode? = nil, clean: Bool = false) {
        let lineLayout = layout ?? Segmenter.layout(p, range: 0..<p.count)
        let perLine = lineLayout == .line
        self.perLine = perLine
        // the paragraphs counted stop at a paragraph end past this many words (see `clean`)
        let wordLimit = clean && perLine && mode == .auto && document == nil ? 2 * sample : Int.max
        var counted = 0, cutAt = -1
        // per paragraph: words, marked, suspicious, acute, first token
        var counts: [(words: Int, marked: Int, suspicious: Int, acute: Int, first: Int)] = []
        var cur = (words: 0, marked: 0, suspicious: 0, acute: 0, first: 0)
        Repairer.assessFlags.withUnsafeBufferPointer { flags in
            for ti in tokens.indices {
                let t = tokens[ti]
                if ti > 0 && (perLine ? ParagraphDamage.lineBreakBetween(p, Int(tokens[ti - 1].end), Int(t.start))
                                      : ParagraphDamage.blankLineBetween(p, Int(tokens[ti - 1].end), Int(t.start))) {
                    counts.append(cur); ends.append(ti)
                    counted += cur.words
                    cur = (0, 0, 0, 0, ti)
                    if counted >= wordLimit { cutAt = ti; break }
                }
                guard t.kind == .word && t.length >= 2 else { continue }
                cur.words += 1
                let acc = Repairer.assessFlags(p, t, flags)
                if acc & 2 != 0 && !Repairer.isCode(p, t) { cur.suspicious += 1 }
                if acc & 1 != 0 {
                    var i = Int(t.start)
                    let e = Int(t.end) - 1
                    while i < e {
                        if p[i] == 0xC3 {
                            let c = p[i + 1]
                            if c == 0xA9 { cur.acute += 1 }
                            if c == 0xA5 || c == 0xA4 || c == 0xB6 || c == 0x85 || c == 0x84 || c == 0x96 { cur.marked += 1; break }
                        }
                        i += 1
                    }
                }
            }
        }
        if cutAt < 0 { counts.append(cur); ends.append(tokens.count) }
        let damagedRate = repairer.damagedRate
        // foreign paragraphs
        var foreign = [Bool](repeating: false, count: counts.count)
        let functionWords = Repairer.functionWords
        for k in counts.indices {
            let c = counts[k]
            guard c.words >= 6, Double(c.marked) < 2 * damagedRate * Double(c.words) else { continue }
            var seen = 0, other = 0, swedish = 0
            for ti in c.first..<ends[k] {
                let t = tokens[ti]
                guard t.kind == .word && t.length >= 2 else { continue }
                seen += 1
                if t.length <= 6, let key = Repairer.shortKey(p, t) {
                    switch functionWords.language(of: key) {
                    case 1, 3: other += 1
                    case 2: swedish += 1
                    default: break
                    }
                }
                if seen >= 60 { break }
            }
            foreign[k] = other * 20 >= min(seen, c.words) && other > 2 * swedish
        }
        // the document's verdict over the other paragraphs (the first `sample` words)
        var words = 0, marked = 0, suspicious = 0, acute = 0
        for k in counts.indices where !foreign[k] && words < sample {
            words += counts[k].words; marked += counts[k].marked; suspicious += counts[k].suspicious; acute += counts[k].acute
        }
        rate = words > 0 ? Double(marked) / Double(words) : 0
        detected = repairer.looksDamaged(words: words, rate: rate, suspicious: suspicious)
        if detected {
            // a text in English throughout, in paragraphs too short to judge alone
            var seen = 0, english = 0, swedish = 0
            outer: for k in counts.indices where !foreign[k] {
                for ti in counts[k].first..<ends[k] {
                    let t = tokens[ti]
                    guard t.kind == .word && t.length >= 2 else { continue }
                    seen += 1
                    if t.length <= 6, let key = Repairer.shortKey(p, t) {
                        switch functionWords.language(of: key) {
                        case 1: english += 1
                        case 2: swedish += 1
                        default: break
                        }
                    }
                    if seen >= 60 { break outer }
                }
            }
            if english * 20 >= words && english > 2 * swedish { detected = false }
        }
        if cutAt >= 0 {
            // a sample that shows damage, or too few words outside foreign lines: count them all
            if detected || words < sample {
                self = ParagraphDamage(p, tokens: tokens, repairer: repairer, mode: mode, sample: sample, layout: lineLayout)
                return
            }
            counts.append((0, 0, 0, 0, cutAt)); ends.append(tokens.count); foreign.append(false)
        }
        flattened = suspicious * 50 < words && acute * 200 < words
        bare = words >= ParagraphDamage.bareWords && suspicious == 0 && acute * 200 < words
        if let d = document { detected = d.detected; rate = d.rate; flattened = d.flattened; bare = d.bare }
        shares = counts.map { c in c.words >= ParagraphDamage.ownVerdictWords ? Float(c.marked) / Float(c.words) : Float(rate) }
        verdicts = counts.indices.map { k in
            if foreign[k] { return 0 }
            if mode == .on { return 2 }
            let c = counts[k]
            var damaged = detected
            if c.words >= ParagraphDamage.ownVerdictWords {
                let r = Double(c.marked) / Double(c.words)
                // (a line of a text with one paragraph per line does not switch repair on alone:
                // in clean files such lines are Norwegian, Danish or French, not stripped Swedish)
                if r < damagedRate / 2 { damaged = damaged || !perLine } else if r >= 1.5 * damagedRate && c.suspicious * 40 < c.words { damaged = false }
            }
            return damaged ? 2 : 0
        }
    }

    /// True when the bytes `p[from..<to]` between two tokens hold a blank line (two line
    /// breaks with only spaces, tabs or carriage returns between).
    @inline(__always)
    static func blankLineBetween(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        guard to - from >= 2 else { return false }
        var breaks = 0
        for i in from..<to {
            switch p[i] {
            case 0x0A: breaks += 1; if breaks == 2 { return true }
            case 0x20, 0x09, 0x0D: continue
            default: breaks = 0
            }
        }
        return false
    }

    /// True when the bytes `p[from..<to]` between two tokens hold a line break.
    @inline(__always)
    static func lineBreakBetween(_ p: UnsafeBufferPointer<UInt8>, _ from: Int, _ to: Int) -> Bool {
        for i in from..<to where p[i] == 0x0A { return true }
        return false
    }

    /// True when some paragraph is to be repaired as damaged.
    var anyDamaged: Bool { verdicts.contains(2) }
}
