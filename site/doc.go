// Package site is the generator: it derives what the pages show from a
// loaded project (package project), renders it with html/template into a
// set of files, and writes them atomically (build), or serves them.
package site
