"""Who is speaking: reporting verbs, source phrases, and whether a source is named or anonymous."""

from medialit.attribution.lexicon import RulesError, Verb, Rules, load_rules
from medialit.attribution.sources import SourceClass, classify_source
from medialit.attribution.phrases import Attribution, subject_before, verb_uses, find_attributions

__all__ = ['RulesError', 'Verb', 'Rules', 'load_rules', 'SourceClass', 'classify_source', 'Attribution', 'subject_before', 'verb_uses', 'find_attributions']
