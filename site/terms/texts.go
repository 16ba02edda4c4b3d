package terms

import (
	"regexp"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/site/internal/yamlfile"
)

// Markdown returns the running text of a guide: the title, summary and
// audience of its front matter and every line of its body, with link
// targets, shortcodes and web addresses blanked (a path such as
// /voorzieningen/uitstroompremie/ is not a word a reader reads).
//
// The texts are remembered by src for the process (a rebuild reads every
// guide again); the result is shared: callers only read it.
func Markdown(src []byte) []Text {
	return markdownMemo.get(string(src), func() []Text { return markdown(src) })
}

var markdownMemo table[string, []Text]

func markdown(src []byte) []Text {
	lines := strings.Split(string(src), "\n")
	var out []Text
	body := 0
	if len(lines) > 0 && strings.TrimSpace(lines[0]) == "---" {
		for i := 1; i < len(lines); i++ {
			l := lines[i]
			if strings.TrimSpace(l) == "---" {
				body = i + 1
				break
			}
			for _, key := range []string{"title:", "summary:", "audience:"} {
				if strings.HasPrefix(l, key) {
					out = append(out, Text{Line: i + 1, Text: strings.TrimPrefix(l, key)})
				}
			}
		}
	}
	for i := body; i < len(lines); i++ {
		l := lines[i]
		// Each expression runs only where its literal start is: most lines
		// have none, and a regexp walks the whole line to find nothing.
		if strings.Contains(l, "](") {
			l = reLinkTarget.ReplaceAllString(l, "]")
		}
		if strings.Contains(l, "{{") {
			l = reShortcode.ReplaceAllString(l, " ")
		}
		if strings.Contains(l, "http") {
			l = reAddress.ReplaceAllString(l, " ")
		}
		if strings.TrimSpace(l) != "" {
			out = append(out, Text{Line: i + 1, Text: l})
		}
	}
	return out
}

var (
	reLinkTarget = regexp.MustCompile(`\]\([^)\s]*\)`)
	reShortcode  = regexp.MustCompile(`\{\{[<%].*?[>%]\}\}`)
	reAddress    = regexp.MustCompile(`<?https?://[^\s)>]+>?`)
	// rePlaceholder is a value filled in later: {date}, {param:name}.
	rePlaceholder = regexp.MustCompile(`\{[A-Za-z0-9_.:-]+\}`)
)

// YAML returns every string value of a YAML file as running text, except
// the values of the keys in skip (identifiers, article numbers, the
// glossary's search forms), with the line each starts on. Placeholders
// such as {param:uitstroompremie.minimumleeftijd} are blanked.
//
// The texts are remembered by file, skip and src for the process; the
// result is shared: callers only read it. Errors are not remembered.
func YAML(file string, src []byte, skip ...string) ([]Text, error) {
	k := yamlKey{file, strings.Join(skip, "\x00"), string(src)}
	if texts, ok := yamlMemo.lookup(k); ok {
		return texts, nil
	}
	texts, err := yamlTexts(file, src, skip...)
	if err != nil {
		return nil, err
	}
	yamlMemo.add(k, texts)
	return texts, nil
}

type yamlKey struct{ file, skip, src string }

var yamlMemo table[yamlKey, []Text]

func yamlTexts(file string, src []byte, skip ...string) ([]Text, error) {
	var root yaml.Node
	if err := yaml.Unmarshal(src, &root); err != nil {
		return nil, yamlfile.Error(file, err)
	}
	var out []Text
	var walk func(n *yaml.Node)
	walk = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				if !contains(skip, n.Content[i].Value) {
					walk(n.Content[i+1])
				}
			}
		case yaml.ScalarNode:
			if n.Tag != "!!str" {
				return
			}
			line := n.Line
			if n.Style&(yaml.LiteralStyle|yaml.FoldedStyle) != 0 {
				line++ // the text starts below the | or >
			}
			text := n.Value
			if strings.Contains(text, "{") {
				text = rePlaceholder.ReplaceAllString(text, " ")
			}
			out = append(out, Text{Line: line, Text: text})
		}
	}
	walk(&root)
	return out, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
