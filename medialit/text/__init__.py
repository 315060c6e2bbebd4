"""Text with exact character offsets: sentences, words, and numbers written as words."""

from medialit.text.split import Span, sentences, words
from medialit.text.numbers import parse_numeral, parse_number_words, format_value

__all__ = ['Span', 'sentences', 'words', 'parse_numeral', 'parse_number_words', 'format_value']
