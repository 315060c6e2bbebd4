"""Answer keys in hashed form, and sealed feedback.

Source and release files are checked the same way: the plaintext key of a source file is
turned into this hashed form when it is loaded (:func:`compile_key`), and a release file
stores the hashed form directly. So grading from either agrees by construction.

A *token* is a short string made from one normalised part of an answer (``"choice:anonymous"``,
``"item:2:named"``, ``"bucket:3"``). The key holds ``digest(salt, exercise id, token)`` of the
right tokens. Feedback for a wrong token is *sealed*: XOR-ed with a keystream derived from
that token, so it can be read only by someone who gives that answer.

These per-token hashes are fast and item by item: they are what a *source* file compiles to
(instructor side, where the plaintext is at hand anyway). A *practice release* never holds
them: it holds one slow, salted hash of the whole answer (:func:`whole_key`,
:func:`whole_check`), so recovering a key costs the product of its items' choices times the
hash cost. An *assessment release* holds no key at all. See docs/instructor-guide.md,
"Release modes".

>>> digest("s", "q1", "choice:a") == digest("s", "q1", "choice:a")
True
>>> unseal(seal("Well done", "s", "q1", "t"), "s", "q1", "t")
'Well done'
"""
from __future__ import annotations

import base64
import functools
import hashlib
import math
import re
import secrets
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


# --- whole-answer keys (practice releases) --------------------------------------------

SCHEME = "scrypt-1"
COST = {"n": 2 ** 14, "r": 8, "p": 1}
"""scrypt parameters of a practice release: about 45 ms and 16 MB per check on a laptop."""
MIN_COST_N = 2 ** 4
NUMBER_SLOTS = 32
"""A number key always holds this many accepted entries (real bins padded with random ones)."""
_MAXMEM = 64 * 2 ** 20


def slow_hash(salt: str, exercise_id: str, form: str, cost: dict) -> bytes:
    """scrypt of one whole answer form: the only way to test a guess against a practice key.

    Results are remembered for the session, so ``progress()`` re-checking saved answers is not
    slow; a new guess still costs a full hash."""
    n, r, p = int(cost["n"]), int(cost["r"]), int(cost["p"])
    if n < MIN_COST_N or n & (n - 1) or not 1 <= r <= 32 or not 1 <= p <= 4:
        raise ValueError(f"bad hash cost {cost!r}")
    return _scrypt(salt, exercise_id, form, n, r, p)


@functools.lru_cache(maxsize=512)
def _scrypt(salt: str, exercise_id: str, form: str, n: int, r: int, p: int) -> bytes:
    data = "\x1f".join((exercise_id, form)).encode("utf-8")
    return hashlib.scrypt(data, salt=salt.encode("utf-8"), n=n, r=r, p=p, maxmem=_MAXMEM, dklen=32)


def _derive(secret: bytes, purpose: str) -> bytes:
    return hashlib.sha256(purpose.encode("ascii") + b"\x1f" + secret).digest()


def _xor_stream(seed: bytes, data: bytes) -> bytes:
    out = bytearray()
    counter = 0
    while len(out) < len(data):
        out += hashlib.sha256(seed + counter.to_bytes(4, "big")).digest()
        counter += 1
    return bytes(a ^ b for a, b in zip(data, out))


def _seal_bytes(message: str, seed: bytes) -> str:
    return base64.b64encode(_xor_stream(seed, message.encode("utf-8"))).decode("ascii")


def _unseal_bytes(sealed: str, seed: bytes) -> str | None:
    try:
        return _xor_stream(seed, base64.b64decode(sealed.encode("ascii"), validate=True)).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        return None


def whole_key(salt: str, exercise_id: str, accepted: list[str], wrong: list[tuple[str, str]],
              explanation: str | None, *, cost: dict | None = None, slots: int = 1) -> dict:
    """The practice key of one exercise: a slow hash per accepted whole answer, nothing per item.

    ``accepted`` are the whole-answer forms that are right (one, or the bins of a number
    band); ``wrong`` are (form, message) of whole wrong answers with a message (each
    opens only for that exact answer, at the cost of one slow hash). The explanation is
    sealed with a random key that each accepted entry wraps, so it opens for any right answer.
    The entries are padded with random ones to ``slots`` and sorted, so their number and
    order tell nothing.
    """
    cost = dict(cost or COST)
    opener = secrets.token_bytes(16)
    entries = []
    for form in dict.fromkeys(accepted):
        secret = slow_hash(salt, exercise_id, form, cost)
        wrap = bytes(a ^ b for a, b in zip(opener, _derive(secret, "wrap")))
        entries.append([_derive(secret, "check")[:16].hex(), wrap.hex()])
    while len(entries) < slots:
        entries.append([secrets.token_hex(16), secrets.token_hex(16)])
    feedback = {}
    for form, message in wrong:
        if form in accepted:
            continue
        secret = slow_hash(salt, exercise_id, form, cost)
        feedback[_derive(secret, "feedback")[:16].hex()] = _seal_bytes(message, _derive(secret, "message"))
    key = {"scheme": SCHEME, "cost": cost, "accept": sorted(entries), "feedback": dict(sorted(feedback.items()))}
    if explanation:
        key["explanation"] = _seal_bytes(explanation, opener)
    return key


def whole_check(key: dict, salt: str, exercise_id: str, form: str) -> tuple[bool, str | None, str | None]:
    """(right?, explanation, feedback message) for one whole answer form: one slow hash."""
    secret = slow_hash(salt, exercise_id, form, key["cost"])
    check = _derive(secret, "check")[:16].hex()
    for entry_check, wrap in key.get("accept", []):
        if secrets.compare_digest(entry_check, check):
            opener = bytes(a ^ b for a, b in zip(bytes.fromhex(wrap), _derive(secret, "wrap")))
            sealed = key.get("explanation")
            return True, (_unseal_bytes(sealed, opener) if sealed else None), None
    sealed = key.get("feedback", {}).get(_derive(secret, "feedback")[:16].hex())
    return False, None, (_unseal_bytes(sealed, _derive(secret, "message")) if sealed else None)


def answer_form(value: Any) -> str:
    """A stored answer as one normalised string: case, spacing and quote style do not matter.

    >>> answer_form(["Yes ", None, "NO"]).split(chr(30))
    ['[yes', '-', 'no]']
    """
    if value is None:
        return "-"
    if isinstance(value, bool):
        return str(value).lower()
    if isinstance(value, (int, float)):
        return f"{float(value):.12g}"
    if isinstance(value, (list, tuple)):
        return "[" + "\x1e".join(answer_form(v) for v in value) + "]"
    return normalise(value)


# --- numbers in a practice key: a rounding step, not a grid aligned with the band ---------

_STEPS = (5, 2, 1)


def number_rounding(answer: float, tolerance: float, relative: bool) -> dict:
    """The public rounding of number answers: a step of 1, 2 or 5 times a power of ten, at most a
    tenth of the accepted band (so the band's edges are fuzzy by at most a twentieth of it).

    The step is aligned with zero, not with the band: it tells the tolerance within a factor of
    2.5, and nothing about the answer.

    >>> number_rounding(50, 5, False)
    {'scale': 'linear', 'step': 1.0}
    """
    if tolerance == 0:
        return {"scale": "exact"}
    if relative:
        width = math.log((1 + tolerance) / (1 - tolerance))
        scale = "log"
    else:
        width = 2 * tolerance
        scale = "linear"
    limit = width / 10
    power = math.floor(math.log10(limit))
    for factor in _STEPS:
        step = factor * 10.0 ** power
        if step <= limit * (1 + 1e-9):
            return {"scale": scale, "step": float(f"{step:.6g}")}
    return {"scale": scale, "step": float(f"{10.0 ** power:.6g}")}  # pragma: no cover


def number_form(value: float, rounding: dict) -> str:
    """The whole-answer form of a typed number: its bin on the public rounding.

    >>> number_form(52.4, {"scale": "linear", "step": 1.0})
    'lin:52'
    """
    scale = rounding.get("scale")
    if scale == "exact":
        return f"exact:{float(value):.12g}"
    step = float(rounding["step"])
    if scale == "linear":
        return f"lin:{round(value / step)}"
    if value == 0:
        return "log:0"
    return f"log{'-' if value < 0 else '+'}:{round(math.log(abs(value)) / step)}"


def accepted_number_forms(answer: float, tolerance: float, relative: bool, rounding: dict) -> list[str]:
    """The forms of every bin whose centre is inside the accepted band (the key answer's own
    bin always, so the key passes its own check)."""
    own = number_form(answer, rounding)
    if rounding["scale"] == "exact":
        return [own]
    step = float(rounding["step"])
    if rounding["scale"] == "linear":
        low, high, sign = answer - tolerance, answer + tolerance, ""
    else:
        low, high = math.log(abs(answer) * (1 - tolerance)), math.log(abs(answer) * (1 + tolerance))
        sign = "-" if answer < 0 else "+"
    forms = [own]
    for k in range(math.ceil(low / step), math.floor(high / step) + 1):
        forms.append(f"lin:{k}" if rounding["scale"] == "linear" else f"log{sign}:{k}")
    return list(dict.fromkeys(forms))
