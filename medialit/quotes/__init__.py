"""Direct quotations and who said them."""

from medialit.quotes.finder import Quote, find_quotes, transcript_labels

__all__ = ['Quote', 'find_quotes', 'transcript_labels']
