/* hakusho search: a phrase search for Japanese, in place of Material's lunr
   worker. It speaks the worker's protocol (SETUP → READY, QUERY → RESULT), so
   Material's search box, result list and keyboard handling stay as they are.

   Its data (search/hakusho_search.json; .js in the bundle, from file://) is
   written by the builder after each build (builder/search_data.py): every
   section's text, the same place's text in the other edition, the words a
   reader may type for the words the text writes, and a candidate index (the
   sections that hold each pair of characters). Material fetches only the
   search box's settings with every page; the worker loads its data when the
   reader first searches (the reader's script fetches it when the search box
   is first focused, so that it comes from the cache).

   Why not lunr: Japanese has no spaces, lunr's TinySegmenter cuts a compound
   into pieces (シャングリラ｜会合) and OR-s them, so a page that shares one
   piece outranks the page that holds the phrase. Here a query's words are
   matched as whole strings, and the tiers below decide the order:

     1 the section holds every word of the query as written;
     2 it holds a word by another of its names (variants: 豪州 for
       オーストラリア, 陸自 for 陸上自衛隊, ネーピードー for ネピドー);
     3 the other edition's paragraph there holds it (Malabar: マラバール);
     4 it holds each word within an edit or two (a typo: シャングリア会合);
     5 it holds every part of each word (a compound's words: 日豪｜物品｜役務…);
     6 it holds most of the words: all but a third of a query of three words
       or more ("female GSDF personnel sent to NATO", where the text says
       "dispatched"), or, where nothing holds them all, what holds the most.

   Results are pages, each with its best section first. Within a tier a page
   ranks by what it makes of the words (not by how short it is): a word in
   its title counts most, then in a section's heading, in a section's first
   paragraph, then how often the page holds it; an occurrence inside a longer
   word (国連 in アラブ首長国連邦, by the browser's word breaker) counts for
   less, one through a variant for half. Below tier 1 a result says what it
   found: the variant, the other edition's words, or the words it lacks
   (Material strikes those through).

   Text is folded (NFKC, lower case, ・ dropped, ’ as ') on both sides, keeping
   each folded character's place in the original for the snippets, so that
   2+2 finds 「2＋2」 and the snippet and the page's highlight show the text as
   printed. An English word is matched in its singular and plural both.

   No network, no library: the same file runs in the offline bundle (through
   the iframe-worker shim) and under Node for the tests (module.exports). */
"use strict";

var SETUP = 0, READY = 1, QUERY = 2, RESULT = 3;
var PHRASE = 1, VARIANT = 2, OTHER = 3, NEAR = 4, PARTS = 5, SOME = 6;
var SNIPPET_BEFORE = 30, SNIPPET_AFTER = 70;
var VARIANT_WEIGHT = 0.5;         // an occurrence through a variant counts half
var REFINED = 20;                 // pages whose order the word breaker settles exactly
var SHOWN = 50;                   // pages listed with their snippets; the rest by their titles

/* Folding: NFKC (full-width Latin and digits, half-width kana), lower case;
   the middle dot is dropped, since writers and readers use it unevenly
   (パシフィック・パートナーシップ, 人道支援・災害救援). builder/search_data.py
   folds the same way for the candidate index. */
var STABLE = /[\u3040-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff]/;
var DROPPED = /[・･]/;
var APOSTROPHE = /[\u2018\u2019]/;
// what folding may change: anything but kana, kanji, and printable ASCII that is not a capital
var CHANGES = /[^\u3040-\u309f\u30a1-\u30fa\u30fc\u4e00-\u9fff\x20-\x40\x5b-\x7e]/gu;
var folded = Object.create(null);

function foldChar(ch) {
  var n = folded[ch];
  if (n !== undefined) return n;
  if (ch.length === 1 && ch.charCodeAt(0) < 0x80) n = ch.toLowerCase();
  else if (STABLE.test(ch)) n = ch;
  else if (DROPPED.test(ch)) n = "";
  else if (APOSTROPHE.test(ch)) n = "'";
  else n = ch.normalize("NFKC").toLowerCase();
  if (/\s/.test(n)) n = " ";
  return (folded[ch] = n);
}

/* The folded text alone: what matching needs. */
function foldText(text) {
  return text.replace(CHANGES, foldChar);
}

/* The folded text and, for each folded character i, the original's [at[i], to[i])
   (the tests; a snippet maps only the places it needs: Text.prototype.ranges). */
function fold(text) {
  var out = "", at = [], to = [];
  for (var i = 0; i < text.length; i++) {
    var ch = text[i], code = text.charCodeAt(i);
    if (code >= 0xd800 && code < 0xdc00 && i + 1 < text.length) ch = text.slice(i, i + 2);
    var n = foldChar(ch);
    for (var k = 0; k < n.length; k++) { at.push(i); to.push(i + ch.length); }
    out += n;
    i += ch.length - 1;
  }
  return {text: out, at: at, to: to};
}

/* MkDocs' search index holds HTML: the text a reader sees, as plain text
   (the builder's data holds it so already). Footnote references (<sup>) are
   left out: their numbers sit inside the sentences and would split a phrase. */
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

/* A text of a section: as printed (raw), folded, and, when asked, its loose
   spelling (the katakana variants folded) and the places of both in the original. */
function Text(raw, loose) {
  this.raw = raw;
  this.text = foldText(raw);
  this._loose = loose;
}

/* The original's [start, end) of each folded span, in one walk through the text: nothing
   kept, so that the heap holds the texts alone whatever the reader has searched. */
Text.prototype.ranges = function (spans) {
  var want = [];
  spans.forEach(function (s) { want.push(s[0], s[1] - 1); });
  var order = want.map(function (x, i) { return i; }).sort(function (a, b) { return want[a] - want[b]; });
  var at = new Array(want.length), to = new Array(want.length), raw = this.raw, f = 0, k = 0;
  for (var i = 0; i < raw.length && k < order.length; i++) {
    var code = raw.charCodeAt(i), size = 1, n = 1;
    // ASCII, kana and kanji fold to one character: only the rest is looked up
    if (!(code < 0x80 || (code >= 0x3040 && code <= 0x309f) || (code >= 0x30a1 && code <= 0x30fa) ||
          code === 0x30fc || (code >= 0x4e00 && code <= 0x9fff))) {
      size = code >= 0xd800 && code < 0xdc00 && i + 1 < raw.length ? 2 : 1;
      n = foldChar(raw.slice(i, i + size)).length;
    }
    while (k < order.length && want[order[k]] < f + n) { at[order[k]] = i; to[order[k]] = i + size; k++; }
    f += n;
    i += size - 1;
  }
  for (; k < order.length; k++) { at[order[k]] = raw.length; to[order[k]] = raw.length; }
  return spans.map(function (s, j) { return [at[2 * j], to[2 * j + 1]]; });
};

/* The loose spelling (ヴェ → ベ, ー dropped). */
Text.prototype.loose = function () {
  return this._loose.word(this.text);
};

/* The katakana spellings folded one way (the builder's data: ヴェ → ベ, ー dropped). */
function Loose(pairs) {
  this.to = Object.create(null);
  var froms = [];
  (pairs || []).slice().sort(function (a, b) { return b[0].length - a[0].length; }).forEach(function (p) {
    this.to[p[0]] = p[1];
    froms.push(p[0].replace(/[.*+?^${}()|[\]\\]/g, "\\$&"));
  }, this);
  this.pattern = froms.length ? new RegExp(froms.join("|"), "g") : null;
}

/* The loose text of a folded one. */
Loose.prototype.word = function (text) {
  if (!this.pattern) return text;
  var to = this.to;
  return text.replace(this.pattern, function (m) { return to[m]; });
};

/* Folded offset of each loose offset asked for (sorted), walking the replacements. */
Loose.prototype.back = function (text, offsets) {
  var out = [], m, folded = 0, loose = 0, k = 0;
  this.pattern.lastIndex = 0;
  while (k < offsets.length) {
    m = this.pattern.exec(text);
    var next = m ? m.index : text.length;            // unchanged up to here
    while (k < offsets.length && offsets[k] <= loose + (next - folded)) { out.push(folded + offsets[k] - loose); k++; }
    if (!m) break;
    loose += next - folded;
    folded = next;
    var r = this.to[m[0]].length;
    while (k < offsets.length && offsets[k] < loose + r) { out.push(folded); k++; }
    loose += r;
    folded += m[0].length;
  }
  while (k < offsets.length) { out.push(text.length); k++; }
  return out;
};

/* The documents: one per page (its text before the first heading) and one
   per section, as MkDocs' search plugin writes them. From MkDocs' own index
   (docs: {location, title, text as HTML, boost}), or from the builder's data
   ({docs: [[location, title, text, lead, boost, other, other's title]], grams, groups, kana}). */
function Index(docs, data) {
  data = data || {};
  this.loose = new Loose(data.kana);
  var loose = this.loose;
  this.docs = docs.map(function (d) {
    var row = Array.isArray(d) ? d : [d.location, plain(d.title || ""), plain(d.text || ""), -1,
                                      typeof d.boost === "number" ? d.boost : 1, ""];
    var location = row[0], page = location.split("#")[0];
    return {
      location: location, page: page, anchor: location.slice(page.length),
      title: new Text(row[1], loose), body: new Text(row[2], loose),
      lead: row[3] >= 0 ? row[3] : Infinity,
      boost: row.length > 4 ? row[4] : 1,
      other: row[5] ? new Text(row[5], loose) : null,
      otherTitle: row[6] ? new Text(row[6], loose) : null
    };
  });
  this.pages = {};
  for (var i = 0; i < this.docs.length; i++)
    if (!this.docs[i].anchor) this.pages[this.docs[i].page] = this.docs[i];
  this.grams = data.grams || null;
  this.groups = (data.groups || []).map(function (g) {
    return {names: g[0].map(foldText), targets: (g[1] || []).map(foldText)};
  });
  this.labels = data.words || {};
  this.otherLang = data.other_lang || "";
}

Index.fromData = function (data) {
  return new Index(data.docs, data);
};

/* -- the candidate index ---------------------------------------------------- */

var MORE = "wxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_", LAST = "0123456789abcdefghijklmnopqrstuv";
var DIGIT = {};
for (var d0 = 0; d0 < 32; d0++) { DIGIT[MORE[d0]] = 32 + d0; DIGIT[LAST[d0]] = d0; }

/* The sections that hold a pair of characters (builder/search_data.py, encode). */
function postings(encoded) {
  var out = [], value = 0, before = 0;
  for (var i = 0; i < encoded.length; i++) {
    var k = DIGIT[encoded[i]];
    if (k >= 32) value = value * 32 + k - 32;
    else { before += value * 32 + k; out.push(before); value = 0; }
  }
  return out;
}

function intersect(a, b) {
  var out = [], i = 0, j = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) { out.push(a[i]); i++; j++; }
    else if (a[i] < b[j]) i++;
    else j++;
  }
  return out;
}

/* The sections that may hold `text` (each of its pairs); null: any may (one character). */
Index.prototype.holding = function (text, cache) {
  if (!this.grams || text.length < 2) return null;
  var lists = [];
  for (var i = 0; i + 2 <= text.length; i++) {
    var g = text.slice(i, i + 2);
    if (!(g in cache)) cache[g] = this.grams[g] ? postings(this.grams[g]) : [];
    lists.push(cache[g]);
  }
  lists.sort(function (a, b) { return a.length - b.length; });
  var out = lists[0];
  for (i = 1; i < lists.length && out.length; i++) out = intersect(out, lists[i]);
  return out;
};

/* The sections that share enough of the word's pairs to hold it within k edits (each edit
   breaks two pairs at most); null: any may. */
Index.prototype.near = function (text, k, cache) {
  if (!this.grams) return null;
  var seen = {}, grams = [];
  for (var i = 0; i + 2 <= text.length; i++) {
    var g = text.slice(i, i + 2);
    if (!seen[g]) { seen[g] = true; grams.push(g); }
  }
  var need = grams.length - 2 * k;
  if (need <= 0) return null;
  var count = new Map();
  grams.forEach(function (g) {
    if (!(g in cache)) cache[g] = this.grams[g] ? postings(this.grams[g]) : [];
    cache[g].forEach(function (n) { count.set(n, (count.get(n) || 0) + 1); });
  }, this);
  var out = [];
  count.forEach(function (c, n) { if (c >= need) out.push(n); });
  return out;
};

/* -- the words of a query ----------------------------------------------------- */

/* The words of a query: split on spaces, folded; a word is matched whole,
   an English one in its other number too; with its variants. */
Index.prototype.words = function (query) {
  var seen = {}, out = [], self = this;
  query.split(/[\s\u3000]+/).forEach(function (raw) {
    var text = foldText(raw);
    if (text && !seen[text]) {
      seen[text] = true;
      var variants = self.variantsOf(text);
      out.push({raw: raw, text: text, parts: parts(text), forms: numberForms(text),
                variants: variants.names.concat(variants.targets), names: variants.names,
                loose: self.loose.word(text)});
    }
  });
  return out;
};

/* Another name of the word, or of a name inside it: 陸上自衛隊 → 陸自, 陸上自衛隊の → 陸自の;
   a name typed whole also finds the compounds that name it by one character (オーストラリア → 日豪). */
Index.prototype.variantsOf = function (word) {
  var names = [], targets = [];
  this.groups.forEach(function (g) {
    g.names.forEach(function (name) {
      var at = word.indexOf(name);
      if (at === -1 || !LATIN_BOUNDARY(word, at, name.length)) return;
      g.names.forEach(function (other) {
        if (other !== name) names.push(word.slice(0, at) + other + word.slice(at + name.length));
      });
      if (name === word) targets = targets.concat(g.targets);
    });
  });
  var keep = function (v, i, all) { return v !== word && v.length >= 2 && all.indexOf(v) === i; };
  names = names.filter(keep);
  return {names: names, targets: targets.filter(keep).filter(function (v) { return names.indexOf(v) === -1; })};
};

/* A Latin name replaced inside a query word only where it is a whole word there
   (UN in "un", not in "unmiss"). */
function LATIN_BOUNDARY(word, at, length) {
  return !(WORD.test(word[at]) && at > 0 && WORD.test(word[at - 1])) &&
    !(WORD.test(word[at + length - 1]) && at + length < word.length && WORD.test(word[at + length]));
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

/* Where `word` occurs in a folded text (the first MANY: more count no more). A word that
   starts with a Latin letter or digit must start a word there too (ARF is not in "warfare"). */
var MANY = 16;

function occurrences(text, word) {
  var found = [], from = 0, i;
  while (found.length < MANY && (i = text.indexOf(word, from)) !== -1) {
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

/* The closest stretch of `text` to `word` within k edits, looked for only around the places
   that hold one of k + 1 pieces of the word unchanged (each edit changes one piece at most). */
function nearAround(text, word, k) {
  var size = Math.floor(word.length / (k + 1)), m = word.length, best = null, done = -1;
  for (var p = 0; p <= k; p++) {
    var piece = word.slice(p * size, p === k ? m : (p + 1) * size);
    for (var i = text.indexOf(piece); i !== -1; i = text.indexOf(piece, i + 1)) {
      var from = Math.max(done, i - p * size - k), to = Math.min(text.length, i - p * size + m + k);
      if (to <= from) continue;
      var found = nearest(text.slice(Math.max(0, from - m), to), word, k);
      done = to;
      if (found && (!best || found.edits < best.edits)) {
        var shift = Math.max(0, from - m);
        best = {start: found.start + shift, end: found.end + shift, edits: found.edits};
      }
    }
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

/* How much occurrences count: whole ones 1, parts of a longer word 0.3; past
   the first few, each counts as the first few did (the check costs a segmenting);
   `exact` false: each counts as whole (the order of pages far down the list). */
var CHECKED = 3;

function weight(text, spans, exact) {
  var sum = 0, checked = 0;
  for (var i = 0; i < spans.length; i++) {
    if (!exact) sum += 1;
    else if (i < CHECKED) { var w = whole(text, spans[i][0], spans[i][1]) ? 1 : 0.3; sum += w; checked += w; }
    else sum += checked / CHECKED;
  }
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

/* A variant's occurrences: a name, so one that ends in a Latin letter or digit ends a word
   there (UK is not in Ukraine). */
function wholeSpans(text, name) {
  var spans = spansOf(text, [name]);
  if (!WORD.test(name[name.length - 1])) return spans;
  return spans.filter(function (s) { return !WORD.test(text[s[0] + name.length] || ""); })
    .map(function (s) { return [s[0], s[0] + name.length]; });
}

/* The loose spelling's occurrences of `word`, as folded spans of `field`. */
function looseSpans(field, word) {
  var l = field.loose(), found = occurrences(l, word);
  if (!found.length) return [];
  if (l === field.text) return found.map(function (i) { return [i, i + word.length]; });
  var ends = [];
  found.forEach(function (i) { ends.push(i, i + word.length); });
  var back = field._loose.back(field.text, ends), dropped = field._loose.to;
  return found.map(function (i, k) {
    var end = back[2 * k + 1];
    while (end < field.text.length && dropped[field.text[end]] === "") end++;    // ネーピードー's last ー too
    return [back[2 * k], end];
  });
}

/* -- one section, one word ------------------------------------------------------ */

/* How a section holds a word: its tier, the spans found (folded offsets) in its heading,
   its text and the other edition's text there, and which of them came through a variant. */
function matchWord(doc, word, may) {
  var title = spansOf(doc.title.text, word.forms), body = spansOf(doc.body.text, word.forms);
  var vTitle = [], vBody = [], found = [];
  if (may.variant) {
    word.variants.forEach(function (v, i) {
      if (may.each && may.each[i] && !may.each[i][may.doc]) return;      // not where the index says it cannot be
      var t = wholeSpans(doc.title.text, v), b = wholeSpans(doc.body.text, v);
      vTitle = vTitle.concat(t); vBody = vBody.concat(b);
    });
    if (!title.length && !body.length && word.loose.length >= 2) {
      vTitle = vTitle.concat(looseSpans(doc.title, word.loose));
      vBody = vBody.concat(looseSpans(doc.body, word.loose));
    }
  }
  if (title.length || body.length)
    return {tier: PHRASE, title: title, body: body, vTitle: vTitle, vBody: vBody};
  // a page or section whose heading is another name of the word is about what it names
  if (vTitle.length && word.names.indexOf(doc.title.text.trim()) !== -1)
    return {tier: PHRASE, title: [], body: [], vTitle: vTitle, vBody: vBody, named: true};
  if (vTitle.length || vBody.length)
    return {tier: VARIANT, title: [], body: [], vTitle: vTitle, vBody: vBody};
  if ((doc.other || doc.otherTitle) && may.exact) {
    var other = doc.other ? spansOf(doc.other.text, word.forms) : [];
    var otherTitle = doc.otherTitle ? spansOf(doc.otherTitle.text, word.forms) : [];
    if (other.length || otherTitle.length)
      return {tier: OTHER, title: [], body: [], vTitle: [], vBody: [], other: other, otherTitle: otherTitle};
  }
  var k = allowedEdits(word.text);
  if (k && may.near) {
    var t = nearAround(doc.title.text, word.text, k), b = nearAround(doc.body.text, word.text, k);
    if (t || b)
      return {tier: NEAR, title: t ? [[t.start, t.end]] : [], body: b ? [[b.start, b.end]] : [], vTitle: [], vBody: []};
  }
  if (word.parts && may.parts) {
    var spans = [], inTitle = [];
    for (var p = 0; p < word.parts.length; p++) {
      var part = word.parts[p], i = doc.body.text.indexOf(part), j = doc.title.text.indexOf(part);
      if (i === -1 && j === -1) return null;
      if (i !== -1) spans.push([i, i + part.length]);
      if (j !== -1) inTitle.push([j, j + part.length]);
    }
    // the heading counts where it holds every part
    return {tier: PARTS, title: inTitle.length === word.parts.length ? inTitle : [], body: spans, vTitle: [], vBody: []};
  }
  return null;
}

/* What a word's match makes of a section: a word in its heading (the heading itself: 2, whole
   in it: 1, inside a longer word: 0.1; through a variant: half), in its first paragraph, and how
   often it holds it. */
function measure(doc, m, word, exact) {
  if (m.missing) return {heading: 0, lead: 0, count: 0};
  var heading = 0, lead = 0, count = 0;
  if (m.tier === PHRASE || m.tier === VARIANT) {
    var tw = weight(doc.title.text, m.title, exact), title = doc.title.text.trim();
    heading = Math.max(title === word.text || word.forms.indexOf(title) !== -1 || m.named ? 2 :
                       tw >= 1 ? 1 : tw ? 0.1 : 0,
                       VARIANT_WEIGHT * (word.variants.indexOf(title) !== -1 ? 2 : m.vTitle.length ? 1 : 0));
    count = weight(doc.body.text, m.body, exact) + VARIANT_WEIGHT * m.vBody.length;
    lead = m.body.some(function (s) { return s[0] < doc.lead; }) ? 1 :
      m.vBody.some(function (s) { return s[0] < doc.lead; }) ? VARIANT_WEIGHT : 0;
  } else if (m.tier === OTHER) {
    heading = m.otherTitle.length ? 1 : 0;
    count = m.other.length;
  } else {
    heading = m.title.length ? 1 : 0;
    count = m.body.length ? 1 : 0;
  }
  return {heading: heading, lead: lead, count: count};
}

/* -- the search ------------------------------------------------------------------- */

function saturate(c, k) { return c * (k + 1) / (c + k); }

Index.prototype.search = function (raw) {
  var query = this.words(raw);
  if (!query.length) return {items: []};
  var n = this.docs.length, cache = {}, self = this;
  // which kinds of match each word may have in each section, from the candidate index
  var may = query.map(function (w) {
    var exact = union(w.forms.map(function (f) { return self.holding(f, cache); }));
    var each = w.variants.map(function (v) { return self.holding(v, cache); });
    var variant = union(each.concat(w.loose.length >= 2 ? [self.holding(w.loose, cache)] : []));
    // a typo, or a compound's parts, only where the word is nowhere as typed or by another name
    var k = allowedEdits(w.text), somewhere = self.anywhere(w, exact, variant);
    var near = k && !somewhere ? self.near(w.text, k, cache) : [];
    var part = w.parts && !somewhere ? w.parts.map(function (p) { return self.holding(p, cache); })
      .reduce(function (a, b) { return a === null ? b : b === null ? a : intersect(a, b); }) : [];
    return {exact: flags(exact, n), variant: flags(variant, n), near: flags(near, n), parts: flags(part, n),
            any: flags(union([exact, variant, near, part]), n),
            each: each.map(function (list) { return flags(list, n); })};
  });
  var found = this.match(query, may, Math.floor(query.length / 3));
  if (!found.length && query.length > 1) {
    // nothing holds them all: what holds the most, where each word is somewhere (else the
    // query asks for what the site does not have)
    var some = this.match(query, may, query.length - 1);
    var held = query.map(function (w, k) {
      return some.some(function (f) { return f.matches[k].tier <= OTHER && !f.matches[k].missing; });
    });
    if (held.every(Boolean)) found = some;
  }
  return {items: this.rank(query, found)};
};

/* Whether some section holds the word as typed, or by another name (its candidates read). */
Index.prototype.anywhere = function (w, exact, variant) {
  var docs = this.docs, found = function (list, test) {
    if (list === null) { for (var d = 0; d < docs.length; d++) if (test(docs[d])) return true; return false; }
    return list.some(function (d) { return test(docs[d]); });
  };
  var holds = function (field, words) {
    return field && words.some(function (x) { return occurrences(field.text, x).length > 0; });
  };
  return found(exact, function (doc) { return holds(doc.title, w.forms) || holds(doc.body, w.forms) ||
                                               holds(doc.other, w.forms) || holds(doc.otherTitle, w.forms); }) ||
    found(variant, function (doc) { return holds(doc.title, w.variants) || holds(doc.body, w.variants); });
};

function union(lists) {
  if (lists.some(function (l) { return l === null; })) return null;
  var seen = {}, out = [];
  lists.forEach(function (l) { l.forEach(function (x) { if (!seen[x]) { seen[x] = true; out.push(x); } }); });
  return out;
}

/* A set of section numbers as flags; null (any section) as null. */
function flags(list, n) {
  if (list === null) return null;
  var out = new Uint8Array(n);
  list.forEach(function (x) { out[x] = 1; });
  return out;
}

/* The sections that hold every word, or all but `missing` of them: [doc, tier, matches].
   Only the sections the candidate index allows are read. */
Index.prototype.match = function (query, may, missing) {
  var out = [], n = this.docs.length, possible = new Uint8Array(n);
  may.forEach(function (f) { for (var d = 0; d < n; d++) if (f.any === null || f.any[d]) possible[d]++; });
  var has = function (set, d) { return set === null || set[d] === 1; };
  for (var d = 0; d < n; d++) {
    if (possible[d] < query.length - missing) continue;
    var doc = this.docs[d], tier = PHRASE, matches = [], lacking = 0;
    for (var w = 0; w < query.length; w++) {
      var f = may[w], m = null;
      if (has(f.any, d))
        m = matchWord(doc, query[w], {exact: has(f.exact, d), variant: has(f.variant, d), near: has(f.near, d),
                                      parts: has(f.parts, d), each: f.each, doc: d});
      if (!m) {
        if (++lacking > missing) break;
        matches.push({tier: SOME, missing: true, title: [], body: [], vTitle: [], vBody: []});
        continue;
      }
      tier = Math.max(tier, m.tier);
      matches.push(m);
    }
    if (lacking > missing) continue;
    if (lacking) tier = SOME;
    out.push({doc: doc, tier: tier, matches: matches, held: query.length - lacking});
  }
  return out;
};

/* Pages, best first, each its sections best first: Material's result groups. */
Index.prototype.rank = function (query, found) {
  var pages = {}, order = [], n = this.docs.length;
  // a rare word counts for more than a common one, where a query has several
  var df = query.map(function () { return 0; });
  found.forEach(function (f) { f.matches.forEach(function (m, w) { if (!m.missing) df[w]++; }); });
  var idf = df.map(function (c) { return Math.log(1 + n / Math.max(1, c)); });
  // where a heading of the chapter's own pages holds a word as typed, that section is the place
  // for it: a page named by another name of it is no more than a page that holds that name
  var headed = query.map(function (w, k) {
    return found.some(function (f) { return f.doc.boost >= 1 && f.matches[k].title && f.matches[k].title.length > 0; });
  });
  found.forEach(function (f) {
    f.matches.forEach(function (m, k) {
      if (m.named && headed[k]) { m.named = false; if (!m.body.length) { m.tier = VARIANT; f.tier = Math.max(f.tier, VARIANT); } }
    });
  });
  found.forEach(function (f) {
    var p = pages[f.doc.page];
    if (!p) { p = pages[f.doc.page] = {page: f.doc.page, tier: f.tier, held: f.held, all: []}; order.push(p); }
    if (f.tier < p.tier || (f.tier === p.tier && f.held > p.held)) { p.tier = f.tier; p.held = f.held; }
    p.all.push(f);
  });
  // a page counts its sections of its own tier, and those through a variant where it holds
  // the words as written (what it says of the subject by its other names)
  order.forEach(function (p) {
    p.sections = p.all.filter(function (f) {
      return f.held === p.held && (f.tier === p.tier || (p.tier === PHRASE && f.tier === VARIANT));
    }).sort(function (a, b) { return a.tier - b.tier; });
    delete p.all;
  });
  order.forEach(function (p) { score(p, query, idf, false); });
  order.sort(byRank);
  // the first pages again, counting the occurrences inside longer words as such (which only
  // lowers a score), until no page below can rise among them
  var refined = Math.min(REFINED, order.length);
  for (var i = 0; i < refined; i++) score(order[i], query, idf, true);
  var top = order.slice(0, refined).sort(byRank);
  while (refined < order.length && byRank(top[top.length - 1], order[refined]) > 0) {
    score(order[refined], query, idf, true);
    top.push(order[refined++]);
    top.sort(byRank);
  }
  order = top.concat(order.slice(refined));
  var self = this, total = order.length;
  return order.map(function (p, rank) { return self.group(p, query, total - rank, rank < SHOWN); });
};

/* A page's standing: its tier, whether it is the chapter's own (or names a word in a heading),
   how many words it holds, and what it makes of them: a page that quotes the chapter (a
   profile, the timeline, a digest: search boost below 1) counts for less, unless its title is
   another name of a word (the profile of the country asked for by a name the text does not use:
   where the text uses it, the chapter's pages that do come first, as they did). */
function score(p, query, idf, exact) {
  var words = idf.length, heading = [], lead = [], count = [], titled = false, named = false, pageTitle = [];
  for (var w = 0; w < words; w++) { heading.push(0); lead.push(0); count.push(0); pageTitle.push(0); }
  p.sections.forEach(function (f) {
    var s = 0;
    f.matches.forEach(function (m, w) {
      var x = measure(f.doc, m, query[w], exact);
      if (f.doc.anchor) heading[w] = Math.max(heading[w], x.heading);
      else pageTitle[w] = Math.max(pageTitle[w], x.heading);
      lead[w] = Math.max(lead[w], x.lead);
      count[w] += x.count;
      titled = titled || x.heading >= VARIANT_WEIGHT;
      named = named || (!f.doc.anchor && !!m.named);
      s += idf[w] * (3 * x.heading + x.lead + saturate(x.count, 1.2));
    });
    f.score = s;
  });
  var total = 0;
  for (w = 0; w < words; w++)
    total += idf[w] * (3 * Math.max(pageTitle[w], heading[w]) + lead[w] + saturate(count[w], 2));
  var boost = p.sections[0].doc.boost;
  p.original = boost >= 1 || titled;
  p.score = named ? total : total * boost;
}

function byRank(a, b) {
  return a.tier - b.tier || (b.original - a.original) || (b.held - a.held) || (b.score - a.score);
}

/* A page's result group: its best section first, then its other sections, then the page
   itself (Material shows it as the group's head); scores in the order shown, so that
   Material's Enter opens the first group's best section. */
Index.prototype.group = function (p, query, standing, shown) {
  var self = this;
  p.sections.sort(function (a, b) { return b.score - a.score; });
  var items = p.sections.map(function (f, k) {
    var score = standing * 1000 + (999 - Math.min(k, 998));
    // the sections Material shows under a page's best one are folded: a few have snippets
    return shown && k < 3 ? self.item(f, query, score) : self.titled(f, query, score);
  });
  var page = this.pages[p.page];
  if (page && !items.some(function (i) { return !/#/.test(i.location); })) {
    // the page's own line opens it at the first occurrence too (the reader's script scrolls there)
    var best = items[0].location.match(/\?h=[^#]*/);
    items.push({location: page.page + (best ? best[0] : ""), title: escapeHTML(page.title.raw), text: "",
                score: standing * 1000, terms: {}});
  }
  return items;
};

/* The places in the original of the spans asked for (folded offsets), found in one walk:
   a lookup from a span to its [start, end). */
function placed(field, spans) {
  var unique = [], seen = {};
  spans.forEach(function (s) { var key = s[0] + ":" + s[1]; if (!seen[key]) { seen[key] = true; unique.push(s); } });
  var ranges = field.ranges(unique), out = {};
  unique.forEach(function (s, i) { out[s[0] + ":" + s[1]] = ranges[i]; });
  return function (s) { return out[s[0] + ":" + s[1]]; };
}

/* The spans a snippet may show: the first and those close after it (a text folds to about
   its own length), sorted; the rest are not looked up. */
function reachable(spans) {
  if (!spans.length) return [];
  spans = spans.slice().sort(function (a, b) { return a[0] - b[0]; });
  var reach = spans[0][1] + 2 * SNIPPET_AFTER;
  return spans.filter(function (s) { return s[0] < reach; });
}

var SENTENCE_END = /[a-z0-9)”’"][.?!](?= +[A-Z“"(])/g;

/* The text around the first of the spans, with each of them marked. */
function snippet(field, spans, at) {
  if (!spans.length) return "";
  var ranges = spans.map(at), start = ranges[0][0], end = ranges[0][1];
  var from = Math.max(0, start - SNIPPET_BEFORE), to = Math.min(field.raw.length, end + SNIPPET_AFTER);
  // start at the sentence, where it is near: after a 。, or a full stop after a small letter
  // (not U.S.) and before a capital
  var stop = field.raw.lastIndexOf("。", start - 1), before = field.raw.slice(from, start), m;
  for (SENTENCE_END.lastIndex = 0; (m = SENTENCE_END.exec(before));) stop = Math.max(stop, from + m.index + 1);
  if (stop >= from) from = stop + 1;
  while (field.raw[from] === " ") from++;
  return (from > 0 ? "…" : "") + markedRanges(field, ranges, from, to) + (to < field.raw.length ? "…" : "");
}

/* field.raw[from, to) as HTML, with the ranges (original offsets) in <mark>. */
function markedRanges(field, ranges, from, to) {
  ranges = ranges.filter(function (r) { return r[1] > from && r[0] < to; })
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

/* The words found, as printed (at most a few), from a field's spans. */
var FIRST = 3;

function printed(field, spans, at) {
  var out = [];
  spans.slice(0, FIRST).forEach(function (s) {
    var r = at(s), t = field.raw.slice(r[0], r[1]);
    if (out.indexOf(t) === -1) out.push(t);
  });
  return out;
}

/* One section's result: its link (the words found go into ?h= for the page's highlight),
   its heading and snippet marked, a line saying how a word not found as typed was found,
   and Material's terms (a word lacking as written is struck through). */
Index.prototype.item = function (f, query, score) {
  var doc = f.doc, titleSpans = [], bodySpans = [], otherSpans = [], terms = {}, lines = [], words = this.labels;
  f.matches.forEach(function (m) {
    titleSpans = titleSpans.concat(m.title, m.vTitle);
    bodySpans = bodySpans.concat(m.body, m.vBody);
    if (m.other) otherSpans = otherSpans.concat(m.other);
  });
  var shownBody = reachable(bodySpans), shownOther = reachable(otherSpans), want = shownBody.slice();
  f.matches.forEach(function (m) { want = want.concat(m.body.slice(0, FIRST), m.vBody.slice(0, FIRST)); });
  // each field's places looked up in one walk through it
  var inBody = placed(doc.body, want), inTitle = placed(doc.title, titleSpans);
  var inOther = doc.other ? placed(doc.other, shownOther.concat([].concat.apply([], f.matches.map(function (m) {
    return (m.other || []).slice(0, FIRST); })))) : null;
  var inOtherTitle = doc.otherTitle ? placed(doc.otherTitle, [].concat.apply([], f.matches.map(function (m) {
    return (m.otherTitle || []).slice(0, FIRST); }))) : null;
  f.matches.forEach(function (m, w) {
    var raw = query[w].raw;
    if (m.tier === PHRASE && !m.named) {
      (m.body.length ? printed(doc.body, m.body, inBody) : printed(doc.title, m.title, inTitle))
        .forEach(function (t) { terms[t] = true; });
    } else if (m.tier === VARIANT || m.named) {
      var shown = printed(doc.body, m.vBody, inBody).concat(printed(doc.title, m.vTitle, inTitle))
        .filter(function (t, i, all) { return all.indexOf(t) === i; });
      shown.forEach(function (t) { terms[t] = true; });
      if (words.variant && shown.length)
        lines.push(fill(words.variant, {typed: raw, found: shown.join(words.list_sep || ", ")}));
    } else if (m.tier === OTHER) {
      (m.other.length ? printed(doc.other, m.other, inOther) : printed(doc.otherTitle, m.otherTitle, inOtherTitle))
        .forEach(function (t) { terms[t] = true; });
    } else {
      terms[raw] = false;
      if (m.tier === NEAR) {
        var near = m.body.length ? printed(doc.body, m.body, inBody) : printed(doc.title, m.title, inTitle);
        terms[near[0]] = true;
      }
    }
  });
  var highlight = Object.keys(terms).filter(function (t, i, all) {     // the page's highlight ignores case
    return terms[t] && all.findIndex(function (u) { return u.toLowerCase() === t.toLowerCase(); }) === i;
  }).join(" ");
  var text = shownBody.length ? "<p>" + snippet(doc.body, shownBody, inBody) + "</p>" : "";
  if (shownOther.length)
    text += "<p lang=\"" + escapeHTML(this.otherLang) + "\">" + snippet(doc.other, shownOther, inOther) + "</p>";
  if (f.tier === OTHER && words.other) lines.push(escapeHTML(words.other));
  lines.forEach(function (l) { text += "<p class=\"hk-search-found\">" + l + "</p>"; });
  return {
    // the page opened highlights the words (overrides/assets/javascripts/hakusho.js)
    location: doc.page + (highlight ? "?h=" + encodeURIComponent(highlight) : "") + doc.anchor,
    title: markedRanges(doc.title, titleSpans.map(inTitle), 0, doc.title.raw.length),
    text: text,
    score: score,
    terms: terms
  };
};

/* A section far down the list (a common word in many chapters): its title and link alone,
   the words as typed to mark, which costs no walk through its text. */
Index.prototype.titled = function (f, query, score) {
  var words = query.filter(function (w, k) { return f.matches[k].tier === PHRASE; }).map(function (w) { return w.raw; });
  return {location: f.doc.page + (words.length ? "?h=" + encodeURIComponent(words.join(" ")) : "") + f.doc.anchor,
          title: escapeHTML(f.doc.title.raw), text: "", score: score, terms: {}};
};

/* A label with {fields}, each field's words escaped and quoted as the label quotes them. */
function fill(label, fields) {
  return escapeHTML(label).replace(/\{(\w+)\}/g, function (all, f) { return f in fields ? escapeHTML(fields[f]) : all; });
}

/* -- the worker --------------------------------------------------------------------- */

/* The builder's data, beside the search box's settings: fetched where the site is served,
   loaded as a script from file:// (the bundle, through the iframe-worker shim) or where
   the fetch fails. `base`: the site's search/hakusho_search, without its suffix. */
function loadIndex(resolve, reject, base) {
  var viaScript = function () {
    var done = function () {
      if (self.HK_SEARCH) resolve(Index.fromData(self.HK_SEARCH)); else reject(new Error("no search data"));
    };
    try {
      var loading = importScripts(base + ".js");      // the shim's returns a promise
      if (loading && loading.then) loading.then(done, reject); else done();
    } catch (e) { reject(e); }
  };
  if (/^file:/.test(base) || typeof fetch !== "function") { viaScript(); return; }
  fetch(base + ".json").then(function (r) {
    if (!r.ok) throw new Error("HTTP " + r.status);
    return r.json();
  }).then(function (data) { resolve(Index.fromData(data)); }, function () {
    if (typeof importScripts === "function") viaScript(); else reject(new Error("no search data"));
  });
}

if (typeof self !== "undefined" && typeof module === "undefined" && typeof importScripts === "function") {
  // the worker's own address (in the shim, its script element's): the data is the site's search/
  var HERE = typeof document !== "undefined" && document.currentScript ? document.currentScript.src : self.location.href;
  var DATA = new URL("../../search/hakusho_search", HERE).href;
  var index = null, loading = false, latest = null;
  var answer = function (query) {
    postMessage({type: RESULT, data: index ? index.search(query) : {items: []}});
  };
  var load = function () {
    if (loading) return;
    loading = true;
    loadIndex(function (loaded) {
      index = loaded;
      if (latest !== null) answer(latest);
    }, function () {
      index = new Index([]);       // no data: every query finds nothing, rather than waiting forever
      if (latest !== null) answer(latest);
    }, DATA);
  };
  addEventListener("message", function (ev) {
    var message = ev.data;
    if (message.type === SETUP) {
      // MkDocs' own index, where the builder's hook has not cut it: search that
      if (message.data.docs && message.data.docs.length) { index = new Index(message.data.docs); loading = true; }
      // from file://, Material sets the worker up only when the search box opens: load now
      else if (/^file:/.test(HERE)) load();
      postMessage({type: READY});
    } else if (message.type === QUERY) {
      if (index) answer(message.data);
      else if (!message.data.trim()) postMessage({type: RESULT, data: {items: []}});   // Material's first, empty query
      else { latest = message.data; load(); }
    }
  });
}

if (typeof module !== "undefined")
  module.exports = {Index: Index, fold: fold, foldText: foldText, plain: plain, parts: parts, nearest: nearest,
                    postings: postings};
