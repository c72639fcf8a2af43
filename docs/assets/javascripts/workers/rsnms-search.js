// Wraps Material's search worker (its file name follows the «#» of this script's address;
// see rsnms/handbook/theme/main.html). Material matches word beginnings only, so a typed
// Russian word in another form («горизонтальное» for «горизонтального») would find nothing:
// each typed word of seven letters or more is also searched by its stem (the word less its
// last two letters). Queries in lunr's own syntax (~ ^ : + - " *) pass unchanged.
(function () {
  var original = decodeURIComponent(self.location.hash.slice(1));
  addEventListener("message", function (event) {
    var message = event.data;
    if (!message || message.type !== 2 || typeof message.data !== "string") return;
    if (/[~^:+\-"*]/.test(message.data)) return;
    var stems = message.data.split(/[^0-9A-Za-zА-Яа-яЁё]+/).filter(function (w) {
      return w.length >= 7 && /[А-Яа-яЁё]/.test(w);
    }).map(function (w) { return w.slice(0, w.length - 2); });
    if (stems.length) message.data = message.data + " " + stems.join(" ");
  });
  importScripts(original);
})();
