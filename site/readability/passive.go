package readability

import (
	"regexp"
	"strings"
)

// Passive detection is a transparent heuristic, not a parser. Dutch: a form
// of "worden" with a past participle in the same clause ("wordt door de
// gemeente toegekend", "kan worden verlengd"), or a form of "zijn" right
// next to a past participle ("is vastgesteld", "die zijn vastgelegd"),
// leaving out verbs that take "zijn" in the active perfect ("is gestopt")
// and participles used as adjectives ("is geschikt", "op betaald werk").
// English: a form of "be" followed, within a few adverbs, by a past
// participle that is not followed by a noun ("paid work"); "is called X"
// is how the guides name a Dutch term and is not counted.

var (
	nlWorden = map[string]bool{"word": true, "wordt": true, "worden": true, "werd": true, "werden": true}
	nlZijn   = map[string]bool{"is": true, "zijn": true, "was": true, "waren": true, "ben": true, "bent": true, "geweest": true}

	// Clause boundaries: a passive form does not reach across them.
	nlClauseWords = map[string]bool{"en": true, "of": true, "maar": true, "want": true, "dus": true, "omdat": true, "als": true, "dan": true}

	// Words allowed between a form of "zijn" and its participle.
	nlAdverbs = map[string]bool{"niet": true, "al": true, "ook": true, "nog": true, "wel": true, "dan": true, "daarom": true, "pas": true, "net": true, "eerst": true, "meestal": true, "vaak": true, "altijd": true, "nooit": true, "hier": true, "daar": true, "zo": true, "goed": true, "vooraf": true, "daarvoor": true, "hiervoor": true, "er": true}

	// Verbs whose perfect is formed with "zijn": "is gestopt" is active.
	nlZijnPerfect = wordSet(`gegaan gekomen gebleven geworden gevallen gestorven begonnen gestopt gebeurd
		geslaagd gelukt mislukt verdwenen vertrokken verschenen ontstaan overleden aangekomen teruggekomen
		opgegroeid verhuisd gegroeid gestegen gedaald gezakt geëindigd opgehouden uitgestroomd doorgestroomd
		ingegaan weggegaan meegegaan overgestapt ingestroomd veranderd afgenomen toegenomen gelopen gereisd
		gevlucht genezen geboren ingetreden uitgevallen gewend verlopen vervallen afgelopen opgestaan
		ontsnapt gebleken`)

	// Participles used as adjectives after "zijn": "is geschikt" says
	// what something is, not what is done to it.
	nlAdjectival = wordSet(`geschikt gezond bekend verplicht bedoeld getrouwd gescheiden gehandicapt
		gemiddeld gewend gerust gepast gewenst geïnteresseerd gemotiveerd gespecialiseerd betrokken verbonden
		gebonden beperkt verantwoordelijk gericht gelegen verslaafd bevoegd gerechtigd verzekerd overtuigd
		ingewikkeld verwant vereist verkeerd bezorgd beschut gesloten geopend opgeleid`)

	// Words that look like participles but are not: present tenses of
	// verbs starting with "ge", and nouns.
	nlNotParticiple = wordSet(`geeft geldt gelooft geniet gebeurt gewent geneest gedraagt getuigt
		gebiedt geest gebied gezicht gewicht gedicht gevecht gerecht geduld gebruikt gebrek gemeenten
		gevallen gebieden gebouwen gedachten gesprekken getallen gezinnen gedeelten geleden gewoonten
		gevolgen gebreken gezichten gerechten gebruiken gebeuren geloven gelden genieten geven gewennen
		genezen gedragen geheimen gevangenen gebeurtenissen gegevens gelegenheden bericht verband verstand
		bestand verbod beleid behoud onderhoud ontbrekend verschillend betreffend`)

	// Strong participles with an inseparable prefix, which end in -en like
	// infinitives and plurals and are therefore listed.
	nlStrongInseparable = wordSet(`ontvangen verkregen besloten beschreven vergeten verboden bevonden
		ontslagen verschenen overschreden overwogen ontnomen verworven bedreven ondernomen onderscheiden
		onderbroken voldaan bestreden verzonden verbonden bevroren vervangen ontheven verheven
		onderworpen begrepen ontboden bewezen verweten vergeven`)

	nlSeparable = []string{"aan", "af", "bij", "door", "in", "mee", "na", "om", "onder", "op", "over",
		"terug", "toe", "uit", "vast", "voor", "weg", "samen", "tegen", "vrij", "klaar", "thuis",
		"achter", "neer", "rond", "los", "kwijt", "open", "dicht", "bekend", "goed", "tot", "vooraf", "ter",
		"stop", "plaats", "deel", "bloot", "teweeg", "tegemoet", "gelijk", "schoon"}
	nlInseparable = []string{"be", "ver", "ont", "her", "er", "onder", "over", "mis", "vol", "weer"}

	reLetters = regexp.MustCompile(`^\p{L}+$`)
)

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

// isDutchParticiple reports whether w (lower case) looks like a past
// participle ("toegekend", "vastgesteld", "betaald", "gegeven").
func isDutchParticiple(w string) bool {
	if !reLetters.MatchString(w) || nlNotParticiple[w] || len(w) < 5 {
		return false
	}
	if nlStrongInseparable[w] {
		return true
	}
	rest := w
	for _, p := range nlSeparable {
		if strings.HasPrefix(w, p+"ge") && len(w) > len(p)+4 {
			rest = w[len(p):]
			break
		}
	}
	if strings.HasPrefix(rest, "ge") || strings.HasPrefix(rest, "geë") || strings.HasPrefix(rest, "geï") {
		stem := strings.TrimPrefix(rest, "ge")
		switch {
		case strings.HasSuffix(stem, "en") && len([]rune(stem)) >= 4:
			return hasVowel(stem[:len(stem)-2])
		case strings.HasSuffix(stem, "d") || strings.HasSuffix(stem, "t"):
			return len([]rune(stem)) >= 3 && hasVowel(stem)
		}
		return false
	}
	for _, p := range nlInseparable {
		if !strings.HasPrefix(w, p) || len(w) < len(p)+3 {
			continue
		}
		switch {
		case strings.HasSuffix(w, "end"):
			// Present participles ("bepalend") end the same way; past
			// participles of -kennen verbs ("erkend", "berekend") do not
			// have another form.
			return strings.HasSuffix(w, "kend") && !strings.HasSuffix(w, "brekend")
		case strings.HasSuffix(w, "d"):
			return hasVowel(w[len(p) : len(w)-1])
		case strings.HasSuffix(w, "t"):
			// 't kofschip: a participle ends in -t only after a voiceless
			// stem (verstrekt, beperkt, verwacht); "betaalt" and
			// "verdient" are present tenses.
			prev := w[len(w)-2]
			return strings.ContainsRune("kfsph", rune(prev)) && !strings.HasSuffix(w, "cht") || strings.HasSuffix(w, "acht") || strings.HasSuffix(w, "ocht")
		}
	}
	return false
}

func hasVowel(s string) bool {
	for _, r := range s {
		if isVowel(r) {
			return true
		}
	}
	return false
}

// dutchPassive returns the passive form in a sentence ("wordt toegekend"),
// or "". breakAfter marks words followed by a comma, colon, semicolon or
// bracket: a clause ends there.
func dutchPassive(words []string, breakAfter []bool) string {
	var clause []string
	for i, w := range words {
		lw := strings.ToLower(w)
		if nlClauseWords[lw] {
			if form := dutchPassiveClause(clause); form != "" {
				return form
			}
			clause = clause[:0]
			continue
		}
		clause = append(clause, lw)
		if breakAfter[i] {
			if form := dutchPassiveClause(clause); form != "" {
				return form
			}
			clause = clause[:0]
		}
	}
	return dutchPassiveClause(clause)
}

func dutchPassiveClause(ws []string) string {
	for i, w := range ws {
		if !nlWorden[w] {
			continue
		}
		for j, p := range ws {
			if j != i && isDutchParticiple(p) && !attributive(ws, j) {
				if j < i {
					return p + " " + w
				}
				return w + " " + p
			}
		}
	}
	for i, w := range ws {
		if !nlZijn[w] {
			continue
		}
		// After: "is (al) vastgesteld".
		for j := i + 1; j < len(ws) && j <= i+2; j++ {
			if zijnPassive(ws[j]) {
				return w + " " + ws[j]
			}
			if !nlAdverbs[ws[j]] {
				break
			}
		}
		// Before, at the end of a subordinate clause: "dat het
		// vastgesteld is". "zijn" only as the last word, where it cannot
		// be the possessive.
		if i > 0 && zijnPassive(ws[i-1]) && (w != "zijn" || i == len(ws)-1) {
			return ws[i-1] + " " + w
		}
	}
	return ""
}

// nlNounPhrase are words that open a noun phrase: a participle right
// after them describes a noun ("op betaald werk", "een aangepaste
// werkplek") and is no passive. "die" and "dat" are left out: they also
// start a clause ("die toegekend wordt").
var nlNounPhrase = wordSet("de het een geen uw mijn zijn haar hun ons onze deze dit elk ieder elke iedere op aan in naar voor met zonder van bij uit over tot om")

func attributive(ws []string, j int) bool {
	return j > 0 && nlNounPhrase[ws[j-1]]
}

func zijnPassive(w string) bool {
	return isDutchParticiple(w) && !nlZijnPerfect[w] && !nlAdjectival[w]
}

var (
	enBe            = map[string]bool{"is": true, "are": true, "was": true, "were": true, "be": true, "been": true, "being": true, "am": true}
	enIrregular     = wordSet(`given paid made done taken known seen sent kept held told found built brought bought set put cut shown written chosen spent lent lost met sold understood withdrawn born drawn grown thrown hidden forgotten forbidden broken spoken stolen frozen driven ridden beaten bitten eaten fallen hung laid led left meant read run said shut sought struck sworn taught thought torn won worn awarded`)
	enNotParticiple = wordSet(`called need needed indeed hundred speed feed seed bed red shed sacred naked wicked beloved interested tired worried married disabled unemployed employed retired qualified excited bored scared ashamed pleased surprised aged skilled talented`)
	// Words that may follow a passive participle; any other word (a
	// noun) makes it an adjective: "sheltered work", "paid work".
	enAfterPassive    = wordSet(`by to for on in at with from up out as into over under about after before because if when while and or but so the a an again here there then too each every your their his her its this that these those now later first`)
	enAdverbs         = wordSet(`not also only often usually then always never still already just automatically normally sometimes first`)
	enParticipleRegex = regexp.MustCompile(`^[a-z]{3,}ed$`)
)

// englishPassive returns the passive form in a sentence ("is given"), or "".
func englishPassive(words []string) string {
	for i, w := range words {
		if !enBe[strings.ToLower(w)] {
			continue
		}
		for j := i + 1; j < len(words) && j <= i+3; j++ {
			n := strings.ToLower(words[j])
			if !enNotParticiple[n] && (enIrregular[n] || enParticipleRegex.MatchString(n) && !strings.HasSuffix(n, "eed")) {
				if j+1 < len(words) && !enAfterPassive[strings.ToLower(words[j+1])] && !strings.HasSuffix(words[j+1], "ly") {
					break // "are not paid work": the participle describes a noun
				}
				return strings.ToLower(w) + " " + n
			}
			if !enAdverbs[n] && !strings.HasSuffix(n, "ly") {
				break
			}
		}
	}
	return ""
}
