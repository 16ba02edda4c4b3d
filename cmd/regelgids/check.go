package main

import (
	"encoding/json"
	"fmt"
	"io"
	"strings"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/site/readability"
	"github.com/regelgids/regelgids/site/routes"
)

func newCheckCmd(src *sources) *cobra.Command {
	var lang string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "check",
		Short: "Report the readability (B1) of every text and the consistency of the ordinance",
		Long: `Check scores every guide, glossary entry, article and toelichting against
the B1 thresholds of leesbaarheid.yaml, names every sentence that breaks one
and why, and lists contradictions between the regeling and its toelichting.
It exits with status 1 when a guide or glossary text fails; the ordinance
and toelichting are law: they are scored and reported, never failed.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			p, err := loadProject(src, cmd.ErrOrStderr())
			if err != nil {
				return err
			}
			if err := site.CheckTerms(p, src.templates()); err != nil {
				return err
			}
			langs := []string(p.Languages)
			if lang != "" {
				if !contains(p.Languages, lang) {
					return fmt.Errorf("--lang %q: use one of %s", lang, strings.Join(p.Languages, ", "))
				}
				langs = []string{lang}
			}
			// The interface texts give the words the review puts in titles.
			rend, err := site.NewRenderer(src.templates())
			if err != nil {
				return err
			}
			var all []site.Reviewed
			for _, l := range langs {
				r, err := site.Review(p, l, rend.Words(p, l))
				if err != nil {
					return err
				}
				all = append(all, r...)
			}
			findings := p.Consistency()
			if asJSON {
				err = writeCheckJSON(cmd.OutOrStdout(), p.Languages, all, findings)
			} else {
				writeCheckText(cmd.OutOrStdout(), p.Languages, all, findings, p.Meta.Text)
			}
			if err != nil {
				return err
			}
			failed := 0
			for _, r := range all {
				if r.Fails() {
					failed++
				}
			}
			if failed > 0 {
				return fmt.Errorf("%d texts fail B1", failed)
			}
			return nil
		},
	}
	cmd.Flags().StringVar(&lang, "lang", "", "check one language: nl or en (default: both)")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the report as JSON")
	return cmd
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

type checkDoc struct {
	URL      string                `json:"url"`
	Title    string                `json:"title"`
	Kind     string                `json:"kind"`
	Lang     string                `json:"lang"`
	Pass     bool                  `json:"pass"`
	Graded   bool                  `json:"graded"`
	Metrics  readability.Metrics   `json:"metrics"`
	Problems []readability.Problem `json:"problems"`
}

func writeCheckJSON(w io.Writer, langs routes.Languages, all []site.Reviewed, findings []site.Finding) error {
	out := struct {
		Documents   []checkDoc     `json:"documents"`
		Consistency []site.Finding `json:"consistency"`
	}{Documents: []checkDoc{}, Consistency: findings}
	for _, r := range all {
		problems := r.Report.Problems
		if problems == nil {
			problems = []readability.Problem{}
		}
		out.Documents = append(out.Documents, checkDoc{URL: langs.Full(r.Lang, r.Path), Title: r.Title, Kind: r.Kind, Lang: r.Lang,
			Pass: r.Report.Pass, Graded: r.Report.Graded, Metrics: r.Report.Metrics, Problems: problems})
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(out)
}

func writeCheckText(w io.Writer, langs routes.Languages, all []site.Reviewed, findings []site.Finding, file string) {
	pass, graded := 0, 0
	for _, r := range all {
		m := r.Report.Metrics
		verdict := "scored"
		if r.Report.Graded {
			graded++
			verdict = "FAIL"
			if r.Report.Pass {
				verdict = "pass"
				pass++
			}
		}
		score := ""
		switch {
		case m.FleschDouma != nil:
			score = fmt.Sprintf("Flesch-Douma %5.1f", *m.FleschDouma)
		case m.FleschReadingEase != nil:
			score = fmt.Sprintf("Flesch %5.1f", *m.FleschReadingEase)
		}
		fmt.Fprintf(w, "%-5s %-2s %-11s %-48s avg %4.1f max %2d words  %s\n", verdict, r.Lang, r.Kind, langs.Full(r.Lang, r.Path), m.AvgSentenceWords, m.MaxSentenceWords, score)
		if r.Report.Graded {
			for _, pr := range r.Report.Problems {
				if pr.Sentence != "" {
					fmt.Fprintf(w, "      %s: %q\n", pr.Reason, pr.Sentence)
				} else {
					fmt.Fprintf(w, "      %s\n", pr.Reason)
				}
			}
		}
	}
	if len(findings) > 0 {
		fmt.Fprintf(w, "\nConsistency between regeling and toelichting (%d warnings):\n", len(findings))
		for _, f := range findings {
			fmt.Fprintf(w, "warning: %s\n", site.FindingText(file, f))
		}
	}
	// The verdict comes last, where a reader of a long report looks.
	fmt.Fprintf(w, "\n%d of %d graded texts pass B1 (guides and glossary); law is scored, not graded; %d consistency warnings.\n", pass, graded, len(findings))
}
