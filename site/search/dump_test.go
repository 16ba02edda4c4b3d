package search_test

import (
	"fmt"
	"os"
	"testing"

	"github.com/regelgids/regelgids/site/search"
)

func TestDump(t *testing.T) {
	if os.Getenv("DUMP") == "" {
		t.Skip()
	}
	docs, err := search.DocumentsFromHTML(siteFiles(t))
	if err != nil {
		t.Fatal(err)
	}
	n := map[string]int{}
	for _, d := range docs {
		n[d.Lang] += len(d.Text)
		fmt.Printf("%s\t%s\t%s\t%q\n", d.Kind, d.URL, d.Title, trunc(d.Text, 100))
	}
	fmt.Println(len(docs), n)
}

func trunc(s string, n int) string {
	if len(s) > n {
		return s[:n]
	}
	return s
}
