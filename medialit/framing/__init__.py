"""Word choice across outlets: loaded terms, labels put on names, concordances, and what each
text repeats (word counts, collocations, where loaded terms fall), with nltk where nltk does the job."""

from medialit.framing.terms import RulesError, Term, FramingRules, load_rules, LoadedTerm, find_loaded_terms, ConcordanceLine, concordance, by_article
from medialit.framing.labels import NameLabel, name_labels
from medialit.framing.counts import (Stopwords, load_stopwords, WordCount, word_counts, Collocation, collocations,
                                     TermPosition, term_positions)
from medialit.framing.tokens import nltk_text

__all__ = ['RulesError', 'Term', 'FramingRules', 'load_rules', 'LoadedTerm', 'find_loaded_terms', 'ConcordanceLine', 'concordance', 'by_article', 'NameLabel', 'name_labels',
           'Stopwords', 'load_stopwords', 'WordCount', 'word_counts', 'Collocation', 'collocations', 'TermPosition',
           'term_positions', 'nltk_text']
