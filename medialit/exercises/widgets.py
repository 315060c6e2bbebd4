"""ipywidgets for exercises: an input per kind, a Check button, a feedback area.

Every change is saved at once through ``on_change``; the Check button shows a
:class:`~medialit.exercises.results.CheckResult` (icons and words, never colour alone).
Check grades what is in the box: it saves the box first, and refuses (says so, grades nothing)
when the box holds something that cannot be saved. A change clears the feedback of the last
check, so old feedback never stands beside a new answer. The notebook's check cell shows the
same feedback area (:class:`LiveResult`), so the two always agree.
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
        self.unsaved: str | None = None     # why the box's content could not be saved, while it cannot
        super().__init__([_STYLE, prompt, self.input, w.HBox([self.check_button, self.saved]), self.feedback],
                         **kwargs)
        self.add_class("medialit-exercise")
        self.add_class(css_id(exercise.id))
        if stored is not None:
            self.set_answer(stored)
            self.saved.value = "<span>✓ Saved answer restored</span>"
        for child in _value_widgets(self.input):
            child.observe(self._changed, names="value")
        self._on_check = on_check
        self.check_button.on_click(lambda _button: self.check())

    def set_answer(self, stored: Any) -> None:
        """Put a stored answer in the box (no saving); the last check's feedback is cleared."""
        self._quiet = True
        try:
            self._set(stored)
        finally:
            self._quiet = False
        self.unsaved = None
        self._clear_feedback()

    def check(self) -> Any:
        """What the Check button does: save what is in the box, then check it (or say why not)."""
        if _value_widgets(self.input):       # a code exercise has no box: its check reads the variable
            self._save_box()
        result = self._on_check()
        self.show_result(result)
        return result

    def _save_box(self) -> None:
        note = self._on_change(self._get())
        self.unsaved = note if note.startswith("Not saved") else None
        self.saved.value = f"<span>{html.escape(note)}</span>"

    def _changed(self, _change: dict) -> None:
        if self._quiet:
            return
        self._save_box()
        self._clear_feedback()

    def _clear_feedback(self) -> None:
        if self.feedback.value:
            self.feedback.value = ('<div class="medialit-stale" role="status"><p>○ The answer changed since '
                                   'the last check: click <strong>Check</strong> to check it.</p></div>')

    def show_result(self, result: Any) -> None:
        """Show a check result in the feedback area (and so in the check cell's copy of it)."""
        self.feedback.value = result._repr_html_()

    _show = show_result

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        bundle = super()._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/plain"] = plain_text(self.exercise)
        return bundle


class LiveResult:
    """A check result that shows, in a notebook, as the exercise widget's own feedback area.

    The check cell under a widget and the widget then show one feedback, kept up to date by
    the widget: never "Not answered yet" beside the widget's "Correct". Everything else
    (``status``, ``passed``, ``message``, ``str()``...) is the wrapped result's.
    """

    def __init__(self, result: Any, widget: ExerciseWidget) -> None:
        self.result = result
        self._widget = widget

    def __getattr__(self, name: str) -> Any:
        return getattr(self.result, name)

    def __str__(self) -> str:
        return str(self.result)

    __repr__ = __str__

    def _repr_html_(self) -> str:
        return self.result._repr_html_()

    def _repr_mimebundle_(self, **kwargs: Any) -> dict:
        bundle = self._widget.feedback._repr_mimebundle_(**kwargs)
        if isinstance(bundle, dict):
            bundle["text/plain"] = str(self.result)
        return bundle


def _value_widgets(box: w.Widget) -> list[w.Widget]:
    if isinstance(box, w.Box):
        return [leaf for child in box.children for leaf in _value_widgets(child)]
    return [box] if hasattr(box, "value") and not isinstance(box, (w.HTML, w.Label)) else []


def _build_input(exercise) -> Input:
    """(widget, get stored answer, set stored answer) for one exercise: its kind's ``widget`` step."""
    return KINDS[exercise.kind].widget(exercise)
