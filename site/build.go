package site

import (
	"errors"
	"fmt"
	"github.com/regelgids/regelgids/calculators/params"
	"github.com/regelgids/regelgids/site/ordinance"
	"io/fs"
	"os"
	"path/filepath"
	"time"
)

// Options say what to build from and where to.
type Options struct {
	Content   fs.FS  // a municipality folder, such as content/eemsdelta
	Templates fs.FS  // layouts, partials, i18n and static files
	Out       string // output folder; replaced whole on success
	// Date picks the amounts in force; the zero Date means today.
	Date params.Date
}

// Result describes a finished build.
type Result struct {
	Project  *Project
	Files    int
	Pages    int
	Bytes    int64
	Duration time.Duration

	renderer *Renderer // for pages the server renders on request
}

// Generate loads and renders a site in memory without writing it.
func Generate(opts Options) (*Project, Output, error) {
	p, _, out, err := generate(opts)
	return p, out, err
}

func generate(opts Options) (*Project, *Renderer, Output, error) {
	date := opts.Date
	if date.IsZero() {
		date = Today()
	}
	p, err := Load(opts.Content, date)
	if err != nil {
		return nil, nil, nil, err
	}
	r, err := NewRenderer(opts.Templates)
	if err != nil {
		return nil, nil, nil, err
	}
	mod, err := buildWASM()
	if errors.Is(err, ErrNoToolchain) {
		p.Warnings = append(p.Warnings, ordinance.Diagnostic{File: "calculators/wasm", Line: 1, Warning: true,
			Message: err.Error() + "; the calculator pages show only their tables"})
	} else if err != nil {
		return nil, nil, nil, err
	}
	out, err := r.Render(p, mod)
	if err != nil {
		return nil, nil, nil, err
	}
	return p, r, out, nil
}

// Build generates the site and writes it to opts.Out. It writes into a new
// folder beside Out and swaps it in only when everything succeeded, so a
// failed build leaves the previous site untouched.
func Build(opts Options) (*Result, error) {
	start := time.Now()
	p, r, out, err := generate(opts)
	if err != nil {
		return nil, err
	}
	res := &Result{Project: p, Files: len(out), renderer: r}
	for name, b := range out {
		res.Bytes += int64(len(b))
		if filepath.Ext(name) == ".html" {
			res.Pages++
		}
	}
	if err := WriteAtomic(opts.Out, out); err != nil {
		return nil, err
	}
	res.Duration = time.Since(start)
	return res, nil
}

// WriteAtomic writes files into a temporary sibling of dir, then replaces
// dir with it.
func WriteAtomic(dir string, files Output) (err error) {
	dir = filepath.Clean(dir)
	parent := filepath.Dir(dir)
	if err := os.MkdirAll(parent, 0o755); err != nil {
		return err
	}
	tmp, err := os.MkdirTemp(parent, "."+filepath.Base(dir)+".new-*")
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			os.RemoveAll(tmp)
		}
	}()
	for _, name := range files.Paths() {
		target := filepath.Join(tmp, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(target), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(target, files[name], 0o644); err != nil {
			return err
		}
	}
	// MkdirTemp creates 0700; a site folder is meant to be read by a server.
	if err := os.Chmod(tmp, 0o755); err != nil {
		return err
	}
	old := ""
	if info, statErr := os.Stat(dir); statErr == nil {
		if !info.IsDir() {
			return fmt.Errorf("%s exists and is not a folder", dir)
		}
		old = tmp + ".old"
		if err := os.Rename(dir, old); err != nil {
			return err
		}
	} else if !errors.Is(statErr, fs.ErrNotExist) {
		return statErr
	}
	if err := os.Rename(tmp, dir); err != nil {
		if old != "" {
			os.Rename(old, dir) // put the previous site back
		}
		return err
	}
	if old != "" {
		return os.RemoveAll(old)
	}
	return nil
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
