// Runs zoeken-engine.js under Node.js for the Go tests: one JSON request per
// line on stdin, one JSON answer per line on stdout.
"use strict";
const fs = require("fs");
const readline = require("readline");
const engine = require(process.argv[2]);
const indexes = {};

function time(f) {
  const t = process.hrtime.bigint();
  const v = f();
  return [v, Number(process.hrtime.bigint() - t) / 1e6];
}

const ops = {
  load(r) {
    const raw = fs.readFileSync(r.path, "utf8");
    const [ix, ms] = time(() => engine.load(JSON.parse(raw)));
    indexes[r.lang] = ix;
    return { ms, docs: ix.docs.length, words: ix.words.length };
  },
  analyze(r) {
    const ix = indexes[r.lang];
    return r.texts.map((t) => ix.analyze(t));
  },
  fieldTerms(r) {
    const ix = indexes[r.lang];
    const names = ix.fields.map((f) => f[0]);
    const sets = names.map(() => new Set());
    ix.postings.forEach((p, t) => p.forEach((x) => sets[x[1]].add(t)));
    const out = {};
    names.forEach((n, i) => { out[n] = Array.from(sets[i]).sort(); });
    return out;
  },
  tokenize(r) {
    return r.texts.map((t) => engine.tokenize(t).map((k) => engine.lower(k.text)));
  },
  query(r) {
    return r.queries.map((q) => indexes[r.lang].analyzeQuery(q));
  },
  search(r) {
    const ix = indexes[r.lang];
    return r.queries.map((q) => {
      const [res, ms] = time(() => ix.search(q, r.n));
      return {
        ms,
        results: res.map((x) => ({
          url: x.url, title: x.title, kind: x.kind, score: x.score,
          snippet: x.snippet.map((s) => (s.mark ? "<mark>" + esc(s.text) + "</mark>" : esc(s.text))).join(""),
        })),
      };
    });
  },
  // classes and lowercase of every code point, as runs
  classes() {
    const runs = [];
    let prev = -1;
    for (let cp = 0; cp <= 0x10ffff; cp++) {
      const c = engine.charClass(cp);
      if (c !== prev) runs.push([cp, c]);
      prev = c;
    }
    return runs;
  },
  lower(r) {
    return r.cps.map((cp) => engine.lower(String.fromCodePoint(cp)));
  },
};

function esc(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" })[c]);
}

const rl = readline.createInterface({ input: process.stdin, crlfDelay: Infinity });
rl.on("line", (line) => {
  let out;
  try {
    const r = JSON.parse(line);
    out = { ok: ops[r.op](r) };
  } catch (e) {
    out = { error: String(e && e.stack ? e.stack : e) };
  }
  process.stdout.write(JSON.stringify(out) + "\n");
});
