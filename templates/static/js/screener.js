// "Wat past bij mij?": asks one question at a time. Which question comes
// next and how each voorziening fits are decided by the rule package,
// compiled to WebAssembly (regelgidsMatchNext and regelgidsMatch) with the
// municipality's rules as data (regels.json): this script holds no rules.
// Without JavaScript the page shows the same questions as links to pages
// made at build time.
(function () {
  "use strict";

  var form = document.getElementById("keuzehulp");
  if (!form) return;
  var out = document.getElementById("keuzehulp-uitkomst");
  var status = form.querySelector("[data-status]");
  var errorLine = form.querySelector("[data-error]");
  var back = form.querySelector("[data-back]");
  var answers = {}; // field -> JSON value; null is "weet ik niet"
  var asked = [];
  var current = null;
  var rules = null;
  var loading = null;
  var pending = null; // starts the compiled module's Go runtime

  // start runs the module's Go runtime if it has not run yet: before the
  // first answer is sent, at the latest. It returns synchronously, so a
  // keypress right after the focus finds the rules ready.
  function start() {
    if (!pending) return;
    var run = pending;
    pending = null;
    run();
  }

  function load() {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      if (typeof Go !== "undefined") return resolve();
      var s = document.createElement("script");
      s.src = form.dataset.exec;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("wasm_exec.js")); };
      document.head.appendChild(s);
    }).then(function () {
      if (typeof globalThis.regelgidsMatch === "function") return null;
      var go = new Go();
      var wasm = fetch(form.dataset.wasm);
      var inst = WebAssembly.instantiateStreaming
        ? WebAssembly.instantiateStreaming(wasm, go.importObject)
        : wasm.then(function (r) { return r.arrayBuffer(); }).then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      var text = fetch(form.dataset.rules).then(function (r) { return r.text(); });
      return Promise.all([inst, text]).then(function (res) {
        rules = res[1];
        // The Go runtime starts on the resident's first touch of the form
        // (start): it takes the main thread for a few hundred
        // milliseconds on a slow phone, which should not hold up whoever
        // is still reading.
        pending = function () { go.run(res[0].instance); };
      });
    }).then(function () {
      if (rules === null) {
        return fetch(form.dataset.rules).then(function (r) { return r.text(); }).then(function (text) { rules = text; });
      }
    });
    return loading;
  }

  // input is the answers as the rules read them: age and benefit always
  // (null until known), the others only when answered.
  function input() {
    var o = { lang: form.dataset.lang, age: null, benefit: null };
    Object.keys(answers).forEach(function (k) {
      if (answers[k] !== null) o[k] = answers[k];
    });
    return JSON.stringify(o);
  }

  function call(fn, args) {
    var res = JSON.parse(fn.apply(null, args));
    if (res.error) throw new Error(res.error.message);
    return res;
  }

  function show(field, quiet) {
    form.querySelectorAll("fieldset[data-field]").forEach(function (f) { f.hidden = true; });
    current = form.querySelector("fieldset[data-field='" + field + "']");
    current.hidden = false;
    current.querySelector("[data-count]").textContent = form.dataset.question + " " + (asked.length + 1) + ":";
    back.hidden = asked.length === 0;
    errorLine.hidden = true;
    if (quiet) return;
    var first = current.querySelector("input:checked") || current.querySelector("input");
    first.focus();
  }

  function next(quiet) {
    var res = call(globalThis.regelgidsMatchNext, [input(), JSON.stringify(asked), rules]);
    if (res.next) {
      show(res.next, quiet);
    } else {
      result(call(globalThis.regelgidsMatch, [input(), rules]));
    }
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text) e.textContent = text;
    return e;
  }

  function cite(r) {
    var d = form.dataset;
    var s = d.article + " " + r.article;
    if (r.paragraph === "toelichting") return s + ", toelichting";
    return r.paragraph ? s + " " + d.lid + " " + r.paragraph : s;
  }

  function fitItem(v, info) {
    var d = out.dataset;
    var li = el("li", "rg-screener-fit rg-screener-fit--" + v.fit);
    li.dataset.slug = v.slug;
    li.dataset.fit = v.fit;
    var h = el("h4", "utrecht-heading-4");
    var a = el("a", "utrecht-link", info.dataset.name);
    a.href = info.dataset.href;
    h.appendChild(a);
    li.appendChild(h);
    li.appendChild(el("p", "utrecht-paragraph rg-screener-fit__label", d["fit" + v.fit.charAt(0).toUpperCase() + v.fit.slice(1)]));
    var ul = el("ul", "rg-reasons");
    v.reasons.forEach(function (r) {
      var item = el("li", "", r.text + " ");
      var link = el("a", "utrecht-link", "(" + cite(r) + ")");
      link.href = form.dataset.articles + r.article + "/" + (r.paragraph === "toelichting" ? "#toelichting" : r.paragraph ? "#lid-" + r.paragraph : "");
      item.appendChild(link);
      ul.appendChild(item);
    });
    li.appendChild(ul);
    if (info.dataset.calcHref) {
      var p = el("p", "utrecht-paragraph");
      var c = el("a", "utrecht-link", d.calc);
      c.href = info.dataset.calcHref;
      p.appendChild(c);
      li.appendChild(p);
    }
    return li;
  }

  function result(res) {
    var d = out.dataset;
    var list = out.querySelector("[data-voorzieningen]");
    out.querySelectorAll("[data-made]").forEach(function (e) { e.remove(); });
    var box = el("div");
    box.dataset.made = "";
    var h = el("h2", "utrecht-heading-2", d.title);
    h.id = "uitkomst-titel";
    h.tabIndex = -1;
    box.appendChild(h);
    box.appendChild(el("p", "utrecht-paragraph", d.intro));
    ["yes", "maybe", "no"].forEach(function (fit) {
      var items = res.voorzieningen.filter(function (v) { return v.fit === fit; });
      if (!items.length) return;
      var group = el(fit === "no" ? "details" : "section", "rg-screener-group rg-screener-group--" + fit);
      var title = el("h3", "utrecht-heading-3 rg-screener-group__summary", d[fit] + (fit === "no" ? " (" + items.length + ")" : ""));
      if (fit === "no") {
        var sum = el("summary");
        sum.appendChild(title);
        group.appendChild(sum);
      } else {
        group.appendChild(title);
      }
      group.appendChild(el("p", "utrecht-paragraph", d[fit + "Intro"]));
      var ul = el("ul", "rg-screener-fits");
      items.forEach(function (v) {
        var info = list.querySelector("[data-slug='" + v.slug + "']");
        var li = fitItem(v, info);
        ul.appendChild(li);
      });
      group.appendChild(ul);
      box.appendChild(group);
    });
    var again = el("button", "utrecht-button utrecht-button--secondary-action", d.restart);
    again.type = "button";
    again.addEventListener("click", function () {
      answers = {}; asked = [];
      form.querySelectorAll("input:checked").forEach(function (i) { i.checked = false; });
      out.hidden = true;
      form.hidden = false;
      next();
    });
    box.appendChild(again);
    out.appendChild(box);
    form.hidden = true;
    out.hidden = false;
    h.focus();
  }

  function busy(on) {
    status.textContent = on ? status.dataset.busy : "";
  }

  function fail() {
    busy(false);
    loading = null;
    errorLine.textContent = form.dataset.loadError;
    errorLine.hidden = false;
  }

  form.addEventListener("submit", function (ev) {
    ev.preventDefault();
    if (!current) return;
    var c = current.querySelector("input:checked");
    if (!c) {
      errorLine.hidden = false;
      current.querySelector("input").focus();
      return;
    }
    answers[current.dataset.field] = JSON.parse(c.value);
    asked.push(current.dataset.field);
    try { start(); next(); } catch (e) { fail(); }
  });

  back.addEventListener("click", function () {
    var field = asked.pop();
    delete answers[field];
    show(field);
  });

  var static_ = document.querySelector("[data-static]");
  form.addEventListener("focusin", start);
  form.addEventListener("pointerdown", start);
  busy(true);
  load().then(function () {
    busy(false);
    if (static_) static_.hidden = true;
    form.hidden = false;
    // The first question needs no answers: it is the one the page asks
    // without JavaScript, made by the same rules at build time.
    var first = static_ && static_.dataset.field;
    if (first && form.querySelector("fieldset[data-field='" + first + "']")) {
      show(first, true);
    } else {
      start();
      next(true);
    }
  }).catch(fail);
})();
