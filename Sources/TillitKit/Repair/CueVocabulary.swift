/// The words the grammar cues (`GrammarCues`) name, as form ids of one repair lexicon: the
/// forms a cue speaks for (`här`, `år`, `våra`, `män`, …) and the neighbours it looks for
/// (modals, prepositions, quantifiers). Built once with the lexicon; a word the lexicon lacks
/// gets id -2, which no form has, so its cue never fires. Cost: about 150 table probes.
struct CueVocabulary: Sendable {
    /// Form id of "år" (a number before it is strong evidence).
    let yearFormID: Int32
    /// Form ids of the words after which `ar` can only be the noun `år`: spelled-out numbers
    /// and the words that count or pick out years (`ett år`, `varje år`, `nästa år`).
    let yearCueForms: IDSet
    /// Spelled-out numbers from one up (`ett`, the neuter form: `år` is neuter, and the verb
    /// `är` cannot follow an article), and determiners that take a noun but not a verb:
    /// `varje`, `nästa`, `samma`, `par` (`ett par år`), and the words budget and report
    /// language counts years with (`innevarande`, `föregående`, `kommande`, `nästkommande`,
    /// `förra`, `per`, `varannat`), and the preposition `i` ("i år"). Not other prepositions:
    /// they are stranded before the verb ("det vi arbetar med är", "det han pratar om är").
    /// Not `många`, `flera`, `några`, `detta`, `antalet`, `visst`, `valfritt`: "många är",
    /// "detta är", "antalet är högt", "visst är det så", "Typ (valfritt) är" are common.
    static let yearCues = ["ett", "två", "tre", "fyra", "fem", "sex", "sju", "åtta", "nio", "tio", "elva", "tolv", "tretton",
                           "fjorton", "femton", "sexton", "sjutton", "arton", "nitton", "tjugo", "trettio", "fyrtio", "femtio",
                           "sextio", "sjuttio", "åttio", "nittio", "hundra", "tusen", "tiotal", "hundratal", "tusental",
                           "varje", "nästa", "samma", "par", "innevarande", "föregående", "kommande", "nästkommande",
                           "förra", "per", "i", "varannat", "vartannat"]
    /// Words after which `år` closing a clause is the noun ("fler år,", "tidigare år.").
    let yearBeforeEndForms: IDSet
    static let yearBeforeEnd = ["fler", "flera", "tidigare", "senare", "några", "många", "få", "sista", "senaste", "gångna"]
    /// Form ids of `har` (the auxiliary), `här` (the adverb) and `våra` (the possessive), for
    /// the grammar cues.
    let harFormID: Int32, hereFormID: Int32, varaPossessiveFormID: Int32
    /// Form ids of the infinitive marker `att` and of the infinitive `vara`: after `att` an
    /// infinitive is likely, except that "att våra medarbetare" (the conjunction) is as good
    /// as "att vara", so `vara` takes no such cue.
    let attFormID: Int32, varaFormID: Int32
    /// Form id of the noun `far` (father), for its cue.
    let fatherFormID: Int32
    /// Past tenses whose stripped spelling is also a noun (`låg`/lag, `stod`/stöd,
    /// `satt`/sätt): after a subject pronoun the verb stands ("han låg sjuk", "hon stod vid").
    let pastAfterSubjectForms: IDSet
    static let pastAfterSubject = ["låg", "stod", "satt"]
    /// Form id of the past tense `sa` (said), against `så`.
    let saidFormID: Int32
    /// Form id of the noun `val` (choice, election), against the adverb `väl`.
    let choiceFormID: Int32
    /// Form id of the noun `mån` ("i viss mån", "i mån av").
    let degreeFormID: Int32
    /// Form ids of `är` and `vore`, after which `har` cannot follow.
    let copulaForms: IDSet
    /// Form ids of the auxiliary `har`/`hade`/`ha`/`haft`, before a supine ("har nått").
    let auxiliaryForms: IDSet
    /// Form ids of the copula and `bli` (`är`, `vore`, `blir`, `blev`, `varit`, `blivit`),
    /// which take a predicate, never a bare infinitive.
    let predicateTakerForms: IDSet
    /// Form id of `satt`, the supine of `sätta` as well as the past of `sitta`.
    let setSupineFormID: Int32
    /// Form ids of the plurals `fäder` and `bröder`, which stripped text spells as the
    /// singulars `fader` and `broder`: after a plural quantifier ("fler fäder").
    let pluralKinForms: IDSet
    /// Form id of the noun `vägar` (roads, ways), which stripped text spells as the verb
    /// `vågar` (dares).
    let roadsFormID: Int32
    /// Form id of `pröva` (try, consider), which stripped text spells as `prova` (try on).
    let considerFormID: Int32
    /// Form id of `bära` (carry), which stripped text spells as the adverb `bara`.
    let carryFormID: Int32
    /// Form id of the modal `bör` (before a passive infinitive: "bör avslås").
    let shouldFormID: Int32
    /// Form id of `män`, and the quantifiers that take a plural noun (`många män`).
    let menFormID: Int32
    /// Form id of the genitive plural `mäns` ("mäns och kvinnors villkor").
    let menGenitiveFormID: Int32
    let pluralQuantifierForms: IDSet
    /// Form ids of the definite plural `männen`/`männens` and singular `mannen`/`mannens`,
    /// which stripped or OCR'd text spells alike.
    let menDefiniteForms: IDSet, manDefiniteForms: IDSet
    static let menDefinite = ["männen", "männens"], manDefinite = ["mannen", "mannens"]
    static let pluralQuantifiers = ["många", "flera", "några", "alla", "dessa", "båda", "bägge", "sådana", "två", "tre", "fyra", "fem",
                                    "sex", "sju", "åtta", "nio", "tio", "hundra", "tusen", "fler", "färre", "få"]
    /// Words after which `vara` is the possessive `våra`: prepositions and `alla`, where the
    /// infinitive takes `att` ("för att vara"; not `till`: "ta till vara"), and finite forms of
    /// `vara`, `ha` and `bli`, which take a participle or supine, never the infinitive ("Vi har
    /// våra barn till låns", "Har de blivit våra närmaste vänner").
    let possessiveCueForms: IDSet
    /// Form ids of the singular possessives `vår`/`vårt`, and of the prepositions after which
    /// they, not the verb `var` or the adverb `vart`, stand ("mot vår vilja", "utan vår").
    let ourSingularForms: IDSet, prepositionForms: IDSet
    static let ourSingular = ["vår", "vårt"]
    /// Form ids of the particle `in` ("skriv in", "lämna in") and of `än` (than), which OCR
    /// writes alike (`in` for `än`).
    let inFormID: Int32, thanFormID: Int32
    /// Form ids of `värt` (worth: "värt att") and `vårt` (our, neuter: "vårt eget").
    let worthFormID: Int32, ourNeuterFormID: Int32
    /// Form ids of the modal verbs, after which only an infinitive stands ("måste motsätta
    /// sig", not "måste motsatta"). Not `får`/`fick`, which as often take a noun ("får stöd").
    let modalForms: IDSet
    static let modals = ["måste", "ska", "skall", "kan", "kunde", "bör", "borde", "vill", "ville", "skulle", "lär", "torde"]

    /// Every form some grammar cue speaks for (the candidates `GrammarCues.bonus` looks at).
    let cueForms: IDSet
    static let prepositions = ["av", "i", "med", "för", "på", "om", "enligt", "från", "under", "över", "mot", "bland", "hos",
                               "genom", "vid", "åt", "efter", "inför", "inom", "kring", "mellan", "utan"]
    /// The `våra` cue words: the prepositions (without `utan`, which joined the list for the
    /// later `vår` cue and was never measured for `våra`), `alla`, the finite verbs, and
    /// `som` and `än`, which as a relative or in a comparison are never followed by a bare
    /// infinitive ("samma chanser som våra söner", "bättre än våra föräldrar").
    static let possessiveCues = prepositions.filter { $0 != "utan" } + ["alla", "är", "vore", "har", "hade", "blir", "blev", "blivit", "som", "än",
                                                                         "när", "eftersom", "medan", "innan", "tills", "ifall", "fastän"]

    init(_ forms: ByteTable) {
        // form ids and id sets of the words the cues name (-2: not in this lexicon)
        let id = { (word: String) -> Int32 in forms.find(Array(word.utf8)) ?? -2 }
        let ids = { (words: [String]) in words.compactMap { forms.find(Array($0.utf8)) } }
        self.yearFormID = id("år")
        self.harFormID = id("har")
        self.hereFormID = id("här")
        self.copulaForms = IDSet(ids(["är", "vore"]))
        self.auxiliaryForms = IDSet(ids(["har", "hade", "ha", "haft"]))
        self.predicateTakerForms = IDSet(ids(["är", "vore", "blir", "blev", "varit", "blivit"]))
        self.varaPossessiveFormID = id("våra")
        self.attFormID = id("att")
        self.varaFormID = id("vara")
        self.fatherFormID = id("far")
        self.pastAfterSubjectForms = IDSet(ids(CueVocabulary.pastAfterSubject))
        self.saidFormID = id("sa")
        self.setSupineFormID = id("satt")
        self.carryFormID = id("bära")
        self.considerFormID = id("pröva")
        self.roadsFormID = id("vägar")
        self.pluralKinForms = IDSet(ids(["fäder", "bröder"]))
        self.choiceFormID = id("val")
        self.degreeFormID = id("mån")
        self.shouldFormID = id("bör")
        self.menFormID = id("män")
        self.menGenitiveFormID = id("mäns")
        self.modalForms = IDSet(ids(CueVocabulary.modals))
        self.worthFormID = id("värt")
        self.ourNeuterFormID = id("vårt")
        self.inFormID = id("in")
        self.thanFormID = id("än")
        self.ourSingularForms = IDSet(ids(CueVocabulary.ourSingular))
        self.prepositionForms = IDSet(ids(CueVocabulary.prepositions))
        self.menDefiniteForms = IDSet(ids(CueVocabulary.menDefinite))
        self.manDefiniteForms = IDSet(ids(CueVocabulary.manDefinite))
        self.pluralQuantifierForms = IDSet(ids(CueVocabulary.pluralQuantifiers))
        self.possessiveCueForms = IDSet(ids(CueVocabulary.possessiveCues))
        self.yearCueForms = IDSet(ids(CueVocabulary.yearCues))
        self.yearBeforeEndForms = IDSet(ids(CueVocabulary.yearBeforeEnd))
        // the forms bonus tests by id, and the members of its per-candidate sets
        self.cueForms = IDSet([yearFormID, harFormID, hereFormID, menFormID, shouldFormID, varaPossessiveFormID, inFormID, thanFormID, worthFormID, ourNeuterFormID, fatherFormID, saidFormID, choiceFormID, degreeFormID,
                               menGenitiveFormID, carryFormID, considerFormID, roadsFormID]
                              + ids(CueVocabulary.ourSingular) + ids(CueVocabulary.menDefinite) + ids(CueVocabulary.manDefinite)
                              + ids(CueVocabulary.pastAfterSubject) + ids(["fäder", "bröder"]))
    }
}
