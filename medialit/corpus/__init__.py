"""Articles and where they come from: files, front matter, the catalog, saved web pages and snapshots, boilerplate lines, and the Document (one text, read once)."""

from medialit.corpus.files import CorpusError, read_text
from medialit.corpus.articles import CorpusWarning, Upstream, Article, Corpus, seeds_dir, guess_title, load_article, load_corpus
from medialit.corpus.clean import RulesError, Boilerplate, load_rules, label_lines, find_boilerplate, find_metadata
from medialit.corpus.document import Document, as_document
from medialit.corpus.pages import PAGE_SUFFIXES, Page, Removed, decode_html, find_wire_credits, read_page
from medialit.corpus.fetch import download, fetch, is_url, save_snapshot

__all__ = ['CorpusError', 'read_text', 'CorpusWarning', 'Upstream', 'Article', 'Corpus', 'seeds_dir', 'guess_title', 'load_article', 'load_corpus', 'RulesError', 'Boilerplate', 'load_rules', 'label_lines', 'find_boilerplate', 'find_metadata', 'Document', 'as_document', 'PAGE_SUFFIXES', 'Page', 'Removed', 'decode_html', 'find_wire_credits', 'read_page', 'download', 'fetch', 'is_url', 'save_snapshot']
