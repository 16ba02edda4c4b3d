package scaffold

import (
	"fmt"
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/site/ordinance"
)

var (
	// "De raad van de gemeente X;", "De gemeenteraad van de
	// gemeente Weesp,", "De raad der gemeente Steenbergen;"
	rePreamble = regexp.MustCompile(`(?i)^\s*de\s+(?:gemeente)?raad\s+(?:van\s+de|der)\s+gemeente\s+([^;:,.\n]+)`)
	// "… voor de gemeente Dronten 2013", "… Gemeente Achtkarspelen"
	reTitleGemeente = regexp.MustCompile(`(?i)\bgemeente\s+(\p{Lu}[\p{L}'-]*(?:\s+(?:en\s+|aan\s+(?:de\s+|het\s+)?|op\s+)?\p{Lu}[\p{L}'-]*)*)`)
	// "Re-integratieverordening Participatiewet X 2024"
	reTitleYear = regexp.MustCompile(`(\p{Lu}[\p{L}'-]*)\s+(?:19|20)\d\d\s*$`)
)

// Municipality names the municipality the ordinance is from, as the source
// says it: the CVDR creator, the preamble ("De raad van de gemeente X"),
// the title ("… gemeente X …", or "… X 2024" where the text also says
// "gemeente X"); "" when it says none of these.
func Municipality(doc *ordinance.Ordinance) string {
	if m := strings.TrimSpace(doc.Metadata.Municipality); m != "" {
		return m
	}
	for _, l := range doc.Preamble {
		if m := rePreamble.FindStringSubmatch(l); m != nil {
			if name := cleanName(m[1]); name != "" {
				return name
			}
		}
	}
	if m := reTitleGemeente.FindStringSubmatch(doc.Title); m != nil {
		if name := cleanName(m[1]); name != "" {
			return name
		}
	}
	if m := reTitleYear.FindStringSubmatch(doc.Title); m != nil {
		name := m[1]
		// A law or a subject ("Participatiewet 2024") is no municipality:
		// the text must also call it "gemeente X".
		re := regexp.MustCompile(`(?i)\bgemeente\s+` + regexp.QuoteMeta(name) + `\b`)
		if re.MatchString(fullText(doc)) {
			return name
		}
	}
	return ""
}

// cleanName trims a name read from running text; "" when it does not look
// like a name (too long, or not starting with a capital).
func cleanName(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	r, _ := utf8.DecodeRuneInString(s)
	if s == "" || !unicode.IsUpper(r) || len(strings.Fields(s)) > 5 || utf8.RuneCountInString(s) > 60 {
		return ""
	}
	return s
}

// fullText is the preamble and every article's text.
func fullText(doc *ordinance.Ordinance) string {
	var b strings.Builder
	for _, l := range doc.Preamble {
		b.WriteString(l + "\n")
	}
	for _, a := range doc.Articles() {
		for _, q := range a.Paragraphs {
			for _, p := range paragraphPieces(q) {
				b.WriteString(p.text + "\n")
			}
		}
	}
	b.WriteString(doc.Signature.Text)
	return b.String()
}

// yamlString writes s as one YAML scalar.
func yamlString(s string) string {
	b, err := yaml.Marshal(s)
	if err != nil {
		return `""`
	}
	return strings.TrimSuffix(string(b), "\n")
}

// sourceURL is where the legally binding text is published, when the
// source says: the consolidation on lokaleregelgeving.overheid.nl for a
// CVDR identifier, else the publication in the Gemeenteblad.
func sourceURL(m ordinance.Metadata) string {
	if regexp.MustCompile(`^CVDR\d+$`).MatchString(m.Identifier) {
		u := "https://lokaleregelgeving.overheid.nl/" + m.Identifier
		if regexp.MustCompile(`^\d+$`).MatchString(m.Version) {
			u += "/" + m.Version
		}
		return u
	}
	if m.SourceURL != "" {
		return m.SourceURL
	}
	if strings.HasPrefix(m.PublicationURL, "https://") {
		return m.PublicationURL
	}
	return ""
}

func metadataYAML(doc *ordinance.Ordinance, muni, text string) []byte {
	m := doc.Metadata
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	w("# Metadata van de verordening in deze map, geschreven door `regelgids new`\n")
	w("# uit %s. Lees elke regel na en vul aan wat ontbreekt.\n", text)
	w("#\n")
	w("# Wat de gepubliceerde tekst zelf zegt over de datums (de site leest ze\n")
	w("# uit de tekst, niet uit dit bestand):\n")
	for _, d := range []struct{ label, value string }{
		{"geldend vanaf", m.ValidFrom},
		{"met terugwerkende kracht vanaf", m.RetroactiveFrom},
		{"geldend tot en met", m.ValidUntil},
		{"vastgesteld op", m.Adopted},
		{"in werking op", m.InForce},
		{"vervallen op", m.ExpiredOn},
	} {
		if d.value != "" {
			w("#   %s: %s\n", d.label, d.value)
		}
	}
	if m.ValidFrom == "" && m.InForce == "" && m.RetroactiveFrom == "" {
		w("#   (geen datum gevonden: de tekst noemt geen ingangsdatum)\n")
	}
	if m.ExpiredOn != "" || m.ValidUntil != "" {
		w("# Let op: deze versie geldt niet meer. Kies zo mogelijk de geldende versie.\n")
	}
	w("\n# De gemeente die de verordening heeft vastgesteld. Staat op elke pagina.\n")
	w("municipality: %s\n", yamlString(muni))
	w("\n# De officiële titel, zoals gepubliceerd in het Gemeenteblad.\n")
	w("title: %s\n", yamlString(doc.Title))
	w("\n# CVDR-nummer van de geconsolideerde tekst op lokaleregelgeving.overheid.nl.\n")
	if m.Identifier == "" {
		w("# Niet gevonden in de bron: vul het in als u het heeft opgezocht.\n")
	}
	w("identifier: %s\n", yamlString(m.Identifier))
	w("\n# Waar de juridisch geldende tekst gepubliceerd is (een https-adres).\n")
	if u := sourceURL(m); u != "" {
		w("source_url: %s\n", yamlString(u))
	} else {
		w("# Niet gevonden in de bron: vul het adres in, bijvoorbeeld\n")
		w("# source_url: https://lokaleregelgeving.overheid.nl/CVDR123456/1\n")
	}
	w("\n# De gepubliceerde tekst van de verordening, ongewijzigd overgenomen uit de\n")
	w("# officiële publicatie. Pas hem nooit met de hand aan: vervang hem door een\n")
	w("# nieuwe publicatie.\n")
	w("text: %s\n", yamlString(text))
	w("\n# Het adres waar de site komt te staan. sitemap.xml en canonieke links\n")
	w("# gebruiken het; zonder base_url bouwt de site ook (met één waarschuwing).\n")
	w("# base_url: https://regelgids.%s.nl/\n", slug(muni))
	w("\n# Hoe inwoners de gemeente bereiken; staat op elke pagina. Haal de #\n")
	w("# weg en vul in.\n")
	w("# contact:\n")
	w("#   name: Gemeente %s\n", muni)
	w("#   phone: \"14 0...\"\n")
	w("#   website: https://www.%s.nl/\n", slug(muni))
	return []byte(b.String())
}

// slug makes an address-like word of a name: "Súdwest-Fryslân" →
// "sudwest-fryslan".
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('-')
		default:
			if a, ok := plain[r]; ok {
				b.WriteRune(a)
			}
		}
	}
	return strings.Trim(b.String(), "-")
}

var plain = map[rune]rune{'á': 'a', 'à': 'a', 'â': 'a', 'ä': 'a', 'é': 'e', 'è': 'e', 'ê': 'e', 'ë': 'e',
	'í': 'i', 'ï': 'i', 'ó': 'o', 'ô': 'o', 'ö': 'o', 'ú': 'u', 'û': 'u', 'ü': 'u'}
