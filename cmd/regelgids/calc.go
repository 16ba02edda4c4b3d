package main

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"strings"
	"syscall"

	"github.com/regelgids/regelgids/site/project"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/calculators"
	"github.com/regelgids/regelgids/calculators/params"
)

// loadParams reads parameters.yaml from the content folder.
func loadParams(src *sources) (*params.Table, error) {
	raw, err := fs.ReadFile(src.content(), project.ParametersFile)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", project.ParametersFile, err)
	}
	return params.Parse(project.ParametersFile, raw)
}

func newCalcCmd(src *sources) *cobra.Command {
	var input string
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "calc NAME --input FILE",
		Short: "Run a calculator on a JSON input",
		Long: `Calc runs one calculator of the rule package on a JSON object (FILE, or -
for standard input) with the amounts in force on the input's date, and
prints the outcome with its reasons. The calculator must be one the content
folder publishes (calculators.yaml); the rules are ` + strings.Join(calculators.Names(), ", ") + `.
The input fields are documented in calculators/README.md.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: calculators.Names(),
		RunE: func(cmd *cobra.Command, args []string) error {
			if input == "" {
				return fmt.Errorf("--input FILE is required (- reads standard input)")
			}
			raw, err := readCalcInput(input, cmd.InOrStdin())
			if err != nil {
				return err
			}
			t, err := loadParams(src)
			if err != nil {
				return err
			}
			b, err := project.LoadCalculators(src.content(), t)
			if err != nil {
				return err
			}
			if b == nil {
				return fmt.Errorf("%s: the content folder publishes no calculators", project.CalculatorsFile)
			}
			res, err := b.RunTable(args[0], raw, t)
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

// readCalcInput reads the calculator input: standard input for "-", else a
// regular file. Either may hold at most calculators.MaxInputSize bytes (1 MB);
// more, or anything but a regular file (a device such as /dev/zero, a FIFO, a
// directory), is refused by name without reading on, so that calc neither
// runs out of memory nor waits for ever.
func readCalcInput(name string, stdin io.Reader) ([]byte, error) {
	const limit = calculators.MaxInputSize
	tooLarge := fmt.Errorf("%s: larger than 1 MB, the limit for calculator input", name)
	if name == "-" {
		raw, err := io.ReadAll(io.LimitReader(stdin, limit+1))
		if err != nil {
			return nil, fmt.Errorf("-: standard input: %w", err)
		}
		if len(raw) > limit {
			return nil, fmt.Errorf("-: standard input is larger than 1 MB, the limit for calculator input")
		}
		return raw, nil
	}
	notRegular := fmt.Errorf("%s: not a regular file", name)
	// Stat first: opening a FIFO for reading waits for a writer.
	fi, err := os.Stat(name)
	if err != nil {
		return nil, calcFileError(name, err)
	}
	if !fi.Mode().IsRegular() {
		return nil, notRegular
	}
	if fi.Size() > limit {
		return nil, tooLarge
	}
	// Non-blocking, in case the file was replaced by a FIFO since; for a
	// regular file the flag changes nothing.
	f, err := os.OpenFile(name, os.O_RDONLY|syscall.O_NONBLOCK, 0)
	if err != nil {
		return nil, calcFileError(name, err)
	}
	defer f.Close()
	if fi2, err := f.Stat(); err != nil || !fi2.Mode().IsRegular() || !os.SameFile(fi, fi2) {
		return nil, notRegular
	}
	raw, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, calcFileError(name, err)
	}
	if len(raw) > limit {
		return nil, tooLarge
	}
	return raw, nil
}

// calcFileError is "NAME: what went wrong", without the operation that
// *fs.PathError adds ("stat NAME: ...").
func calcFileError(name string, err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		err = pe.Err
	}
	return fmt.Errorf("%s: %w", name, err)
}

func printResult(w io.Writer, name string, res *calculators.Result) {
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
