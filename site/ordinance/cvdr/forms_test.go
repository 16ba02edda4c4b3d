package cvdr

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/site/ordinance"
)

const head = `<?xml version="1.0" encoding="UTF-8"?>
<cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:overheid="http://standaarden.overheid.nl/owms/terms/" xmlns:overheidrg="http://standaarden.overheid.nl/cvdr/meta/">
`

// doc wraps a piece of regeling-tekst (and what follows it in body) in a
// CVDR file.
func doc(meta, tekst, rest string) string {
	return head + "<meta>" + meta + "</meta>\n<body><intitule>Testregeling</intitule><regeling>\n<regeling-tekst>\n" + tekst + "\n</regeling-tekst>\n</regeling>\n" + rest + "</body>\n</cvdr>\n"
}

func js(v any) string {
	b, _ := json.Marshal(v)
	return string(b)
}

// TestForms: one row per element form, with the part of the model it
// must give.
func TestForms(t *testing.T) {
	tests := []struct {
		name, meta, tekst, rest string
		got                     func(o *ordinance.Ordinance) any
		want                    string
		warn                    string // a warning that must appear, "" for none
	}{
		{
			name: "owmskern identifier, title, creator, modified",
			meta: `<owmskern><dcterms:identifier>CVDR680781_1</dcterms:identifier><dcterms:title>T</dcterms:title><dcterms:creator scheme="overheid:Gemeente">Someren</dcterms:creator><dcterms:modified>2019-08-30</dcterms:modified></owmskern>`,
			got: func(o *ordinance.Ordinance) any {
				return []string{o.Metadata.Identifier, o.Metadata.Version, o.Metadata.Municipality, o.Metadata.Modified, o.Title}
			},
			want: `["CVDR680781","1","Someren","2019-08-30","Testregeling"]`,
		},
		{
			name: "owmsmantel isFormatOf, source, isRatifiedBy, issued, subject, alternative",
			meta: `<owmsmantel><dcterms:isFormatOf resourceIdentifier="https://zoek.officielebekendmakingen.nl/gmb-2016-146361">gmb-2016-146361</dcterms:isFormatOf><dcterms:alternative>Citeertitel</dcterms:alternative><dcterms:source resourceIdentifier="1.0:c:BWBR0013798&amp;g=2018-07-28">Wet Bibob</dcterms:source><dcterms:source resourceIdentifier="1.1:CVDR77862_1">Parkeerverordening</dcterms:source><overheid:isRatifiedBy>gemeenteraad</overheid:isRatifiedBy><dcterms:subject>verkeer</dcterms:subject><dcterms:issued>2016-10-11</dcterms:issued></owmsmantel>`,
			got: func(o *ordinance.Ordinance) any {
				m := o.Metadata
				return []any{m.Publication, m.PublicationURL, m.CitationTitle, m.AdoptedBy, m.Subject, m.Adopted, o.LegalBasis}
			},
			want: `["gmb-2016-146361","https://zoek.officielebekendmakingen.nl/gmb-2016-146361","Citeertitel","gemeenteraad","verkeer","2016-10-11",[{"text":"Wet Bibob","url":"https://wetten.overheid.nl/jci1.0:c:BWBR0013798\u0026g=2018-07-28"},{"text":"Parkeerverordening","url":"https://lokaleregelgeving.overheid.nl/CVDR77862"}]]`,
		},
		{
			name: "cvdripm in and out of force, betreft, kenmerk",
			meta: `<cvdripm><overheidrg:inwerkingtredingDatum>2019-08-30</overheidrg:inwerkingtredingDatum><overheidrg:uitwerkingtredingDatum>2021-01-01</overheidrg:uitwerkingtredingDatum><overheidrg:betreft>Nieuwe regeling</overheidrg:betreft><overheidrg:kenmerk>16ADV00361</overheidrg:kenmerk></cvdripm>`,
			got: func(o *ordinance.Ordinance) any {
				m := o.Metadata
				return []string{m.InForce, m.ValidFrom, m.ExpiredOn, m.ValidUntil, m.Change, m.FileReference}
			},
			want: `["2019-08-30","2019-08-30","2021-01-01","2021-01-01","Nieuwe regeling","16ADV00361"]`,
		},
		{
			name: "uitwerkingtreding before inwerkingtreding is a warning",
			meta: `<cvdripm><overheidrg:inwerkingtredingDatum>2021-01-01</overheidrg:inwerkingtredingDatum><overheidrg:uitwerkingtredingDatum>2020-01-01</overheidrg:uitwerkingtredingDatum></cvdripm>`,
			got:  func(o *ordinance.Ordinance) any { return o.Metadata.ExpiredOn },
			want: `"2020-01-01"`,
			warn: "lies before inwerkingtredingDatum",
		},
		{
			name:  "hoofdstuk with kop label, nr, titel",
			tekst: `<hoofdstuk><kop><label>Hoofdstuk</label><nr>2.</nr><titel>Voorzieningen</titel></kop><artikel><kop><label>Artikel</label><nr>3</nr><titel>Doel</titel></kop><al>Tekst.</al></artikel></hoofdstuk>`,
			got: func(o *ordinance.Ordinance) any {
				c := o.Chapters[0]
				return []string{c.Number, c.Title, c.Articles[0].Number, c.Articles[0].Title, c.Articles[0].Paragraphs[0].Text}
			},
			want: `["2","Voorzieningen","3","Doel","Tekst."]`,
		},
		{
			name:  "kop with the number in the label only (Kampen)",
			tekst: `<hoofdstuk><kop><label>1.Parkeren</label></kop><structuurtekst><al>[Vervallen]</al></structuurtekst></hoofdstuk>`,
			got:   func(o *ordinance.Ordinance) any { c := o.Chapters[0]; return []string{c.Number, c.Title, c.Intro} },
			want:  `["1","Parkeren","[Vervallen]"]`,
		},
		{
			name:  "decimal and lettered article numbers as printed",
			tekst: `<artikel><kop><nr>2.1</nr><titel>A</titel></kop><al>x</al></artikel><artikel><kop><nr>3a.</nr></kop><al>y</al></artikel><artikel><kop><label>Artikel 1:2</label></kop><al>z</al></artikel>`,
			got: func(o *ordinance.Ordinance) any {
				var n []string
				for _, a := range o.Articles() {
					n = append(n, a.Number)
				}
				return n
			},
			want: `["2.1","3a","1:2"]`,
		},
		{
			name:  "articles without hoofdstuk: one chapter without number",
			tekst: `<artikel><kop><nr>1</nr></kop><al>x</al></artikel><artikel><kop><nr>2</nr></kop><al>y</al></artikel>`,
			got: func(o *ordinance.Ordinance) any {
				return []any{len(o.Chapters), o.Chapters[0].Number, len(o.Chapters[0].Articles)}
			},
			want: `[1,"",2]`,
		},
		{
			name:  "artikel without number gets its position, with a warning",
			tekst: `<artikel><kop><nr>1</nr></kop><al>x</al></artikel><artikel><kop><label/><nr/><titel/></kop><al>y</al></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[1].Number },
			want:  `"2"`,
			warn:  "artikel without a number: numbered 2",
		},
		{
			name:  "paragraaf and afdeling become sections; articles stay in the chapter",
			tekst: `<hoofdstuk><kop><nr>1</nr><titel>H</titel></kop><paragraaf><kop><label>Paragraaf</label><nr>1.1</nr><titel>Doel</titel></kop><artikel><kop><nr>1</nr></kop><al>x</al></artikel><artikel><kop><nr>2</nr></kop><al>y</al></artikel></paragraaf><afdeling><kop><nr>2</nr><titel>Rest</titel></kop><artikel><kop><nr>3</nr></kop><al>z</al></artikel></afdeling></hoofdstuk>`,
			got:   func(o *ordinance.Ordinance) any { return []any{o.Chapters[0].Sections, len(o.Chapters[0].Articles)} },
			want:  `[[{"kind":"paragraaf","number":"1.1","title":"Doel","articles":["1","2"]},{"kind":"afdeling","number":"2","title":"Rest","articles":["3"]}],3]`,
		},
		{
			name:  "paragraaf with structuurtekst only keeps it as its intro",
			tekst: `<hoofdstuk><kop><nr>4</nr></kop><paragraaf><kop><titel>A. Toets</titel></kop><structuurtekst><al/><al>Uitvoering.</al></structuurtekst></paragraaf></hoofdstuk>`,
			got:   func(o *ordinance.Ordinance) any { return o.Chapters[0].Sections[0].Intro },
			want:  `"Uitvoering."`,
		},
		{
			name:  "lid with lidnr, al, lijst of li nr, text after the list",
			tekst: `<artikel><kop><nr>1</nr></kop><lid><lidnr>1.</lidnr><al>Begrippen:</al><lijst><li nr="a."><al>wet: Participatiewet;</al></li><li nr="b)"><al>college: het college.</al></li></lijst><al>Slot.</al></lid><lid><lidnr>(2)</lidnr><al>Tweede.</al></lid></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[0].Paragraphs },
			want:  `[{"number":"1","text":"Begrippen:","items":[{"label":"a","text":"wet: Participatiewet;"},{"label":"b","text":"college: het college."}],"tail":"Slot."},{"number":"2","text":"Tweede.","items":[]}]`,
		},
		{
			name:  "li.nr child instead of the nr attribute",
			tekst: `<artikel><kop><nr>1</nr></kop><lid><lidnr>1</lidnr><al>x</al><lijst><li><li.nr>c.</li.nr><al>derde</al></li></lijst></lid></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[0].Paragraphs[0].Items },
			want:  `[{"label":"c","text":"derde"}]`,
		},
		{
			name:  "nested lijst: sub-onderdelen are items of the item, never leden",
			tekst: `<artikel><kop><nr>1</nr></kop><lid><lidnr>1</lidnr><al>x</al><lijst><li nr="c."><al>kosten:</al><lijst><li nr="1°"><al>een</al></li><li nr="2°"><al>twee</al></li></lijst></li><li nr="d."><al>vier</al></li></lijst></lid></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[0].Paragraphs },
			want:  `[{"number":"1","text":"x","items":[{"label":"c","text":"kosten:","items":[{"label":"1°","text":"een"},{"label":"2°","text":"twee"}]},{"label":"d","text":"vier"}]}]`,
		},
		{
			name:  "article without leden: one unnumbered paragraph with the onderdelen",
			tekst: `<artikel><kop><nr>1</nr></kop><al>Voorzieningen:</al><lijst><li nr="-"><al>werk</al></li><li nr="•"><al>scholing</al></li></lijst></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[0].Paragraphs },
			want:  `[{"number":"","text":"Voorzieningen:","items":[{"label":"1","text":"werk","bullet":true},{"label":"2","text":"scholing","bullet":true}]}]`,
		},
		{
			name:  "text, list, text, list: the second list starts an unnumbered paragraph with the text before it",
			tekst: `<artikel><kop><nr>1</nr></kop><al>Vooraf:</al><lijst><li nr="-"><al>een</al></li></lijst><al>Verder:</al><lijst><li nr="-"><al>twee</al></li></lijst><al>Slot.</al></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[0].Paragraphs },
			want:  `[{"number":"","text":"Vooraf:","items":[{"label":"1","text":"een","bullet":true}]},{"number":"","text":"Verder:","items":[{"label":"1","text":"twee","bullet":true}],"tail":"Slot."}]`,
		},
		{
			name:  "al outside the leden is kept after the last lid, with a warning",
			tekst: `<artikel><kop><nr>1</nr></kop><lid><lidnr>1</lidnr><al>x</al></lid><al>los</al></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[0].Paragraphs[0].Text },
			want:  `"x\n\nlos"`,
			warn:  "outside its leden",
		},
		{
			name:  "tussenkop and structuurtekst in a chapter are its intro",
			tekst: `<hoofdstuk><kop><nr>1</nr></kop><tussenkop>Inleiding</tussenkop><structuurtekst><al>Over dit hoofdstuk.</al></structuurtekst><artikel><kop><nr>1</nr></kop><al>x</al></artikel></hoofdstuk>`,
			got:   func(o *ordinance.Ordinance) any { return o.Chapters[0].Intro },
			want:  `"Inleiding\n\nOver dit hoofdstuk."`,
		},
		{
			name:  "extref keeps its words in the text and its address in Links",
			tekst: `<artikel><kop><nr>1</nr></kop><al>gelet op <extref doc="https://wetten.overheid.nl/jci1.3:c:BWBR0015703">de <cursief>Participatiewet</cursief></extref>;</al></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return []any{o.Articles()[0].Paragraphs[0].Text, o.Links} },
			want:  `["gelet op de Participatiewet;",[{"text":"de Participatiewet","url":"https://wetten.overheid.nl/jci1.3:c:BWBR0015703"}]]`,
		},
		{
			name:  "CALS table: one text row per table row, cells joined by |",
			tekst: `<artikel><kop><nr>1</nr></kop><al>Tarieven:</al><table><tgroup cols="2"><thead><row><entry>Leeftijd</entry><entry>Bedrag</entry></row></thead><tbody><row><entry>18</entry><entry>€ 10</entry></row></tbody></tgroup></table></artikel>`,
			got:   func(o *ordinance.Ordinance) any { return o.Articles()[0].Paragraphs[0].Text },
			want:  `"Tarieven:\n\nLeeftijd | Bedrag\n\n18 | € 10"`,
		},
		{
			name:  "preamble and regeling-sluiting with ondertekening",
			tekst: `<artikel><kop><nr>1</nr></kop><al>x</al></artikel>`,
			rest:  ``,
			got:   func(o *ordinance.Ordinance) any { return o.Signature },
			want:  `{"text":""}`,
		},
		{
			name:  "bijlage",
			tekst: `<artikel><kop><nr>1</nr></kop><al>x</al></artikel>`,
			rest:  `<bijlage><kop><label>Bijlage</label><nr>1</nr><titel>Tarieven</titel></kop><al>Tabel.</al></bijlage>`,
			got:   func(o *ordinance.Ordinance) any { return o.Appendices },
			want:  `[{"title":"Tarieven","text":"Tabel.","blocks":[{"kind":"paragraph","text":"Tabel."}]}]`,
		},
		{
			name:  "toelichting with algemene and artikelsgewijze parts",
			tekst: `<artikel><kop><nr>1</nr><titel>Begrippen</titel></kop><al>x</al></artikel>`,
			rest:  `<toelichting><algemene-toelichting><kop><titel>Algemeen</titel></kop><al>Waarom.</al><lijst><li nr="a)"><al>een</al></li></lijst></algemene-toelichting><artikelsgewijze-toelichting><al>Alleen wat nodig is.</al><artikel><kop><nr>1</nr><titel>Begrip</titel></kop><al>Uitleg.</al></artikel><artikel><kop><nr>9</nr></kop><al>Weg.</al></artikel></artikelsgewijze-toelichting></toelichting>`,
			got: func(o *ordinance.Ordinance) any {
				a := o.Articles()[0]
				return []any{o.GeneralExplanation, o.ExplanationIntro, a.Explanation, a.ExplanationTitle}
			},
			want: `["Waarom.\n\na) een","Alleen wat nodig is.","Uitleg.","Begrip"]`,
			warn: "toelichting on artikel 9, which the regulation does not have",
		},
		{
			name:  "flat toelichting divided by its tussenkoppen",
			tekst: `<artikel><kop><nr>2</nr></kop><al>x</al></artikel>`,
			rest:  `<toelichting><tussenkop>Algemene toelichting</tussenkop><al>Waarom.</al><tussenkop>Artikelsgewijze toelichting</tussenkop><tussenkop>Artikel 2. Samenwerking</tussenkop><al>Uitleg.</al></toelichting>`,
			got: func(o *ordinance.Ordinance) any {
				a := o.Articles()[0]
				return []any{o.GeneralExplanation, a.Explanation, a.ExplanationTitle}
			},
			want: `["Waarom.","Uitleg.","Samenwerking"]`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if tt.tekst == "" {
				tt.tekst = `<artikel><kop><nr>1</nr></kop><al>x</al></artikel>`
			}
			src := doc(tt.meta, tt.tekst, tt.rest)
			o, diags, err := ordinance.Read("t.xml", []byte(src))
			if err != nil {
				t.Fatal(err)
			}
			if got := js(tt.got(o)); got != tt.want {
				t.Errorf("got  %s\nwant %s", got, tt.want)
			}
			found := false
			for _, d := range diags {
				if tt.warn != "" && strings.Contains(d.Message, tt.warn) {
					found = true
				} else {
					t.Errorf("unexpected diagnostic %s", d.String())
				}
			}
			if tt.warn != "" && !found {
				t.Errorf("no warning %q in %v", tt.warn, diags)
			}
		})
	}
}

func TestSignature(t *testing.T) {
	src := head + `<meta/><body><regeling><aanhef><preambule><al>De raad;</al><al/><al>gelet op <extref doc="https://x">de wet</extref>;</al></preambule></aanhef><regeling-tekst><artikel><kop><nr>1</nr></kop><al>x</al></artikel></regeling-tekst><regeling-sluiting><slotformulering><al/></slotformulering><ondertekening><al>Aldus vastgesteld in de raadsvergadering van 27 juni 2024:</al><al>de voorzitter,</al><al>Ben Visser</al><functie>de griffier</functie><naam>Tineke Kramer</naam></ondertekening></regeling-sluiting></regeling></body></cvdr>`
	o, _, err := Parse("t.xml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	want := `[["De raad;","gelet op de wet;"],{"text":"Aldus vastgesteld in de raadsvergadering van 27 juni 2024:","signatories":[{"role":"de voorzitter","name":"Ben Visser"},{"role":"de griffier","name":"Tineke Kramer"}]}]`
	if got := js([]any{o.Preamble, o.Signature}); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestBadXML: one error naming file:line.
func TestBadXML(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"unclosed", head + "<meta/>\n<body>\n<regeling>\n</body></cvdr>", "t.xml:6: not well-formed XML"},
		{"bad entity", head + "<meta/>\n<body>&nope;</body></cvdr>", "t.xml:4: not well-formed XML"},
		{"truncated", head + "<meta/>\n<body>", "t.xml:"},
		{"other root", `<?xml version="1.0"?><regeling/>`, "not <cvdr>"},
		{"other encoding", `<?xml version="1.0" encoding="ISO-8859-1"?><cvdr xmlns="http://standaarden.overheid.nl/cvdr/terms/"/>`, "t.xml:1: not well-formed XML"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := Parse("t.xml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("err = %v, want it to contain %q", err, tt.want)
			}
			if strings.Count(err.Error(), "\n") > 0 {
				t.Errorf("more than one line: %v", err)
			}
		})
	}
}

// TestLimits: a hostile file is refused quickly with one error.
func TestLimits(t *testing.T) {
	deep := head + strings.Repeat("<al>", 10000) + strings.Repeat("</al>", 10000) + "</cvdr>"
	if _, _, err := Parse("deep.xml", []byte(deep)); err == nil || !strings.Contains(err.Error(), "nested more than") {
		t.Errorf("deep: err = %v", err)
	}
	many := head + "<body><regeling><regeling-tekst>" + strings.Repeat("<al/>", maxElements+1) + "</regeling-tekst></regeling></body></cvdr>"
	if _, _, err := Parse("many.xml", []byte(many)); err == nil || !strings.Contains(err.Error(), "more than") {
		t.Errorf("many: err = %v", err)
	}
	// Text split by many comments: linear time.
	split := head + "<body><regeling><regeling-tekst><artikel><kop><nr>1</nr></kop><al>" + strings.Repeat("ab<!---->", 400000) + "</al></artikel></regeling-tekst></regeling></body></cvdr>"
	if o, _, err := Parse("split.xml", []byte(split)); err != nil || len(o.Articles()[0].Paragraphs[0].Text) != 800000 {
		t.Errorf("split: %v", err)
	}
	// Many articles without number or with the same number: linear time.
	var b bytes.Buffer
	b.WriteString(head + "<body><regeling><regeling-tekst>")
	for i := 0; i < 20000; i++ {
		b.WriteString("<artikel><kop><nr/></kop><al>x</al></artikel>")
	}
	b.WriteString("</regeling-tekst></regeling><toelichting><artikelsgewijze-toelichting>")
	for i := 0; i < 20000; i++ {
		b.WriteString("<artikel><kop><nr>1</nr></kop><al>x</al></artikel>")
	}
	b.WriteString("</artikelsgewijze-toelichting></toelichting></body></cvdr>")
	o, _, err := Parse("big.xml", b.Bytes())
	if err != nil || len(o.Articles()) != 20000 {
		t.Errorf("big: %v", err)
	}
}

func TestMatch(t *testing.T) {
	for src, want := range map[string]bool{
		head + "<meta/></cvdr>": true,
		`<?xml version="1.0"?><!-- x --><c:cvdr xmlns:c="http://standaarden.overheid.nl/cvdr/terms/"/>`: true,
		`<cvdr/>`:                             false,
		`<cvdr xmlns="http://example.org/"/>`: false,
		"Artikel 1. Begrippen\n\ncvdr":        false,
		`<regeling xmlns="http://standaarden.overheid.nl/cvdr/terms/"/>`: false,
	} {
		if got := Match([]byte(src)); got != want {
			t.Errorf("Match(%.60q) = %v, want %v", src, got, want)
		}
	}
	if ordinance.FormatOf([]byte(head+"<meta/></cvdr>")) != "cvdr" {
		t.Error("FormatOf does not name cvdr")
	}
}
