// Filters of a roadmap table: one <select> per column named in data-* attributes of its rows.
// Works with Material's instant loading (document$) and without it.
(function () {
  function setup() {
    document.querySelectorAll(".rsnms-filter").forEach(function (box) {
      if (box.dataset.ready) return;
      box.dataset.ready = "1";
      var table = document.getElementById(box.dataset.table);
      if (!table) return;
      var rows = Array.prototype.slice.call(table.tBodies[0].rows);
      var filters = [["direction", "Направление"], ["responsible", "Ответственный"]];
      var selects = filters.map(function (f) {
        var values = {};
        rows.forEach(function (r) {
          (r.dataset[f[0]] || "").split(", ").forEach(function (v) { if (v) values[v] = true; });
        });
        var label = document.createElement("label");
        label.textContent = f[1] + ": ";
        var select = document.createElement("select");
        select.name = f[0];
        var all = document.createElement("option");
        all.value = ""; all.textContent = "все";
        select.appendChild(all);
        Object.keys(values).sort().forEach(function (v) {
          var o = document.createElement("option");
          o.value = v; o.textContent = v;
          select.appendChild(o);
        });
        label.appendChild(select);
        box.appendChild(label);
        return select;
      });
      function apply() {
        rows.forEach(function (r) {
          var shown = selects.every(function (s) {
            return !s.value || (r.dataset[s.name] || "").split(", ").indexOf(s.value) >= 0;
          });
          r.hidden = !shown;
        });
      }
      selects.forEach(function (s) { s.addEventListener("change", apply); });
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setup); }
  else { document.addEventListener("DOMContentLoaded", setup); }
})();
