package e2e

import (
	"context"
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"

	"github.com/regelgids/regelgids/calculators"
)

// speechStub replaces the browser's speech synthesis before the page's
// scripts run: headless Chromium may have no voices, and a test must not
// depend on the machine's. VOICES are the voices it offers; they arrive
// 50 ms after the page starts, with a "voiceschanged" event, as in Chrome.
// An utterance is spoken until the test calls __finishUtterance() or the
// page cancels; __lateEnd() then reports the end of the last cancelled one
// late, as some browsers do. window.__speech records what the page asked
// for.
const speechStub = `(() => {
  const voices = VOICES;
  const listeners = [];
  let loaded = false, queue = [];
  const log = window.__speech = {spoken: [], voices: [], cancelled: 0, paused: 0, resumed: 0};
  const synth = {
    speaking: false, pending: false, paused: false,
    getVoices() { return loaded ? voices.slice() : []; },
    addEventListener(type, fn) { if (type === "voiceschanged") listeners.push(fn); },
    removeEventListener(type, fn) { const i = listeners.indexOf(fn); if (i >= 0) listeners.splice(i, 1); },
    speak(u) {
      log.spoken.push(u.text);
      log.voices.push(u.lang + " " + (u.voice ? u.voice.name : ""));
      queue.push(u);
      if (!synth.speaking) next();
    },
    cancel() {
      log.cancelled++;
      const q = queue; queue = []; synth.speaking = false;
      q.forEach(u => u.onerror && u.onerror({error: "interrupted"}));
      if (q.length) window.__lateEnd = () => { const u = q[q.length - 1]; if (u.onend) u.onend({}); };
    },
    pause() { log.paused++; synth.paused = true; },
    resume() { log.resumed++; synth.paused = false; },
  };
  function next() {
    const u = queue[0];
    synth.speaking = !!u;
    if (u && u.onstart) u.onstart({});
  }
  window.__finishUtterance = () => { const u = queue.shift(); if (u && u.onend) u.onend({}); next(); };
  Object.defineProperty(window, "speechSynthesis", {value: synth, configurable: true});
  window.SpeechSynthesisUtterance = function (text) { this.text = text; this.lang = ""; this.voice = null; };
  setTimeout(() => { loaded = true; listeners.slice().forEach(fn => fn({type: "voiceschanged"})); }, DELAY);
})();`

// stubVoices installs speechStub with the given voices, arriving after
// 50 ms, for every page the browser opens from now on.
func stubVoices(t *testing.T, b *browser, voices ...string) { stubVoicesAfter(t, b, 50, voices...) }

func stubVoicesAfter(t *testing.T, b *browser, delayMS int, voices ...string) {
	t.Helper()
	var list []map[string]any
	for _, v := range voices {
		name, lang, _ := strings.Cut(v, "|")
		list = append(list, map[string]any{"name": name, "lang": lang, "voiceURI": name, "localService": true, "default": false})
	}
	js, err := json.Marshal(list)
	if err != nil {
		t.Fatal(err)
	}
	if list == nil {
		js = []byte("[]")
	}
	b.run(t, chromedp.ActionFunc(func(ctx context.Context) error {
		src := strings.NewReplacer("VOICES", string(js), "DELAY", strconv.Itoa(delayMS)).Replace(speechStub)
		_, err := page.AddScriptToEvaluateOnNewDocument(src).Do(ctx)
		return err
	}))
}

type speechLog struct {
	Spoken    []string
	Voices    []string
	Cancelled int
	Paused    int
	Resumed   int
}

func (b *browser) speech(t *testing.T) speechLog {
	t.Helper()
	var l speechLog
	b.run(t, chromedp.Evaluate(`window.__speech`, &l))
	return l
}

// buttons counts the read-aloud controls on the page, after the voices
// had time to arrive.
func (b *browser) readAloudButtons(t *testing.T, url string) int {
	t.Helper()
	var n int
	b.run(t, chromedp.Navigate(url), chromedp.WaitReady("body"), chromedp.Sleep(400*time.Millisecond),
		chromedp.Evaluate(`document.querySelectorAll(".rg-voorlezen__start").length`, &n))
	return n
}

// TestReadAloudWithoutVoice: without a voice for the page's language there
// is no button: not in headless Chromium as it is (which may have no
// voices at all), not with a browser that has no voices, and not on the
// English page of a browser with only a Dutch voice.
func TestReadAloudWithoutVoice(t *testing.T) {
	t.Parallel()
	base := serveSite(t)

	real := newBrowser(t)
	var voices int
	real.run(t, chromedp.Navigate(base+"/voorzieningen/uitstroompremie/"), chromedp.WaitReady("body"), chromedp.Sleep(400*time.Millisecond),
		chromedp.Evaluate(`speechSynthesis.getVoices().filter(v => v.lang.toLowerCase().startsWith("nl")).length`, &voices))
	if n := real.readAloudButtons(t, base+"/voorzieningen/uitstroompremie/"); voices == 0 && n != 0 {
		t.Errorf("headless Chromium without a Dutch voice shows %d read-aloud controls", n)
	} else if voices > 0 && n != 1 {
		t.Errorf("headless Chromium has %d Dutch voices but shows %d read-aloud controls", voices, n)
	}

	none := newBrowser(t)
	stubVoices(t, none)
	for _, path := range []string{"/voorzieningen/uitstroompremie/", "/en/voorzieningen/uitstroompremie/"} {
		if n := none.readAloudButtons(t, base+path); n != 0 {
			t.Errorf("%s without voices: %d read-aloud controls", path, n)
		}
	}

	dutch := newBrowser(t)
	stubVoices(t, dutch, "Stub Nederlands|nl-NL")
	if n := dutch.readAloudButtons(t, base+"/en/voorzieningen/uitstroompremie/"); n != 0 {
		t.Errorf("English page with only a Dutch voice: %d read-aloud controls", n)
	}
	if n := dutch.readAloudButtons(t, base+"/voorzieningen/uitstroompremie/"); n != 1 {
		t.Errorf("Dutch page with a Dutch voice: %d read-aloud controls, want 1", n)
	}
	for _, br := range []*browser{real, none, dutch} {
		br.checkErrors(t, "")
	}
}

// TestReadAloud: with voices, a guide has the button under "Who it is
// for"; it reads the guide's text block by block in a voice of the page's
// language, marks the block being read, pauses, continues and stops, and
// says so in its label and a status line. A calculator's outcome gets the
// button too and reads the outcome. axe-core finds nothing with the button
// shown.
func TestReadAloud(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	axe := axeSource(t)
	stubVoices(t, b, "Stub English|en-GB", "Stub Nederlands|nl-NL", "Stub Vlaams|nl-BE")

	cases := []struct {
		lang, path, voice                            string
		start, stop, pause, resume, playing, stopped string
	}{
		{"nl", "/voorzieningen/uitstroompremie/", "nl-NL Stub Nederlands", "Lees voor", "Stop met voorlezen", "Pauzeer", "Ga verder", "De tekst wordt voorgelezen.", "Voorlezen gestopt."},
		{"en", "/en/voorzieningen/uitstroompremie/", "en-GB Stub English", "Read aloud", "Stop reading aloud", "Pause", "Continue", "Reading the text aloud.", "Stopped reading aloud."},
	}
	for _, c := range cases {
		var label, after, title, firstSection string
		b.run(t, chromedp.Navigate(base+c.path), chromedp.WaitVisible(".rg-voorlezen__start", chromedp.ByQuery),
			chromedp.Evaluate(words(".rg-voorlezen__start"), &label),
			chromedp.Evaluate(`document.querySelector(".rg-voorlezen").previousElementSibling.className`, &after),
			chromedp.Text("h1", &title, chromedp.ByQuery),
			chromedp.Text("#wat-is-het + p", &firstSection, chromedp.ByQuery))
		if label != c.start || !strings.Contains(after, "rg-audience") {
			t.Errorf("%s: button %q after %q, want %q after the audience box", c.path, label, after, c.start)
		}
		checkAxe(t, b, axe, c.path+" with the read-aloud button")

		// Read: every block in the page's voice, the title first.
		var status, marked string
		var pauseHidden bool
		b.run(t, chromedp.Click(".rg-voorlezen__start", chromedp.ByQuery),
			chromedp.Evaluate(words(".rg-voorlezen__start"), &label),
			chromedp.Evaluate(`document.querySelector(".rg-voorlezen [role=status]").textContent`, &status),
			chromedp.Evaluate(`document.querySelector(".rg-voorlezen__pause").hidden`, &pauseHidden),
			chromedp.Evaluate(`document.querySelector(".rg-voorlezen__now").textContent`, &marked))
		s := b.speech(t)
		if len(s.Spoken) < 10 || s.Spoken[0] != title || !contains(s.Spoken, strings.Join(strings.Fields(firstSection), " ")) {
			t.Errorf("%s: spoken %d blocks, first %q, want the title %q first and the first section %q", c.path, len(s.Spoken), first(s.Spoken), title, firstSection)
		}
		for i, v := range s.Voices {
			if v != c.voice {
				t.Errorf("%s: block %d in voice %q, want %q", c.path, i, v, c.voice)
				break
			}
		}
		for _, sp := range s.Spoken {
			if sp == c.start || strings.Contains(sp, c.stop) {
				t.Errorf("%s: reads its own button: %q", c.path, sp)
			}
		}
		if label != c.stop || status != c.playing || pauseHidden || marked != title {
			t.Errorf("%s while reading: button %q, status %q, pause hidden %v, marked %q", c.path, label, status, pauseHidden, marked)
		}
		checkAxe(t, b, axe, c.path+" while reading")

		// Pause and continue; the next block is marked when it starts.
		var pauseLabel, pressed string
		b.run(t, chromedp.Click(".rg-voorlezen__pause", chromedp.ByQuery),
			chromedp.Evaluate(words(".rg-voorlezen__pause"), &pauseLabel),
			chromedp.AttributeValue(".rg-voorlezen__pause", "aria-pressed", &pressed, nil, chromedp.ByQuery))
		if pauseLabel != c.resume || pressed != "true" || b.speech(t).Paused != 1 {
			t.Errorf("%s paused: %q aria-pressed %q, %+v", c.path, pauseLabel, pressed, b.speech(t))
		}
		b.run(t, chromedp.Click(".rg-voorlezen__pause", chromedp.ByQuery),
			chromedp.Evaluate(words(".rg-voorlezen__pause"), &pauseLabel),
			chromedp.Evaluate(`window.__finishUtterance()`, nil),
			chromedp.Evaluate(`document.querySelector(".rg-voorlezen__now").textContent`, &marked))
		if pauseLabel != c.pause || b.speech(t).Resumed != 1 || marked != s.Spoken[1] {
			t.Errorf("%s continued: %q, marked %q, want %q", c.path, pauseLabel, marked, s.Spoken[1])
		}
		var png []byte
		b.run(t, chromedp.CaptureScreenshot(&png))
		if err := os.WriteFile(filepath.Join(shotDir(t), "voorlezen-"+c.lang+"-guide-reading-1280.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}

		// Stop.
		var marks int
		b.run(t, chromedp.Click(".rg-voorlezen__start", chromedp.ByQuery),
			chromedp.Evaluate(words(".rg-voorlezen__start"), &label),
			chromedp.Evaluate(`document.querySelector(".rg-voorlezen [role=status]").textContent`, &status),
			chromedp.Evaluate(`document.querySelector(".rg-voorlezen__pause").hidden`, &pauseHidden),
			chromedp.Evaluate(`document.querySelectorAll(".rg-voorlezen__now").length`, &marks))
		if label != c.start || status != c.stopped || !pauseHidden || marks != 0 || b.speech(t).Cancelled < 2 {
			t.Errorf("%s stopped: button %q, status %q, pause hidden %v, %d marked, %+v", c.path, label, status, pauseHidden, marks, b.speech(t))
		}

		// Read again: a late end of the stopped reading does not stop it.
		b.run(t, chromedp.Click(".rg-voorlezen__start", chromedp.ByQuery),
			chromedp.Evaluate(`window.__lateEnd()`, nil),
			chromedp.Evaluate(words(".rg-voorlezen__start"), &label))
		if label != c.stop {
			t.Errorf("%s read again: a late end of the stopped reading left the button %q", c.path, label)
		}
		b.run(t, chromedp.Click(".rg-voorlezen__start", chromedp.ByQuery), chromedp.Evaluate(words(".rg-voorlezen__start"), &label))
		if label != c.start {
			t.Errorf("%s stopped again: button %q", c.path, label)
		}
	}

	// A calculator's outcome.
	var input map[string]any
	if err := json.Unmarshal(calculators.Examples("uitstroompremie")[0].Input, &input); err != nil {
		t.Fatal(err)
	}
	actions := []chromedp.Action{chromedp.Navigate(base + "/en/rekenhulp/uitstroompremie/"), chromedp.WaitVisible("#rekenhulp", chromedp.ByID)}
	for _, f := range fieldsOf(input) {
		actions = append(actions, fill(f.name, f.value)...)
	}
	var before int
	var verdict, heading string
	actions = append(actions,
		chromedp.Sleep(300*time.Millisecond),
		chromedp.Evaluate(`document.querySelectorAll(".rg-voorlezen").length`, &before),
		chromedp.Click("#rekenhulp button[type=submit]", chromedp.ByQuery),
		chromedp.WaitVisible("#uitkomst .rg-voorlezen__start", chromedp.ByQuery),
		chromedp.Text("#uitkomst-titel", &heading, chromedp.ByID),
		chromedp.Text("#uitkomst .rg-result__verdict", &verdict, chromedp.ByQuery),
		chromedp.Click("#uitkomst .rg-voorlezen__start", chromedp.ByQuery))
	b.run(t, actions...)
	s := b.speech(t)
	if before != 0 || len(s.Spoken) < 3 || s.Spoken[0] != heading || !contains(s.Spoken, verdict) {
		t.Errorf("calculator: %d controls before the outcome; spoken %q, want %q and %q", before, s.Spoken, heading, verdict)
	}
	checkAxe(t, b, axe, "/en/rekenhulp/uitstroompremie/ with an outcome read aloud")
	b.checkErrors(t, "")
}

// TestReadAloudScreenshot: the English guide at 360 px with the button,
// for review (REGELGIDS_SCREENSHOTS or a temporary folder), and what its
// appearing does to the layout: the button pushes the text below it down,
// which counts as a layout shift only where the voices arrive after the
// page was drawn. Whether they come at once or 1.5 s late, the cumulative
// layout shift stays under 0.1, the threshold of a good page.
func TestReadAloudScreenshot(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	const cls = `new Promise(r => {
	  new PerformanceObserver(l => r(l.getEntries().reduce((s, e) => s + (e.hadRecentInput ? 0 : e.value), 0))).observe({type: "layout-shift", buffered: true});
	  setTimeout(() => r(0), 500); // no shift at all: no entries
	})`
	for _, delay := range []int{50, 1500} {
		b := newBrowser(t)
		stubVoicesAfter(t, b, delay, "Stub English|en-GB")
		var png []byte
		var scrollWidth int64
		var shift float64
		b.run(t, emulation.SetDeviceMetricsOverride(360, 800, 1, true),
			chromedp.Navigate(base+"/en/voorzieningen/uitstroompremie/"), chromedp.WaitVisible(".rg-voorlezen__start", chromedp.ByQuery),
			chromedp.Evaluate(`document.documentElement.scrollWidth`, &scrollWidth),
			chromedp.Evaluate(cls, &shift, awaitPromise),
			chromedp.CaptureScreenshot(&png))
		t.Logf("voices after %d ms: cumulative layout shift %.3f", delay, shift)
		if shift >= 0.1 {
			t.Errorf("voices after %d ms: cumulative layout shift %.3f, want < 0.1", delay, shift)
		}
		if scrollWidth > 360 {
			t.Errorf("the guide with the button is %d px wide at 360 px", scrollWidth)
		}
		if delay != 50 {
			continue
		}
		file := filepath.Join(shotDir(t), "voorlezen-en-guide-360.png")
		if err := os.WriteFile(file, png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("screenshot: %s", file)
	}
}

// words is a script giving a button's words without its aria-hidden
// symbol: what a screen reader says.
func words(selector string) string {
	return `(() => { const b = document.querySelector(` + jsString(selector) + `).cloneNode(true);
	  b.querySelectorAll("[aria-hidden=true]").forEach(e => e.remove()); return b.textContent.trim(); })()`
}

type fieldValue struct {
	name  string
	value any
}

// fieldsOf lists an example's input in a fixed order, without the date
// (the form starts with the site's date).
func fieldsOf(input map[string]any) []fieldValue {
	var out []fieldValue
	for _, k := range sortedKeys(input) {
		if k != "date" {
			out = append(out, fieldValue{k, input[k]})
		}
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func first(list []string) string {
	if len(list) == 0 {
		return ""
	}
	return list[0]
}
