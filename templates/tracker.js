/* tracker status site: sorting and filtering for tables. No framework, no network.
   Inlined into the pages and allowed by its hash in the Content-Security-Policy. */
(function () {
  "use strict";
  var each = function (list, fn) { Array.prototype.forEach.call(list, fn); };

  function sortKey(cell, type) {
    var raw = cell.getAttribute("data-sort");
    if (raw === null) { raw = cell.textContent.trim(); }
    if (raw === "") { return null; }
    return type === "number" ? parseFloat(raw) : raw.toLowerCase();
  }

  function sortTable(table, th, col) {
    var type = th.getAttribute("data-sort-type");
    var ascending = th.getAttribute("aria-sort") !== "ascending";
    each(th.parentNode.cells, function (c) { c.removeAttribute("aria-sort"); });
    th.setAttribute("aria-sort", ascending ? "ascending" : "descending");
    var body = table.tBodies[0];
    var rows = Array.prototype.map.call(body.rows, function (row, i) {
      return { row: row, key: sortKey(row.cells[col], type), i: i };
    });
    rows.sort(function (a, b) {
      if (a.key === b.key) { return a.i - b.i; }
      if (a.key === null) { return 1; }   /* blanks last either way */
      if (b.key === null) { return -1; }
      var d = a.key < b.key ? -1 : 1;
      return ascending ? d : -d;
    });
    var frag = document.createDocumentFragment();
    rows.forEach(function (r) { frag.appendChild(r.row); });
    body.appendChild(frag);
  }

  each(document.querySelectorAll("table[data-sortable]"), function (table) {
    each(table.tHead.rows[0].cells, function (th, col) {
      if (!th.hasAttribute("data-sort-type")) { return; }
      var button = document.createElement("button");
      button.type = "button";
      button.className = "sort";
      while (th.firstChild) { button.appendChild(th.firstChild); }
      th.appendChild(button);
      button.addEventListener("click", function () { sortTable(table, th, col); });
    });
  });

  each(document.querySelectorAll("[data-filter-for]"), function (box) {
    var table = document.getElementById(box.getAttribute("data-filter-for"));
    if (!table) { return; }
    var q = box.querySelector("[name=q]");
    var status = box.querySelector("[name=status]");
    var actor = box.querySelector("[name=actor]");
    var output = box.querySelector("output");
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return { row: row, text: row.textContent.toLowerCase(), status: row.getAttribute("data-status"),
               actor: row.getAttribute("data-actor") };
    });
    function apply() {
      var words = q.value.toLowerCase().split(/\s+/).filter(Boolean);
      var st = status ? status.value : "";
      var ac = actor ? actor.value : "";
      var shown = 0;
      rows.forEach(function (r) {
        var ok = (!st || r.status === st) && (!ac || r.actor === ac) &&
          words.every(function (w) { return r.text.indexOf(w) !== -1; });
        r.row.hidden = !ok;
        if (ok) { shown += 1; }
      });
      output.textContent = shown === rows.length ? rows.length + " shown" : shown + " of " + rows.length + " shown";
    }
    var params = new URLSearchParams(window.location.search);
    if (params.get("q")) { q.value = params.get("q"); }
    if (status && params.get("status")) { status.value = params.get("status"); }
    if (actor && params.get("actor")) { actor.value = params.get("actor"); }
    var timer = null;
    q.addEventListener("input", function () {  /* wait for a pause in typing: big tables re-layout slowly */
      window.clearTimeout(timer);
      timer = window.setTimeout(apply, rows.length > 2000 ? 200 : 0);
    });
    [status, actor].forEach(function (el) { if (el) { el.addEventListener("change", apply); } });
    box.hidden = false;
    apply();
  });
}());
