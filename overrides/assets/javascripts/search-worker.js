/* hakusho search: a phrase search for Japanese, in place of Material's lunr
   worker. It speaks the worker's protocol (SETUP → READY, QUERY → RESULT), so
   Material's search box, result list and keyboard handling stay as they are,
   and it reads the same search_index.json (search_index.js from file://).

   Why not lunr: Japanese has no spaces, lunr's TinySegmenter cuts a compound
   into pieces (シャングリラ｜会合) and OR-s them, so a page that shares one
   piece outranks the page that holds the phrase. Here a query's words are
   matched as whole strings, and the tiers below decide the order:

     1 the section holds every word of the query as written;
     2 it holds each word within an edit or two (a typo: シャングリア会合);
     3 it holds every part of each word (a compound's words: 日豪｜物品｜役務…);
     4 a query of three words or more: it holds all but a third of them (a
       reader's own words, "female GSDF personnel sent to NATO", where the
       text says "dispatched");
   within a tier, a word in the heading counts most, then how often the words
   occur for the section's length; an occurrence inside a longer word (国連 in
   アラブ首長国連邦, by the browser's word breaker) counts for less. Results
   below tier 1 are partial: the words they lack are listed as missing, which
   Material shows struck through.

   Text is folded (NFKC, lower case, ・ dropped, ’ as ') on both sides, keeping
   each folded character's place in the original, so that 2+2 finds 「2＋2」 and
   the snippet and the page's highlight show the text as printed. An English
   word is matched in its singular and plural both (exercises: exercise;
   countries: country), as tier 1.

   No network, no library: the same file runs in the offline bundle (through
   the iframe-worker shim) and under Node for the tests (module.exports). */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var PHRASE = 1, NEAR = 2, PARTS = 3, SOME = 4;
// far apart: a tier always outranks the next, the chapter's own pages the quotes of it
var TIER_WEIGHT = {1: 400000, 2: 300000, 3: 200000, 4: 100000}, ORIGINAL = 50000;
var SNIPPET_BEFORE = 30, SNIPPET_AFTER = 70;

/* Folding: NFKC (full-width Latin and digits, half-width kana), lower case;
   the middle dot is dropped, since writers and readers use it unevenly
   (パシフィック・パートナーシップ, 人道支援・災害救援). Folded character i
   comes from the original's [at[i], to[i]). */
var STABLE = /[\u3040-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff]/;
var DROPPED = /[・･]/;
var APOSTROPHE = /[\u2018\u2019]/;

function fold(text) {
  var out = "", at = [], to = [];
  for (var i = 0; i < text.length; i++) {
    var ch = text[i], code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) ch = text.slice(i, i + 2);
    var n;
    if (code < 0x80) n = ch.toLowerCase();
    else if (STABLE.test(ch)) n = ch;
    else if (DROPPED.test(ch)) n = "";
    else if (APOSTROPHE.test(ch)) n = "'";
    else n = ch.normalize("NFKC").toLowerCase();
    if (/\s/.test(n)) n = " ";
    for (var k = 0; k < n.length; k++) { out += n[k]; at.push(i); to.push(i + ch.length); }
    i += ch.length - 1;
  }
  return {text: out, at: at, to: to};
}

/* MkDocs' search index holds HTML: the text a reader sees, as plain text.
   Footnote references (<sup>) are left out: their numbers sit inside the
   sentences and would split a phrase. Block ends become spaces. */
var ENTITIES = {amp: "&", lt: "<", gt: ">", quot: "\"", apos: "'", nbsp: " "};

function plain(html) {
  return html
    .replace(/<sup\b[^>]*>[\s\S]*?<\/sup>/g, "")
    .replace(/<\/(p|li|h\d|td|th|dd|dt)>|<br\s*\/?>/g, " ")
    .replace(/<[^>]*>/g, "")
    .replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, function (whole, name) {
      if (name[0] === "#") {
        var code = name[1] === "x" || name[1] === "X" ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
        return String.fromCodePoint(code);
      }
      return Object.prototype.hasOwnProperty.call(ENTITIES, name) ? ENTITIES[name] : whole;
    })
    .replace(/\s+/g, " ")
    .trim();
}

function escapeHTML(text) {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;")
    .replace(/"/g, "&quot;").replace(/'/g, "&#39;");
}

function Field(raw) {
  this.raw = raw;
  var f = fold(raw);
  this.text = f.text;
  this.at = f.at;
  this.to = f.to;
}

/* The original text of folded [start, end). */
Field.prototype.span = function (start, end) {
  return [this.at[start], this.to[end - 1]];
};

/* The documents: one per page (its text before the first heading) and one
   per section, as MkDocs' search plugin writes them. */
function Index(docs) {
  this.docs = docs.map(function (doc) {
    var page = doc.location.split("#")[0];
    return {
      location: doc.location,
      page: page,
      anchor: doc.location.slice(page.length),
      title: new Field(plain(doc.title || "")),
      body: new Field(plain(doc.text || "")),
      boost: typeof doc.boost === "number" ? doc.boost : 1
    };
  });
  var total = 0;
  this.docs.forEach(function (d) { total += d.body.text.length; });
  this.averageLength = Math.max(1, total / Math.max(1, this.docs.length));
  this.pages = {};
  for (var i = 0; i < this.docs.length; i++)
    if (!this.docs[i].anchor) this.pages[this.docs[i].page] = this.docs[i];
}

/* The words of a query: split on spaces, folded; a word is matched whole,
   an English one in its other number too. */
function words(query) {
  var seen = {}, out = [];
  query.split(/[\s\u3000]+/).forEach(function (raw) {
    var folded = fold(raw).text;
    if (folded && !seen[folded]) {
      seen[folded] = true;
      out.push({raw: raw, text: folded, parts: parts(folded), forms: numberForms(folded)});
    }
  });
  return out;
}

/* An English noun's singular and plural, as strings to find at a word's start:
   the singular finds the plural too (exercise: exercises), so only the -ies
   plural needs a form of its own (country, countries). Four letters at least,
   and not -ss, -us, -is (class, status, basis are not plurals). */
var LATIN_WORD = /^[a-z][a-z'-]*[a-z]$/;

function numberForms(word) {
  if (word.length < 4 || !LATIN_WORD.test(word)) return [word];
  var singular = word;
  if (/[^aeiou]ies$/.test(word)) singular = word.slice(0, -3) + "y";
  else if (/(ss|x|z|ch|sh)es$/.test(word)) singular = word.slice(0, -2);
  else if (/[^su']s$/.test(word) && !/is$/.test(word)) singular = word.slice(0, -1);
  if (/[^aeiou]y$/.test(singular)) return [singular, singular.slice(0, -1) + "ies"];
  return [singular];
}

var WORD = /[a-z0-9]/;

/* Where `word` occurs in a folded text. A word that starts with a Latin
   letter or digit must start a word there too (ARF is not in "warfare"). */
function occurrences(text, word) {
  var found = [], from = 0, i;
  while ((i = text.indexOf(word, from)) !== -1) {
    if (!(WORD.test(word[0]) && i > 0 && WORD.test(text[i - 1]))) found.push(i);
    from = i + 1;
  }
  return found;
}

/* Edits allowed for a typo: none below 5 characters, where one edit makes
   another word (日豪協定, 日豪協力), one from 5, two from 9. */
function allowedEdits(word) {
  return word.length >= 9 ? 2 : word.length >= 5 ? 1 : 0;
}

/* The closest stretch of `text` to `word` (Sellers' approximate substring
   match): its start and end, if within `k` edits. */
function nearest(text, word, k) {
  var m = word.length, prev = new Array(m + 1), cur = new Array(m + 1);
  var startPrev = new Array(m + 1), startCur = new Array(m + 1);
  var best = null;
  for (var j = 0; j <= m; j++) { prev[j] = j; startPrev[j] = 0; }
  for (var i = 1; i <= text.length; i++) {
    cur[0] = 0; startCur[0] = i;
    var c = text[i - 1];
    for (j = 1; j <= m; j++) {
      var sub = prev[j - 1] + (word[j - 1] === c ? 0 : 1), del = prev[j] + 1, ins = cur[j - 1] + 1;
      if (sub <= del && sub <= ins) { cur[j] = sub; startCur[j] = startPrev[j - 1]; }
      else if (ins <= del) { cur[j] = ins; startCur[j] = startCur[j - 1]; }
      else { cur[j] = del; startCur[j] = startPrev[j]; }
    }
    if (cur[m] <= k && (!best || cur[m] < best.edits)) best = {start: startCur[m], end: i, edits: cur[m]};
    var t = prev; prev = cur; cur = t;
    t = startPrev; startPrev = startCur; startCur = t;
  }
  return best;
}

/* The parts of a compound word: its words as the browser's Japanese word
   breaker (Intl.Segmenter) cuts it, 日豪｜物品｜役務｜…; where there is none,
   its character pairs. Only for words with Japanese in them (Latin words are
   spelt, not compounded). */
var segmenter = typeof Intl !== "undefined" && Intl.Segmenter ? new Intl.Segmenter("ja", {granularity: "word"}) : null;

function parts(word) {
  if (word.length < 3 || !/[^\x00-\x7f]/.test(word)) return null;
  var out = [];
  if (segmenter) {
    for (var it = segmenter.segment(word)[Symbol.iterator](), s = it.next(); !s.done; s = it.next())
      if (s.value.segment.trim() && out.indexOf(s.value.segment) === -1) out.push(s.value.segment);
  } else {
    for (var i = 0; i + 2 <= word.length; i++) out.push(word.slice(i, i + 2));
  }
  return out.length > 1 ? out : null;
}

/* How one document holds one word: its tier, where in the body (folded
   offsets [start, end)), and whether the heading holds it. */
/* Whether text[start, end) is whole words, as the word breaker cuts the text
   around it: 国連 is in 国連PKO (国｜連｜PKO), but only part of アラブ首長国連邦
   (…｜国｜連邦). Without a word breaker, every match counts as whole. */
var AROUND = 8;

function whole(text, start, end) {
  if (!segmenter) return true;
  var from = Math.max(0, start - AROUND), bounds = {};
  var it = segmenter.segment(text.slice(from, Math.min(text.length, end + AROUND)))[Symbol.iterator]();
  for (var s = it.next(); !s.done; s = it.next()) {
    bounds[from + s.value.index] = true;
    bounds[from + s.value.index + s.value.segment.length] = true;
  }
  return !!bounds[start] && !!bounds[end];
}

/* How much a word's occurrences count: whole ones 1, parts of a longer word
   0.3; past the first few, each counts as whole (the check costs a segmenting). */
function weight(text, spans) {
  var sum = 0;
  for (var i = 0; i < spans.length; i++)
    sum += i >= AROUND || whole(text, spans[i][0], spans[i][1]) ? 1 : 0.3;
  return sum;
}

/* [start, end) of each occurrence of any of the word's forms; an English
   singular followed by a plural's -s or -es takes it in (exercise finds
   "exercises" whole, and the highlight marks the whole word). */
var PLURAL_END = /^(e?s|'s)(?![a-z])/;

function spansOf(text, forms) {
  var out = [];
  forms.forEach(function (form) {
    occurrences(text, form).forEach(function (i) {
      var end = i + form.length, rest = LATIN_WORD.test(form) && PLURAL_END.exec(text.slice(end, end + 4));
      if (rest) end += rest[0].length;
      if (!out.some(function (s) { return s[0] === i; })) out.push([i, end]);
    });
  });
  return out.sort(function (a, b) { return a[0] - b[0]; });
}

function matchWord(doc, word) {
  var title = spansOf(doc.title.text, word.forms), body = spansOf(doc.body.text, word.forms);
  if (title.length || body.length) {
    return {tier: PHRASE, title: title, body: body,
            titleWeight: weight(doc.title.text, title), bodyWeight: weight(doc.body.text, body)};
  }
  var k = allowedEdits(word.text);
  if (k) {
    var t = nearest(doc.title.text, word.text, k), b = nearest(doc.body.text, word.text, k);
    if (t || b)
      return {tier: NEAR, title: t ? [[t.start, t.end]] : [], body: b ? [[b.start, b.end]] : []};
  }
  if (word.parts) {
    var spans = [];
    for (var p = 0; p < word.parts.length; p++) {
      var part = word.parts[p], i = doc.body.text.indexOf(part);
      if (i === -1 && doc.title.text.indexOf(part) === -1) return null;
      if (i !== -1) spans.push([i, i + part.length]);
    }
    return {tier: PARTS, title: [], body: spans};
  }
  return null;
}

/* A document's score for all the words: null unless it holds every one, or,
   for a query of three words or more, all but a third of them (tier 4).
   Pages with a search boost below 1 (MkDocs front matter: the profiles, the
   timeline, the digests, which quote the chapter) come after the chapter's
   own pages within a tier, unless their heading holds a word: the quote's
   source is always among the results, and ranks first. */
function scoreDoc(doc, query, averageLength) {
  var tier = PHRASE, score = 0, matches = [], titled = false, missing = 0;
  for (var w = 0; w < query.length; w++) {
    var m = matchWord(doc, query[w]);
    if (!m) {
      if (query.length < 3 || ++missing > Math.floor(query.length / 3)) return null;
      matches.push({tier: SOME, title: [], body: [], missing: true});
      tier = SOME;
      continue;
    }
    tier = Math.max(tier, m.tier);
    // a heading counts when it holds the word whole (not 国連 in アラブ首長国連邦,
    // which counts no more than a little)
    var heading = m.tier === PHRASE ? (m.titleWeight >= 1 ? 1 : m.titleWeight ? 0.1 : 0) : m.title.length ? 1 : 0;
    titled = titled || heading === 1;
    // BM25's saturation of the count, with the section's length
    var tf = m.tier === PHRASE ? m.bodyWeight : m.body.length ? 1 : 0;
    var norm = 1.2 * (0.25 + 0.75 * doc.body.text.length / averageLength);
    score += 3 * heading + tf * 2.2 / (tf + norm);
    matches.push(m);
  }
  var first = doc.boost >= 1 || titled ? ORIGINAL : 0;
  return {tier: tier, score: TIER_WEIGHT[tier] + first + score * 100 * doc.boost, matches: matches};
}

/* The text around the first match, with every match in it marked. */
function snippet(field, spans) {
  if (!spans.length) return "";
  var first = spans.reduce(function (a, b) { return a[0] <= b[0] ? a : b; });
  var range = field.span(first[0], first[1]), start = range[0], end = range[1];
  var from = Math.max(0, start - SNIPPET_BEFORE), to = Math.min(field.raw.length, end + SNIPPET_AFTER);
  var stop = field.raw.lastIndexOf("。", start - 1);
  if (stop >= from) from = stop + 1;         // start at the sentence, where it is near
  return (from > 0 ? "…" : "") + marked(field, spans, from, to) + (to < field.raw.length ? "…" : "");
}

/* field.raw[from, to) as HTML, with the spans (folded offsets) in <mark>. */
function marked(field, spans, from, to) {
  var ranges = spans.map(function (s) { return field.span(s[0], s[1]); })
    .filter(function (r) { return r[1] > from && r[0] < to; })
    .sort(function (a, b) { return a[0] - b[0]; })
    .reduce(function (merged, r) {             // touching or overlapping: one mark
      var last = merged[merged.length - 1];
      if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]); else merged.push(r.slice());
      return merged;
    }, []);
  var out = "", at = from;
  for (var i = 0; i < ranges.length; i++) {
    var s = Math.max(ranges[i][0], at), e = Math.min(ranges[i][1], to);
    if (e <= s) continue;
    out += escapeHTML(field.raw.slice(at, s)) + "<mark data-md-highlight>" + escapeHTML(field.raw.slice(s, e)) + "</mark>";
    at = e;
  }
  return out + escapeHTML(field.raw.slice(at, to));
}

/* What Material lists under a result: the words found, as printed (they go
   into the link's ?h= for the page's highlight), and the missing ones. */
function terms(doc, query, result) {
  var out = {};
  for (var w = 0; w < query.length; w++) {
    var m = result.matches[w];
    if (m.tier !== PHRASE) out[query[w].raw] = false;
    if (m.tier === PHRASE || m.tier === NEAR) {
      var field = m.body.length ? doc.body : doc.title, span = field.span.apply(field, m.body[0] || m.title[0]);
      out[field.raw.slice(span[0], span[1])] = true;
    }
  }
  return out;
}

function item(doc, query, result) {
  var titleSpans = [], bodySpans = [];
  result.matches.forEach(function (m) { titleSpans = titleSpans.concat(m.title); bodySpans = bodySpans.concat(m.body); });
  var found = terms(doc, query, result);
  var highlight = Object.keys(found).filter(function (t) { return found[t]; }).join(" ");
  return {
    // the page opened highlights the words (overrides/assets/javascripts/hakusho.js)
    location: doc.page + (highlight ? "?h=" + encodeURIComponent(highlight) : "") + doc.anchor,
    title: marked(doc.title, titleSpans, 0, doc.title.raw.length),
    text: bodySpans.length ? "<p>" + snippet(doc.body, bodySpans) + "</p>" : "",
    score: result.score,
    terms: found
  };
}

/* Results grouped by page, best page first: a page counts by its best
   section, plus a little for each other section that holds the words. */
Index.prototype.search = function (raw) {
  var query = words(raw);
  if (!query.length) return {items: []};
  var groups = {}, order = [];
  for (var d = 0; d < this.docs.length; d++) {
    var doc = this.docs[d], result = scoreDoc(doc, query, this.averageLength);
    if (!result) continue;
    var g = groups[doc.page];
    if (!g) { g = groups[doc.page] = {page: doc.page, best: result, items: [], rest: 0}; order.push(g); }
    g.items.push(item(doc, query, result));
    if (result.score > g.best.score) { g.rest += g.best.score; g.best = result; }
    else g.rest += result.score;
  }
  var self = this;
  order.forEach(function (g) {
    g.rank = g.best.score + 0.1 * Math.min(g.rest, g.best.score);
    g.items.sort(function (a, b) { return b.score - a.score; });
    // Material shows the page as the head of each group: add it unscored
    var page = self.pages[g.page];
    if (page && !g.items.some(function (i) { return !/#/.test(i.location); }))
      g.items.push({location: page.page, title: escapeHTML(page.title.raw), text: "", score: 0, terms: {}});
  });
  order.sort(function (a, b) { return b.rank - a.rank; });
  return {items: order.map(function (g) { return g.items; })};
};

/* The worker: Material's main thread sends the index, then queries. */
if (typeof self !== "undefined" && typeof module === "undefined") {
  var index = null;
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === SETUP) {
      index = new Index(message.data.docs);
      postMessage({type: READY});
    } else if (message.type === QUERY) {
      postMessage({type: RESULT, data: index ? index.search(message.data) : {items: []}});
    }
  });
}

if (typeof module !== "undefined")
  module.exports = {Index: Index, fold: fold, plain: plain, words: words, parts: parts, nearest: nearest};
