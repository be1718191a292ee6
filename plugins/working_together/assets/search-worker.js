/* The site's search worker: answers Material's search box from the lunr index built at build time.
 *
 * Material's own worker builds a lunr index from every page's text on each page load (3–8 s on a loaded
 * machine). The build (publish/search_index.py) writes that index into search_index.json's config as
 * `prebuilt`, with each result's title and snippet in `docs`; this worker loads it in milliseconds and answers
 * Material's messages itself (SETUP → READY, QUERY → RESULT), so Material's page code renders the results as before.
 * Material's worker file is still loaded, only for the lunr library it carries; its message handler never runs.
 *
 * A query is put into the index's terms: stop words dropped, each word stemmed as the index was (lunr's stemmer,
 * except the words `unstemmed` keeps apart). Words typed in full match exactly; the last word, perhaps still
 * being typed, also matches as a prefix; a word the index lacks becomes the longest index term it starts with
 * ("referra": "referr") or the index term one edit away that most sections use ("refferal"). A question's opening
 * ("what do I do if") adds the words of the journey it asks for (`questions`). A section scores lunr's BM25 sum
 * times the share of the query's words it has, squared, and more for the share in its title (TITLE_BONUS) and
 * for a page's own entry (ARTICLE_BONUS), times the page's weight (`weight`: sources, glossary, a replaced
 * edition's page that a later edition has too) unless it answers more of the query's rarity than any full-weight page;
 * pages come in the order of their best section.
 * When no section has half the query's rarity (its words weighted by how few sections have them; a source
 * document needs nearly all), the first result is a notice that these editions do not cover
 * it, linking to the guidance in force (assets/search-ui.js shows it above the results); nothing is fetched.
 * tests/material_search.py mirrors this file in Python: change both together.
 *
 * The plugin writes `self.workingTogetherSearch = {material: "<Material's worker file>"}` before this code.
 * No eval, no inline script: it runs under a strict Content-Security-Policy (worker-src 'self').
 */
"use strict";
(() => {
  const SETUP = 0;
  const READY = 1;
  const QUERY = 2;
  const RESULT = 3;
  const SHORTEST_PREFIX = 3; // a shorter stem would match too many words as a prefix ("di*": direct, discuss …)
  // Covered when one section has this share of the query's rarity (its words weighted by `rarity`): common words
  // ("teachers", "duty", "child") match everywhere and say little about whether the editions cover a topic.
  const COVERED_SHARE = 0.5;
  // A source document is one long section with most words somewhere in it: it covers a query only with nearly all.
  const SOURCE_COVERED_SHARE = 0.9;
  const CORRECTED = 0.5; // a word matched only through the nearest spelling may be a different word ("gangs": "rang")
  const RARITY_PREFIXES = 50; // index terms a prefix is compared over for its commonest completion
  // A question's verbs, rare in the guidance's own words, say nothing about its topic ("what goes in the annual report").
  const QUESTION_WORDS = new Set(["go", "goes", "happen", "happens", "happened", "need", "needs", "mean", "means", "say", "says"]);
  const QUESTION_BOOST = 1; // the words a question's opening adds, such as the title of the journey it asks for
  const ARTICLE_BONUS = 2; // a page's own entry (its title and opening) against one of its sections
  const TITLE_BONUS = 1; // a section whose title has all the query's words counts twice
  const IN_FORCE = "https://www.gov.uk/government/publications/working-together-to-safeguard-children--2";
  // Under file:// the iframe-worker shim runs this file in an iframe, where relative URLs resolve against the page.
  const here = typeof document !== "undefined" && document.currentScript
    ? document.currentScript.src
    : self.location.href;

  let search = null;
  let lunrLoaded = null;
  // The index is fetched and parsed here, from the moment the worker starts, off the page's main thread; the
  // page's own copy (search_index.json) is only its settings. Over file:// (the offline copy's iframe shim) a
  // fetch is refused, and the page's copy is the whole index.
  const fetched = self.location.protocol === "file:"
    ? null
    : fetch(new URL(self.workingTogetherSearch.index, here).href).then((response) => response.json()).catch(() => null);

  // Added before Material's worker is loaded, so it runs first and Material's handler never sees the message.
  addEventListener("message", (event) => {
    const message = event.data;
    if (!message || (message.type !== SETUP && message.type !== QUERY)) return;
    event.stopImmediatePropagation();
    if (message.type === SETUP) {
      const given = message.data.config.prebuilt ? message.data : fetched;
      Promise.all([given, lunrLoaded]).then(([index]) => {
        if (index) search = new Search(index.config, index.docs);
        postMessage({ type: READY });
      });
    } else {
      postMessage({ type: RESULT, data: search ? search.query(String(message.data)) : { items: [] } });
    }
  }, true);

  class Search {
    constructor(config, docs) {
      const { lunr } = self;
      this.index = lunr.Index.load(unpacked(config.prebuilt));
      this.docs = docs;
      this.separator = new RegExp(config.separator, "g");
      this.questions = (config.questions || []).map(({ says, means }) => ({
        says: says.map((phrase) => new RegExp(`(^|\\W)${escape(phrase).replace(/ /g, "\\W+")}(\\W|$)`)),
        means,
      }));
      this.unstemmed = config.unstemmed || {};
      this.postings = this.index.invertedIndex;
      this.terms = Object.keys(this.postings).sort();
    }

    query(text) {
      const { lunr } = self;
      const clauses = this.clauses(text);
      const typed = clauses.filter((clause) => clause.typed);
      if (!typed.length) return { items: [] };
      const hits = this.index.query((query) => {
        for (const { term, prefix, boost } of clauses) {
          query.term(term, {
            usePipeline: false,
            boost,
            wildcard: prefix ? lunr.Query.wildcard.TRAILING : lunr.Query.wildcard.NONE,
          });
        }
      });
      const weights = typed.map((clause) => this.rarity(clause));
      const total = weights.reduce((sum, weight) => sum + weight, 0) || 1;
      const scored = hits.map(({ ref, score, matchData }) => {
        const matched = Object.keys(matchData.metadata);
        const found = typed.map((clause) => matched.some((term) => has(clause, term)));
        const inTitle = matched.filter((term) => "title" in matchData.metadata[term]);
        const share = typed.filter((clause) => matched.some((term) => has(clause, term))).length / typed.length;
        const titleShare = typed.filter((clause) => inTitle.some((term) => has(clause, term))).length / typed.length;
        const doc = this.docs[Number(ref)];
        const bonus = (doc.location.includes("#") ? 1 : ARTICLE_BONUS) * (1 + TITLE_BONUS * titleShare);
        const rarity = typed.reduce((sum, clause, i) => sum + (found[i] ? weights[i] * (clause.corrected ? CORRECTED : 1) : 0), 0) / total;
        const covers = rarity * (doc.location.startsWith("sources/") ? COVERED_SHARE / SOURCE_COVERED_SHARE : 1);
        return { doc, score: score * share * share * bonus, share, rarity, covers, weight: doc.weight || 1 };
      });
      // A page's weight (a source, the glossary, a replaced edition) orders it below the pages that answer the same
      // distinctive words; one that answers more of them than any full-weight page keeps its place.
      const answered = Math.max(0, ...scored.filter((hit) => hit.weight === 1).map((hit) => hit.rarity));
      for (const hit of scored) if (hit.rarity <= answered) hit.score *= hit.weight;
      scored.sort((a, b) => b.score - a.score);
      const pages = new Map();
      for (const hit of scored) {
        const page = hit.doc.location.split("#")[0];
        if (!pages.has(page)) pages.set(page, []);
        pages.get(page).push(hit);
      }
      const words = typed.map((clause) => clause.word);
      const items = [...pages].map(([page, group]) => {
        if (!group.some((hit) => hit.doc.location === page)) {
          const article = this.docs.find((doc) => doc.location === page);
          if (article) group.push({ doc: article, score: 0 });
        }
        return group.map(({ doc, score }) => shown(doc, score, words));
      });
      const best = scored.length ? Math.max(...scored.map((hit) => hit.covers)) : 0;
      if (best < COVERED_SHARE) items.unshift([notCovered()]);
      return { items };
    }

    // The query's words as index terms: {word, term, prefix, boost}, typed words first, then a question's words.
    clauses(text) {
      const { stopWordFilter } = self.lunr;
      const lower = text.toLowerCase();
      const capitals = new Set(text.split(this.separator)
        .filter((word) => word.length > 1 && word === word.toUpperCase() && word !== word.toLowerCase())
        .map((word) => word.toLowerCase()));
      const content = this.words(lower).filter((word) => stopWordFilter(new self.lunr.Token(word, {})));
      const clauses = content.map((word, at) => ({
        word, corrected: false, ...this.indexTerm(word, capitals.has(word), at === content.length - 1), boost: 1, typed: true,
      }));
      for (const { says, means } of this.questions) {
        if (!says.some((pattern) => pattern.test(lower))) continue;
        for (const word of this.words(means.join(" "))) {
          const term = this.stem(word);
          if (stopWordFilter(new self.lunr.Token(word, {})) && this.isTerm(term)) {
            clauses.push({ word, term, prefix: false, boost: QUESTION_BOOST, typed: false });
          }
        }
      }
      return clauses;
    }

    words(text) {
      const { Token, trimmer } = self.lunr;
      return text.split(this.separator).map((word) => trimmer(new Token(word, {})).toString()).filter((w) => w);
    }

    stem(word) {
      return this.unstemmed[word] || self.lunr.stemmer(new self.lunr.Token(word, {})).toString();
    }

    indexTerm(word, abbreviation, last) {
      const stem = this.stem(word);
      // Exact for a word already typed in full, an abbreviation ("SEN" is not "senior"), or a short stem;
      // only the last word, perhaps still being typed, is also a prefix ("polic*" would find "policies").
      if (abbreviation || stem.length < SHORTEST_PREFIX || (!last && this.isTerm(stem))) {
        return { term: stem, prefix: false };
      }
      // Typed halfway past its stem ("referra": "referr") or a form the index lacks ("unexpectedly": "unexpect"):
      // the stem a finished word would have, even where some rarer term also starts with what was typed.
      const shorter = this.isTerm(stem) ? null : this.shorterTerm(stem);
      if (shorter) return { term: shorter, prefix: true };
      if (this.startsAny(stem)) return { term: stem, prefix: true };
      return { term: this.nearest(stem) || stem, prefix: true, corrected: true };
    }

    // How much a word says what the query is about: lunr's inverse document frequency of its term (of the commonest
    // term a prefix matches), so "child" or "duty", in most sections, weighs little beside "county" or "grooming".
    rarity(clause) {
      if (QUESTION_WORDS.has(clause.word)) return 0;
      let found = 0;
      if (clause.prefix) {
        const at = this.lowerBound(clause.term);
        for (const term of this.terms.slice(at, at + RARITY_PREFIXES)) {
          if (term.startsWith(clause.term)) found = Math.max(found, this.sections(term));
        }
      } else if (this.isTerm(clause.term)) {
        found = this.sections(clause.term);
      }
      return Math.log(1 + (this.docs.length - found + 0.5) / (found + 0.5));
    }

    shorterTerm(stem) {
      for (let end = stem.length - 1; end >= Math.max(SHORTEST_PREFIX + 2, Math.ceil(stem.length * 0.6)); end--) {
        if (this.isTerm(stem.slice(0, end))) return stem.slice(0, end);
      }
      return null;
    }

    lowerBound(prefix) {
      let low = 0;
      let high = this.terms.length;
      while (low < high) {
        const middle = (low + high) >> 1;
        if (this.terms[middle] < prefix) low = middle + 1;
        else high = middle;
      }
      return low;
    }

    startsAny(prefix) {
      const at = this.lowerBound(prefix);
      return at < this.terms.length && this.terms[at].startsWith(prefix);
    }

    isTerm(term) {
      return this.terms[this.lowerBound(term)] === term;
    }

    // The index term one insertion, deletion, substitution or swap of neighbours away, used by the most sections.
    nearest(stem) {
      let best = null;
      let bestCount = 0;
      for (const term of this.terms) {
        if (Math.abs(term.length - stem.length) > 1 || !oneEditApart(term, stem)) continue;
        const count = this.sections(term);
        if (count > bestCount) [best, bestCount] = [term, count];
      }
      return best;
    }

    sections(term) {
      const posting = this.postings[term];
      let count = 0;
      for (const field in posting) if (field !== "_index") count += Object.keys(posting[field]).length;
      return count;
    }
  }

  // lunr's serialized index from the build's packed form (publish/search_index.py `packed`): a term's sections
  // as numbers, its place in the list as its vector index (written as the gap from the one before).
  function unpacked({ terms, ...index }) {
    const invertedIndex = terms.map(([term, ...refs], at) => {
      const posting = { _index: at };
      index.fields.forEach((field, i) => {
        posting[field] = {};
        for (const ref of refs[i]) posting[field][ref] = {};
      });
      return [term, posting];
    });
    const fieldVectors = index.fieldVectors.map(([ref, gaps]) => {
      const vector = [];
      let at = 0;
      for (let i = 0; i < gaps.length; i += 2) {
        at += gaps[i];
        vector.push(at, gaps[i + 1]);
      }
      return [ref, vector];
    });
    return { ...index, fieldVectors, invertedIndex, pipeline: [] };
  }

  function has(clause, term) {
    return clause.prefix ? term.startsWith(clause.term) : term === clause.term;
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

  function escape(text) {
    return text.replace(/[|\\{}()[\]^$+*?.-]/g, "\\$&");
  }

  // A result as Material renders it: the snippet (already escaped at build time) with the query's words marked.
  function shown(doc, score, words) {
    const terms = Object.fromEntries(words.map((word) => [word, true]));
    if (!words.length || !doc.text) return { ...doc, score, terms };
    const pattern = new RegExp(`(^|[^\\w&])(${words.map((word) => escape(word.slice(0, Math.max(3, word.length - 2)))).join("|")})(\\w*)`, "gi");
    return { ...doc, text: doc.text.replace(pattern, "$1<mark data-md-highlight>$2$3</mark>"), score, terms };
  }

  function notCovered() {
    return {
      location: IN_FORCE,
      title: "These editions do not cover this",
      text: "See the guidance in force on GOV.UK.",
      score: Number.MAX_VALUE,
      terms: {},
    };
  }

  // A real worker loads synchronously; the file:// shim's importScripts returns a promise instead.
  lunrLoaded = importScripts(new URL(self.workingTogetherSearch.material, here).href);
})();
