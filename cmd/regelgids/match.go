package main

import (
	"encoding/json"
	"fmt"
	"io"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/site/project"
)

func newMatchCmd(src *sources) *cobra.Command {
	var input string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "match --input FILE",
		Short: "Which voorzieningen may fit a resident (the screener \"Wat past bij mij?\")",
		Long: `Match runs the screener of the content folder (` + project.ScreenerFile + `) on a
JSON object of answers (FILE, or - for standard input) and prints every
voorziening with its fit: yes (the ordinance gives a right and the answers
meet its conditions), maybe (the gemeente decides, or an answer is not
known) or no (an answer excludes it), each with its reasons. "age" and
"benefit" must be given (null: not known); every other answer may be left
out. The fields are documented in calculators/README.md.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			raw, err := readInput(input, cmd.InOrStdin())
			if err != nil {
				return err
			}
			day, _, err := src.dayOrToday()
			if err != nil {
				return err
			}
			t, err := loadParams(src)
			if err != nil {
				return err
			}
			s, err := project.LoadScreener(src.content(), t, day)
			if err != nil {
				return err
			}
			if s == nil {
				return fmt.Errorf("%s: the content folder has no screener", project.ScreenerFile)
			}
			a, err := calculators.ParseAnswers(raw)
			if err != nil {
				return fmt.Errorf("%s: %w", input, err)
			}
			res := s.Rules.Match(a)
			out := cmd.OutOrStdout()
			if asJSON {
				b, _ := res.MarshalJSON()
				var pretty any
				if err := json.Unmarshal(b, &pretty); err != nil {
					return err
				}
				return writeJSON(out, pretty)
			}
			printMatch(out, res, a.Lang())
			return nil
		},
	}
	cmd.Flags().StringVar(&input, "input", "", "JSON input file, or - for standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}

// printMatch writes one block per voorziening: its fit and slug, then a
// line per reason with the article and lid it rests on.
func printMatch(w io.Writer, res *calculators.MatchResult, lang string) {
	words := map[calculators.Fit][2]string{
		calculators.FitYes:   {"ja", "yes"},
		calculators.FitMaybe: {"misschien", "maybe"},
		calculators.FitNo:    {"nee", "no"},
	}
	l := 0
	if lang == "en" {
		l = 1
	}
	article, lid := [2]string{"artikel", "article"}[l], [2]string{"lid", "paragraph"}[l]
	for _, v := range res.Voorzieningen {
		fmt.Fprintf(w, "%-9s %s\n", words[v.Fit][l], v.Slug)
		for _, r := range v.Reasons {
			cite := article + " " + r.Article
			switch r.Paragraph {
			case "":
			case "toelichting":
				cite += " (toelichting)"
			default:
				cite += " " + lid + " " + r.Paragraph
			}
			fmt.Fprintf(w, "          - %s [%s]\n", r.Text, cite)
		}
	}
}
