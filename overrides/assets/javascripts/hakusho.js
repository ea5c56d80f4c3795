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

  /* A page opened from a search result lands at the first word marked: after the section the
     result names (its #anchor), or the first on the page (the result's title line). A word found
     only in the other edition's paragraph (search-worker.js) is in that paragraph, hidden: it is
     opened, as a tap on its EN/JA link opens it. */
  function landAtFirstMark() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !new URLSearchParams(location.search).get("h")) return;
    var from = location.hash && document.getElementById(decodeURIComponent(location.hash.slice(1)));
    var marks = Array.prototype.filter.call(article.querySelectorAll("mark[data-hk-highlight]"), function (m) {
      return !from || from === m || !!(from.compareDocumentPosition(m) & Node.DOCUMENT_POSITION_FOLLOWING);
    });
    var shown = marks.filter(function (m) { return !m.closest("[hidden]"); });
    var mark = shown[0] || marks[0];
    if (!mark) return;
    var other = mark.closest("p.hk-cp[hidden]");
    if (other) {
      other.hidden = false;
      var link = article.querySelector("a.hk-cp-link[aria-controls~='" + other.id + "']");
      if (link) link.setAttribute("aria-expanded", "true");
    }
    mark.scrollIntoView({block: "center"});
  }

  /* The search worker loads its data on the first query: fetched as the reader first focuses the
     search box, it comes from the browser's cache then (served; from file://, Material sets the
     worker up as the box opens, and the worker loads it then). */
  function prefetchSearch(event) {
    if (!event.target.matches || !event.target.matches("input.md-search__input")) return;
    document.removeEventListener("focusin", prefetchSearch);
    if (location.protocol === "file:" || !window.fetch) return;
    fetch(new URL("search/hakusho_search.json", siteRoot())).catch(function () { /* the worker will say */ });
  }

  /* The other edition's paragraph (the builder writes it under each paragraph, hidden, in its
     language): a tap on the small EN/JA link at a paragraph's end opens it under the paragraph,
     a second tap closes it. A click with a modifier, or in the side-by-side view (where it is
     already shown), follows the link to the other edition's page. */
  function counterpartInPlace(event) {
    var link = event.target.closest && event.target.closest("a.hk-cp-link");
    if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.button) return;
    if (document.body.classList.contains("hk-bilingual")) return;
    var shown = (link.getAttribute("aria-controls") || "").split(" ").map(function (id) {
      return document.getElementById(id);
    }).filter(Boolean);
    if (!shown.length) return;
    event.preventDefault();
    var open = link.getAttribute("aria-expanded") !== "true";
    shown.forEach(function (cp) { cp.hidden = !open; });
    link.setAttribute("aria-expanded", String(open));
  }

  /* Side by side: each paragraph beside its counterpart, level with it, in a row of two
     columns (one column on a phone, the counterpart under it). The reader's choice is kept
     for the next page. */
  var BILINGUAL = "hk-bilingual";
  function setBilingual(on) {
    var article = document.querySelector("article.md-content__inner");
    if (!article) return;
    document.body.classList.toggle(BILINGUAL, on);
    if (on) {
      article.querySelectorAll("p.hk-cp").forEach(function (cp) {
        if (cp.parentElement.classList.contains("hk-pair-other")) return;
        var row = cp.previousElementSibling;      // its paragraph, or the row made for the one before
        if (!row) return;
        var pair = row.classList.contains("hk-pair") ? row : null;
        if (!pair) {
          pair = document.createElement("div");
          pair.className = "hk-pair";
          row.parentNode.insertBefore(pair, row);
          pair.appendChild(row);
          pair.appendChild(document.createElement("div")).className = "hk-pair-other";
        }
        pair.lastChild.appendChild(cp);
        cp.hidden = false;
      });
    } else {
      article.querySelectorAll(".hk-pair").forEach(function (pair) {
        var parent = pair.parentNode;
        parent.insertBefore(pair.firstChild, pair);
        Array.prototype.slice.call(pair.lastChild.children).forEach(function (cp) {
          cp.hidden = true;
          parent.insertBefore(cp, pair);
        });
        pair.remove();
      });
      article.querySelectorAll("a.hk-cp-link").forEach(function (a) { a.setAttribute("aria-expanded", "false"); });
    }
    var button = document.querySelector(".hk-bilingual-toggle");
    if (button) button.setAttribute("aria-pressed", String(on));
    try { localStorage.setItem(BILINGUAL, on ? "1" : ""); } catch (e) { /* storage refused: this page only */ }
  }

  function addBilingualToggle() {
    var article = document.querySelector("article.md-content__inner");
    if (!article || !article.querySelector("p.hk-cp") || article.querySelector(".hk-bilingual-toggle")) return;
    var button = document.createElement("button");
    button.type = "button";
    button.className = "md-button hk-bilingual-toggle";
    button.textContent = say("side_by_side", {});
    button.setAttribute("aria-pressed", "false");
    button.addEventListener("click", function () {
      setBilingual(button.getAttribute("aria-pressed") !== "true");
    });
    var heading = article.querySelector("h1");
    article.insertBefore(button, heading ? heading.nextSibling : article.firstChild);
    var kept = "";
    try { kept = localStorage.getItem(BILINGUAL); } catch (e) { /* none kept */ }
    if (kept) setBilingual(true);
  }

  /* The language switch leads to the counterpart of the paragraph the reader is looking at,
     not to the top of the page: at the moment of the click its link takes the href of that
     paragraph's EN/JA link (the first paragraph whose text is below the header). At the top
     of the page it leads to the top of the other page. */
  function switchAtParagraph(event) {
    var link = event.target.closest && event.target.closest("a.hk-edition");
    if (!link || window.scrollY < 8) return;
    var header = document.querySelector(".md-header");
    var top = header ? header.getBoundingClientRect().bottom : 0;
    var paragraphs = document.querySelectorAll("article p[id^='p-']");
    for (var i = 0; i < paragraphs.length; i++) {
      var box = paragraphs[i].getBoundingClientRect();
      if (box.bottom > top + 8 && box.height) {
        var own = paragraphs[i].querySelector("a.hk-cp-link[hreflang='" + link.getAttribute("hreflang") + "']");
        if (own) link.href = own.href;
        return;
      }
    }
  }

  /* A search result offers the same place in the other edition: a small link beside it (not
     inside it: Material's result is one link), to the counterpart page and heading, from the
     builder's map (assets/javascripts/counterparts.js). Material writes the list anew for each
     query; the links are added as it does. */
  function siteRoot() {
    var config = document.getElementById("__config");
    var base = ".";
    try { base = JSON.parse(config.textContent).base || "."; } catch (e) { /* the page's folder */ }
    return new URL(base.replace(/\/?$/, "/"), location.href);
  }

  function counterpartOf(href) {
    var map = window.HK_COUNTERPARTS;
    if (!map) return null;
    var root = siteRoot(), url = new URL(href, location.href);
    if (url.href.indexOf(root.href) !== 0) return null;
    var page = decodeURI(url.pathname.slice(root.pathname.length)), anchor = decodeURIComponent(url.hash.slice(1));
    var up = new URL(map.root.replace(/[^/]+\//g, "../") || "./", root);       // the site's own root
    for (var i = 0; i < map.editions.length; i++) {
      var other = map.editions[i], anchors = other.pages[page];
      if (!anchors) continue;
      var there = anchor && anchors[anchor] ? "#" + encodeURIComponent(anchors[anchor]) : "";
      return {lang: other.lang, href: new URL(other.root + page, up).href + there};
    }
    return null;
  }

  function offerCounterparts(list) {
    list.querySelectorAll("li.md-search-result__item").forEach(function (li) {
      // the page's result, then its best section's: the offer leads to that section's counterpart
      var links = li.querySelectorAll(":scope > a.md-search-result__link");
      if (!links.length || li.querySelector(":scope > a.hk-search-other")) return;
      var other = counterpartOf((links[1] || links[0]).href) || counterpartOf(links[0].href);
      if (!other) return;
      var a = document.createElement("a");
      a.className = "hk-search-other";
      a.href = other.href;
      a.hreflang = other.lang;
      a.lang = other.lang;
      // Material's Enter opens the link whose first child has the highest data-md-score: this
      // one's child has none higher than a result's (without one, its keyboard handler stopped)
      var mark = a.appendChild(document.createElement("span"));
      mark.textContent = say("counterpart_mark", {});
      mark.setAttribute("data-md-score", "-1");
      a.title = say("search_counterpart", {});
      a.setAttribute("aria-label", mark.textContent + " " + a.title);     // its name holds the words it shows
      li.appendChild(a);
    });
  }

  function watchSearchResults() {
    var list = document.querySelector(".md-search-result__list");
    if (!list || !window.MutationObserver || list.dataset.hkWatched) return;
    list.dataset.hkWatched = "1";
    new MutationObserver(function () { offerCounterparts(list); }).observe(list, {childList: true, subtree: true});
  }

  /* -- The phone (issue 24) ------------------------------------------------------------ */

  /* Material's tooltip of a footnote is a dialog without a name (axe: aria-dialog-name): named
     after its note (注8) as it appears. On a phone it is not shown at all (hakusho.css): the note
     opens in place, once (noteInPlace). */
  function nameNoteTooltips() {
    if (!window.MutationObserver || document.body.dataset.hkTooltips) return;
    document.body.dataset.hkTooltips = "1";
    new MutationObserver(function (changes) {
      changes.forEach(function (change) {
        Array.prototype.forEach.call(change.addedNodes, function (tip) {
          if (tip.nodeType !== 1 || !tip.matches(".md-tooltip2[role='dialog']") || !tip.id) return;
          var ref = document.querySelector("a.footnote-ref[aria-controls='" + tip.id + "']");
          tip.setAttribute("aria-label", say("note", {n: ref ? ref.textContent : ""}));
        });
      });
    }).observe(document.body, {childList: true});
  }

  /* Tables: every table of the article scrolls inside a region of its own (Material wraps only
     tables without a class; a figure's table has one), its first column stays in view as it
     scrolls (the cells that start in it, rowspans counted), and the region shows which way there
     is more: a fade at the edge with more to the right, a shadow on the first column when
     scrolled (hakusho.css, .hk-scroll). */
  function fitTables() {
    document.querySelectorAll("article.md-content__inner table").forEach(function (table) {
      if (!table.closest(".md-typeset__scrollwrap")) {
        var wrap = document.createElement("div"), inner = document.createElement("div");
        wrap.className = "md-typeset__scrollwrap";
        inner.className = "md-typeset__table";
        table.parentNode.insertBefore(wrap, table);
        wrap.appendChild(inner).appendChild(table);
      }
      var scroller = table.closest(".md-typeset__scrollwrap");
      if (scroller.parentElement.classList.contains("hk-scroll")) return;
      var frame = document.createElement("div");
      frame.className = "hk-scroll";
      scroller.parentNode.insertBefore(frame, scroller);
      frame.appendChild(scroller);
      markFirstColumn(table);
      var update = function () {
        var more = [];
        if (scroller.scrollLeft > 1) more.push("left");
        if (scroller.scrollLeft + scroller.clientWidth < scroller.scrollWidth - 1) more.push("right");
        frame.setAttribute("data-more", more.join(" "));
      };
      scroller.addEventListener("scroll", update, {passive: true});
      window.addEventListener("resize", update);
      update();
    });
  }

  function markFirstColumn(table) {
    var taken = [];                       // per row of the table: the columns rowspans above fill
    Array.prototype.forEach.call(table.rows, function (row, r) {
      var col = 0;
      Array.prototype.forEach.call(row.cells, function (cell) {
        while (taken[r] && taken[r][col]) col++;
        if (col === 0) cell.classList.add("hk-col1");
        for (var k = 1; k < cell.rowSpan; k++) {
          taken[r + k] = taken[r + k] || [];
          for (var c = 0; c < cell.colSpan; c++) taken[r + k][col + c] = true;
        }
        col += cell.colSpan;
      });
    });
  }

  /* An abbreviation's expansion on a tap (a touch screen has no hover for its title): shown after
     it, in brackets' place, until a second tap. One inside a link leaves the tap to the link. */
  function abbrOnTap(event) {
    var abbr = event.target.closest && event.target.closest("article abbr[title]");
    if (!abbr || abbr.closest("a")) return;
    var open = abbr.nextElementSibling;
    if (open && open.classList.contains("hk-abbr-open")) {
      open.remove();
      abbr.removeAttribute("aria-describedby");
      return;
    }
    var shown = document.createElement("span");
    shown.className = "hk-abbr-open";
    shown.id = "hk-abbr-" + Math.random().toString(36).slice(2);
    shown.textContent = abbr.getAttribute("title");
    // the expansions are the names the text gives in Latin letters: English, on a page in another language
    if (document.documentElement.lang !== "en" && /^[\x20-\x7e\u2010-\u2019\u2013\u2014]+$/.test(shown.textContent)) shown.lang = "en";
    abbr.parentNode.insertBefore(shown, abbr.nextSibling);
    abbr.setAttribute("aria-describedby", shown.id);
  }

  function ready() {
    watchSearchResults();
    nameNoteTooltips();
    fitTables();
    labelScrollingTables();
    highlightSearchWords();
    addBilingualToggle();
    landAtFirstMark();
  }
  /* Material wraps tables when it mounts a page; run after it, on every page
     (instant navigation included, should it be turned on). */
  if (window.document$ && window.document$.subscribe) {
    window.document$.subscribe(function () { setTimeout(ready, 0); });
  } else {
    document.addEventListener("DOMContentLoaded", ready);
  }
  document.addEventListener("focusin", prefetchSearch);
  document.addEventListener("click", noteInPlace);
  document.addEventListener("click", abbrOnTap);
  document.addEventListener("click", counterpartInPlace);
  document.addEventListener("click", switchAtParagraph, true);
})();
