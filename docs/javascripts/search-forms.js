// Search results.
// 1. Each section of the index ends with the normal forms of its words (after «⁂»): they
//    make Russian word forms findable, but are not for reading, so they are cut out of the
//    previews; the words of the preview that share the stem of a typed word are highlighted
//    (Material highlights only words that begin with what was typed).
// 2. Facets: the results can be narrowed to one region and to one kind of page
//    (window.rsnmsFacets, written by `rsnms build` into javascripts/facets.js).
(function () {
  var MARK = "\u2042";

  function norm(s) { return s.toLowerCase().replace(/ё/g, "е"); }

  function stems() {
    var input = document.querySelector(".md-search__input");
    var words = (input ? input.value : "").split(/[^0-9A-Za-zА-Яа-яЁё]+/);
    return words.filter(function (w) { return w.length >= 4; }).map(function (w) {
      w = norm(w);
      return w.length > 5 ? w.slice(0, w.length - 2) : w.slice(0, w.length - 1);
    });
  }

  function trim(block) {
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    var node, found = false, after = [];
    while ((node = walker.nextNode())) {
      if (found) { after.push(node); continue; }
      var i = node.data.indexOf(MARK);
      if (i >= 0) { node.data = node.data.slice(0, i); found = true; }
    }
    after.forEach(function (n) { n.remove(); });
    block.querySelectorAll("mark").forEach(function (m) { if (!m.textContent) m.remove(); });
  }

  function highlight(block, roots) {
    if (!roots.length) return;
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    var nodes = [], node;
    while ((node = walker.nextNode())) {
      if (!node.parentNode.closest("mark, h1, h2")) nodes.push(node);
    }
    var word = /[0-9A-Za-zА-Яа-яЁё]+/g;
    nodes.forEach(function (n) {
      var text = n.data, out = [], last = 0, m, hit = false;
      word.lastIndex = 0;
      while ((m = word.exec(text))) {
        var w = norm(m[0]);
        if (roots.some(function (r) { return w.indexOf(r) === 0; })) {
          out.push(document.createTextNode(text.slice(last, m.index)));
          var mark = document.createElement("mark");
          mark.textContent = m[0];
          out.push(mark);
          last = m.index + m[0].length;
          hit = true;
        }
      }
      if (!hit) return;
      out.push(document.createTextNode(text.slice(last)));
      var parent = n.parentNode;
      out.forEach(function (o) { parent.insertBefore(o, n); });
      parent.removeChild(n);
    });
  }

  function facetOf(href) {
    var path = new URL(href, location.href).pathname;
    var facets = window.rsnmsFacets || { regions: {}, kinds: [] };
    var region = "", kind = "";
    Object.keys(facets.regions).forEach(function (id) {
      if (path.indexOf("/regions/" + id + "/") >= 0) region = id;
    });
    facets.kinds.forEach(function (k) {
      if (k.match.some(function (m) { return path.indexOf(m) >= 0; })) kind = kind || k.id;
    });
    return { region: region, kind: kind };
  }

  function facetBox(list) {
    var box = document.querySelector(".rsnms-facets");
    if (box || !window.rsnmsFacets) return box;
    var facets = window.rsnmsFacets;
    box = document.createElement("div");
    box.className = "rsnms-facets";
    function select(name, label, options) {
      var l = document.createElement("label");
      l.textContent = label + ": ";
      var s = document.createElement("select");
      s.name = name;
      [["", "все"]].concat(options).forEach(function (o) {
        var opt = document.createElement("option");
        opt.value = o[0]; opt.textContent = o[1];
        s.appendChild(opt);
      });
      s.addEventListener("change", apply);
      l.appendChild(s);
      box.appendChild(l);
    }
    select("region", "Регион", Object.keys(facets.regions).map(function (id) { return [id, facets.regions[id]]; }));
    select("kind", "Раздел", facets.kinds.map(function (k) { return [k.id, k.title]; }));
    list.parentNode.insertBefore(box, list);
    return box;
  }

  function apply() {
    var box = document.querySelector(".rsnms-facets");
    if (!box) return;
    var region = box.querySelector("select[name=region]").value;
    var kind = box.querySelector("select[name=kind]").value;
    document.querySelectorAll(".md-search-result__item").forEach(function (item) {
      var link = item.querySelector("a");
      if (!link) return;
      var f = facetOf(link.href);
      item.hidden = (region && f.region !== region) || (kind && f.kind !== kind);
    });
  }

  var busy = false;
  new MutationObserver(function () {
    if (busy) return;
    busy = true;
    var roots = stems();
    document.querySelectorAll(".md-search-result__article").forEach(function (p) {
      if (p.dataset.rsnms) return;
      p.dataset.rsnms = "1";
      if (p.textContent.indexOf(MARK) >= 0) trim(p);
      if (!p.querySelector("mark")) highlight(p, roots);
    });
    var list = document.querySelector(".md-search-result__list");
    if (list) { facetBox(list); apply(); }
    busy = false;
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
