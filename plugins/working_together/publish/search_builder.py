"""lunr's index builder, fed finished terms.

`lunr.builder.Builder.add` wraps every word in a `Token` and deep-copies an empty metadata dictionary for it: a
quarter of a million copies for this site, about half of the time the prebuilt index takes. Our extractor already
returns finished terms (publish/search_index.py runs the pipeline once per distinct word) and we keep no metadata,
so `add` here counts the same terms into the same structures directly; `build()` and the serialised index are
lunr's own. tests/test_search.py checks that both builders write the same index.
"""

from __future__ import annotations

from collections import defaultdict

from lunr.builder import Builder
from lunr.field_ref import FieldRef


class TermBuilder(Builder):
    """A lunr Builder whose fields' extractors return finished terms (strings) and which records no metadata."""

    def add(self, doc: dict, attributes: dict | None = None) -> None:
        """Add `doc`: the same term frequencies, field lengths and postings as `Builder.add`."""
        if self.metadata_whitelist or len(self.pipeline):
            raise ValueError("TermBuilder takes finished terms: reset the pipeline and keep no metadata")
        doc_ref = str(doc[self._ref])
        self._documents[doc_ref] = attributes or {}
        self.document_count += 1
        for field_name, field in self._fields.items():
            terms = field.extractor(doc) or []
            field_terms: defaultdict[str, int] = defaultdict(int)
            field_ref = str(FieldRef(doc_ref, field_name))
            self.field_term_frequencies[field_ref] = field_terms
            self.field_lengths[field_ref] = len(terms)
            for term in terms:
                field_terms[term] += 1
                posting = self.inverted_index.get(term)
                if posting is None:
                    posting = {name: {} for name in self._fields}
                    posting["_index"] = self.term_index
                    self.term_index += 1
                    self.inverted_index[term] = posting
                if doc_ref not in posting[field_name]:
                    posting[field_name][doc_ref] = defaultdict(list)
