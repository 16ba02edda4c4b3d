// Benchmark of the browser search against Pagefind under Node.js, on the
// same built site and the same query set. Run by TestCompareWithPagefind:
//   node bench.mjs SITE_DIR QUERIES_JSON [PAGEFIND_DIR]
// Prints one JSON object: per engine and language the bytes, latencies
// and hit@1/hit@3.
import fs from "fs";
import path from "path";
import zlib from "zlib";
import { createRequire } from "module";
import { pathToFileURL } from "url";

const [site, queriesFile, pagefindDir] = process.argv.slice(2);
const queries = JSON.parse(fs.readFileSync(queriesFile, "utf8"));
const SHOWN = 5; // results shown per query (Pagefind's default UI shows 5)
const REPEAT = 5; // timed runs per query, warm

const gz = (b) => zlib.gzipSync(b, { level: 9 }).length;
// bytes on the wire: text files compressed by the server, Pagefind's own
// files are compressed already
const wire = (file, b) => (/\.(pagefind|pf_index|pf_fragment|pf_meta|pf_filter)$/.test(file) ? b.length : gz(b));
const now = () => Number(process.hrtime.bigint()) / 1e6;
function stats(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const at = (p) => s[Math.min(s.length - 1, Math.ceil(p * s.length) - 1)];
  return { median: at(0.5), p95: at(0.95), n: s.length };
}
function hits(url, want) {
  if (want.includes("#")) return url === want;
  return url.split("#")[0] === want;
}
function score(urlLists, qs) {
  let h1 = 0, h3 = 0;
  urlLists.forEach((urls, i) => {
    const r = urls.findIndex((u) => hits(u, qs[i].want));
    if (r === 0) h1++;
    if (r >= 0 && r < 3) h3++;
  });
  return { hit1: h1 / qs.length, hit3: h3 / qs.length };
}
// every prefix of every query, as typed
const keystrokes = (qs) => qs.flatMap((x) => Array.from({ length: x.q.length }, (_, i) => x.q.slice(0, i + 1)));

async function regelgids(lang, qs) {
  const require = createRequire(import.meta.url);
  const engine = require(path.join(site, "js/zoeken-engine.js"));
  const files = ["js/zoeken.js", "js/zoeken-engine.js", `zoeken/index-${lang}.json`];
  const raw = {}, onWire = {};
  for (const f of files) {
    const b = fs.readFileSync(path.join(site, f));
    raw[f] = b.length;
    onWire[f] = wire(f, b);
  }
  // cold: read, parse and index, first query
  const t0 = now();
  const ix = engine.load(JSON.parse(fs.readFileSync(path.join(site, `zoeken/index-${lang}.json`), "utf8")));
  const loadMs = now() - t0;
  ix.search(qs[0].q, SHOWN);
  const firstMs = now() - t0;
  const urls = qs.map((x) => ix.search(x.q, SHOWN).map((r) => r.url));
  const lat = [];
  for (let k = 0; k < REPEAT; k++) for (const x of qs) { const t = now(); ix.search(x.q, SHOWN); lat.push(now() - t); }
  const typed = [];
  for (const q of keystrokes(qs)) { const t = now(); ix.search(q, SHOWN); typed.push(now() - t); }
  const before = Object.values(onWire).reduce((a, b) => a + b, 0);
  return {
    indexRaw: raw[`zoeken/index-${lang}.json`], indexWire: onWire[`zoeken/index-${lang}.json`],
    codeWire: onWire["js/zoeken.js"] + onWire["js/zoeken-engine.js"],
    beforeFirst: before, perQuery: before / qs.length, afterFirst: 0,
    loadMs, firstMs, latency: stats(lat), typed: stats(typed), ...score(urls, qs),
  };
}

async function pagefind(lang, qs) {
  let fetched = 0;
  const seen = new Set();
  globalThis.fetch = async (input) => {
    const u = new URL(String(input));
    const file = decodeURIComponent(u.pathname).replace(/^\//, "");
    const b = fs.readFileSync(path.join(site, file));
    if (!seen.has(file)) { seen.add(file); fetched += wire(file, b); }
    return new Response(b, { status: 200, headers: { "Content-Type": file.endsWith(".json") ? "application/json" : "application/octet-stream" } });
  };
  globalThis.document = { currentScript: null, querySelector: () => ({ getAttribute: () => lang }) };
  const js = path.join(site, "pagefind/pagefind.js");
  const pf = await import(pathToFileURL(js).href + "?lang=" + lang);
  // code: the script and the language's WebAssembly; index: metadata,
  // index chunks and the page fragments of the language
  const code = gz(fs.readFileSync(js));
  const wasm = fs.statSync(path.join(site, `pagefind/wasm.${lang}.pagefind`)).size;
  const langFiles = (d) => fs.readdirSync(path.join(site, "pagefind", d)).filter((f) => f.startsWith(lang + "_")).map((f) => path.join(site, "pagefind", d, f));
  const meta = fs.readdirSync(path.join(site, "pagefind")).filter((f) => f.startsWith(`pagefind.${lang}_`)).map((f) => path.join(site, "pagefind", f));
  const indexWire = [...langFiles("index"), ...langFiles("fragment"), ...meta].reduce((a, f) => a + fs.statSync(f).size, 0);
  const inst = pf.createInstance({ basePath: "http://site.local/pagefind/", baseUrl: "/" });
  async function run(q) {
    const r = await inst.search(q);
    const shown = await Promise.all(r.results.slice(0, SHOWN).map((x) => x.data()));
    return shown.map((d) => {
      // the section with the most matches, as its link
      const best = [...d.sub_results].sort((a, b) => b.locations.length - a.locations.length)[0];
      const u = best && !/#titel$/.test(best.url) ? best.url : d.url;
      return u.replace(/^https?:\/\/[^/]+/, "");
    });
  }
  const t0 = now();
  await inst.init();
  const first = await run(qs[0].q);
  const firstMs = now() - t0;
  const beforeFirst = code + fetched;
  const perQuery = [];
  const urls = [first];
  for (const x of qs.slice(1)) {
    const b = fetched;
    urls.push(await run(x.q));
    perQuery.push(fetched - b);
  }
  const lat = [];
  for (let k = 0; k < REPEAT; k++) for (const x of qs) { const t = now(); await run(x.q); lat.push(now() - t); }
  const typed = [];
  for (const q of keystrokes(qs)) { const t = now(); await run(q); typed.push(now() - t); }
  return {
    indexRaw: indexWire, indexWire, codeWire: code + wasm, beforeFirst,
    perQuery: (beforeFirst + perQuery.reduce((a, b) => a + b, 0)) / qs.length,
    afterFirst: perQuery.reduce((a, b) => a + b, 0) / perQuery.length,
    firstMs, latency: stats(lat), typed: stats(typed), ...score(urls, qs),
  };
}

const out = {};
for (const lang of Object.keys(queries)) {
  out[lang] = { regelgids: await regelgids(lang, queries[lang]) };
  if (pagefindDir !== undefined) out[lang].pagefind = await pagefind(lang, queries[lang]);
}
process.stdout.write(JSON.stringify(out) + "\n");
