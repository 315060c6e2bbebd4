"""Figures in news text: extraction, normalisation, vague quantities, and comparison across sources."""

from medialit.figures.tables import RulesError, load_rules
from medialit.figures.extraction import Figure, Exclusion, extract, excluded
from medialit.figures.comparison import FigureComparison, compare_figures

__all__ = ['RulesError', 'load_rules', 'Figure', 'Exclusion', 'extract', 'excluded', 'FigureComparison', 'compare_figures']
