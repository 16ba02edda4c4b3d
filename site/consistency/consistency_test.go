package consistency

import (
	"encoding/json"
	"os"
	"testing"

	"github.com/regelgids/regelgids/site/ordinance"
)

const eemsdelta = "../../content/eemsdelta/verordening.txt"

func parse(t testing.TB, name string, src []byte) *ordinance.Ordinance {
	t.Helper()
	doc, _, err := ordinance.Parse(name, src)
	if err != nil {
		t.Fatal(err)
	}
	return doc
}

func TestPrint(t *testing.T) {
	src, _ := os.ReadFile(eemsdelta)
	fs := Check(parse(t, "verordening.txt", src))
	b, _ := json.MarshalIndent(fs, "", "  ")
	t.Log(string(b))
}
