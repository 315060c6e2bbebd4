"""Articles and where they come from: files, front matter, the catalog, boilerplate lines, and the Document (one text, read once)."""

from medialit.corpus.files import CorpusError, read_text
from medialit.corpus.articles import CorpusWarning, Upstream, Article, Corpus, seeds_dir, guess_title, load_article, load_corpus
from medialit.corpus.clean import RulesError, Boilerplate, load_rules, label_lines, find_boilerplate, find_metadata
from medialit.corpus.document import Document, as_document

__all__ = ['CorpusError', 'read_text', 'CorpusWarning', 'Upstream', 'Article', 'Corpus', 'seeds_dir', 'guess_title', 'load_article', 'load_corpus', 'RulesError', 'Boilerplate', 'load_rules', 'label_lines', 'find_boilerplate', 'find_metadata', 'Document', 'as_document']
