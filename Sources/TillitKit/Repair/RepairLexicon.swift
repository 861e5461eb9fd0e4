#if canImport(Glibc)
import Glibc
#endif

/// The Swedish repair lexicon: word forms with frequencies, context bigrams for forms whose
/// diacritic-stripped spelling is ambiguous, and OCR character-confusion counts. Embedded
/// in the library (`Lexicons/repair-sv.txt`); see `scripts/build-repair-lexicon.py`.
///
/// Loading parses about 450,000 lines once (tens of milliseconds) into flat byte tables.
public final class RepairLexicon: Sendable {
    /// Form → form id.
    let forms: ByteTable
    /// ln(count) per form id.
    let logFreq: [Float]
    /// Stripped skeleton (å/ä→a, ö→o) → form ids, most frequent first.
    let skeletons: SkeletonIndex
    /// Context words (and `<s>`, `<num>`, `</s>`) → context id.
    let contexts: ByteTable
    /// (context id of the previous word, form id) → count.
    let leftPairs: IntPairTable
    /// (context id of the next word, form id) → count.
    let rightPairs: IntPairTable
    /// (side, form id) → how often the form was seen in the context corpus (side 0: left
    /// pairs summed, 1: right pairs summed): the denominator of P(context | form).
    let formTotals: IntPairTable
    /// P(context) per context id, over all left (`leftBackground`) or right pairs: the
    /// back-off of P(context | form) for a context never seen beside the form.
    let leftBackground: [Float], rightBackground: [Float]
    /// ln P(ocr char | true char) per (ocr, true) scalar pair, as the bits of a `Float`.
    let channel: IntPairTable
    /// ln P(c | c) fallback for identity on unseen characters.
    static let identity: Float = -0.01

    /// Longest word form kept, in bytes: the repairer's scratch buffers hold a form, and only
    /// words of up to 48 bytes are repaired (a longer `w` line is skipped, or reported when a
    /// file is checked).
    static let maxFormBytes = 120

    /// The embedded lexicon, parsed on first use.
    /// Its texts' pages are released once parsed (`EmbeddedText`).
    public static let embedded: RepairLexicon = try! RepairLexicon(parsing: EmbeddedRepairLexicon.text, checkedAs: nil, context: EmbeddedRepairContext.text)

    /// Form id of "i" (for `1` → `i` and `|` → `I`), if the lexicon has it.
    let iFormID: Int32?
    /// Forms that are names written with a capital (`örebro` for Örebro; `n` lines): an OCR
    /// capital at the start of such a word is kept mid-sentence.
    let nameForms: IDSet

    /// True when form `f` looks like an infinitive: it ends in a vowel and the lexicon holds
    /// its present tense (`vårda` → `vårdar`, `motsätta` → `motsätter`, `framstå` → `framstår`,
    /// `höra` → `hör`), or it is an irregular one (`vilja`, `kunna`, `vara`).
    /// Adjectives and participles have no such form (`motsatta`, `sysselsatta`, `främsta`),
    /// and an adjective in -ra whose stem is a word (`stora` → `stor`, `svåra` → `svår`) is
    /// told from a verb like `höra` → `hör` by the verb's passive or past tense (`hörs`,
    /// `hörde`).
    /// Cost: a copy into a stack buffer and up to five table probes; called only after a
    /// modal, `att` or a preposition.
    ///
    /// `strict`: the present tense must also be no more than `presentFloor` rarer than the
    /// form, so a word list's stray expansion (`förstar` beside the ordinal `första`) does not
    /// make an adjective or ordinal look like a verb. Cues ask for it where the syntax wants
    /// the verb outright (before an object or a clause, or at its end).
    func looksInfinitive(_ f: Int32, strict: Bool = false) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes + 2) { buf -> Bool in
            let k = buf.baseAddress!
            let n = copyForm(f, into: k)
            guard n >= 2, !(n == 2 && k[0] >= 0x80) else { return false }   // not å, ä, ö (år is a word)
            let last = k[n - 1]
            guard ByteClass.isVowelEnd(last) else { return false }
            if RepairLexicon.irregularInfinitives.contains(where: { $0.count == n && $0.elementsEqual(UnsafeBufferPointer(start: k, count: n)) }) { return true }
            let floor = strict ? logFreq[Int(f)] - RepairLexicon.presentFloor : -Float.infinity
            @inline(__always) func present(_ len: Int) -> Bool {
                guard let id = forms.find(UnsafePointer(k), len) else { return false }
                return logFreq[Int(id)] >= floor
            }
            k[n] = 0x72                                                    // + r: vårda → vårdar
            if present(n + 1) { return true }
            guard last == 0x61 else { return false }
            // -a verbs with present -er (sätta → sätter) or, after r, none (höra → hör, göra → gör)
            k[n - 1] = 0x65; k[n] = 0x72
            if present(n + 1) { return true }
            // höra → hör, but not the adjective svåra → svår: a verb in -ra also has its
            // passive or past tense (hörs, hörde), an adjective in -ra neither (svårs, svårde)
            guard n >= 2 && k[n - 2] == 0x72 && present(n - 1) else { return false }
            k[n - 1] = 0x73
            if forms.find(UnsafePointer(k), n) != nil { return true }
            k[n - 1] = 0x64; k[n] = 0x65
            return forms.find(UnsafePointer(k), n + 1) != nil
        }
    }
    /// True when form `f` looks like the weak or plural form of an adjective: it ends in -a,
    /// its stem is a word no more than `presentFloor` rarer than it (`svåra` → `svår`, `låga`
    /// → `låg`), and it does not look like an infinitive (`svara` → `svarar`). Cost: a copy
    /// and up to four table probes.
    func looksAdjectiveInA(_ f: Int32) -> Bool {
        let weak = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { buf -> Bool in
            let k = buf.baseAddress!
            let n = copyForm(f, into: k)
            guard n >= 4, k[n - 1] == 0x61, let stem = forms.find(UnsafePointer(k), n - 1) else { return false }
            return logFreq[Int(stem)] >= logFreq[Int(f)] - RepairLexicon.presentFloor
        }
        return weak && !looksInfinitive(f, strict: true)
    }

    /// True when form `f` looks like a supine: -tt after a vowel-final verb stem whose past
    /// in -dde the lexicon holds (`nått` → `nådde`, `bott` → `bodde`; not `rött`, `sätt`), or
    /// one of `fått`, `gått`, `stått`; or -it/-at whose infinitive in -a it holds (`varit` →
    /// `vara`, `arbetat` → `arbeta`). Cost: a copy and up to two table probes.
    func looksSupine(_ f: Int32) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes + 2) { buf -> Bool in
            let k = buf.baseAddress!
            let n = copyForm(f, into: k)
            guard n >= 4, k[n - 1] == 0x74 else { return false }
            switch k[n - 2] {
            case 0x74:   // -tt: nått → nådde
                if RepairLexicon.shortSupines.contains(where: { $0.count == n && $0.elementsEqual(UnsafeBufferPointer(start: k, count: n)) }) { return true }
                guard ByteClass.isVowelEnd(k[n - 3]) else { return false }
                k[n - 2] = 0x64; k[n - 1] = 0x64; k[n] = 0x65
                return forms.find(UnsafePointer(k), n + 1) != nil
            case 0x69:   // -it: varit → vara
                k[n - 2] = 0x61
                return forms.find(UnsafePointer(k), n - 1) != nil
            case 0x61:   // -at: arbetat → arbeta
                return forms.find(UnsafePointer(k), n - 1) != nil
            default: return false
            }
        }
    }

    /// True when form `f` ends in -er, -ar or -or in at least five bytes: the indefinite
    /// plural of most nouns (`situationer`, `frågor`, `dagar`). Cost: one copy.
    func looksPluralNoun(_ f: Int32) -> Bool {
        guard f >= 0 else { return false }
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { buf -> Bool in
            let k = buf.baseAddress!
            let n = copyForm(f, into: k)
            return n >= 5 && k[n - 1] == 0x72 && (k[n - 2] == 0x65 || k[n - 2] == 0x61 || k[n - 2] == 0x6F)
        }
    }

    /// True when the lexicon holds form `f` + s: for an infinitive, its passive (`behålla` →
    /// `behållas`), which verbs that take an object have and adjectives do not (`radikalas`
    /// is no word). Cost: a copy into a stack buffer and one table probe.
    func hasPassive(_ f: Int32) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes + 1) { buf -> Bool in
            let k = buf.baseAddress!
            let n = copyForm(f, into: k)
            k[n] = 0x73
            return forms.find(UnsafePointer(k), n + 1) != nil
        }
    }

    /// How much rarer (ln units) than a form its present tense may be for `looksInfinitive`
    /// to count it: ln 50.
    static let presentFloor: Float = 3.9
    /// The supines in -tt of verbs whose past is not in -dde (`looksSupine`).
    static let shortSupines: [[UInt8]] = ["fått", "gått", "stått"].map { Array($0.utf8) }
    /// Infinitives whose present tense none of those rules finds (vilja → vill, kunna → kan,
    /// veta → vet); `ta`, `gå`, `ligga`, `göra`, `vara` and the like are found by them.
    static let irregularInfinitives: [[UInt8]] = ["vilja", "kunna", "veta"].map { Array($0.utf8) }

    /// Form ids and word lists of the grammar cues (`GrammarCues`), read from this lexicon.
    let cues: CueVocabulary
    /// Context ids of sentence start, number, end, and the word "i".
    let sentenceContext: Int32, numberContext: Int32, endContext: Int32, iContext: Int32
    /// ln(1 + 3n) for n < 1024.
    let logCounts: [Float]
    /// In-domain context counts for real-word variants (`DomainContext`), resolved to this
    /// lexicon's form ids.
    let domain: DomainContext

    /// ln(1 + 3n), from a table for small counts.
    @inline(__always)
    func logCount(_ n: Int32) -> Float { n < 1024 ? logCounts[Int(n)] : log(1 + 3 * Float(n)) }

    /// Number of word forms.
    public var formCount: Int { forms.count }

    /// The `n` most frequent word forms, most frequent first: the language's function words
    /// and commonest words, learned from the frequencies (the label model leaves their stems
    /// out). Cost: one sort of the form frequencies.
    public func mostFrequentForms(_ n: Int) -> [String] {
        let order: [Int] = logFreq.indices.sorted { logFreq[$0] > logFreq[$1] || (logFreq[$0] == logFreq[$1] && $0 < $1) }
        return order[..<min(n, order.count)].map { String(decoding: forms.key(at: $0), as: UTF8.self) }
    }

    /// Reads a repair lexicon file (for example one built by `scripts/build-repair-lexicon.py`
    /// with other sources or another held-out set). Cost: like `init(text:)`, plus reading
    /// and checking the file.
    /// - Throws: `.inputNotFound`/`.io` when it cannot be read, `.badLexicon` with the line
    ///   number when a line is not one of the `w`/`l`/`r`/`c` kinds or lacks its count, or
    ///   when the file holds no word forms.
    public convenience init(contentsOf path: String) throws(TillitError) {
        let bytes = try FileInput.readAll(path: path)
        guard let text = String(validating: bytes, as: UTF8.self) else { throw .badLexicon(path: path, line: 1, reason: "repair lexicon is not UTF-8 text") }
        try self.init(parsing: text, checkedAs: path, context: EmbeddedRepairContext.text)
    }

    /// Parses lexicon text in the generated format (`w`, `l`, `r`, `c` lines); lines of other
    /// kinds or shapes are skipped.
    ///
    /// `context`: in-domain context counts and words (`Lexicons/repair-context-sv.txt`, see
    /// `DomainContext`); nil for none. The embedded lexicon and lexicon files read with
    /// `init(contentsOf:)` take the embedded ones.
    public convenience init(text: String, context: String? = nil) {
        try! self.init(parsing: text, checkedAs: nil, context: context)   // unchecked parsing never throws
    }

    /// Parses lexicon text. With `path`, the first malformed line throws `.badLexicon` with
    /// its line number (one pass: the same loop checks and parses); without, it is skipped.
    /// Texts compiled into the library give their pages back once parsed (`EmbeddedText`).
    init(parsing text: String, checkedAs path: String?, context: String?) throws(TillitError) {
        var forms: ByteTable
        var freq: [Float] = []
        var pending: [(side: UInt8, ctx: [UInt8], form: [UInt8], n: Int32)] = []
        var conf: [(UInt32, UInt32, Float)] = []
        var names: [[UInt8]] = []
        var text = text
        // first pass: how many forms and form bytes, so the tables are sized exactly
        var formLines = 0, formBytes = 0
        text.withUTF8 { buf in
            let c = RepairLexicon.countForms(buf, kind: 0x77, tabAfterKind: false)
            formLines += c.lines; formBytes += c.bytes
        }
        // the in-domain words no list holds (`v` lines of the context model: `DomainContext`)
        var vocabulary = context ?? ""
        vocabulary.withUTF8 { buf in
            let c = RepairLexicon.countForms(buf, kind: 0x76, tabAfterKind: true)
            formLines += c.lines; formBytes += c.bytes
        }
        // probed once per word type (results are cached per thread), so a dense table is cheap
        forms = ByteTable(capacity: formLines, identityValues: true, maxLoadPercent: 90)
        forms.reserve(keys: formLines, keyBytes: formBytes)
        freq.reserveCapacity(formLines)
        var problem: TillitError? = nil
        text.withUTF8 { buf in
            var i = 0
            var line = 0
            let n = buf.count
            var fields: [Range<Int>] = []
            let base = buf.baseAddress!
            while i < n {
                // most lines are `w` lines: form, tab, count, read in one pass (other lines,
                // and a `w` line of any other shape, go the general way, which checks them)
                if buf[i] == 0x77 && i + 1 < n && buf[i + 1] == 0x09 {
                    var t = i + 2
                    while t < n && buf[t] != 0x09 && buf[t] != 0x0A { t += 1 }
                    if t < n && buf[t] == 0x09 && t > i + 2 && t - i - 2 <= RepairLexicon.maxFormBytes {
                        var k = t + 1, v = 0
                        while k < n && buf[k] &- 0x30 < 10 { v = v &* 10 &+ Int(buf[k] &- 0x30); k += 1 }
                        if k > t + 1 && (k == n || buf[k] == 0x0A) {
                            line += 1
                            forms.appendNew(base + i + 2, t - i - 2, Int32(freq.count))
                            freq.append(Float(log(Double(max(v, 1)))))
                            i = k + 1
                            continue
                        }
                    }
                }
                var e = i
                while e < n && buf[e] != 0x0A { e += 1 }
                line += 1
                if e > i && buf[i] != 0x23 {
                    fields.removeAll(keepingCapacity: true)
                    var s = i
                    for k in i...e where k == e || buf[k] == 0x09 { fields.append(s..<k); s = k + 1 }
                    let kind = buf[i]
                    func num(_ r: Range<Int>) -> Int { var v = 0; for k in r { v = v * 10 + Int(buf[k] &- 0x30) }; return v }
                    if let path, let reason = RepairLexicon.lineProblem(buf, fields) {
                        problem = .badLexicon(path: path, line: line, reason: reason)
                        return
                    }
                    if kind == 0x77, fields.count == 3, fields[1].count <= RepairLexicon.maxFormBytes {  // w
                        // the generated lexicon lists each form once (a repeated form would keep its first count)
                        forms.appendNew(base + fields[1].lowerBound, fields[1].count, Int32(freq.count))
                        freq.append(Float(log(Double(max(num(fields[2]), 1)))))
                    } else if (kind == 0x6C || kind == 0x72), fields.count == 4 {  // l / r
                        let a = Array(UnsafeBufferPointer(rebasing: buf[fields[1]])), b = Array(UnsafeBufferPointer(rebasing: buf[fields[2]]))
                        pending.append(kind == 0x6C ? (1, a, b, Int32(num(fields[3]))) : (2, b, a, Int32(num(fields[3]))))
                    } else if kind == 0x6E, fields.count == 2 {  // n
                        names.append(Array(UnsafeBufferPointer(rebasing: buf[fields[1]])))
                    } else if kind == 0x63, fields.count == 4 {  // c
                        let x = String(decoding: UnsafeBufferPointer(rebasing: buf[fields[1]]), as: UTF8.self).unicodeScalars
                        let y = String(decoding: UnsafeBufferPointer(rebasing: buf[fields[2]]), as: UTF8.self).unicodeScalars
                        if x.count == 1 && y.count == 1 { conf.append((x.first!.value, y.first!.value, Float(num(fields[3])))) }
                    }
                }
                i = e + 1
            }
        }
        if let problem { throw problem }
        if let path, freq.isEmpty { throw .badLexicon(path: path, line: 1, reason: "repair lexicon holds no word forms ('w' lines)") }
        vocabulary.withUTF8 { buf in
            let base = buf.baseAddress!
            var i = 0
            while i < buf.count {
                var e = i
                while e < buf.count && buf[e] != 0x0A { e += 1 }
                defer { i = e + 1 }
                guard e > i + 2 && buf[i] == 0x76 && buf[i + 1] == 0x09 else { continue }
                var t = i + 2
                while t < e && buf[t] != 0x09 { t += 1 }
                guard t < e, t - i - 2 <= RepairLexicon.maxFormBytes else { continue }
                var n = 0
                for k in (t + 1)..<e { n = n * 10 + Int(buf[k] &- 0x30) }
                let logN = Float(log(Double(max(n, 1))))
                if let known = forms.find(base + i + 2, t - i - 2) {
                    // a word-list form (counted once: never seen in the lexicon's running text)
                    // that the in-domain corpus uses takes its in-domain count
                    if freq[Int(known)] <= 0 { freq[Int(known)] = logN }
                    continue
                }
                forms.appendNew(base + i + 2, t - i - 2, Int32(freq.count))
                freq.append(logN)
            }
        }
        // the text is parsed: its pages need not stay resident while the indexes are built
        EmbeddedText.release(text)
        var contexts = ByteTable(capacity: 20_000)
        var left = IntPairTable(capacity: pending.count / 2 + 16)
        var right = IntPairTable(capacity: pending.count / 2 + 16)
        for b in pending {
            guard let f = forms.find(b.form) else { continue }
            let c: Int32
            if let x = contexts.find(b.ctx) { c = x } else { c = Int32(contexts.count); contexts.set(b.ctx, c) }
            if b.side == 1 { left.add(c, f, b.n) } else { right.add(c, f, b.n) }
        }
        pending = []
        var totals = IntPairTable(capacity: 4096)
        var lb = [Float](repeating: 0, count: contexts.count), rb = lb
        var lsum: Float = 0, rsum: Float = 0
        for (side, table) in [(Int32(0), left), (Int32(1), right)] {
            table.forEach { ctx, f, n in
                let c = Int(ctx)
                totals.add(side, f, n)
                if side == 0 { lb[c] += Float(n); lsum += Float(n) } else { rb[c] += Float(n); rsum += Float(n) }
            }
        }
        self.formTotals = totals
        self.leftBackground = lb.map { $0 / max(lsum, 1) }
        self.rightBackground = rb.map { $0 / max(rsum, 1) }
        // skeleton index: forms grouped by their å/ä/ö-stripped spelling
        let skeletons = SkeletonIndex(forms: forms, logFreq: freq)
        // channel: P(x | y) = c(x,y) / Σx c(x,y)
        var perTrue: [UInt32: Float] = [:]
        for (_, y, c) in conf { perTrue[y, default: 0] += c }
        var costs: [UInt64: Float] = [:]   // a pair listed twice takes its last line
        for (x, y, c) in conf { costs[UInt64(x) << 32 | UInt64(y)] = Float(log(Double(c + 0.5) / Double(perTrue[y]! + 1))) }
        var channel = IntPairTable(capacity: max(costs.count, 16))
        for (k, cost) in costs {
            channel.add(Int32(bitPattern: UInt32(truncatingIfNeeded: k >> 32)), Int32(bitPattern: UInt32(truncatingIfNeeded: k)), Int32(bitPattern: cost.bitPattern))
        }
        self.forms = forms
        self.logFreq = freq
        self.skeletons = skeletons
        self.domain = context.map { DomainContext(text: $0, forms: forms, skeletons: skeletons) } ?? DomainContext()
        if let context { EmbeddedText.release(context) }
        self.contexts = contexts
        self.iFormID = forms.find([0x69])
        self.sentenceContext = contexts.find(Array("<s>".utf8)) ?? -1
        self.numberContext = contexts.find(Array("<num>".utf8)) ?? -1
        self.endContext = contexts.find(Array("</s>".utf8)) ?? -1
        self.iContext = contexts.find([0x69]) ?? -1
        self.nameForms = IDSet(names.compactMap { forms.find($0) })
        self.cues = CueVocabulary(forms)
        self.logCounts = (0..<1024).map { Float(log(1 + 3 * Double($0))) }
        self.leftPairs = left
        self.rightPairs = right
        self.channel = channel
    }

    /// The lines of `buf` longer than two bytes that start with `kind` (and a tab, with
    /// `tabAfterKind`), and the bytes of their second fields: the size of the form table.
    /// Cost: one `memchr` a line.
    static func countForms(_ buf: UnsafeBufferPointer<UInt8>, kind: UInt8, tabAfterKind: Bool) -> (lines: Int, bytes: Int) {
        guard let base = buf.baseAddress else { return (0, 0) }
        var lines = 0, bytes = 0
        var i = 0
        while i < buf.count {
            let e = memchr(base + i, 0x0A, buf.count - i).map { UnsafeRawPointer($0) - UnsafeRawPointer(base) } ?? buf.count
            if e > i + 2 && buf[i] == kind && (!tabAfterKind || buf[i + 1] == 0x09) {
                lines += 1
                var t = i + 2
                while t < e && buf[t] != 0x09 { t += 1 }
                bytes += t - i - 2
            }
            i = e + 1
        }
        return (lines, bytes)
    }

    /// What is wrong with one line (its tab-separated `fields` in `buf`), or nil: the kind must
    /// be one of `w` (3 fields), `l`, `r`, `c` (4 fields), with the last field a whole count, or
    /// `n` (2 fields: a name).
    static func lineProblem(_ buf: UnsafeBufferPointer<UInt8>, _ fields: [Range<Int>]) -> String? {
        let kind = String(decoding: UnsafeBufferPointer(rebasing: buf[fields[0]]), as: UTF8.self)
        let want: Int
        switch kind {
        case "w": want = 3
        case "l", "r", "c": want = 4
        case "n": want = 2
        default: return "unknown line kind '\(kind)' (expected w, l, r, c or n)"
        }
        guard fields.count == want else { return "'\(kind)' line needs \(want) tab-separated fields, found \(fields.count)" }
        if kind == "n" { return fields[1].isEmpty ? "'n' line needs a word form" : nil }
        if kind == "w" && fields[1].count > maxFormBytes { return "word form longer than \(maxFormBytes) bytes" }
        let count = fields[fields.count - 1]
        guard !count.isEmpty, buf[count].allSatisfy({ $0 &- 0x30 < 10 }) else { return "the last field must be a whole count" }
        return nil
    }

    /// Strips å/ä→a and ö→o from `n` bytes at `w` into `out`; returns the new length.
    static func skeleton(_ w: UnsafePointer<UInt8>, _ n: Int, into out: UnsafeMutablePointer<UInt8>) -> Int {
        var i = 0, k = 0
        while i < n {
            if w[i] == 0xC3 && i + 1 < n {
                let c = w[i + 1]
                if c == 0xA5 || c == 0xA4 { out[k] = 0x61; k += 1; i += 2; continue }
                if c == 0xB6 { out[k] = 0x6F; k += 1; i += 2; continue }
            }
            out[k] = w[i]; k += 1; i += 1
        }
        return k
    }

    /// Context id of a lowercase word (a context word or `<s>`-like marker), or −1.
    func context(of word: [UInt8]) -> Int32 { contexts.find(word) ?? -1 }

    /// Context id of form `f`, or −1.
    func context(ofForm f: Int32) -> Int32 { context(of: forms.key(at: Int(f))) }

    /// Form ids whose skeleton is `skel`, most frequent first (empty when none).
    func forms(skeleton skel: [UInt8]) -> ArraySlice<Int32> {
        skeletons.forms(skel, in: forms)
    }

    /// `forms(skeleton:)` for skeleton bytes that are not an array.
    func forms(skeleton skel: UnsafeBufferPointer<UInt8>) -> ArraySlice<Int32> {
        skeletons.forms(skel, in: forms)
    }

    /// Number of letters (Unicode scalars) of form `id` (allocates a copy of the form: used
    /// only when a capitals abbreviation is about to change).
    func letterCount(_ id: Int32) -> Int {
        forms.key(at: Int(id)).reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Copies the bytes of form `id` to `out`; returns the length.
    @inline(__always)
    func copyForm(_ id: Int32, into out: UnsafeMutablePointer<UInt8>) -> Int {
        forms.copyKey(at: Int(id), into: out)
    }

    /// True when the lexicon holds a form that strips to the same skeleton as the lowercase
    /// word `w` (`stanga` finds `stänga`). Cost: one skeleton copy and one index probe.
    func hasForm(anySpellingOf w: [UInt8]) -> Bool {
        guard w.count <= RepairLexicon.maxFormBytes else { return false }
        let skel = withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { buf in
            w.withUnsafeBufferPointer { Array(buf[0..<RepairLexicon.skeleton($0.baseAddress!, w.count, into: buf.baseAddress!)]) }
        }
        return !forms(skeleton: skel).isEmpty
    }

    /// Form id of a lowercase word, or nil.
    func formID(_ w: [UInt8]) -> Int32? { forms.find(w) }

    /// Σ ln P(ocr char | form char) over aligned characters, or nil when the lengths differ.
    /// Decodes the form's UTF-8 in place (no String).
    func channelScore(ocr: [UInt32], form f: Int32, flattened: Bool = false) -> Float? {
        ocr.withUnsafeBufferPointer { channelScore(ocr: $0, form: f, flattened: flattened) }
    }

    /// `channelScore(ocr:form:flattened:)` for scalars that are not an array.
    func channelScore(ocr: UnsafeBufferPointer<UInt32>, form f: Int32, flattened: Bool = false) -> Float? {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { buf -> Float? in
            let n = copyForm(f, into: buf.baseAddress!)
            var i = 0, k = 0
            var total: Float = 0
            while i < n {
                let u = UTF8Scalars.next(buf.baseAddress!, &i, n)
                guard k < ocr.count else { return nil }
                total += flattened && Self.flattens(ocr[k], u) ? 0 : channelCost(ocr: ocr[k], true: u)
                k += 1
            }
            return k == ocr.count ? total : nil
        }
    }

    /// True when `ocr` spells form `f` with at most its å/ä/ö flattened (`flattens` letter by
    /// letter). Cost: one copy of the form.
    func onlyFlattens(ocr: [UInt32], form f: Int32) -> Bool {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: RepairLexicon.maxFormBytes) { buf -> Bool in
            let n = copyForm(f, into: buf.baseAddress!)
            var i = 0, k = 0
            while i < n {
                let u = UTF8Scalars.next(buf.baseAddress!, &i, n)
                guard k < ocr.count, Self.flattens(ocr[k], u) else { return false }
                k += 1
            }
            return k == ocr.count
        }
    }

    /// True when `ocr` is `t` itself or `t` with its diacritic dropped (å/ä→a, ö→o): in text
    /// whose å/ä/ö were flattened, and nothing else, both have probability 1.
    @inline(__always)
    static func flattens(_ ocr: UInt32, _ t: UInt32) -> Bool {
        ocr == t || (ocr == 0x61 && (t == 0xE5 || t == 0xE4)) || (ocr == 0x6F && t == 0xF6)
    }

    /// ln P(ocr | true) for two scalars.
    func channelCost(ocr: UInt32, true t: UInt32) -> Float {
        if let v = channel.value(Int32(bitPattern: ocr), Int32(bitPattern: t)) { return Float(bitPattern: UInt32(bitPattern: v)) }
        return ocr == t ? RepairLexicon.identity : -7
    }

}
