"""Comparing sources: similarity and verdicts, sentence alignment, quote drift, story families,
site furniture and copy trails."""

from medialit.compare.alignment import WordChange, AlignedPair, word_changes, align
from medialit.compare.comparison import Fingerprint, Evidence, Verdict, fingerprint, evidence, similarity, verdict, Comparison, compare
from medialit.compare.drift import QuoteChange, AttributionChange, quote_drift, attribution_drift
from medialit.compare.families import FamilyLink, story_families
from medialit.compare.furniture import Furniture, FurnitureLine, learn_furniture
from medialit.compare.lineage import Lineage, Version, lineage

__all__ = ['WordChange', 'AlignedPair', 'word_changes', 'align', 'Fingerprint', 'Evidence', 'Verdict', 'fingerprint', 'evidence', 'similarity', 'verdict', 'Comparison', 'compare', 'story_families', 'QuoteChange', 'AttributionChange', 'quote_drift', 'attribution_drift', 'FamilyLink', 'Furniture', 'FurnitureLine', 'learn_furniture', 'Lineage', 'Version', 'lineage']
