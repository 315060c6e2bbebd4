"""Checking figures: against reference tables (prices, ages, counts, dates, durations and facts,
the kit's and a class's own) and against each other (internal consistency)."""

from medialit.checks.reference import ReferenceDataError, PriceRow, Person, Event, CountRow, FactRow, Reference, load_reference, read_tables
from medialit.checks.dates import DateSpan
from medialit.checks.checking import Check, check, check_text
from medialit.checks.internal import InternalCheck, check_internal
from medialit.checks.article import ArticleChecks, check_article, check_file

__all__ = ['ReferenceDataError', 'PriceRow', 'Person', 'Event', 'CountRow', 'FactRow', 'Reference', 'load_reference', 'DateSpan', 'Check', 'check', 'check_text', 'InternalCheck', 'check_internal', 'read_tables', 'ArticleChecks', 'check_article', 'check_file']
