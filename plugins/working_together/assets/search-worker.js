/* Material's search worker, with each query put into the index's own terms before Material reads it.
 *
 * Material appends a wildcard to every query word and, because of it, lunr runs no pipeline on the query: "a*",
 * "i*" and "to*" match every word starting with those letters, and "trafficked*" never meets the stemmed
 * "traffick" in the index. Material offers no hook for the query (custom transforms and workers were removed in
 * its 9.0), so the plugin points Material's worker URL at this file, which loads Material's worker unchanged and
 * rewrites each QUERY message first: stop words dropped, each word stemmed exactly as the index was (lunr's own
 * stemmer). Words typed in full are matched exactly; the last word, perhaps still being typed, is left to
 * Material's trailing wildcard, as is any word whose exact stem the index lacks. A word whose stem is very short
 * ("died" is "di") or typed in capitals ("SEN", not "senior") is matched exactly; a word the index lacks becomes the longest index
 * term it starts with ("referra": "referr", "unexpectedly": "unexpect"); a misspelt word ("refferal") becomes the
 * index term one edit away that most sections use. Queries written in lunr's syntax (quotes, +, -, *, ~, ^, field:) are left alone.
 *
 * The plugin writes `self.workingTogetherSearch = {material: "<Material's worker file>"}` before this code.
 * No eval, no inline script: it runs under a strict Content-Security-Policy (worker-src 'self').
 */
"use strict";
(() => {
  const SETUP = 0;
  const QUERY = 2;
  const SHORTEST_PREFIX = 3; // a shorter stem would match too many words as a prefix ("di*": direct, discuss …)
  const SYNTAX = /(^|\s)[+-]|["*~^:]/;
  // Under file:// the iframe-worker shim runs this file in an iframe, where relative URLs resolve against the page.
  const here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href;

  let terms = []; // every term of the index, sorted, for prefix look-ups by binary search
  let postings = {};

  addEventListener("message", (event) => {
    const message = event.data;
    if (message && message.type === QUERY && typeof message.data === "string" && terms.length) {
      message.data = normalise(message.data);
    } else if (message && message.type === SETUP) {
      terms = [];
    }
  });

  function normalise(query) {
    if (SYNTAX.test(query)) return query;
    const { Token, trimmer, stopWordFilter, tokenizer } = self.lunr;
    // A word typed in capitals is an abbreviation ("SEN", "DCS"): matched whole, so "SEN" does not find "senior".
    const capitals = new Set(query.split(tokenizer.separator)
      .filter((word) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase())
      .map((word) => word.toLowerCase()));
    // The index's pipeline, in its order (mkdocs.yml: trimmer, stopWordFilter, stemmer), the stemmer in indexTerm.
    const words = query.toLowerCase().split(tokenizer.separator)
      .map((word) => trimmer(new Token(word, {})).toString())
      .filter((word) => word);
    const content = words.filter((word) => stopWordFilter(new Token(word, {})));
    const kept = content.length ? content : words;
    return kept.map((word, at) => indexTerm(word, capitals.has(word), at === kept.length - 1)).join(" ");
  }

  function indexTerm(word, abbreviation, last) {
    const stem = self.lunr.stemmer(new self.lunr.Token(word, {})).toString();
    // Exact (Material adds no wildcard after a boost) for a word already typed in full, an abbreviation, or a
    // short stem; only the last word, perhaps still being typed, is a prefix ("polic*" would find "policies").
    if (abbreviation || stem.length < SHORTEST_PREFIX || (!last && isTerm(stem))) return `${stem}^1`;
    // Typed halfway past its stem ("referra": "referr") or a form the index lacks ("unexpectedly": "unexpect"):
    // the stem a finished word would have, even where some rarer term also starts with what was typed.
    const shorter = isTerm(stem) ? null : shorterTerm(stem);
    if (shorter) return shorter;
    if (startsAny(stem)) return stem;
    return nearest(stem) || stem;
  }

  function shorterTerm(stem) {
    for (let end = stem.length - 1; end >= Math.max(SHORTEST_PREFIX + 2, Math.ceil(stem.length * 0.6)); end--) {
      if (isTerm(stem.slice(0, end))) return stem.slice(0, end);
    }
    return null;
  }

  function lowerBound(prefix) {
    let low = 0;
    let high = terms.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (terms[middle] < prefix) low = middle + 1;
      else high = middle;
    }
    return low;
  }

  function startsAny(prefix) {
    const at = lowerBound(prefix);
    return at < terms.length && terms[at].startsWith(prefix);
  }

  function isTerm(term) {
    return terms[lowerBound(term)] === term;
  }

  // The index term one insertion, deletion, substitution or swap of neighbours away, used by the most sections.
  function nearest(stem) {
    let best = null;
    let bestCount = 0;
    for (const term of terms) {
      if (Math.abs(term.length - stem.length) > 1 || !oneEditApart(term, stem)) continue;
      const count = sections(term);
      if (count > bestCount) [best, bestCount] = [term, count];
    }
    return best;
  }

  function sections(term) {
    const posting = postings[term];
    let count = 0;
    for (const field in posting) if (field !== "_index") count += Object.keys(posting[field]).length;
    return count;
  }

  function oneEditApart(a, b) {
    if (a === b) return false;
    let i = 0;
    while (i < a.length && i < b.length && a[i] === b[i]) i++;
    const restA = a.slice(i);
    const restB = b.slice(i);
    return restA.slice(1) === restB.slice(1) // substitution
      || restA.slice(1) === restB // deletion from a
      || restA === restB.slice(1) // insertion into a
      || (restA[0] === restB[1] && restA[1] === restB[0] && restA.slice(2) === restB.slice(2)); // swap
  }

  function capture(lunr) {
    const build = lunr.Builder.prototype.build;
    lunr.Builder.prototype.build = function () {
      const index = build.call(this);
      postings = index.invertedIndex;
      terms = Object.keys(postings).sort();
      return index;
    };
  }

  // A real worker loads synchronously; the file:// shim's importScripts returns a promise instead.
  const loaded = importScripts(new URL(self.workingTogetherSearch.material, here).href);
  if (loaded && typeof loaded.then === "function") loaded.then(() => capture(self.lunr));
  else capture(self.lunr);
})();
