"""Answer keys in hashed form, and sealed feedback.

Source and release files are checked the same way: the plaintext key of a source file is
turned into this hashed form when it is loaded (:func:`compile_key`), and a release file
stores the hashed form directly. So grading from either agrees by construction.

A *token* is a short string made from one normalised part of an answer (``"choice:anonymous"``,
``"item:2:named"``, ``"bucket:3"``). The key holds ``digest(salt, exercise id, token)`` of the
right tokens. Feedback for a wrong token is *sealed*: XOR-ed with a keystream derived from
that token, so it can be read only by someone who gives that answer.

This hides keys from reading, not from a determined student: see docs/exercise-format.md.

>>> digest("s", "q1", "choice:a") == digest("s", "q1", "choice:a")
True
>>> unseal(seal("Well done", "s", "q1", "t"), "s", "q1", "t")
'Well done'
"""
from __future__ import annotations

import base64
import hashlib
import math
import re
import unicodedata
from typing import Any

BUCKETS_PER_BAND = 4
_EDGE = 1e-7

_QUOTES = str.maketrans({"“": '"', "”": '"', "„": '"', "‘": "'", "’": "'", "‛": "'", "`": "'"})
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+", re.UNICODE)


def normalise(text: Any) -> str:
    """Case, spacing and quote style do not matter: ``normalise("  Anonymous ") == "anonymous"``."""
    text = unicodedata.normalize("NFKC", str(text)).translate(_QUOTES)
    return _SPACE.sub(" ", text).strip().casefold()


def word_key(text: str) -> list[str]:
    """Lower-cased words only (punctuation ignored), the unit for sentence fragments.

    >>> word_key("The insider, who spoke")
    ['the', 'insider', 'who', 'spoke']
    """
    return _WORD.findall(normalise(text).replace("'", ""))


def fragment_hits(fragment_words: list[str], items: list[str]) -> list[int]:
    """Indexes of the items whose words contain the fragment's words in a row.

    >>> fragment_hits(["an", "insider"], ["An insider said.", "Officials said."])
    [0]
    """
    n = len(fragment_words)
    hits = []
    for i, item in enumerate(items):
        words = word_key(item)
        if any(words[j:j + n] == fragment_words for j in range(len(words) - n + 1)):
            hits.append(i)
    return hits


def digest(salt: str, exercise_id: str, token: str) -> str:
    """The salted hash of one answer token (hex, 128 bits)."""
    data = "\x1f".join((salt, exercise_id, token)).encode("utf-8")
    return hashlib.sha256(data).hexdigest()[:32]


def _keystream(salt: str, exercise_id: str, token: str, length: int) -> bytes:
    seed = hashlib.sha256("\x1f".join(("seal", salt, exercise_id, token)).encode("utf-8")).digest()
    out = bytearray()
    counter = 0
    while len(out) < length:
        out += hashlib.sha256(seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return bytes(out[:length])


def seal(message: str, salt: str, exercise_id: str, token: str) -> str:
    """Hide ``message`` so that only the same token opens it (see :func:`unseal`)."""
    data = message.encode("utf-8")
    stream = _keystream(salt, exercise_id, token, len(data))
    return base64.b64encode(bytes(a ^ b for a, b in zip(data, stream))).decode("ascii")


def unseal(sealed: str, salt: str, exercise_id: str, token: str) -> str | None:
    """The message sealed with ``token``, or ``None`` when the token is not the right one."""
    try:
        data = base64.b64decode(sealed.encode("ascii"), validate=True)
        stream = _keystream(salt, exercise_id, token, len(data))
        return bytes(a ^ b for a, b in zip(data, stream)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


# --- numbers --------------------------------------------------------------------------

def parse_tolerance(value: Any) -> tuple[float, bool]:
    """``10`` -> (10.0, False) absolute; ``"10%"`` -> (0.1, True) relative."""
    if isinstance(value, bool):
        raise ValueError("must be a number or a percentage string like \"10%\"")
    if isinstance(value, (int, float)):
        if value < 0:
            raise ValueError("must not be negative")
        return float(value), False
    text = str(value).strip()
    if text.endswith("%"):
        fraction = float(text[:-1]) / 100.0
        if not 0 < fraction < 1:
            raise ValueError("a percentage tolerance must be above 0% and below 100%")
        return fraction, True
    return parse_tolerance(float(text))


def number_grid(answer: float, tolerance: float, relative: bool) -> dict:
    """Cut the accepted band into equal buckets on a grid aligned with the band's edges.

    Returns the public grid (scale, width, offset) and the bucket numbers inside the band.
    """
    if tolerance == 0:
        return {"scale": "exact"}
    if relative:
        if answer == 0:
            raise ValueError("a relative tolerance needs a non-zero answer")
        low, high = math.log(abs(answer) * (1 - tolerance)), math.log(abs(answer) * (1 + tolerance))
        scale = "log-" if answer < 0 else "log+"
    else:
        low, high = answer - tolerance, answer + tolerance
        scale = "linear"
    width = (high - low) / BUCKETS_PER_BAND
    offset = low - width * math.floor(low / width)
    return {"scale": scale, "width": width, "offset": offset}


def number_tokens(value: float, grid: dict) -> list[str]:
    """The bucket token(s) a typed number falls in (two when it sits on a bucket edge)."""
    scale = grid["scale"]
    if scale == "exact":
        return [f"exact:{float(value):.12g}"]
    if scale == "linear":
        position = value
    else:
        if value == 0 or (value < 0) != (scale == "log-"):
            return ["outside"]
        position = math.log(abs(value))
    t = (position - grid["offset"]) / grid["width"]
    nearest = round(t)
    if abs(t - nearest) < _EDGE * max(1.0, abs(t)):
        return [f"bucket:{nearest - 1}", f"bucket:{nearest}"]
    return [f"bucket:{math.floor(t)}"]


def band_tokens(answer: float, tolerance: float, relative: bool, grid: dict) -> list[str]:
    """The tokens of every bucket inside the accepted band."""
    if grid["scale"] == "exact":
        return [f"exact:{float(answer):.12g}"]
    low = answer - tolerance if not relative else math.log(abs(answer) * (1 - tolerance))
    first = round((low - grid["offset"]) / grid["width"])
    return [f"bucket:{first + i}" for i in range(BUCKETS_PER_BAND)]


_NUMBER = re.compile(r"[-+−]?\d[\d,]*(?:\.\d+)?|[-+−]?\.\d+")
_SCALES = {"k": 1e3, "thousand": 1e3, "m": 1e6, "mn": 1e6, "million": 1e6, "bn": 1e9,
           "billion": 1e9, "trillion": 1e12, "tn": 1e12}


def parse_number(value: Any) -> float:
    """A typed number, forgivingly: ``"1,200"``, ``"50 countries"``, ``"2.5bn"``, ``"80%"``.

    >>> parse_number("2.5bn")
    2500000000.0
    """
    if isinstance(value, bool):
        raise ValueError("expected a number, not True/False")
    if isinstance(value, (int, float)):
        if math.isnan(value) or math.isinf(value):
            raise ValueError("expected a finite number")
        return float(value)
    text = normalise(value)
    match = _NUMBER.search(text)
    if not match:
        raise ValueError(f"could not read a number in {str(value)!r}")
    number = float(match.group().replace(",", "").replace("−", "-"))
    rest = text[match.end():].strip()
    word = re.match(r"[a-z]+", rest)
    if word and word.group() in _SCALES:
        number *= _SCALES[word.group()]
    return number
