"""Sourcing, sentence by sentence: named, anonymous, unattributed, or not a claim; hedged or not."""

from medialit.sourcing.tagger import TaggedSentence, SourcingSummary, summary, tag

__all__ = ['TaggedSentence', 'SourcingSummary', 'summary', 'tag']
