/// The context one token leaves for the next word's decision: the context id and form id of
/// the word as it reads after repair, and whether it was a number. `RepairStream` carries it
/// from the last token of one part of a document to the first of the next.
///
/// Until a lexicon is at hand it may stand for a marker (sentence start, a number, a word
/// left alone), so a clean part passes it on without loading the lexicon.
struct RepairCarry {
    enum Marker: UInt8 { case explicit, sentence, number, none }
    var marker: Marker
    var context: Int32
    var isNumber: Bool
    var form: Int32
    /// The last token and the one before it as the in-domain model reads neighbours
    /// (`Repairer.domainNeighbour`: a form id, a `DomainContext` marker or
    /// `Repairer.noNeighbour`).
    var near: Int32, far: Int32

    /// The start of a text: a sentence start.
    init() { marker = .sentence; context = -1; isNumber = false; form = -1; near = DomainContext.sentenceStart; far = Repairer.noNeighbour }

    /// A context given by ids.
    init(context: Int32, isNumber: Bool, form: Int32, far: Int32, near: Int32) {
        marker = .explicit; self.context = context; self.isNumber = isNumber; self.form = form
        self.near = near; self.far = far
    }

    /// A context given by a marker, after a token `far` reads as.
    init(_ marker: Marker, far: Int32) {
        self.marker = marker; context = -1; isNumber = marker == .number; form = -1
        near = RepairCarry.neighbour(marker)
        self.far = far
    }

    /// A marker as the in-domain model reads it beside a word (`Repairer.domainNeighbour`).
    static func neighbour(_ m: Marker) -> Int32 {
        m == .number ? DomainContext.number : m == .sentence ? DomainContext.sentenceStart : Repairer.noNeighbour
    }

    /// (context id, is a number, form id) in `lex`.
    func resolved(_ lex: RepairLexicon) -> (Int32, Bool, Int32) {
        switch marker {
        case .explicit: return (context, isNumber, form)
        case .sentence: return (lex.sentenceContext, false, -1)
        case .number: return (lex.numberContext, true, -1)
        case .none: return (-1, false, -1)
        }
    }

    /// The context after the tokens `range` of a paragraph left alone, where every word is
    /// kept: that of its last word, number or sentence mark; `self` when the range holds none.
    /// Mirrors pass 2 of `Repairer.decide` for words without an entry.
    func after(_ p: UnsafeBufferPointer<UInt8>, _ tokens: [Token], _ range: Range<Int>) -> RepairCarry {
        var ti = range.upperBound - 1
        var last: Marker? = nil
        while ti >= range.lowerBound {
            let t = tokens[ti]
            ti -= 1
            var m: Marker
            switch t.kind {
            case .word: m = .none
            case .number: m = .number
            case .punctuation, .other:
                let b = p[Int(t.start)]
                guard b == 0x2E || b == 0x21 || b == 0x3F || b == 0x3A || b == 0x3B else { continue }
                m = .sentence
            }
            if let l = last { return RepairCarry(l, far: RepairCarry.neighbour(m)) }
            last = m
        }
        if let l = last { return RepairCarry(l, far: near) }
        return self
    }
}
