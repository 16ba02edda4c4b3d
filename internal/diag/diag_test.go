package diag

import (
	"errors"
	"fmt"
	"io/fs"
	"testing"
)

func TestString(t *testing.T) {
	tests := []struct {
		d    Diagnostic
		want string
	}{
		{Diagnostic{File: "a.txt", Line: 3, Message: "bad"}, "a.txt:3: bad"},
		{Diagnostic{File: "a.txt", Line: 3, Message: "odd", Warning: true}, "a.txt:3: warning: odd"},
		{Diagnostic{File: "content", Message: "no such folder"}, "content: no such folder"},
		{Diagnostic{File: "", Line: 2, Message: "x"}, ":2: x"},
	}
	for _, tt := range tests {
		if got := tt.d.String(); got != tt.want {
			t.Errorf("%+v.String() = %q, want %q", tt.d, got, tt.want)
		}
		if got := fmt.Sprint(tt.d); got != tt.want {
			t.Errorf("fmt.Sprint(%+v) = %q, want %q", tt.d, got, tt.want)
		}
		if got := (&tt.d).Error(); got != tt.want {
			t.Errorf("%+v.Error() = %q, want %q", tt.d, got, tt.want)
		}
	}
}

func TestListError(t *testing.T) {
	var l List
	if l.Err() != nil {
		t.Fatal("empty list: Err() != nil")
	}
	for i := 1; i <= 12; i++ {
		l.Errorf("f", i, "problem %d", i)
	}
	l.Warnf("f", 13, "odd")
	all := l.Error()
	if want := "f:1: problem 1\nf:2: problem 2"; all[:len(want)] != want {
		t.Errorf("Error() starts %q, want %q", all[:len(want)], want)
	}
	if want := "f:13: warning: odd"; all[len(all)-len(want):] != want {
		t.Errorf("Error() ends %q, want %q", all[len(all)-len(want):], want)
	}
	l.Max = 10
	got := l.Error()
	if want := "f:10: problem 10\n(and 3 more)"; got[len(got)-len(want):] != want {
		t.Errorf("Error() with Max 10 ends %q, want %q", got[len(got)-len(want):], want)
	}
	if n := l.Errors().Len(); n != 12 {
		t.Errorf("Errors() has %d, want 12", n)
	}
	if w := l.Warnings(); w.Len() != 1 || w.Max != 10 {
		t.Errorf("Warnings() = %+v, want one with Max 10", w)
	}
}

func TestSort(t *testing.T) {
	l := List{Diagnostics: []Diagnostic{
		{File: "b", Line: 1, Message: "x"},
		{File: "a", Line: 120, Message: "x"},
		{File: "a", Line: 13, Message: "y"},
		{File: "a", Line: 13, Message: "b"},
		{File: "a", Line: 0, Message: "whole file"},
	}}
	l.Sort()
	want := "a: whole file\na:13: b\na:13: y\na:120: x\nb:1: x"
	if got := l.Error(); got != want {
		t.Errorf("sorted:\n%s\nwant:\n%s", got, want)
	}
}

func TestErrorsAs(t *testing.T) {
	var l List
	l.Errorf("f", 1, "one")
	err := fmt.Errorf("loading: %w", l.Err())
	var got *List
	if !errors.As(err, &got) || got.Len() != 1 {
		t.Fatalf("errors.As(%v, *List) failed", err)
	}

	var e error = &Diagnostic{File: "f", Line: 1, Message: "file not found", Err: fs.ErrNotExist}
	var d *Diagnostic
	if !errors.As(e, &d) || d.File != "f" {
		t.Errorf("errors.As(*Diagnostic) failed")
	}
	if !errors.Is(e, fs.ErrNotExist) {
		t.Errorf("errors.Is(%v, fs.ErrNotExist) = false", e)
	}
}

func TestAppend(t *testing.T) {
	var inner List
	inner.Errorf("g", 2, "two")
	inner.Errorf("g", 3, "three")
	var l List
	l.Append("f", nil)
	l.Append("f", &inner)
	l.Append("f", &Diagnostic{File: "h", Line: 4, Message: "four"})
	l.Append("f", errors.New("plain"))
	want := "g:2: two\ng:3: three\nh:4: four\nf:1: plain"
	if got := l.Error(); got != want {
		t.Errorf("got:\n%s\nwant:\n%s", got, want)
	}
}
