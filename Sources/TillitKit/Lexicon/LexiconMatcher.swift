/// A compiled, immutable index over a `GovernanceLexicon` that finds hits in token streams
/// in linear time and applies negation and direction-of-change modifiers.
///
/// Compilation expands inflections into hash tables (O(entries × endings)). Matching uses a
/// per-caller `MatchCache` keyed by word type: a type's patterns are resolved once (O(length)
/// table probes for compound heads and modifiers) and then cost one hash probe per token.
public final class LexiconMatcher: Sendable {
    /// The lexicon this matcher was compiled from.
    public let lexicon: GovernanceLexicon

    let wordPatterns: [WordPattern]
    let exact: ByteTable        // full form -> word-pattern ids (see `appendIDs`)
    let heads: ByteTable        // head forms of *X patterns -> word-pattern ids
    let prefixes: ByteTable     // stems of X* patterns -> word-pattern ids
    let lists: [[Int32]]        // word-pattern ids of the table keys that more than one pattern has
    let containsIds: [Int32]    // *X* patterns, scanned linearly
    let singleByWord: [[Int32]] // single-word entries per word-pattern id
    let multiByFirst: [[Int32]] // multi-word entries per first word-pattern id
    let entryWords: [[Int32]]   // word-pattern ids of each entry
    let conditionWords: [[[Int32]]] // per entry, per sense condition: word-pattern ids of its words
    let frameWords: [Bool]      // per word-pattern id: the word of a frame entry (pole F)
    let cues: ByteTable
    /// Per entry: a trust word whose complement takes "till" (`tillit till`, `tilltro till`).
    let takesTill: [Bool]
    let maxPrefixLength: Int
    let minHeadLength: Int
    /// Last bytes (`headFilterWidth` of them) and lengths of the head forms: most words end in
    /// no head, so their first sight skips the per-split probes of `heads`.
    let headFilter: BytePairFilter
    let headFilterWidth: Int
    /// First bytes (`prefixFilterWidth` of them) and lengths of the prefix stems, likewise
    /// for `prefixes`.
    let prefixFilter: BytePairFilter
    let prefixFilterWidth: Int

    /// Word stems (`WordStem`) the label model weighs, by id; empty for a model without them.
    public let vocabulary: [String]
    let vocabTable: ByteTable
    /// Word vectors whose ids the matcher records per word (for a label model that reads
    /// them), or nil.
    public let wordVectors: WordVectors?

    /// Compiles `lexicon`, and the word stems of `vocabulary` (the label model's); with
    /// `wordVectors`, each unit's word ids in them are kept too (`MatchCache.unitVectorIDs`).
    public init(_ lexicon: GovernanceLexicon, vocabulary: [String] = [], wordVectors: WordVectors? = nil) {
        self.lexicon = lexicon
        self.vocabulary = vocabulary
        self.wordVectors = wordVectors
        var vt = ByteTable(capacity: max(16, vocabulary.count * 2))
        for (i, w) in vocabulary.enumerated() { vt.set(Array(w.utf8), Int32(i)) }
        self.vocabTable = vt
        var wpIndex: [WordPattern: Int32] = [:]
        var wps: [WordPattern] = []
        var entryWords: [[Int32]] = []
        func wpID(_ w: WordPattern) -> Int32 {
            if let id = wpIndex[w] { return id }
            let id = Int32(wps.count); wpIndex[w] = id; wps.append(w); return id
        }
        var conditionWords: [[[Int32]]] = []
        for e in lexicon.entries {
            entryWords.append(e.words.map(wpID))
            conditionWords.append(e.conditions.map { $0.words.map(wpID) })
        }
        var lists: [[Int32]] = []
        // sized for every form up front, so the tables never grow while they are filled
        let formCount = wps.reduce(0) { $0 + ($1.anySuffix ? 0 : ($1.inflects ? WordPattern.inflectionBytes.count : 1)) }
        let headCount = wps.reduce(0) { $0 + ($1.anySuffix || !$1.anyPrefix ? 0 : ($1.inflects ? WordPattern.inflectionBytes.count : 1)) }
        var exact = ByteTable(capacity: max(wps.count * 8, formCount))
        var heads = ByteTable(capacity: max(wps.count * 4, headCount))
        var prefixes = ByteTable(capacity: wps.count)
        var containsIds: [Int32] = []
        var maxPrefix = 0
        var minHead = Int.max
        // a table value v ≥ 0 is the one pattern id of its key; v < 0 points at lists[-1 - v]
        func add(_ table: inout ByteTable, _ key: UnsafeBufferPointer<UInt8>, _ id: Int32) {
            let p = key.baseAddress ?? UnsafePointer(bitPattern: 1)!
            guard let v = table.find(p, key.count) else { table.set(p, key.count, id); return }
            if v >= 0 {
                if v != id { table.set(p, key.count, -1 - Int32(lists.count)); lists.append([v, id]) }
            } else if !lists[Int(-1 - v)].contains(id) { lists[Int(-1 - v)].append(id) }
        }
        var form: [UInt8] = []
        var headFilter = BytePairFilter(), prefixFilter = BytePairFilter()
        // the shortest head form is the shortest head stem (the empty ending is among the inflections)
        let headWidth = max(2, min(4, wps.filter { $0.anyPrefix && !$0.anySuffix }.map(\.stem.count).min() ?? 4))
        for (i, w) in wps.enumerated() {
            let id = Int32(i)
            if w.anySuffix {
                if w.anyPrefix { containsIds.append(id) } else {
                    w.stem.withUnsafeBufferPointer { add(&prefixes, $0, id) }
                    maxPrefix = max(maxPrefix, w.stem.count)
                }
                continue
            }
            for ending in w.inflects ? WordPattern.inflectionBytes : [[]] {
                form.removeAll(keepingCapacity: true)
                form.append(contentsOf: w.stem)
                form.append(contentsOf: ending)
                form.withUnsafeBufferPointer { f in
                    add(&exact, f, id)
                    if w.anyPrefix { add(&heads, f, id); minHead = min(minHead, f.count) }
                }
                if w.anyPrefix { headFilter.addEnd(form, width: headWidth) }
            }
        }
        let prefixStems = wps.filter { $0.anySuffix && !$0.anyPrefix }.map(\.stem)
        let prefixWidth = max(2, min(4, prefixStems.map(\.count).min() ?? 4))
        for st in prefixStems { prefixFilter.addStart(st, width: prefixWidth) }
        var single = Array(repeating: [Int32](), count: wps.count)
        var multi = Array(repeating: [Int32](), count: wps.count)
        var frameWords = Array(repeating: false, count: wps.count)
        for (ei, ids) in entryWords.enumerated() {
            if lexicon.entries[ei].isFrame { frameWords[Int(ids[0])] = true; continue }
            if ids.count == 1 { single[Int(ids[0])].append(Int32(ei)) } else { multi[Int(ids[0])].append(Int32(ei)) }
        }
        var cues = ByteTable(capacity: 256)
        for (w, c) in Cue.words { cues.set(Array(w.utf8), Int32(c.rawValue)) }
        self.wordPatterns = wps
        self.exact = exact
        self.heads = heads
        self.prefixes = prefixes
        self.lists = lists
        self.containsIds = containsIds
        self.singleByWord = single
        self.multiByFirst = multi
        self.entryWords = entryWords
        self.conditionWords = conditionWords
        self.frameWords = frameWords
        self.cues = cues
        self.takesTill = lexicon.entries.map { e in ["tillit", "*tillit", "tilltro"].contains { e.pattern.hasPrefix($0) } }
        self.maxPrefixLength = maxPrefix
        self.headFilter = headFilter
        self.headFilterWidth = headWidth
        self.prefixFilter = prefixFilter
        self.prefixFilterWidth = prefixWidth
        self.minHeadLength = minHead == Int.max ? 1 : max(minHead, 1)
    }

    /// Codes of the per-token scan: a type id (≥ 0) for a word some pattern or cue involves,
    /// −1 a token the scan ignores, −2 a clause break, −3 a comma, and `plainBase − id` for a
    /// word no pattern or cue involves (its type id kept, for the word stems).
    static let plainBase: Int32 = -10

    @inline(__always)
    static func plainCode(_ id: Int32) -> Int32 { plainBase - id }

    /// Appends the word-pattern ids of table value `v` to `out`.
    @inline(__always)
    func appendIDs(_ v: Int32, to out: inout [Int32]) {
        if v >= 0 { out.append(v) } else { out.append(contentsOf: lists[Int(-1 - v)]) }
    }

    /// Resolves one word type: the word-pattern ids it matches (sorted). O(length) probes.
    func wordPatternIDs(_ key: UnsafePointer<UInt8>, _ len: Int) -> [Int32] {
        var out: [Int32] = []
        if let l = exact.find(key, len) { appendIDs(l, to: &out) }
        // every head ends where the word ends: one pair test rules out all splits of most words
        if len >= minHeadLength + 2 && headFilter.mayEnd(key, len, width: headFilterWidth) {
            var k = 2
            while len - k >= minHeadLength {
                if headFilter.mayHaveLength(len - k), let l = heads.find(key + k, len - k) { appendIDs(l, to: &out) }
                k += 1
            }
        }
        if maxPrefixLength > 0 && (len < prefixFilterWidth || prefixFilter.mayStart(key, width: prefixFilterWidth)) {
            var k = 1
            while k <= min(len, maxPrefixLength) {
                if prefixFilter.mayHaveLength(k), let l = prefixes.find(key, k) { appendIDs(l, to: &out) }
                k += 1
            }
        }
        if !containsIds.isEmpty {
            let keyBytes = UnsafeBufferPointer(start: key, count: len)
            for id in containsIds where wordPatterns[Int(id)].matches(keyBytes) { out.append(id) }
        }
        if out.count > 1 { out = Array(Set(out)).sorted() }
        return out
    }

    /// Everything a word type contributes, as cached per type.
    struct TypeInfo {
        var single: Int32        // best single-word entry, or -1
        var wordsStart: Int32    // slice of MatchCache.pool with matched word-pattern ids
        var wordsCount: Int32
        var cue: Cue
        var frame: Bool          // a steering-frame word
        var stem: Int32          // id in `vocabulary` of the word's stem, or -1
        var vector: Int32        // id in `wordVectors` of the word (or its compound head), or -1
    }

    /// Builds the `TypeInfo` of a key and appends word ids to `pool`.
    func resolve(_ key: UnsafePointer<UInt8>, _ len: Int, pool: inout [Int32]) -> TypeInfo {
        let ids = wordPatternIDs(key, len)
        var best: Int32 = -1
        var bestScore = -1.0
        let keyBytes = UnsafeBufferPointer(start: key, count: len)
        for id in ids {
            for e in singleByWord[Int(id)] {
                let entry = lexicon.entries[Int(e)]
                if entry.exclusions.contains(where: { $0.matches(keyBytes) }) { continue }
                // most specific pattern wins: longest literal, then the exact kind, then weight
                let w = wordPatterns[Int(id)]
                let score = Double(w.stem.count) * 10 + (w.anyPrefix || w.anySuffix ? 0 : 5) + entry.weight + (entry.isName ? 1e6 : 0)
                if score > bestScore { bestScore = score; best = e }
            }
        }
        if best >= 0 && lexicon.entries[Int(best)].isName { best = -1 }   // a one-word name: no hit
        let start = Int32(pool.count)
        pool.append(contentsOf: ids)
        let cue = cues.find(key, len).map { Cue(rawValue: UInt8($0)) ?? .none } ?? .none
        return TypeInfo(single: best, wordsStart: start, wordsCount: Int32(ids.count), cue: cue, frame: ids.contains { frameWords[Int($0)] },
                        stem: vocabulary.isEmpty ? -1 : { let n = WordStem.length(key, len); return n > 0 ? (vocabTable.find(key, n) ?? -1) : -1 }(),
                        vector: wordVectors?.id(key, len) ?? -1)
    }

    /// Finds hits in `tokens[range]` of `p` and appends them to `hits`.
    ///
    /// `replacement(tokenIndex)` may supply a repaired lowercase key for a token (from the
    /// repair stage); evidence offsets still point at the original token.
    public func match(_ p: UnsafeBufferPointer<UInt8>, tokens: [Token], range: Range<Int>, cache: inout MatchCache,
                      replacements: RepairOverlay? = nil, into hits: inout [Hit]) {
        cache.resetIfFull()
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: TokenKey.capacity) { buf in
            let key = buf.baseAddress!
            var infos = cache.tokenInfos   // info index per token in range (-1 for non-words); reused storage
            cache.tokenInfos = []
            infos.removeAll(keepingCapacity: true)
            infos.reserveCapacity(range.count)
            var words = 0
            let hasVocabulary = !vocabulary.isEmpty
            let hasVectors = wordVectors != nil
            cache.unitStems.removeAll(keepingCapacity: true)
            cache.unitVectorIDs.removeAll(keepingCapacity: true)
            let hitsBefore = hits.count
            for ti in range {
                let t = tokens[ti]
                guard t.kind == .word || (t.kind == .punctuation && isClauseBreak(p[Int(t.start)])) else { infos.append(-1); continue }
                if t.kind == .punctuation { infos.append(p[Int(t.start)] == 0x2C ? -3 : -2); continue }
                words += 1
                let id: Int32
                let facts: UInt64
                if let r = replacements, let n = r.copyKey(for: ti, into: key) {
                    id = cache.info(key, n, matcher: self)
                    facts = cache.factsOf[Int(id)]
                } else {
                    // words seen before are found by their raw bytes, before any key is built
                    let raw = t.joined ? nil : RawWordCache.words(p, Int(t.start), t.length)
                    if let (head, tail) = raw, case let known = cache.hot.lookup(head, tail, t.length), known.id >= 0 {
                        id = known.id
                        facts = known.payload
                    } else {
                        id = cache.info(key, TokenKey.lowercased(p, t, into: key), matcher: self)
                        facts = cache.factsOf[Int(id)]
                        if let (head, tail) = raw { cache.hot.store(head, tail, t.length, id: id, payload: facts) }
                    }
                }
                if hasVocabulary, case let st = MatchCache.stem(facts), st >= 0 { cache.unitStems.append(st) }
                if hasVectors, case let v = MatchCache.vector(facts), v >= 0 { cache.unitVectorIDs.append(v) }
                infos.append(MatchCache.isPlain(facts) ? LexiconMatcher.plainCode(id) : id)   // a word no pattern or cue cares about
            }
            scan(tokens: tokens, range: range, infos: infos, cache: &cache, into: &hits)
            // word stems matter only to a unit with evidence
            if hits.count == hitsBefore { cache.unitStems.removeAll(keepingCapacity: true); cache.unitVectorIDs.removeAll(keepingCapacity: true) }
            cache.tokenInfos = infos
            cache.lastWordCount = words
        }
    }

    @inline(__always)
    func isClauseBreak(_ b: UInt8) -> Bool {
        b == 0x2E || b == 0x2C || b == 0x3B || b == 0x3A || b == 0x21 || b == 0x3F || b == 0x28 || b == 0x29
    }

    /// The modifier-aware pass over resolved tokens.
    func scan(tokens: [Token], range: Range<Int>, infos: [Int32], cache: inout MatchCache, into hits: inout [Hit]) {
        let base = range.lowerBound
        var negUntil = -1, reduceUntil = -1, insteadUntil = -1, topicUntil = -1
        var scopePole: Pole? = nil   // the pole a modifier scope flips; a hit of the other pole ends it
        var clauseHitStart = hits.count
        var fromHitStart = -1
        var sawNegation = false
        var ratherSeen = false
        var prevCue = Cue.none
        var skipUntil = -1
        var prevPunctComma = false
        var negPos = -100   // position of the last negation word
        var modalPos = -100 // position of the last normative modal
        var andPos = -100   // position of the last "och"
        var descriptiveNegation = false   // the negation in scope states a fact: it flips nothing
        var frames = 0
        let firstHit = hits.count
        cache.framePositions.removeAll(keepingCapacity: true)
        defer {
            cache.lastFrameCount = frames
            markFramed(&hits, from: firstHit, frames: cache.framePositions)
        }
        func endClause() {
            negUntil = -1; reduceUntil = -1; insteadUntil = -1; topicUntil = -1; scopePole = nil
            clauseHitStart = hits.count
            fromHitStart = -1
            ratherSeen = false
        }
        var j = 0
        while j < infos.count {
            let code = infos[j]
            let ti = base + j
            if code <= LexiconMatcher.plainBase || code == -1 {
                // most tokens: a run of words no pattern or cue involves, and non-clause punctuation
                var sawWord = false
                infos.withUnsafeBufferPointer { inf in
                    while j < inf.count {
                        let c = inf[j]
                        if c <= LexiconMatcher.plainBase { sawWord = true } else if c != -1 { break }
                        j += 1
                    }
                }
                if sawWord { prevCue = .none; prevPunctComma = false }
                continue
            }
            if code == -2 || code == -3 { endClause(); prevCue = .none; prevPunctComma = code == -3; sawNegation = sawNegation && code == -3; j += 1; continue }
            let info = cache.infos[Int(code)]
            if info.frame { frames += 1; cache.framePositions.append(Int32(ti)) }
            // modifiers from cue words
            switch info.cue {
            case .negation:
                negUntil = j + 8; sawNegation = true; scopePole = nil; negPos = j
                descriptiveNegation = j - modalPos > 3 && j - andPos > 1 && !prevPunctComma
            case .contrastAnd: andPos = j
            case .normativeModal:
                modalPos = j
                if j - negPos <= 2 { descriptiveNegation = false }   // "inte ska", "inte behöver"
            case .negationLimiter:
                if j <= negUntil && j - negPos <= 2 { negUntil = -1 }   // "inte bara", "inte tillräcklig"
            case .without:
                if sawNegation || prevPunctComma { endClause() } else { negUntil = j + 8; descriptiveNegation = false }
            case .reducer:
                // a negated reduction keeps things as they are: "inte minska kontrollen", "kontrollen ska inte minska"
                if j <= negUntil && j - negPos <= 3 { negUntil = -1; break }
                reduceUntil = j + 6; scopePole = nil
                flipRecent(&hits, from: max(clauseHitStart, 0), withinTokens: 4, of: ti, as: .reduced)
            case .increaser:
                reduceUntil = -1; insteadUntil = -1
                if negUntil < j { scopePole = nil }
            case .reducerBefore:
                if j <= negUntil && j - negPos <= 3 { negUntil = -1; break }   // "inte mindre kontroll"
                reduceUntil = j + 3; scopePole = nil
            case .ratherLead: ratherSeen = true
            case .thanWord: if ratherSeen { insteadUntil = j + 6 }
            case .forWord: if prevCue == .insteadLead { insteadUntil = j + 6 }
            case .fromWord: fromHitStart = hits.count
            case .toWord:
                // "tillit till X" is trust in X, not the "till" of "från X till Y":
                // "utgå från tillit till medarbetarna" flips nothing
                if let last = hits.last, Int(last.tokenIndex) == ti - 1, takesTill[Int(last.entry)] {
                    fromHitStart = -1
                } else if fromHitStart >= 0 { flip(&hits, from: fromHitStart, as: .fromTo); fromHitStart = -1 }
            case .clauseBreak: endClause()
            case .topicFrame: topicUntil = j + 14
            default: break
            }
            prevCue = info.cue
            prevPunctComma = false
            if j <= skipUntil { j += 1; continue }
            // multi-word expressions first (they consume their tokens)
            var matchedMulti = false
            if info.wordsCount > 0 {
                for w in 0..<Int(info.wordsCount) {
                    let wid = cache.pool[Int(info.wordsStart) + w]
                    for e in multiByFirst[Int(wid)] {
                        if let last = matchRest(entry: Int(e), from: j, infos: infos, tokens: tokens, base: base, cache: cache) {
                            if lexicon.entries[Int(e)].isName {   // a name: its words count for nothing
                                skipUntil = last
                                matchedMulti = true
                                break
                            }
                            if !conditionsHold(entry: Int(e), first: j, last: last, infos: infos, cache: cache) {
                                if cache.recordSuppressed { cache.suppressed.append(Hit(tokenIndex: Int32(ti), start: tokens[ti].start, end: tokens[base + last].end, entry: e, modifier: .none, pole: lexicon.entries[Int(e)].pole)) }
                                skipUntil = last
                                matchedMulti = true
                                break
                            }
                            limitScope(entry: e, j: j, &scopePole, &negUntil, &reduceUntil, &insteadUntil)
                            appendHit(&hits, entry: e, firstToken: ti, lastToken: base + last, tokens: tokens, j: j, negUntil: descriptiveNegation ? -1 : negUntil, reduceUntil: reduceUntil, insteadUntil: insteadUntil, topicUntil: topicUntil)
                            skipUntil = last
                            matchedMulti = true
                            break
                        }
                    }
                    if matchedMulti { break }
                }
            }
            if !matchedMulti && info.single >= 0 && !conditionsHold(entry: Int(info.single), first: j, last: j, infos: infos, cache: cache) {
                if cache.recordSuppressed { cache.suppressed.append(Hit(tokenIndex: Int32(ti), start: tokens[ti].start, end: tokens[ti].end, entry: info.single, modifier: .none, pole: lexicon.entries[Int(info.single)].pole)) }
            } else if !matchedMulti && info.single >= 0 {
                limitScope(entry: info.single, j: j, &scopePole, &negUntil, &reduceUntil, &insteadUntil)
                appendHit(&hits, entry: info.single, firstToken: ti, lastToken: ti, tokens: tokens, j: j, negUntil: descriptiveNegation ? -1 : negUntil, reduceUntil: reduceUntil, insteadUntil: insteadUntil, topicUntil: topicUntil)
            }
            j += 1
        }
    }

    /// How near (in tokens, either side) a frame word must stand for a hit to be framed.
    public static let frameWindow = 12

    /// Marks the hits from `from` on that have a frame word (other than their own tokens)
    /// within `frameWindow` tokens. O(hits × frames in the unit), both small.
    /// Marks the hits from `from` on that have a frame word (other than themselves) within
    /// `frameWindow` tokens. `frames` are token positions in ascending order (as matching finds
    /// them), so each hit costs one binary search: O(hits × log frames), not hits × frames
    /// (which was quadratic in a long paragraph).
    func markFramed(_ hits: inout [Hit], from: Int, frames: [Int32]) {
        guard !frames.isEmpty, from < hits.count else { return }
        let w = LexiconMatcher.frameWindow
        for h in from..<hits.count {
            let t = Int(hits[h].tokenIndex)
            var lo = 0, hi = frames.count
            while lo < hi { let m = (lo + hi) >> 1; if Int(frames[m]) < t - w { lo = m + 1 } else { hi = m } }
            var i = lo
            while i < frames.count && Int(frames[i]) <= t + w {
                if Int(frames[i]) != t { hits[h].framed = true; break }
                i += 1
            }
        }
    }

    /// True when every sense condition of `entry` holds for a match at positions
    /// `first…last` of `infos` (see `SenseCondition`). O(window) per condition.
    func conditionsHold(entry: Int, first: Int, last: Int, infos: [Int32], cache: MatchCache) -> Bool {
        let conds = lexicon.entries[entry].conditions
        if conds.isEmpty { return true }
        for (ci, c) in conds.enumerated() {
            let ids = conditionWords[entry][ci]
            func isContext(_ pos: Int) -> Bool {
                let code = infos[pos]
                guard code >= 0 else { return false }
                let info = cache.infos[Int(code)]
                for k in 0..<Int(info.wordsCount) where ids.contains(cache.pool[Int(info.wordsStart) + k]) { return true }
                return false
            }
            var found = false
            switch c.scope {
            case .near(let n):
                var pos = first - 1, words = 0
                while pos >= 0 && words < n && !found {
                    if infos[pos] >= 0 || infos[pos] <= LexiconMatcher.plainBase { words += 1; found = isContext(pos) }
                    pos -= 1
                }
                pos = last + 1; words = 0
                while pos < infos.count && words < n && !found {
                    if infos[pos] >= 0 || infos[pos] <= LexiconMatcher.plainBase { words += 1; found = isContext(pos) }
                    pos += 1
                }
            case .clause:
                var pos = first - 1
                while pos >= 0 && infos[pos] != -2 && !found { found = isContext(pos); pos -= 1 }
                pos = last + 1
                while pos < infos.count && infos[pos] != -2 && !found { found = isContext(pos); pos += 1 }
            case .next:
                var pos = last + 1
                while pos < infos.count && infos[pos] == -1 { pos += 1 }
                found = pos < infos.count && isContext(pos)
            case .previous:
                var pos = first - 1
                while pos >= 0 && infos[pos] == -1 { pos -= 1 }
                found = pos >= 0 && isContext(pos)
            }
            if found != c.requires { return false }
        }
        return true
    }

    /// A modifier scope flips hits of one pole: the first hit in scope sets it, and a hit of
    /// the other pole ends the scope ("minska detaljstyrningen och ge handlingsutrymme").
    @inline(__always)
    func limitScope(entry: Int32, j: Int, _ scopePole: inout Pole?, _ negUntil: inout Int, _ reduceUntil: inout Int, _ insteadUntil: inout Int) {
        guard j <= negUntil || j <= reduceUntil || j <= insteadUntil else { return }
        let pole = lexicon.entries[Int(entry)].pole
        if let sp = scopePole, sp != pole {
            negUntil = -1; reduceUntil = -1; insteadUntil = -1; scopePole = nil
        } else {
            scopePole = pole
        }
    }

    @inline(__always)
    func appendHit(_ hits: inout [Hit], entry: Int32, firstToken: Int, lastToken: Int, tokens: [Token], j: Int, negUntil: Int, reduceUntil: Int, insteadUntil: Int, topicUntil: Int) {
        let pole = lexicon.entries[Int(entry)].pole
        var mod: Modifier = j <= negUntil ? .negated : (j <= reduceUntil ? .reduced : (j <= insteadUntil ? .rejected : .none))
        if mod == .none && j <= topicUntil { mod = .topic }
        hits.append(Hit(tokenIndex: Int32(firstToken), start: tokens[firstToken].start, end: tokens[lastToken].end, entry: entry,
                        modifier: mod, pole: mod == .none || mod == .topic ? pole : pole.opposite))
    }

    /// Matches words 2… of a multi-word entry after position `j`; returns the last position.
    func matchRest(entry: Int, from j: Int, infos: [Int32], tokens: [Token], base: Int, cache: MatchCache) -> Int? {
        let words = entryWords[entry]
        var pos = j
        for w in words.dropFirst() {
            pos += 1
            while pos < infos.count && infos[pos] == -1 { pos += 1 }  // hyphens and quotes inside an expression
            guard pos < infos.count, infos[pos] >= 0 else { return nil }
            let info = cache.infos[Int(infos[pos])]
            var found = false
            for k in 0..<Int(info.wordsCount) where cache.pool[Int(info.wordsStart) + k] == w { found = true; break }
            if !found { return nil }
        }
        return pos
    }

    func flip(_ hits: inout [Hit], from: Int, as mod: Modifier) {
        guard from < hits.count else { return }
        for h in from..<hits.count where hits[h].modifier == .none {
            hits[h].modifier = mod
            hits[h].pole = hits[h].pole.opposite
        }
    }

    func flipRecent(_ hits: inout [Hit], from: Int, withinTokens n: Int, of ti: Int, as mod: Modifier) {
        guard from < hits.count else { return }
        for h in from..<hits.count where hits[h].modifier == .none && ti - Int(hits[h].tokenIndex) <= n {
            hits[h].modifier = mod
            hits[h].pole = hits[h].pole.opposite
        }
    }
}
