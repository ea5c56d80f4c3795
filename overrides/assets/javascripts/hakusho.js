/* hakusho: what a reader on a phone needs beyond Material's own behaviour.
   No network, no library: it runs the same from file:// in the offline bundle. */
(function () {
  "use strict";

  /* The words this script shows, from content/labels.yaml (overrides/main.html
     writes them into the page); {name} and {n} are filled in here. */
  var WORDS = {};
  try { WORDS = JSON.parse(document.getElementById("hk-words").textContent) || {}; } catch (e) { /* none given */ }
  function say(key, fields) {
    return (WORDS[key] || "").replace(/\{(\w+)\}/g, function (all, f) { return f in fields ? fields[f] : all; });
  }

  /* A table wider than the screen scrolls inside its wrapper: the wrapper is
     made a focusable region, named after the table's heading, so a keyboard
     reader can scroll it and a screen reader can tell what it is. */
  function labelScrollingTables() {
    document.querySelectorAll(".md-typeset__scrollwrap:not([tabindex])").forEach(function (wrap) {
      var heading = null;
      for (var el = wrap; el && !heading; el = el.previousElementSibling || el.parentElement) {
        if (/^H[1-4]$/.test(el.tagName)) heading = el;
        if (el.classList && el.classList.contains("md-content__inner")) break;
      }
      var name = heading ? heading.textContent.replace(/[¶#]\s*$/, "").trim() : document.title;
      wrap.setAttribute("tabindex", "0");
      wrap.setAttribute("role", "region");
      wrap.setAttribute("aria-label", say("table_region", {name: name}) || name);
    });
  }

  /* A footnote reference shows its note in place, under the paragraph, on a
     touch screen (where Material's tooltip needs a hover that never comes);
     a second tap closes it, and the note keeps its link to the foot. */
  function noteInPlace(event) {
    var ref = event.target.closest && event.target.closest("a.footnote-ref");
    if (!ref || !window.matchMedia("(hover: none), (max-width: 44.9375em)").matches) return;
    var id = decodeURIComponent(ref.getAttribute("href").slice(1));
    var note = document.getElementById(id);
    var block = ref.closest("p, li, td, dd") || ref.parentElement;
    if (!note || !block) return;
    event.preventDefault();
    var open = block.nextElementSibling;
    if (open && open.classList.contains("hk-note") && open.dataset.note === id) {
      open.remove();
      ref.setAttribute("aria-expanded", "false");
      return;
    }
    var box = document.createElement("aside");
    box.className = "hk-note";
    box.dataset.note = id;
    box.setAttribute("role", "note");
    var label = document.createElement("strong");
    label.textContent = say("note", {n: ref.textContent}) + "　";
    box.appendChild(label);
    var body = note.cloneNode(true);
    body.querySelectorAll(".footnote-backref").forEach(function (a) { a.remove(); });
    while (body.firstChild) box.appendChild(body.firstChild.nodeType === 1 && body.firstChild.tagName === "P"
      ? Array.prototype.slice.call(body.removeChild(body.firstChild).childNodes).reduce(function (span, n) {
          span.appendChild(n); return span; }, document.createElement("span"))
      : body.removeChild(body.firstChild));
    var jump = document.createElement("a");
    jump.href = "#" + id;
    jump.textContent = say("to_note", {});
    jump.className = "hk-note-jump";
    box.appendChild(jump);
    block.parentNode.insertBefore(box, block.nextSibling);
    ref.setAttribute("aria-expanded", "true");
  }

  /* A page opened from a search result (?h=, written by search-worker.js
     with the words as printed) marks each word wherever the article holds it,
     across <abbr>, <ruby> and links, which Material's own highlight (one text
     node at a time) cannot; ruby readings (<rt>) are not part of the text. */
  function highlightSearchWords() {
    var words = (new URLSearchParams(location.search).get("h") || "").split(/\s+/).filter(Boolean);
    var article = document.querySelector("article.md-content__inner");
    if (!words.length || !article || article.querySelector("mark[data-hk-highlight]")) return;
    var nodes = [], starts = [], text = "";
    var walk = document.createTreeWalker(article, NodeFilter.SHOW_TEXT, {acceptNode: function (n) {
      return n.parentElement.closest("rt, rp, .headerlink, script, style")
        ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_ACCEPT;
    }});
    for (var n = walk.nextNode(); n; n = walk.nextNode()) { nodes.push(n); starts.push(text.length); text += n.data; }
    // ASCII case only: a full lower-casing may change a string's length, and the offsets with it
    var lower = function (t) { return t.replace(/[A-Z]+/g, function (c) { return c.toLowerCase(); }); };
    var ranges = [], folded = lower(text);
    words.forEach(function (word) {
      word = lower(word);
      for (var i = folded.indexOf(word); i !== -1; i = folded.indexOf(word, i + word.length))
        ranges.push([i, i + word.length]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0]; });
    ranges = ranges.reduce(function (merged, r) {        // overlapping words: one mark
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
      return merged;
    }, []);
    /* each text node from the last, each node's pieces from its end: the
       offsets of what is still to be wrapped stay valid */
    for (var k = nodes.length - 1; k >= 0; k--) {
      var from = starts[k], to = from + nodes[k].data.length;
      ranges.filter(function (r) { return r[0] < to && r[1] > from; })
        .sort(function (a, b) { return b[0] - a[0]; })
        .forEach(function (r) {
          var node = nodes[k], s = Math.max(r[0], from) - from, e = Math.min(r[1], to) - from;
          if (e < node.data.length) node.splitText(e);
          var piece = s > 0 ? node.splitText(s) : node;
          var mark = document.createElement("mark");
          mark.setAttribute("data-md-highlight", "");
          mark.setAttribute("data-hk-highlight", "");
          piece.parentNode.replaceChild(mark, piece);
          mark.appendChild(piece);
        });
    }
  }

  function ready() {
    labelScrollingTables();
    highlightSearchWords();
  }
  /* Material wraps tables when it mounts a page; run after it, on every page
     (instant navigation included, should it be turned on). */
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { setTimeout(ready, 0); });
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
  document.addEventListener("click", noteInPlace);
})();
