// Wide tables: when a table is wider than its box, a line above it says so, so that no
// column is hidden without a cue (the box scrolls sideways; the edges also shade).
(function () {
  var HINT = "Таблица шире экрана — прокрутите её вбок →";
  function check() {
    document.querySelectorAll(".md-typeset .rsnms-scroll, .md-typeset .md-typeset__scrollwrap").forEach(function (box) {
      // Material wraps every table, ours too: one cue per table, on the outer box
      if (box.parentElement && box.parentElement.closest(".rsnms-scroll")) return;
      var hint = box.previousElementSibling;
      var has = hint && hint.classList.contains("rsnms-scroll-hint");
      var wide = box.scrollWidth > box.clientWidth + 2;
      if (wide && !has) {
        var p = document.createElement("p");
        p.className = "rsnms-scroll-hint";
        p.textContent = HINT;
        box.parentNode.insertBefore(p, box);
      } else if (!wide && has) {
        hint.remove();
      }
    });
  }
  var timer = null;
  window.addEventListener("resize", function () { clearTimeout(timer); timer = setTimeout(check, 150); });
  if (typeof document$ !== "undefined") { document$.subscribe(function () { setTimeout(check, 0); }); }
  else { document.addEventListener("DOMContentLoaded", check); }
})();
