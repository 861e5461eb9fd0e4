import Foundation
import Testing
@testable import TillitKit

@Suite("Repair: OCR-damaged Swedish from the seeds")
struct RepairTests {
    let repairer = Repairer.shared

    func repaired(_ s: String, mode: RepairMode = .auto) -> String {
        let b = Array(s.utf8)
        return String(decoding: repairer.repair(text: b, mode: mode).apply(to: b), as: UTF8.self)
    }

    @Test("known repairs from seeds 002 and 003", arguments: [
        ("bedomer att ett kommunévergripande styrdokument inte ar ritt for Malmo stad", "kommunövergripande"),
        ("Motionen vill 6ka tilliten och minska kontrollen i flera forvaltningar", "öka"),
        ("Redan pdgaende arbete 1 flera forvaltningar gar i riktning mot den ambition", "pågående"),
        ("Redan pdgaende arbete 1 flera forvaltningar gar i riktning mot den ambition", "arbete i flera"),
        ("Det som ar viktig for staden ar att tilliten till professionen 6kar", "är viktig"),
        ("Kommunstyrelsen foreslar kommunfullmiktige besluta att avsla motionen", "kommunfullmäktige"),
        ("handlingar som ligger till grund f6r beslutsforslaget i Malmo stad", "för"),
        ("handlingar som ligger till grund f6r beslutsforslaget i Malmo stad", "Malmö"),
        ("Pensionsaldern intraffar s& far Du inget av det som utlovats", "inträffar så får"),
        ("Det ar sA. | Malmo stad finns manga forvaltningar", "är så. I Malmö"),
        ("Vinsterpartiet i Region Skane anser att tillitsbaserad styrning ar viktig", "Vänsterpartiet i Region Skåne"),
        // one ö written as two characters, the second an é (seed 002)
        ("Anders Andersson (V) motionerar om att gora Malmoé stad till en tillitsstyrd kommun", "Malmö stad"),
        ("tillit till professionen och en god service till malmoéborna.", "malmöborna."),
        ("vara med och utveckla arbetet. Fackfoérbunden stér siledes 1 vissa fall", "Fackförbunden"),
        ("att det dr professionen sjilv — i detta fall f6érskollirarna — som ér drivande", "förskollärarna"),
        ("snivt definierade mitbara indikatorer. Ar 2014 inférdes dirfor", "År 2014 infördes"),
        // ä or å written as é and i, or as i and a, a and i, i and i: the dots or ring read as a letter (seed 002)
        ("bedéms inte av motioniren som genomgripande eller séirskilt", "genomgripande eller särskilt"),
        ("Tillitsdelegationens betinkande - Med tillit véixer handlingsutrymmet", "Med tillit växer handlingsutrymmet"),
        ("i detta sammanhang viktigt att beakta Malmo stads langtgiaende decentraliserade", "Malmö stads långtgående decentraliserade"),
        ("inom HVB-hemmen bedrivs arbetet utifrain de ungas behov", "arbetet utifrån de ungas behov"),
        ("stiarka det kollegiala lirandet och stirka professionen", "stärka det kollegiala lärandet och stärka professionen"),
        ("kan fragan stillas vad viart syfte dr med en offentlig sektor", "vad vårt syfte är"),
        ("Diirefter ska de definiera en ledarfilosofi for att na ett mer tillitsbaserat ledarskap", "Därefter ska de definiera"),
        // a first letter OCR misread: G for ö, t for f (seed 002)
        ("och bor saledes ses som ett komplement till Gvriga styrformer", "ett komplement till övriga styrformer"),
        ("Den torindrade malstyrningen har bland annat", "Den förändrade målstyrningen"),
        ("Av motionen tramgar bland annat att", "Av motionen framgår bland annat"),
        // a pound sign for f, before a 6 for ö (seed 002)
        ("professioner som beh6vs f6r att skapa en sa bra situation som mdjligt £6r denne.", "möjligt för denne."),
        // ... or as two characters, the first an é (seeds 002 and 003)
        ("utvecklingsarbete kring arbetsvillkor, organisering och kompetens som nu péagar sedan cirka", "som nu pågår sedan"),
        ("kompetens och engagemang och ger en god organisatorisk och social arbetsmiljo.\n\nVéansterpartiet yrkar darfor:", "Vänsterpartiet yrkar därför:"),
        // a compound no list holds, joined by the linking -s-: rapportering|s|tillfällen
        ("rapporteringstillfillen under dret har minskat for att skapa mer utrymme 1 organisationen", "rapporteringstillfällen under året"),
    ])
    func knownRepairs(_ input: String, _ expected: String) {
        #expect(repaired(input).contains(expected))
    }

    @Test("repair keeps every byte outside the repaired tokens and records the original span")
    func byteIdenticalOutsideChanges() {
        let s = "Tillit ar vagen fram\n\nIdag dr det manga som pratar om tillit,   men &r det sa?"
        let b = Array(s.utf8)
        let r = repairer.repair(text: b, mode: .auto)
        #expect(!r.changes.isEmpty)
        for c in r.changes { #expect(String(decoding: b[c.offset..<c.offset + c.length], as: UTF8.self) == c.original) }
        let out = String(decoding: r.apply(to: b), as: UTF8.self)
        #expect(out == "Tillit är vägen fram\n\nIdag är det många som pratar om tillit,   men är det så?")
    }

    @Test("the clean seed 001 is left exactly as it is")
    func cleanSeedUnchanged() {
        let b = Fixtures.bytes("001_1bb6f32811f21775.txt")
        let r = repairer.repair(text: b, mode: .auto)
        #expect(!r.looksDamaged)
        #expect(r.changes.isEmpty, "changed: \(r.changes.map { "\($0.original)→\($0.replacement)" })")
    }

    @Test("seed 003 repaired reads like its clean twin 001 in their shared paragraph")
    func damagedTwinConverges() {
        let clean = Fixtures.text("001_1bb6f32811f21775.txt")
        let damaged = Fixtures.text("003_2057fdc33c0afc19.txt")
        // the "Tillitsbaserad styrning, medarbetarstyrda organisationer…" paragraph, in both seeds
        func paragraph(_ t: String) -> String {
            let start = t.range(of: "Tillitsbaserad styrning, medarbetarstyrda")!.lowerBound
            let end = t.range(of: "makt och inflytande.", range: start..<t.endIndex)!.upperBound
            return String(t[start..<end])
        }
        let gold = WordErrorRate.words(paragraph(clean))
        let before = WordErrorRate.words(paragraph(damaged))
        let after = WordErrorRate.words(repaired(paragraph(damaged)))
        let werBefore = Double(WordErrorRate.distance(gold, before)) / Double(gold.count)
        let werAfter = Double(WordErrorRate.distance(gold, after)) / Double(gold.count)
        #expect(werBefore > 0.15)
        #expect(werAfter < 0.06, "WER after repair \(werAfter)")
    }

    @Test("seed 000 with its å/ä/ö flattened is read as flattened and repairs back to its clean text word for word")
    func flattenedSeedRoundTrip() {
        let clean = Fixtures.text("000_810f52e9195261e7.txt")
        let flat = String(String.UnicodeScalarView(clean.unicodeScalars.map { u -> Unicode.Scalar in
            switch u { case "å", "ä": return "a"; case "ö": return "o"; case "Å", "Ä": return "A"; case "Ö": return "O"; default: return u }
        }))
        let b = Array(flat.utf8)
        let verdict = b.withUnsafeBufferPointer { p in repairer.assess(p, tokens: Tokenizer.tokenize(b)) }
        #expect(verdict.damaged && verdict.flattened)
        // "flöden" read as "floden" (a river) while o was taken for ö only as often as real OCR does
        #expect(WordErrorRate.words(repaired(flat)) == WordErrorRate.words(clean))
    }

    @Test("in flattened text a known word becomes another only through its å/ä/ö, not through an OCR confusion: Min far stays (not Man får); real OCR's ir still reads är")
    func flattenedKnownWordsKeepTheirLetters() {
        #expect(repaired("Min far och mor arbetade bada inom skolan.", mode: .on) == "Min far och mor arbetade båda inom skolan.")
        #expect(repaired("Min far arbetade pa fabriken i trettio ar.", mode: .on) == "Min far arbetade på fabriken i trettio år.")
        // seed 002, real OCR: an i that stands for ä in a word no list holds
        let seed002 = Fixtures.text("002_01034d870a99e8da.txt")
        #expect(seed002.contains("ir tillit"))
        #expect(repaired(seed002).contains("är tillit"))
    }

    @Test("forced on, a text that keeps its å/ä/ö keeps a name and a compound no list holds as written; the same text stripped of them gets its words back")
    func forcedOnCleanTextKeepsWordsAsWritten() {
        let clean = "Kommunen köpte en ny lastmaskin förra året, och föraren Erik Ranstorp var nöjd med den. Valet av maskin var väl "
            + "genomtänkt, men nämnden har frågat hur snöröjningen fungerar på gatorna. Resultatet visar att de flesta boende är nöjda "
            + "med arbetet under vintern som gick, och att få har klagat på sopsaltningen."
        // about 30% of clean Swedish words hold å/ä/ö: a word of this text written without them most likely was
        #expect(repaired(clean, mode: .on) == clean)
        let stripped = String(clean.map { c -> Character in c == "å" || c == "ä" ? "a" : c == "ö" ? "o" : c })
        let back = repaired(stripped, mode: .on)
        for word in ["köpte", "förra året", "nöjd med", "väl genomtänkt", "nämnden har frågat", "på gatorna", "är nöjda"] {
            #expect(back.contains(word), "\(word)")
        }
        // Stripped, the loss prior is 0 and the text is read as before: the lexicon, its context, the cues
        #expect(repairer.lossPrior(share: 0, lex: repairer.lex) == 0)
        #expect(repairer.lossPrior(share: 0.28, lex: repairer.lex) > 2)
    }

    @Test("real OCR (seed 003, with é and 6 for ö) is damaged but not merely flattened")
    func realOCRIsNotFlattened() {
        let b = Fixtures.bytes("003_2057fdc33c0afc19.txt")
        let verdict = b.withUnsafeBufferPointer { p in repairer.assess(p, tokens: Tokenizer.tokenize(b)) }
        #expect(verdict.damaged && !verdict.flattened)
    }

    @Test("a spelled-out number or a counting word before ar reads år, as a written number does (seed 001's sentence)")
    func yearsAfterSpelledNumbers() {
        #expect(repaired("Efter sjutton ar av pandemikris har detta blivit an mer patagligt", mode: .on).hasPrefix("Efter sjutton år av"))
        #expect(repaired("Efter 17 ar av pandemikris har detta blivit an mer patagligt", mode: .on).hasPrefix("Efter 17 år av"))
        #expect(repaired("Efter ett ar av pandemikris har detta blivit an mer patagligt", mode: .on).hasPrefix("Efter ett år av"))
        #expect(repaired("Varje ar har detta blivit an mer patagligt", mode: .on).hasPrefix("Varje år har"))
        // a year after it, too: "för ar 2024", "Ar 1920"
        #expect(repaired("Kostnaden beraknas till 2,3 miljoner kronor for ar 2024", mode: .on).hasSuffix("för år 2024"))
        #expect(repaired("Ar 1920 fick kvinnor rostratt", mode: .on).hasPrefix("År 1920"))
        // even where the next word would pull towards the verb ("är att" is frequent)
        #expect(repaired("Det tog ett ar att bygga upp tilliten", mode: .on) == "Det tog ett år att bygga upp tilliten")
        // a word that may be followed by the verb keeps the choice open: "detta är", "många är"
        #expect(repaired("Detta ar en ambition for manga ar framat", mode: .on).hasPrefix("Detta är en ambition"))
    }

    @Test("grammar decides where the context bigrams are silent: har before a supine, här after är, bör before a passive infinitive, våra after a preposition or a finite verb, män after a plural quantifier or beside kvinnor")
    func grammarCues() {
        // the auxiliary before a supine, also across an adverb; "det här" before a noun stays
        #expect(repaired("Det har aldrig utretts.", mode: .on) == "Det har aldrig utretts.")
        #expect(repaired("Fragan om tillitsstyrning har diskuterats och utretts flera ganger.", mode: .on)
                == "Frågan om tillitsstyrning har diskuterats och utretts flera gånger.")
        #expect(repaired("Det har arbetet har pagatt lange.", mode: .on) == "Det här arbetet har pågått länge.")
        // the adverb after the copula; "år har" before a supine keeps the auxiliary
        #expect(repaired("Ett ar har gatt sedan beslutet. Det ar har vi kan gora skillnad.", mode: .on)
                == "Ett år har gått sedan beslutet. Det är här vi kan göra skillnad.")
        // the possessive after a preposition; the infinitive after "att" and in "ta vara på" stays
        #expect(repaired("Det ar ett samtal om vara gemensamma resurser.", mode: .on) == "Det är ett samtal om våra gemensamma resurser.")
        #expect(repaired("Det ar viktigt att vara tydlig mot vara medborgare.", mode: .on)
                == "Det är viktigt att vara tydlig mot våra medborgare.")
        #expect(repaired("Vi maste ta vara pa vara medarbetares kunskap.", mode: .on) == "Vi måste ta vara på våra medarbetares kunskap.")
        // a finite är/har/blir takes a participle or supine, never the infinitive
        #expect(repaired("Det ar vara medarbetare som har blivit vara framsta resurser.", mode: .on)
                == "Det är våra medarbetare som har blivit våra främsta resurser.")
        #expect(repaired("Det ska vara tydligt och det kan vara bra.", mode: .on) == "Det ska vara tydligt och det kan vara bra.")
        // the plural noun; the pronoun "man" as a subject stays
        #expect(repaired("Lika lon for kvinnor och man ar en fraga om tillit, men man kan inte vanta.", mode: .on)
                == "Lika lön för kvinnor och män är en fråga om tillit, men man kan inte vänta.")
        #expect(repaired("Manga man och kvinnor arbetar i varden.", mode: .on).hasPrefix("Många män och kvinnor"))
        // the genitive plural beside "kvinnors", and "såväl som" (probe 11; Talbanken's "kvinnor såväl som män")
        #expect(repaired("Kvinnors och mans villkor hanger ihop.", mode: .on) == "Kvinnors och mäns villkor hänger ihop.")
        #expect(repaired("Det galler kvinnor saval som man i alla aldrar.", mode: .on) == "Det gäller kvinnor såväl som män i alla åldrar.")
        // the modal before a passive infinitive (seed 002, twice); "bor" before a place stays
        let seed002 = Fixtures.text("002_01034d870a99e8da.txt")
        let line = seed002.split(separator: "\n").first { $0.hasPrefix("Stadskontoret foreslar att motionen bor avslas") }
        #expect(line != nil)
        #expect(repaired(String(line ?? "")).hasPrefix("Stadskontoret föreslår att motionen bör avslås med hänvisning"))
        #expect(repaired("Inriktningen bor saledes ses som ett komplement.", mode: .on) == "Inriktningen bör således ses som ett komplement.")
        #expect(repaired("Manga aldre bor hos sina barn.", mode: .on) == "Många äldre bor hos sina barn.")
        // and before an active infinitive, unless a place follows
        #expect(repaired("Samhallet bor ta vara pa detta, och de bor ocksa ge stod.", mode: .on)
                == "Samhället bör ta vara på detta, och de bör också ge stöd.")
        #expect(seed002.contains("att en uppfoljning bor\nhitta balansen"))
        #expect(repaired(seed002).contains("att en uppföljning bör\nhitta balansen"))
        #expect(repaired("Manga aldre bor nara sina barn.", mode: .on) == "Många äldre bor nära sina barn.")
    }

    @Test("har before a supine in -t whose infinitive the lexicon holds (det har sänkt, det har styrt), not det här; här before långt stays")
    func harBeforeWeakSupines() {
        // "det här" is the frequent bigram, so only the verb form after it can tell
        #expect(repaired("Det har sankt tilliten i verksamheten.", mode: .on) == "Det har sänkt tilliten i verksamheten.")
        #expect(repaired("Det har styrt arbetet mot matbara mal.", mode: .on) == "Det har styrt arbetet mot mätbara mål.")
        #expect(repaired("Det har hort till vardagen att rapportera.", mode: .on) == "Det har hört till vardagen att rapportera.")
        // an adverb in -t that measures a place goes with the adverb: "här långt ovanpå"
        #expect(repaired("Dra rutan sa har langt at hoger.", mode: .on) == "Dra rutan så här långt åt höger.")
    }

    @Test("a compound whose first part ends in the linking s keeps it: Tillitsreformen, not Tillätsreformen")
    func linkingSBeatsAnotherWord() {
        #expect(repaired("Tillitsreformen bor inte bli en ny modell for detaljstyrning", mode: .on).hasPrefix("Tillitsreformen"))
    }

    @Test("seed 002 keeps every word of the tillit family: no tillitsbaserat → tillätsbaserat")
    func tillitCompoundsSurviveSeed002() {
        let b = Fixtures.bytes("002_01034d870a99e8da.txt")
        let changes = repairer.repair(text: b, mode: .auto).changes
        let tillit = changes.filter { $0.original.lowercased().hasPrefix("tillit") }
        #expect(tillit.allSatisfy { $0.replacement.lowercased().hasPrefix("tillit") }, "\(tillit.map { "\($0.original)→\($0.replacement)" })")
        // and the family is there to be kept: the seed names it dozens of times
        #expect(String(decoding: b, as: UTF8.self).lowercased().components(separatedBy: "tillits").count > 20)
    }

    @Test("the codebook's typical K and T words, written without å/ä/ö in a damaged text, come back exactly")
    func codebookVocabularySurvivesRepair() {
        // CODEBOOK.md, "Typical K language" and "Typical T language"
        let words = ["detaljstyrning", "kontrollsystem", "styrdokument", "regelstyrning", "formalisering", "rutiner", "standardisering",
                     "minutschema", "mätning", "indikatorer", "nyckeltal", "rapportering", "avvikelser", "sanktioner", "inspektion",
                     "överprövning", "hierarki", "chefsled", "lojalitet", "överordnade", "följsamhet", "tillit", "förtroende", "dialog",
                     "samskapande", "samverkan", "helhetssyn", "lärande", "kollegialt", "medarbetarstyrd", "självstyrande",
                     "handlingsutrymme", "mandat", "befogenheter", "professionen", "kärnverksamheten", "medborgarens", "brukarens",
                     "kvalitativ", "uppföljning", "stöd", "öppenhet", "medledarskap", "delaktighet", "inflytande", "förtroendevald"]
        func flatten(_ w: String) -> String {
            String(String.UnicodeScalarView(w.unicodeScalars.map { u -> Unicode.Scalar in
                switch u { case "å", "ä": return "a"; case "ö": return "o"; default: return u }
            }))
        }
        let text = words.map { "Det ar viktigt med \(flatten($0)) for oss." }.joined(separator: "\n")
        let lines = repaired(text, mode: .on).split(separator: "\n")
        #expect(lines.count == words.count)
        for (w, line) in zip(words, lines) { #expect(line == "Det är viktigt med \(w) för oss.") }
    }

    @Test("--repair auto leaves an English summary alone (seed 000's opening, translated): for, an stay")
    func englishIsNotRepaired() {
        let english = "The municipality of Malmo has for some years had an ambition to apply trust-based governance in its operations "
            + "and to become the most attractive public employer in Sweden. At the same time we see continued detailed control of staff."
        let b = Array(english.utf8)
        #expect(repairer.repair(text: b, mode: .auto).changes.isEmpty)
        #expect(!b.withUnsafeBufferPointer { repairer.assess($0, tokens: Tokenizer.tokenize(b)).damaged })
        // the same opening in Swedish with its å/ä/ö lost is still repaired
        let swedish = "Malmo stad har sedan ett par ar haft en ambition att successivt tillampa tillitsbaserad styrning i verksamheten"
        #expect(repaired(swedish).hasPrefix("Malmö stad har sedan ett par år haft en ambition att successivt tillämpa"))
    }

    @Test("words inside web and e-mail addresses are never repaired; the same words in the sentence are")
    func addressesStayAsWritten() {
        let s = "Las mer pa www.malmo.se/forvaltning och https://lund.se/tillit/styrning eller skriv till stadskontoret@malmo.se om Malmo."
        let out = repaired(s, mode: .on)
        #expect(out == "Läs mer på www.malmo.se/forvaltning och https://lund.se/tillit/styrning eller skriv till stadskontoret@malmo.se om Malmö.")
        // a host name alone, and one that ends the sentence
        #expect(repaired("Se malmo.se eller lund.se. Malmo stad ar en kommun.", mode: .on) == "Se malmo.se eller lund.se. Malmö stad är en kommun.")
    }

    @Test("capital Roman numerals stay as written: Kapitel IV is not Kapitel AV")
    func romanNumeralsStay() {
        #expect(repaired("Kapitel IV: Overgripande mal for arbetet och kapitel XII om uppfoljning", mode: .on)
                == "Kapitel IV: Övergripande mål för arbetet och kapitel XII om uppföljning")
    }

    @Test("a merged repair keeps the case and the line-end break: Foérst → Först, praé-\\ngel → prä-\\ngel")
    func mergedRepairKeepsLayout() {
        #expect(repaired("Foérst nar kvinnorna blev fria satter det sin praé-\ngel pa allt", mode: .on)
                == "Först när kvinnorna blev fria sätter det sin prä-\ngel på allt")
    }

    @Test("männen or mannen follows the number of the nearest mention of women; vår follows a preposition unless var och en or a pronoun comes next")
    func counterpartAndPossessiveCues() {
        // "kvinnorna … tillsammans med männen", "kvinnans likställighet med mannen"
        #expect(repaired("Nar kvinnorna far ansvar i produktionen tillsammans med mannen kan de bli jamlika.", mode: .on)
                == "När kvinnorna får ansvar i produktionen tillsammans med männen kan de bli jämlika.")
        #expect(repaired("Kvinnans juridiska likstallighet med mannen kom sent.", mode: .on)
                == "Kvinnans juridiska likställighet med mannen kom sent.")
        // with no woman in reach, the frequent singular stays
        #expect(repaired("De ger mannen markservice och tar hand om hemmet.", mode: .on) == "De ger mannen markservice och tar hand om hemmet.")
        // seed 002: "på olika ställen i vår organisation"
        let seed002 = Fixtures.text("002_01034d870a99e8da.txt")
        let at = seed002.range(of: "pa olika stéllen i var\norganisation")
        #expect(at != nil)
        if let at { #expect(repaired(String(seed002[at]), mode: .on).hasSuffix("i vår\norganisation")) }
        #expect(repaired("Det far inte ske mot var vilja.", mode: .on) == "Det får inte ske mot vår vilja.")
        // the pronoun "var och en" and "var" as where stay
        #expect(repaired("Ett brev gick till var och en av medarbetarna.", mode: .on) == "Ett brev gick till var och en av medarbetarna.")
        #expect(repaired("Det beror pa var de finns.", mode: .on) == "Det beror på var de finns.")
    }

    @Test("a compound is built only from parts seen in running text when a part needs a change: majligheter (seed 003) is not made maj|lågheter; the learned rewrites read it as möjligheter")
    func compoundPartsMustBeAttested() {
        let seed003 = Fixtures.text("003_2057fdc33c0afc19.txt")
        let at = seed003.range(of: "personalens majligheter till")
        #expect(at != nil)
        if let at {
            let b = Array(String(seed003[at]).utf8)
            let noRewrites = Repairer(rewrites: OCRRewrites())
            #expect(String(decoding: noRewrites.repair(text: b, mode: .on).apply(to: b), as: UTF8.self) == "personalens majligheter till")
            #expect(repaired(String(seed003[at]), mode: .on) == "personalens möjligheter till")
        }
        // a compound of frequent parts is still found: kommunévergripande → kommunövergripande
        #expect(repaired("Ett kommunévergripande arbete med tillit.", mode: .on) == "Ett kommunövergripande arbete med tillit.")
    }

    @Test("in stays the particle after a verb (skriv in, läs inte in) and is än after a comparative (mer in vad, bättre in)")
    func particleInAndThan() {
        #expect(repaired("Skriv in ett varde i rutan.", mode: .on) == "Skriv in ett värde i rutan.")
        #expect(repaired("Las inte in nagra bilder, och las hur man laser in dem.", mode: .on)
                == "Läs inte in några bilder, och läs hur man läser in dem.")
        #expect(repaired("Det ar mer in vad vi trodde.", mode: .on) == "Det är mer än vad vi trodde.")
        #expect(repaired("Det ar battre in ingenting.", mode: .on) == "Det är bättre än ingenting.")
        // a noun in -are further back is not a comparative
        #expect(repaired("Radavgransare for in-line-matriser.", mode: .on) == "Radavgränsare för in-line-matriser.")
    }

    @Test("a lone 1 is the preposition i only where i can stand: arbete 1 flera → i flera; rad 1 med, typ 1 innebär, är 1 i stay numbers")
    func loneOneIsPrepositionOnlyWhereICanStand() {
        #expect(repaired("Redan pdgaende arbete 1 flera forvaltningar gar at samma hall.", mode: .on).contains("arbete i flera förvaltningar"))
        #expect(repaired("Varden pa rad 1 med datum sorteras forst.", mode: .on).contains("rad 1 med datum"))
        #expect(repaired("Argument av typ 1 innebar att vardet ar 1 i alla fall.", mode: .on)
                == "Argument av typ 1 innebär att värdet är 1 i alla fall.")
    }

    @Test("an @ inside a word stands for ö as well as å: om@jligt → omöjligt, f@r → för, g@r → gör")
    func atSignIsOAsWellAsA() {
        #expect(repaired("Det ar om@jligt att ga f@r langt.", mode: .on) == "Det är omöjligt att gå för långt.")
        #expect(repaired("Vi g@r det nu och sedan g@r vi hem.", mode: .on).hasPrefix("Vi gör det nu"))
    }

    @Test("abbreviations, file names and dotted names stay as written: fr.o.m., d.v.s., autoexec.bat, com.sun.star; a long dotted label is still repaired")
    func dottedNamesStay() {
        #expect(repaired("Beslutet galler fr.o.m. idag, d.v.s. nu.", mode: .on) == "Beslutet gäller fr.o.m. idag, d.v.s. nu.")
        #expect(repaired("Oppna filen autoexec.bat och tjansten com.sun.star.util i Dir$ for sig.", mode: .on)
                == "Öppna filen autoexec.bat och tjänsten com.sun.star.util i Dir$ för sig.")
        #expect(repaired("Ange tabellnamn.faltnamn och spara.", mode: .on) == "Ange tabellnamn.fältnamn och spara.")
    }

    @Test("a € glued to a letter is OCR's å (p€ → på, f€ → få); an amount in euro stays")
    func euroInsideAWordIsA() {
        #expect(repaired("Klicka p€ knappen for att f€ hjalp.", mode: .on) == "Klicka på knappen för att få hjälp.")
        #expect(repaired("Det kostar 100 € per ar och 100€ i avgift.", mode: .on) == "Det kostar 100 € per år och 100€ i avgift.")
        #expect(Tokenizer.tokenize(Array("p€ 100€".utf8)).map(\.kind) == [.word, .number, .punctuation])
    }

    @Test("an infinitive is told by its present tense in the lexicon (vårda → vårdar, sätta → sätter, höra → hör) or as irregular (vilja, kunna, veta); adjectives and participles are not")
    func infinitivesByPresentTense() throws {
        let lex = RepairLexicon.embedded
        for w in ["vårda", "motsätta", "framstå", "höra", "göra", "vara", "ta", "gå", "ligga", "sitta", "bli", "ha", "vilja", "kunna", "veta"] {
            let f = try #require(lex.formID(Array(w.utf8)), "\(w)")
            #expect(lex.looksInfinitive(f), "\(w)")
        }
        for w in ["motsatta", "sysselsatta", "främsta", "andra"] {
            let f = try #require(lex.formID(Array(w.utf8)), "\(w)")
            #expect(!lex.looksInfinitive(f), "\(w)")
        }
        // hunspell-sv expands the ordinal första to a stray "förstar"; strict asks the present
        // tense to be no more than 50 times rarer than the form
        let forsta = try #require(lex.formID(Array("första".utf8))), forsta2 = try #require(lex.formID(Array("förstå".utf8)))
        #expect(lex.looksInfinitive(forsta) && !lex.looksInfinitive(forsta, strict: true))
        #expect(lex.looksInfinitive(forsta2, strict: true))
    }

    @Test("before a finite modal a word is its subject, not an infinitive (att andra ska ändra sig); att vara kan vara stays; värt det after the copula")
    func subjectBeforeModal() {
        // probe 3
        #expect(repaired("Man kan inte krava att andra ska andra sig.", mode: .on) == "Man kan inte kräva att andra ska ändra sig.")
        #expect(repaired("Att vara kan vara svart ibland.", mode: .on) == "Att vara kan vara svårt ibland.")
        // worth it after the copula; the adverb of place elsewhere
        #expect(repaired("Att vara kan vara svart ibland, men det ar vart det.", mode: .on) == "Att vara kan vara svårt ibland, men det är värt det.")
        #expect(repaired("Jag vet inte vart det tog vagen.", mode: .on) == "Jag vet inte vart det tog vägen.")
    }

    @Test("the verb after a definite noun subject (Läraren stod, barnen satt), våra after a subjunction (När våra föräldrar), har before a supine past själva, här after a finite har; a noun that is also a verb keeps its noun reading before a new clause's modal (sin läxa fick)")
    func subjectsSubjunctionsAndHere() {
        // probe 23
        #expect(repaired("Lararen stod vid katedern och talade, och barnen satt tysta i sina bankar.", mode: .on)
                == "Läraren stod vid katedern och talade, och barnen satt tysta i sina bänkar.")
        #expect(repaired("Nar vara foraldrar gick i skolan var malet enkelt.", mode: .on) == "När våra föräldrar gick i skolan var målet enkelt.")
        // probes 32 and 40: before a plural noun, unless a word that takes a bare infinitive stands before
        #expect(repaired("Vi foraldrar kan uppmuntra vara dottrar pa samma satt som vi uppmuntrar vara soner.", mode: .on)
                == "Vi föräldrar kan uppmuntra våra döttrar på samma sätt som vi uppmuntrar våra söner.")
        #expect(repaired("De anses vara ledare inom omradet, och det verkar vara problem med systemet.", mode: .on)
                == "De anses vara ledare inom området, och det verkar vara problem med systemet.")
        #expect(repaired("De har sjalva vuxit upp i den gamla skolan.", mode: .on) == "De har själva vuxit upp i den gamla skolan.")
        // probe 39: de before an adjective is the article inside the phrase
        #expect(repaired("Kommunen har under de senaste aren sett ett okat antal personer utan bostad.", mode: .on)
                == "Kommunen har under de senaste åren sett ett ökat antal personer utan bostad.")
        #expect(repaired("Foraldrarna har har en viktig uppgift.", mode: .on) == "Föräldrarna har här en viktig uppgift.")
        #expect(repaired("Den som inte kunde sin laxa fick sta i skamvran.", mode: .on) == "Den som inte kunde sin läxa fick stå i skamvrån.")
        // probe 34: after det when a place follows; the noun before som
        #expect(repaired("Det var inte forbjudet, men det lag utanfor vad man kunde tanka sig.", mode: .on)
                == "Det var inte förbjudet, men det låg utanför vad man kunde tänka sig.")
        withKnownIssue("the in-domain model reads 'det lag' as 'det låg' before som") {
            #expect(repaired("Det lag som vann serien var starkast.", mode: .on) == "Det lag som vann serien var starkast.")
        }
    }

    @Test("far in a list with mor, val after något before a clause end, värt before mer after the copula, the supine satt after har, har before a supine past gärna")
    func listsChoicesWorthAndSupines() {
        // probes 24 and 25
        #expect(repaired("Karnfamiljen med far, mor och tva barn har lange setts som samhallets grundsten.", mode: .on)
                == "Kärnfamiljen med far, mor och två barn har länge setts som samhällets grundsten.")
        #expect(repaired("De stannade kvar darfor att de inte hade nagot val. Kvinnan kunde inte forsorja sig.", mode: .on)
                == "De stannade kvar därför att de inte hade något val. Kvinnan kunde inte försörja sig.")
        #expect(repaired("Ett aktenskap som bygger pa respekt ar vart mer an ett som halls ihop av tvang.", mode: .on)
                == "Ett äktenskap som bygger på respekt är värt mer än ett som hålls ihop av tvång.")
        #expect(repaired("En forklaring ar att partierna sjalva har satt upp hinder.", mode: .on)
                == "En förklaring är att partierna själva har satt upp hinder.")
        #expect(repaired("De som bestammer har oftast varit man, och de har garna valt personer som liknar dem.", mode: .on)
                == "De som bestämmer har oftast varit män, och de har gärna valt personer som liknar dem.")
    }

    @Test("after the copula a predicate stands, not an infinitive: tiderna är svåra, flikarna är grå; är bara stays")
    func predicateAfterCopula() {
        // probe 27; the help text of base-clean
        #expect(repaired("En kommun bor se till att barnen far den omsorg de behover, aven nar tiderna ar svara.", mode: .on)
                == "En kommun bör se till att barnen får den omsorg de behöver, även när tiderna är svåra.")
        #expect(repaired("Flikarna ar gra nar de inte ar valda, och det ar bara en av dem som syns.", mode: .on)
                == "Flikarna är grå när de inte är valda, och det är bara en av dem som syns.")
    }

    @Test("bära before what one carries (bära hela ansvaret, bära kostnaden); the adverb in inte bara … utan and before a verb; pröva om")
    func carryTheBurden() {
        // probes 12 and 31
        #expect(repaired("Kommunstyrelsen bor ocksa prova om uppfoljningen av avtalen kan forbattras.", mode: .on)
                == "Kommunstyrelsen bör också pröva om uppföljningen av avtalen kan förbättras.")
        // probes 5 and 26
        #expect(repaired("En man som delar pa forsorjningen slipper bara hela ansvaret ensam.", mode: .on)
                == "En man som delar på försörjningen slipper bära hela ansvaret ensam.")
        #expect(repaired("Ar det rimligt att hon ska bara hela ansvaret for hemmet?", mode: .on) == "Är det rimligt att hon ska bära hela ansvaret för hemmet?")
        #expect(repaired("Det ar inte bara ansvaret utan ocksa makten som ska delas.", mode: .on)
                == "Det är inte bara ansvaret utan också makten som ska delas.")
        #expect(repaired("Vi kan bara hoppas att det gar bra.", mode: .on) == "Vi kan bara hoppas att det går bra.")
    }

    @Test("har after de when an adjective and an indefinite noun follow (De har lägre inkomster); här before a definite one (De här inställningarna gäller, den här valfria parametern)")
    func haveBeforeAdjectiveAndIndefiniteNoun() {
        // probe 30; the help text of base-clean
        #expect(repaired("De har lagre inkomster, samre bostader och oftare problem med halsan.", mode: .on)
                == "De har lägre inkomster, sämre bostäder och oftare problem med hälsan.")
        #expect(repaired("De har installningarna galler for hela dokumentet.", mode: .on) == "De här inställningarna gäller för hela dokumentet.")
        #expect(repaired("Du kan ange den har valfria parametern om du vill.", mode: .on) == "Du kan ange den här valfria parametern om du vill.")
    }

    @Test("the supine after har (har nått, not natt; har rätt and har satt stay), fäder after a plural quantifier, val after ett and a neuter adjective")
    func supinesPluralsAndChoices() {
        // probes 1, 8, 28, 29
        #expect(repaired("I rapporten redovisas hur langt forvaltningarna har natt. Fyra av malen ar uppfyllda.", mode: .on)
                == "I rapporten redovisas hur långt förvaltningarna har nått. Fyra av målen är uppfyllda.")
        #expect(repaired("Linjen har ratt riktning och du har satt en langre sida.", mode: .on) == "Linjen har rätt riktning och du har satt en längre sida.")
        #expect(repaired("Om fler fader gick ner i arbetstid skulle fler modrar kunna arbeta heltid.", mode: .on)
                == "Om fler fäder gick ner i arbetstid skulle fler mödrar kunna arbeta heltid.")
        #expect(repaired("For manga ar det ett eget val: de vill ha mer tid for barnen.", mode: .on)
                == "För många är det ett eget val: de vill ha mer tid för barnen.")
        // probe 32: a plural determiner before a relative clause; the adverb grades a participle
        #expect(repaired("Men de val som kvinnor gor i dag kommer att paverka dem.", mode: .on) == "Men de val som kvinnor gör i dag kommer att påverka dem.")
        #expect(repaired("Det var de val kanda namnen.", mode: .on) == "Det var de väl kända namnen.")
    }

    @Test("vägar after a determiner or an adjective or closing a clause (söker nya vägar., vissa vägar saknar); vågar before an infinitive or a negation (seed 002: vill och vågar hjälpa)")
    func roadsAndDares() {
        // probes 26 and 33
        #expect(repaired("Vad som behovs ar en diskussion dar man och kvinnor soker nya vagar. Ingen har svaret.", mode: .on)
                == "Vad som behövs är en diskussion där män och kvinnor söker nya vägar. Ingen har svaret.")
        #expect(repaired("Flera har papekat att vissa vagar saknar gang- och cykelbana.", mode: .on)
                == "Flera har påpekat att vissa vägar saknar gång- och cykelbana.")
        #expect(repaired("Manga vagar inte saga emot nar chefen talar.", mode: .on) == "Många vågar inte säga emot när chefen talar.")
        let seed002 = Fixtures.text("002_01034d870a99e8da.txt")
        #expect(seed002.contains("vill och vagar hjilpa"))
        #expect(repaired(seed002).contains("vill och vågar hjälpa"))
    }

    @Test("a motion is answered in the formula of council decisions (anses besvarad, anse motionen besvarad); one who is troubled stays besvärad")
    func answeredMotion() {
        // probes 2 and 21
        #expect(repaired("Motionen bor darmed anses besvarad.", mode: .on) == "Motionen bör därmed anses besvarad.")
        #expect(repaired("Kommunfullmaktige beslutar att anse motionen besvarad.", mode: .on) == "Kommunfullmäktige beslutar att anse motionen besvarad.")
        #expect(repaired("Hon kande sig besvarad av fragan.", mode: .on) == "Hon kände sig besvärad av frågan.")
    }

    @Test("after a preposition and before a plural noun the adjective in -a stands, not the infinitive (under svåra villkor, om låga löner); an adjective in -ra is no infinitive (svåra, stora), a verb in -ra is (höra: hörs)")
    func adjectiveAfterPreposition() throws {
        #expect(repaired("Hon arbetade under svara villkor i manga ar.", mode: .on) == "Hon arbetade under svåra villkor i många år.")
        #expect(repaired("Det ar fraga om laga loner for kvinnor.", mode: .on) == "Det är fråga om låga löner för kvinnor.")
        #expect(repaired("Det ar mojligt att svara pa fragorna.", mode: .on) == "Det är möjligt att svara på frågorna.")
        let lex = RepairLexicon.embedded
        for (w, infinitive) in [("svåra", false), ("stora", false), ("höra", true), ("göra", true), ("lära", true)] {
            let f = try #require(lex.formID(Array(w.utf8)), "\(w)")
            #expect(lex.looksInfinitive(f) == infinitive, "\(w)")
        }
    }

    @Test("before an object, a clause or a clause end the verb stands after att or a modal (att förstå varför); an ordinal before its noun (måste första fältet) and an adverb (kan bara det) stay")
    func verbBeforeObjectOrClause() {
        // probe 7
        #expect(repaired("Han har svart att forsta varfor hon vill arbeta.", mode: .on) == "Han har svårt att förstå varför hon vill arbeta.")
        #expect(repaired("Om du vill sortera sa maste forsta faltet i listan vara ett datum.", mode: .on)
                == "Om du vill sortera så måste första fältet i listan vara ett datum.")
        #expect(repaired("Sa kan bara det som syns skrivas ut.", mode: .on) == "Så kan bara det som syns skrivas ut.")
        #expect(repaired("Du kan bara andra egenskaper for markerade objekt.", mode: .on) == "Du kan bara ändra egenskaper för markerade objekt.")
    }

    @Test("after a modal an infinitive stands: kan motsätta, not motsatta; skulle vilja and kan höra stay")
    func infinitiveAfterModal() {
        #expect(repaired("Kommunen kan motsatta forslaget.", mode: .on) == "Kommunen kan motsätta förslaget.")
        #expect(repaired("Regionen vill sysselsatta manga unga.", mode: .on) == "Regionen vill sysselsätta många unga.")
        #expect(repaired("Vi borde framsta som ett foredome.", mode: .on) == "Vi borde framstå som ett föredöme.")
        #expect(repaired("Jag skulle vilja rekommendera den och du kan hora den.", mode: .on)
                == "Jag skulle vilja rekommendera den och du kan höra den.")
    }

    @Test("män before the end of a clause, värt before att, vårt before eget or första; säger man. and the abbreviation Min. stay")
    func menWorthOurs() {
        #expect(repaired("De ar hustrur till hogavlonade man. Det sager man.", mode: .on) == "De är hustrur till högavlönade män. Det säger man.")
        #expect(repaired("Det ar inte vart att overleva, men vi fick vart forsta statsrad.", mode: .on)
                == "Det är inte värt att överleva, men vi fick vårt första statsråd.")
        #expect(repaired("Varden Max. och Min. visas.", mode: .on).contains("Min."))
        // probe 36: the predicate after a plural subject and the copula; the pronoun after an adverb
        #expect(repaired("Ombudsmannen var man, styrelserna bestod av man.", mode: .on) == "Ombudsmannen var män, styrelserna bestod av män.")
        withKnownIssue("the in-domain model reads 'man' before a comma as the plural män") {
            #expect(repaired("Det vet vi inte. Sa ar man, helt enkelt.", mode: .on) == "Det vet vi inte. Så är man, helt enkelt.")
        }
        // the genitive set against kvinnors a few words before
        #expect(repaired("Sa lange kvinnors arbete varderas lagre an mans kommer facken att behovas.", mode: .on)
                == "Så länge kvinnors arbete värderas lägre än mäns kommer facken att behövas.")
    }

    @Test("context decides between år and är after a number")
    func yearsAfterNumbers() {
        #expect(repaired("Malmo stad har sedan ett par ar haft en ambition och det ar bra").contains("par år haft"))
        #expect(repaired("Malmo stad har sedan ett par ar haft en ambition och det ar bra").contains("det är bra"))
        #expect(repaired("Sedan 2019 har det gatt 3 ar och for varje ar blir det samre").contains("3 år"))
        // seed 003: a duration adjective between the counting word and the noun
        let seed = Fixtures.text("003_2057fdc33c0afc19.txt")
        let sentence = String(seed[seed.range(of: "Efter ett helt ar")!.lowerBound...].prefix(60))
        #expect(repaired(sentence).hasPrefix("Efter ett helt år av pandemikris"))
        #expect(repaired("Det ar ett helt ar sedan beslutet och det ar bra", mode: .on) == "Det är ett helt år sedan beslutet och det är bra")
        // år closing a clause after fler, flera, tidigare (seed 002: "under flera år.")
        #expect(repaired("De lever allt fler ar, haller oss vitala under tidigare ar.", mode: .on)
                == "De lever allt fler år, håller oss vitala under tidigare år.")
        #expect(repaired(Fixtures.text("002_01034d870a99e8da.txt")).contains("pågått under flera år."))
        // a stranded preposition before the verb stays: "det vi arbetar med är"
        #expect(repaired("Det vi arbetar med ar viktigt.", mode: .on) == "Det vi arbetar med är viktigt.")
        // budget language counts years: per år, i år, innevarande, föregående, kommande år
        #expect(repaired("Kostnaden ar 5 miljoner kronor per ar och i ar blir det mer.", mode: .on)
                == "Kostnaden är 5 miljoner kronor per år och i år blir det mer.")
        #expect(repaired("Budgeten for innevarande ar ar lagre an for kommande ar och foregaende ar.", mode: .on)
                == "Budgeten för innevarande år är lägre än för kommande år och föregående år.")
    }

    @Test("case is kept: Over becomes Över, ÖVER stays")
    func caseIsKept() {
        #expect(repaired("Over tid har manga forvaltningar gjort for lite", mode: .on).hasPrefix("Över tid har många förvaltningar"))
        #expect(repaired("ÖVER tid har manga forvaltningar gjort for lite", mode: .on).hasPrefix("ÖVER tid"))
    }

    @Test("an å/ä/ö that OCR dropped altogether is put back in seed 002 (vl → väl, fr → för); an abbreviation in capitals gets no letter (HR stays)")
    func lostLettersInSeed002() {
        let out = repaired(Fixtures.text("002_01034d870a99e8da.txt"))
        #expect(out.contains("förhållningssätt. En väl fungerande styrning"))
        #expect(out.contains("som identifierades för en"))
        #expect(out.contains("I den HR-strategiska planen"))
        #expect(!out.contains("HÄR"))
    }

    @Test("a lowercase l read as i is restored where the word is otherwise unknown (seed 001's sentence); a real word with i stays")
    func lowercaseLReadAsI() {
        #expect(repaired("Kioka och iangsiktiga satsningar ar avgorande for att tillsammans med ail personai bygga en robust verksamhet.", mode: .on)
                == "Kloka och långsiktiga satsningar är avgörande för att tillsammans med all personal bygga en robust verksamhet.")
        #expect(repaired("Det ar vi som bor i Sverige och arbetar i Malmo stad.", mode: .on) == "Det är vi som bor i Sverige och arbetar i Malmö stad.")
    }

    @Test("an OCR capital for a lowercase å/ä/ö inside a sentence is lowercased, unless the word is a name: komma Över → över, Orebro → Örebro")
    func standInCapitalsInsideSentences() {
        // seed 002's sentence, with "6ver" read as "Over", the other shape English-model OCR gives ö
        #expect(repaired("SACO haller med motionaren om att Malmo stads ambition att Over tid anamma en", mode: .on)
                == "SACO håller med motionären om att Malmö stads ambition att över tid anamma en")
        #expect(repaired("Kommunen har Annu inte beslutat. Over tid har det blivit battre.", mode: .on)
                == "Kommunen har ännu inte beslutat. Över tid har det blivit bättre.")
        // a name keeps its capital; so does a word after a blank line (a heading may lack a full stop)
        #expect(repaired("Motionen gäller styrningen i Orebro och i Malmo", mode: .on) == "Motionen gäller styrningen i Örebro och i Malmö")
        #expect(repaired("Tillit i styrningen\n\nOver tid har det blivit battre.", mode: .on) == "Tillit i styrningen\n\nÖver tid har det blivit bättre.")
        // "bor" before a place name stays the verb
        #expect(repaired("Manga aldre bor i Orebro.", mode: .on) == "Många äldre bor i Örebro.")
    }

    @Test("a short word in capitals whose å/ä/ö OCR read as A/O is written as a capitalised word before lowercase text: PA → På, NAR → När; PÅ GRUND AV stays in capitals")
    func capitalisedStandInsBeforeLowercase() {
        // English-model OCR reads a capitalised "På" as "PA" (the ring lifts the letter to a capital)
        #expect(repaired("Motionen bor avslas. PA sikt behover Malmo stad fler medarbetare.", mode: .on)
                .hasSuffix("På sikt behöver Malmö stad fler medarbetare."))
        #expect(repaired("Det ar bra. NAR vi far tillit vaxer ansvaret.", mode: .on).hasSuffix("När vi får tillit växer ansvaret."))
        #expect(repaired("PA GRUND AV beslutet ar detaljstyrningen mindre.", mode: .on).hasPrefix("PÅ GRUND AV"))
    }

    @Test("a lone bar is the letter I: a capital at a sentence start, the initial in a name, else the lowercase i; a bar in a table stays")
    func barReadsAsI() {
        #expect(repaired("Det ar bra. | flera fall far medarbetarna mer tillit.", mode: .on) == "Det är bra. I flera fall får medarbetarna mer tillit.")
        #expect(repaired("Det galler tillit | flera forvaltningar.", mode: .on) == "Det gäller tillit i flera förvaltningar.")
        #expect(repaired("Forskaren A. |. Rabin har visat att manga barn", mode: .on) == "Forskaren A. I. Rabin har visat att många barn")
        #expect(repaired("kolumn|rad ar tabellen", mode: .on).hasPrefix("kolumn|rad"))
    }

    @Test("codes are not OCR damage: A4, F11, oDialog1 stay as written, and a clean text full of them is not judged damaged")
    func codesAreLeftAlone() {
        #expect(repaired("Det ar viktigt att skriva pa ett A4-papper och trycka F11 i oDialog1 eller ta p4 sig ansvar.", mode: .on)
                == "Det är viktigt att skriva på ett A4-papper och trycka F11 i oDialog1 eller ta på sig ansvar.")
        // spreadsheet help in clean Swedish: cell names once made --repair auto read it as OCR
        // and write A1 as AL and F2 as FÅ
        let help = "Markera cellerna A1 till B1 och skriv summan i C1. Tryck sedan F2 för att redigera cellen D4. Formeln i E4 hämtar värdet från A11 och G10 i bladet."
        let b = Array(help.utf8)
        #expect(!b.withUnsafeBufferPointer { repairer.assess($0, tokens: Tokenizer.tokenize(b)) }.damaged)
        #expect(repaired(help) == help)
    }

    @Test("the word error rate matches tools/wer.py: line-end hyphens join, punctuation stays")
    func werDefinition() {
        #expect(WordErrorRate.words("för-\nvaltning, och") == ["förvaltning,", "och"])
        #expect(WordErrorRate.distance(["a", "b", "c"], ["a", "x", "c", "d"]) == 2)
    }

    @Test("the word alignment marks exactly the gold words that the real OCR of seed 000 got right")
    func alignmentMarksRightWords() {
        let gold = WordErrorRate.words("Det avgörande för att lyckas är dock att man faktiskt vågar lämna över befogenheter")
        let ocr = WordErrorRate.words("Det avgérande fér att lyckas ar dock att man faktiskt vagar l4mna é6ver befogenheter")
        let right = WordErrorRate.matched(gold, ocr)!
        #expect(right == [true, false, false, true, true, false, true, true, true, true, false, false, false, true])
        // a lost and an extra word shift nothing else
        let shifted = WordErrorRate.words("Det avgörande att lyckas är dock att man man faktiskt vågar lämna över befogenheter")
        #expect(WordErrorRate.matched(gold, shifted)! == gold.indices.map { $0 != 2 })
        // wrong words counted this way never exceed the edit distance, on 2,000 random damages
        var rng = SystemRandomNumberGenerator()
        for _ in 0..<2_000 {
            var hyp = gold
            for _ in 0..<Int.random(in: 0...5, using: &rng) {
                let k = Int.random(in: 0..<hyp.count, using: &rng)
                switch Int.random(in: 0..<3, using: &rng) {
                case 0: hyp[k] = "x"
                case 1: hyp.remove(at: k)
                default: hyp.insert("y", at: k)
                }
                if hyp.isEmpty { hyp = ["z"] }
            }
            let wrong = WordErrorRate.matched(gold, hyp)!.filter { !$0 }.count
            #expect(wrong <= WordErrorRate.distance(gold, hyp))
            #expect(wrong >= gold.count - hyp.count)
        }
        #expect(WordErrorRate.matched(gold, ocr, maxCells: 10) == nil)
    }

    @Test("ambiguous forms are those sharing a stripped spelling with another frequent form")
    func ambiguousForms() {
        for w in ["här", "har", "Här,", "vår", "var", "män", "man", "är", "år"] { #expect(repairer.isAmbiguousForm(Substring(w)), "\(w)") }
        for w in ["kommunfullmäktige", "och", "tillitsbaserad", "styrning.", "2021", ""] { #expect(!repairer.isAmbiguousForm(Substring(w)), "\(w)") }
    }

    @Test("a repair lexicon file is checked while it is parsed: the first bad line is named", arguments: [
        ("w\tför\t900\nx\tfor\t3\n", 2, "unknown line kind 'x' (expected w, l, r, c or n)"),
        ("w\törebro\t900\nn\törebro\t1\n", 2, "'n' line needs 2 tab-separated fields, found 3"),
        ("# comment\n\nw\tför\t900\nl\tfor\tför\n", 4, "'l' line needs 4 tab-separated fields, found 3"),
        ("w\tför\t9x\n", 1, "the last field must be a whole count"),
        ("c\t6\tö\t40\n", 1, "repair lexicon holds no word forms ('w' lines)"),
        ("w\tför\t900\nw\t" + String(repeating: "ö", count: 61) + "\t1\n", 2, "word form longer than 120 bytes"),
        // `w` lines of other shapes leave the one-pass reading of well-formed ones and are checked
        ("w\tför\t900\nw\tfår\t12\t3\n", 2, "'w' line needs 3 tab-separated fields, found 4"),
        ("w\tför\t900\nw\tfår\t\n", 2, "the last field must be a whole count"),
        ("w\tför\t900\r\n", 1, "the last field must be a whole count"),
        ("w\tför\t900\nw\tfår\n", 2, "'w' line needs 3 tab-separated fields, found 2"),
    ])
    func repairLexiconFileErrors(_ text: String, _ line: Int, _ reason: String) throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("tillit-lex-\(UUID().uuidString).txt")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: TillitError.badLexicon(path: url.path, line: line, reason: reason)) { try RepairLexicon(contentsOf: url.path) }
    }


    @Test("a compound no list holds is read through a first part that drops its -e or links with -a: jordbrukar|samhället, barna|vårdare")
    func compoundFirstParts() {
        // a lexicon that knows the parts but not the compounds
        let words = ["kvinnan": 900, "var": 5000, "vår": 800, "i": 9000, "det": 9000, "gamla": 700, "jordbrukare": 150, "samhället": 400,
                     "barn": 3000, "vårdare": 60, "är": 9000, "ar": 40, "år": 3000, "och": 9000]
        let text = words.map { "w\t\($0.key)\t\($0.value)" }.sorted().joined(separator: "\n") + "\nc\ta\tä\t50\nc\ta\tå\t50\nc\ta\ta\t900\n"
        let r = Repairer(lexicon: RepairLexicon(text: text))
        let input = Array("Kvinnan var barnavardare i det gamla jordbrukarsamhallet".utf8)
        let out = String(decoding: r.repair(text: input, mode: .on).apply(to: input), as: UTF8.self)
        #expect(out == "Kvinnan var barnavårdare i det gamla jordbrukarsamhället")
    }

    @Test("after the infinitive marker att, the form that looks like an infinitive: att skona, not att sköna; att andra användare and att vara stay open")
    func infinitiveAfterAtt() {
        #expect(repaired("Malet ar att skona medarbetarna fran detaljstyrning.", mode: .on) == "Målet är att skona medarbetarna från detaljstyrning.")
        // the conjunction att before a subject: the context still decides
        #expect(repaired("Det innebar att andra anvandare kan andra filen.", mode: .on) == "Det innebär att andra användare kan ändra filen.")
        // a lone å is not a verb, though "år" is a word: "att a justeras" keeps the variable
        #expect(repaired("Det leder till att a justeras mot hoger.", mode: .on) == "Det leder till att a justeras mot höger.")
    }

    @Test("män after an adjective in -a (egna män, liberala män), but man after samma, bara and an infinitive that takes an object")
    func menAfterPluralAdjectives() {
        // a Talbanken sentence (ocr/dev) that the bigrams alone read as the pronoun
        #expect(repaired("Dessutom ar ofta de gifta yrkeskvinnornas egna man fostrade i den traditionella uppfattningen.", mode: .on)
                == "Dessutom är ofta de gifta yrkeskvinnornas egna män fostrade i den traditionella uppfattningen.")
        // "liberala" looks like an infinitive through the noun "liberaler", but has no passive
        #expect(repaired("Det ar liberala man som styr kommunen.", mode: .on) == "Det är liberala män som styr kommunen.")
        // få (few) is a plural quantifier like många
        #expect(repaired("Han var en av fa man som tog ut foraldraledighet.", mode: .on) == "Han var en av få män som tog ut föräldraledighet.")
        #expect(repaired("Vi vill behalla man och barn hemma.", mode: .on) == "Vi vill behålla man och barn hemma.")
        #expect(repaired("Samma man som talade forra aret.", mode: .on) == "Samma man som talade förra året.")
        #expect(repaired("Det ar bara man som kan avgora det.", mode: .on) == "Det är bara man som kan avgöra det.")
    }

    @Test("a possessive before a noun whose ending shows it (vår förvaltning, vårt ledarskap, våra möjligheter), but the verb after a subject (det var ordning)")
    func possessiveBeforeMarkedNouns() {
        #expect(repaired("Nu behover var forvaltning andras i grunden.", mode: .on) == "Nu behöver vår förvaltning ändras i grunden.")
        #expect(repaired("Darfor ar vart ledarskap viktigt.", mode: .on) == "Därför är vårt ledarskap viktigt.")
        #expect(repaired("Vi ser att vara mojligheter okar.", mode: .on) == "Vi ser att våra möjligheter ökar.")
        #expect(repaired("Det var ordning och reda.", mode: .on) == "Det var ordning och reda.")
        // vårt before a neuter noun, known by its definite form (uppdraget, ansvaret)
        #expect(repaired("Det galler vart uppdrag som namnd.", mode: .on) == "Det gäller vårt uppdrag som nämnd.")
        #expect(repaired("Det ar vart ansvar att folja upp.", mode: .on) == "Det är vårt ansvar att följa upp.")
        #expect(repaired("Det vart kallt i huset.", mode: .on) == "Det vart kallt i huset.")
        // the noun is read as repair will read it: OCR's "uppdrdg" is uppdrag, whose definite form is known
        #expect(repaired("Det galler vart uppdrdg.", mode: .on) == "Det gäller vårt uppdrag.")
        // vår before a common-gender noun (beredskapen, not beredskapet); var for each
        #expect(repaired("Vi vill starka var beredskap infor vintern.", mode: .on) == "Vi vill stärka vår beredskap inför vintern.")
        #expect(repaired("Hon tranade var dag i veckan.", mode: .on) == "Hon tränade var dag i veckan.")
        // the verb after a noun or name subject, though glada (the bird) and lärare are nouns too
        #expect(repaired("Barnen var glada nar de fick ga till forskolan.", mode: .on) == "Barnen var glada när de fick gå till förskolan.")
        #expect(repaired("Anna var larare i manga ar.", mode: .on) == "Anna var lärare i många år.")
        #expect(repaired("Erik var chef for forvaltningen i tio ar.", mode: .on) == "Erik var chef för förvaltningen i tio år.")
        #expect(repaired("I var kommun finns manga exempel.", mode: .on) == "I vår kommun finns många exempel.")
    }

    @Test("de har before a word that de här cannot point to (de har ingenting), de här before a definite noun")
    func harAfterDemonstratives() {
        #expect(repaired("Men de har ingenting att lara av dem.", mode: .on) == "Men de har ingenting att lära av dem.")
        #expect(repaired("Det har kommandot ar bra.", mode: .on) == "Det här kommandot är bra.")
    }

    @Test("no word cue speaks for a form outside RepairLexicon.cueForms, which bonus skips: checked on every seed, flattened and as written")
    func cueFormsCoverEveryWordCue() throws {
        let lex = RepairLexicon.embedded
        // the seeds, and one sentence where each cue speaks (the sentences of the cue tests above)
        let seeds = ["000_810f52e9195261e7.txt", "001_1bb6f32811f21775.txt", "002_01034d870a99e8da.txt",
                     "003_2057fdc33c0afc19.txt", "004_43f3dbdb001763f8.txt"].map(Fixtures.text) + [
            "Efter sjutton år av pandemikris. Kostnaden för år 2024. Det tog ett år att bygga.",
            "Det har aldrig utretts. Det har sänkt tilliten. Men de har ingenting att lära av dem.",
            "Ett år har gått sedan beslutet. Det är här vi kan göra skillnad.",
            "Lika lön för kvinnor och män. Många män och kvinnor. Det är liberala män som styr. Högavlönade män.",
            "Kvinnors och mäns villkor. Kvinnor såväl som män. Far gick hem. Kanske är det här det börjar.",
            "Är det så? Vart tar pengarna vägen? Bör kommunen ta ansvar? Har samhället blivit bättre?",
            "Motionen anses besvarad. Frågan förklaras besvarat. Motionerna anses besvarade. Det är värt det.",
            "Hon slipper bära hela ansvaret. Vi kan bära kostnaden. Fler fäder och två bröder. Nämnden bör pröva om det går.",
            "De söker nya vägar. Många vågar inte säga emot.",
            "Kvinnorna arbetar tillsammans med männen. Kvinnans likställighet med mannen.",
            "Ett samtal om våra gemensamma resurser. Det är våra medarbetare som har blivit våra främsta resurser.",
            "Vi ser att våra möjligheter ökar. Nu behöver vår förvaltning ändras. Därför är vårt ledarskap viktigt. Vårt eget. Vårt uppdrag. Vår beredskap.",
            "Det är mer än vad vi trodde. Skriv in ett värde.",
            "Motionen bör avslås. Samhället bör ta vara på detta. Många äldre bor hos sina barn.",
            "Det är värt att pröva. Målet är att skona medarbetarna. Vi måste motsätta oss detta.",
            "Nämnden har i uppdrag att pröva det. Har ni tänkt på det? För flera år sedan. Han låg sjuk. Hennes far och mor. I viss mån.",
            "Deras val. Han var säker på att det gick. Hon stod där. Han satt tyst. Hon sa att det gick. Vi gör vårt bästa. Våra förslag har tagits emot.",
        ]
        // the seeds as written and with å/ä/ö flattened, so every reading of a stripped word is weighed
        let flat = seeds.map { String(String.UnicodeScalarView($0.unicodeScalars.map { u -> Unicode.Scalar in
            switch u { case "å", "ä": return "a"; case "ö": return "o"; case "Å", "Ä": return "A"; case "Ö": return "O"; default: return u }
        })) }
        var weighed = 0, firing = 0
        var strays: [String] = []
        for text in seeds + flat {
            let b = Array(text.utf8)
            let tokens = Tokenizer.tokenize(b)
            b.withUnsafeBufferPointer { p in
                for ti in tokens.indices where tokens[ti].kind == .word && tokens[ti].length <= 48 {
                    let key = TokenKey.lowercased(p, tokens[ti])
                    let skel = key.withUnsafeBufferPointer { k in
                        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 64) { out in
                            Array(out[0..<RepairLexicon.skeleton(k.baseAddress!, k.count, into: out.baseAddress!)])
                        }
                    }
                    let prev = ti > 0 && tokens[ti - 1].kind == .word ? (lex.formID(TokenKey.lowercased(p, tokens[ti - 1])) ?? -1) : -1
                    for f in lex.forms(skeleton: skel) {
                        let cue = GrammarCues.wordCue(f, prevForm: prev, prevIsNum: false, p, tokens, ti, lex: lex)
                        weighed += 1
                        if cue != 0 {
                            if lex.cues.cueForms.contains(f) { firing += 1 } else { strays.append(String(decoding: lex.forms.key(at: Int(f)), as: UTF8.self)) }
                        }
                    }
                }
            }
        }
        #expect(strays.isEmpty, "word cues for forms missing from cueForms: \(Set(strays).sorted())")
        // the check saw the cues at work: the seeds hold år after numbers, vår after prepositions, …
        #expect(weighed > 5_000)
        #expect(firing > 30)
    }

    @Test("cue words match however the text spells å/ä/ö: a stripped or OCR'd counting word still marks år (tva, tv4 hela ar)")
    func cueWordsMatchStrippedSpellings() {
        #expect(repaired("Det tog tva hela ar att bygga upp tilliten.", mode: .on) == "Det tog två hela år att bygga upp tilliten.")
        #expect(repaired("Det tog TVÅ hela ar att bygga upp tilliten.", mode: .on) == "Det tog TVÅ hela år att bygga upp tilliten.")
        // and however OCR wrote them: 4 for ä/å, 6 for ö
        #expect(repaired("Det tog tv4 hela ar att bygga upp tilliten.", mode: .on) == "Det tog två hela år att bygga upp tilliten.")
    }

    @Test("a sentence that opens with har and a subject, or that ends in a question mark, asks a question; år before sedan after flera, and after a preposition of time and a quantifier (under några år); låg after a subject pronoun; far and val after a possessive, val after ett before a clause end; bor kvar after an inverted subject")
    func questionsYearsAgoLayAndFather() {
        #expect(repaired("Har ni tankt pa vad det innebar for brukarna?", mode: .on) == "Har ni tänkt på vad det innebär för brukarna?")
        // the question mark at the end of the sentence tells har from här
        #expect(repaired("Det vet vi inte. Har samhallet blivit battre for kvinnorna?", mode: .on)
                == "Det vet vi inte. Har samhället blivit bättre för kvinnorna?")
        #expect(repaired("Vad hander nu? Har finns svaret pa fragan.", mode: .on) == "Vad händer nu? Här finns svaret på frågan.")
        #expect(repaired("Det vet vi inte. Bor kommunen ta ett storre ansvar?", mode: .on) == "Det vet vi inte. Bör kommunen ta ett större ansvar?")
        #expect(repaired("Det vet vi inte. Ar kvinnorna verkligen fria i dag? Ar 1920 fick kvinnan myndighet.", mode: .on)
                == "Det vet vi inte. Är kvinnorna verkligen fria i dag? År 1920 fick kvinnan myndighet.")
        #expect(repaired("Fragan vacktes redan for flera ar sedan.", mode: .on) == "Frågan väcktes redan för flera år sedan.")
        #expect(repaired("Vart tredje ar gors en storre utvardering.", mode: .on) == "Vart tredje år görs en större utvärdering.")
        // a preposition of time and a quantifier: seed 002's "under nagra ar finns det", probe 15;
        // after för the quantifier may be a pronoun before the verb
        let seed002 = Fixtures.text("002_01034d870a99e8da.txt")
        #expect(seed002.contains("under nagra ar finns det"))
        #expect(repaired(seed002).contains("under några år finns det"))
        #expect(repaired("Under flera ar har medarbetarna i aldreomsorgen patalat detta.", mode: .on)
                == "Under flera år har medarbetarna i äldreomsorgen påtalat detta.")
        #expect(repaired("For manga ar det svart att hinna med arbetet.", mode: .on) == "För många är det svårt att hinna med arbetet.")
        // a noun in -it is no supine: "är tillit" keeps the verb with full confidence
        let b = Array("Malet ar tillit som ledningsfilosofi.".utf8)
        let change = repairer.repair(text: b, mode: .on).changes.first { $0.original == "ar" }
        #expect(change?.replacement == "är")
        #expect((change?.confidence ?? 0) > 0.9)
        #expect(repaired("Han lag sjuk i tva veckor.", mode: .on) == "Han låg sjuk i två veckor.")
        #expect(repaired("Hennes far och mor arbetade hemma.", mode: .on) == "Hennes far och mor arbetade hemma.")
        // a possessive takes the noun val, not the adverb väl; the adverb elsewhere
        #expect(repaired("Hans val av utbildning var klokt.", mode: .on) == "Hans val av utbildning var klokt.")
        #expect(repaired("Det gick val bra for dem.", mode: .on) == "Det gick väl bra för dem.")
        // after the article before a clause end or a preposition (probe 16); before a participle the adverb
        #expect(repaired("De valjer arbetet framfor hemmet. Det ar ett val, inte ett ode.", mode: .on)
                == "De väljer arbetet framför hemmet. Det är ett val, inte ett öde.")
        // (the one-word in-domain context reads the noun; the word beyond the participle, arbete, the adverb)
        #expect(repaired("Det ar ett val genomfort arbete som ligger till grund.", mode: .on)
                == "Det är ett väl genomfört arbete som ligger till grund.")
        // the adjective in "säker på att"
        #expect(repaired("Han var saker pa att det skulle ga bra.", mode: .on) == "Han var säker på att det skulle gå bra.")
        // bor with its place after an inverted subject
        #expect(repaired("I staden bor familjen kvar hos sina foraldrar.", mode: .on) == "I staden bor familjen kvar hos sina föräldrar.")
        // a noun after den: the law, not lay
        #expect(repaired("Den lag som galler ar tydlig.", mode: .on) == "Den lag som gäller är tydlig.")
    }

    @Test("far before a finite verb is its subject (Far gick till fabriken; not the verb får); här after a clause-opening är det (Kanske är det här), har after one that closes a clause (Om det är det har ditt lager)")
    func fatherBeforeVerbAndHereAfterInvertedCopula() {
        // probe 13
        #expect(repaired("Far gick till fabriken varje morgon och kom hem sent.", mode: .on) == "Far gick till fabriken varje morgon och kom hem sent.")
        #expect(repaired("Far hade aldrig lagat mat i hela sitt liv.", mode: .on) == "Far hade aldrig lagat mat i hela sitt liv.")
        #expect(repaired("Vi far var och en ta ansvar for vart arbete.", mode: .on) == "Vi får var och en ta ansvar för vårt arbete.")
        #expect(repaired("Kanske ar det har den verkliga forandringen maste borja.", mode: .on)
                == "Kanske är det här den verkliga förändringen måste börja.")
        // the help text of base-clean: "om det är det" is a clause of its own
        #expect(repaired("Om det ar det har ditt lager ingen alfakanal, klicka pa menyn.", mode: .on)
                == "Om det är det har ditt lager ingen alfakanal, klicka på menyn.")
    }

    @Test("mån in i viss mån, i mån av, i den mån, vara mån om; man elsewhere before av")
    func degreeNoun() {
        #expect(repaired("Personalen kan i viss man paverka sitt schema.", mode: .on) == "Personalen kan i viss mån påverka sitt schema.")
        #expect(repaired("Vi hjalper till i man av tid.", mode: .on) == "Vi hjälper till i mån av tid.")
        #expect(repaired("I den man det behovs ska narmaste chef stotta.", mode: .on) == "I den mån det behövs ska närmaste chef stötta.")
        #expect(repaired("Han ar en man av folket.", mode: .on) == "Han är en man av folket.")
        // and "vara mån om" (keen on)
        #expect(repaired("Hon har alltid varit man om sina barn.", mode: .on) == "Hon har alltid varit mån om sina barn.")
    }

    @Test("har before a phrase and a supine (har under lång tid präglats), but not where the phrase holds its own verb")
    func harBeforePhraseAndSupine() {
        #expect(repaired("Aldreomsorgen har under lang tid praglats av detaljstyrning.", mode: .on)
                == "Äldreomsorgen har under lång tid präglats av detaljstyrning.")
        // a stripped "ar" inside the phrase may be år: it does not end the phrase
        #expect(repaired("Styrningen har under flera ar varit for detaljerad.", mode: .on)
                == "Styrningen har under flera år varit för detaljerad.")
        #expect(repaired("Det ar har pa sidan som formularet finns.", mode: .on) == "Det är här på sidan som formuläret finns.")
        // and before the idioms of report prose: har för avsikt att, har i uppdrag att
        #expect(repaired("De har for avsikt att starka styrningen.", mode: .on) == "De har för avsikt att stärka styrningen.")
    }

    @Test("the word beyond a neighbour counts: bor, not bör, in där det bor flest; the one-word context alone would read bör")
    func secondWordOfContext() {
        #expect(repaired("I den delen av kommunen dar det bor flest barn saknas det forskolor.", mode: .on)
                == "I den delen av kommunen där det bor flest barn saknas det förskolor.")
    }

    @Test("a second word of context adds evidence for the form it was counted with, and nothing where it is missing or after a sentence start")
    func longerContextEvidence() throws {
        let lex = RepairLexicon.embedded, dm = lex.domain
        func id(_ w: String) throws -> Int32 { try #require(lex.forms.find(Array(w.utf8))) }
        let forms = [try id("bor"), try id("bör")]
        let det = try id("det"), dar = try id("där")
        func evidence(left: Int32, far: Int32) -> [Float] {
            var out: [Float] = [9, 9]
            forms.withUnsafeBufferPointer { f in
                dm.longerContext(f.baseAddress!, 2, left: left, far: far, right: nil, next2: Repairer.noNeighbour, into: &out)
            }
            return out
        }
        let both = evidence(left: det, far: dar)   // "där det bor" against "där det bör"
        #expect(both[0] > 0.5 && both[1] < 0)
        #expect(evidence(left: det, far: Repairer.noNeighbour) == [0, 0])
        #expect(evidence(left: DomainContext.sentenceStart, far: dar) == [0, 0])
    }

    @Test("a past tense after a subject pronoun (hon stod, han satt), a possessive before a superlative (vårt bästa)")
    func pastTensesAndSuperlatives() {
        #expect(repaired("Hon stod vid spisen hela dagen.", mode: .on) == "Hon stod vid spisen hela dagen.")
        #expect(repaired("Han satt tyst vid bordet.", mode: .on) == "Han satt tyst vid bordet.")
        #expect(repaired("Vi maste gora vart basta.", mode: .on) == "Vi måste göra vårt bästa.")
        // the nouns where no subject stands before them
        #expect(repaired("De fick inget stod fran kommunen.", mode: .on) == "De fick inget stöd från kommunen.")
        #expect(repaired("Det finns manga satt att losa problemet.", mode: .on) == "Det finns många sätt att lösa problemet.")
    }

    @Test("a sentence opens with the possessive våra, not the infinitive, unless a heading's med or kvar follows; våra after som and än")
    func sentencesOpenWithVåra() {
        withKnownIssue("the in-domain model reads 'val av' as the noun (val av ledamöter), as Riksdag text mostly has it") {
            #expect(repaired("Vara forslag har tagits emot val av namnden.", mode: .on) == "Våra förslag har tagits emot väl av nämnden.")
        }
        #expect(repaired("Vara med och paverka. Det ar viktigt.", mode: .on) == "Vara med och påverka. Det är viktigt.")
        // and after som, which no bare infinitive follows
        #expect(repaired("Dottrarna ska ha samma chanser som vara soner.", mode: .on) == "Döttrarna ska ha samma chanser som våra söner.")
        #expect(repaired("Var generation har fatt det battre an vara foraldrar.", mode: .on) == "Vår generation har fått det bättre än våra föräldrar.")
    }

    @Test("a first part that drops its -e competes with a rare word spelled the same: ägar|styrningen, not agar|styrningen")
    func droppedEBeatsARareWord() {
        // "agar" (the gel) is a word, but "ägare" is the common first part of owner compounds
        #expect(repaired("Styrelsen ansvarar for agarstyrningen i bolagen.", mode: .on) == "Styrelsen ansvarar för ägarstyrningen i bolagen.")
        #expect(repaired("Kommunen ar agarrepresentant i bolaget.", mode: .on) == "Kommunen är ägarrepresentant i bolaget.")
    }

    @Test("text parsed without checking skips word forms longer than the repairer's buffers")
    func longFormsAreSkipped() {
        let lex = RepairLexicon(text: "w\tför\t900\nw\t" + String(repeating: "ö", count: 61) + "\t1\nw\tfrån\t50\n")
        #expect(lex.formCount == 2)
        #expect(lex.formID(Array("från".utf8)) == 1)
    }

    @Test("only texts inside a loaded image give their pages back: a heap string of several MiB is left intact, an embedded text reads the same after release")
    func releaseTouchesOnlyCompiledInTexts() {
        #if canImport(Glibc)
        var heap = String(repeating: "kontroll och tillit ", count: 200_000)   // 4 MB, built at run time
        let copy = Array(heap.utf8)
        heap.withUTF8 { #expect(!EmbeddedText.inLoadedImage($0.baseAddress!)) }
        EmbeddedText.release(heap)
        let intact = Array(heap.utf8) == copy   // compared outside #expect: a failure would diff megabytes
        #expect(intact)
        var literal = EmbeddedRepairLexicon.text
        literal.withUTF8 { #expect(EmbeddedText.inLoadedImage($0.baseAddress!)) }
        let before = Array(literal.utf8.prefix(3 << 20))
        EmbeddedText.release(literal)
        let same = Array(literal.utf8.prefix(3 << 20)) == before   // paged back in from the binary's file
        #expect(same)
        #endif
    }

    @Test("a caller's lexicon text of several MiB is left intact by parsing (only compiled-in texts give their pages back)")
    func callerLexiconTextSurvivesParsing() {
        var text = "# a lexicon built at run time\n"
        for i in 0..<150_000 { text += "w\tform\(i)\t\(i % 97 + 1)\n" }
        #expect(text.utf8.count > 2 << 20)
        let copy = Array(text.utf8)
        let lex = RepairLexicon(text: text)
        #expect(lex.formCount == 150_000)
        let intact = Array(text.utf8) == copy   // compared outside #expect: a failure would diff megabytes
        #expect(intact)
    }


    @Test("the damage check's byte flags of a word, read 8 bytes at a time, are those of a byte-by-byte read, on 20,000 mutated texts")
    func assessFlagsAgreeWithByteReads() {
        var rng = SystemRandomNumberGenerator()
        let base = Array("Styrningen av vården bygger på tillit och kontrollsystemens uppföljning, f6r &r 2021 kommunfullmäktige.".utf8)
        let odd: [UInt8] = [0x30, 0x36, 0x26, 0x40, 0x7C, 0xC3, 0xA5, 0x41, 0x7A, 0x5B, 0x60, 0x7B, 0x80]
        Repairer.assessFlags.withUnsafeBufferPointer { flags in
            for _ in 0..<20_000 {
                var b = base
                for _ in 0..<Int.random(in: 0...3, using: &rng) { b[Int.random(in: 0..<b.count, using: &rng)] = odd.randomElement(using: &rng)! }
                b = Array(b[0..<b.count - Int.random(in: 0..<12, using: &rng)])
                b.withUnsafeBufferPointer { p in
                    for t in Tokenizer.tokenize(b) {
                        var slow: UInt8 = 0
                        for i in t.range { slow |= flags[Int(p[i])] }
                        #expect(Repairer.assessFlags(p, t, flags) == slow, "\(String(decoding: p[t.range], as: UTF8.self))")
                    }
                }
            }
        }
    }
}
