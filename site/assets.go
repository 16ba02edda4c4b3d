package site

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"io/fs"
	"path"
	"strings"

	"github.com/regelgids/regelgids/site/internal/contentfile"
	"github.com/regelgids/regelgids/site/project"
	"github.com/regelgids/regelgids/site/search"
)

// Assets are the files every page shares — the stylesheet, the scripts,
// the calculators' module, its loader and amounts — under content-hashed
// names (css/regelgids.3f2a1c9b.css). A changed file gets a new name, so
// browsers and CDNs may keep each name for a year without asking again,
// and a new build is never mixed with a cached old script.
//
// Every file under templates/static is one, so a script another layout
// adds is hashed without more code: a template names it by its plain path
// through .Asset ("/js/voorlezen.js") and gets the hashed link.

// assetHashLen is how many hex digits of the SHA-256 the name carries.
const assetHashLen = 8

// hashedName puts the first hex digits of the content's SHA-256 before the
// extension: css/regelgids.css → css/regelgids.3f2a1c9b.css.
func hashedName(name string, content []byte) string {
	sum := sha256.Sum256(content)
	ext := path.Ext(name)
	return strings.TrimSuffix(name, ext) + "." + hex.EncodeToString(sum[:])[:assetHashLen] + ext
}

// isHashed reports whether a site path has the form hashedName gives, so
// the server and the _headers file can mark it immutable. Pages are never
// hashed.
func isHashed(name string) bool {
	ext := path.Ext(name)
	if ext == "" || ext == ".html" {
		return false
	}
	stem := strings.TrimSuffix(path.Base(name), ext)
	dot := strings.LastIndexByte(stem, '.')
	if dot <= 0 || len(stem)-dot-1 != assetHashLen {
		return false
	}
	for _, c := range stem[dot+1:] {
		if (c < '0' || c > '9') && (c < 'a' || c > 'f') {
			return false
		}
	}
	return true
}

// assets collects the shared files of a site by their plain paths: the
// templates' static folder, the search scripts, the stylesheet with the
// search styles merged in, and with mod the calculators' module, its
// loader and the amounts.
func (r *Renderer) assets(p *project.Project, mod *Module) (Output, error) {
	out := Output{}
	err := fs.WalkDir(r.static, ".", func(name string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := contentfile.ReadBytes(r.static, name, contentfile.FileLimit)
		out[name] = b
		return err
	})
	if err != nil {
		return nil, fmt.Errorf("templates/static/%w", err)
	}
	for name, b := range search.Assets() {
		out[strings.TrimPrefix(name, "/")] = b
	}
	const css = "css/regelgids.css"
	out[css] = append(append(append([]byte{}, out[css]...), '\n'), search.Stylesheet...)
	if mod != nil && mod.wasm != nil {
		amounts, err := amountsJSON(p)
		if err != nil {
			return nil, err
		}
		out[AmountsFile] = amounts
		out[WASMFile] = mod.wasm
		out[WASMExecFile] = mod.exec
	} else {
		delete(out, "js/rekenhulp.js")
	}
	return out, nil
}

// addAssets writes assets into out under their hashed names and returns
// the plain path → hashed path map the pages link with.
func addAssets(out, assets Output) map[string]string {
	names := make(map[string]string, len(assets))
	for name, b := range assets {
		h := hashedName(name, b)
		names[name] = h
		out[h] = b
	}
	return names
}

// assetPath is the hashed site path of a shared file named by its plain
// path ("/css/regelgids.css"); any other path is returned as it is.
func (sd *SiteData) assetPath(target string) string {
	if h, ok := sd.assets[strings.TrimPrefix(target, "/")]; ok {
		return "/" + h
	}
	return target
}

// Hashed returns the path under which the build wrote the shared file with
// plain path name ("css/regelgids.css"), or "" when there is none.
func (o Output) Hashed(name string) string {
	ext := path.Ext(name)
	stem := strings.TrimSuffix(name, ext)
	for p := range o {
		if isHashed(p) && path.Ext(p) == ext && strings.HasPrefix(p, stem+".") && len(p) == len(name)+1+assetHashLen {
			return p
		}
	}
	return ""
}

// modulePending reports whether the site was built while its calculators'
// module was still being compiled.
func (b *Built) modulePending() bool {
	for _, sd := range b.Sites {
		if sd.WASMPending {
			return true
		}
	}
	return false
}
