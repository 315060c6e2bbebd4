"""Word choice across outlets: loaded terms, labels put on names, concordances."""

from medialit.framing.terms import RulesError, Term, FramingRules, load_rules, LoadedTerm, find_loaded_terms, ConcordanceLine, concordance, by_article
from medialit.framing.labels import NameLabel, name_labels

__all__ = ['RulesError', 'Term', 'FramingRules', 'load_rules', 'LoadedTerm', 'find_loaded_terms', 'ConcordanceLine', 'concordance', 'by_article', 'NameLabel', 'name_labels']
