/// Function words that steer the modifiers. Kept separate from the governance lexicon
/// because they are grammar, not construct.
enum Cue: UInt8 {
    case none = 0, negation, without, reducer, reducerBefore, insteadLead, ratherLead, forWord, thanWord, fromWord, toWord, clauseBreak, topicFrame, increaser, negationLimiter, normativeModal, contrastAnd

    /// Built-in cue words (lowercase, after repair).
    static let words: [(String, Cue)] = {
        var w: [(String, Cue)] = [
            ("inte", .negation), ("ej", .negation), ("icke", .negation), ("ingen", .negation), ("inget", .negation),
            ("inga", .negation), ("aldrig", .negation), ("varken", .negation), ("knappast", .negation), ("utan", .without),
            ("mindre", .reducerBefore), ("färre", .reducerBefore), ("minskad", .reducerBefore), ("minskade", .reducerBefore),
            ("minimal", .reducerBefore), ("minimera", .reducer), ("minimerad", .reducerBefore),
            ("istället", .insteadLead), ("stället", .insteadLead), ("snarare", .ratherLead), ("för", .forWord), ("än", .thanWord),
            ("från", .fromWord), ("till", .toWord), ("men", .clauseBreak),
            ("motion", .topicFrame), ("motionen", .topicFrame), ("motionens", .topicFrame), ("motioner", .topicFrame),
            ("ärende", .topicFrame), ("ärendet", .topicFrame), ("rubrik", .topicFrame), ("rubriken", .topicFrame),
            ("dnr", .topicFrame), ("diarienummer", .topicFrame),
            // comparing the two modes in the abstract names them without attributing either
            // to any governance (rules 4 and 6): "egenskaper som skiljer kontrollbaserad styrning från …"
            ("skiljer", .topicFrame), ("skilja", .topicFrame), ("skillnad", .topicFrame), ("skillnaden", .topicFrame),
            ("skillnaderna", .topicFrame), ("jämfört", .topicFrame), ("jämförelse", .topicFrame), ("jämförelsen", .topicFrame),
        ]
        for stem in ["minska", "avskaffa", "avveckla", "undvika", "motverka", "begränsa", "reducera", "bryta", "ersätta", "slopa", "lätta", "frångå"] {
            for suf in ["", "r", "s", "t", "de", "nde", "ts", "des"] { w.append((stem + suf, .reducer)) }
        }
        // right after a negation these undo it: "inte bara kontroll utan även tillit" (not only),
        // "inte tillräcklig kontroll" (too little control is a call for more), "är inte
        // detsamma som att använda medarbetarnas kompetens" (denies an identity, not the thing)
        for f in ["bara", "enbart", "endast", "tillräcklig", "tillräckligt", "tillräckliga",
                  "detsamma", "densamma", "desamma", "likställt", "likställd", "likställas", "likvärdigt"] { w.append((f, .negationLimiter)) }
        // increasing or introducing ends a reduction: "minska detaljstyrningen och införa fler
        // inspektioner" reduces the first and demands the second
        for f in ["öka", "ökar", "ökas", "ökat", "ökad", "ökade", "införa", "inför", "införs", "införas", "införde", "infört",
                  "stärka", "stärker", "stärks", "stärkt", "utöka", "utökar", "utökad", "utökade", "fler", "mer", "ytterligare"] {
            w.append((f, .increaser))
        }
        // settled conventions: control marked for removal counts for T ("stoppa", "slippa
        // onödig byråkrati", "överdriven kontroll", "gå ifrån ett tidstyrt arbetssätt till …")
        for f in ["stoppa", "stoppar", "stoppas", "stoppat", "stoppade", "slippa", "slipper", "slapp"] { w.append((f, .reducer)) }
        for f in ["onödig", "onödiga", "onödigt", "överdriven", "överdrivna", "överdrivet", "överdriva"] { w.append((f, .reducerBefore)) }
        // a negation rejects (flips) only beside a modal of what should be: "ska inte
        // detaljstyra", "bör inte överprövas"; a negated statement of fact laments an absence
        // and demands the thing ("målen kan inte följas upp" is K, settled conventions)
        // so does a contrast: "i nära dialog och inte på distans", "…, inte genom kontroll"
        for f in ["ska", "skall", "bör", "borde", "behöver", "behövs", "måste", "vill", "ville"] { w.append((f, .normativeModal)) }
        w.append(("och", .contrastAnd))
        w.append(("ifrån", .fromWord))
        for f in ["minskning", "minskningen", "avskaffande", "avskaffandet", "avveckling", "avvecklingen", "undvik", "undviker", "undvek", "bort"] { w.append((f, .reducer)) }
        return w
    }()
}
