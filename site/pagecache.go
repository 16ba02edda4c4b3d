package site

import (
	"crypto/sha256"
	"encoding/json"
	"fmt"
	"io/fs"
	"maps"
	"slices"

	"github.com/regelgids/regelgids/site/internal/contentfile"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/routes"
)

// A rebuild with a Cache renders again only the pages whose inputs
// changed; every other page is taken from the build before. A page's key
// is the hash of what every page may read (siteKey: every file of the
// content and templates folders, the build date and the shared assets'
// names) and what only some pages read (pageKey). The one thing left out
// of the site-wide part is the body of each guide: only its own page and
// the reviewers' pages about it use it (its Sections, Links and Params, and
// its text in the readability review: its own review page, and the
// overview and the report of its language), so an edit to a guide's text
// renders those four pages again and no other. Its front matter (title,
// summary, articles, situations), which other pages list, stays in the
// site-wide part. TestIncrementalSameOutput checks this against builds
// from scratch for every kind of edit.

// sources are the hashes of every file of the content and the templates
// folder, read before the project is loaded and again before pages are
// rendered: only when both agree is it known what the loaded project was
// made of, and only then are pages cached.
type sources struct {
	content, templates map[string][sha256.Size]byte
}

// maxSourceFile is the largest file hashed; a folder with a larger one is
// built without the page cache (the loader reports files that are too
// large itself).
const maxSourceFile = contentfile.OrdinanceLimit

// readSources hashes the files of the two folders; nil if one cannot be
// read whole.
func readSources(content, templates fs.FS) *sources {
	c, err := sumFiles(content)
	if err != nil {
		return nil
	}
	t, err := sumFiles(templates)
	if err != nil {
		return nil
	}
	return &sources{content: c, templates: t}
}

func sumFiles(fsys fs.FS) (map[string][sha256.Size]byte, error) {
	if fsys == nil {
		return nil, fmt.Errorf("no folder")
	}
	m := map[string][sha256.Size]byte{}
	err := fs.WalkDir(fsys, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			// Folders count too: an empty gidsen/en/ makes English a
			// language of the site.
			m[name+"/"] = [sha256.Size]byte{}
			return nil
		}
		// Only regular files, never a pipe: contentfile checks before it
		// opens.
		b, err := contentfile.ReadBytes(fsys, name, maxSourceFile)
		if err != nil {
			return err
		}
		m[name] = sha256.Sum256(b)
		return nil
	})
	return m, err
}

func (s *sources) equal(o *sources) bool {
	return s != nil && o != nil && maps.Equal(s.content, o.content) && maps.Equal(s.templates, o.templates)
}

// pageKeys are the keys of one build's pages.
type pageKeys struct {
	site   []byte
	guides map[string][][]byte // per language, the hashes of its guide files
	own    map[string][]byte   // guide file → its hash
	slugs  map[string][]byte   // language + "/" + slug → its guide file's hash
}

// newPageKeys computes the site-wide part of the keys; nil when pages
// are not cached.
func newPageKeys(src *sources, p *project.Project, assets map[string]string, hasWASM, pending bool) *pageKeys {
	if src == nil {
		return nil
	}
	k := &pageKeys{guides: map[string][][]byte{}, own: map[string][]byte{}, slugs: map[string][]byte{}}
	front := map[string][]byte{} // guide file → what other pages may read of it
	for _, lang := range p.Languages {
		for _, g := range p.Guides[lang] {
			sum, ok := src.content[g.File]
			if !ok {
				return nil // not read from the folder hashed: not known
			}
			fm, err := json.Marshal(struct {
				F                any
				Slug, Lang, File string
			}{g.FrontMatter, g.Slug, g.Lang, g.File})
			if err != nil {
				return nil
			}
			front[g.File] = fm
			k.own[g.File] = sum[:]
			k.slugs[lang+"/"+g.Slug] = sum[:]
			k.guides[lang] = append(k.guides[lang], sum[:])
		}
	}
	parts := [][]byte{[]byte("templates")}
	for _, name := range slices.Sorted(maps.Keys(src.templates)) {
		sum := src.templates[name]
		parts = append(parts, []byte(name), sum[:])
	}
	parts = append(parts, []byte("content"))
	for _, name := range slices.Sorted(maps.Keys(src.content)) {
		if fm, ok := front[name]; ok {
			parts = append(parts, []byte(name+" front"), fm)
			continue
		}
		sum := src.content[name]
		parts = append(parts, []byte(name), sum[:])
	}
	names, err := json.Marshal(assets) // sorted keys
	if err != nil {
		return nil
	}
	parts = append(parts, []byte(p.Date.String()), names, fmt.Appendf(nil, "%t %t", hasWASM, pending))
	sum := hashParts(parts...)
	k.site = sum[:]
	return k
}

// key is the cache key of a page's bytes.
func (k *pageKeys) key(pg *Page) cacheKey {
	parts := [][]byte{k.site, []byte(pg.Kind), []byte(pg.FullPath())}
	switch pg.Kind {
	case KindGuide:
		parts = append(parts, k.own[pg.Guide.File])
	case KindReviewPage:
		// The reports of its texts; a guide's is made from its body.
		for _, r := range pg.Reviews {
			if r.Kind != TextGuide {
				continue
			}
			_, slug, _ := routes.Parse(r.Path)
			sum, ok := k.slugs[pg.Lang+"/"+slug]
			if !ok {
				return cacheKey{kind: "page", sum: hashParts(append(parts, k.guides[pg.Lang]...)...)}
			}
			parts = append(parts, sum)
		}
	case KindReview, KindReviewReport:
		// The readability review of every text of the language,
		// guides included.
		parts = append(parts, k.guides[pg.Lang]...)
	}
	return cacheKey{kind: "page", sum: hashParts(parts...)}
}

// cachedScreenerPages is screenerPages, kept by the site-wide key (the
// screener reads the rules, the calculators, the guides' front matter and
// the interface texts, never a guide's body). Working out every path's
// fits is most of a rebuild's work otherwise, and when the key is the
// same the pages themselves come from the cache too. The pages are
// copied: the caller sets their language, site and alternates; the views
// are only read.
func (r *Renderer) cachedScreenerPages(sd *SiteData, home Link, keys *pageKeys) []*Page {
	if keys == nil {
		return r.screenerPages(sd, home)
	}
	pages, _ := cached(r.cache, "screener-pages", [][]byte{keys.site, []byte(sd.Lang), []byte(sd.Prefix), []byte(home.Title), []byte(home.Path)}, func() ([]*Page, error) {
		return r.screenerPages(sd, home), nil
	})
	out := make([]*Page, len(pages))
	for i, pg := range pages {
		cp := *pg
		cp.Alternates = nil
		out[i] = &cp
	}
	return out
}

// newRenderer is NewRenderer, with the parsed layouts and interface texts
// kept in c by the templates folder's files (src) when they are known.
func newRenderer(tfs fs.FS, c *Cache, src *sources) (*Renderer, error) {
	if c == nil || src == nil {
		return NewRenderer(tfs)
	}
	var parts [][]byte
	for _, name := range slices.Sorted(maps.Keys(src.templates)) {
		sum := src.templates[name]
		parts = append(parts, []byte(name), sum[:])
	}
	parsed, err := cached(c, "renderer", parts, func() (*Renderer, error) { return NewRenderer(tfs) })
	if err != nil {
		return nil, err
	}
	// Layouts and texts are only read; the rest is this build's.
	r := &Renderer{layouts: parsed.layouts, i18n: parsed.i18n}
	if r.static, err = fs.Sub(tfs, "static"); err != nil {
		return nil, err
	}
	return r, nil
}
