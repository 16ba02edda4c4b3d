package project_test

import (
	"io/fs"
	"strconv"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site/project"
)

// TestScreenerRules runs the screener of the Eemsdelta content on each
// voorziening's conditions. Every case names the sentence of the ordinance
// its outcome comes from (quote), and the article and lid the reason that
// decides it must cite.
func TestScreenerRules(t *testing.T) {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	s := p.Screener
	if s == nil {
		t.Fatal("no screener")
	}
	for _, c := range []struct {
		slug, input string
		fit         calculators.Fit
		article     string
		paragraph   string
		quote       string // the sentence of the ordinance the outcome rests on
	}{
		// Artikel 7 lid 1: a right once the UWV has decided.
		{"beschut-werk", `{"age": 30, "benefit": "none", "uwv_beschut_werk": true}`, calculators.FitYes, "7", "1",
			"De gemeente biedt de inwoner een beschutte werkplek aan als het UWV heeft vastgesteld, dat de inwoner alleen kan werken op een beschutte werkplek"},
		{"beschut-werk", `{"age": 30, "benefit": "none", "uwv_beschut_werk": false}`, calculators.FitNo, "7", "1",
			"De gemeente biedt de inwoner een beschutte werkplek aan als het UWV heeft vastgesteld, dat de inwoner alleen kan werken op een beschutte werkplek"},
		{"beschut-werk", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "7", "1",
			"De gemeente biedt de inwoner een beschutte werkplek aan als het UWV heeft vastgesteld, dat de inwoner alleen kan werken op een beschutte werkplek"},
		// Artikel 17: a right (ambtshalve), after 3 years, not with Bbz, not under 27 outside the doelgroep.
		{"uitstroompremie", `{"age": 40, "benefit": "algemene_bijstand", "months_on_benefit": 48, "benefit_stops_for_work": true, "self_employed_bbz": false}`, calculators.FitYes, "17", "4",
			"De premies worden ambtshalve toegekend."},
		{"uitstroompremie", `{"age": 40, "benefit": "ioaz", "months_on_benefit": 36, "benefit_stops_for_work": true, "self_employed_bbz": false}`, calculators.FitYes, "17", "1",
			"aan een inwoner die een aaneengesloten periode van 3 jaar een uitkering heeft gehad"},
		{"uitstroompremie", `{"age": 40, "benefit": "algemene_bijstand", "months_on_benefit": 35, "benefit_stops_for_work": true, "self_employed_bbz": false}`, calculators.FitNo, "17", "1",
			"aan een inwoner die een aaneengesloten periode van 3 jaar een uitkering heeft gehad"},
		{"uitstroompremie", `{"age": 40, "benefit": "none", "months_on_benefit": 48}`, calculators.FitNo, "1", "1",
			"uitkering: algemene bijstand of een IOAW- of IOAZ-uitkering"},
		{"uitstroompremie", `{"age": 40, "benefit": "ioaw", "months_on_benefit": 48, "benefit_stops_for_work": false, "self_employed_bbz": false}`, calculators.FitMaybe, "17", "2",
			"betaald werk krijgt en daardoor geen recht meer heeft op een uitkering"},
		{"uitstroompremie", `{"age": 40, "benefit": "algemene_bijstand", "months_on_benefit": 48, "benefit_stops_for_work": true, "self_employed_bbz": true}`, calculators.FitNo, "17", "5",
			"Een inwoner heeft geen recht op een uitstroompremie als deze als zelfstandige aan het werk gaat"},
		{"uitstroompremie", `{"age": 40, "benefit": "algemene_bijstand", "months_on_benefit": 48, "benefit_stops_for_work": true}`, calculators.FitMaybe, "17", "5",
			"Een inwoner heeft geen recht op een uitstroompremie als deze als zelfstandige aan het werk gaat"},
		{"uitstroompremie", `{"age": 26, "benefit": "algemene_bijstand", "months_on_benefit": 48, "benefit_stops_for_work": true, "self_employed_bbz": false, "doelgroep_loonkostensubsidie": false}`, calculators.FitNo, "17", "toelichting",
			"De uitstroompremie wordt niet verstrekt aan een inwoner jonger dan 27 jaar"},
		{"uitstroompremie", `{"age": 26, "benefit": "algemene_bijstand", "months_on_benefit": 48, "benefit_stops_for_work": true, "self_employed_bbz": false, "doelgroep_loonkostensubsidie": true}`, calculators.FitYes, "17", "toelichting",
			"tenzij die inwoner behoort tot de doelgroep loonkostensubsidie"},
		// Artikel 12 lid 1: a right for the employer once the gemeente has decided.
		{"loonkostensubsidie-arbeidsbeperking", `{"age": 19, "benefit": "none", "doelgroep_loonkostensubsidie": true}`, calculators.FitYes, "12", "1",
			"als de werknemer wel kan werken maar niet het wettelijk minimumloon kan verdienen door een arbeidsbeperking"},
		{"loonkostensubsidie-arbeidsbeperking", `{"age": 19, "benefit": "none", "doelgroep_loonkostensubsidie": false}`, calculators.FitNo, "12", "1",
			"als de werknemer wel kan werken maar niet het wettelijk minimumloon kan verdienen door een arbeidsbeperking"},
		// Artikel 6 lid 1: "kan", algemene bijstand, 27 or older.
		{"participatieplaats", `{"age": 27, "benefit": "algemene_bijstand"}`, calculators.FitMaybe, "6", "1",
			"voorlopig niet aan het werk kan en een kleine kans op werk heeft, een participatieplaats aanbieden"},
		{"participatieplaats", `{"age": 26, "benefit": "algemene_bijstand"}`, calculators.FitNo, "6", "1",
			"De inwoner moet 27 jaar of ouder zijn."},
		{"participatieplaats", `{"age": 40, "benefit": "ioaw"}`, calculators.FitNo, "6", "1",
			"De gemeente kan een inwoner die algemene bijstand ontvangt"},
		{"participatieplaats", `{"age": null, "benefit": "algemene_bijstand"}`, calculators.FitMaybe, "6", "1",
			"De inwoner moet 27 jaar of ouder zijn."},
		// Artikel 8 lid 1: "kan", algemene bijstand.
		{"proefplaats", `{"age": 30, "benefit": "algemene_bijstand"}`, calculators.FitMaybe, "8", "1",
			"De gemeente kan een inwoner die algemene bijstand ontvangt toestemming geven"},
		{"proefplaats", `{"age": 30, "benefit": "none"}`, calculators.FitNo, "8", "1",
			"De gemeente kan een inwoner die algemene bijstand ontvangt toestemming geven"},
		{"proefplaats", `{"age": 30, "benefit": null}`, calculators.FitMaybe, "8", "1",
			"De gemeente kan een inwoner die algemene bijstand ontvangt toestemming geven"},
		// Artikel 9: 16 or 17, or 18 to 27 without a startkwalificatie.
		{"leer-werktraject", `{"age": 16, "benefit": "none"}`, calculators.FitMaybe, "9", "",
			"van 16 of 17 jaar van wie de leerplicht of de kwalificatieplicht uit de Leerplichtwet 1969 nog niet is geëindigd"},
		{"leer-werktraject", `{"age": 15, "benefit": "none"}`, calculators.FitNo, "9", "",
			"van 16 of 17 jaar"},
		{"leer-werktraject", `{"age": 24, "benefit": "none", "start_qualification": false}`, calculators.FitMaybe, "9", "",
			"van 18 tot 27 jaar die nog geen startkwalificatie hebben behaald"},
		{"leer-werktraject", `{"age": 24, "benefit": "none", "start_qualification": true}`, calculators.FitNo, "9", "",
			"die nog geen startkwalificatie hebben behaald"},
		{"leer-werktraject", `{"age": 27, "benefit": "none", "start_qualification": false}`, calculators.FitNo, "9", "",
			"van 18 tot 27 jaar"},
		// Artikel 11: "kan"; lid 2 a–d, of which a is never asked.
		{"loonkostensubsidie-kwetsbare-inwoners", `{"age": 30, "benefit": "none", "start_qualification": true, "single_parent": false}`, calculators.FitMaybe, "11", "2",
			"voordat hij aan het werk gaat gedurende 6 maanden geen betaald werk heeft gehad"},
		{"loonkostensubsidie-kwetsbare-inwoners", `{"age": 51, "benefit": "none"}`, calculators.FitMaybe, "11", "2",
			"ouder is dan 50 jaar"},
		{"loonkostensubsidie-kwetsbare-inwoners", `{"age": 30, "benefit": "none", "doelgroep_loonkostensubsidie": true}`, calculators.FitMaybe, "11", "toelichting",
			"maar waarvan niet is vastgesteld dat ze een arbeidsbeperking hebben"},
		// Artikel 19 lid 1: everyone may apply; with a benefit one is in the doelgroep.
		{"hulp-aanvragen", `{"age": 30, "benefit": "ioaw"}`, calculators.FitYes, "19", "1",
			"De inwoner of zijn werkgever kan een aanvraag om ondersteuning indienen bij de gemeente."},
		{"hulp-aanvragen", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "1", "1",
			"Dit zijn in ieder geval de personen die bedoeld worden in artikel 7, eerste lid, onder a, van de wet"},
		// "Kan"-bepalingen: maybe at best, whatever the answers.
		{"sociale-activering", `{"age": 30, "benefit": "algemene_bijstand"}`, calculators.FitMaybe, "4", "1", "De gemeente kan een inwoner activiteiten aanbieden"},
		{"werkervaringsplaats", `{"age": 30, "benefit": "algemene_bijstand"}`, calculators.FitMaybe, "5", "1", "De gemeente kan de inwoner een werkervaringsplaats aanbieden."},
		{"scholing", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "10", "1", "De gemeente kan een inwoner scholing aanbieden."},
		{"jobcoach", `{"age": 30, "benefit": "none", "doelgroep_loonkostensubsidie": true}`, calculators.FitMaybe, "13", "1", "De gemeente kan een werknemer met een arbeidsbeperking ondersteuning op de werkplek aanbieden"},
		{"hulp-bij-beperkingen-motoriek", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "14", "", "De gemeente kan ten behoeve van de inwoner met een beperking in de motoriek"},
		{"meeneembare-voorzieningen", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "15", "1", "De gemeente kan de inwoner met een beperking in de motoriek een meeneembare voorziening aanbieden"},
		{"vervoer-naar-werk", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "16", "1", "De gemeente kan een vervoersvoorziening aanbieden"},
		{"andere-voorzieningen", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "18", "", "De gemeente kan inwoners ook andere voorzieningen aanbieden"},
		{"bezwaar-maken", `{"age": 30, "benefit": "none"}`, calculators.FitMaybe, "3", "4", "De gemeente kan daarom besluiten een bepaalde voorziening niet (langer) aan te bieden"},
	} {
		name := c.slug + " " + c.input
		a, err := calculators.ParseAnswers([]byte(c.input))
		if err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var got *calculators.VoorzieningFit
		for _, v := range s.Rules.Match(a).Voorzieningen {
			if v.Slug == c.slug {
				got = &v
			}
		}
		if got == nil {
			t.Fatalf("%s: not in the result", name)
		}
		if got.Fit != c.fit {
			t.Errorf("%s: fit %s, want %s (%q)", name, got.Fit, c.fit, c.quote)
		}
		cited := false
		for _, r := range got.Reasons {
			cited = cited || r.Article == c.article && r.Paragraph == c.paragraph
		}
		if !cited {
			t.Errorf("%s: no reason cites artikel %s lid %q: %+v", name, c.article, c.paragraph, got.Reasons)
		}
		if !hasQuote(s.Rules, c.slug, c.article, c.paragraph, c.quote) {
			t.Errorf("%s: the data of %s has no clause of artikel %s lid %q quoting %q", name, c.slug, c.article, c.paragraph, c.quote)
		}
	}
}

// hasQuote reports whether a voorziening's data quotes the sentence (or a
// part of it) for that article and lid, or, for a reason cited through
// not_met_cite, for the condition it belongs to.
func hasQuote(s *calculators.Screener, slug, article, paragraph, quote string) bool {
	for _, v := range s.Voorzieningen {
		if v.Slug != slug {
			continue
		}
		if v.Basis.Article == article && v.Basis.Paragraph == paragraph && (strings.Contains(v.Basis.Quote, quote) || strings.Contains(quote, v.Basis.Quote)) {
			return true
		}
		return v.AnyCondition(func(c *calculators.Criterion) bool {
			return (c.Article == article && c.Paragraph == paragraph || c.NotMetCite.Article == article && c.NotMetCite.Paragraph == paragraph) &&
				(strings.Contains(c.Quote, quote) || strings.Contains(quote, c.Quote))
		})
	}
	return false
}

// TestScreenerEveryGuide: the screener has one voorziening per guide, in
// both languages, and a question for every field its rules test.
func TestScreenerEveryGuide(t *testing.T) {
	p, err := project.Load(content.Default(), testDate)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := len(p.Screener.Rules.Voorzieningen), len(p.Guides["nl"]); got != want {
		t.Errorf("%d voorzieningen for %d guides", got, want)
	}
	for name, q := range p.Screener.Questions {
		if q.Text["nl"] == "" || q.Text["en"] == "" || q.Why["nl"] == "" || q.Why["en"] == "" {
			t.Errorf("%s: question or why missing in a language", name)
		}
	}
}

// TestScreenerFileErrors: each fault in the screener file is one
// file:line message.
func TestScreenerFileErrors(t *testing.T) {
	orig, err := readContent(project.ScreenerFile)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct{ name, from, to, want string }{
		{"quote not in the lid", "quote: De premies worden ambtshalve toegekend.", "quote: De premies worden soms toegekend.",
			`wat-past-bij-mij.yaml:` + lineOf(orig, "quote: De premies worden ambtshalve toegekend.") + `: uitstroompremie: basis: quote "De premies worden soms toegekend." is not in artikel 17 lid 4`},
		{"number not in the quote", "number: 16\n", "number: 15\n", `the number 15 is not in the quote`},
		{"unknown parameter", "{param: participatieplaats.minimumleeftijd}", "{param: participatieplaats.leeftijd}", `no parameter "participatieplaats.leeftijd"`},
		{"missing guide", "  - slug: scholing\n", "  - slug: scholingen\n", `no voorziening for the guide scholing`},
		{"unknown field", "field: single_parent", "field: alleenstaand", `onbekend veld "alleenstaand"`},
		{"lid that does not exist", `paragraph: "5"`, `paragraph: "9"`, `cites artikel 17 lid 9, which`},
		{"english text missing", "en: You may ask the municipality for help with work yourself.", "", `the text in en is missing`},
	} {
		fsys := copyFS(t, content.Default())
		changed := strings.Replace(string(orig), c.from, c.to, 1)
		if changed == string(orig) {
			t.Fatalf("%s: %q is not in the file", c.name, c.from)
		}
		fsys[project.ScreenerFile].Data = []byte(changed)
		_, err := project.Load(fsys, testDate)
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%s: got %v, want %q", c.name, err, c.want)
		}
	}
}

func readContent(name string) ([]byte, error) { return fs.ReadFile(content.Default(), name) }

// lineOf is the line (from 1) of the first line of data containing s.
func lineOf(data []byte, s string) string {
	for i, l := range strings.Split(string(data), "\n") {
		if strings.Contains(l, s) {
			return strconv.Itoa(i + 1)
		}
	}
	return "?"
}
