"""What the kit reports about one article: the analysis behind ``medialit analyze``, and the capstone report."""

from medialit.report.analysis import Analysis, analyze_text, analyze_file
from medialit.report.capstone import Neighbour, ClaimToCheck, ArticleReport, read_article, compare_with_corpus, claims_to_check, build_report

__all__ = ['Analysis', 'analyze_text', 'analyze_file', 'Neighbour', 'ClaimToCheck', 'ArticleReport', 'read_article', 'compare_with_corpus', 'claims_to_check', 'build_report']
