package scaffold

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/project"
)

// GuideTodo is an article that looks like a voorziening: a guide should
// explain it.
type GuideTodo struct {
	Article, Title string
	// Why says what makes it look like a voorziening.
	Why string
}

var (
	// Words of a voorziening, as whole words or the end of one
	// ("participatieplaats", "loonkostensubsidie", "vervoersvoorzieningen").
	reVoorziening = regexp.MustCompile(`(?i)\p{L}*(?:premie|subsidie|voorziening|plaats|ondersteuning|vergoeding|scholing|jobcoach|begeleiding|activering|training|opleiding|traject)(?:s|en)?\b`)
	// "Het college kan … verstrekken", in one sentence.
	reKan = regexp.MustCompile(`(?i)\bkan\b[^.;]{0,200}?\b(verstrekken|verstrekt|toekennen|kent\s+\S+\s+toe|aanbieden|biedt\s+\S+\s+aan|aanbiedt)\b`)
	// Articles that define, close or name the regulation explain no
	// voorziening, whatever words they use.
	reNoGuide = regexp.MustCompile(`(?i)begrip|definitie|citeertitel|inwerkingtreding|ingangsdatum|intrekking|overgang|hardheid|nadere regels|naam van|slotbepaling|evaluatie`)
)

// Guides lists the articles that look like voorzieningen: their title
// names one ("Participatieplaats", "Uitstroompremie"), they are in a
// chapter of voorzieningen, or their text says the municipality "kan …
// verstrekken / toekennen / aanbieden".
func Guides(doc *ordinance.Ordinance) []GuideTodo {
	var out []GuideTodo
	for _, a := range doc.Articles() {
		if reNoGuide.MatchString(a.Title) {
			continue
		}
		var why []string
		if m := reVoorziening.FindString(a.Title); m != "" {
			why = append(why, fmt.Sprintf("de titel noemt %q", strings.ToLower(m)))
		}
		if c := doc.ChapterOf(a.Number); c != nil && regexp.MustCompile(`(?i)voorziening`).MatchString(c.Title) {
			why = append(why, fmt.Sprintf("het staat in hoofdstuk %s (%s)", c.Number, c.Title))
		}
		var words []string
		seen := map[string]bool{}
		kan := ""
	leden:
		for _, q := range a.Paragraphs {
			for _, pc := range paragraphPieces(q) {
				if kan == "" {
					if m := reKan.FindString(pc.text); m != "" {
						kan = strings.Join(strings.Fields(m), " ")
						if len(kan) > 120 {
							kan = kan[:strings.LastIndex(kan[:100], " ")] + " …"
						}
					}
				}
				for _, w := range reVoorziening.FindAllString(pc.text, -1) {
					w = strings.ToLower(w)
					if !seen[w] && len(words) < 3 {
						seen[w] = true
						words = append(words, w)
					}
				}
				if kan != "" && len(words) >= 3 {
					break leden
				}
			}
		}
		if kan != "" {
			why = append(why, fmt.Sprintf("de tekst zegt %q", kan))
		}
		if len(why) == 0 && len(words) >= 2 {
			why = append(why, "de tekst noemt "+quoteAll(words))
		}
		if len(why) > 0 {
			out = append(out, GuideTodo{Article: a.Number, Title: a.Title, Why: strings.Join(why, "; ")})
		}
	}
	return out
}

func quoteAll(ws []string) string {
	q := make([]string, len(ws))
	for i, w := range ws {
		q[i] = fmt.Sprintf("%q", w)
	}
	return strings.Join(q, ", ")
}

func guidesReadme(doc *ordinance.Ordinance, text string, todo []GuideTodo) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Gidsen schrijven\n\n")
	w("Een gids legt één voorziening (soort hulp) uit de %s\n", doc.Title)
	w("(tekst: `%s`) uit in gewone woorden, op taalniveau B1. Deze map heeft nog\n", text)
	w("geen gidsen: de site toont dan alleen de verordening. Elke gids die erbij\n")
	w("komt, maakt de site beter. `regelgids new` schreef deze lijst; streep af wat klaar is.\n\n")
	w("## Te doen\n\n")
	if len(todo) == 0 {
		w("`regelgids new` vond geen artikelen die op een voorziening lijken. Lees de\n")
		w("verordening en kies zelf welke artikelen een gids nodig hebben.\n")
	}
	for _, t := range todo {
		w("- [ ] Artikel %s. %s — %s\n", t.Article, t.Title, t.Why)
	}
	w("\nNiet elk artikel in deze lijst is een voorziening, en er kan er een ontbreken:\n")
	w("de lijst is gemaakt op woorden. Eén gids mag meer artikelen uitleggen.\n\n")
	w("## Zo schrijft u een gids\n\n")
	w("1. Maak eerst `%s` (zie hieronder): de koppen die elke gids heeft.\n", project.GuideStructureFile)
	w("   De build heeft dat bestand nodig zodra er één gids is.\n")
	w("2. Schrijf de gids in `%s/nl/SLUG.md`, waarbij SLUG de naam van de pagina is\n", project.GuidesDir)
	w("   (kleine letters en streepjes, bijvoorbeeld `participatieplaats`).\n")
	w("3. Bouw de site (`go run ./cmd/regelgids build --content MAP`): de build noemt\n")
	w("   elk probleem met bestand en regel.\n\n")
	w("### %s\n\n", project.GuideStructureFile)
	w("```yaml\n")
	w("# De vragen die elke gids beantwoordt: de \"## \"-koppen, in deze volgorde.\n")
	w("sections:\n")
	for _, s := range []struct{ id, nl string }{
		{"wat-is-het", "Wat is het?"}, {"is-het-voor-mij", "Is het voor mij?"}, {"wat-krijg-ik", "Wat krijg ik?"},
		{"wat-moet-ik-doen", "Wat moet ik doen?"}, {"aanvragen", "Hoe vraag ik het aan?"}, {"voorbeeld", "Voorbeeld"},
	} {
		w("  - id: %s\n    heading:\n      nl: %s\n", s.id, s.nl)
	}
	w("```\n\n")
	w("Later kunt u `situations` toevoegen (de groepen op de voorpagina) en\n")
	w("`apply_guide` (de gids over aanvragen); de voorbeeldinhoud van regelgids\n")
	w("(`content/*/gidsen/README.md` in de repository) is een volledig voorbeeld.\n\n")
	w("### Voorkant (YAML tussen `---`-regels), dan de tekst\n\n")
	w("```\n---\n")
	w("title: Participatieplaats\n")
	w("summary: Eén zin die zegt wat het is en voor wie.\n")
	w("audience: Voor wie het is, in één korte zin.\n")
	w("articles: [\"6\"]          # de artikelen die de gids uitlegt\n")
	w("order: 6                  # het artikelnummer, voor de volgorde\n")
	w("---\n")
	w("## Wat is het?\n\n…\n```\n\n")
	w("### Regels\n\n")
	w("- De tekst heeft precies de `##`-koppen van `indeling.yaml`, in die volgorde.\n")
	w("  Korte alinea's en lijstjes (`- `); geen tabellen, HTML of `###`.\n")
	w("- Link naar het artikel en lid waar een zin op rust:\n")
	w("  `[artikel 6, lid 1](/artikel/6/#lid-1)`; een onderdeel: `/artikel/6/#lid-1-a`.\n")
	w("  Elke gids linkt minstens één keer naar elk artikel in `articles`.\n")
	w("- Typ nooit een bedrag of duur: schrijf `{{< param \"NAAM\" >}}` met een naam uit\n")
	w("  `%s`. Geef de parameter daar eerst een goede naam.\n", project.ParametersFile)
	w("- Schrijf op B1: korte zinnen (hooguit 20 woorden), actief, \"u\". Zeg alleen wat\n")
	w("  de verordening zegt: \"kan\" is geen recht.\n")
	w("- `go run ./cmd/regelgids check --content MAP` meet de leesbaarheid.\n")
	return []byte(b.String())
}
