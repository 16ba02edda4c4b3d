package ordinance

import (
	"encoding/json"
	"os"
	"testing"
)

func TestDump(t *testing.T) {
	src, _ := os.ReadFile("../../content/eemsdelta/verordening.txt")
	o, w, err := Parse("verordening.txt", src)
	for _, d := range w {
		t.Log(d)
	}
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.MarshalIndent(o, "", "  ")
	os.WriteFile("/tmp/dump.json", b, 0644)
}
