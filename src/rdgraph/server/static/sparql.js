// The SPARQL editor: YASGUI (vendored) on /sparql. Without JavaScript the plain form below it works.
(function () {
  "use strict";
  var el = document.getElementById("yasgui");
  var form = document.getElementById("sparql-form");
  if (!el || !window.Yasgui) { return; }
  var textarea = document.getElementById("query");
  var start = textarea ? textarea.value : "";
  var yasgui = new window.Yasgui(el, {
    requestConfig: { endpoint: new URL(el.getAttribute("data-endpoint") || "/sparql", window.location.href).href,
                     method: "POST" },
    copyEndpointOnNewTab: false,

    persistenceId: null,
    yasqe: { autocompleters: ["variables"], resizeable: true, persistenceId: null },
    yasr: { prefixes: {} }
  });
  var tab = yasgui.getTab();
  var yasqe = tab.getYasqe();
  if (start) { yasqe.setValue(start); }
  if (form) { form.hidden = true; }
  var marks = [];
  function clearMarks() { marks.forEach(function (m) { m.clear(); }); marks = []; }
  // A parser error "error at L:C: ..." is marked at its place in the editor; the query stays as it is.
  function showError() {
    clearMarks();
    var old = document.getElementById("editor-error");
    if (old) { old.remove(); }
    // the server's message as YASR shows it (in the page's language: no wording is matched here)
    var shown = el.querySelector(".yasr .errorResult");
    var text = "";
    if (shown) {
      shown = shown.cloneNode(true);
      Array.prototype.forEach.call(shown.querySelectorAll(".errorHeader"), function (h) { h.remove(); });
      text = shown.textContent.trim();
    }
    if (!text) { return; }
    var box = document.createElement("div");
    box.id = "editor-error"; box.className = "error"; box.setAttribute("role", "alert");
    box.textContent = text;
    el.parentNode.insertBefore(box, el.nextSibling);
    var m = /at (\d+):(\d+)/.exec(text);
    if (m) {
      var line = parseInt(m[1], 10) - 1, col = parseInt(m[2], 10) - 1;
      var len = yasqe.getLine(line) ? yasqe.getLine(line).length : 0;
      marks.push(yasqe.markText({ line: line, ch: Math.max(0, col - 1) }, { line: line, ch: Math.max(col, len) },
        { className: "sparql-error-mark", title: text }));
      yasqe.setCursor({ line: line, ch: Math.max(0, col - 1) });
    }
  }
  yasqe.on("queryResponse", function () { window.setTimeout(showError, 50); });
  // What the vendored editor leaves out for assistive technology, added after it draws (labels from the
  // page, in its language; the "add tab" button moved out of the tab list, where only tabs belong).
  function accessible() {
    function label(sel, text) {
      Array.prototype.forEach.call(el.querySelectorAll(sel), function (e) {
        if (!e.getAttribute("aria-label")) { e.setAttribute("aria-label", text); }
      });
    }
    label(".CodeMirror textarea", el.getAttribute("data-label-query") || "Query");
    label("input.autocomplete", el.getAttribute("data-label-endpoint") || "Endpoint");
    label(".tabsList input[type=text]", el.getAttribute("data-label-tab-name") || "Tab");
    label("select.tableSizer", el.getAttribute("data-label-page-size") || "Rows per page");
    Array.prototype.forEach.call(el.querySelectorAll(".tabsList > [role=presentation]"), function (wrap) {
      if (wrap.querySelector("button.addTab")) { wrap.parentNode.parentNode.insertBefore(wrap, wrap.parentNode.nextSibling); }
    });
  }
  accessible();
  new MutationObserver(accessible).observe(el, { childList: true, subtree: true });
  yasqe.on("change", clearMarks);
}());
