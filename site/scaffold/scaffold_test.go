package scaffold_test

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/scaffold"
	"github.com/regelgids/regelgids/templates"
)

const eemsdelta = "../../content/eemsdelta"

func read(t *testing.T, name string) []byte {
	t.Helper()
	b, err := project.ReadOrdinance(name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// write makes the folder from file and writes it to a new temporary
// folder.
func write(t *testing.T, file string, opt scaffold.Options) (*scaffold.Folder, string) {
	t.Helper()
	f, err := scaffold.New(filepath.Base(file), read(t, file), opt)
	if err != nil {
		t.Fatal(err)
	}
	dir := filepath.Join(t.TempDir(), "nieuw")
	if err := f.Write(dir); err != nil {
		t.Fatal(err)
	}
	return f, dir
}

// builds loads the folder and renders its site in memory.
func builds(t *testing.T, dir string) *project.Project {
	t.Helper()
	p, _, err := site.Generate(site.Options{Content: project.ContentDir(dir), Templates: templates.Default()})
	if err != nil {
		t.Fatalf("the new folder does not build:\n%v", err)
	}
	return p
}

// TestEemsdeltaRoundTrip: a folder written from the Eemsdelta text builds,
// and its draft has every amount content/eemsdelta/parameters.yaml takes
// from an article, at the same article and lid, with the same value.
func TestEemsdeltaRoundTrip(t *testing.T) {
	f, dir := write(t, filepath.Join(eemsdelta, "verordening.txt"), scaffold.Options{})
	if got, want := f.Names(), []string{"gidsen/README.md", "metadata.yaml", "parameters.yaml", "verordening.txt"}; !slices.Equal(got, want) {
		t.Fatalf("files %v, want %v", got, want)
	}
	orig := read(t, filepath.Join(eemsdelta, "verordening.txt"))
	if copied, _ := os.ReadFile(filepath.Join(dir, "verordening.txt")); string(copied) != string(orig) {
		t.Error("verordening.txt is not an unchanged copy")
	}
	p := builds(t, dir)
	if p.Meta.Municipality != "Eemsdelta" || p.Meta.Title != "Re-integratieverordening Participatiewet Eemsdelta 2024" || p.Meta.Text != "verordening.txt" {
		t.Errorf("metadata: %+v", p.Meta)
	}
	for _, w := range p.Warnings {
		if !strings.Contains(w.Message, "base_url") {
			t.Errorf("warning: %v", w)
		}
	}

	draft, err := params.Parse("parameters.yaml", f.Files["parameters.yaml"])
	if err != nil {
		t.Fatal(err)
	}
	ours, err := params.Parse("parameters.yaml", read(t, filepath.Join(eemsdelta, "parameters.yaml")))
	if err != nil {
		t.Fatal(err)
	}
	// Stated outside the articles, so not in the draft (which reads leden
	// and onderdelen only): the toelichting.
	outside := map[string]string{
		"uitstroompremie.minimumleeftijd": "only the toelichting of artikel 17 says 27 jaar",
	}
	found := 0
	for _, o := range ours.Params() {
		if o.Source.Article == "" {
			continue // from a law, not from the ordinance
		}
		if why, ok := outside[o.Name]; ok {
			t.Logf("%s: not in the draft: %s", o.Name, why)
			continue
		}
		want := o.Values[0].Value
		var match []string
		for _, d := range draft.Params() {
			if d.Source.Article == o.Source.Article && (o.Source.Paragraph == "" || d.Source.Paragraph == o.Source.Paragraph) &&
				d.Unit == o.Unit && d.Values[0].Value.Equal(want) {
				match = append(match, d.Name)
			}
		}
		if len(match) == 0 {
			t.Errorf("%s (artikel %s lid %s, %s %s): not in the draft", o.Name, o.Source.Article, o.Source.Paragraph, want, o.Unit)
			continue
		}
		found++
		t.Logf("%s = %s %s → %s", o.Name, want, o.Unit, strings.Join(match, ", "))
	}
	if found == 0 {
		t.Error("no parameter of the ordinance found")
	}
	for _, d := range draft.Params() {
		if d.Values[0].From.String() != "2024-07-01" {
			t.Errorf("%s starts %s, want the day the ordinance took effect, 2024-07-01", d.Name, d.Values[0].From)
		}
	}

	// Every article an Eemsdelta guide explains is on the to-do list.
	todo := map[string]bool{}
	for _, g := range f.Guides {
		todo[g.Article] = true
	}
	guides, err := filepath.Glob(filepath.Join(eemsdelta, "gidsen/nl/*.md"))
	if err != nil || len(guides) == 0 {
		t.Fatal("no Eemsdelta guides", err)
	}
	reArticles := regexp.MustCompile(`(?m)^articles: \[(.*)\]`)
	for _, g := range guides {
		b, _ := os.ReadFile(g)
		m := reArticles.FindSubmatch(b)
		if m == nil {
			t.Fatalf("%s: no articles", g)
		}
		for _, a := range strings.Split(string(m[1]), ",") {
			if a = strings.Trim(a, ` "`); !todo[a] {
				t.Errorf("%s explains artikel %s, which is not on the to-do list", filepath.Base(g), a)
			}
		}
	}
	for _, a := range []string{"1", "2", "20", "21", "22", "23", "24"} {
		if todo[a] {
			t.Errorf("artikel %s (%s) is on the to-do list", a, f.Ordinance.Article(a).Title)
		}
	}
	readme := string(f.Files["gidsen/README.md"])
	for _, want := range []string{"- [ ] Artikel 17. Uitstroompremie", "- [ ] Artikel 6. Participatieplaats", "gidsen/indeling.yaml", "{{< param"} {
		if !strings.Contains(readme, want) {
			t.Errorf("gidsen/README.md lacks %q", want)
		}
	}
}

// TestOtherSources: a CVDR XML file and texts of the corpus give folders
// that build, with the municipality the source names.
func TestOtherSources(t *testing.T) {
	for _, tc := range []struct {
		file, text, municipality, identifier, sourceURL string
	}{
		{"../ordinance/cvdr/testdata/CVDR100394_2.xml", "regeling.xml", "Kampen", "CVDR100394", "https://lokaleregelgeving.overheid.nl/CVDR100394/2"},
		{"../ordinance/cvdr/testdata/eemsdelta.xml", "regeling.xml", "Eemsdelta", "", ""},
		{"../ordinance/testdata/corpus/appingedam-reintegratie.txt", "verordening.txt", "Appingedam", "", ""},
		{"../ordinance/testdata/corpus/borger-odoorn-ozb.txt", "verordening.txt", "Borger-Odoorn", "", ""},
		{"../ordinance/testdata/corpus/dronten-markt.txt", "verordening.txt", "Dronten", "", ""},
	} {
		t.Run(filepath.Base(tc.file), func(t *testing.T) {
			f, dir := write(t, tc.file, scaffold.Options{})
			if _, ok := f.Files[tc.text]; !ok {
				t.Fatalf("no %s in %v", tc.text, f.Names())
			}
			p := builds(t, dir)
			if p.Meta.Municipality != tc.municipality || p.Meta.Identifier != tc.identifier || p.Meta.SourceURL != tc.sourceURL || p.Meta.Text != tc.text {
				t.Errorf("metadata %+v, want %s, %q, %q", p.Meta, tc.municipality, tc.identifier, tc.sourceURL)
			}
			if p.Meta.Title != f.Ordinance.Title {
				t.Errorf("title %q, want %q", p.Meta.Title, f.Ordinance.Title)
			}
			if raw, ok := f.Files["parameters.yaml"]; ok {
				if _, err := params.Parse("parameters.yaml", raw); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// TestMunicipality reads the municipality from each form a source names
// it in.
func TestMunicipality(t *testing.T) {
	for _, tc := range []struct {
		name string
		doc  ordinance.Ordinance
		want string
	}{
		{"CVDR creator", ordinance.Ordinance{Title: "Verordening 2020", Metadata: ordinance.Metadata{Municipality: "Kampen"}}, "Kampen"},
		{"raad van de gemeente", ordinance.Ordinance{Preamble: []string{"De raad van de gemeente Appingedam;"}}, "Appingedam"},
		{"gemeenteraad", ordinance.Ordinance{Preamble: []string{"De gemeenteraad van de gemeente Weesp,"}}, "Weesp"},
		{"raad der gemeente", ordinance.Ordinance{Preamble: []string{"De raad der gemeente Steenbergen;"}}, "Steenbergen"},
		{"two words", ordinance.Ordinance{Preamble: []string{"De raad van de gemeente Haarlemmerliede en Spaarnwoude"}}, "Haarlemmerliede en Spaarnwoude"},
		{"run on", ordinance.Ordinance{Preamble: []string{"De raad van de gemeente Zandvoort:gelezen het voorstel"}}, "Zandvoort"},
		{"title gemeente", ordinance.Ordinance{Title: "Verordening op de warenmarkten voor de gemeente Dronten 2013"}, "Dronten"},
		{"title name year, named in the text", ordinance.Ordinance{Title: "Re-integratieverordening Participatiewet Eemsdelta 2024",
			Chapters: []ordinance.Chapter{{Articles: []ordinance.Article{{Number: "1", Paragraphs: []ordinance.Paragraph{{Text: "college van de gemeente Eemsdelta"}}}}}}}, "Eemsdelta"},
		{"title subject year", ordinance.Ordinance{Title: "Verordening Participatie 2015"}, ""},
		{"nothing", ordinance.Ordinance{Title: "Reglement van orde"}, ""},
	} {
		if got := scaffold.Municipality(&tc.doc); got != tc.want {
			t.Errorf("%s: %q, want %q", tc.name, got, tc.want)
		}
	}
}

// TestRefuses: an existing folder is never touched; a source that names
// no municipality needs --municipality.
func TestRefuses(t *testing.T) {
	f, err := scaffold.New("verordening.txt", read(t, filepath.Join(eemsdelta, "verordening.txt")), scaffold.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for _, tc := range []struct {
		name  string
		setup func(dir string) error
	}{
		{"empty folder", func(dir string) error { return os.Mkdir(dir, 0o755) }},
		{"folder with a file", func(dir string) error {
			if err := os.Mkdir(dir, 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(dir, "metadata.yaml"), []byte("mine"), 0o644)
		}},
		{"file", func(dir string) error { return os.WriteFile(dir, []byte("mine"), 0o644) }},
		{"symbolic link", func(dir string) error { return os.Symlink("elders", dir) }},
	} {
		t.Run(tc.name, func(t *testing.T) {
			parent := t.TempDir()
			dir := filepath.Join(parent, "bestaat")
			if err := tc.setup(dir); err != nil {
				t.Fatal(err)
			}
			before := listing(t, parent)
			err := f.Write(dir)
			if err == nil || !strings.Contains(err.Error(), dir) || !strings.Contains(err.Error(), "already exists") {
				t.Fatalf("error %v, want one naming %s", err, dir)
			}
			if after := listing(t, parent); !slices.Equal(before, after) {
				t.Errorf("the parent folder changed: %v → %v", before, after)
			}
		})
	}

	_, err = scaffold.New("x.txt", []byte("Reglement van orde\n\nArtikel 1. Begrippen\n\nIn dit reglement wordt verstaan onder: de raad.\n"), scaffold.Options{})
	if err == nil || !strings.Contains(err.Error(), "x.txt:1:") || !strings.Contains(err.Error(), "--municipality") {
		t.Errorf("no municipality: error %v", err)
	}
	f2, err := scaffold.New("x.txt", []byte("Reglement van orde\n\nArtikel 1. Begrippen\n\nIn dit reglement wordt verstaan onder: de raad.\n"), scaffold.Options{Municipality: "Ergens"})
	if err != nil {
		t.Fatal(err)
	}
	if _, ok := f2.Files["parameters.yaml"]; ok {
		t.Error("parameters.yaml written for a text without amounts")
	}
}

func listing(t *testing.T, dir string) []string {
	t.Helper()
	var out []string
	filepath.Walk(dir, func(p string, info os.FileInfo, err error) error {
		if err == nil {
			b, _ := os.ReadFile(p)
			out = append(out, p+" "+info.Mode().String()+" "+string(b))
		}
		return nil
	})
	return out
}
