package ordinance

import (
	"bytes"
	"fmt"
	"reflect"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/site/internal/yamlfile"
)

// A translation file gives, for every piece of text of the ordinance, its
// rendering in another language, in the same order and structure. Numbers
// and labels are not translated; they come from the original.
type trFile struct {
	Title              string      `yaml:"title"`
	Preamble           []string    `yaml:"preamble"`
	Chapters           []yaml.Node `yaml:"chapters"`
	Articles           []yaml.Node `yaml:"articles"`
	GeneralExplanation []yaml.Node `yaml:"general_explanation"`
	ExplanationIntro   string      `yaml:"explanation_intro"`
	Signature          struct {
		Text  string   `yaml:"text"`
		Roles []string `yaml:"roles"`
	} `yaml:"signature"`
}

type trChapter struct {
	Number string `yaml:"number"`
	Title  string `yaml:"title"`
	Intro  string `yaml:"intro"`
}

type trArticle struct {
	Number           string        `yaml:"number"`
	Title            string        `yaml:"title"`
	Paragraphs       []trParagraph `yaml:"paragraphs"`
	ExplanationTitle string        `yaml:"explanation_title"`
	Explanation      []yaml.Node   `yaml:"explanation"`
}

type trParagraph struct {
	Text  string   `yaml:"text"`
	Items []string `yaml:"items"`
	Tail  string   `yaml:"tail"`
}

// Translate returns a copy of orig with every text replaced by its
// translation from src (a YAML file named file). Anything missing, extra or
// out of step with the original is an error naming the file and line, so a
// translation cannot silently fall behind the ordinance.
func Translate(orig *Ordinance, file string, src []byte) (*Ordinance, error) {
	var tr trFile
	errs := newErrors()
	fail := func(line int, format string, args ...any) { errs.Errorf(file, line, format, args...) }
	dec := yaml.NewDecoder(bytes.NewReader(src))
	dec.KnownFields(true)
	if err := dec.Decode(&tr); err != nil {
		// One diagnostic per problem yaml.v3 found, each at its own line
		// and in the editor's words ("unknown key", not a Go type name).
		errs.Append(file, yamlfile.Error(file, err))
		return nil, errs
	}
	out := *orig
	out.Title = tr.Title
	out.Metadata = orig.Metadata
	if tr.Title == "" {
		fail(1, "title is missing")
	}

	if len(tr.Preamble) != len(orig.Preamble) {
		fail(1, "preamble has %d lines; the original has %d", len(tr.Preamble), len(orig.Preamble))
	}
	out.Preamble = tr.Preamble

	out.Chapters = make([]Chapter, len(orig.Chapters))
	for i, oc := range orig.Chapters {
		c := oc
		if i >= len(tr.Chapters) {
			fail(1, "chapter %s is missing", oc.Number)
			continue
		}
		var tc trChapter
		node := &tr.Chapters[i]
		if err := decodeNode(node, &tc); err != nil {
			fail(node.Line, "chapter %s: %s", oc.Number, yamlMessage(err))
		}
		if tc.Number != oc.Number {
			fail(node.Line, "chapter number %q where the original has chapter %s", tc.Number, oc.Number)
		}
		c.Title, c.Intro = tc.Title, tc.Intro
		c.Articles = nil
		out.Chapters[i] = c
	}
	if len(tr.Chapters) > len(orig.Chapters) {
		fail(tr.Chapters[len(orig.Chapters)].Line, "chapter beyond the %d of the original", len(orig.Chapters))
	}

	origArticles := orig.Articles()
	for i, oa := range origArticles {
		a := *oa
		if i >= len(tr.Articles) {
			fail(1, "article %s is missing", oa.Number)
		} else {
			node := &tr.Articles[i]
			translateArticle(&a, oa, node, fail)
		}
		for ci := range orig.Chapters {
			if orig.ChapterOf(oa.Number) == &orig.Chapters[ci] {
				out.Chapters[ci].Articles = append(out.Chapters[ci].Articles, a)
			}
		}
	}
	if len(tr.Articles) > len(origArticles) {
		fail(tr.Articles[len(origArticles)].Line, "article beyond the %d of the original", len(origArticles))
	}

	out.GeneralBlocks = translateBlocks(orig.GeneralBlocks, tr.GeneralExplanation, 1, "general_explanation", fail)
	out.GeneralExplanation = blocksText(out.GeneralBlocks)
	out.ExplanationIntro = tr.ExplanationIntro
	if (orig.ExplanationIntro == "") != (tr.ExplanationIntro == "") {
		fail(1, "explanation_intro: present in one language only")
	}

	out.Signature = Signature{Text: tr.Signature.Text}
	if len(tr.Signature.Roles) != len(orig.Signature.Signatories) {
		fail(1, "signature has %d roles; the original has %d signatories", len(tr.Signature.Roles), len(orig.Signature.Signatories))
	}
	for i, s := range orig.Signature.Signatories {
		role := s.Role
		if i < len(tr.Signature.Roles) {
			role = tr.Signature.Roles[i]
		}
		out.Signature.Signatories = append(out.Signature.Signatories, Signatory{Role: role, Name: s.Name})
	}
	if err := errs.Err(); err != nil {
		return nil, err
	}
	return &out, nil
}

func translateArticle(a *Article, oa *Article, node *yaml.Node, fail func(int, string, ...any)) {
	var ta trArticle
	if err := decodeNode(node, &ta); err != nil {
		fail(node.Line, "article %s: %s", oa.Number, yamlMessage(err))
		return
	}
	if ta.Number != oa.Number {
		fail(node.Line, "article number %q where the original has article %s", ta.Number, oa.Number)
		return
	}
	if ta.Title == "" {
		fail(node.Line, "article %s: title is missing", oa.Number)
	}
	a.Title = ta.Title
	if len(ta.Paragraphs) != len(oa.Paragraphs) {
		fail(node.Line, "article %s has %d paragraphs; the original has %d", oa.Number, len(ta.Paragraphs), len(oa.Paragraphs))
	}
	a.Paragraphs = make([]Paragraph, len(oa.Paragraphs))
	for j, op := range oa.Paragraphs {
		p := op
		p.Items = make([]Item, len(op.Items))
		copy(p.Items, op.Items)
		if j < len(ta.Paragraphs) {
			tp := ta.Paragraphs[j]
			where := fmt.Sprintf("article %s lid %s", oa.Number, op.Number)
			if op.Number == "" {
				where = fmt.Sprintf("article %s", oa.Number)
			}
			if tp.Text == "" && op.Text != "" {
				fail(node.Line, "%s: text is missing", where)
			}
			if len(tp.Items) != len(op.Items) {
				fail(node.Line, "%s has %d items; the original has %d onderdelen", where, len(tp.Items), len(op.Items))
			}
			if (tp.Tail == "") != (op.Tail == "") {
				fail(node.Line, "%s: tail present in one language only", where)
			}
			p.Text, p.Tail = tp.Text, tp.Tail
			for k := range p.Items {
				if k < len(tp.Items) {
					p.Items[k].Text = tp.Items[k]
				}
			}
		}
		a.Paragraphs[j] = p
	}
	a.ExplanationTitle = ta.ExplanationTitle
	a.ExplanationBlocks = translateBlocks(oa.ExplanationBlocks, ta.Explanation, node.Line, "article "+oa.Number+" explanation", fail)
	a.Explanation = blocksText(a.ExplanationBlocks)
}

// translateBlocks reads blocks written as a plain string (paragraph),
// {heading: …} or {list: […]}, one per original block and of the same kind.
func translateBlocks(orig []Block, nodes []yaml.Node, line int, where string, fail func(int, string, ...any)) []Block {
	if len(nodes) != len(orig) {
		fail(line, "%s has %d blocks; the original has %d", where, len(nodes), len(orig))
	}
	var out []Block
	for i, ob := range orig {
		if i >= len(nodes) {
			break
		}
		n := &nodes[i]
		var b Block
		switch {
		case n.Kind == yaml.ScalarNode:
			b = Block{Kind: BlockParagraph, Text: n.Value}
		case n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "heading":
			b = Block{Kind: BlockHeading, Text: n.Content[1].Value}
		case n.Kind == yaml.MappingNode && len(n.Content) == 2 && n.Content[0].Value == "list":
			b = Block{Kind: BlockList}
			if err := n.Content[1].Decode(&b.Items); err != nil {
				fail(n.Line, "%s: list: %s", where, yamlMessage(err))
			}
			if len(b.Items) != len(ob.Items) {
				fail(n.Line, "%s: list has %d items; the original has %d", where, len(b.Items), len(ob.Items))
			}
		default:
			fail(n.Line, "%s: a block is a string, {heading: …} or {list: […]}", where)
			continue
		}
		if b.Kind != ob.Kind {
			fail(n.Line, "%s: block %d is a %s; the original has a %s", where, i+1, b.Kind, ob.Kind)
		}
		out = append(out, b)
	}
	return out
}

// decodeNode decodes a node strictly: unknown keys are errors. It decodes
// the node in place (not a re-encoded copy) so nested nodes keep their
// line numbers.
func decodeNode(n *yaml.Node, v any) error {
	if err := knownKeys(n, reflect.TypeOf(v)); err != nil {
		return err
	}
	return n.Decode(v)
}

// knownKeys reports the first mapping key in n that type t has no field for.
func knownKeys(n *yaml.Node, t reflect.Type) error {
	for t.Kind() == reflect.Pointer {
		t = t.Elem()
	}
	switch {
	case t.Kind() == reflect.Slice && n.Kind == yaml.SequenceNode:
		for _, c := range n.Content {
			if err := knownKeys(c, t.Elem()); err != nil {
				return err
			}
		}
	case t.Kind() == reflect.Struct && t != reflect.TypeOf(yaml.Node{}) && n.Kind == yaml.MappingNode:
		fields := map[string]reflect.Type{}
		for i := 0; i < t.NumField(); i++ {
			name, _, _ := strings.Cut(t.Field(i).Tag.Get("yaml"), ",")
			fields[name] = t.Field(i).Type
		}
		for i := 0; i+1 < len(n.Content); i += 2 {
			ft, ok := fields[n.Content[i].Value]
			if !ok {
				return fmt.Errorf("line %d: unknown key %s", n.Content[i].Line, n.Content[i].Value)
			}
			if err := knownKeys(n.Content[i+1], ft); err != nil {
				return err
			}
		}
	}
	return nil
}

// yamlMessage is yaml.v3's message without its line prefix, in the
// editor's words.
func yamlMessage(err error) string {
	ds := yamlfile.Error("", err).Diagnostics
	msg := ds[0].Message
	for _, d := range ds[1:] {
		msg += "\n" + d.String()
	}
	return msg
}
