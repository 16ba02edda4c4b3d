//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runCalc runs regelgids calc with stdin, and fails the test when it takes
// longer than 5 seconds or more than 500 MB of memory.
func runCalc(t *testing.T, stdin io.Reader, args ...string) (string, string, int) {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], append([]string{"calc"}, args...)...)
	cmd.Env = append(os.Environ(), "REGELGIDS_AS_MAIN=1")
	cmd.Stdin = stdin
	var stdout, stderr bytes.Buffer
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	start := time.Now()
	err := cmd.Run()
	if ctx.Err() != nil {
		t.Fatalf("calc %v: still running after %v", args, time.Since(start))
	}
	code := 0
	var ee *exec.ExitError
	if errors.As(err, &ee) {
		code = ee.ExitCode()
	} else if err != nil {
		t.Fatal(err)
	}
	if ru, ok := cmd.ProcessState.SysUsage().(*syscall.Rusage); ok {
		rss := int64(ru.Maxrss) * 1024 // kilobytes on Linux
		if runtime.GOOS == "darwin" {
			rss = int64(ru.Maxrss) // bytes on macOS
		}
		if rss > 500<<20 {
			t.Errorf("calc %v used %d MB", args, rss>>20)
		}
	}
	return stdout.String(), stderr.String(), code
}

// TestCalcHostileFiles: calc reads only a regular file, or standard input,
// and at most 1 MB of either; anything else is refused by name, quickly.
func TestCalcHostileFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.json")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Fatal(err)
	}
	link := filepath.Join(dir, "zero.json")
	if err := os.Symlink("/dev/zero", link); err != nil {
		t.Fatal(err)
	}
	valid := `{"date": "2025-03-01", "age": 40, "months_on_benefit": 40, "exit": "full"}`
	big := filepath.Join(dir, "big.json")
	os.WriteFile(big, []byte(valid+strings.Repeat(" ", 1<<20-len(valid)+1)), 0o644)
	limit := filepath.Join(dir, "limit.json")
	os.WriteFile(limit, []byte(valid+strings.Repeat(" ", 1<<20-len(valid))), 0o644)

	for _, tc := range []struct {
		name, input string
		stdin       func() io.Reader
		code        int
		stderr      string // the whole of stderr
	}{
		{"device", "/dev/zero", nil, 1, "regelgids: /dev/zero: not a regular file\n"},
		{"FIFO", fifo, nil, 1, "regelgids: " + fifo + ": not a regular file\n"},
		{"symlink to a device", link, nil, 1, "regelgids: " + link + ": not a regular file\n"},
		{"directory", dir, nil, 1, "regelgids: " + dir + ": not a regular file\n"},
		{"missing file", filepath.Join(dir, "nope.json"), nil, 1, "regelgids: " + filepath.Join(dir, "nope.json") + ": no such file or directory\n"},
		{"over 1 MB", big, nil, 1, "regelgids: " + big + ": larger than 1 MB, the limit for calculator input\n"},
		{"exactly 1 MB", limit, nil, 0, ""},
		{"endless standard input", "-", func() io.Reader {
			f, err := os.Open("/dev/zero")
			if err != nil {
				t.Fatal(err)
			}
			t.Cleanup(func() { f.Close() })
			return f
		}, 1, "regelgids: -: standard input is larger than 1 MB, the limit for calculator input\n"},
		{"standard input", "-", func() io.Reader { return strings.NewReader(valid) }, 0, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			var stdin io.Reader
			if tc.stdin != nil {
				stdin = tc.stdin()
			}
			_, stderr, code := runCalc(t, stdin, "uitstroompremie", "--input", tc.input)
			if code != tc.code || stderr != tc.stderr {
				t.Errorf("exit %d, stderr %q; want %d, %q", code, stderr, tc.code, tc.stderr)
			}
		})
	}
}

// TestCalcHostileInput: a wrong input gives exit status 1 and one line on
// stderr, "regelgids: FILE: ongeldige invoer: FIELD: message", that names
// each wrong field, says what to write, and never echoes a long input.
func TestCalcHostileInput(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	long := strings.Repeat("9", 500_000)
	for _, tc := range []struct {
		name, input string
		code        int
		stderr      string // the part after "regelgids: FILE: "
	}{
		{"leading zero", `{"date":"2025-03-01","age":035,"months_on_benefit":40,"exit":"full"}`, 1,
			"ongeldige invoer: age: 035 begint met een 0; schrijf 35"},
		{"English: leading zero", `{"lang":"en","date":"2025-03-01","age":035,"months_on_benefit":40,"exit":"full"}`, 1,
			"invalid input: age: 035 starts with a 0; write 35"},
		{"exponents", `{"date":"2025-03-01","age":1e308,"months_on_benefit":2.4e1,"exit":"full"}`, 1,
			"ongeldige invoer: age: 1e308 is geschreven met een e; schrijf een heel getal, zoals 12; months_on_benefit: 2.4e1 is geschreven met een e; schrijf 24"},
		{"BOM (Windows Notepad) is accepted", "\uFEFF" + `{"date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"full"}`, 0, ""},
		{"far future", `{"date":"9999-12-31","age":35,"months_on_benefit":40,"exit":"full"}`, 1,
			"ongeldige invoer: date: ligt na 2027; voor die datum zijn de bedragen nog niet bekend. Kies een datum tot en met 31 december 2027"},
		{"English: money bound", `{"lang":"en","date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"partial","monthly_income":"1000000.01"}`, 1,
			"invalid input: monthly_income: is more than €1,000,000.00 a month; that cannot be right"},
		{"trailing comma, and the other faults", "{\"date\":\"2025-03-01\",\n\"age\":35,\n}", 1,
			"ongeldige invoer: regel 2, teken 9: na de laatste waarde mag geen komma staan; haal de komma weg; months_on_benefit: ontbreekt; exit: ontbreekt"},
		{"long field", `{"date":"2025-03-01","age":35,"months_on_benefit":40,"exit":"partial","monthly_income":"` + long + `"}`, 1,
			"ongeldige invoer: monthly_income: Vul een bedrag in, bijvoorbeeld 1.250,50"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			in := filepath.Join(dir, "in.json")
			if err := os.WriteFile(in, []byte(tc.input), 0o644); err != nil {
				t.Fatal(err)
			}
			stdout, stderr, code := runCalc(t, nil, "uitstroompremie", "--input", in)
			if code != tc.code {
				t.Errorf("exit %d, want %d; stderr %.300s", code, tc.code, stderr)
			}
			if tc.code == 0 {
				if !strings.Contains(stdout, "uitstroompremie: ") {
					t.Errorf("stdout %q", stdout)
				}
				return
			}
			if want := "regelgids: " + in + ": " + tc.stderr + "\n"; stderr != want {
				t.Errorf("stderr\n got %.400q\nwant %q", stderr, want)
			}
		})
	}
}
