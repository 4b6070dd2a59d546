// Small enhancements; every page works without them.
(function () {
  "use strict";
  // Sortable result tables: a header button sorts by its column (numbers as numbers), again to reverse.
  document.querySelectorAll("table.sortable").forEach(function (table) {
    var heads = table.querySelectorAll("thead th");
    heads.forEach(function (th, i) {
      var btn = th.querySelector("button.sort");
      if (!btn) {
        btn = document.createElement("button"); btn.type = "button"; btn.className = "sort";
        btn.textContent = th.textContent; th.textContent = ""; th.appendChild(btn);
      }
      btn.addEventListener("click", function () {
        var asc = th.getAttribute("aria-sort") !== "ascending";
        heads.forEach(function (h) { h.removeAttribute("aria-sort"); });
        th.setAttribute("aria-sort", asc ? "ascending" : "descending");
        var body = table.tBodies[0];
        var rows = Array.prototype.slice.call(body.rows);
        rows.sort(function (a, b) {
          var x = a.cells[i] ? (a.cells[i].getAttribute("data-sort") || a.cells[i].textContent) : "";
          var y = b.cells[i] ? (b.cells[i].getAttribute("data-sort") || b.cells[i].textContent) : "";
          var nx = parseFloat(x), ny = parseFloat(y);
          var c = (!isNaN(nx) && !isNaN(ny) && String(nx) !== "NaN" && /^-?[\d.]+(e[-+]?\d+)?$/i.test(x) &&
                   /^-?[\d.]+(e[-+]?\d+)?$/i.test(y)) ? nx - ny : x.localeCompare(y);
          return asc ? c : -c;
        });
        rows.forEach(function (r) { body.appendChild(r); });
      });
    });
  });
}());
