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


#: The largest file read by default, in bytes; ``MEDIALIT_MAX_MB`` or a command's
#: ``--max-size MB`` raises it (an article is a few kB: this only stops a file given by mistake).
DEFAULT_MAX_BYTES = 100_000_000
MAX_BYTES_ENV = "MEDIALIT_MAX_MB"
#: The byte-order marks read as what they say (UTF-32 first: its LE mark starts like UTF-16's);
#: a UTF-8 mark is dropped by the UTF-8 reading.
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32"), (b"\x00\x00\xfe\xff", "utf-32"),
         (b"\xff\xfe", "utf-16"), (b"\xfe\xff", "utf-16"))
class CorpusWarning(UserWarning):
    """Issued for each file skipped while loading a folder (``strict=False``), and for a file
    read in an encoding the kit had to assume."""


#: ``encoding=`` value asking :func:`read_text` to detect the encoding of a file that is not UTF-8.
AUTO = "auto"


def max_bytes(limit: int | None = None) -> int:
    """The size limit in bytes: ``limit`` if given, else ``MEDIALIT_MAX_MB`` (megabytes), else
    :data:`DEFAULT_MAX_BYTES`. A value that is not a positive number is ignored."""
    if limit is not None:
        return limit
    import os
    try:
        mb = float(os.environ.get(MAX_BYTES_ENV, ""))
    except ValueError:
        return DEFAULT_MAX_BYTES
    return int(mb * 1_000_000) if mb > 0 else DEFAULT_MAX_BYTES


def _decode(data: bytes, path: Path, encoding: str | None = None) -> str:
    """The text of a file's bytes: UTF-8 (a leading byte-order mark dropped), UTF-16 or
    UTF-32 when a byte-order mark says so, ``encoding`` when one is given (other than ``"auto"``),
    or else the encoding charset-normalizer finds for a file that is not UTF-8, with a warning
    naming it. Raises ``CorpusError`` naming the file for bytes that cannot be text."""
    if encoding and encoding.lower() != AUTO:
        try:
            text = data.decode(encoding)
        except LookupError:
            raise CorpusError(path, f"unknown encoding {encoding!r} (try utf-8, cp1252, latin-1 or utf-16)") from None
        except UnicodeDecodeError as err:
            raise CorpusError(path, f"not valid {encoding}: byte 0x{data[err.start]:02x} at byte offset {err.start}",
                              line=data.count(b"\n", 0, err.start) + 1) from None
        return _checked(text[1:] if text.startswith("\ufeff") else text, path)
    for bom, name in _BOMS:
        if data.startswith(bom):
            try:
                return _checked(data.decode(name), path)  # the codec drops the mark
            except UnicodeDecodeError as err:
                raise CorpusError(path, f"starts with a {name.upper()} byte-order mark but is not valid {name.upper()} "
                                  f"(byte offset {err.start})") from None
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as err:
        return _checked(_not_utf8(data, path, err), path)  # (an explicit encoding was read above)
    return _checked(text[1:] if text.startswith("\ufeff") else text, path)


def _not_utf8(data: bytes, path: Path, err: UnicodeDecodeError) -> str:
    """A file that is not valid UTF-8. When it is UTF-8 text with a few broken bytes (it holds
    more good multi-byte characters than bad bytes), it is read as UTF-8 with each bad byte
    shown as U+FFFD, so that its quotation marks and accents survive; otherwise the encoding
    is detected. Either way a warning says what was assumed."""
    import warnings

    text = data.decode("utf-8", errors="replace")
    bad = text.count("\ufffd")
    if sum(1 for ch in text if ch > "\x7f") - bad > bad:
        line = data.count(b"\n", 0, err.start) + 1
        warnings.warn(f"{path}: {bad} byte(s) are not valid UTF-8 (the first on line {line}, byte offset {err.start}): "
                      "read as UTF-8 with each shown as \ufffd (pass --encoding to choose another)", CorpusWarning,
                      stacklevel=5)
        return text
    return _detected(data, path, err)


def _detected(data: bytes, path: Path, err: UnicodeDecodeError) -> str:
    """A file that is not UTF-8, decoded as the encoding charset-normalizer finds (a warning names it);
    ``err`` is where UTF-8 failed, named when no encoding fits."""
    import warnings

    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise CorpusError(path, f"not valid UTF-8 (byte 0x{data[err.start]:02x} at byte offset {err.start}), and no "
                          "text encoding fits its bytes (is it a text file? save it as UTF-8 text)",
                          line=data.count(b"\n", 0, err.start) + 1)
    name = best.encoding
    text = str(best)
    if name in _WESTERN_LOOKALIKES and name != "cp1252":
        # A short text fits several one-byte code pages; news in a Latin alphabet saved by
        # Windows is Windows-1252 far more often than any other of them.
        try:
            text, name = data.decode("cp1252"), "cp1252"
        except UnicodeDecodeError:
            pass
    warnings.warn(f"{path}: not UTF-8; read as {name} (detected; pass --encoding to choose another)",
                  CorpusWarning, stacklevel=5)
    return text


#: One-byte code pages charset-normalizer may name for a Latin-alphabet text.
_WESTERN_LOOKALIKES = {"cp1250", "cp1252", "cp1254", "cp1257", "latin_1", "iso8859_2", "iso8859_9", "iso8859_15",
                       "iso8859_16", "mac_roman", "mac_latin2", "cp850", "cp437"}


def _checked(text: str, path: Path) -> str:
    """``text``, unless it holds NUL characters: a binary file or UTF-16 without its mark."""
    at = text.find("\x00")
    if at >= 0:
        rest = text.replace("\x00", "")
        hint = " (UTF-16 without a byte-order mark? try --encoding utf-16)" \
            if rest.strip() and text.count("\x00") * 3 > len(text) else ""
        raise CorpusError(path, f"contains NUL bytes (the first at character {at}): not a text file{hint}")
    return text


def _parse_toml(raw: str, path: Path, what: str, line_offset: int = 0) -> dict[str, Any]:
    """``tomllib.loads(raw)``, every failure a ``CorpusError`` naming the file: invalid TOML,
    and also what the parser cannot hold (arrays or tables nested thousands deep, an integer
    of thousands of digits), which Python reports as RecursionError or ValueError."""
    try:
        return tomllib.loads(raw)
    except tomllib.TOMLDecodeError as err:
        raise _toml_error(err, path, what, line_offset) from None
    except RecursionError:
        raise CorpusError(path, f"invalid TOML {what}: arrays or tables nested too deeply to read") from None
    except (ValueError, MemoryError, OverflowError) as err:
        why = "a number with too many digits to read" if "digits" in str(err) else "a value too large to read"
        raise CorpusError(path, f"invalid TOML {what}: {why}") from None


def split_front_matter(text: str, path: str | Path = "<text>") -> tuple[dict[str, Any], str]:
    """Split ``+++``-fenced TOML front matter from the article body.

    >>> split_front_matter('+++\\ntitle = "A"\\n+++\\nBody.')
    ({'title': 'A'}, 'Body.')
    """
    nl = text.find("\n")
    first = text if nl < 0 else text[:nl]
    if first.rstrip() != FRONT_MATTER_FENCE:
        return {}, text  # (no partition: a large file without front matter is not copied)
    rest = "" if nl < 0 else text[nl + 1:]
    m = re.search(r"^\+\+\+[ \t\r]*(?:\n|$)", rest, flags=re.M)
    if not m:
        raise CorpusError(path, "front matter opened with '+++' on line 1 is never closed "
                          "(add a line '+++' after it)", line=1)
    meta = _parse_toml(rest[: m.start()], Path(path), "front matter", line_offset=1)
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


def read_text(path: Path, *, encoding: str | None = None, limit: int | None = None) -> str:
    """The text of the file at ``path`` (see :func:`_decode` for ``encoding``). Raises
    ``CorpusError`` naming the file when it is missing, a folder, a broken link or a
    symbolic-link loop, unreadable, larger than ``limit`` bytes (default: :func:`max_bytes`),
    or not text."""
    path = Path(path)
    if not path.exists():
        if path.is_symlink():
            raise CorpusError(path, "is a symbolic link to nothing (a broken link or a link loop)")
        raise CorpusError(path, "file does not exist")
    if path.is_dir():
        raise CorpusError(path, "is a folder, not a text file")
    limit = max_bytes(limit)
    try:
        size = path.stat().st_size
        if size > limit:
            raise CorpusError(path, f"is {size / 1e6:.1f} MB, over the {limit / 1e6:g} MB limit for one file "
                              f"(raise it with --max-size MB or the {MAX_BYTES_ENV} environment variable)")
        with open(path, "rb") as f:
            data = f.read(limit + 1)  # a file that grew since stat() is still cut at the limit
    except OSError as err:
        raise CorpusError(path, f"cannot be read ({err.strerror or err})") from None
    if len(data) > limit:
        raise CorpusError(path, f"is over the {limit / 1e6:g} MB limit for one file "
                          f"(raise it with --max-size MB or the {MAX_BYTES_ENV} environment variable)")
    return _decode(data, path, encoding)


def read_catalog(path: str | Path) -> list[dict[str, Any]]:
    """The ``[[article]]`` tables of a catalog file, checked for ``id`` and ``file``."""
    path = Path(path)
    data = _parse_toml(read_text(path), path, "catalog")
    entries = data.get("article", [])
    if not isinstance(entries, list) or not all(isinstance(e, dict) for e in entries):
        raise CorpusError(path, "expected one [[article]] table per article")
    for n, entry in enumerate(entries, 1):
        for key in ("id", "file"):
            if not isinstance(entry.get(key), str) or not entry[key]:
                raise CorpusError(path, f"article number {n} needs '{key}' (a non-empty string)")
    return entries
