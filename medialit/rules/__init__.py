"""The rules tables, read one way: ``tomllib`` on every supported Python, and :func:`load_table`.

The tables live in ``medialit/rules/<name>.toml``; a teacher may pass the path of an
edited copy instead. Either way the table is checked against its schema
(:mod:`medialit.rules.schema`) and a problem raises :class:`medialit.errors.RulesError`
naming the file, the line and the key (see ``docs/rules.md``).

>>> table = load_table("hedges")
>>> table.label, "reportedly" in table.data["markers"]
('medialit/rules/hedges.toml', True)
"""
from __future__ import annotations

import re
import sys
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

from medialit.errors import RulesError
from medialit.rules.schema import PACKAGED, check_table

__all__ = ["tomllib", "Table", "load_table", "parse_table", "PACKAGED"]


@dataclass(frozen=True, eq=False)
class Table:
    """A parsed, checked rules table: ``data`` as TOML gives it (shared when packaged:
    do not change it), ``label`` the name used in messages (``medialit/rules/<name>.toml``
    or the teacher's path as given)."""

    name: str
    data: dict
    label: str


def load_table(name: str, path: str | Path | None = None) -> Table:
    """The rules table ``name`` (e.g. ``"figures"``): the packaged one, cached, or the
    teacher's copy at ``path``, read afresh each time.

    An unreadable file, invalid TOML or a value the schema does not allow raises
    :class:`~medialit.errors.RulesError` naming the file (and the line and key when known).

    >>> load_table("framing").label
    'medialit/rules/framing.toml'
    >>> load_table("framing", "no/such/file.toml")
    Traceback (most recent call last):
    ...
    medialit.errors.RulesError: no/such/file.toml: cannot read the rules file (No such file or directory)
    """
    if path is None:
        return _packaged(name)
    label = str(path)
    try:
        raw = Path(path).read_text(encoding="utf-8")
    except OSError as err:
        raise RulesError(f"{label}: cannot read the rules file ({err.strerror or err})") from None
    except UnicodeDecodeError as err:
        raise RulesError(f"{label}: not valid UTF-8 (byte {err.start}); save it as UTF-8 text") from None
    return parse_table(name, raw, label)


@lru_cache(maxsize=None)
def _packaged(name: str) -> Table:
    if name not in PACKAGED:
        raise RulesError(f"medialit/rules/{name}.toml: no such rules table (known: {', '.join(PACKAGED)})")
    raw = resources.files("medialit").joinpath(f"rules/{name}.toml").read_text(encoding="utf-8")
    return parse_table(name, raw, f"medialit/rules/{name}.toml")


def parse_table(name: str, raw: str, label: str = "<rules>") -> Table:
    """:func:`load_table` for TOML text already in hand (``label`` names it in messages).

    >>> parse_table("hedges", 'markers = ["allegedly"]\\nverbs = "seem"\\n', "my_hedges.toml")
    Traceback (most recent call last):
    ...
    medialit.errors.RulesError: my_hedges.toml, line 2: key 'verbs' must be a list of strings, not a string
    >>> parse_table("hedges", 'markers = ["allegedly"\\n', "my_hedges.toml")
    Traceback (most recent call last):
    ...
    medialit.errors.RulesError: my_hedges.toml, line 1: invalid TOML near key 'markers' (Unclosed array (at end of document))
    """
    try:
        data = tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        raise RulesError(_syntax_message(err, raw, label)) from None
    check_table(name, data, label, raw)
    return Table(name, data, label)


def _syntax_message(err: Exception, raw: str, label: str) -> str:
    """``label, line N: invalid TOML near key 'k' (what tomllib said)``: one line. The line
    is tomllib's (the last line when the problem is at the end); the key is the nearest one
    written on or above that line."""
    message = str(err)
    lines = raw.splitlines() or [""]
    m = re.search(r"\(at line (\d+), column \d+\)", message)
    if m:
        number = min(int(m.group(1)), len(lines))
    elif "end of document" in message:
        number = len(lines)
    else:
        return f"{label}: invalid TOML ({message})"
    near = ""
    for line in reversed(lines[:number]):
        key = re.match(r"\s*(?:\[\[?\s*([^\]=]+?)\s*\]|([\w\"' .-]+?)\s*=)", line)
        if key and (key.group(1) or key.group(2)):
            near = f" near key {(key.group(1) or key.group(2)).strip().strip(chr(34) + chr(39))!r}"
            break
    return f"{label}, line {number}: invalid TOML{near} ({message})"
