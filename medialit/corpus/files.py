"""Reading the files behind a corpus: text files, TOML front matter and catalogs, with
errors that name the file, the line and the problem. Used by :mod:`medialit.corpus.articles`.

>>> split_front_matter('+++\\ntitle = "A"\\n+++\\nBody.')
({'title': 'A'}, 'Body.')
"""
from __future__ import annotations

import datetime as _dt
import re
from pathlib import Path
from typing import Any

from medialit.errors import CorpusError
from medialit.rules import tomllib

CATALOG_NAME = "catalog.toml"
UNKNOWN = "unknown"
FRONT_MATTER_FENCE = "+++"
UPSTREAM_KEYS = ("outlet", "relation", "date", "url", "subject", "title", "author", "note")


def _toml_error(err: tomllib.TOMLDecodeError, path: Path, what: str, line_offset: int = 0) -> CorpusError:
    message = str(err)
    m = re.search(r"\s*\(at line (\d+), column \d+\)", message)
    line = None
    if m:
        line = int(m.group(1)) + line_offset
        message = message[: m.start()] + message[m.end():]
    elif "(at end of document)" in message:
        message = message.replace(" (at end of document)", " (at the end)")
    return CorpusError(path, f"invalid TOML {what}: {message}", line=line)


def _decode(data: bytes, path: Path) -> str:
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        raise CorpusError(path, f"not valid UTF-8: byte 0x{data[err.start]:02x} at byte offset {err.start} "
                          "(save the file as UTF-8 text)", line=line) from None
    return text[1:] if text.startswith("\ufeff") else text


def split_front_matter(text: str, path: str | Path = "<text>") -> tuple[dict[str, Any], str]:
    """Split ``+++``-fenced TOML front matter from the article body.

    >>> split_front_matter('+++\\ntitle = "A"\\n+++\\nBody.')
    ({'title': 'A'}, 'Body.')
    """
    first, nl, rest = text.partition("\n")
    if first.rstrip() != FRONT_MATTER_FENCE:
        return {}, text
    m = re.search(r"^\+\+\+[ \t\r]*(?:\n|$)", rest, flags=re.M)
    if not m:
        raise CorpusError(path, "front matter opened with '+++' on line 1 is never closed "
                          "(add a line '+++' after it)", line=1)
    try:
        meta = tomllib.loads(rest[: m.start()])
    except tomllib.TOMLDecodeError as err:
        raise _toml_error(err, Path(path), "front matter", line_offset=1) from None
    return meta, rest[m.end():]


def _iso_date(value: Any, key: str, where: Path, label: str) -> str:
    if isinstance(value, _dt.datetime):
        return value.date().isoformat()
    if isinstance(value, _dt.date):
        return value.isoformat()
    if isinstance(value, str):
        if value == UNKNOWN:
            return value
        padding = {4: "-01-01", 7: "-01", 10: ""}.get(len(value))  # YYYY, YYYY-MM, YYYY-MM-DD
        if padding is not None and re.fullmatch(r"\d{4}(-\d{2}){0,2}", value):
            try:
                _dt.date.fromisoformat(value + padding)
                return value
            except ValueError:
                pass
    raise CorpusError(where, f"{label}{key} {value!r} is not an ISO date (YYYY-MM-DD, YYYY-MM or YYYY) "
                      "or 'unknown'")


_TEXT_FIELDS = ("title", "outlet", "outlet_kind", "url", "byline", "notes")


def article_fields(meta: dict[str, Any], where: Path, label: str) -> dict[str, Any]:
    """Check and convert catalog / front-matter values into ``Article`` keyword arguments."""
    out: dict[str, Any] = {"meta": {}}
    for key, value in meta.items():
        if key in ("id", "file"):
            continue
        if key in _TEXT_FIELDS:
            if not isinstance(value, str):
                raise CorpusError(where, f"{label}{key} must be a string, not {type(value).__name__}")
            out[key] = value.strip() if key == "notes" else value
        elif key in ("published", "story_date"):
            out[key] = _iso_date(value, key, where, label)
        elif key == "upstream":
            out[key] = _upstream(value, where, label)
        else:
            out["meta"][key] = value
    return out


def _upstream(value: Any, where: Path, label: str) -> tuple[dict[str, Any], ...]:
    if not isinstance(value, list) or not all(isinstance(v, dict) for v in value):
        raise CorpusError(where, f"{label}upstream must be a list of [[article.upstream]] tables")
    links = []
    for n, link in enumerate(value, 1):
        missing = [k for k in ("outlet", "relation") if not isinstance(link.get(k), str)]
        if missing:
            raise CorpusError(where, f"{label}upstream link {n} needs {' and '.join(missing)} (strings)")
        unknown = set(link) - set(UPSTREAM_KEYS)
        if unknown:
            raise CorpusError(where, f"{label}upstream link {n} has unknown key(s) {', '.join(sorted(unknown))}")
        kwargs = dict(link)
        if "date" in kwargs:
            kwargs["date"] = _iso_date(kwargs["date"], "date", where, f"{label}upstream link {n}: ")
        links.append(kwargs)
    return tuple(links)


def read_text(path: Path) -> str:
    if not path.exists():
        raise CorpusError(path, "file does not exist")
    if path.is_dir():
        raise CorpusError(path, "is a folder, not a text file")
    try:
        data = path.read_bytes()
    except OSError as err:
        raise CorpusError(path, f"cannot be read ({err.strerror})") from None
    return _decode(data, path)


def read_catalog(path: str | Path) -> list[dict[str, Any]]:
    """The ``[[article]]`` tables of a catalog file, checked for ``id`` and ``file``."""
    path = Path(path)
    try:
        data = tomllib.loads(read_text(path))
    except tomllib.TOMLDecodeError as err:
        raise _toml_error(err, path, "catalog") from None
    entries = data.get("article", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CorpusError(path, "expected one [[article]] table per article")
    for n, entry in enumerate(entries, 1):
        for key in ("id", "file"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise CorpusError(path, f"article number {n} needs '{key}' (a non-empty string)")
    return entries
