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

from medialit.exercises.kinds import KINDS, Input
from medialit.exercises.text_view import css_id, plain_text  # noqa: F401 (re-exported)

_STYLE = w.HTML(
    "<style>.medialit-exercise .widget-checkbox{height:auto!important}"
    ".medialit-exercise .widget-checkbox label span{white-space:normal;overflow:visible}"
    ".medialit-exercise .widget-radio-box label{white-space:normal}</style>")


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


def _build_input(exercise) -> Input:
    """(widget, get stored answer, set stored answer) for one exercise: its kind's ``widget`` step."""
    return KINDS[exercise.kind].widget(exercise)
