package e2e

import (
	"context"
	"fmt"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"

	"github.com/regelgids/regelgids/content"
	"github.com/regelgids/regelgids/site"
	"github.com/regelgids/regelgids/templates"
)

// Lighthouse's mobile profile: a mid-range phone on a slow 4G line.
const (
	mobileRTT        = 150 * time.Millisecond
	mobileDownload   = 1.6 * 1024 * 1024 / 8 // 1.6 Mbit/s in bytes per second
	mobileUpload     = 750 * 1024 / 8
	mobileCPUSlowing = 4
	// fillIn is how long the resident reads and fills in the form before
	// pressing Bereken, from the start of the page load.
	fillIn = 10 * time.Second
)

// mobileFigures is what a resident on the mobile profile gets on the
// uitstroompremie calculator.
type mobileFigures struct {
	Wait        time.Duration // from pressing Bereken to the answer on screen
	FirstAnswer time.Duration // from opening the page to the answer
	Bytes       int64         // over the wire (encoded), page and everything it loaded
	ModuleBytes int64         // of which the module
	ModuleCode  string        // the module's Content-Encoding
	CLS         float64       // layout shifts until Bereken (what Lighthouse measures)
	Verdict     string        // the answer shown
}

func (f mobileFigures) String() string {
	return fmt.Sprintf("wait after Bereken %v, answer %v after opening the page, %.0f KB over the wire (module %.0f KB, %s), CLS %.3f",
		f.Wait.Round(time.Millisecond), f.FirstAnswer.Round(time.Millisecond), float64(f.Bytes)/1024, float64(f.ModuleBytes)/1024, f.ModuleCode, f.CLS)
}

// clsScript sums the layout shifts not caused by input so far, as
// Lighthouse does for CLS.
const clsScript = `new Promise((done) => {
  let cls = 0;
  new PerformanceObserver((list) => { for (const e of list.getEntries()) if (!e.hadRecentInput) cls += e.value; })
    .observe({type: "layout-shift", buffered: true});
  setTimeout(() => done(cls), 50);
})`

// answerScript presses Bereken the way a finger does (a click on the
// button) and resolves with the milliseconds until the answer is shown.
const answerScript = `new Promise((done) => {
  const out = document.getElementById("uitkomst");
  const btn = document.querySelector("#rekenhulp button[type=submit]");
  const seen = () => out.querySelector(".rg-result__verdict");
  const t0 = performance.now();
  const obs = new MutationObserver(() => { if (seen()) { obs.disconnect(); done(performance.now() - t0); } });
  obs.observe(out, {childList: true, subtree: true});
  btn.click();
})`

// measureMobile opens the uitstroompremie calculator on the mobile profile
// in a fresh browser (nothing cached), fills it in for fillIn as a resident
// would, presses Bereken and measures.
func measureMobile(t testing.TB, b *browser, base string) mobileFigures {
	t.Helper()
	var (
		mu    sync.Mutex
		bytes = map[network.RequestID]int64{}
		urls  = map[network.RequestID]string{}
		codes = map[network.RequestID]string{}
	)
	chromedp.ListenTarget(b.ctx, func(ev any) {
		mu.Lock()
		defer mu.Unlock()
		switch ev := ev.(type) {
		case *network.EventResponseReceived:
			urls[ev.RequestID] = ev.Response.URL
			for k, v := range ev.Response.Headers {
				if strings.EqualFold(k, "Content-Encoding") {
					codes[ev.RequestID] = fmt.Sprint(v)
				}
			}
		case *network.EventLoadingFinished:
			bytes[ev.RequestID] = int64(ev.EncodedDataLength)
		}
	})
	var f mobileFigures
	var waitMS float64
	start := time.Now()
	err := chromedp.Run(b.ctx,
		network.Enable(),
		network.SetCacheDisabled(true),
		network.EmulateNetworkConditions(false, float64(mobileRTT.Milliseconds()), mobileDownload, mobileUpload).
			WithConnectionType(network.ConnectionTypeCellular4g),
		emulation.SetCPUThrottlingRate(mobileCPUSlowing),
		emulation.SetDeviceMetricsOverride(412, 823, 1.75, true),
		chromedp.ActionFunc(func(context.Context) error { start = time.Now(); return nil }),
		chromedp.Navigate(base+"/rekenhulp/uitstroompremie/"),
		chromedp.WaitVisible("#in-age", chromedp.ByID),
		// Reading the introduction and the first question.
		chromedp.Sleep(3*time.Second),
		chromedp.Click("#in-age", chromedp.ByID),
		chromedp.SendKeys("#in-age", "40", chromedp.ByID),
		chromedp.Sleep(2*time.Second),
		chromedp.Click("#in-months_on_benefit", chromedp.ByID),
		chromedp.SendKeys("#in-months_on_benefit", "40", chromedp.ByID),
		chromedp.Sleep(2*time.Second),
		chromedp.Click("#in-exit", chromedp.ByID),
		chromedp.Evaluate(clsScript, &f.CLS, awaitPromise),
		chromedp.ActionFunc(func(ctx context.Context) error {
			// Bereken after fillIn from opening the page.
			select {
			case <-time.After(fillIn - time.Since(start)):
			case <-ctx.Done():
				return ctx.Err()
			}
			return nil
		}),
		chromedp.Evaluate(answerScript, &waitMS, awaitPromise),
		chromedp.ActionFunc(func(context.Context) error { f.FirstAnswer = time.Since(start); return nil }),
		chromedp.Text(".rg-result__verdict", &f.Verdict, chromedp.ByQuery),
		// Let the last loads report their sizes.
		chromedp.Sleep(300*time.Millisecond),
	)
	if err != nil {
		t.Fatal(err)
	}
	f.Wait = time.Duration(waitMS * float64(time.Millisecond))
	mu.Lock()
	defer mu.Unlock()
	for id, n := range bytes {
		f.Bytes += n
		if strings.HasSuffix(urls[id], ".wasm") {
			f.ModuleBytes, f.ModuleCode = n, codes[id]
		}
	}
	return f
}

// TestCalculatorMobile: on Lighthouse's mobile profile a resident who
// fills in the uitstroompremie form for ten seconds gets an answer after
// pressing Bereken, and nothing on the page moves while it loads (CLS 0).
// The times and bytes are logged, not asserted: BenchmarkCalculatorMobile
// reports them.
func TestCalculatorMobile(t *testing.T) {
	t.Parallel()
	base := serveSite(t)
	b := newBrowser(t)
	f := measureMobile(t, b, base)
	t.Logf("mobile profile (%v RTT, 1.6 Mbit/s, CPU %d× slower): %v", mobileRTT, mobileCPUSlowing, f)
	// Forty, forty months on benefit, a full-time job: the premium.
	if f.Verdict != "U krijgt waarschijnlijk een uitstroompremie." {
		t.Errorf("answer %q, want the premium", f.Verdict)
	}
	if f.CLS != 0 {
		t.Errorf("CLS %.3f while the page loads and the form is filled in, want 0", f.CLS)
	}
	if f.ModuleBytes == 0 {
		t.Error("the module was not loaded")
	}
	b.checkErrors(t, "")
}

// BenchmarkCalculatorMobile reports what TestCalculatorMobile logs, as
// metrics, each run in a fresh browser with nothing cached:
//
//	go test ./site/e2e -run '^$' -bench CalculatorMobile -benchtime 3x
func BenchmarkCalculatorMobile(bm *testing.B) {
	dir := bm.TempDir()
	out := filepath.Join(dir, "public")
	if _, err := site.Build(site.Options{Content: content.Default(), Templates: templates.Default(), Out: out, Date: testDate}); err != nil {
		bm.Fatal(err)
	}
	srv := httptest.NewServer(site.NewHandler(out))
	defer srv.Close()
	exe := ""
	for _, p := range []string{os.Getenv("CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"} {
		if _, err := os.Stat(p); p != "" && err == nil {
			exe = p
			break
		}
	}
	if exe == "" {
		bm.Fatal("Chromium is not installed (apt-get install chromium)")
	}
	for bm.Loop() {
		opts := append(chromedp.DefaultExecAllocatorOptions[:], chromedp.ExecPath(exe), chromedp.NoSandbox,
			chromedp.Flag("disable-gpu", true), chromedp.UserDataDir(filepath.Join(bm.TempDir(), "profile")))
		alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), opts...)
		ctx, cancelCtx := chromedp.NewContext(alloc)
		ctx, cancelTimeout := context.WithTimeout(ctx, 2*time.Minute)
		f := measureMobile(bm, &browser{ctx: ctx}, srv.URL)
		chromedp.Cancel(ctx)
		cancelTimeout()
		cancelCtx()
		cancelAlloc()
		bm.Logf("%v", f)
		bm.ReportMetric(float64(f.Wait.Milliseconds()), "ms-after-Bereken")
		bm.ReportMetric(float64(f.FirstAnswer.Milliseconds()), "ms-from-open")
		bm.ReportMetric(float64(f.Bytes)/1024, "KB-over-wire")
		bm.ReportMetric(float64(f.ModuleBytes)/1024, "KB-module")
		bm.ReportMetric(f.CLS, "CLS")
	}
}
