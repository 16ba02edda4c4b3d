/* regelgids zoeken: the search engine and the search box behaviour.
   Loaded by zoeken.js when the search box is first used. The language work
   was done at build time with bleve (see site/search): this script only
   splits text into words, looks them up in the index file, and scores.
   tokenize, lower, split, analyzeQuery mirror site/search/*.go exactly. */
(function (root) {
  "use strict";

  // --- character classes (tokenize.go) ---
  var C_OTHER = 0, C_LETTER = 1, C_DIGIT = 2, C_MIDLETTER = 3, C_MIDNUMLET = 4,
    C_MIDNUM = 5, C_EXTNUMLET = 6, C_EXTEND = 7, C_BREAK = 8;
  var LETTER = /\p{L}/u;
  var EXTRA = {
    0xB7: C_MIDLETTER,
    0x2018: C_MIDNUMLET, 0x2019: C_MIDNUMLET, 0x2024: C_MIDNUMLET, 0xFE52: C_MIDNUMLET, 0xFF07: C_MIDNUMLET, 0xFF0E: C_MIDNUMLET,
    0x2044: C_MIDNUM, 0xFE50: C_MIDNUM, 0xFE54: C_MIDNUM, 0xFF0C: C_MIDNUM, 0xFF1B: C_MIDNUM,
    0x203F: C_EXTNUMLET, 0x2040: C_EXTNUMLET, 0x2054: C_EXTNUMLET, 0xFE33: C_EXTNUMLET, 0xFE34: C_EXTNUMLET,
    0xFE4D: C_EXTNUMLET, 0xFE4E: C_EXTNUMLET, 0xFE4F: C_EXTNUMLET, 0xFF3F: C_EXTNUMLET,
    0x85: C_BREAK, 0x2028: C_BREAK, 0x2029: C_BREAK,
    0xAD: C_EXTEND, 0x200C: C_EXTEND, 0x200D: C_EXTEND, 0x200E: C_EXTEND, 0x200F: C_EXTEND, 0xFEFF: C_EXTEND
  };
  var ASCII = { 0x3A: C_MIDLETTER, 0x2E: C_MIDNUMLET, 0x27: C_MIDNUMLET, 0x2C: C_MIDNUM, 0x3B: C_MIDNUM,
    0x5F: C_EXTNUMLET, 0x0A: C_BREAK, 0x0D: C_BREAK, 0x0B: C_BREAK, 0x0C: C_BREAK };

  function charClass(r) {
    if ((r >= 0x61 && r <= 0x7A) || (r >= 0x41 && r <= 0x5A)) return C_LETTER;
    if (r >= 0x30 && r <= 0x39) return C_DIGIT;
    if (r < 0x80) return ASCII[r] || C_OTHER;
    if ((r < 0x2B0 || (r >= 0x1E00 && r <= 0x1EFF)) && LETTER.test(String.fromCodePoint(r))) return C_LETTER;
    if (EXTRA[r] !== undefined) return EXTRA[r];
    if ((r >= 0x300 && r <= 0x36F) || (r >= 0x202A && r <= 0x202E) || (r >= 0x2060 && r <= 0x2064) ||
      (r >= 0x2066 && r <= 0x206F) || (r >= 0xFE00 && r <= 0xFE0F) || (r >= 0xFE20 && r <= 0xFE2F)) return C_EXTEND;
    return C_OTHER;
  }

  // classes of the first code points, looked up rather than computed
  var TABLE = 0x3000, CLASS = new Uint8Array(TABLE);
  for (var cp0 = 0; cp0 < TABLE; cp0++) CLASS[cp0] = charClass(cp0);

  // characters with their combining marks (UAX #29 WB4), as parallel
  // arrays: class, start and end (offsets in UTF-16 units)
  var scratch = { c: new Uint8Array(256), st: new Int32Array(256), en: new Int32Array(256), n: 0 };
  function units(s) {
    var n = s.length;
    if (scratch.c.length < n) {
      var size = Math.max(n, 2 * scratch.c.length);
      scratch.c = new Uint8Array(size); scratch.st = new Int32Array(size); scratch.en = new Int32Array(size);
    }
    var c = scratch.c, st = scratch.st, en = scratch.en, k = 0, i = 0;
    while (i < n) {
      var r = s.charCodeAt(i), w = 1;
      if (r >= 0xD800 && r <= 0xDBFF && i + 1 < n) {
        var lo = s.charCodeAt(i + 1);
        if (lo >= 0xDC00 && lo <= 0xDFFF) { r = ((r - 0xD800) << 10) + (lo - 0xDC00) + 0x10000; w = 2; }
      }
      var cl = r < TABLE ? CLASS[r] : charClass(r);
      if (cl === C_EXTEND && k > 0 && c[k - 1] !== C_BREAK && en[k - 1] === i) {
        en[k - 1] = i + w;
      } else {
        c[k] = cl === C_EXTEND ? C_OTHER : cl; st[k] = i; en[k] = i + w; k++;
      }
      i += w;
    }
    scratch.n = k;
    return scratch;
  }

  function isWordChar(c) { return c === C_LETTER || c === C_DIGIT || c === C_EXTNUMLET; }

  // tokenize: the words of s, as bleve's unicode tokenizer finds them in Latin text
  function tokenize(s) {
    var u = units(s), c = u.c, n = u.n, out = [], i = 0;
    while (i < n) {
      if (!isWordChar(c[i])) { i++; continue; }
      var j = i + 1;
      while (j < n) {
        var prev = c[j - 1], cur = c[j];
        if (isWordChar(cur)) { j++; continue; }
        if (j + 1 < n) {
          var next = c[j + 1];
          if ((prev === C_LETTER && next === C_LETTER && (cur === C_MIDLETTER || cur === C_MIDNUMLET)) ||
            (prev === C_DIGIT && next === C_DIGIT && (cur === C_MIDNUM || cur === C_MIDNUMLET))) {
            j += 2;
            continue;
          }
        }
        break;
      }
      out.push({ text: s.slice(u.st[i], u.en[j - 1]), start: u.st[i], end: u.en[j - 1] });
      i = j;
    }
    return out;
  }

  // lower: as bleve's to_lower filter (Go's unicode.ToLower per character)
  var SIMPLE = /^[\u0000-\u012f\u0131-\u02af]*$/;
  function lower(s) {
    // Latin text lowercases character by character; only İ differs
    if (SIMPLE.test(s)) return s.toLowerCase();
    var out = "";
    for (var ch of s) {
      var cp = ch.codePointAt(0);
      if (cp === 0x130) { out += "i"; continue; }
      var l = ch.toLowerCase();
      out += l.length === ch.length || Array.from(l).length === 1 ? l : ch;
    }
    return out;
  }

  function allLetters(w) {
    if (w === "") return false;
    for (var ch of w) if (charClass(ch.codePointAt(0)) !== C_LETTER) return false;
    return true;
  }

  function decodeTerm(word, code) {
    if (code === "-") return "";
    if (code === "") return word;
    var comma = code.indexOf(","), cut = parseInt(comma < 0 ? code : code.slice(0, comma), 10);
    var add = comma < 0 ? "" : code.slice(comma + 1), cps = Array.from(word);
    return cps.slice(0, cps.length - cut).join("") + add;
  }

  // Compare strings as Go does (by code point): the same as JavaScript for
  // the characters words are made of.
  function lowerBound(arr, x) {
    var lo = 0, hi = arr.length;
    while (lo < hi) { var m = (lo + hi) >> 1; if (arr[m] < x) lo = m + 1; else hi = m; }
    return lo;
  }

  // --- the index ---
  function Index(data) {
    var self = this;
    this.lang = data.lang;
    this.cfg = data.cfg;
    var L = data.cfg.lim, W = data.cfg.w;
    this.L = L; this.W = W;
    var words = data.words === "" ? [] : data.words.split(" ");
    this.words = words;
    this.entries = new Map();
    for (var i = 0; i < words.length; i++) {
      this.entries.set(words[i], { term: decodeTerm(words[i], data.terms[i]), parts: null });
    }
    data.parts.forEach(function (p) {
      self.entries.get(words[p[0]]).parts = p.slice(1).map(function (k) { return words[k]; });
    });
    this.syn = data.syn || [];
    // the lexicon: words with a term, and one-word synonyms
    var lex = new Set();
    words.forEach(function (w) { if (self.entries.get(w).term !== "") lex.add(w); });
    this.syn.forEach(function (g) { g.forEach(function (m) { if (m.indexOf(" ") < 0) lex.add(m); }); });
    this.lex = Array.from(lex).sort();
    this.lexSet = lex;
    this.kindWeights = data.cfg.kindWeights;
    this.fields = data.cfg.fields;
    this.text = data.text;
    // documents and postings: term → [[doc, field, tf]…]
    this.docs = [];
    this.postings = new Map();
    this.fieldLen = this.fields.map(function () { return 0; });
    var blocks = [];
    data.docs.forEach(function (d, n) {
      var doc = { url: d[0], kind: data.kinds[d[1]], title: d[2], blocks: d[3], len: [] };
      var title = self.analyze(doc.title);
      var text = { terms: [], parts: [] };
      doc.blocks.forEach(function (b) {
        // the blocks of a text are analyzed apart: a line break ends every word
        var a = blocks[b] || (blocks[b] = self.analyze(data.text[b]));
        Array.prototype.push.apply(text.terms, a.terms);
        Array.prototype.push.apply(text.parts, a.parts);
      });
      [title.terms, text.terms, title.parts, text.parts].forEach(function (terms, f) {
        doc.len[f] = terms.length;
        self.fieldLen[f] += terms.length;
        var tf = new Map();
        terms.forEach(function (t) { tf.set(t, (tf.get(t) || 0) + 1); });
        tf.forEach(function (c, t) {
          var p = self.postings.get(t);
          if (!p) self.postings.set(t, p = []);
          p.push([n, f, c]);
        });
      });
      self.docs.push(doc);
    });
    this.avgLen = this.fieldLen.map(function (l) { return self.docs.length ? l / self.docs.length : 0; });
  }

  // analyze: the terms of a text, and the terms of the parts of its compound words
  Index.prototype.analyze = function (s) {
    var terms = [], parts = [], self = this, seen = this.seen || (this.seen = new Map());
    var toks = tokenize(s);
    for (var k = 0; k < toks.length; k++) {
      var t = toks[k], a = seen.get(t.text);
      if (a === undefined) {
        var w = lower(t.text), e = self.entries.get(w);
        if (!e) a = { term: "\u0000unknown:" + w, parts: null };
        else a = { term: e.term, parts: e.parts ? e.parts.map(function (p) { return self.term(p); }).filter(function (pt) { return pt !== ""; }) : null };
        seen.set(t.text, a);
      }
      if (a.term !== "") terms.push(a.term);
      if (a.parts) for (var i = 0; i < a.parts.length; i++) parts.push(a.parts[i]);
    }
    return { terms: terms, parts: parts };
  };

  Index.prototype.term = function (w) {
    var e = this.entries.get(w);
    return e ? e.term : "";
  };

  Index.prototype.inDict = function (w) {
    var e = this.entries.get(w);
    return !!e && e.term !== "" && Array.from(w).length >= this.L.minPart && allLetters(w);
  };

  Index.prototype.head = function (rs) {
    var s = rs.join("");
    if (this.inDict(s)) return s;
    var n = rs.length;
    if (n > this.L.minPart && rs[n - 1] === "s") {
      s = rs.slice(0, n - 1).join("");
      if (this.inDict(s)) return s;
    }
    return "";
  };

  function shortest(words) {
    var n = -1;
    words.forEach(function (w) { var l = Array.from(w).length; if (n < 0 || l < n) n = l; });
    return n;
  }

  Index.prototype.split2 = function (rs) {
    var best = null, bestScore = 0, mp = this.L.minPart;
    for (var i = mp; i <= rs.length - mp; i++) {
      var tail = rs.slice(i).join("");
      if (!this.inDict(tail)) continue;
      var head = this.head(rs.slice(0, i));
      if (head === "") continue;
      var parts = [head, tail], score = shortest(parts);
      if (score > bestScore) { best = parts; bestScore = score; }
    }
    return best;
  };

  // split: the parts of a compound word, or null (analyze.go)
  Index.prototype.split = function (w) {
    if (!this.cfg.compound) return null;
    var rs = Array.from(w), L = this.L;
    if (rs.length < L.minCompound || rs.length > L.maxCompound || !allLetters(w)) return null;
    var parts = this.split2(rs);
    if (parts) return parts;
    var best = null, bestScore = 0;
    for (var i = L.minPart; i <= rs.length - L.minCompound; i++) {
      var head = this.head(rs.slice(0, i));
      if (head === "") continue;
      var sub = this.split2(rs.slice(i));
      if (!sub) continue;
      var p = [head].concat(sub), score = shortest(p);
      if (score > bestScore) { best = p; bestScore = score; }
    }
    return best;
  };

  Index.prototype.sameWord = function (q, s) {
    if (q === s) return true;
    var t = this.term(q);
    return t !== "" && t === this.term(s);
  };

  // alternatives of a query word: terms (one space apart) → weight
  function addAlt(into, terms, wt) {
    if (terms.length === 0) return;
    var k = terms.join(" ");
    if (wt > (into.get(k) || 0)) into.set(k, wt);
  }

  Index.prototype.synonymTerms = function (phrase) {
    var self = this, out = [];
    phrase.split(" ").forEach(function (x) { var t = self.term(x); if (t !== "") out.push(t); });
    return out;
  };

  Index.prototype.expand = function (w, into, f) {
    var self = this, W = this.W, e = this.entries.get(w);
    if (e) {
      if (e.term !== "") addAlt(into, [e.term], W.exact * f);
      if (e.parts) e.parts.forEach(function (p) { var t = self.term(p); if (t !== "") addAlt(into, [t], W.part * f); });
    }
    this.syn.forEach(function (g) {
      g.forEach(function (m, i) {
        if (m.indexOf(" ") >= 0 || !self.sameWord(w, m)) return;
        g.forEach(function (o, j) {
          if (j !== i) addAlt(into, self.synonymTerms(o), W.syn * f);
        });
      });
    });
  };

  Index.prototype.isKnown = function (w) {
    return this.entries.has(w) || this.lexSet.has(w);
  };

  Index.prototype.complete = function (w, alts) {
    if (Array.from(w).length < this.L.minCompletion) return false;
    var lex = this.lex, cands = [];
    for (var i = lowerBound(lex, w); i < lex.length && lex[i].startsWith(w); i++) {
      if (lex[i] !== w) cands.push(lex[i]);
    }
    cands.sort(function (a, b) { return Array.from(a).length - Array.from(b).length; });
    if (cands.length > this.L.completions) cands = cands.slice(0, this.L.completions);
    var self = this;
    cands.forEach(function (c) { self.expand(c, alts, self.W.prefix); });
    return cands.length > 0;
  };

  // editDistance: optimal string alignment distance, or max+1 once it must exceed max
  function editDistance(a, b, max) {
    var n = a.length, m = b.length, prev2 = new Array(m + 1).fill(0), prev = new Array(m + 1), cur = new Array(m + 1).fill(0);
    for (var j = 0; j <= m; j++) prev[j] = j;
    for (var i = 1; i <= n; i++) {
      cur[0] = i;
      var rowMin = cur[0];
      for (j = 1; j <= m; j++) {
        var cost = a[i - 1] === b[j - 1] ? 0 : 1;
        var d = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
        if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, prev2[j - 2] + 1);
        cur[j] = d;
        if (d < rowMin) rowMin = d;
      }
      if (rowMin > max) return max + 1;
      var t = prev2; prev2 = prev; prev = cur; cur = t;
    }
    return prev[m];
  }

  Index.prototype.typos = function (w) {
    var rw = Array.from(w), L = this.L, max;
    if (rw.length > L.typoWord) return [];
    if (rw.length >= L.typo2Len) max = 2;
    else if (rw.length >= L.typo1Len) max = 1;
    else return [];
    if (!this.lexCps) this.lexCps = this.lex.map(function (c) { return Array.from(c); });
    var out = [];
    for (var k = 0; k < this.lex.length; k++) {
      var rc = this.lexCps[k], diff = rc.length - rw.length;
      if (diff > max || -diff > max) continue;
      var d = editDistance(rw, rc, max);
      if (d <= max) out.push({ word: this.lex[k], d: d });
    }
    out.sort(function (a, b) { return a.d - b.d; });
    return out.slice(0, L.typos);
  };

  function sortAlts(m) {
    var keys = Array.from(m.keys()).sort();
    return keys.map(function (k) { return { t: k.split(" "), w: m.get(k) }; });
  }

  // phraseAt: the positions of phrase mw in ws from i, with up to two
  // stop words between its words, or null (query.go)
  var MAX_SKIP = 2;
  Index.prototype.phraseAt = function (ws, i, mw) {
    if (!this.sameWord(ws[i], mw[0])) return null;
    var at = [i], j = i;
    for (var k = 1; k < mw.length; k++) {
      j++;
      for (var skipped = 0; j < ws.length && !this.sameWord(ws[j], mw[k]) && this.isStop(ws[j]) && skipped < MAX_SKIP; skipped++) j++;
      if (j >= ws.length || !this.sameWord(ws[j], mw[k])) return null;
      at.push(j);
    }
    return at;
  };

  Index.prototype.isStop = function (w) {
    var e = this.entries.get(w);
    return !!e && e.term === "";
  };

  // analyzeQuery: query words with the terms they may match (query.go)
  Index.prototype.analyzeQuery = function (q) {
    var self = this, W = this.W, L = this.L;
    var toks = tokenize(q);
    var typing = toks.length > 0 && toks[toks.length - 1].end === q.length;
    if (toks.length > L.queryWords) { toks = toks.slice(0, L.queryWords); typing = false; }
    var ws = toks.map(function (t) { return lower(t.text); });
    var phraseAlts = ws.map(function () { return null; });
    this.syn.forEach(function (g) {
      g.forEach(function (m, mi) {
        var mw = m.split(" ");
        if (mw.length < 2) return;
        for (var i = 0; i < ws.length; i++) {
          var at = self.phraseAt(ws, i, mw);
          if (!at) continue;
          g.forEach(function (o, oi) {
            if (oi === mi) return;
            var terms = self.synonymTerms(o);
            at.forEach(function (k) {
              if (!phraseAlts[k]) phraseAlts[k] = new Map();
              addAlt(phraseAlts[k], terms, W.syn);
            });
          });
        }
      });
    });
    var out = [];
    ws.forEach(function (w, i) {
      var alts = new Map(phraseAlts[i] || []);
      var last = typing && i === ws.length - 1;
      if (self.isKnown(w)) {
        self.expand(w, alts, 1);
        if (last) self.complete(w, alts);
        if (alts.size === 0) return; // a stop word
        out.push({ word: w, alts: sortAlts(alts) });
        return;
      }
      if (last && self.complete(w, alts)) {
        out.push({ word: w, alts: sortAlts(alts) });
        return;
      }
      if (alts.size === 0) {
        var parts = self.split(w);
        if (parts) {
          parts.forEach(function (p) {
            var pa = new Map();
            self.expand(p, pa, 1);
            out.push({ word: p, alts: sortAlts(pa) });
          });
          return;
        }
      }
      self.typos(w).forEach(function (c) {
        self.expand(c.word, alts, c.d === 2 ? W.typo2 : W.typo1);
      });
      out.push({ word: w, alts: sortAlts(alts) });
    });
    return out;
  };

  // search: the n best pages, each at its best section
  var K1 = 1.2, B = 0.75;
  Index.prototype.search = function (q, n) {
    var self = this, words = this.analyzeQuery(q), N = this.docs.length;
    if (!words.some(function (w) { return w.alts.length > 0; })) return [];
    var perWord = words.map(function () { return new Map(); }); // doc → best score for the word
    var matched = new Set();
    var termScores = new Map(); // term → Map(doc → score)
    function scores(t) {
      var sc = termScores.get(t);
      if (sc) return sc;
      termScores.set(t, sc = new Map());
      var p = self.postings.get(t);
      if (!p) return sc;
      var docs = new Set();
      p.forEach(function (x) { docs.add(x[0]); });
      var idf = Math.log(1 + (N - docs.size + 0.5) / (docs.size + 0.5));
      p.forEach(function (x) {
        var doc = self.docs[x[0]], f = x[1], tf = x[2];
        var norm = tf * (K1 + 1) / (tf + K1 * (1 - B + B * doc.len[f] / (self.avgLen[f] || 1)));
        sc.set(x[0], (sc.get(x[0]) || 0) + self.fields[f][1] * idf * norm);
      });
      return sc;
    }
    words.forEach(function (w, wi) {
      w.alts.forEach(function (a) {
        // the words of a synonym of several words count together: the share
        // that matched, of the weight shared between them
        var k = a.t.length, sum = new Map(), hits = new Map();
        a.t.forEach(function (t) {
          matched.add(t);
          scores(t).forEach(function (s, d) {
            sum.set(d, (sum.get(d) || 0) + s);
            hits.set(d, (hits.get(d) || 0) + 1);
          });
        });
        sum.forEach(function (s, d) {
          s = s * a.w * hits.get(d) / (k * k);
          if (s > (perWord[wi].get(d) || 0)) perWord[wi].set(d, s);
        });
      });
    });
    var total = new Map(), count = new Map();
    perWord.forEach(function (m) {
      m.forEach(function (s, d) {
        total.set(d, (total.get(d) || 0) + s);
        count.set(d, (count.get(d) || 0) + 1);
      });
    });
    var best = new Map();
    total.forEach(function (s, d) {
      var doc = self.docs[d];
      var score = s * (count.get(d) / words.length) * (self.kindWeights[doc.kind] || 1);
      var page = doc.kind === "glossary" ? doc.url : doc.url.split("#")[0], b = best.get(page);
      if (b && (b.score > score || (b.score === score && b.url <= doc.url))) return;
      best.set(page, { url: doc.url, title: doc.title, kind: doc.kind, score: score, doc: d });
    });
    var out = Array.from(best.values());
    out.sort(function (a, b) { return b.score - a.score || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0); });
    out = out.slice(0, n);
    out.forEach(function (r) { r.snippet = self.snippet(self.docs[r.doc], matched); delete r.doc; });
    return out;
  };

  // snippet: the part of the text with the most matched words, as
  // [{text, mark}] pieces (index.go)
  Index.prototype.snippet = function (doc, matched) {
    var self = this, SL = this.cfg.snippetLen;
    var text = doc.blocks.map(function (b) { return self.text[b]; }).join(" ");
    var toks = tokenize(text);
    var hit = toks.map(function (t) {
      var e = self.entries.get(lower(t.text));
      if (!e) return false;
      var h = matched.has(e.term);
      if (e.parts) e.parts.forEach(function (p) { h = h || matched.has(self.term(p)); });
      return h;
    });
    function len(a, b) { return Array.from(text.slice(a, b)).length; }
    var bestStart = 0, bestCount = 0;
    for (var i = 0; i < toks.length; i++) {
      if (!hit[i]) continue;
      var s = Math.max(i - 3, 0);
      while (s < i && len(toks[s].start, toks[i].start) > SL / 3) s++;
      var count = 0;
      for (var j = s; j < toks.length && len(toks[s].start, toks[j].end) <= SL; j++) if (hit[j]) count++;
      if (count > bestCount) { bestStart = s; bestCount = count; }
    }
    var out = [], start = bestStart > 0 ? toks[bestStart].start : 0, pos = start, end = text.length;
    if (bestStart > 0) out.push({ text: "… ", mark: false });
    for (j = bestStart; j < toks.length; j++) {
      if (j > bestStart && len(start, toks[j].end) > SL) { end = toks[j - 1].end; break; }
      if (hit[j]) {
        out.push({ text: text.slice(pos, toks[j].start), mark: false });
        out.push({ text: toks[j].text, mark: true });
        pos = toks[j].end;
      }
    }
    if (end < pos) end = pos;
    out.push({ text: text.slice(pos, end), mark: false });
    if (end < text.length) out.push({ text: " …", mark: false });
    return out.filter(function (p) { return p.text !== ""; });
  };

  var api = {
    version: 1,
    tokenize: tokenize,
    lower: lower,
    charClass: charClass,
    load: function (data) {
      if (data.v !== 1) throw new Error("zoeken: unknown index format " + data.v);
      return new Index(data);
    }
  };

  // snippetInto appends a result's snippet to el, matched words in <mark>.
  function snippetInto(doc, el, snippet) {
    snippet.forEach(function (s) {
      if (s.mark) {
        var m = doc.createElement("mark");
        m.textContent = s.text;
        el.appendChild(m);
      } else {
        el.appendChild(doc.createTextNode(s.text));
      }
    });
  }

  // --- the search page on a static host: the results of ?q= in the page ---
  function startPage(form, input) {
    var doc = form.ownerDocument, ds = form.dataset;
    var section = doc.querySelector("[data-zoeken-page-results]");
    var list = doc.querySelector("[data-zoeken-page-list]");
    var help = doc.querySelector("[data-zoeken-help]");
    var status = form.querySelector("[data-zoeken-status]");
    if (!section || !list || section.hasAttribute("data-zoeken-server")) return;
    var q = (new URLSearchParams(doc.location.search).get("q") || "").trim();
    if (q === "") return;
    var heading = section.querySelector("h2");
    var root = ds.root || "./";
    function show(results) {
      list.textContent = "";
      results.forEach(function (r) {
        var li = doc.createElement("li");
        li.className = "rg-search-page__item";
        var a = doc.createElement("a");
        a.className = "utrecht-link rg-search-page__link";
        a.href = root + r.url.replace(/^\//, "");
        a.textContent = r.title;
        li.appendChild(a);
        var kind = ds["kind" + r.kind.charAt(0).toUpperCase() + r.kind.slice(1)];
        if (kind) {
          li.appendChild(doc.createTextNode(" "));
          var k = doc.createElement("span");
          k.className = "rg-search-page__kind";
          k.textContent = kind;
          li.appendChild(k);
        }
        var p = doc.createElement("p");
        p.className = "utrecht-paragraph rg-search-page__snippet";
        snippetInto(doc, p, r.snippet);
        li.appendChild(p);
        list.appendChild(li);
      });
      var n = results.length;
      var text = n === 0 ? ds.headingNone : n === 1 ? ds.headingOne : ds.headingMany;
      heading.textContent = (text || "").replace("{n}", String(n)).replace("{q}", q);
      section.hidden = false;
      if (help) help.hidden = n > 0;
      if (status) status.textContent = heading.textContent;
    }
    fetch(ds.index, { credentials: "same-origin" })
      .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
      .then(function (data) { show(api.load(data).search(q, Number(ds.max) || 20)); })
      .catch(function () {
        heading.textContent = ds.textError || "";
        section.hidden = false;
        if (help) help.hidden = false;
      });
  }

  // --- the search box (browsers only) ---
  api.start = function (form, input) {
    var doc = form.ownerDocument, ds = form.dataset;
    if (form.hasAttribute("data-zoeken-page")) { startPage(form, input); return; }
    var panel = form.querySelector("[data-zoeken-results]");
    var list = form.querySelector("[data-zoeken-list]");
    var status = form.querySelector("[data-zoeken-status]");
    if (!panel || !list || !status) return;
    var loading = null, timer = 0, last = null, dismissed = false;
    var root = ds.root || "./";

    function say(text) {
      clearTimeout(timer);
      timer = setTimeout(function () { status.textContent = text; }, 700);
    }
    function countText(n) {
      if (n === 0) return (ds.textNone || "").replace("{q}", input.value.trim());
      return (n === 1 ? ds.textOne : ds.textMany || "").replace("{n}", String(n));
    }
    function links() { return Array.prototype.slice.call(list.querySelectorAll("a")); }
    function open(yes) {
      panel.hidden = !yes;
      form.classList.toggle("rg-search--open", yes);
    }
    function load() {
      if (!loading) {
        loading = fetch(ds.index, { credentials: "same-origin" })
          .then(function (r) { if (!r.ok) throw new Error(r.status); return r.json(); })
          .then(function (data) { return api.load(data); });
        loading.catch(function () {
          open(true);
          list.textContent = "";
          var li = doc.createElement("li");
          li.className = "rg-search__message";
          li.textContent = ds.textError || "";
          list.appendChild(li);
          say(ds.textError || "");
        });
      }
      return loading;
    }
    function render(q, results) {
      list.textContent = "";
      results.forEach(function (r) {
        var li = doc.createElement("li");
        li.className = "rg-search__result";
        var a = doc.createElement("a");
        a.className = "utrecht-link rg-search__link";
        a.href = root + r.url.replace(/^\//, "");
        var title = doc.createElement("span");
        title.className = "rg-search__title";
        title.textContent = r.title;
        a.appendChild(title);
        var kind = ds["kind" + r.kind.charAt(0).toUpperCase() + r.kind.slice(1)];
        if (kind) {
          var k = doc.createElement("span");
          k.className = "rg-search__kind";
          k.textContent = kind;
          a.appendChild(k);
        }
        li.appendChild(a);
        var p = doc.createElement("p");
        p.className = "rg-search__snippet";
        snippetInto(doc, p, r.snippet);
        li.appendChild(p);
        list.appendChild(li);
      });
      if (results.length === 0) {
        var li = doc.createElement("li");
        li.className = "rg-search__message";
        li.textContent = countText(0);
        list.appendChild(li);
      }
      open(true);
      say(countText(results.length));
    }
    function run() {
      var q = input.value;
      dismissed = false;
      if (q.trim() === "") { last = q; list.textContent = ""; open(false); status.textContent = ""; return; }
      if (q === last && !panel.hidden) return;
      last = q;
      load().then(function (ix) {
        if (input.value !== q) return; // typed on
        render(q, ix.search(q, Number(ds.max) || 8));
      });
    }
    input.addEventListener("input", run);
    // back in the box: the results again, unless Escape closed them
    input.addEventListener("focus", function () { if (input.value.trim() !== "" && !dismissed) run(); else load(); });
    input.addEventListener("keydown", function (e) {
      if (e.key === "ArrowDown") {
        if (panel.hidden) {
          if (input.value.trim() !== "") { e.preventDefault(); last = null; run(); }
          return;
        }
        var ls = links();
        if (ls.length) { e.preventDefault(); ls[0].focus(); }
      } else if (e.key === "Escape" && !panel.hidden) {
        e.preventDefault();
        dismissed = true;
        open(false);
      }
    });
    list.addEventListener("keydown", function (e) {
      var ls = links(), i = ls.indexOf(doc.activeElement);
      if (i < 0) return;
      if (e.key === "ArrowDown" || e.key === "ArrowUp" || e.key === "Home" || e.key === "End") {
        e.preventDefault();
        var to = e.key === "ArrowDown" ? i + 1 : e.key === "ArrowUp" ? i - 1 : e.key === "Home" ? 0 : ls.length - 1;
        if (to < 0) input.focus();
        else ls[Math.min(to, ls.length - 1)].focus();
      } else if (e.key === "Escape") {
        e.preventDefault();
        dismissed = true;
        open(false);
        input.focus();
      }
    });
    form.addEventListener("focusout", function (e) {
      if (e.relatedTarget && !form.contains(e.relatedTarget)) open(false);
    });
    doc.addEventListener("click", function (e) {
      if (!form.contains(e.target)) open(false);
    });
    if (doc.activeElement === input || input.value.trim() !== "") run();
  };

  if (typeof module === "object" && module.exports) module.exports = api;
  else root.RegelgidsZoeken = api;
})(typeof globalThis !== "undefined" ? globalThis : this);
