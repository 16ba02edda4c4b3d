package readability

import (
	"encoding/json"
	"errors"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/internal/diag"
)

func TestSplit(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"plain", "De man werkt. Hij krijgt geld.", []string{"De man werkt.", "Hij krijgt geld."}},
		{"question and exclamation", "Wat nu? Dat weet niemand! Klaar.", []string{"Wat nu?", "Dat weet niemand!", "Klaar."}},
		{"bijv.", "Dit is bijv. een test. Tweede zin.", []string{"Dit is bijv. een test.", "Tweede zin."}},
		{"o.a. and art.", "Zie art. 6 van de wet. Er staat o.a. een lijst.", []string{"Zie art. 6 van de wet.", "Er staat o.a. een lijst."}},
		{"t/m and evt.", "Van 1 t/m 3 maanden, evt. langer. Daarna stopt het.", []string{"Van 1 t/m 3 maanden, evt. langer.", "Daarna stopt het."}},
		{"dwz. and zgn.", "Het werk is additioneel, dwz. het is extra. Het zgn. preferente proces.", []string{"Het werk is additioneel, dwz. het is extra.", "Het zgn. preferente proces."}},
		{"d.w.z.", "Het werk is extra, d.w.z. niet gewoon. Klaar.", []string{"Het werk is extra, d.w.z. niet gewoon.", "Klaar."}},
		{"nr.", "Zie besluit nr. 12 van de raad. Klaar.", []string{"Zie besluit nr. 12 van de raad.", "Klaar."}},
		{"e.d. ends a list", "De gemeente kan adviseren, bemiddelen e.d. De gemeente bepaalt.", []string{"De gemeente kan adviseren, bemiddelen e.d.", "De gemeente bepaalt."}},
		{"e.d. inside", "Onderhoudswerk e.d. is ook goed. Klaar.", []string{"Onderhoudswerk e.d. is ook goed.", "Klaar."}},
		{"euro amount", "U krijgt € 1.050,00 per jaar. Dat is veel.", []string{"U krijgt € 1.050,00 per jaar.", "Dat is veel."}},
		{"euro word", "Verdient u 700 euro of meer? Dan krijgt u € 300.", []string{"Verdient u 700 euro of meer?", "Dan krijgt u € 300."}},
		{"initial", "H. Brandenburgh schreef het. Klaar.", []string{"H. Brandenburgh schreef het.", "Klaar."}},
		{"quote after period", "Hij zei: “Kom morgen.” Toen ging hij.", []string{"Hij zei: “Kom morgen.”", "Toen ging hij."}},
		{"bracket after period", "Zie de toelichting (lid 5.) Klaar.", []string{"Zie de toelichting (lid 5.)", "Klaar."}},
		{"heading paragraph", "Wat is het?\n\nDe premie is een bedrag.", []string{"Wat is het?", "De premie is een bedrag."}},
		{"heading without period", "Voorbeeld\n\nDit is een verzonnen voorbeeld.", []string{"Voorbeeld", "Dit is een verzonnen voorbeeld."}},
		{"heading on the line above", "Maatwerk\nEen voorziening moet effectief zijn.", []string{"Maatwerk", "Een voorziening moet effectief zijn."}},
		{"wrapped line", "Omdat er nog veel inwoners met een beperking geen werk hebben en te weinig\nwerkgevers hen aannemen. Klaar.", []string{"Omdat er nog veel inwoners met een beperking geen werk hebben en te weinig werkgevers hen aannemen.", "Klaar."}},
		{"list items", "Klopt dit?\n\n- U had werk\n- U krijgt geld.\n- Klaar", []string{"Klopt dit?", "U had werk", "U krijgt geld.", "Klaar"}},
		{"lead-in and list", "Dit zijn de regels:\n- U had werk\n- U zoekt werk", []string{"Dit zijn de regels:", "U had werk", "U zoekt werk"}},
		{"numbered items", "1. De gemeente kan helpen.\n2. De inwoner moet meedoen", []string{"De gemeente kan helpen.", "De inwoner moet meedoen"}},
		{"lettered items", "a. geen werk;\n\nb. ouder dan 50 jaar.", []string{"geen werk;", "ouder dan 50 jaar."}},
		{"empty", "  \n\n ", nil},
		{"english", "You get €600. That is the most. See e.g. article 17.", []string{"You get €600.", "That is the most.", "See e.g. article 17."}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := Split(tt.text); !reflect.DeepEqual(got, tt.want) {
				t.Errorf("Split(%q)\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

func TestWords(t *testing.T) {
	tests := []struct {
		in   string
		want []string
	}{
		{"U krijgt € 1.050,00 per jaar.", []string{"U", "krijgt", "1.050,00", "per", "jaar"}},
		{"De re-integratie van collega's t/m 2024.", []string{"De", "re-integratie", "van", "collega's", "t/m", "2024"}},
		{"een IOAW- of IOAZ-uitkering", []string{"een", "IOAW-", "of", "IOAZ-uitkering"}},
		{"o.a. en d.w.z. en 50%", []string{"o.a", "en", "d.w.z", "en", "50"}},
	}
	for _, tt := range tests {
		if got := Words(tt.in); !reflect.DeepEqual(got, tt.want) {
			t.Errorf("Words(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}

func TestNumberSyllables(t *testing.T) {
	tests := []struct {
		word, lang string
		want       int
	}{
		{"600", "nl", 3},      // zes-hon-derd
		{"1.050,00", "nl", 4}, // dui-zend-vijf-tig
		{"27", "nl", 5},       // ze-ven-en-twin-tig
		{"2024", "nl", 7},     // twee-dui-zend-vier-en-twin-tig
		{"100", "nl", 2},      // hon-derd
		{"12,5", "nl", 4},     // twaalf kom-ma vijf
		{"600", "en", 3},      // six hun-dred
		{"27", "en", 4},       // twen-ty-se-ven
		{"1,050", "en", 5},    // one thou-sand fif-ty
	}
	for _, tt := range tests {
		got, ok := numberSyllables(tt.word, tt.lang)
		if !ok || got != tt.want {
			t.Errorf("numberSyllables(%q, %s) = %d, %v; want %d", tt.word, tt.lang, got, ok, tt.want)
		}
	}
	if DutchSyllables("UWV") != 3 || EnglishSyllables("UWV") != 3 {
		t.Errorf("an abbreviation in capitals is spelled: UWV = 3")
	}
}

func TestEnglishSyllables(t *testing.T) {
	tests := map[string]int{
		"work": 1, "money": 2, "table": 2, "possible": 3, "employer": 3, "application": 4,
		"municipality": 6, "benefit": 3, "you": 1, "make": 1, "named": 1, "wanted": 2,
		"boxes": 2, "makes": 1, "every": 3, "people": 2, "video": 3, "situation": 4,
		"disability": 5, "support": 2, "example": 3, "paid": 1, "receive": 2,
	}
	for w, want := range tests {
		if got := EnglishSyllables(w); got != want {
			t.Errorf("EnglishSyllables(%q) = %d, want %d", w, got, want)
		}
	}
}

func TestDutchPassive(t *testing.T) {
	tests := []struct {
		sentence, want string
	}{
		// Positives.
		{"De premie wordt door de gemeente ambtshalve toegekend.", "wordt toegekend"},
		{"De grens is vastgesteld.", "is vastgesteld"},
		{"Er worden voorzieningen ingezet.", "worden ingezet"},
		{"De ondersteuning kan worden verlengd.", "worden verlengd"},
		{"Het werk moet dan worden uitgevoerd op een andere plek.", "worden uitgevoerd"},
		{"De doelen die in een ontwikkelplan zijn vastgelegd.", "zijn vastgelegd"},
		{"De gemeente zorgt dat dit aantal gehaald wordt.", "gehaald wordt"},
		{"Als de premie niet is betaald, belt u de gemeente.", "is betaald"},
		{"De uitkering werd stopgezet.", "werd stopgezet"},
		{"Hij wordt begeleid door een jobcoach.", "wordt begeleid"},
		{"De kosten worden vergoed.", "worden vergoed"},
		{"De aanvraag wordt beoordeeld.", "wordt beoordeeld"},
		// Negatives.
		{"Dit is belangrijk.", ""},
		{"De gemeente geeft de premie.", ""},
		{"De werkgever betaalt het loon.", ""},
		{"U bent gestopt met werken.", ""},
		{"De situatie is veranderd.", ""},
		{"De inwoner is geschikt voor het werk.", ""},
		{"Hij heeft zijn vakkennis vergroot.", ""},
		{"Als u ouder wordt, krijgt u meer.", ""},
		{"Wordt uw kans op betaald werk daardoor groter?", ""},
		{"Het wordt moeilijk.", ""},
		{"De premie is bedoeld voor mensen zonder werk.", ""},
		{"Dat geldt ook voor u.", ""},
		{"U verdient genoeg en houdt een deel van uw uitkering.", ""},
		{"De gemeente bepaalt wat nodig is.", ""},
		{"U bent 27 jaar of ouder.", ""},
	}
	for _, tt := range tests {
		words, breaks := tokens(tt.sentence)
		if got := dutchPassive(words, breaks); got != tt.want {
			t.Errorf("dutchPassive(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

func TestEnglishPassive(t *testing.T) {
	tests := []struct {
		sentence, want string
	}{
		{"The bonus is given automatically.", "is given"},
		{"You are paid every month.", "are paid"},
		{"The premium was not paid.", "was paid"},
		{"The limit is reached.", "is reached"},
		{"The rules must also be met.", "be met"},
		{"This subsidy is for people who have not been found to have a disability.", "been found"},
		{"This is important.", ""},
		{"You are interested in work.", ""},
		{"You need help.", ""},
		{"Social activities are not paid work.", ""},
		{"The other is sheltered work.", ""},
		{"In Dutch this is called ambtshalve.", ""},
	}
	for _, tt := range tests {
		if got := englishPassive(Words(tt.sentence)); got != tt.want {
			t.Errorf("englishPassive(%q) = %q, want %q", tt.sentence, got, tt.want)
		}
	}
}

// TestMetricsByHand checks the formulas on texts small enough to count by
// hand.
func TestMetricsByHand(t *testing.T) {
	// De(1) gemeente(3) geeft(1) u(1) geld(1). U(1) zoekt(1) werk(1).
	// 8 words, 10 syllables, 2 sentences: 4 words a sentence, 1.25
	// syllables a word.
	// Flesch-Douma = 206.84 - 0.77*125 - 0.93*4 = 106.87
	// Brouwer      = 195 - 2*4 - 67*1.25      = 103.25
	r := Analyze("De gemeente geeft u geld. U zoekt werk.", "nl", Options{})
	m := r.Metrics
	if m.Words != 8 || m.Syllables != 10 || m.Sentences != 2 || m.AvgSentenceWords != 4 || m.MaxSentenceWords != 5 || m.SyllablesPerWord != 1.25 {
		t.Errorf("counts: %+v", m)
	}
	if *m.FleschDouma != 106.9 || *m.Brouwer != 103.3 {
		t.Errorf("Flesch-Douma %v (want 106.9), Brouwer %v (want 103.3)", *m.FleschDouma, *m.Brouwer)
	}
	if m.FleschReadingEase != nil || m.FleschKincaidGrade != nil {
		t.Errorf("English scores on a Dutch text: %+v", m)
	}

	// Uw(1) loonkostensubsidie(6) komt(1). Dat(1) is(1) fijn(1).
	// 6 words, 11 syllables: 1 long word of 6 = 16.7%.
	// Flesch-Douma = 206.84 - 0.77*183.33 - 0.93*3 = 62.88
	// Brouwer      = 195 - 2*3 - 67*1.8333       = 66.17
	m = Analyze("Uw loonkostensubsidie komt. Dat is fijn.", "nl", Options{}).Metrics
	if m.LongWordsShare != 16.7 || *m.FleschDouma != 62.9 || *m.Brouwer != 66.2 {
		t.Errorf("long %v (want 16.7), Flesch-Douma %v (want 62.9), Brouwer %v (want 66.2)", m.LongWordsShare, *m.FleschDouma, *m.Brouwer)
	}

	// The(1) cat(1) sat(1). It(1) was(1) happy(2).
	// 6 words, 7 syllables, 2 sentences.
	// Flesch Reading Ease = 206.835 - 1.015*3 - 84.6*7/6 = 105.09
	// Flesch-Kincaid      = 0.39*3 + 11.8*7/6 - 15.59   = -0.65
	m = Analyze("The cat sat. It was happy.", "en", Options{}).Metrics
	if m.Words != 6 || m.Syllables != 7 || *m.FleschReadingEase != 105.1 || *m.FleschKincaidGrade != -0.7 {
		t.Errorf("English: %+v FRE %v FK %v", m, *m.FleschReadingEase, *m.FleschKincaidGrade)
	}
	if m.FleschDouma != nil || m.UncommonWordsShare != nil {
		t.Errorf("Dutch scores on an English text: %+v", m)
	}
}

func TestMetricsJSON(t *testing.T) {
	b, err := json.Marshal(Analyze("De man werkt.", "nl", Options{Common: map[string]bool{"de": true}}).Metrics)
	if err != nil {
		t.Fatal(err)
	}
	want := `{"words":3,"sentences":1,"syllables":3,"avg_sentence_words":3,"max_sentence_words":3,"syllables_per_word":1,"long_words_share":0,"passive_sentences":0,"unexplained_jargon":0,"uncommon_words_share":66.7,"flesch_douma":127.1,"brouwer":122}`
	if string(b) != want {
		t.Errorf("JSON\n got %s\nwant %s", b, want)
	}
}

// testThresholds is a small thresholds file for the problem messages.
const testThresholds = `rules:
  - {metric: sentence_words, lang: nl, kinds: [guide], max: 20, source: test}
  - {metric: passive_sentences, lang: nl, kinds: [guide], max: 0, source: test}
  - {metric: unexplained_jargon, lang: nl, kinds: [guide], max: 0, source: test}
  - {metric: flesch_douma, lang: nl, kinds: [guide], min: 60, source: test}
  - {metric: sentence_words, lang: en, kinds: [guide], max: 20, source: test}
  - {metric: passive_sentences, lang: en, kinds: [guide], max: 0, source: test}
  - {metric: unexplained_jargon, lang: en, kinds: [guide], max: 0, source: test}
  - {metric: flesch_reading_ease, lang: en, kinds: [guide], min: 60, min_words: 10, source: test}
`

func TestProblems(t *testing.T) {
	th, err := ParseThresholds("test.yaml", []byte(testThresholds))
	if err != nil {
		t.Fatal(err)
	}
	long := "De gemeente kan in het uitzonderlijke geval dat de persoonlijke situatie van een inwoner zo is veranderd een tweede keer een plek aanbieden aan de inwoner."
	text := long + "\n\nDe premie wordt toegekend. U krijgt de premie ambtshalve."
	r := Analyze(text, "nl", Options{Kind: "guide", Thresholds: th, Jargon: []string{"ambtshalve"}})
	got := reasons(r)
	want := []string{
		"zin van 26 woorden; hoogstens 20",
		"lijdende vorm: wordt toegekend",
		"moeilijk woord: ambtshalve, niet uitgelegd",
		// 35 words, 63 syllables, 3 sentences:
		// 206.84 - 0.77*180 - 0.93*11.67 = 57.4
		"Flesch-Douma 57,4; minstens 60",
	}
	if !reflect.DeepEqual(got, want) || r.Pass || !r.Graded {
		t.Errorf("problems\n got %q\nwant %q (pass %v, graded %v)", got, want, r.Pass, r.Graded)
	}
	if r.Problems[0].Sentence != long || r.Problems[3].Sentence != "" {
		t.Errorf("problem sentences: %+v", r.Problems)
	}

	en := "The municipality can in the exceptional case that the personal situation of a resident has changed so much offer a second place to that resident.\n\nThe bonus is given automatically. You get the uitkering."
	r = Analyze(en, "en", Options{Kind: "guide", Thresholds: th, Jargon: []string{"uitkering"}})
	got = reasons(r)
	want = []string{
		"sentence of 25 words; at most 20",
		"passive voice: is given",
		"hard word: uitkering, not explained",
		// 34 words, 62 syllables, 3 sentences:
		// 206.835 - 1.015*11.33 - 84.6*1.824 = 41.1
		"Flesch Reading Ease 41.1; at least 60",
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("problems\n got %q\nwant %q", got, want)
	}

	// Law is only scored: no rule for the kind, no verdict.
	r = Analyze(text, "nl", Options{Kind: "article", Thresholds: th})
	if r.Graded || !r.Pass || len(r.Problems) != 0 {
		t.Errorf("article: graded %v, pass %v, problems %v", r.Graded, r.Pass, r.Problems)
	}
	// min_words: a short text is not judged on its formula.
	r = Analyze("The bonus is paid in cash.", "en", Options{Kind: "guide", Thresholds: th})
	for _, p := range r.Problems {
		if p.Metric == "flesch_reading_ease" {
			t.Errorf("formula judged on %d words: %v", r.Metrics.Words, p)
		}
	}
}

func reasons(r *Report) []string {
	var out []string
	for _, p := range r.Problems {
		out = append(out, p.Reason)
	}
	return out
}

func TestJargonExplained(t *testing.T) {
	jargon := []string{"ambtshalve", "beschut werk", "uitkering", "in natura"}
	tests := []struct {
		name, lang, text string
		explained        []string
		want             []string
	}{
		{"unexplained", "nl", "U krijgt het ambtshalve.", nil, []string{"ambtshalve"}},
		{"glossary on the page", "nl", "U krijgt het ambtshalve.", []string{"Ambtshalve"}, nil},
		{"dat heet", "nl", "De gemeente doet het uit zichzelf. Dat heet ambtshalve.", nil, nil},
		{"dat laatste heet", "nl", "Of regelt de gemeente de hulp? Dat laatste heet hulp in natura.", nil, nil},
		{"term is", "nl", "Beschut werk is werk op een aangepaste plek.", nil, nil},
		{"next sentence", "nl", "U heeft een uitkering. Dat is geld om van te leven.", nil, nil},
		{"met … bedoelen", "nl", "Met uitkering bedoelen de regels: bijstand.", nil, nil},
		{"plural, once", "nl", "Uitkeringen stoppen. Uw uitkering stopt.", nil, []string{"uitkering"}},
		{"multi-word", "nl", "U krijgt beschut werk. Het is fijn.", nil, []string{"beschut werk"}},
		{"parenthesis", "en", "You get an uitkering (benefit).", nil, nil},
		{"called", "en", "This is called ambtshalve.", nil, nil},
		{"english unexplained", "en", "You get an uitkering.", nil, []string{"uitkering"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := Analyze(tt.text, tt.lang, Options{Jargon: jargon, Explained: tt.explained})
			var got []string
			for _, s := range r.Sentences {
				got = append(got, s.Jargon...)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("unexplained jargon = %q, want %q", got, tt.want)
			}
			if r.Metrics.UnexplainedJargon != len(tt.want) {
				t.Errorf("count %d, want %d", r.Metrics.UnexplainedJargon, len(tt.want))
			}
		})
	}
}

func TestCommonWords(t *testing.T) {
	common := map[string]bool{"de": true, "man": true, "werkt": true, "aanvraag": true, "eigen": true, "bedrijf": true}
	r := Analyze("De man werkt. Ook Jan doet een aanvraag voor zijn eigen-bedrijf. Hij is ambtenaar bij het UWV.", "nl", Options{Common: common})
	var got []string
	for _, s := range r.Sentences {
		got = append(got, s.Uncommon...)
	}
	// "Jan" (a capital inside the sentence: a name) and "UWV" (an
	// abbreviation) are not judged; "eigen-bedrijf" is common by its parts.
	want := []string{"Ook", "doet", "een", "voor", "zijn", "Hij", "is", "ambtenaar", "bij", "het"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("uncommon = %q, want %q", got, want)
	}
}

func TestParseThresholds(t *testing.T) {
	th := eemsdeltaThresholds(t)
	if len(th.For("nl", "guide")) == 0 || len(th.For("en", "guide")) == 0 {
		t.Fatal("no rules for guides")
	}
	for _, r := range th.Rules {
		if r.Line == 0 || r.Source == "" {
			t.Errorf("rule %+v: want a line and a source", r)
		}
	}
	if len(th.For("nl", "article")) != 0 || len(th.For("nl", "explanation")) != 0 {
		t.Errorf("law must only be scored, not judged")
	}
	if got := th.Label("flesch_douma", 65); got != "normaal (7e klas lo of vglo)" {
		t.Errorf("Label(flesch_douma, 65) = %q", got)
	}

	tests := []struct {
		name, src, want string
	}{
		{"empty", "", "t.yaml:1: empty file"},
		{"unknown key", "rules:\n  - metric: flesch_douma\n    lang: nl\n    kinds: [guide]\n    min: 60\n    source: x\n    bron: y\n", "t.yaml:7: unknown key bron"},
		{"unknown metric", "rules:\n  - {metric: fog, lang: nl, kinds: [guide], max: 1, source: x}\n", `t.yaml:2: unknown metric "fog"`},
		{"wrong language", "rules:\n  - {metric: sentence_words, lang: nl, kinds: [guide], max: 20, source: x}\n  - {metric: flesch_douma, lang: en, kinds: [guide], min: 60, source: x}\n", "t.yaml:3: metric flesch_douma is not computed for lang en"},
		{"no limit", "rules:\n  - {metric: brouwer, lang: nl, kinds: [guide], source: x}\n", "t.yaml:2: rule for brouwer has neither min nor max"},
		{"no source", "rules:\n  - {metric: brouwer, lang: nl, kinds: [guide], min: 50}\n", "t.yaml:2: rule for brouwer has no source"},
		{"unknown kind", "rules:\n  - {metric: brouwer, lang: nl, kinds: [folder], min: 50, source: x}\n", `t.yaml:2: unknown kind "folder"`},
		{"bad band", "rules:\n  - {metric: brouwer, lang: nl, kinds: [guide], min: 50, source: x}\nbands:\n  - metric: brouwer\n    source: x\n    ranges:\n      - {from: 50, to: 40, label: odd}\n", "t.yaml:4: band \"odd\": from 50 is not below to 40"},
		{"not yaml", "rules: [\n", "t.yaml:"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ParseThresholds("t.yaml", []byte(tt.src))
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Errorf("error %v, want it to contain %q", err, tt.want)
			}
			var l *diag.List
			var d *diag.Diagnostic
			if !errors.As(err, &l) && !errors.As(err, &d) {
				t.Errorf("error is a %T, want a *diag.List or *diag.Diagnostic", err)
			}
		})
	}
}

func TestParseWords(t *testing.T) {
	got := ParseWords([]byte("# comment\n\nUWV\n  beschut werk \n"))
	if !reflect.DeepEqual(got, []string{"uwv", "beschut werk"}) {
		t.Errorf("ParseWords = %q", got)
	}
}

func FuzzAnalyze(f *testing.F) {
	f.Add("De premie wordt ambtshalve toegekend. U krijgt € 1.050,00 o.a. per jaar.\n\n- U had werk\n1. Klaar", "nl")
	f.Add("The bonus is given automatically (see e.g. article 17).", "en")
	f.Add("a. b. c.\n\n\n-  \n1.", "nl")
	f.Add("…?!. «x» 12,5% 1.000.000.000.000", "en")
	th, err := ParseThresholds("t.yaml", []byte(testThresholds))
	if err != nil {
		f.Fatal(err)
	}
	f.Fuzz(func(t *testing.T, text, lang string) {
		r := Analyze(text, lang, Options{Kind: "guide", Thresholds: th, Jargon: []string{"uitkering", "beschut werk"}, Common: map[string]bool{"de": true}})
		words := 0
		for _, s := range r.Sentences {
			if s.Words == 0 || strings.TrimSpace(s.Text) != s.Text {
				t.Errorf("bad sentence %+v", s)
			}
			words += s.Words
		}
		if words != r.Metrics.Words || len(r.Sentences) != r.Metrics.Sentences {
			t.Errorf("metrics %+v do not add up to the sentences", r.Metrics)
		}
		if r.Pass != (len(r.Problems) == 0) {
			t.Errorf("pass %v with %d problems", r.Pass, len(r.Problems))
		}
		if _, err := json.Marshal(r); err != nil {
			t.Errorf("report does not marshal: %v", err)
		}
	})
}

func BenchmarkAnalyze(b *testing.B) {
	th := eemsdeltaThresholds(b)
	jargon := wordList(b, "jargon.txt")
	common := map[string]bool{}
	for _, w := range wordList(b, "gewone-woorden.txt") {
		common[w] = true
	}
	text := guideText(b, string(readFile(b, filepath.Join(content, "gidsen", "nl", "uitstroompremie.md"))), params(b, "nl"))
	opts := Options{Kind: "guide", Thresholds: th, Jargon: jargon, Common: common}
	b.SetBytes(int64(len(text)))
	for b.Loop() {
		Analyze(text, "nl", opts)
	}
}
