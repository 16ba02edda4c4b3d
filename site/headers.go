package site

import (
	"fmt"
	"mime"
	"path"
	"sort"
	"strings"
)

// HeadersFile is the build's list of HTTP headers in the format Netlify
// and Cloudflare Pages read, so a site published there is answered as
// `regelgids serve` answers it.
const HeadersFile = "_headers"

// securityHeaders are sent with every answer, pages and errors alike. The
// pages carry the same policy in a meta tag, for hosts that send no
// headers; only a header can forbid framing.
var securityHeaders = [][2]string{
	{"Content-Security-Policy", ContentSecurityPolicy + "; frame-ancestors 'none'"},
	{"X-Content-Type-Options", "nosniff"},
	{"Referrer-Policy", "same-origin"},
}

// Cache lifetimes. A content-hashed asset never changes under its name;
// a page is asked for again each time (its ETag makes that a short 304),
// so a new build shows at once; other files (the search indexes, robots.txt,
// sitemap.xml) may be kept five minutes.
const (
	cacheImmutable = "public, max-age=31536000, immutable"
	cachePage      = "no-cache"
	cacheShort     = "public, max-age=300"
)

// cacheControl is the Cache-Control of a site file by its path.
func cacheControl(name string) string {
	switch {
	case isHashed(name):
		return cacheImmutable
	case path.Ext(name) == ".html":
		return cachePage
	}
	return cacheShort
}

// feedType is the Content-Type of the Atom feeds (FeedFile): by its
// extension .xml would go out as text/xml, which feed readers accept but
// browsers show as a bare XML tree.
const feedType = "application/atom+xml; charset=utf-8"

// contentType is the Content-Type of a site file by its path; "" where
// the extension says nothing.
func contentType(name string) string {
	if path.Base(name) == FeedFile {
		return feedType
	}
	return mime.TypeByExtension(path.Ext(name))
}

// hostingHint reports whether name (a cleaned path starting with "/") is
// a file the build writes for the host rather than for readers: served
// as not found, as the README's nginx lines do.
func hostingHint(name string) bool {
	return name == "/"+HeadersFile
}

// headersFile writes _headers for the files of out: the security headers
// for every path, and the cache lifetime of every file that is not a page,
// one rule each; with copies, the compressor of the NAME.br and NAME.gz
// files, so the next build knows whether it can take them. Pages keep the hosts' default (max-age=0,
// must-revalidate), which is serve's no-cache: a rule for all paths would
// be joined with the assets' rules on Cloudflare Pages, and listing every
// page would pass its limit of 100 rules.
func headersFile(out Output, copies bool) []byte {
	var b strings.Builder
	b.WriteString("# HTTP headers for Netlify and Cloudflare Pages, written by regelgids build:\n")
	b.WriteString("# the headers `regelgids serve` sends. Pages keep the host's default caching\n")
	b.WriteString("# (max-age=0, must-revalidate); content-hashed files are kept a year.\n")
	if copies {
		b.WriteString(compressorLine + compressorID() + "\n")
	}
	b.WriteString("/*\n")
	for _, h := range securityHeaders {
		fmt.Fprintf(&b, "  %s: %s\n", h[0], h[1])
	}
	var names []string
	for name := range out {
		switch path.Ext(name) {
		case ".html", ".br", ".gz":
			continue
		}
		if name == HeadersFile {
			continue
		}
		names = append(names, name)
	}
	sort.Strings(names)
	for _, name := range names {
		fmt.Fprintf(&b, "\n/%s\n  Cache-Control: %s\n", name, cacheControl(name))
		if path.Base(name) == FeedFile {
			fmt.Fprintf(&b, "  Content-Type: %s\n", feedType)
		}
	}
	return []byte(b.String())
}
