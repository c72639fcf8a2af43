// Filters of a roadmap table: one <select> per column named in data-* attributes of its rows;
// the timeline named in data-timeline shows the same rows (its lines carry data-row = row id).
// Works with Material's instant loading (document$) and without it.
(function () {
  function setup() {
    document.querySelectorAll(".rsnms-filter").forEach(function (box) {
      if (box.dataset.ready) return;
      box.dataset.ready = "1";
      var table = document.getElementById(box.dataset.table);
      if (!table) return;
      var timeline = box.dataset.timeline ? document.getElementById(box.dataset.timeline) : null;
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
      var count = document.createElement("span");
      count.className = "rsnms-filter__count";
      count.setAttribute("aria-live", "polite");
      box.appendChild(count);
      function apply() {
        var shown = 0;
        rows.forEach(function (r) {
          var visible = selects.every(function (s) {
            return !s.value || (r.dataset[s.name] || "").split(", ").indexOf(s.value) >= 0;
          });
          r.hidden = !visible;
          if (visible) shown++;
          if (timeline) {
            var line = timeline.querySelector('[data-row="' + r.id + '"]');
            if (line) line.hidden = !visible;
          }
        });
        count.textContent = "Строк: " + shown + " из " + rows.length;
      }
      selects.forEach(function (s) { s.addEventListener("change", apply); });
      apply();
    });
  }
  if (typeof document$ !== "undefined") { document$.subscribe(setup); }
  else { document.addEventListener("DOMContentLoaded", setup); }
})();
