package main

import (
	"bytes"
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
prints the outcome with its reasons. An input without "date" is calculated
for --date, or else for today: calc says so on standard error, and --json
adds "assumed_date". The calculator must be one the content
folder publishes (calculators.yaml); the rules are ` + strings.Join(calculators.Names(), ", ") + `.
The input fields are documented in calculators/README.md.`,
		Args:      cobra.ExactArgs(1),
		ValidArgs: calculators.Names(),
		RunE: func(cmd *cobra.Command, args []string) error {
			raw, err := readInput(input, cmd.InOrStdin())
			if err != nil {
				return err
			}
			day, from, err := src.dayOrToday()
			if err != nil {
				return err
			}
			raw, assumed := withDate(raw, day)
			if assumed {
				fmt.Fprintf(cmd.ErrOrStderr(), "%s: no \"date\" in the input; calculated for %s, %s\n", input, from, day)
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
				var pretty map[string]any
				if err := json.Unmarshal(b, &pretty); err != nil {
					return err
				}
				if assumed {
					pretty["assumed_date"] = day.String()
				}
				return writeJSON(out, pretty)
			}
			printResult(out, args[0], res)
			return nil
		},
	}
	cmd.Flags().StringVar(&input, "input", "", "JSON input file, or - for standard input")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the result as JSON")
	return cmd
}

// withDate adds "date": day to a JSON object that has no date field, and
// reports whether it did. Anything else (not JSON, not an object, a date
// that is there, even a wrong one) is returned unchanged for the rules to
// judge.
func withDate(raw []byte, day params.Date) ([]byte, bool) {
	var obj map[string]json.RawMessage
	if json.Unmarshal(raw, &obj) != nil || obj == nil {
		return raw, false
	}
	if _, ok := obj["date"]; ok {
		return raw, false
	}
	rest := bytes.TrimLeft(raw, " \t\r\n")
	rest = rest[1:] // the object's opening brace
	field := `{"date": "` + day.String() + `"`
	if t := bytes.TrimLeft(rest, " \t\r\n"); len(t) > 0 && t[0] != '}' {
		field += ","
	}
	return append([]byte(field), rest...), true
}

// readInput reads the --input of calc and match: standard input for "-",
// else a regular file; no name at all is an error. Either may hold at most
// calculators.MaxInputSize bytes (1 MB); more, or anything but a regular file
// (a device such as /dev/zero, a FIFO, a directory), is refused by name
// without reading on, so that neither command runs out of memory nor waits
// for ever.
func readInput(name string, stdin io.Reader) ([]byte, error) {
	if name == "" {
		return nil, errors.New("--input FILE is required (- reads standard input)")
	}
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
