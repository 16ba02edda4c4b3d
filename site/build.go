package site

import (
	"errors"
	"fmt"
	"io"
	"io/fs"
	"maps"
	"path/filepath"
	"sync"
	"time"

	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/site/ordinance"
	"github.com/regelgids/regelgids/site/project"
)

// Options say what to build from and where to.
type Options struct {
	Content   fs.FS  // a municipality folder, such as one under content/
	Templates fs.FS  // layouts, partials, i18n and static files
	Out       string // output folder; replaced whole on success
	// Date picks the amounts in force; the zero Date means today.
	Date params.Date
	// Cache, if set, keeps what this build derives for the next build
	// with the same Cache, which then redoes only what changed (Serve
	// keeps one). The output is the same with or without it.
	Cache *Cache
	// NoCompressedCopies leaves out NAME.br and NAME.gz, for a host that
	// compresses on its own (Netlify, Cloudflare Pages, GitHub Pages): on
	// some filesystems writing three files per page costs more than the
	// rest of a build.
	NoCompressedCopies bool
	// Progress, if set, is told what takes long before it starts: the
	// first build on a machine compiles the calculators for the browser
	// (a minute or two) and compresses them.
	Progress io.Writer

	// wasmLater builds without the calculators' module when it is not
	// compiled yet: Serve compiles it meanwhile and builds again.
	wasmLater bool
	// rendered, if set, is called with the site's files once its pages
	// are rendered, before their compressed copies are made: Serve shows
	// the pages at once (files is the caller's to keep).
	rendered func(b *Built, r *Renderer, files Output)
}

// Result describes a finished build.
type Result struct {
	Project  *project.Project
	Site     *Built
	Files    int
	Pages    int
	Bytes    int64
	Duration time.Duration

	renderer *Renderer // for pages the server renders on request
}

// Generate loads and renders a site in memory without writing it.
func Generate(opts Options) (*project.Project, Output, error) {
	b, _, err := generate(opts)
	if err != nil {
		return nil, nil, err
	}
	return b.Project, b.Files, nil
}

// GenerateSite is Generate with what was derived to render the site: the
// search documents and the consistency findings.
func GenerateSite(opts Options) (*Built, error) {
	b, _, err := generate(opts)
	return b, err
}

func generate(opts Options) (*Built, *Renderer, error) {
	date := opts.Date
	if date.IsZero() {
		date = Today()
	}
	var before *sources
	if opts.Cache != nil {
		before = readSources(opts.Content, opts.Templates)
	}
	// What does not need the project is done while it loads, on the other
	// core: parsing the layouts (unless a cache has them) and reading the
	// calculators' module when it is compiled already. Errors still come
	// in the order of a build that does one thing after the other.
	var (
		wg       sync.WaitGroup
		early    *Renderer
		earlyErr error
	)
	if opts.Cache == nil {
		wg.Go(func() { early, earlyErr = NewRenderer(opts.Templates) })
	}
	if _, err := fs.Stat(opts.Content, project.CalculatorsFile); err == nil {
		wg.Go(func() { loadCachedModule() })
	}
	p, err := project.Load(opts.Content, date)
	wg.Wait()
	if err != nil {
		return nil, nil, err
	}
	var src *sources
	if before != nil {
		// Unchanged while loading: the project is what before describes.
		if after := readSources(opts.Content, opts.Templates); after.equal(before) {
			src = after
		}
	}
	r, err := early, earlyErr
	if opts.Cache != nil {
		r, err = newRenderer(opts.Templates, opts.Cache, src)
	}
	if err != nil {
		return nil, nil, err
	}
	r.sources = src
	if err := CheckTerms(p, opts.Templates); err != nil {
		return nil, nil, err
	}
	r.cache = opts.Cache
	var mod *Module
	if p.Calculators != nil && len(p.Calculators.Calculators) > 0 {
		if opts.wasmLater && !wasmCached() {
			mod = pendingModule
		} else {
			mod, err = buildWASMSaying(opts.Progress) // only a site with calculators needs it
		}
	}
	if errors.Is(err, ErrNoToolchain) {
		p.Warnings = append(p.Warnings, ordinance.Diagnostic{File: "calculators/wasm", Line: 1, Warning: true,
			Message: err.Error() + "; the calculator pages show only their tables"})
	} else if err != nil {
		return nil, nil, err
	}
	b, err := r.Render(p, mod)
	if err != nil {
		return nil, nil, err
	}
	if opts.rendered != nil {
		files := make(Output, len(b.Files)+1)
		maps.Copy(files, b.Files)
		files[HeadersFile] = headersFile(files, !opts.NoCompressedCopies) // the same without the copies
		opts.rendered(b, r, files)
	}
	if !opts.NoCompressedCopies {
		precompress(b.Files, opts.Out) // compress.go
	}
	b.Files[HeadersFile] = headersFile(b.Files, !opts.NoCompressedCopies) // headers.go
	opts.Cache.endBuild()
	return b, r, nil
}

// buildWASMSaying is buildWASM telling w, when it is set, what takes long
// before it starts: compiling the module (only when no cache has it) and
// compressing it as hard as brotli goes (only when no cache has that).
func buildWASMSaying(w io.Writer) (*Module, error) {
	if w == nil {
		return buildWASM()
	}
	compiled := wasmCached()
	if !compiled {
		fmt.Fprintln(w, "compiling the calculators for the browser, first time only (a minute or two)…")
	}
	start := time.Now()
	m, err := buildWASM()
	if err != nil {
		return nil, err
	}
	if !compiled {
		fmt.Fprintf(w, "calculators compiled for the browser in %v\n", time.Since(start).Round(time.Second))
	}
	if !compressedCached(m.wasm, true) {
		fmt.Fprintln(w, "compressing them with brotli and gzip, first time only…")
	}
	return m, nil
}

// Build generates the site and writes it to opts.Out. It writes into a new
// folder beside Out and swaps it in only when everything succeeded, so a
// failed build leaves the previous site untouched.
func Build(opts Options) (*Result, error) {
	return build(opts, true)
}

// build generates the site and, if write is set, writes it to opts.Out.
func build(opts Options, write bool) (*Result, error) {
	start := time.Now()
	b, r, err := generate(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Project: b.Project, Site: b, Files: len(b.Files), renderer: r}
	for name, data := range b.Files {
		res.Bytes += int64(len(data))
		if filepath.Ext(name) == ".html" {
			res.Pages++
		}
	}
	if write {
		if err := WriteAtomic(opts.Out, b.Files); err != nil {
			return nil, err
		}
	}
	res.Duration = time.Since(start)
	return res, nil
}

// Today is the current civil date in the Netherlands, the default date of a
// build.
func Today() params.Date {
	loc, err := time.LoadLocation("Europe/Amsterdam")
	if err != nil {
		loc = time.UTC // no tz database: a day's difference at most
	}
	now := time.Now().In(loc)
	return params.Date{Year: now.Year(), Month: int(now.Month()), Day: now.Day()}
}
