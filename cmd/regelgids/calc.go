package main

import (
	"encoding/json"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/site"
)

// loadParams reads parameters.yaml from the content folder.
func loadParams(src *sources) (*params.Table, error) {
	raw, err := fs.ReadFile(src.content(), site.ParametersFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", site.ParametersFile, err)
	}
	return params.Parse(site.ParametersFile, raw)
}

func newCalcCmd(src *sources) *cobra.Command {
	var input string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "calc NAME --input FILE",
		Short: "Run a calculator on a JSON input",
		Long: `Calc runs one calculator of the rule package on a JSON object (FILE, or -
for standard input) with the amounts in force on the input's date, and
prints the outcome with its reasons. Calculators: ` + strings.Join(calculators.Names(), ", ") + `.
The input fields are documented in calculators/README.md.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: calculators.Names(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if input == "" {
				return fmt.Errorf("--input FILE is required (- reads standard input)")
			}
			var raw []byte
			var err error
			if input == "-" {
				raw, err = io.ReadAll(cmd.InOrStdin())
			} else {
				raw, err = os.ReadFile(input)
			}
			if err != nil {
				return err
			}
			t, err := loadParams(src)
			if err != nil {
				return err
			}
			res, err := calculators.RunTable(args[0], raw, t)
			if err != nil {
				return fmt.Errorf("%s: %w", input, err)
			}
			out := cmd.OutOrStdout()
			if asJSON {
				b, err := res.MarshalJSON()
				if err != nil {
					return err
				}
				var pretty any
				if err := json.Unmarshal(b, &pretty); err != nil {
					return err
				}
				enc := json.NewEncoder(out)
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(pretty)
			}
			printResult(out, args[0], res)
			return nil
		},
	}
	cmd.Flags().StringVar(&input, "input", "", "JSON input file, or - for standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}

func printResult(w io.Writer, name string, res calculators.Result) {
	s := res.Summary()
	verdict := "nee"
	if s.Eligible {
		verdict = "ja"
	}
	fmt.Fprintf(w, "%s: %s\n", name, verdict)
	fmt.Fprintf(w, "%s: € %s\n", s.AmountLabel, s.Amount)
	for _, r := range s.Reasons {
		cite := "artikel " + r.Article
		if r.Law != "" {
			cite = r.Law + " artikel " + r.Article
		}
		switch r.Paragraph {
		case "":
		case "toelichting":
			cite += " (toelichting)"
		default:
			cite += " lid " + r.Paragraph
		}
		fmt.Fprintf(w, "- %s [%s]\n", r.Text, cite)
	}
}

func newAmountsCmd(src *sources) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "amounts",
		Short: "Print every parameter with its values over time",
		Long: `Amounts prints the table of all dated parameters of parameters.yaml: each
value with the date it applies from, its unit and its source. To index an
amount for a new year, add one dated value to parameters.yaml, run
regelgids amounts to review it, and rebuild.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := loadParams(src)
			if err != nil {
				return err
			}
			if asJSON {
				b, err := t.MarshalJSON()
				if err != nil {
					return err
				}
				var pretty any
				if err := json.Unmarshal(b, &pretty); err != nil {
					return err
				}
				enc := json.NewEncoder(cmd.OutOrStdout())
				enc.SetIndent("", "  ")
				enc.SetEscapeHTML(false)
				return enc.Encode(pretty)
			}
			return t.WriteText(cmd.OutOrStdout())
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the table as JSON")
	return cmd
}
