package main

import (
	"encoding/json"
	"fmt"
	"html"
	"strings"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/search"
)

func newSearchCmd(src *sources) *cobra.Command {
	var lang string
	var asJSON bool
	var n int
	cmd := &cobra.Command{
		Use:   `search "QUERY"`,
		Short: "Search the site with bleve, as the server does",
		Long: `Search builds the site in memory, indexes its sections with bleve (Dutch or
English analysis, compound words, synonyms, typos) and prints the best
results: title, URL with anchor, and a snippet with the matched words in
[brackets].`,
		Args: cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			opts, err := src.options("")
			if err != nil {
				return err
			}
			b, err := site.GenerateSite(opts)
			if err != nil {
				return err
			}
			if !contains(b.Project.Languages, lang) {
				return fmt.Errorf("--lang %q: use one of %s", lang, strings.Join(b.Project.Languages, ", "))
			}
			ix, err := search.NewIndex(b.SearchDocs, b.Project.Synonyms)
			if err != nil {
				return err
			}
			defer ix.Close()
			results, err := ix.Search(args[0], lang, n)
			if err != nil {
				return err
			}
			out := cmd.OutOrStdout()
			if asJSON {
				type hit struct {
					URL   string  `json:"url"`
					Title string  `json:"title"`
					Score float64 `json:"score"`
				}
				doc := struct {
					Results []hit `json:"results"`
				}{Results: []hit{}}
				for _, r := range results {
					doc.Results = append(doc.Results, hit{URL: r.URL, Title: r.Title, Score: r.Score})
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(doc)
			}
			if len(results) == 0 {
				fmt.Fprintln(out, "no results")
			}
			for i, r := range results {
				snippet := strings.NewReplacer("<mark>", "[", "</mark>", "]").Replace(r.Snippet)
				fmt.Fprintf(out, "%d. %s\n   %s\n   %s\n", i+1, r.Title, r.URL, html.UnescapeString(snippet))
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "nl", "language of the query and the results: nl or en")
	cmd.Flags().BoolVar(&asJSON, "json", false, `print {"results": [{"url", "title", "score"}]}`)
	cmd.Flags().IntVarP(&n, "number", "n", 5, "how many results")
	return cmd
}
