package main

import (
	"encoding/json"
	"fmt"
	"io"
	"path/filepath"

	"github.com/regelgids/regelgids/site/project"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/site/ordinance"
	_ "github.com/regelgids/regelgids/site/ordinance/cvdr" // CVDR XML, chosen by content
)

func newParseCmd(src *sources) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "parse [FILE]",
		Short: "Parse the ordinance text and print its structure",
		Long: `Parse reads the ordinance as published and prints its structure: chapters,
articles, leden, onderdelen and the toelichting per article. Without FILE it
reads the ordinance of the content folder, with its metadata.`,
		Args: cobra.MaximumNArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			var doc *ordinance.Ordinance
			if len(args) == 1 {
				raw, err := project.ReadOrdinance(args[0])
				if err != nil {
					return err
				}
				d, warns, err := ordinance.Read(filepath.Base(args[0]), raw)
				printWarnings(cmd.ErrOrStderr(), warns)
				if err != nil {
					return err
				}
				doc = d
			} else {
				p, err := loadProject(src, cmd.ErrOrStderr())
				if err != nil {
					return err
				}
				doc = p.Ordinance()
			}
			if asJSON {
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(doc)
			}
			printOutline(cmd.OutOrStdout(), doc)
			return nil
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the model as JSON")
	return cmd
}

func printOutline(w io.Writer, doc *ordinance.Ordinance) {
	fmt.Fprintln(w, doc.Title)
	m := doc.Metadata
	fmt.Fprintf(w, "valid from %s (retroactive from %s), adopted %s, in force %s\n", orDash(m.ValidFrom), orDash(m.RetroactiveFrom), orDash(m.Adopted), orDash(m.InForce))
	leden, items, notes := 0, 0, 0
	for _, c := range doc.Chapters {
		fmt.Fprintf(w, "\nHoofdstuk %s. %s\n", c.Number, c.Title)
		for _, a := range c.Articles {
			n := 0
			for _, q := range a.Paragraphs {
				if q.Number != "" {
					n++
				}
				items += len(q.Items)
			}
			leden += n
			note := ""
			if a.Explanation != "" {
				notes++
				note = ", toelichting"
			}
			fmt.Fprintf(w, "  Artikel %-3s %-55s %d leden%s\n", a.Number, a.Title, n, note)
		}
	}
	fmt.Fprintf(w, "\n%d chapters, %d articles, %d leden, %d onderdelen, %d articles with toelichting\n",
		len(doc.Chapters), len(doc.Articles()), leden, items, notes)
}

func orDash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}
