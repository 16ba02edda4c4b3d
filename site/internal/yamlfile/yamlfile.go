// Package yamlfile decodes the project's YAML data files strictly and
// reports problems the way every other input does: "file:line: message",
// as a *diag.List.
package yamlfile

import (
	"bytes"
	"errors"
	"io"
	"regexp"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"

	"github.com/regelgids/regelgids/internal/diag"
)

// Decode decodes raw into v, refusing unknown keys (a typo would otherwise
// be ignored silently), and returns the line of every key ("contact" and
// "contact.website") so later checks can point at it.
func Decode(name string, raw []byte, v any) (map[string]int, error) {
	dec := yaml.NewDecoder(bytes.NewReader(raw))
	dec.KnownFields(true)
	if err := dec.Decode(v); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, &diag.Diagnostic{File: name, Line: 1, Message: "empty file"}
		}
		return nil, Error(name, err)
	}
	var root yaml.Node
	if err := yaml.Unmarshal(raw, &root); err != nil {
		return nil, Error(name, err)
	}
	lines := map[string]int{}
	if len(root.Content) == 1 {
		keyLines(root.Content[0], "", lines)
	}
	return lines, nil
}

// keyLines records the line of every mapping key, nested keys as
// "parent.key", so a check of contact.website points at its own line.
func keyLines(m *yaml.Node, prefix string, lines map[string]int) {
	if m.Kind != yaml.MappingNode {
		return
	}
	for i := 0; i+1 < len(m.Content); i += 2 {
		key := prefix + m.Content[i].Value
		lines[key] = m.Content[i].Line
		keyLines(m.Content[i+1], key+".", lines)
	}
}

var (
	reLine     = regexp.MustCompile(`^(?:yaml: )?line (\d+): (.*)$`)
	reTypeName = regexp.MustCompile(` not found in type \S+`)
)

// Error rewrites the yaml package's "line N: …" messages as diagnostics
// of file name at line N, one per problem; a message without a line is at
// line 1.
func Error(name string, err error) *diag.List {
	var msgs []string
	var te *yaml.TypeError
	if errors.As(err, &te) {
		msgs = te.Errors
	} else {
		msgs = []string{err.Error()}
	}
	out := &diag.List{}
	for _, m := range msgs {
		m = strings.TrimPrefix(m, "yaml: ")
		if g := reLine.FindStringSubmatch(m); g != nil {
			msg := strings.Replace(g[2], "field ", "unknown key ", 1)
			msg = reTypeName.ReplaceAllString(msg, "")
			line, _ := strconv.Atoi(g[1])
			line = max(1, line+LineCorrection(msg))
			out.Add(diag.Diagnostic{File: name, Line: line, Message: msg})
			continue
		}
		out.Add(diag.Diagnostic{File: name, Line: 1, Message: m})
	}
	return out
}

// LineCorrection is what to add to the line yaml.v3 gives for a message.
// Its parser (not its scanner) reports 0-based lines: "c: [x" on line 3
// is "line 2: did not find expected ',' or ']'".
func LineCorrection(msg string) int {
	for _, m := range zeroBased {
		if strings.HasPrefix(msg, m) {
			return 1
		}
	}
	return 0
}

var zeroBased = []string{
	"did not find expected ',' or ']'",
	"did not find expected ',' or '}'",
	"did not find expected key",
	"did not find expected '-' indicator",
	"did not find expected node content",
	"did not find expected <document start>",
	"found a tab character that violates indentation",
	"while parsing",
}
