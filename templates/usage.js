(function () {
  "use strict";
  function key(cell) {
    var t = (cell.textContent || "").trim();
    var n = t.replace(/,/g, "").replace(/%$/, "");
    if (/^-?\d+(\.\d+)?$/.test(n)) return [0, parseFloat(n)];
    var units = { d: 86400, h: 3600, min: 60, s: 1, ms: 0.001 };
    var m = t.match(/^(-?[\d.]+) (d|h|min|s|ms)(?: (\d+) (h|min|s))?$/);
    if (m) return [0, parseFloat(m[1]) * units[m[2]] + (m[3] ? parseFloat(m[3]) * units[m[4]] : 0)];
    return [1, t.toLowerCase()];
  }
  function sortBy(table, index, th) {
    var body = table.tBodies[0];
    if (!body) return;
    var desc = th.getAttribute("aria-sort") === "ascending";
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", desc ? "descending" : "ascending");
    var rows = Array.prototype.slice.call(body.rows);
    rows.sort(function (a, b) {
      var x = key(a.cells[index]), y = key(b.cells[index]);
      var r = x[0] !== y[0] ? x[0] - y[0] : (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0);
      return desc ? -r : r;
    });
    rows.forEach(function (r) { body.appendChild(r); });
  }
  Array.prototype.forEach.call(document.querySelectorAll("table.sortable"), function (table) {
    if (!table.tHead) return;
    Array.prototype.forEach.call(table.tHead.rows[0].cells, function (th, i) {
      var b = document.createElement("button");
      b.type = "button";
      while (th.firstChild) b.appendChild(th.firstChild);
      th.appendChild(b);
      b.addEventListener("click", function () { sortBy(table, i, th); });
    });
  });
  Array.prototype.forEach.call(document.querySelectorAll("table[data-filter]"), function (table) {
    var input = document.createElement("input");
    input.type = "search";
    input.className = "filter";
    input.placeholder = "Filter rows";
    input.setAttribute("aria-label", "Filter " + (table.caption ? table.caption.textContent : "rows"));
    table.parentNode.insertBefore(input, table);
    input.addEventListener("input", function () {
      var q = input.value.toLowerCase();
      Array.prototype.forEach.call(table.tBodies[0].rows, function (r) {
        r.hidden = q !== "" && (r.textContent || "").toLowerCase().indexOf(q) < 0;
      });
    });
  });
  function markScrolling() {
    Array.prototype.forEach.call(document.querySelectorAll(".wrap"), function (w) {
      w.classList.toggle("scrolls", w.scrollWidth > w.clientWidth + 1);
    });
  }
  markScrolling();
  window.addEventListener("resize", markScrolling);
  var closed = [];
  window.addEventListener("beforeprint", function () {
    closed = Array.prototype.filter.call(document.querySelectorAll("details"), function (d) { return !d.open; });
    closed.forEach(function (d) { d.open = true; });
  });
  window.addEventListener("afterprint", function () {
    closed.forEach(function (d) { d.open = false; });
    closed = [];
  });
})();
