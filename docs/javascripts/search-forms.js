// Search results: the hidden word forms at the end of each page (after «⁂») make Russian
// word forms findable; they are not for reading, so they are cut out of result previews.
(function () {
  function trim(block) {
    var walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    var node, found = false, after = [];
    while ((node = walker.nextNode())) {
      if (found) { after.push(node); continue; }
      var i = node.data.indexOf("\u2042");
      if (i >= 0) { node.data = node.data.slice(0, i); found = true; }
    }
    after.forEach(function (n) { n.remove(); });
    block.querySelectorAll("mark").forEach(function (m) { if (!m.textContent) m.remove(); });
  }
  new MutationObserver(function () {
    document.querySelectorAll(".md-search-result__article").forEach(function (p) {
      if (p.textContent.indexOf("\u2042") >= 0) trim(p);
    });
  }).observe(document.documentElement, { childList: true, subtree: true });
})();
