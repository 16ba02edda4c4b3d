package scaffold

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/shopspring/decimal"

	"github.com/regelgids/regelgids/calculators/params/values"
	"github.com/regelgids/regelgids/site/legal"
	"github.com/regelgids/regelgids/site/ordinance"
)

// Param is one amount, percentage or duration of the draft parameter file.
type Param struct {
	Name      string // artikel_17.lid_1.bedrag
	Article   string // "17"
	Paragraph string // "1"; "" for an article without numbered leden
	Item      string // the onderdeel it is in ("a", "b.1"); "" for none
	Unit      string // EUR, percent, months, years; "" when the parameter file has no unit for it
	Value     decimal.Decimal
	// Text is the amount as written ("€ 600,00"), Sentence the sentence
	// it stands in.
	Text, Sentence string
	// Skip says why the amount is listed as a comment, not a parameter
	// ("" for a parameter): a unit the file does not know (weeks), or a
	// value it refuses.
	Skip string
}

// piece is a text of a lid: its own text, an onderdeel, a sub-onderdeel or
// the tail, with the onderdeel it belongs to.
type piece struct{ item, text string }

func paragraphPieces(q ordinance.Paragraph) []piece {
	out := []piece{{"", q.Text}}
	var items func(prefix string, its []ordinance.Item)
	items = func(prefix string, its []ordinance.Item) {
		for _, it := range its {
			label := prefix + it.Label
			out = append(out, piece{label, it.Text})
			items(label+".", it.Items)
			if it.Tail != "" {
				out = append(out, piece{label, it.Tail})
			}
		}
	}
	items("", q.Items)
	if q.Tail != "" {
		out = append(out, piece{"", q.Tail})
	}
	return out
}

var kinds = map[legal.Unit]struct{ unit, word string }{
	legal.Euro:    {values.UnitEUR, "bedrag"},
	legal.Percent: {values.UnitPercent, "percentage"},
	legal.Months:  {values.UnitMonths, "maanden"},
	legal.Years:   {values.UnitYears, "jaren"},
	legal.Weeks:   {"", "weken"},
}

var reNonName = regexp.MustCompile(`[^a-z0-9]+`)

// namePart makes a part of a parameter name of an article or lid number:
// "17" → "17", "2.3" → "2_3", "4a" → "4a".
func namePart(s string) string {
	return strings.Trim(reNonName.ReplaceAllString(strings.ToLower(s), "_"), "_")
}

// Parameters finds every amount, percentage and duration in the articles
// of doc (leden, onderdelen, sub-onderdelen; not the toelichting), in text
// order, each named after where it stands.
func Parameters(doc *ordinance.Ordinance) []Param {
	var out []Param
	used := map[string]int{}
	for _, a := range doc.Articles() {
		for _, q := range a.Paragraphs {
			for _, pc := range paragraphPieces(q) {
				for _, am := range legal.Amounts(pc.text) {
					k := kinds[am.Unit]
					p := Param{Article: a.Number, Paragraph: q.Number, Item: pc.item, Unit: k.unit,
						Value: am.Value, Text: am.Text, Sentence: sentence(pc.text, am.Start, am.End)}
					name := "artikel_" + namePart(a.Number)
					if q.Number != "" {
						name += ".lid_" + namePart(q.Number)
					}
					if pc.item != "" {
						name += ".onderdeel_" + namePart(pc.item)
					}
					name += "." + k.word
					used[name]++
					if n := used[name]; n > 1 {
						name += fmt.Sprintf("_%d", n)
					}
					p.Name = name
					p.Skip = skipReason(p)
					out = append(out, p)
				}
			}
		}
	}
	return out
}

// skipReason says why the parameter file cannot hold p, "" when it can.
func skipReason(p Param) string {
	switch {
	case p.Unit == "":
		return "parameters.yaml kent geen weken; reken om naar maanden of laat de regel in woorden"
	case p.Unit == values.UnitPercent && p.Value.GreaterThan(decimal.NewFromInt(100)):
		return "meer dan 100 procent"
	case (p.Unit == values.UnitMonths || p.Unit == values.UnitYears) && !p.Value.IsInteger():
		return "geen heel aantal " + map[string]string{values.UnitMonths: "maanden", values.UnitYears: "jaren"}[p.Unit]
	case p.Unit == values.UnitEUR && p.Value.Exponent() < -2:
		return "meer dan twee decimalen"
	case p.Unit == values.UnitEUR && p.Value.GreaterThan(decimal.NewFromInt(1_000_000)):
		return "meer dan een miljoen euro"
	case p.Unit == values.UnitMonths && p.Value.GreaterThan(decimal.NewFromInt(600)),
		p.Unit == values.UnitYears && p.Value.GreaterThan(decimal.NewFromInt(120)):
		return "groter dan parameters.yaml toestaat"
	}
	return ""
}

// valueString writes a value as parameters.yaml wants it: a point before
// the cents, no thousands separator.
func valueString(p Param) string {
	if p.Unit == values.UnitEUR {
		return p.Value.StringFixed(2)
	}
	return p.Value.String()
}

// sentence returns the sentence of s around [start, end), spaces joined,
// at most about 200 characters.
func sentence(s string, start, end int) string {
	from := 0
	for i := start - 1; i > 0; i-- {
		if (s[i-1] == '.' || s[i-1] == ';' || s[i-1] == ':') && (s[i] == ' ' || s[i] == '\n') && !abbreviation(s[:i-1]) {
			from = i
			break
		}
	}
	to := len(s)
	for i := end; i < len(s); i++ {
		if (s[i] == '.' || s[i] == ';') && (i+1 == len(s) || s[i+1] == ' ' || s[i+1] == '\n') && !abbreviation(s[:i]) {
			to = i + 1
			break
		}
	}
	before := strings.Join(strings.Fields(s[from:start]), " ")
	amount := strings.Join(strings.Fields(s[start:end]), " ")
	after := strings.Join(strings.Fields(s[end:to]), " ")
	const most = 90
	if utf8.RuneCountInString(before) > most {
		r := []rune(before)
		cut := string(r[len(r)-most:])
		if i := strings.IndexByte(cut, ' '); i >= 0 {
			cut = cut[i+1:] // start at a word
		}
		before = "…" + cut
	}
	if utf8.RuneCountInString(after) > most {
		r := []rune(after)
		cut := string(r[:most])
		if i := strings.LastIndexByte(cut, ' '); i >= 0 {
			cut = cut[:i] // end at a word
		}
		after = cut + "…"
	}
	out := before
	if out != "" && !strings.HasSuffix(out, " ") && start > 0 && (s[start-1] == ' ' || s[start-1] == '\n') {
		out += " "
	}
	out += amount
	if after != "" && end < len(s) && (s[end] == ' ' || s[end] == '\n') {
		out += " "
	}
	return out + after
}

// abbreviation reports whether the text before a point ends in a common
// abbreviation ("art.", "o.a.", "nr."), which ends no sentence.
func abbreviation(before string) bool {
	f := strings.Fields(before)
	if len(f) == 0 {
		return false
	}
	w := strings.ToLower(f[len(f)-1])
	switch w {
	case "art", "nr", "o.a", "i.c", "m.u.v", "bijv", "e.d", "d.d", "jo", "lid", "resp", "t/m", "z.s.m", "c.q", "e.a":
		return true
	}
	return len(w) == 1 // "a." of an onderdeel, or an initial
}

// startDate is the date the draft's values start: the day the ordinance
// took effect, as the text says, and a note on where it comes from.
func startDate(doc *ordinance.Ordinance) (date, note string, known bool) {
	m := doc.Metadata
	switch {
	case m.InForce != "":
		return m.InForce, "de datum van inwerkingtreding die de verordening noemt", true
	case m.RetroactiveFrom != "":
		return m.RetroactiveFrom, "de datum vanaf wanneer de verordening met terugwerkende kracht geldt", true
	case m.ValidFrom != "":
		return m.ValidFrom, "de datum vanaf wanneer deze tekst geldt", true
	case m.Adopted != "":
		return m.Adopted, "TODO: de datum waarop de raad de verordening vaststelde; de tekst noemt geen ingangsdatum. Zet hier de dag waarop de verordening ingaat", false
	}
	return "2000-01-01", "TODO: de tekst noemt geen datum. Zet hier de dag waarop de verordening ingaat (JJJJ-MM-DD)", false
}

func parametersYAML(doc *ordinance.Ordinance, text string, ps []Param) []byte {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format, args...) }
	date, note, known := startDate(doc)
	w("# CONCEPT: bedragen en getallen uit %s,\n", text)
	w("# geschreven door `regelgids new`. Elk bedrag, percentage en elke duur die de\n")
	w("# artikelen noemen staat hieronder als parameter, met het artikel en lid als\n")
	w("# bron en de zin waar het in staat. Lees ze na:\n")
	w("#   - geef elke parameter een naam die zegt wat het is (uitstroompremie.volledig)\n")
	w("#     en een description van één zin; pas de namen ook in de gidsen aan;\n")
	w("#   - verwijder wat geen parameter hoeft te zijn (een leeftijd of termijn die\n")
	w("#     nergens wordt gebruikt);\n")
	w("#   - een nieuw bedrag voor volgend jaar is één regel erbij onder values.\n")
	w("# Eenheden: EUR, EUR/hour, percent, months, years. Bij het bouwen vergelijkt\n")
	w("# regelgids elke waarde met het artikel en lid dat als bron staat.\n")
	w("#\n")
	w("# Eerste datum van elke waarde: %s (%s).\n", date, note)
	if !known {
		w("# TODO: controleer deze datum en vervang hem overal in dit bestand.\n")
	}
	var skipped []Param
	for _, p := range ps {
		if p.Skip != "" {
			skipped = append(skipped, p)
			continue
		}
		w("\n# %s: %q\n", where(p), p.Sentence)
		w("%s:\n", p.Name)
		w("  description: %s\n", yamlString(fmt.Sprintf("TODO: wat dit is, in één zin (%s noemt %s).", where(p), p.Text)))
		w("  unit: %s\n", p.Unit)
		w("  source: {article: %s, paragraph: %s}\n", yamlString(p.Article), yamlString(p.Paragraph))
		w("  values:\n")
		v := fmt.Sprintf("    - {from: %s, value: %s", date, yamlString(valueString(p)))
		if p.Item != "" {
			v += ", note: " + yamlString("Onderdeel "+p.Item+".")
		}
		w("%s}\n", v)
	}
	if len(skipped) > 0 {
		w("\n# Ook gevonden, maar niet als parameter op te nemen:\n")
		for _, p := range skipped {
			w("#   %s: %s (%s): %q\n", where(p), p.Text, p.Skip, p.Sentence)
		}
	}
	return []byte(b.String())
}

// where names the place of a parameter: "artikel 17 lid 1 onder a".
func where(p Param) string {
	s := "artikel " + p.Article
	if p.Paragraph != "" {
		s += " lid " + p.Paragraph
	}
	if p.Item != "" {
		s += " onder " + p.Item
	}
	return s
}
