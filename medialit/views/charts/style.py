"""The size of the text in the charts: it follows a scale the student or JupyterLab sets.

Every chart function draws its text (title, axis labels, tick labels, legend, values on bars
and cells) at its usual size times :func:`font_scale`, and makes the picture as much larger,
so the layout holds. The scale is, in this order:

1. what :func:`set_font_scale` was given in this session (``set_font_scale(1.5)``;
   ``set_font_scale(None)`` goes back to the settings below);
2. the environment variable ``MEDIALIT_FONT_SCALE`` (a number such as ``1.25``);
3. JupyterLab's content font size, when one is set: "Settings → Theme → Increase Content Font
   Size" (or the same override in the Settings Editor) writes it to the user settings file
   ``@jupyterlab/apputils-extension/themes.jupyterlab-settings``; its ``content-font-size1``
   over JupyterLab's default of 14 px is the scale (16 px gives 1.14). The kit's own lab
   settings (``medialit/cli/labconfig/overrides.json``) are read too, after the user's file;
4. otherwise 1.

Only local files are read (at most 1 MB each), never the network; a missing, unreadable or
malformed setting is ignored, and the scale always lies between 0.5 and 3. A chart drawn
before the setting changed keeps its size: run its cell again.

>>> set_font_scale(1.5); font_scale()
1.5
>>> set_font_scale(None)
>>> scale_from_css_size("16px"), scale_from_css_size("1.25em"), scale_from_css_size("big")
(1.1428571428571428, 1.25, None)
"""
from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Any, Callable

DEFAULT_CONTENT_PX = 14.0
"""JupyterLab's default ``--jp-content-font-size1``."""
LIMITS = (0.5, 3.0)
MAX_SETTINGS_BYTES = 1_000_000
THEMES_FILE = Path("@jupyterlab") / "apputils-extension" / "themes.jupyterlab-settings"

_chosen: float | None = None
_drawing: list[float] = []           # the scale of the chart being drawn (settings read once per chart)


def set_font_scale(scale: float | None) -> None:
    """Make every chart drawn after this call use text ``scale`` times its usual size (for
    example 1.5); ``None`` goes back to the environment and JupyterLab's settings."""
    global _chosen
    if scale is None:
        _chosen = None
        return
    if isinstance(scale, bool) or not isinstance(scale, (int, float)) or not LIMITS[0] <= scale <= LIMITS[1]:
        raise ValueError(f"set_font_scale: give a number from {LIMITS[0]} to {LIMITS[1]} (or None), "
                         f"not {scale!r}")
    _chosen = float(scale)


def font_scale() -> float:
    """The scale the charts use now (see the module's description for where it comes from)."""
    if _chosen is not None:
        return _chosen
    for found in (_from_environment(), _from_jupyterlab()):
        if found is not None:
            return found
    return 1.0


def scaled(size: float) -> float:
    """A font size in points, times the scale of the chart being drawn (or the current one)."""
    return size * (_drawing[-1] if _drawing else font_scale())


def scale_from_css_size(value: Any) -> float | None:
    """The scale a CSS size for the content font means: ``"16px"`` (over 14 px), ``"12pt"``,
    ``"1.2em"`` or ``"1.2rem"`` (as is); ``None`` for anything else."""
    if not isinstance(value, str):
        return None
    found = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(px|pt|em|rem)\s*", value)
    if not found:
        return None
    number, unit = float(found.group(1)), found.group(2)
    scale = {"px": number / DEFAULT_CONTENT_PX, "pt": number * 4 / 3 / DEFAULT_CONTENT_PX}.get(unit, number)
    return _clamped(scale)


def _clamped(scale: float) -> float | None:
    if scale != scale or scale <= 0:          # NaN or not positive: not a setting
        return None
    return min(max(scale, LIMITS[0]), LIMITS[1])


def _from_environment() -> float | None:
    raw = os.environ.get("MEDIALIT_FONT_SCALE", "").strip()
    try:
        return _clamped(float(raw)) if raw else None
    except ValueError:
        return None


def settings_files() -> list[Path]:
    """The JupyterLab settings files read, in order: the user's theme settings, then the kit's
    lab overrides."""
    if os.environ.get("JUPYTERLAB_SETTINGS_DIR"):
        user = Path(os.environ["JUPYTERLAB_SETTINGS_DIR"])
    else:
        config = os.environ.get("JUPYTER_CONFIG_DIR") or str(Path.home() / ".jupyter")
        user = Path(config) / "lab" / "user-settings"
    kit = Path(__file__).resolve().parents[2] / "cli" / "labconfig" / "overrides.json"
    return [user / THEMES_FILE, kit]


def _from_jupyterlab() -> float | None:
    for path in settings_files():
        data = _read_settings(path)
        if path.name == "overrides.json":
            data = data.get("@jupyterlab/apputils-extension:themes", {}) if isinstance(data, dict) else {}
        overrides = data.get("overrides") if isinstance(data, dict) else None
        if isinstance(overrides, dict):
            found = scale_from_css_size(overrides.get("content-font-size1"))
            if found is not None:
                return found
    return None


def _read_settings(path: Path) -> Any:
    """A JupyterLab settings file (JSON with comments allowed), or ``None``."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_SETTINGS_BYTES:
            return None
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    try:
        return json.loads(text)
    except ValueError:
        pass
    # Comments and trailing commas, as JupyterLab writes and accepts them (strings kept whole).
    token = re.compile(r'"(?:\\.|[^"\\])*"|//[^\n]*|/\*.*?\*/', re.S)
    text = token.sub(lambda m: m.group(0) if m.group(0).startswith('"') else "", text)
    text = re.sub(r",(\s*[}\]])", r"\1", text)
    try:
        return json.loads(text)
    except ValueError:
        return None


def follows_font_scale(draw: Callable) -> Callable:
    """Decorator of a chart function: its text is drawn at the current scale, and a figure it
    makes itself (no ``ax`` given) is made as much larger."""

    @functools.wraps(draw)
    def wrapper(*args, **kwargs):
        import matplotlib

        scale = font_scale()
        base = matplotlib.rcParams["font.size"]
        _drawing.append(scale)
        try:
            with matplotlib.rc_context({"font.size": base * scale}):
                result = draw(*args, **kwargs)
                ax = getattr(result, "ax", result)
                # Tick labels are made when the chart is drawn, after this context: size them now.
                ax.tick_params(labelsize=base * scale)
                if kwargs.get("ax") is None and scale != 1.0:
                    width, height = ax.figure.get_size_inches()
                    ax.figure.set_size_inches(width * scale, height * scale)
                    ax.figure.tight_layout()
        finally:
            _drawing.pop()
        return result

    return wrapper
