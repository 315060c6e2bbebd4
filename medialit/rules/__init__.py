"""TOML for the kit: ``tomllib`` on every supported Python, and reading a rules table.

The rules tables live in ``medialit/rules/*.toml``; a teacher may pass the path of an
edited copy instead. Either way a problem is reported naming the file.
"""
from __future__ import annotations

import sys
from importlib import resources
from pathlib import Path

if sys.version_info >= (3, 11):
    import tomllib
else:  # Python 3.10
    import tomli as tomllib  # type: ignore[no-redef]

__all__ = ["tomllib", "read_rules_file"]


def read_rules_file(path: str | Path | None, packaged: str, error: type[Exception]) -> tuple[dict, str]:
    """Parse a teacher's rules file at ``path`` or, when ``path`` is None, the packaged
    ``medialit/rules/<packaged>``; return the data and the name to use in messages.

    An unreadable file or invalid TOML raises ``error`` with a message naming the file.
    """
    if path is None:
        label = f"medialit/rules/{packaged}"
        raw = resources.files("medialit").joinpath(f"rules/{packaged}").read_text(encoding="utf-8")
    else:
        label = str(path)
        try:
            raw = Path(path).read_text(encoding="utf-8")
        except OSError as err:
            raise error(f"{label}: cannot read the rules file ({err.strerror or err})") from None
        except UnicodeDecodeError as err:
            raise error(f"{label}: not valid UTF-8 (byte {err.start}); save it as UTF-8 text") from None
    try:
        return tomllib.loads(raw), label
    except tomllib.TOMLDecodeError as err:
        raise error(f"{label}: invalid TOML ({err})") from None
