"""The base of every exercise kind, and the helpers several kinds share.

A kind is one :class:`Kind` subclass in its own module of this package; each method is one
step of an exercise's life, from the TOML table to the grade:

=====================  ==================================================================
``validate``           kind rules on a table beyond its fields (source and release files)
``compile``            source table -> what the student sees + hashed key (:class:`Compiled`)
``read_release``       release table -> what the student sees (the key is read generically)
``items``/``options``  the things a student picks, labels or matches, and what is offered
``coerce``             what a student typed (or a widget holds) -> the stored answer
``is_empty``           whether a stored answer counts as "not answered yet"
``check``              stored answer + hashed key -> :class:`Verdict`
``widget``             the ipywidgets input (ipywidgets is imported inside, never at the top)
``answer_in_code``     the plain-text line telling how to answer without widgets
``key_answer``         the right answer from a source file's plaintext key (authoring, tests)
``misconceptions``     (wrong answer, feedback it must bring up) pairs (authoring)
``answer_form``        a stored answer as one normalised string (what a practice release hashes)
``accepted_forms``     the right whole-answer forms of a source exercise (one, or a number band's bins)
``public_feedback``    messages a release may show without a key (a number's ``ranges``)
``practice_layout``    public fields of a practice key (a number's rounding) and its entry count
=====================  ==================================================================

Nothing here imports ipywidgets, the exercise file loader or the checker, so the analysis
and grading paths stay light.

>>> pick_option("2", ["Yes", "No"], "choices")
'No'
"""
from __future__ import annotations

from abc import ABC, abstractmethod
from typing import Any, Callable, ClassVar, NamedTuple

from medialit.errors import AnswerError
from medialit.exercises.keys import answer_form, digest, fragment_hits, normalise, seal, unseal, word_key

Fail = Callable[[str], Exception]
"""Builds the error for a bad field: ``raise fail("field 'answer' ...")`` names file and exercise."""


class Compiled(NamedTuple):
    """What ``Kind.compile`` returns for one source table."""

    data: dict[str, Any]           # what the student sees (choices, items, unit...)
    correct: Any                   # the hashed right tokens (shape depends on the kind)
    feedback: Any                  # sealed messages for wrong tokens
    explanations: list[str]        # the tokens that open the explanation (``explain:...``)
    grid: dict | None = None       # the public number grid (number answers only)


class Verdict(NamedTuple):
    """What ``Kind.check`` returns: the generic checker turns it into a ``CheckResult``."""

    status: str                    # "correct", "incorrect" or "saved"
    message: str
    details: list[str]
    explain_token: str | None      # the token opening the explanation, on a correct answer


class Input(NamedTuple):
    """What ``Kind.widget`` returns: the widget, a getter and a setter of the stored answer."""

    widget: Any
    get: Callable[[], Any]
    put: Callable[[Any], None]


class Kind(ABC):
    """One kind of exercise. Subclasses set the class attributes and write the abstract steps."""

    name: ClassVar[str]
    source_fields: ClassVar[frozenset[str]]     # kind fields allowed in a source file
    release_fields: ClassVar[frozenset[str]]    # kind fields kept in (and allowed in) a release
    answer_example: ClassVar[str] = "..."       # shown in ``ex.answer(id, <example>)``
    graded: ClassVar[bool] = True               # False: saved for the instructor, 0 points
    reads_variable: ClassVar[bool] = False      # True: the student's code sets a variable
    answer_data: ClassVar[frozenset[str]] = frozenset()  # release fields that depend on the answer

    def validate(self, table: dict, fail: Fail) -> None:
        """Kind rules that hold in source and release files alike (fields are checked already)."""

    @abstractmethod
    def compile(self, table: dict, ex_id: str, salt: str, fail: Fail) -> Compiled:
        """Validate the kind's fields of a source table; return display data and hashed key parts."""

    def read_release(self, table: dict, key: dict, fail: Fail) -> dict:
        """The display data of a release table (its ``key`` has been checked for ``correct``)."""
        return {name: table[name] for name in sorted(self.release_fields) if name in table}

    def items(self, exercise) -> list[str]:
        """The items a student picks, labels or matches (none by default)."""
        return []

    def options(self, exercise) -> list[str]:
        """The choices, labels or right-hand items offered (none by default)."""
        return []

    @abstractmethod
    def coerce(self, exercise, raw: Any) -> Any:
        """The stored form of an answer (``raw`` is not None); raises ``AnswerError``."""

    def is_empty(self, answer: Any) -> bool:
        """Whether a stored (not None) answer counts as not answered: a blank text by default."""
        return isinstance(answer, str) and not answer.strip()

    @abstractmethod
    def check(self, exercise, answer: Any) -> Verdict:
        """Check a stored, non-empty answer against the hashed key."""

    @abstractmethod
    def widget(self, exercise) -> Input:
        """The input widget (import ipywidgets inside this method)."""

    def answer_in_code(self, exercise) -> str:
        """The plain-text line that says how to answer without widgets."""
        return f"No widgets? Answer in code: ex.answer({exercise.id!r}, {self.answer_example})"

    @abstractmethod
    def key_answer(self, exercise) -> Any:
        """The right answer from the source table ``exercise.source``, as a student may give it."""

    def misconceptions(self, exercise) -> list[tuple[Any, str]]:
        """(wrong answer, the feedback message it must bring up) for each listed misconception."""
        return []

    def answer_form(self, exercise, answer: Any) -> str:
        """The whole stored answer as one normalised string; a practice release hashes it once.

        The stored forms are canonical already (choices in option order, sentences in text order),
        so the default only normalises case, spacing and quotes."""
        return answer_form(answer)

    def accepted_forms(self, exercise) -> list[str]:
        """The whole-answer forms that are right, from a source exercise's plaintext key."""
        return [self.answer_form(exercise, self.coerce(exercise, self.key_answer(exercise)))]

    def public_feedback(self, exercise, answer: Any) -> list[str]:
        """Messages that need no key (shown for a wrong answer in any release); none by default."""
        return []

    def practice_layout(self, exercise) -> tuple[dict, int]:
        """(public fields added to a practice key, how many accepted entries it holds, padded):
        none and one by default."""
        return {}, 1


STEPS = ("validate", "compile", "read_release", "items", "options", "coerce", "is_empty", "check",
         "widget", "answer_in_code", "key_answer", "misconceptions", "answer_form", "accepted_forms",
         "public_feedback", "practice_layout")
"""Every step of :class:`Kind` (the test checks each registered kind has them all)."""


# --- validating source fields ------------------------------------------------------------------

def string_list(table: dict, name: str, fail: Fail, *, minimum: int = 1) -> list[str]:
    """Field ``name`` as a list of at least ``minimum`` distinct non-empty strings (stripped)."""
    value = table.get(name)
    if not isinstance(value, list) or len(value) < minimum or not all(isinstance(v, str) and v.strip() for v in value):
        raise fail(f"field '{name}' must be a list of at least {minimum} non-empty strings")
    normals = [normalise(v) for v in value]
    for v, n in zip(value, normals):
        if normals.count(n) > 1:
            raise fail(f"field '{name}' lists {v!r} twice")
    return [v.strip() for v in value]


def messages(value: Any, name: str, fail: Fail) -> dict[str, str]:
    """A table of feedback messages (``"wrong answer" = "message"``); ``{}`` when absent."""
    if value is None:
        return {}
    if not isinstance(value, dict) or not all(isinstance(m, str) and m.strip() for m in value.values()):
        raise fail(f"field '{name}' must be a table of messages (\"wrong answer\" = \"message\")")
    return {str(k): m.strip() for k, m in value.items()}


def find_option(value: str, options: list[str]) -> str | None:
    """The option equal to ``value`` after normalising, or None.

    >>> find_option(" yes ", ["Yes", "No"])
    'Yes'
    """
    wanted = normalise(value)
    return next((o for o in options if normalise(o) == wanted), None)


def no_feedback_field(table: dict, fail: Fail, instead: str) -> None:
    """Refuse a ``feedback`` field in a kind that has no wrong answers to key it to."""
    if "feedback" in table:
        raise fail(f"field 'feedback' is not used by this kind; {instead}")


def sealed_messages(tokens: dict[str, str], ex_id: str, salt: str) -> dict[str, str]:
    """``{digest: sealed message}`` for a ``{token: message}`` table."""
    return {digest(salt, ex_id, t): seal(m, salt, ex_id, t) for t, m in tokens.items()}


# --- reading answers -----------------------------------------------------------------------------

def pick_option(value: Any, options: list[str], what: str) -> str:
    """The option a student means: by its text (normalised) or its number (1 = first)."""
    if isinstance(value, bool):
        raise AnswerError(f"expected one of the {what}, not {value!r}")
    if isinstance(value, int) and 1 <= value <= len(options):
        return options[value - 1]
    wanted = normalise(value)
    for option in options:
        if normalise(option) == wanted:
            return option
    if wanted.isdigit() and 1 <= int(wanted) <= len(options):
        return options[int(wanted) - 1]
    listed = "; ".join(f"{i}. {o}" for i, o in enumerate(options, start=1))
    raise AnswerError(f"{value!r} is not one of the {what}: {listed}")


def as_list(value: Any) -> list:
    """A list of the values given (a single value becomes a list of one)."""
    if isinstance(value, (list, tuple, set, frozenset)):
        return list(value)
    return [value]


def pick_item(value: Any, items: list[str], what: str) -> int:
    """An item's index: by number (1 = first), by its text, or by a fragment found in exactly one item."""
    if isinstance(value, int) and not isinstance(value, bool):
        if 1 <= value <= len(items):
            return value - 1
        raise AnswerError(f"there is no {what} number {value} (they are numbered 1 to {len(items)})")
    wanted = normalise(value)
    exact = [i for i, t in enumerate(items) if normalise(t) == wanted]
    if exact:
        return exact[0]
    if wanted.isdigit():
        return pick_item(int(wanted), items, what)
    words = word_key(str(value))
    hits = fragment_hits(words, items) if words else []
    if len(hits) == 1:
        return hits[0]
    problem = "is in no" if not hits else f"is in {len(hits)}"
    raise AnswerError(f"{str(value)[:60]!r} {problem} {what}s; give its number or more of its words")


def feedback(exercise, token: str) -> str | None:
    """The feedback message sealed for ``token`` in the exercise's key, if any."""
    sealed = exercise.key.get("feedback", {}).get(digest(exercise.salt, exercise.id, token))
    return unseal(sealed, exercise.salt, exercise.id, token) if sealed else None


# --- widgets shared by kinds (ipywidgets imported inside) ------------------------------------

NO_MATHS = "tex2jax_ignore mathjax_ignore"
"""CSS classes that keep MathJax (JupyterLab typesets widget descriptions) off a text: the kit has no maths,
and "$110 ... $115" in a sentence must not turn into italic maths."""


def _checkbox(w, text: str):
    """A check box labelled ``text``; a text with a dollar sign is shown as HTML that MathJax skips."""
    if "$" not in text:
        return w.Checkbox(value=False, indent=False, layout=w.Layout(width="100%"), description=text)
    import html
    return w.Checkbox(value=False, indent=False, layout=w.Layout(width="100%"), description_allow_html=True,
                      description=f'<span class="{NO_MATHS}">{html.escape(text)}</span>')


def checkbox_input(texts: list[str], *, numbered: bool) -> Input:
    """One check box per text; the stored answer is the list of ticked texts."""
    import ipywidgets as w

    boxes = [_checkbox(w, f"{i}. {t}" if numbered else t) for i, t in enumerate(texts, start=1)]

    def put(value: Any) -> None:
        chosen = {normalise(x) for x in (value or [])}
        for box, text in zip(boxes, texts):
            box.value = normalise(text) in chosen

    return Input(w.VBox(boxes), lambda: [t for box, t in zip(boxes, texts) if box.value], put)
