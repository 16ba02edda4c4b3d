package terms

import (
	"fmt"
	"reflect"
	"slices"
	"strings"
	"testing"
)

const testList = `# a list
- nl: gemeente
  nl_forms: [gemeenten]
  en: municipality
  en_forms: [municipalities]
- nl: proefplaats
  en: trial placement
  variants: [trial job, trial place]
- nl: loonkostensubsidie
  en: wage cost subsidy
  variants: [wage-cost subsidy]
- nl: doelgroep loonkostensubsidie
  en: target group for wage cost subsidy
- nl: bijstand
  en: social assistance
  variants: [welfare]
  keep: true
  note: residents read it in every letter
`

func mustParse(t *testing.T, src string) *List {
	t.Helper()
	l, err := Parse("termen.yaml", []byte(src))
	if err != nil {
		t.Fatal(err)
	}
	return l
}

// TestCheck: a second English term and an untranslated Dutch term are
// found with their line; a Dutch word beside its English term, a Dutch
// quotation and a kept word are not.
func TestCheck(t *testing.T) {
	l := mustParse(t, testList)
	tests := []struct {
		name, text string
		want       []string // "line: start of message"
	}{
		{"clean", "The municipality decides. You get a trial placement.", nil},
		{"variant", "You get a trial job.", []string{`3: "trial job" is a second English term for proefplaats: write "trial placement" (termen.yaml:6)`}},
		{"variant capitalised", "Trial job: what is it?", []string{`3: "Trial job" is a second English term`}},
		{"variant across a line break", "a\ntrial\njob", []string{`4: "trial job" is a second English term`}},
		{"longer word is no variant", "A trial placement is short.", nil},
		{"hyphen differs", "The wage-cost subsidy.", []string{`3: "wage-cost subsidy" is a second English term for loonkostensubsidie`}},
		{"dutch", "The gemeente decides.", []string{`3: "gemeente" is Dutch: write "municipality", or give the Dutch word in brackets beside it, as in "municipality (gemeente)" (termen.yaml:2)`}},
		{"dutch plural", "All gemeenten decide.", []string{`3: "gemeenten" is Dutch`}},
		{"dutch in brackets", "The municipality (gemeente) decides.", nil},
		{"dutch glossed", "The gemeente (the municipality) decides.", nil},
		{"dutch glossed with a plural", "Gemeenten (municipalities) decide.", nil},
		{"dutch glossed wrongly", "A proefplaats (a short job) is short.", []string{`3: "proefplaats" is Dutch`}},
		{"dutch glossed with a variant: one fault, one message", "A proefplaats (trial job).", []string{`3: "trial job" is a second English term`}},
		{"longest dutch term counts", "The doelgroep loonkostensubsidie (target group for wage cost subsidy).", nil},
		{"longest dutch term untranslated", "The doelgroep loonkostensubsidie decides.", []string{`3: "doelgroep loonkostensubsidie" is Dutch`}},
		{"word inside a longer word", "The Gemeentewet and the gemeenteraad.", nil},
		{"quoted dutch title", "the bill ‘Wijziging van de regeling voor loonkostensubsidie’ (Amendment)", nil},
		{"kept dutch word", "You get bijstand.", nil},
		{"kept word's variant", "You get welfare.", []string{`3: "welfare" is a second English term for bijstand`}},
		{"two findings", "The gemeente offers a trial place.", []string{`3: "trial place" is a second`, `3: "gemeente" is Dutch`}},
		{"empty", "", nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := l.Check("guide.md", []Text{{Line: 3, Text: tt.text}})
			if len(got) != len(tt.want) {
				t.Fatalf("got %d findings %v, want %d %q", len(got), got, len(tt.want), tt.want)
			}
			for i, d := range got {
				if d.File != "guide.md" || !strings.HasPrefix(strings.TrimPrefix(d.String(), "guide.md:"), tt.want[i]) {
					t.Errorf("finding %d = %q, want it to start with guide.md:%s", i, d.String(), tt.want[i])
				}
			}
		})
	}
}

// TestParseErrors: every problem of the list itself is file:line, YAML
// syntax included.
func TestParseErrors(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"empty", "", "termen.yaml:1: empty file"},
		{"bad yaml line", "- nl: gemeente\n  en: municipality\n- nl: proefplaats\n  en: [trial placement\n", "termen.yaml:4: did not find expected ',' or ']'"},
		{"unknown key", "- nl: gemeente\n  en: municipality\n  engels: council\n", "termen.yaml:3: unknown key engels"},
		{"not a list", "nl: gemeente\n", "termen.yaml:1: cannot unmarshal !!map into []terms.Term"},
		{"no english", "- nl: gemeente\n", "termen.yaml:1: nl and en are required"},
		{"two english terms for one word", "- nl: proefplaats\n  en: trial placement\n- nl: stageplaats\n  en: trial placement\n", `termen.yaml:3: the English term "trial placement" is already the English term at line 1`},
		{"variant is the term", "- nl: proefplaats\n  en: trial placement\n  variants: [Trial  placement]\n", `termen.yaml:1: the variant "Trial  placement" is already the English term at line 1`},
		{"dutch listed twice", "- nl: gemeente\n  en: municipality\n- nl: Gemeente\n  en: council\n", `termen.yaml:3: the Dutch term "Gemeente" is already the Dutch term at line 1`},
		{"too short", "- nl: lid\n  en: paragraph\n  variants: [pa]\n", `termen.yaml:1: the variant "pa" is too short`},
		{"keep without note", "- nl: bijstand\n  en: social assistance\n  keep: true\n", "termen.yaml:1: bijstand: keep: true needs a note"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := Parse("termen.yaml", []byte(tt.src))
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestMarkdown: link targets, shortcodes and addresses are not text; the
// front matter's keys other than title, summary and audience are not text.
func TestMarkdown(t *testing.T) {
	l := mustParse(t, testList)
	src := "---\ntitle: Proefplaats (trial placement)\ncalculator: gemeente\n---\n\n## What is it?\n\nSee [the page](/voorzieningen/proefplaats/) and {{< param \"proefplaats.duur\" >}} and https://example.org/gemeente.\nThe gemeente decides ([article 8](/artikel/8/#lid-1)).\n"
	got := l.Check("g.md", Markdown([]byte(src)))
	if len(got) != 1 || got[0].Line != 9 || !strings.Contains(got[0].Message, `"gemeente" is Dutch`) {
		t.Fatalf("got %v, want one finding at line 9", got)
	}
}

// TestYAML: string values with their lines; skipped keys and numbers are
// not text; a block scalar starts on the line below its indicator.
func TestYAML(t *testing.T) {
	src := "- id: gemeente\n  term: municipality (gemeente) {param:gemeente.x}\n  forms: [gemeente]\n  definition: >-\n    The gemeente\n    decides.\n  article: \"1\"\n  count: 3\n"
	texts, err := YAML("en.yaml", []byte(src), "id", "forms", "article")
	if err != nil {
		t.Fatal(err)
	}
	want := []Text{{2, "municipality (gemeente)  "}, {5, "The gemeente decides."}}
	if len(texts) != len(want) || texts[0] != want[0] || texts[1] != want[1] {
		t.Fatalf("got %v, want %v", texts, want)
	}
	if _, err := YAML("en.yaml", []byte("a: [1\n")); err == nil || !strings.HasPrefix(err.Error(), "en.yaml:2: did not find") {
		t.Errorf("bad YAML: %v", err)
	}
}

func FuzzCheck(f *testing.F) {
	l, err := Parse("termen.yaml", []byte(testList))
	if err != nil {
		f.Fatal(err)
	}
	f.Add("The gemeente (municipality) offers a trial job.")
	f.Add("‘loonkostensubsidie")
	f.Add("İİİ gemeente")
	f.Add("Gemeentewet gemeenten-gemeente (gemeente) doelgroep  loonkostensubsidie\ndoelgroep\tloonkostensubsidie trial  job, trial placement; wage-cost subsidy welfare-")
	f.Fuzz(func(t *testing.T, s string) {
		checkSpans(t, l, s)
		for _, d := range l.Check("f.md", []Text{{Line: 1, Text: s}}) {
			if d.Line < 1 || d.Line > 1+strings.Count(s, "\n") {
				t.Fatalf("line %d out of range for %q", d.Line, s)
			}
		}
	})
}

// FuzzParse: any file gives a list or a termen.yaml:N error, never a panic.
func FuzzParse(f *testing.F) {
	f.Add(testList)
	f.Add("- nl: [x\n")
	f.Add("- nl: a\n  en: b\n  variants: [a]\n")
	f.Fuzz(func(t *testing.T, s string) {
		l, err := Parse("termen.yaml", []byte(s))
		if err != nil {
			if !strings.HasPrefix(err.Error(), "termen.yaml:") {
				t.Fatalf("error without file:line: %v", err)
			}
			return
		}
		l.Check("x.md", []Text{{Line: 1, Text: s}})
		checkSpans(t, l, s)
	})
}

// checkSpans: phrases.find finds in s by scanning what findWords finds,
// phrase by phrase.
func checkSpans(t *testing.T, l *List, s string) {
	low := strings.ToLower(s)
	ph := l.phrases()
	slow := *ph
	slow.scan = false
	if got, want := ph.find(low), slow.find(low); !reflect.DeepEqual(got, want) {
		t.Fatalf("phrases in %q: scan %v, findWords %v", s, got, want)
	}
}

// forget empties the memo of checked texts.
func forget() {
	memo.mu.Lock()
	memo.cur, memo.prev = nil, nil
	memo.mu.Unlock()
}

// TestCheckRemembered: a check answered from the memo gives the findings
// of a fresh check, with the file and lines of the call (the same text
// in another file or at another line); a changed text or a changed list
// is checked again.
func TestCheckRemembered(t *testing.T) {
	l := mustParse(t, testList)
	texts := []Text{
		{Line: 3, Text: "The gemeente offers a trial place."},
		{Line: 5, Text: "a\ntrial\njob and\nthe gemeenten"},
		{Line: 9, Text: "Nothing to find."},
	}
	forget()
	fresh := l.Check("a.md", texts)
	if len(fresh) != 4 {
		t.Fatalf("fresh check: %v, want 4 findings", fresh)
	}
	memo.mu.Lock()
	n := len(memo.cur)
	memo.mu.Unlock()
	if n != len(texts) {
		t.Fatalf("memo holds %d texts after checking %d", n, len(texts))
	}
	if again := l.Check("a.md", texts); !slices.Equal(again, fresh) {
		t.Errorf("remembered check:\n%v\nwant\n%v", again, fresh)
	}
	moved := slices.Clone(texts)
	for i := range moved {
		moved[i].Line += 10
	}
	want := slices.Clone(fresh)
	for i := range want {
		want[i].File, want[i].Line = "b.md", want[i].Line+10
	}
	if got := l.Check("b.md", moved); !slices.Equal(got, want) {
		t.Errorf("same texts in b.md, 10 lines down:\n%v\nwant\n%v", got, want)
	}
	forget()
	if got := l.Check("b.md", moved); !slices.Equal(got, want) {
		t.Errorf("fresh check of b.md:\n%v\nwant\n%v", got, want)
	}

	edited := slices.Clone(texts)
	edited[2].Text = "Nothing to find but a trial job."
	got := l.Check("a.md", edited)
	if len(got) != 5 || got[4].String() != `a.md:9: "trial job" is a second English term for proefplaats: write "trial placement" (termen.yaml:6)` {
		t.Errorf("edited text: %v, want the new variant at a.md:9", got)
	}

	// The list changed, the text did not: the message follows the list.
	l2 := mustParse(t, strings.Replace(testList, "en: trial placement", "en: work trial", 1))
	got = l2.Check("a.md", texts[:1])
	if len(got) != 2 || !strings.Contains(got[0].Message, `write "work trial"`) {
		t.Errorf("changed list: %v, want the new English term", got)
	}
	l2.Terms[1].EN = "trial period" // changed after a Check
	if got = l2.Check("a.md", texts[:1]); len(got) != 2 || !strings.Contains(got[0].Message, `write "trial period"`) {
		t.Errorf("list changed after a check: %v, want the new English term", got)
	}
}

// TestMemoBounded: the memo keeps at most two generations.
func TestMemoBounded(t *testing.T) {
	forget()
	l := mustParse(t, testList)
	for i := range 3*memoLimit + 5 {
		l.Check("a.md", []Text{{Line: 1, Text: fmt.Sprint("text ", i)}})
	}
	memo.mu.Lock()
	n := len(memo.cur) + len(memo.prev)
	memo.mu.Unlock()
	if n > 2*memoLimit {
		t.Errorf("memo holds %d texts, want at most %d", n, 2*memoLimit)
	}
	// The last texts are remembered.
	if got := l.Check("a.md", []Text{{Line: 1, Text: "The gemeente."}}); len(got) != 1 {
		t.Errorf("after many texts: %v, want 1 finding", got)
	}
}

// TestKeyFields: a change to any field of a term, or to the list's file,
// changes the key findings are remembered by.
func TestKeyFields(t *testing.T) {
	l := mustParse(t, testList)
	base := l.key()
	typ := reflect.TypeFor[Term]()
	for i := range typ.NumField() {
		c := &List{File: l.File, Terms: slices.Clone(l.Terms)}
		f := reflect.ValueOf(&c.Terms[1]).Elem().Field(i)
		switch f.Kind() {
		case reflect.String:
			f.SetString(f.String() + "x")
		case reflect.Slice:
			f.Set(reflect.Append(f, reflect.ValueOf("x")))
		case reflect.Bool:
			f.SetBool(!f.Bool())
		case reflect.Int:
			f.SetInt(f.Int() + 1)
		default:
			t.Fatalf("field %s: kind %s not covered by this test", typ.Field(i).Name, f.Kind())
		}
		if c.key() == base {
			t.Errorf("changing %s leaves the key as it was", typ.Field(i).Name)
		}
	}
	if (&List{File: "other.yaml", Terms: l.Terms}).key() == base {
		t.Error("changing the file leaves the key as it was")
	}
	// Lengths are hashed: moving a letter between fields is a change.
	a := &List{Terms: []Term{{NL: "ab", EN: "c"}}}
	b := &List{Terms: []Term{{NL: "a", EN: "bc"}}}
	if a.key() == b.key() {
		t.Error(`("ab", "c") and ("a", "bc") have one key`)
	}
}

// TestTextsRemembered: Markdown and YAML give what they read the first
// time when they answer from the memo, a changed source its own texts, and
// a YAML error each time.
func TestTextsRemembered(t *testing.T) {
	md := []byte("---\ntitle: The gemeente\n---\nA [trial job](/x/) at https://example.org.\n")
	if got, want := Markdown(md), markdown(md); !reflect.DeepEqual(got, want) || len(want) != 2 {
		t.Errorf("Markdown = %v, want %v (2 texts)", got, want)
	}
	if got, want := Markdown(md), markdown(md); !reflect.DeepEqual(got, want) {
		t.Errorf("remembered Markdown = %v, want %v", got, want)
	}
	md2 := append(slices.Clone(md), "Second line.\n"...)
	if got := Markdown(md2); len(got) != 3 || got[2] != (Text{Line: 5, Text: "Second line."}) {
		t.Errorf("changed Markdown = %v, want the new line 5", got)
	}

	y := []byte("a: The gemeente\nid: gemeente\n")
	for range 2 {
		got, err := YAML("x.yaml", y, "id")
		if err != nil || len(got) != 1 || got[0] != (Text{Line: 1, Text: "The gemeente"}) {
			t.Errorf("YAML = %v, %v, want the text of a: at line 1", got, err)
		}
	}
	if got, _ := YAML("x.yaml", y); len(got) != 2 {
		t.Errorf("YAML without skip = %v, want 2 texts (skip is in the key)", got)
	}
	bad := []byte("a: [unclosed\n")
	for range 2 {
		if got, err := YAML("x.yaml", bad); err == nil || got != nil {
			t.Errorf("YAML of a broken file = %v, %v, want an error", got, err)
		}
	}
}
