"""Checking figures against reference tables: prices, ages, counts, dates, durations and facts."""

from medialit.checks.reference import ReferenceDataError, PriceRow, Person, Event, CountRow, FactRow, Reference, load_reference
from medialit.checks.dates import DateSpan
from medialit.checks.checking import Check, check, check_text
from medialit.checks.internal import InternalCheck, check_internal

__all__ = ['ReferenceDataError', 'PriceRow', 'Person', 'Event', 'CountRow', 'FactRow', 'Reference', 'load_reference', 'DateSpan', 'Check', 'check', 'check_text', 'InternalCheck', 'check_internal']
