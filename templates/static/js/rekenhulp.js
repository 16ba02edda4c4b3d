// Calculator forms: the rules run in the browser as WebAssembly compiled
// from the same Go package the site and the command line use. This script
// only collects the answers, loads the module while the resident
// fills in the form, and shows the result or the errors next to their
// fields. Without JavaScript a stylesheet inside <noscript> hides the form
// and the page shows its table of examples.
(function () {
  "use strict";

  var loading = null;

  // loadCalculators loads wasm_exec.js, the module and bedragen.json once
  // and starts the module: the amounts (sets) and the binding, which says
  // since when the ordinance applies and which article and lid each reason
  // cites. The module is compiled while it downloads where the server says
  // it is WebAssembly (application/wasm); other servers get the slower
  // path through an ArrayBuffer.
  function loadCalculators(form) {
    if (loading) return loading;
    loading = new Promise(function (resolve, reject) {
      var s = document.createElement("script");
      s.src = form.dataset.exec;
      s.onload = resolve;
      s.onerror = function () { reject(new Error("wasm_exec.js")); };
      document.head.appendChild(s);
    }).then(function () {
      var go = new Go();
      var inst = fetch(form.dataset.wasm).then(function (r) {
        if (!r.ok) throw new Error("calculators.wasm: " + r.status);
        var type = (r.headers.get("Content-Type") || "").split(";")[0].trim();
        if (WebAssembly.instantiateStreaming && type === "application/wasm") {
          return WebAssembly.instantiateStreaming(r, go.importObject);
        }
        return r.arrayBuffer().then(function (b) { return WebAssembly.instantiate(b, go.importObject); });
      });
      return Promise.all([inst, fetch(form.dataset.amounts).then(function (r) { return r.json(); })]).then(function (res) {
        // Start the Go runtime in a task of its own, after the compile:
        // two shorter tasks keep the page responsive on a slow phone.
        return new Promise(function (resolve) {
          setTimeout(function () {
            go.run(res[0].instance);
            resolve({ sets: res[1].sets, binding: JSON.stringify(res[1].binding) });
          }, 0);
        });
      });
    });
    loading.catch(function () { loading = null; }); // try again on the next tap
    return loading;
  }

  // preload starts loading when the resident first touches the form: a
  // field gets the focus, or a finger or pointer goes down on it. Compiling
  // and starting 3 MB of rules takes the main thread for a few hundred
  // milliseconds on a slow phone; before the first input that would only
  // delay whoever just reads the page (and cost their data if they never
  // use the form). Filling in takes longer than loading (about 4 s on a
  // slow phone), so the module is ready by the time they press Bereken.
  function preload(form) {
    var start = function () { loadCalculators(form).catch(function () {}); };
    form.addEventListener("focusin", start, { once: true });
    form.addEventListener("pointerdown", start, { once: true });
  }

  // setFor picks the amounts in force on the date: the latest set that
  // starts on or before it.
  function setFor(sets, date) {
    var pick = sets[0];
    sets.forEach(function (s) { if (s.date <= date) pick = s; });
    return pick;
  }

  // collect gathers the answers. Amounts, percentages and numbers go to the
  // rules as typed ("1.100,00", "€ 1.100", "60 %"): the rule package reads
  // them in the page's language, so the browser, the command line and the
  // tests read a number the same way. A whole number that is only digits
  // goes as a JSON number; anything else as text, which the rules refuse
  // with a message that says what to type.
  function collect(form) {
    var input = { lang: form.dataset.lang };
    form.querySelectorAll("[data-field]").forEach(function (f) {
      var name = f.dataset.field, kind = f.dataset.kind;
      if (kind === "bool" || kind === "choice") {
        var c = form.querySelector("input[name='" + name + "']:checked");
        if (c) input[name] = kind === "bool" ? c.value === "true" : c.value;
        return;
      }
      var v = form.elements[name].value.trim();
      if (v === "") return;
      if (kind === "int" && /^-?[0-9]+$/.test(v)) {
        input[name] = Number(v);
      } else {
        input[name] = v;
      }
    });
    return input;
  }

  function clearErrors(form) {
    form.querySelectorAll("[data-error]").forEach(function (e) { e.hidden = true; e.textContent = ""; });
    form.querySelectorAll("[aria-invalid]").forEach(function (e) { e.removeAttribute("aria-invalid"); });
    var sum = form.querySelector(".rg-error-summary");
    sum.hidden = true;
    sum.querySelector("ul").textContent = "";
  }

  function showErrors(form, fields, message) {
    var sum = form.querySelector(".rg-error-summary");
    var list = sum.querySelector("ul");
    (fields && fields.length ? fields : [{ field: "", message: message }]).forEach(function (fe) {
      var li = document.createElement("li");
      var box = fe.field && form.querySelector("[data-field='" + fe.field + "']");
      if (box) {
        var err = box.querySelector("[data-error]");
        err.textContent = fe.message;
        err.hidden = false;
        var ctl = box.querySelector("input");
        box.querySelectorAll("input").forEach(function (i) { i.setAttribute("aria-invalid", "true"); });
        var a = document.createElement("a");
        a.href = "#" + ctl.id;
        a.className = "utrecht-link";
        a.textContent = (box.dataset.label || fe.field) + ": " + fe.message;
        li.appendChild(a);
      } else {
        li.textContent = fe.message;
      }
      list.appendChild(li);
    });
    sum.hidden = false;
    sum.focus();
  }

  function money(v, lang) {
    return new Intl.NumberFormat(lang === "en" ? "en-GB" : "nl-NL", { style: "currency", currency: "EUR" }).format(Number(v));
  }

  // cite writes where a reason comes from: "artikel 17 lid 1" for the
  // ordinance, "artikel 10d van de Participatiewet" for a law.
  function cite(d, r) {
    if (r.law) return d.article + " " + r.article + " " + d.of + " " + r.law;
    return d.article + " " + r.article + (r.paragraph && r.paragraph !== "toelichting" ? " " + d.lid + " " + r.paragraph : "");
  }

  function longDate(s, lang) {
    var p = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s || "");
    if (!p) return s;
    return new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "nl-NL", { day: "numeric", month: "long", year: "numeric" })
      .format(new Date(Number(p[1]), Number(p[2]) - 1, Number(p[3])));
  }

  // answers lists what the resident filled in, as the form asked it, for
  // the printed result.
  function answers(form) {
    var dl = document.createElement("dl");
    dl.className = "rg-result__answers";
    form.querySelectorAll("[data-field]").forEach(function (f) {
      var v = "";
      if (f.dataset.kind === "bool" || f.dataset.kind === "choice") {
        var c = f.querySelector("input:checked");
        if (c) v = f.querySelector("label[for='" + c.id + "']").textContent;
      } else {
        v = form.elements[f.dataset.field].value.trim();
        if (f.dataset.kind === "date") v = longDate(v, form.dataset.lang);
      }
      if (v === "") return;
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = f.dataset.label;
      dd.textContent = v;
      dl.appendChild(dt); dl.appendChild(dd);
    });
    return dl;
  }

  function showResult(form, out, res, set) {
    var d = out.dataset, lang = form.dataset.lang;
    out.textContent = "";
    var h = document.createElement("h2");
    h.className = "utrecht-heading-2";
    h.id = "uitkomst-titel";
    h.tabIndex = -1;
    h.textContent = d.title;
    out.appendChild(h);
    // On paper: which calculator, when, and with the amounts of which year.
    var meta = document.createElement("p");
    meta.className = "utrecht-paragraph rg-print-only";
    var today = new Date();
    var iso = today.getFullYear() + "-" + String(today.getMonth() + 1).padStart(2, "0") + "-" + String(today.getDate()).padStart(2, "0");
    meta.textContent = d.pageTitle + ". " + d.printDate + " " + longDate(iso, lang) + ". " + d.printYear + " " + String(set.date).slice(0, 4) + ".";
    out.appendChild(meta);
    var p = document.createElement("p");
    p.className = "utrecht-paragraph rg-result__verdict";
    p.textContent = res.eligible ? d.yes : d.no;
    out.appendChild(p);
    // Amounts only when there is a subsidy or a premium: without one the
    // outcome sentence says it all (no "Per maand € 0,00" next to a
    // maximum). The main amount first: what the summary calls the amount.
    if (res.eligible) {
      var amounts = [["amount", d.amount], ["monthly_amount", d.monthlyAmount], ["max_total", d.maxTotal], ["max_monthly", d.maxMonthly]];
      var dl = document.createElement("dl");
      dl.className = "rg-result__amounts";
      amounts.forEach(function (a) {
        if (res[a[0]] === undefined) return;
        var dt = document.createElement("dt"), dd = document.createElement("dd");
        dt.textContent = a[1];
        dd.textContent = money(res[a[0]], lang);
        dl.appendChild(dt); dl.appendChild(dd);
      });
      if (res.max_months !== undefined) {
        var dt = document.createElement("dt"), dd = document.createElement("dd");
        dt.textContent = d.maxMonths;
        dd.textContent = res.max_months;
        dl.appendChild(dt); dl.appendChild(dd);
      }
      out.appendChild(dl);
    }
    var h3 = document.createElement("h3");
    h3.className = "utrecht-heading-3";
    h3.textContent = d.why;
    out.appendChild(h3);
    var ul = document.createElement("ul");
    ul.className = "utrecht-unordered-list";
    (res.reasons || []).forEach(function (r) {
      var li = document.createElement("li");
      li.className = "utrecht-unordered-list__item";
      li.appendChild(document.createTextNode(r.text + " "));
      if (r.law) {
        li.appendChild(document.createTextNode("(" + cite(d, r) + ")"));
      } else {
        var a = document.createElement("a");
        a.className = "utrecht-link";
        a.href = form.dataset.articles + r.article + "/" + (r.paragraph === "toelichting" ? "#toelichting" : r.paragraph ? "#lid-" + r.paragraph : "");
        a.textContent = "(" + cite(d, r) + ")";
        li.appendChild(a);
      }
      ul.appendChild(li);
    });
    out.appendChild(ul);
    var h3a = document.createElement("h3");
    h3a.className = "utrecht-heading-3 rg-print-only";
    h3a.textContent = d.answers;
    out.appendChild(h3a);
    var given = answers(form);
    given.classList.add("rg-print-only");
    out.appendChild(given);
    var print = document.createElement("button");
    print.type = "button";
    print.className = "utrecht-button utrecht-button--secondary-action rg-print-button";
    print.textContent = d.print;
    print.addEventListener("click", function () { window.print(); });
    out.appendChild(print);
    h.focus();
  }

  // busy shows that the calculator is working: the button says so and is
  // marked aria-disabled (it keeps its focus, unlike disabled), and the
  // status line, a polite live region, says "Even rekenen…". The first
  // tap, while the module loads, never looks dead. Done clears both: the
  // result or the errors take the status line's place.
  function busy(form, on) {
    var btn = form.querySelector("button[type=submit]");
    var status = form.querySelector("[data-status]");
    form.dataset.busy = on ? "true" : "";
    if (on) {
      btn.setAttribute("aria-disabled", "true");
      btn.classList.add("utrecht-button--busy");
      btn.textContent = btn.dataset.busyLabel;
      btn.style.cursor = "progress";
      status.textContent = status.dataset.busy;
    } else {
      btn.removeAttribute("aria-disabled");
      btn.classList.remove("utrecht-button--busy");
      btn.textContent = btn.dataset.label;
      btn.style.cursor = "";
      status.textContent = "";
    }
  }

  function init(form) {
    var out = document.getElementById(form.dataset.result);
    if (!window.WebAssembly || !window.fetch || !window.Promise) {
      // A browser that cannot run the rules gets the page without the form.
      form.hidden = true;
      var intro = document.querySelector("[data-js-intro]");
      if (intro) intro.hidden = true;
      return;
    }
    preload(form);
    form.addEventListener("submit", function (ev) {
      ev.preventDefault();
      if (form.dataset.busy === "true") return;
      clearErrors(form);
      var input = collect(form);
      busy(form, true);
      loadCalculators(form).then(function (data) {
        // Let the status line show before the rules run.
        return new Promise(function (resolve) { setTimeout(function () { resolve(data); }, 0); });
      }).then(function (data) {
        var sets = data.sets;
        var set = setFor(sets, input.date || sets[sets.length - 1].date);
        var res = JSON.parse(globalThis.regelgidsCalc(form.dataset.calculator, JSON.stringify(input), JSON.stringify(set), data.binding));
        busy(form, false);
        if (res.error) {
          out.textContent = "";
          showErrors(form, res.error.fields, res.error.message);
          return;
        }
        showResult(form, out, res, set);
      }).catch(function () {
        busy(form, false);
        showErrors(form, null, out.dataset.loadError);
      });
    });
  }

  document.querySelectorAll("form[data-calculator]").forEach(init);
})();
