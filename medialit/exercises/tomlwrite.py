"""A small TOML writer for release files (strings, numbers, booleans, lists, tables).

The release needs to write TOML and the standard library only reads it; this covers the
shapes exercise files use, and ``tests/exercises/test_release.py`` reads every written file back.

>>> dumps_value({"a b": [1, "x"]})
'{ "a b" = [1, "x"] }'
"""
from __future__ import annotations

import json
import math
import re
from typing import Any

_BARE = re.compile(r"^[A-Za-z0-9_-]+$")


def dumps_key(key: str) -> str:
    return key if _BARE.match(key) else dumps_value(str(key))


def dumps_value(value: Any) -> str:
    """One TOML value on one line."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        if math.isnan(value):
            return "nan"
        if math.isinf(value):
            return "inf" if value > 0 else "-inf"
        return repr(value)
    if isinstance(value, str):
        # JSON string escapes are valid TOML basic-string escapes; DEL must be escaped too.
        return json.dumps(value, ensure_ascii=False).replace("\x7f", "\\u007f")
    if isinstance(value, (list, tuple)):
        return "[" + ", ".join(dumps_value(v) for v in value) + "]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        return "{ " + ", ".join(f"{dumps_key(str(k))} = {dumps_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def dumps_exercise_file(header: str, top: dict[str, Any], exercises: list[dict[str, Any]]) -> str:
    """A whole file: comment header, top-level keys, then one ``[[exercise]]`` per table.

    A ``key`` table of an exercise goes into its own ``[exercise.key]`` section.
    """
    lines = [f"# {line}" if line else "#" for line in header.splitlines()]
    lines += [f"{dumps_key(k)} = {dumps_value(v)}" for k, v in top.items()]
    for table in exercises:
        lines += ["", "[[exercise]]"]
        lines += [f"{dumps_key(k)} = {dumps_value(v)}" for k, v in table.items() if k != "key"]
        if "key" in table:
            lines += ["", "[exercise.key]"]
            lines += [f"{dumps_key(k)} = {dumps_value(v)}" for k, v in table["key"].items()]
    return "\n".join(lines) + "\n"
