#!/usr/bin/env bash
# Lighthouse (npm lighthouse@12.2.3, mobile profile: 150 ms RTT, 1.6 Mbit/s,
# CPU 4x slower) against `regelgids serve` on eight pages: home (nl, en), a
# guide, a calculator, an article, a search, "Wat past bij mij?" and "Wat
# verandert er?". Prints one line per page with the four category scores
# and the audits that did not pass; the JSON reports stay in $OUT. A
# measurement, not a test: CI does not run it.
#
#   scripts/lighthouse.sh            # builds, serves on a random port, measures
#   RUNS=3 scripts/lighthouse.sh     # three runs a page, median scores
set -euo pipefail
cd "$(dirname "$0")/.."
npm_prefix="${XDG_CACHE_HOME:-${HOME:-/tmp}/.cache}/regelgids/npm"
if [ ! -x "$npm_prefix/node_modules/.bin/lighthouse" ]; then
  npm install --no-audit --no-fund --prefix "$npm_prefix" lighthouse@12.2.3 >/dev/null
fi
OUT="${OUT:-$(mktemp -d /tmp/regelgids-lighthouse.XXXXXX)}"
port="${PORT:-18$((RANDOM % 900 + 100))}"
go build -o "$OUT/regelgids" ./cmd/regelgids
"$OUT/regelgids" serve --addr "127.0.0.1:$port" >"$OUT/serve.log" 2>&1 &
server=$!
trap 'kill $server 2>/dev/null || true' EXIT
for _ in $(seq 1 600); do
  curl -fsS -o /dev/null "http://127.0.0.1:$port/" 2>/dev/null && break
  sleep 0.2
done
# A first serve on a machine serves the pages while it compiles the
# calculators (the calculator pages then say their form is coming):
# measure the pages as they are once the module is there.
if grep -q "compiling the calculators" "$OUT/serve.log"; then
  echo "waiting for serve to compile the calculators (first time only)…" >&2
  until grep -q "^rebuilt\|could not be compiled" "$OUT/serve.log"; do
    kill -0 $server 2>/dev/null || { cat "$OUT/serve.log" >&2; exit 1; }
    sleep 1
  done
fi
# PAGES="/ /en/" measures only those; RUNS=3 measures each page three times
# and prints the median score per category.
default_pages='/ /en/ /voorzieningen/uitstroompremie/ /rekenhulp/uitstroompremie/ /artikel/17/ /zoeken/?q=premie+als+ik+ga+werken /wat-past-bij-mij/ /wijzigingen/'
read -r -a pages <<<"${PAGES:-$default_pages}"
runs="${RUNS:-1}"
export CHROME_PATH="${CHROMIUM:-/usr/bin/chromium}"
for page in "${pages[@]}"; do
  name=$(echo "$page" | tr -c 'a-z0-9\n' '-' | sed 's/^-*//;s/-*$//'); name=${name:-home}
  reports=()
  for run in $(seq 1 "$runs"); do
    report="$OUT/$name.$run.json"
    "$npm_prefix/node_modules/.bin/lighthouse" "http://127.0.0.1:$port$page" \
      --quiet --output=json --output-path="$report" \
      --chrome-flags="--headless=new --no-sandbox --disable-gpu --disable-quic --no-first-run --disable-background-networking --disable-component-update --disable-sync" \
      --only-categories=performance,accessibility,best-practices,seo >/dev/null 2>"$OUT/$name.$run.err" ||
      { echo "$page: lighthouse run $run failed, see $OUT/$name.$run.err"; continue; }
    reports+=("$report")
  done
  [ ${#reports[@]} -gt 0 ] || continue
  # One line per page: the median of each category over the runs, the
  # per-run performance scores, and the failing audits of every run.
  node -e '
    const [page, ...files] = process.argv.slice(1);
    const rs = files.map(f => require(f));
    const median = xs => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor((s.length - 1) / 2)]; };
    const score = (r, k) => Math.round(r.categories[k].score * 100);
    const cats = ["performance", "accessibility", "best-practices", "seo"];
    const short = { "performance": "perf", "accessibility": "a11y", "best-practices": "bp", "seo": "seo" };
    const num = id => median(rs.map(r => r.audits[id].numericValue));
    console.log(page.padEnd(40), ...cats.flatMap(k => [short[k], median(rs.map(r => score(r, k)))]),
      "| perf runs", rs.map(r => score(r, "performance")).join(","),
      "| LCP", Math.round(num("largest-contentful-paint")) + " ms", "CLS", num("cumulative-layout-shift").toFixed(3),
      "TBT", Math.round(num("total-blocking-time")) + " ms", "| bytes", Math.round(num("total-byte-weight") / 1024) + " KB");
    const failing = new Map();
    for (const r of rs) for (const k of cats) for (const ref of r.categories[k].auditRefs) {
      const x = r.audits[ref.id];
      if (ref.weight > 0 && x.score !== null && x.score < 1) {
        const key = k + " " + ref.id;
        failing.set(key, (failing.get(key) || []).concat(x.score + (x.displayValue ? " " + x.displayValue : "")));
      }
    }
    for (const [key, vs] of failing) console.log("   ", key, vs.join(" | "));
  ' "$page" "${reports[@]}"
done
echo "reports: $OUT"
