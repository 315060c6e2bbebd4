"""Records: frozen dataclasses with one shared way to become JSON-ready data.

A record inherits :class:`Record`; its ``to_dict()`` walks the dataclass fields in order and
turns each value into plain data: nested records (and other dataclasses) become dicts,
tuples and lists become lists, dicts are copied with their values converted, enums give
their value, paths become strings and dates ISO strings. A field can say more with
``dataclasses.field(metadata=as_json(...))``:

- ``skip=True``: leave the field out of the JSON;
- ``key="..."``: write it under another name;
- ``convert=func``: turn the value into something else first (e.g. ``rounded(4)``).

A class whose JSON has another key order than its fields, or shows a property, lists the
attribute names to write, in order, in a class attribute ``json_keys``.

>>> from dataclasses import dataclass, field
>>> @dataclass(frozen=True)
... class Point(Record):
...     x: int
...     y: int
...     label: str = field(default="", metadata=as_json(key="name"))
...     note: str = field(default="", metadata=as_json(skip=True))
>>> @dataclass(frozen=True)
... class Line(Record):
...     points: tuple[Point, ...]
...     length: float = field(metadata=as_json(convert=rounded(2)))
...     json_keys = ("length", "points", "closed")
...     @property
...     def closed(self) -> bool:
...         return self.points[0] == self.points[-1]
>>> Line((Point(0, 0, "start", "a note"), Point(3, 4)), 5.00001).to_dict()
{'length': 5.0, 'points': [{'x': 0, 'y': 0, 'name': 'start'}, {'x': 3, 'y': 4, 'name': ''}], 'closed': False}
>>> Point(1, 2, "p").to_dict(exclude=("label",))
{'x': 1, 'y': 2}
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import enum
from collections.abc import Callable, Collection, Mapping
from pathlib import PurePath
from typing import Any, ClassVar, NamedTuple

__all__ = ["Record", "as_json", "rounded", "to_dict", "jsonable", "dumps", "dump"]

_META_KEY = "medialit.records"
_SCALARS = (str, int, float, bool, type(None))


class _Options(NamedTuple):
    key: str | None = None
    skip: bool = False
    convert: Callable[[Any], Any] | None = None


def as_json(*, key: str | None = None, skip: bool = False,
            convert: Callable[[Any], Any] | None = None) -> dict[str, Any]:
    """Field metadata saying how the field goes into ``to_dict()``: ``skip`` it, write it
    under ``key``, or ``convert`` the value first (its result is converted like any value).

    >>> as_json(key="claims_to_check")["medialit.records"].key
    'claims_to_check'
    """
    if skip and (key is not None or convert is not None):
        raise ValueError("as_json: a skipped field needs no key or convert")
    return {_META_KEY: _Options(key, skip, convert)}


def rounded(digits: int) -> Callable[[float | None], float | None]:
    """A converter rounding a number to ``digits`` decimals (``None`` stays ``None``).

    >>> rounded(2)(0.12345), rounded(2)(None)
    (0.12, None)
    """
    def convert(value: float | None) -> float | None:
        return None if value is None else round(value, digits)
    convert.__name__ = f"rounded_{digits}"
    return convert


class _Entry(NamedTuple):
    attr: str                                # attribute read on the object
    key: str                                 # key written in the dict
    convert: Callable[[Any], Any] | None


_PLANS: dict[type, tuple[_Entry, ...]] = {}


def _plan(cls: type) -> tuple[_Entry, ...]:
    """The (attribute, key, converter) entries of a dataclass, in output order; built once a class."""
    plan = _PLANS.get(cls)
    if plan is not None:
        return plan
    fields = {f.name: f.metadata.get(_META_KEY, _Options()) for f in dataclasses.fields(cls)}
    order = getattr(cls, "json_keys", None)
    if order is None:
        order = [name for name, opt in fields.items() if not opt.skip]
    else:
        missing = [name for name, opt in fields.items() if not opt.skip and name not in order]
        skipped = [name for name in order if name in fields and fields[name].skip]
        if missing or skipped:
            raise TypeError(f"{cls.__name__}.json_keys must list every field not skipped "
                            f"(missing: {missing}, skipped but listed: {skipped})")
    entries = []
    for name in order:
        opt = fields.get(name, _Options())
        entries.append(_Entry(name, opt.key or name, opt.convert))
    plan = _PLANS[cls] = tuple(entries)
    return plan


def to_dict(obj: Any, *, exclude: Collection[str] = ()) -> dict[str, Any]:
    """The JSON-ready dict of a dataclass instance (see the module docstring); ``exclude``
    names attributes to leave out this time."""
    out: dict[str, Any] = {}
    for attr, key, convert in _plan(type(obj)):
        if attr in exclude:
            continue
        value = getattr(obj, attr)
        if convert is not None:
            value = convert(value)
        out[key] = value if type(value) in _SCALARS else jsonable(value)
    return out


def jsonable(value: Any) -> Any:
    """Plain data for ``value``: what ``json.dumps`` takes without a ``default``.

    >>> jsonable({"when": dt.date(2019, 2, 8), "names": ("Ana", "Bo")})
    {'when': '2019-02-08', 'names': ['Ana', 'Bo']}
    """
    if isinstance(value, _SCALARS):
        return value
    if isinstance(value, Record):
        return value.to_dict()
    if isinstance(value, (tuple, list)):
        return [jsonable(v) for v in value]
    if isinstance(value, Mapping):
        return {k: jsonable(v) for k, v in value.items()}
    if isinstance(value, enum.Enum):
        return jsonable(value.value)
    if isinstance(value, (set, frozenset)):
        return sorted(jsonable(v) for v in value)
    if isinstance(value, PurePath):
        return str(value)
    if isinstance(value, (dt.date, dt.time)):  # datetime is a date
        return value.isoformat()
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return to_dict(value)
    return value


class Record:
    """Base of the kit's result dataclasses: gives them ``to_dict()`` (module docstring).

    It has no fields and empty ``__slots__``, so ``@dataclass(frozen=True, slots=True)``
    subclasses stay slotted.
    """

    __slots__ = ()
    json_keys: ClassVar[tuple[str, ...] | None] = None

    def to_dict(self, *, exclude: Collection[str] = ()) -> dict[str, Any]:
        """A JSON-ready dict of the record, keys in field order (or ``json_keys`` order);
        ``exclude`` names attributes to leave out."""
        return to_dict(self, exclude=exclude)


# ---------------------------------------------------------------- JSON text

try:  # the C string escaper json.dumps itself uses (ensure_ascii=False)
    from _json import encode_basestring as _quote
except ImportError:  # pragma: no cover - an interpreter without the C accelerator
    from json.encoder import py_encode_basestring as _quote

_INF = float("inf")


def _float_text(value: float) -> str:
    if value != value:
        return "NaN"
    if value == _INF:
        return "Infinity"
    if value == -_INF:
        return "-Infinity"
    return float.__repr__(value)


def _key_text(key: Any) -> str:
    if isinstance(key, str):
        return _quote(key)
    if key is True:
        return '"true"'
    if key is False:
        return '"false"'
    if key is None:
        return '"null"'
    if isinstance(key, int):
        return '"' + int.__repr__(key) + '"'
    if isinstance(key, float):
        return '"' + _float_text(key) + '"'
    raise TypeError(f"keys must be str, int, float, bool or None, not {type(key).__name__}")


def dumps(data: Any) -> str:
    """The JSON text of ``data``, exactly as ``json.dumps(jsonable(data), ensure_ascii=False,
    indent=1)`` writes it, faster: with ``indent`` the standard library uses its pure-Python
    encoder; this one only calls into C to escape strings. Records (and lists of them) are
    turned into dicts one at a time as they are written, never all at once.

    >>> dumps({"a": [1, 2.5, None], "b": {}, "c": "café"})
    '{\\n "a": [\\n  1,\\n  2.5,\\n  null\\n ],\\n "b": {},\\n "c": "café"\\n}'
    """
    chunks: list[str] = []
    dump(data, chunks.append)
    return "".join(chunks)


#: How many pieces :func:`dump` gathers before it hands them on as one chunk.
_CHUNK = 4096


def dump(data: Any, write: Callable[[str], Any]) -> None:
    """Write the text of :func:`dumps` through ``write``, in chunks, so a large result is
    never held as one string (nor its dicts all at once)."""
    parts: list[str] = []
    try:
        _write(data, 0, parts, write)
    except RecursionError:  # as json.dumps says of a list or dict that contains itself
        raise ValueError("Circular reference detected (or data nested too deeply)") from None
    if parts:
        write("".join(parts))


def _scalar(value: Any, t: type) -> str | None:
    """The JSON text of a scalar, or None for anything else."""
    if t is str:
        return _quote(value)
    if value is None:
        return "null"
    if value is True:
        return "true"
    if value is False:
        return "false"
    if t is int:
        return int.__repr__(value)
    if t is float:
        return _float_text(value)
    if isinstance(value, str):
        return _quote(value)
    if isinstance(value, int):  # an IntEnum, as json writes it
        return int.__repr__(value)
    if isinstance(value, float):
        return _float_text(value)
    return None


def _items(value: Any):
    """(key, value) pairs of a dict or a record's JSON fields (as ``to_dict`` gives them)."""
    if isinstance(value, dict):
        return value.items()
    out = []
    for attr, key, convert in _plan(type(value)):
        field_value = getattr(value, attr)
        out.append((key, field_value if convert is None else convert(field_value)))
    return out


#: A writer made for each record class (:func:`_record_writer`), by class.
_WRITERS: dict[type, Callable[[Any, int, list, Callable[[str], Any]], None]] = {}


def _record_writer(cls: type) -> Callable[[Any, int, list, Callable[[str], Any]], None]:
    """A function writing a record of ``cls`` as :func:`_write` would, made once per class:
    the field reads, converters and quoted keys are spelled out in its code, and the
    separator before each key is worked out once per depth, so a long list of records
    costs one call each instead of one generic pass over every field (``--json`` on a long
    article writes hundreds of thousands of fields)."""
    plan = _plan(cls)
    if not plan:
        def write_empty(value: Any, depth: int, parts: list, write: Callable[[str], Any]) -> None:
            parts.append("{}")
        return write_empty
    env: dict[str, Any] = {"_quote": _quote, "_write": _write, "_int_repr": int.__repr__, "_CHUNK": _CHUNK,
                           "_getattr": getattr}
    keys = [_quote(key) + ": " for _, key, _ in plan]
    lines = ["def write_record(value, depth, parts, write):",
             "    prefixes = _PREFIXES.get(depth)",
             "    if prefixes is None:",
             "        sep = '\\n' + ' ' * (depth + 1)",
             "        prefixes = _PREFIXES[depth] = (('{' + sep + _KEYS[0],) + tuple(',' + sep + k for k in _KEYS[1:])",
             "                                      + ('\\n' + ' ' * depth + '}',))",
             "    append = parts.append",
             "    inner = depth + 1"]
    for i, (attr, _, convert) in enumerate(plan):
        read = f"value.{attr}" if attr.isidentifier() else f"_getattr(value, {attr!r})"
        if convert is not None:
            env[f"_convert{i}"] = convert
            read = f"_convert{i}({read})"
        lines += [f"    v = {read}",
                  "    t = type(v)",
                  "    if t is str:",
                  f"        append(prefixes[{i}] + _quote(v))",
                  "    elif t is int:",
                  f"        append(prefixes[{i}] + _int_repr(v))",
                  "    elif v is None:",
                  f"        append(prefixes[{i}] + 'null')",
                  "    elif v is True:",
                  f"        append(prefixes[{i}] + 'true')",
                  "    elif v is False:",
                  f"        append(prefixes[{i}] + 'false')",
                  "    else:",
                  f"        append(prefixes[{i}])",
                  "        _write(v, inner, parts, write)"]
    lines += [f"    append(prefixes[{len(plan)}])",
              "    if len(parts) > _CHUNK:",
              "        write(''.join(parts))",
              "        parts.clear()"]
    env.update(_PREFIXES={}, _KEYS=keys)
    exec(compile("\n".join(lines), f"<medialit.records writer for {cls.__qualname__}>", "exec"), env)
    return env["write_record"]


def _write(value: Any, depth: int, parts: list, write: Callable[[str], Any]) -> None:
    t = type(value)
    writer = _WRITERS.get(t)
    if writer is not None:
        writer(value, depth, parts, write)
        return
    if t is not dict and t is not list and t is not tuple and isinstance(value, Record):
        writer = _WRITERS[t] = _record_writer(t)
        writer(value, depth, parts, write)
        return
    if t is not dict and t is not list and t is not tuple:
        text = _scalar(value, t)
        if text is not None:
            parts.append(text)
            return
        if not isinstance(value, (dict, list, tuple, Record)):
            plain = jsonable(value)  # a date, a path, an enum, a set, a dataclass
            if plain is value:
                raise TypeError(f"Object of type {t.__name__} is not JSON serializable")
            _write(plain, depth, parts, write)
            return
    is_dict = isinstance(value, (dict, Record))
    if not is_dict and not value or is_dict and isinstance(value, dict) and not value:
        parts.append("{}" if is_dict else "[]")
        return
    items = _items(value) if is_dict else value
    if is_dict and not isinstance(value, dict) and not items:
        parts.append("{}")
        return
    sep = "\n" + " " * (depth + 1)
    comma = "," + sep
    append = parts.append
    quote = _quote
    append("{" if is_dict else "[")
    first = True
    for item in items:
        append(sep if first else comma)
        first = False
        if is_dict:
            k, v = item
            append(quote(k) if type(k) is str else _key_text(k))
            append(": ")
        else:
            v = item
        tv = type(v)
        if tv is str:  # the common cases inline: no call per value
            append(quote(v))
        elif tv is int:
            append(int.__repr__(v))
        elif v is None:
            append("null")
        elif v is True:
            append("true")
        elif v is False:
            append("false")
        else:
            _write(v, depth + 1, parts, write)
        if len(parts) > _CHUNK:
            write("".join(parts))
            parts.clear()
    append("\n" + " " * depth + ("}" if is_dict else "]"))
