// The entry form: on every change, POST the fields to /api/validate and show the findings next to
// the fields they are about, and the Turtle the form builds. Downloading is a plain form POST.
(function () {
  "use strict";
  var form = document.getElementById("entry-form");
  if (!form) { return; }
  var lang = form.getAttribute("data-lang") || "nl";
  var status = document.getElementById("entry-status");
  var turtle = document.getElementById("entry-turtle");
  var timer = null;
  var seq = 0;
  // the page's texts from the server's message catalogue (ui.form.*), in the page's language
  var words = JSON.parse(document.getElementById("entry-words").textContent);

  function fields() {
    var out = {};
    Array.prototype.forEach.call(form.elements, function (el) {
      if (el.name) { out[el.name] = el.value; }
    });
    return out;
  }

  function show(data) {
    Array.prototype.forEach.call(document.querySelectorAll(".problems"), function (box) {
      box.textContent = "";
      box.parentNode.classList.remove("has-problem");
    });
    turtle.textContent = data.turtle || "";
    var byField = data.fields || {};
    Object.keys(byField).forEach(function (name) {
      var box = document.getElementById("p-" + name) || document.getElementById("p-general");
      byField[name].forEach(function (f) {
        var p = document.createElement("p");
        p.className = "finding " + (f.severity || "").toLowerCase();
        p.textContent = f.message;
        if (f.hint) {
          var h = document.createElement("span");
          h.className = "finding-hint";
          h.textContent = " " + words.hint + f.hint;
          p.appendChild(h);
        }
        box.appendChild(p);
        box.parentNode.classList.add("has-problem");
      });
    });
    var r = data.report;
    if (r) {
      status.textContent = r.conforms && !r.warnings ? words.ok
        : words.summary.replace("{violations}", r.violations).replace("{warnings}", r.warnings);
      status.setAttribute("data-conforms", r.conforms ? "true" : "false");
    }
  }

  function check() {
    var mine = ++seq;
    status.textContent = words.busy;
    status.removeAttribute("data-conforms");
    fetch("/api/validate?lang=" + lang, {
      method: "POST", headers: {"Content-Type": "application/json", "Accept": "application/json"},
      body: JSON.stringify(fields())
    }).then(function (r) { return r.json(); }).then(function (data) {
      if (mine === seq) { show(data); }
    }).catch(function (e) { status.textContent = String(e); });
  }

  form.addEventListener("input", function () {
    seq++;  // an answer still on its way is about older fields: it will not be shown
    status.textContent = words.busy;
    status.removeAttribute("data-conforms");
    if (timer) { clearTimeout(timer); }
    timer = setTimeout(check, 400);
  });
  check();
}());
