package values

import (
	"io"
	"strings"
	"text/tabwriter"
)

// WriteText writes every parameter with all its dated values as an aligned
// text table, one row per value, for `regelgids amounts`.
func (t *Table) WriteText(w io.Writer) error {
	var b strings.Builder
	tw := tabwriter.NewWriter(&b, 0, 0, 2, ' ', 0)
	row := func(cells ...string) {
		io.WriteString(tw, strings.Join(cells, "\t")+"\n")
	}
	row("PARAMETER", "EENHEID", "VANAF", "WAARDE", "BRON", "NOTITIE")
	for _, p := range t.params {
		for i, v := range p.Values {
			if i == 0 {
				row(p.Name, p.Unit, v.From.String(), Format(v.Value), p.Source.String(), v.Note)
			} else {
				row("", "", v.From.String(), Format(v.Value), "", v.Note)
			}
		}
	}
	tw.Flush()
	// tabwriter pads the last filled cell, so rows without a note would
	// end in spaces.
	var out strings.Builder
	for _, l := range strings.SplitAfter(b.String(), "\n") {
		if strings.HasSuffix(l, "\n") {
			l = strings.TrimRight(l[:len(l)-1], " ") + "\n"
		}
		out.WriteString(l)
	}
	_, err := io.WriteString(w, out.String())
	return err
}
