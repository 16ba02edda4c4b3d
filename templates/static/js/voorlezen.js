// "Lees voor": reads the main text of a guide or a calculator's outcome
// aloud with the browser's own speech synthesis (no external service).
// The button exists only where the browser has a voice for the page's
// language: the script creates it, so without JavaScript or without a
// voice there is nothing on the page. Voices load asynchronously in some
// browsers, so the check is repeated on "voiceschanged".
//
// The script tag says what to read and where the button goes:
//   data-read      on a guide: the element whose text is read (".rg-guide")
//   data-after     on a guide: the button follows this element
//   data-skip      parts that are not read (the lines of references)
//   data-result    on a calculator: the outcome, which is read; the button
//                  goes in it each time an outcome is shown there
//   data-start, data-stop, data-pause, data-resume, data-playing,
//   data-stopped   the interface texts
(function () {
  "use strict";

  var script = document.currentScript;
  var synth = window.speechSynthesis;
  if (!script || !synth || !window.SpeechSynthesisUtterance) return;
  var cfg = script.dataset;
  var lang = (document.documentElement.lang || "nl").toLowerCase();

  // voiceFor picks a voice for the page's language: nl-NL before other
  // Dutch voices (nl-BE), a local voice before a network one.
  function voiceFor() {
    var best = null, score = -1;
    (synth.getVoices() || []).forEach(function (v) {
      var l = String(v.lang || "").toLowerCase().replace("_", "-");
      if (l !== lang && l.indexOf(lang + "-") !== 0) return;
      var s = (l === "nl-nl" || l === "en-gb" ? 4 : 0) + (v.localService ? 2 : 0) + (v.default ? 1 : 0);
      if (s > score) { best = v; score = s; }
    });
    return best;
  }

  // Block elements whose text is read, one utterance each: short
  // utterances let the reader see where the voice is and avoid the cut-off
  // some browsers have after about fifteen seconds.
  var BLOCKS = "h1, h2, h3, p, li, dt, dd";
  var SKIP = "nav, aside, form, button, .rg-voorlezen, .rg-print-only, .rg-visually-hidden, [hidden]" + (cfg.skip ? ", " + cfg.skip : "");

  function blocks(root) {
    var out = [];
    root.querySelectorAll(BLOCKS).forEach(function (el) {
      // Not the table of contents, the list of rules, the controls, what
      // only prints, or a block inside another block that is read.
      if (el.closest(SKIP)) return;
      if (el.parentElement && el.parentElement.closest(BLOCKS) && el.parentElement.closest(BLOCKS) !== el && root.contains(el.parentElement.closest(BLOCKS))) return;
      var text = (el.innerText || el.textContent || "").replace(/\s+/g, " ").trim();
      if (text) out.push({ el: el, text: text });
    });
    return out;
  }

  var current = null; // the control that is reading now

  // control makes the "Lees voor" button, its pause button and the status
  // line for the text in root.
  function control(root) {
    var box = document.createElement("div");
    box.className = "rg-voorlezen";
    var btn = document.createElement("button");
    btn.type = "button";
    btn.className = "utrecht-button utrecht-button--secondary-action rg-voorlezen__start";
    var pause = document.createElement("button");
    pause.type = "button";
    pause.className = "utrecht-button utrecht-button--subtle rg-voorlezen__pause";
    pause.hidden = true;
    var status = document.createElement("p");
    status.className = "rg-visually-hidden";
    status.setAttribute("role", "status");
    box.appendChild(btn);
    box.appendChild(pause);
    box.appendChild(status);

    // run counts the readings: a browser may report the end of an
    // utterance of an earlier, stopped reading after a new one started.
    var reading = false, paused = false, marked = null, run = 0;

    function mark(el) {
      if (marked) marked.classList.remove("rg-voorlezen__now");
      marked = el;
      if (el) el.classList.add("rg-voorlezen__now");
    }

    function show() {
      // The symbol is decoration: the words are the button's name.
      btn.textContent = "";
      var icon = document.createElement("span");
      icon.className = "rg-voorlezen__icon";
      icon.setAttribute("aria-hidden", "true");
      icon.textContent = reading ? "\u25A0\uFE0E" : "\u25B6\uFE0E";
      btn.appendChild(icon);
      btn.appendChild(document.createTextNode(reading ? cfg.stop : cfg.start));
      pause.textContent = paused ? cfg.resume : cfg.pause;
      pause.hidden = !reading;
      pause.setAttribute("aria-pressed", paused ? "true" : "false");
    }

    function stop(say) {
      if (!reading) return;
      reading = false;
      paused = false;
      if (current === api) current = null;
      synth.cancel();
      mark(null);
      if (say) status.textContent = cfg.stopped;
      show();
    }

    function start() {
      var voice = voiceFor();
      var parts = blocks(root);
      if (!voice || parts.length === 0) return;
      if (current) current.stop(false);
      synth.cancel();
      current = api;
      reading = true;
      var mine = ++run;
      paused = false;
      status.textContent = cfg.playing;
      show();
      parts.forEach(function (part, i) {
        var u = new SpeechSynthesisUtterance(part.text);
        u.voice = voice;
        u.lang = voice.lang;
        u.onstart = function () { if (reading && run === mine) mark(part.el); };
        if (i === parts.length - 1) {
          u.onend = function () { if (reading && run === mine) stop(true); };
        }
        synth.speak(u);
      });
    }

    btn.addEventListener("click", function () { if (reading) stop(true); else start(); });
    pause.addEventListener("click", function () {
      if (!reading) return;
      paused = !paused;
      if (paused) synth.pause(); else synth.resume();
      show();
    });
    var api = { box: box, stop: stop };
    show();
    return api;
  }

  // Stop reading when the page is left: some browsers go on speaking.
  window.addEventListener("pagehide", function () { if (current) current.stop(false); });

  var placed = false;

  function placeGuide() {
    var root = document.querySelector(cfg.read);
    var after = document.querySelector(cfg.after);
    if (!root || !after || placed) return;
    placed = true;
    after.insertAdjacentElement("afterend", control(root).box);
  }

  // On a calculator the outcome is drawn anew for every answer: the button
  // goes in each new outcome, after its heading.
  function watchResult() {
    var out = document.querySelector(cfg.result);
    if (!out || placed) return;
    placed = true;
    var add = function () {
      if (current && !out.contains(current.box)) current.stop(false);
      var h = out.querySelector("h2");
      if (!h || out.querySelector(".rg-voorlezen")) return;
      h.insertAdjacentElement("afterend", control(out).box);
    };
    new MutationObserver(add).observe(out, { childList: true });
    add();
  }

  function ready() {
    if (!voiceFor()) return false;
    if (cfg.result) watchResult(); else placeGuide();
    return true;
  }

  if (!ready()) {
    var onVoices = function () {
      if (!ready()) return;
      if (synth.removeEventListener) synth.removeEventListener("voiceschanged", onVoices);
      else synth.onvoiceschanged = null;
    };
    if (synth.addEventListener) synth.addEventListener("voiceschanged", onVoices);
    else synth.onvoiceschanged = onVoices;
  }
})();
