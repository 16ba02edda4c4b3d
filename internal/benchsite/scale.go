// Package benchsite makes content folders for the build benchmarks: a
// copy of a municipality's folder with its articles repeated under new
// numbers, so that a benchmark can measure how the build grows with the
// size of the ordinance.
package benchsite

import (
	"fmt"
	"io/fs"
	"regexp"
	"strings"
	"testing/fstest"

	"go.yaml.in/yaml/v3"
)

// Copy reads a content folder into memory.
func Copy(content fs.FS) (fstest.MapFS, error) {
	out := fstest.MapFS{}
	err := fs.WalkDir(content, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := fs.ReadFile(content, name)
		out[name] = &fstest.MapFile{Data: b, Mode: 0o644}
		return err
	})
	return out, err
}

var (
	reArticle   = regexp.MustCompile(`(?m)^Artikel (\d+)[.:] `)
	reSignature = regexp.MustCompile(`(?m)^Ondertekening$`)
)

// Scale returns content with its ordinance's articles times times over:
// after the last article come copies of all of them, numbered on, in
// verordening.txt and in the English translation (vertaling/en.yaml).
// The copies keep their text, references included, so every copy reads
// like its original. Guides, glossary and parameters stay as they are.
func Scale(content fs.FS, times int) (fstest.MapFS, error) {
	out, err := Copy(content)
	if err != nil {
		return nil, err
	}
	if times <= 1 {
		return out, nil
	}
	text, ok := out["verordening.txt"]
	if !ok {
		return nil, fmt.Errorf("no verordening.txt: only a plain-text ordinance can be scaled")
	}
	src := string(text.Data)
	sig := reSignature.FindStringIndex(src)
	if sig == nil {
		return nil, fmt.Errorf("verordening.txt: no Ondertekening after the articles")
	}
	// The articles, then the toelichting on them: each part gets copies
	// of its articles after its last one.
	expl := strings.Index(src, "\nArtikelsgewijze toelichting\n")
	end := len(src)
	if expl >= 0 {
		end = expl
	}
	head, n, err := repeat(src[:sig[0]], times)
	if err != nil {
		return nil, err
	}
	data := head + src[sig[0]:end]
	if expl >= 0 {
		tail, _, err := repeat(src[expl:], times)
		if err != nil {
			return nil, err
		}
		data += tail
	}
	out["verordening.txt"] = &fstest.MapFile{Data: []byte(data), Mode: 0o644}

	if tr, ok := out["vertaling/en.yaml"]; ok {
		data, err := scaleTranslation(tr.Data, n, times)
		if err != nil {
			return nil, fmt.Errorf("vertaling/en.yaml: %w", err)
		}
		out["vertaling/en.yaml"] = &fstest.MapFile{Data: data, Mode: 0o644}
	}
	return out, nil
}

// repeat appends to part copies of its articles (each up to the next
// article or chapter heading), numbered on after the last, and returns
// the number of articles it had.
func repeat(part string, times int) (string, int, error) {
	heads := reArticle.FindAllStringIndex(part, -1)
	if len(heads) == 0 {
		return "", 0, fmt.Errorf("verordening.txt: no articles")
	}
	var articles []string
	for i, h := range heads {
		end := len(part)
		if i+1 < len(heads) {
			end = heads[i+1][0]
		}
		a := part[h[0]:end]
		if k := strings.Index(a, "\nHoofdstuk "); k >= 0 {
			a = a[:k+1]
		}
		articles = append(articles, strings.TrimRight(a, "\n")+"\n\n")
	}
	n := len(articles)
	var b strings.Builder
	b.WriteString(strings.TrimRight(part, "\n") + "\n\n")
	for copy := 1; copy < times; copy++ {
		for i, a := range articles {
			loc := reArticle.FindStringSubmatchIndex(a)
			b.WriteString(a[:loc[2]] + fmt.Sprint(copy*n+i+1) + a[loc[3]:])
		}
	}
	return b.String(), n, nil
}

// scaleTranslation appends renumbered copies of the translated articles.
func scaleTranslation(data []byte, n, times int) ([]byte, error) {
	var doc yaml.Node
	if err := yaml.Unmarshal(data, &doc); err != nil {
		return nil, err
	}
	root := doc.Content[0]
	for i := 0; i+1 < len(root.Content); i += 2 {
		if root.Content[i].Value != "articles" {
			continue
		}
		list := root.Content[i+1]
		orig := append([]*yaml.Node(nil), list.Content...)
		for copy := 1; copy < times; copy++ {
			for _, a := range orig {
				c := deepCopy(a)
				for k := 0; k+1 < len(c.Content); k += 2 {
					if c.Content[k].Value == "number" {
						var num int
						fmt.Sscan(c.Content[k+1].Value, &num)
						c.Content[k+1].Value = fmt.Sprint(copy*n + num)
					}
				}
				list.Content = append(list.Content, c)
			}
		}
		return yaml.Marshal(&doc)
	}
	return data, nil
}

func deepCopy(n *yaml.Node) *yaml.Node {
	c := *n
	c.Content = nil
	for _, k := range n.Content {
		c.Content = append(c.Content, deepCopy(k))
	}
	return &c
}
