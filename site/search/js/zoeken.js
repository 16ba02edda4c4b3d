/* regelgids zoeken: starts the search when a search box is first used.
   The search itself (zoeken-engine.js) and the index of the page's
   language load only then. Without JavaScript the form submits to the
   search page. */
(function () {
  "use strict";
  if (!window.fetch || !window.Map || !document.querySelectorAll) return;
  var engine = null;
  function withEngine(src, done) {
    if (window.RegelgidsZoeken) { done(); return; }
    if (!engine) {
      engine = document.createElement("script");
      engine.src = src;
      engine.async = true;
      document.head.appendChild(engine);
    }
    engine.addEventListener("load", done);
  }
  Array.prototype.forEach.call(document.querySelectorAll("form[data-zoeken]"), function (form) {
    var input = form.querySelector("input[name=q]");
    if (!input) return;
    var started = false;
    function boot() {
      if (started) return;
      started = true;
      input.removeEventListener("focus", boot);
      input.removeEventListener("input", boot);
      withEngine(form.getAttribute("data-engine"), function () { window.RegelgidsZoeken.start(form, input); });
    }
    input.addEventListener("focus", boot);
    input.addEventListener("input", boot);
    // On the search page, reached by submitting a search without results
    // from the server, search here.
    var q = new URLSearchParams(location.search).get("q");
    var action = new URL(form.action, location.href);
    if (q && action.pathname === location.pathname && !document.querySelector("[data-zoeken-server]")) {
      if (input.value === "") input.value = q;
      boot();
    }
  });
})();
