/* The timeline's filters (builder/timeline/page.py writes the form and the list).
 *
 * Country, kind and a range of years, combined; their state is the page's URL
 * (#country=AUS&kind=meeting&from=2013&to=2015), so a view can be shared. The
 * chart counts what the filters show and lists only the years that have some;
 * the years' headings and the page's contents (Material's table of contents)
 * likewise. A box finds a country as one types, in kana or kanji: its words
 * (names, their reading in hiragana, English name) are each option's data-find,
 * and katakana and hiragana are folded together. No library, no network: it
 * runs the same from file:// in the offline bundle. */
(function () {
  "use strict";
  var form = document.getElementById("hk-tl-filters");
  if (!form) return;
  var fields = ["country", "kind", "from", "to"], count = document.getElementById("hk-tl-count");
  var find = document.getElementById("hk-tl-find");
  function field(name) { return document.getElementById("hk-tl-" + name); }

  function read() {
    if (location.hash.indexOf("=") < 0) return;       // #y2014: a year's heading, not a view
    var params = new URLSearchParams(location.hash.slice(1));
    fields.forEach(function (f) {
      var v = params.get(f), el = field(f);
      if (v !== null && Array.prototype.some.call(el.options, function (o) { return o.value === v; })) el.value = v;
    });
  }

  // what a reader types and what an option holds, alike: NFKC, lower case, katakana as hiragana
  function fold(s) {
    return (s || "").normalize("NFKC").toLowerCase().replace(/[\u30a1-\u30f6]/g, function (c) {
      return String.fromCharCode(c.charCodeAt(0) - 0x60);
    }).replace(/[\s・]/g, "");
  }

  function filtering() {
    return fields.some(function (f) { return field(f).value; });
  }

  function apply(write) {
    var c = field("country").value, k = field("kind").value;
    var from = field("from").value, to = field("to").value, shown = 0, years = {};
    if (from && to && from > to) { var t = from; from = to; to = t; }     // a range given backwards
    document.querySelectorAll(".hk-tl-event").forEach(function (li) {
      var y = li.dataset.year;
      var ok = (!c || (" " + li.dataset.countries + " ").indexOf(" " + c + " ") >= 0) && (!k || li.dataset.kind === k)
        && (!from || y >= from) && (!to || y <= to);
      li.hidden = !ok;
      if (ok) { shown++; years[y] = (years[y] || 0) + 1; }
    });
    var open = {};
    document.querySelectorAll(".hk-tl-year").forEach(function (sec) {
      sec.hidden = !sec.querySelector(".hk-tl-event:not([hidden])");
      var h = sec.querySelector("h2[id]");
      if (h) open[h.id] = !sec.hidden;
    });
    // the page's contents: only the years shown
    document.querySelectorAll(".md-nav--secondary a.md-nav__link").forEach(function (a) {
      var id = decodeURIComponent((a.getAttribute("href") || "").split("#")[1] || "");
      if (id in open) a.parentNode.hidden = !open[id];
    });
    var top = Math.max.apply(null, [1].concat(Object.keys(years).map(function (y) { return years[y]; })));
    document.querySelectorAll(".hk-bars-years li").forEach(function (row) {
      var n = years[row.dataset.year] || 0, bar = row.querySelector(".hk-bar > span");
      if (bar) bar.style.width = (100 * n / top).toFixed(2) + "%";
      row.querySelector(".hk-bar-n").firstChild.textContent = n;
      row.hidden = !n;                                 // the chart: only the years with events
      row.classList.toggle("hk-empty", !n);
    });
    form.classList.toggle("hk-filtering", filtering());
    count.textContent = count.dataset.words.replace("{n}", shown);
    if (write) {
      var params = new URLSearchParams();
      fields.forEach(function (f) { if (field(f).value) params.set(f, field(f).value); });
      var hash = params.toString();
      history.replaceState(null, "", hash ? "#" + hash : location.pathname + location.search);
    }
  }

  // the box: the countries whose words hold what is typed; the first is chosen
  function findCountry() {
    var q = fold(find.value), select = field("country"), first = null;
    Array.prototype.forEach.call(select.querySelectorAll("option[data-find]"), function (o) {
      var hit = !q || fold(o.dataset.find + " " + o.textContent).indexOf(q) >= 0;
      o.hidden = !hit;
      o.disabled = !hit;
      if (hit && !first) first = o;
    });
    Array.prototype.forEach.call(select.querySelectorAll("optgroup"), function (g) {
      g.hidden = !g.querySelector("option:not([hidden])");
    });
    find.setCustomValidity(q && !first ? find.dataset.none : "");
    if (q && first && select.value !== first.value) {
      select.value = first.value;
      apply(true);
    }
  }

  // on a phone the chart is folded: the results come first (a tap on its summary opens it)
  var chart = document.querySelector(".hk-tl-chart");
  if (chart && window.matchMedia("(max-width: 44.9375em)").matches) chart.open = false;
  read();
  form.addEventListener("change", function (ev) { if (ev.target !== find) apply(true); });
  form.addEventListener("submit", function (ev) { ev.preventDefault(); });
  find.addEventListener("input", findCountry);
  window.addEventListener("hashchange", function () { read(); apply(false); });
  apply(false);
})();
