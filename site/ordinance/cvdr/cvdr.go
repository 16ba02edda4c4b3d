// Package cvdr reads an ordinance published in CVDR XML, the format of the
// national collection of local regulations (lokaleregelgeving.overheid.nl),
// into the model of package ordinance. It registers itself as a format, so
// a blank import makes ordinance.Read accept CVDR files:
//
//	import _ "github.com/regelgids/regelgids/site/ordinance/cvdr"
//
// A file is CVDR when its root element is <cvdr> in the namespace
// http://standaarden.overheid.nl/cvdr/terms/.
//
// What is read, and where it goes:
//
//	meta/owmskern    identifier CVDR680781_1 → Identifier "CVDR680781", Version "1";
//	                 title (when there is no intitule), creator → Municipality, modified
//	meta/owmsmantel  isFormatOf → Publication (+ PublicationURL), alternative → CitationTitle,
//	                 source → Ordinance.LegalBasis (jci → wetten.overheid.nl, CVDR → lokaleregelgeving),
//	                 isRatifiedBy → AdoptedBy, issued → Adopted (the decision date of that body),
//	                 subject → Subject
//	meta/cvdripm     inwerkingtredingDatum → InForce and ValidFrom, uitwerkingtredingDatum →
//	                 ExpiredOn and ValidUntil, betreft → Change, kenmerk → FileReference
//	body/intitule    Title
//	aanhef           every al → Preamble
//	regeling-tekst   hoofdstuk → Chapter (kop nr/titel; a number in the label where nr is empty),
//	                 paragraaf/afdeling → Chapter.Sections, artikel → Article (kop nr/titel),
//	                 lid → Paragraph (lidnr, al → Text before the list and Tail after it),
//	                 lijst/li (nr attribute or li.nr) → Items, nested lijst → Item.Items;
//	                 text of a chapter or section outside articles (al, structuurtekst,
//	                 tussenkop) → Chapter.Intro / Section.Intro
//	extref           its words stay in the text; words and doc address → Ordinance.Links
//	table (CALS)     flattened: one line per row, cells joined by " | "
//	regeling-sluiting slotformulering and the ondertekening's opening → Signature.Text,
//	                 role/name lines → Signatories
//	bijlage          Ordinance.Appendices
//	toelichting      algemene part → GeneralBlocks/GeneralExplanation, text before the first
//	                 explained artikel → ExplanationIntro, artikel → Article.Explanation(Blocks/Title)
package cvdr

import (
	"bytes"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"sort"
	"strings"

	"github.com/regelgids/regelgids/site/ordinance"
)

// Namespaces of a CVDR file.
const (
	nsCVDR    = "http://standaarden.overheid.nl/cvdr/terms/"
	nsDCTerms = "http://purl.org/dc/terms/"
	nsOWMS    = "http://standaarden.overheid.nl/owms/terms/"
	nsMeta    = "http://standaarden.overheid.nl/cvdr/meta/"
)

// Limits against hostile files. Real CVDR files nest about 12 deep and
// hold a few thousand elements per megabyte; the caller keeps input under
// 5 MB.
const (
	maxDepth    = 64
	maxElements = 200_000
)

func init() {
	ordinance.RegisterFormat(ordinance.Format{Name: "cvdr", Match: Match, Parse: Parse})
}

// Match reports whether src is CVDR XML: its first element is <cvdr> in
// the CVDR namespace. Only the first 8 KB are read.
func Match(src []byte) bool {
	head := src
	if len(head) > 8<<10 {
		head = head[:8<<10]
	}
	if !bytes.Contains(head, []byte("cvdr")) {
		return false
	}
	d := xml.NewDecoder(bytes.NewReader(head))
	d.Strict = true
	for {
		tok, err := d.RawToken()
		if err != nil {
			return false
		}
		if se, ok := tok.(xml.StartElement); ok {
			if se.Name.Local != "cvdr" {
				return false
			}
			for _, a := range se.Attr {
				if a.Value == nsCVDR && (a.Name.Space == "" && a.Name.Local == "xmlns" || a.Name.Space == "xmlns" && a.Name.Local == se.Name.Space) {
					return true
				}
			}
			return false
		}
	}
}

// node is one element of the file, or a piece of text (name "").
type node struct {
	space, name string
	attr        []xml.Attr
	text        string
	buf         []byte // text while reading: comments split it into pieces
	kids        []*node
	line        int
}

func (n *node) attrValue(local string) string {
	for _, a := range n.attr {
		if a.Name.Local == local {
			return a.Value
		}
	}
	return ""
}

// child returns the first child element with the given local name.
func (n *node) child(name string) *node {
	for _, k := range n.kids {
		if k.name == name {
			return k
		}
	}
	return nil
}

// lines maps byte offsets to line numbers.
type lines []int

func newLines(src []byte) lines {
	var l lines
	for i, b := range src {
		if b == '\n' {
			l = append(l, i)
		}
	}
	return l
}

// at returns the 1-based line of byte offset off.
func (l lines) at(off int64) int {
	return sort.Search(len(l), func(i int) bool { return int64(l[i]) >= off }) + 1
}

// parseTree reads src into a tree of nodes, within the limits.
func parseTree(file string, src []byte) (*node, lines, error) {
	ls := newLines(src)
	d := xml.NewDecoder(bytes.NewReader(src))
	d.Strict = true
	d.CharsetReader = func(charset string, r io.Reader) (io.Reader, error) {
		// CVDR is UTF-8; some exports say "utf-8" in lower or upper case,
		// which encoding/xml accepts itself. Anything else is refused.
		return nil, fmt.Errorf("encoding %q is not supported (CVDR files are UTF-8)", charset)
	}
	fail := func(err error) (*node, lines, error) {
		msg := err.Error()
		var se *xml.SyntaxError
		line := ls.at(d.InputOffset())
		if errors.As(err, &se) {
			line = se.Line
			msg = se.Msg
		}
		return nil, nil, &ordinance.Diagnostic{File: file, Line: line, Message: "not well-formed XML: " + msg, Err: err}
	}
	var root *node
	var stack []*node
	count := 0
	for {
		off := d.InputOffset()
		tok, err := d.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			return fail(err)
		}
		switch t := tok.(type) {
		case xml.StartElement:
			count++
			if count > maxElements {
				return nil, nil, &ordinance.Diagnostic{File: file, Line: ls.at(off), Message: fmt.Sprintf("more than %d elements; refusing the file", maxElements)}
			}
			if len(stack) >= maxDepth {
				return nil, nil, &ordinance.Diagnostic{File: file, Line: ls.at(off), Message: fmt.Sprintf("elements nested more than %d deep; refusing the file", maxDepth)}
			}
			n := &node{space: t.Name.Space, name: t.Name.Local, attr: t.Attr, line: ls.at(off)}
			if len(stack) == 0 {
				if root != nil {
					return fail(errors.New("more than one root element"))
				}
				root = n
			} else {
				p := stack[len(stack)-1]
				p.kids = append(p.kids, n)
			}
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			if len(stack) == 0 {
				continue
			}
			p := stack[len(stack)-1]
			if k := len(p.kids); k > 0 && p.kids[k-1].name == "" {
				p.kids[k-1].buf = append(p.kids[k-1].buf, t...)
				continue
			}
			p.kids = append(p.kids, &node{buf: append([]byte(nil), t...), line: ls.at(off)})
		}
	}
	if root == nil {
		return nil, nil, &ordinance.Diagnostic{File: file, Line: 1, Message: "no XML element found"}
	}
	if root.name != "cvdr" || root.space != nsCVDR {
		return nil, nil, &ordinance.Diagnostic{File: file, Line: root.line, Message: fmt.Sprintf("root element is <%s> in %q, not <cvdr> in %q", root.name, root.space, nsCVDR)}
	}
	finish(root)
	return root, ls, nil
}

// finish turns the text pieces gathered while reading into strings.
func finish(n *node) {
	if n.name == "" {
		n.text, n.buf = string(n.buf), nil
	}
	for _, k := range n.kids {
		finish(k)
	}
}

// collapse trims s and turns every run of white space into one space.
func collapse(s string) string { return strings.Join(strings.Fields(s), " ") }
