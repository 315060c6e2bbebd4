"""ipywidgets for exercises: an input per kind, a Check button, a feedback area.

Every change is saved at once through ``on_change``; the Check button shows a
:class:`~medialit.exercises.results.CheckResult` (icons and words, never colour alone).
Stable CSS classes for tests and styling: ``medialit-exercise``, ``medialit-ex-q0-1`` (the id
with dots as dashes), ``medialit-input``, ``medialit-check``, ``medialit-feedback``, ``medialit-saved``.
Where widgets cannot render, the widget's plain-text form shows the prompt, the options and
how to answer in code.
"""
from __future__ import annotations

import html
from typing import Any, Callable

import ipywidgets as w

from medialit.exercises.keys import normalise
from medialit.exercises.text_view import css_id, plain_text  # noqa: F401 (re-exported)

_STYLE = w.HTML(
    "<style>.medialit-exercise .widget-checkbox{height:auto!important}"
    ".medialit-exercise .widget-checkbox label span{white-space:normal;overflow:visible}"
    ".medialit-exercise .widget-radio-box label{white-space:normal}</style>")
_CHOOSE = "— choose —"


class ExerciseWidget(w.VBox):
    """The widget of one exercise; ``set_answer`` puts a stored answer back without saving it."""

    def __init__(self, exercise, stored: Any, on_change: Callable[[Any], str],
                 on_check: Callable[[], Any], **kwargs: Any) -> None:
        self.exercise = exercise
        self._on_change = on_change
        self._quiet = False
        prompt = w.HTML(f"<p><strong>{html.escape(exercise.id.upper())}</strong> "
                        f"{html.escape(exercise.prompt)} <em>({exercise.points:g} pt)</em></p>")
        self.input, self._get, self._set = _build_input(exercise)
        self.input.add_class("medialit-input")
        self.check_button = w.Button(description="Check", tooltip=f"Check answer {exercise.id}",
                                     icon="check")
        self.check_button.add_class("medialit-check")
        self.saved = w.HTML("")
        self.saved.add_class("medialit-saved")
        self.feedback = w.HTML("")
        self.feedback.add_class("medialit-feedback")
        super().__init__([_STYLE, prompt, self.input, w.HBox([self.check_button, self.saved]), self.feedback],
                         **kwargs)
        self.add_class("medialit-exercise")
        self.add_class(css_id(exercise.id))
        if stored is not None:
            self.set_answer(stored)
            self.saved.value = "<span>✓ Saved answer restored</span>"
        for child in _value_widgets(self.input):
            child.observe(self._changed, names="value")
        self.check_button.on_click(lambda _button: self._show(on_check()))

    def set_answer(self, stored: Any) -> None:
        self._quiet = True
        try:
            self._set(stored)
        finally:
            self._quiet = False

    def _changed(self, _change: dict) -> None:
        if self._quiet:
            return
        self.saved.value = f"<span>{html.escape(self._on_change(self._get()))}</span>"

    def _show(self, result: Any) -> None:
        self.feedback.value = result._repr_html_()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/plain"] = plain_text(self.exercise)
        return bundle


def _value_widgets(box: w.Widget) -> list[w.Widget]:
    if isinstance(box, w.Box):
        return [leaf for child in box.children for leaf in _value_widgets(child)]
    return [box] if hasattr(box, "value") and not isinstance(box, (w.HTML, w.Label)) else []


def _build_input(exercise):
    """(widget, get stored answer, set stored answer) for one exercise."""
    kind, wide = exercise.kind, w.Layout(width="auto")
    if kind == "single_choice":
        radio = w.RadioButtons(options=exercise.options(), value=None, description="Answer", layout=wide)
        def put(v):
            radio.value = next((o for o in radio.options if normalise(o) == normalise(v)), None)
        return radio, lambda: radio.value, put
    if kind in ("multiple_choice", "pick_sentences"):
        texts = exercise.options() if kind == "multiple_choice" else exercise.items()
        number = kind == "pick_sentences"
        boxes = [w.Checkbox(value=False, indent=False, layout=w.Layout(width="100%"),
                            description=f"{i}. {t}" if number else t) for i, t in enumerate(texts, start=1)]
        def put(v):
            chosen = {normalise(x) for x in (v or [])}
            for box, t in zip(boxes, texts):
                box.value = normalise(t) in chosen
        return w.VBox(boxes), lambda: [t for box, t in zip(boxes, texts) if box.value], put
    if kind in ("label_items", "match_pairs"):
        options = [(_CHOOSE, "")] + [(o, o) for o in exercise.options()]
        rows, drops = [], []
        for i, item in enumerate(exercise.items(), start=1):
            drop = w.Dropdown(options=options, value="", description=f"Item {i}")
            drops.append(drop)
            rows.append(w.VBox([w.HTML(f"<p>{i}. {html.escape(item)}</p>"), drop]))
        def put(v):
            for drop, label in zip(drops, v or []):
                drop.value = next((o for _, o in options if o and normalise(o) == normalise(label)), "")
        return w.VBox(rows), lambda: [d.value or None for d in drops], put
    if kind == "number":
        box = w.Text(value="", placeholder="a number", description="Answer")
        unit = w.Label(exercise.data.get("unit", ""))
        def put(v):
            box.value = f"{v:g}" if isinstance(v, (int, float)) else str(v)
        return w.HBox([box, unit]), lambda: box.value, put
    if kind == "code":
        return _code_panel(exercise)
    area = w.Textarea(value="", placeholder="Write your answer here", description="Your answer",
                      rows=5, layout=w.Layout(width="90%"))
    def put(v):
        area.value = str(v)
    return area, lambda: area.value, put


def _code_panel(exercise):
    """A ``code`` exercise has no input: the student's code sets the variable; Check reads it."""
    variable, expects = exercise.data["variable"], exercise.data["expects"]
    what = {"number": "a number" + (f" (in {exercise.data['unit']})" if exercise.data.get("unit") else ""),
            "text": "a text", "list": "a list" + (" in order" if exercise.data.get("ordered") else "")}[expects]
    intro = (f"<p>Answer in code: write code in a cell below that sets <code>{html.escape(variable)}</code> "
             f"to {html.escape(what)}, run it, then click Check.</p>")
    panel = w.HTML(intro)
    def put(v):
        panel.value = intro + f"<p>Last value checked: <code>{html.escape(repr(v))}</code></p>"
    return panel, lambda: None, put
