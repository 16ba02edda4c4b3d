package main

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"
	"text/tabwriter"
	"unicode/utf8"

	"github.com/spf13/cobra"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/calculators/params/values"
)

func newAmountsCmd(src *sources) *cobra.Command {
	var asJSON bool
	var width int
	var changes string
	cmd := &cobra.Command{
		Use:   "amounts",
		Short: "Print every parameter with its values over time",
		Long: `Amounts prints the table of all dated parameters of parameters.yaml: each
value with the date it applies from, its unit and its source. To index an
amount for a new year, add one dated value to parameters.yaml, run
regelgids amounts to review it, and rebuild.

The text fits the terminal: the width is --width, else $COLUMNS, else the
terminal's width, else 80. When the table with its notes is wider, the
notes move below the table as numbered footnotes; when that is still too
wide, each parameter is printed as a block of its own. --json is the same
at every width.

With --changes DATE it lists only what changes on that date: each
parameter that takes a value from DATE, with the value before it.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			t, err := loadParams(src)
			if err != nil {
				return err
			}
			if changes != "" {
				d, err := params.ParseDate(changes)
				if err != nil {
					return fmt.Errorf("--changes %q: not a date of the form YYYY-MM-DD", changes)
				}
				if asJSON {
					return writeJSON(cmd.OutOrStdout(), changesJSON(d, t.ChangesOn(d)))
				}
				_, err = io.WriteString(cmd.OutOrStdout(), changesText(d, t.ChangesOn(d)))
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
			if width < 0 {
				return fmt.Errorf("--width %d: must be positive", width)
			}
			if width == 0 {
				width = outputWidth(cmd.OutOrStdout())
			}
			_, err = io.WriteString(cmd.OutOrStdout(), amountsText(t.Params(), width))
			return err
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the table as JSON")
	cmd.Flags().StringVar(&changes, "changes", "", "list only what changes on this date (YYYY-MM-DD)")
	cmd.Flags().IntVar(&width, "width", 0, "fit the text to this many columns (default: $COLUMNS, else the terminal's width, else 80)")
	return cmd
}

// changesText lists the changes on d as a table: the old value ("-" for
// a first value), the new one, and whether it stayed the same.
func changesText(d params.Date, cs []values.Change) string {
	if len(cs) == 0 {
		return "Geen wijzigingen op " + d.String() + ".\n"
	}
	var b strings.Builder
	b.WriteString("Wijzigingen op " + d.String() + ":\n\n")
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	io.WriteString(tw, "PARAMETER\tEENHEID\tWAS\tWORDT\t\n")
	for _, c := range cs {
		old, note := "-", "nieuw"
		if c.HasOld {
			old, note = values.Format(c.Old), ""
		}
		if c.Same() {
			note = "ongewijzigd"
		}
		io.WriteString(tw, c.Param.Name+"\t"+c.Param.Unit+"\t"+old+"\t"+values.Format(c.Value)+"\t"+note+"\n")
	}
	tw.Flush()
	return trimLines(b.String())
}

// changesJSON is the --json form of the changes on d:
//
//	{"date": "2025-01-01", "changes": [{"name": ..., "unit": ..., "old": "13.68", "value": "14.06"}]}
//
// with "old" absent for a first value.
func changesJSON(d params.Date, cs []values.Change) any {
	type change struct {
		Name  string `json:"name"`
		Unit  string `json:"unit"`
		Old   string `json:"old,omitempty"`
		Value string `json:"value"`
	}
	out := struct {
		Date    string   `json:"date"`
		Changes []change `json:"changes"`
	}{Date: d.String(), Changes: []change{}}
	for _, c := range cs {
		ch := change{Name: c.Param.Name, Unit: c.Param.Unit, Value: values.Format(c.Value)}
		if c.HasOld {
			ch.Old = values.Format(c.Old)
		}
		out.Changes = append(out.Changes, ch)
	}
	return out
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// outputWidth is $COLUMNS when it is a positive number, else the width of
// the terminal w writes to, else 80.
func outputWidth(w io.Writer) int {
	if n, err := strconv.Atoi(strings.TrimSpace(os.Getenv("COLUMNS"))); err == nil && n > 0 {
		return n
	}
	if f, ok := w.(*os.File); ok {
		if n := terminalWidth(f); n > 0 {
			return n
		}
	}
	return 80
}

// amountsText lays out the parameters to fit width columns: one table with
// a note column; else the table with the notes as footnotes below it; else
// one block per parameter.
func amountsText(ps []params.Param, width int) string {
	if s := amountsTable(ps, false); maxWidth(s) <= width {
		return s
	}
	if s := amountsTable(ps, true); maxWidth(s) <= width {
		return s + amountsFootnotes(ps, width)
	}
	return amountsBlocks(ps, width)
}

func amountsTable(ps []params.Param, footnotes bool) string {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	row := func(cells ...string) {
		io.WriteString(tw, strings.Join(cells, "\t")+"\n")
	}
	if footnotes {
		row("PARAMETER", "EENHEID", "VANAF", "WAARDE", "BRON")
	} else {
		row("PARAMETER", "EENHEID", "VANAF", "WAARDE", "BRON", "NOTITIE")
	}
	n := 0
	for _, p := range ps {
		for i, v := range p.Values {
			name, unit, source := p.Name, p.Unit, p.Source.String()
			if i > 0 {
				name, unit, source = "", "", ""
			}
			value := values.Format(v.Value)
			if !footnotes {
				row(name, unit, v.From.String(), value, source, v.Note)
				continue
			}
			if v.Note != "" {
				n++
				value += " [" + strconv.Itoa(n) + "]"
			}
			row(name, unit, v.From.String(), value, source)
		}
	}
	tw.Flush()
	return trimLines(b.String())
}

// amountsFootnotes lists the notes the table marks with [n], wrapped.
func amountsFootnotes(ps []params.Param, width int) string {
	var b strings.Builder
	n := 0
	for _, p := range ps {
		for _, v := range p.Values {
			if v.Note == "" {
				continue
			}
			if n == 0 {
				b.WriteString("\n")
			}
			n++
			label := "[" + strconv.Itoa(n) + "] "
			b.WriteString(wrap(label, strings.Repeat(" ", len(label)), p.Name+" "+v.From.String()+": "+v.Note, width))
		}
	}
	return b.String()
}

// amountsBlocks prints one block per parameter:
//
//	minimumloon.per_uur (EUR/hour)
//	  bron: Wet minimumloon en minimumvakantiebijslag art. 8 en 14
//	  vanaf 2024-01-01  13.27
//	  vanaf 2026-01-01  14.71  Het bedrag per 1 juli 2026 staat niet in
//	                           de gebruikte bronnen.
func amountsBlocks(ps []params.Param, width int) string {
	var b strings.Builder
	for i, p := range ps {
		if i > 0 {
			b.WriteString("\n")
		}
		b.WriteString(p.Name + " (" + p.Unit + ")\n")
		b.WriteString(wrap("  bron: ", "        ", p.Source.String(), width))
		valueWidth := 0
		for _, v := range p.Values {
			valueWidth = max(valueWidth, utf8.RuneCountInString(values.Format(v.Value)))
		}
		for _, v := range p.Values {
			value := values.Format(v.Value)
			line := "  vanaf " + v.From.String() + "  " + value
			if v.Note == "" {
				b.WriteString(line + "\n")
				continue
			}
			line += strings.Repeat(" ", valueWidth-utf8.RuneCountInString(value)) + "  "
			indent := strings.Repeat(" ", utf8.RuneCountInString(line))
			if width-len(indent) < 30 {
				// Too little room beside the value: the note goes below it.
				b.WriteString(strings.TrimRight(line, " ") + "\n")
				line, indent = "    ", "    "
			}
			b.WriteString(wrap(line, indent, v.Note, width))
		}
	}
	return b.String()
}

// wrap writes text after first, breaking between words so that lines stay
// within width where the words allow, continuing lines with indent.
func wrap(first, indent, text string, width int) string {
	var b strings.Builder
	line := first
	empty := true
	for _, word := range strings.Fields(text) {
		if !empty && utf8.RuneCountInString(line)+1+utf8.RuneCountInString(word) > width {
			b.WriteString(line + "\n")
			line, empty = indent, true
		}
		if !empty {
			line += " "
		}
		line += word
		empty = false
	}
	b.WriteString(strings.TrimRight(line, " ") + "\n")
	return b.String()
}

// trimLines removes the spaces tabwriter leaves after the last cell.
func trimLines(s string) string {
	var out strings.Builder
	for _, l := range strings.SplitAfter(s, "\n") {
		if strings.HasSuffix(l, "\n") {
			l = strings.TrimRight(l[:len(l)-1], " ") + "\n"
		}
		out.WriteString(l)
	}
	return out.String()
}

func maxWidth(s string) int {
	w := 0
	for _, l := range strings.Split(s, "\n") {
		w = max(w, utf8.RuneCountInString(l))
	}
	return w
}
