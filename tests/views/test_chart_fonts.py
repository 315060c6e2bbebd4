"""Chart text follows a size the student or JupyterLab sets (medialit/views/charts/style.py):
``set_font_scale``, ``MEDIALIT_FONT_SCALE`` and JupyterLab's content font size each make every
text of every chart larger (title, axis and tick labels, legend, values on bars and cells) and
the picture as much larger; a missing or broken setting changes nothing and never fails."""
from __future__ import annotations

import json

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.text import Text  # noqa: E402

from medialit.checks import check_text  # noqa: E402
from medialit.compare.lineage import lineage  # noqa: E402
from medialit.views.charts import (dispersion, font_scale, kinds_by_source, lineage_graph, oil_prices,  # noqa: E402
                                   set_font_scale, similarity_heatmap, sourcing_bars)
from medialit.views.charts import style  # noqa: E402

THEMES = ("@jupyterlab", "apputils-extension", "themes.jupyterlab-settings")


@pytest.fixture(autouse=True)
def _clean(tmp_path, monkeypatch):
    """No setting from the machine running the tests: an empty JupyterLab settings folder."""
    monkeypatch.delenv("MEDIALIT_FONT_SCALE", raising=False)
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(tmp_path / "lab-settings"))
    set_font_scale(None)
    yield
    set_font_scale(None)
    plt.close("all")


def _lab_setting(tmp_path, text: str | bytes) -> None:
    path = tmp_path / "lab-settings"
    for part in THEMES[:-1]:
        path = path / part
    path.mkdir(parents=True, exist_ok=True)
    target = path / THEMES[-1]
    target.write_bytes(text if isinstance(text, bytes) else text.encode("utf-8"))


def _charts(seeds):
    checks = check_text(seeds["003"].text, article_date="2022-03-06")
    return {
        "sourcing_bars": lambda: sourcing_bars(seeds, caption=False),
        "kinds_by_source": lambda: kinds_by_source(seeds, caption=False),
        "oil_prices": lambda: oil_prices(checks=checks, article_date="2022-03-06", window_days=7, caption=False),
        "similarity_heatmap": lambda: similarity_heatmap(seeds, caption=False),
        "lineage_graph": lambda: lineage_graph(lineage(seeds), caption=False),
        "dispersion": lambda: dispersion(seeds).ax,
    }


def _texts(ax) -> list[tuple[str, float]]:
    """Every visible text of the chart with its size in points, once the figure is drawn."""
    ax.figure.canvas.draw()
    return [(t.get_text(), t.get_fontsize()) for t in ax.figure.findobj(Text)
            if t.get_text().strip() and t.get_visible()]


def test_set_font_scale_makes_every_text_of_every_chart_larger(seeds):
    for name, draw in _charts(seeds).items():
        normal = draw()
        before, size = _texts(normal), normal.figure.get_size_inches().copy()
        set_font_scale(1.5)
        large = draw()
        after = _texts(large)
        set_font_scale(None)
        assert [t for t, _ in after] == [t for t, _ in before] and len(before) > 3, name
        for (text, a), (_, b) in zip(before, after):
            assert b == pytest.approx(1.5 * a), (name, text, a, b)
        assert large.figure.get_size_inches() == pytest.approx(1.5 * size), name


def test_the_larger_text_is_larger_on_screen_too(seeds):
    """Measured in pixels of the rendered picture: the title's height grows with the scale."""
    def title_height(scale):
        set_font_scale(scale)
        ax = sourcing_bars(seeds, caption=False)
        ax.figure.canvas.draw()
        return ax.title.get_window_extent().height
    assert title_height(1.5) == pytest.approx(1.5 * title_height(1.0), rel=0.1)


def test_the_environment_variable_sets_the_scale(seeds, monkeypatch):
    monkeypatch.setenv("MEDIALIT_FONT_SCALE", "1.25")
    assert font_scale() == 1.25
    ax = sourcing_bars(seeds, caption=False)
    assert ax.title.get_fontsize() == pytest.approx(1.25 * 12)        # "large" of 10 points, times 1.25


def test_jupyterlabs_content_font_size_sets_the_scale(tmp_path, seeds):
    # As "Increase Content Font Size" saves it; JupyterLab's files may hold comments.
    _lab_setting(tmp_path, '{\n  // the theme\n  "theme": "JupyterLab Light",\n'
                           '  "overrides": {"content-font-size1": "21px", "code-font-size": "15px",},\n}\n')
    assert font_scale() == pytest.approx(21 / 14)
    ax = similarity_heatmap(seeds, caption=False)
    cells = [t for t in ax.texts if t.get_text().startswith("0.") or t.get_text() == "1.00"]
    assert cells and all(t.get_fontsize() == pytest.approx(8 * 1.5) for t in cells)


def test_the_order_is_session_then_environment_then_jupyterlab(tmp_path, monkeypatch):
    _lab_setting(tmp_path, json.dumps({"overrides": {"content-font-size1": "28px"}}))
    assert font_scale() == 2.0
    monkeypatch.setenv("MEDIALIT_FONT_SCALE", "1.2")
    assert font_scale() == 1.2
    set_font_scale(0.8)
    assert font_scale() == 0.8
    set_font_scale(None)
    assert font_scale() == 1.2


@pytest.mark.parametrize("content", [
    "", "not json at all", '{"overrides": "16px"}', '{"overrides": {"content-font-size1": null}}',
    '{"overrides": {"content-font-size1": "large"}}', '{"overrides": {"content-font-size1": "0px"}}',
    '[1, 2, 3]', b"\xff\xfe\x00binary", "{" * 100_000,
])
def test_a_missing_or_broken_jupyterlab_setting_changes_nothing(tmp_path, seeds, content):
    _lab_setting(tmp_path, content)
    assert font_scale() == 1.0
    assert sourcing_bars(seeds, caption=False).title.get_fontsize() == pytest.approx(12)


def test_no_settings_file_at_all_gives_the_usual_size(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(tmp_path / "does-not-exist"))
    assert font_scale() == 1.0


def test_an_oversized_settings_file_is_not_read(tmp_path, monkeypatch):
    monkeypatch.setattr(style, "MAX_SETTINGS_BYTES", 100)
    _lab_setting(tmp_path, json.dumps({"overrides": {"content-font-size1": "28px"}, "pad": "x" * 200}))
    assert font_scale() == 1.0


@pytest.mark.parametrize("value", ["big", "", "nan", "-2", "0"])
def test_a_bad_environment_value_is_ignored(monkeypatch, value):
    monkeypatch.setenv("MEDIALIT_FONT_SCALE", value)
    assert font_scale() == 1.0


def test_extreme_settings_are_kept_within_limits(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDIALIT_FONT_SCALE", "40")
    assert font_scale() == style.LIMITS[1]
    _lab_setting(tmp_path, json.dumps({"overrides": {"content-font-size1": "2px"}}))
    monkeypatch.delenv("MEDIALIT_FONT_SCALE")
    assert font_scale() == style.LIMITS[0]


@pytest.mark.parametrize("bad", [0, 10, "big", True, float("nan")])
def test_set_font_scale_refuses_what_is_not_a_scale_in_one_line(bad):
    with pytest.raises(ValueError) as error:
        set_font_scale(bad)
    assert "\n" not in str(error.value) and "set_font_scale" in str(error.value)


def test_a_chart_drawn_on_a_given_axes_keeps_its_figure_size(seeds):
    fig, ax = plt.subplots(figsize=(6, 3))
    set_font_scale(2.0)
    sourcing_bars(seeds, ax=ax, caption=False)
    assert tuple(fig.get_size_inches()) == (6, 3)
    assert ax.title.get_fontsize() == pytest.approx(24)


def test_the_kits_lab_overrides_set_the_scale_when_the_user_has_none(tmp_path, monkeypatch):
    kit = tmp_path / "overrides.json"
    kit.write_text(json.dumps({"@jupyterlab/apputils-extension:themes": {"overrides": {"content-font-size1": "18px"}}}),
                   encoding="utf-8")
    user = tmp_path / "user" / "themes.jupyterlab-settings"
    monkeypatch.setattr(style, "settings_files", lambda: [user, kit])
    assert font_scale() == pytest.approx(18 / 14)
    user.parent.mkdir()
    user.write_text(json.dumps({"overrides": {"content-font-size1": "28px"}}), encoding="utf-8")
    assert font_scale() == 2.0                     # the student's own setting comes first


def test_the_settings_files_are_where_jupyterlab_keeps_them(tmp_path, monkeypatch):
    monkeypatch.setenv("JUPYTERLAB_SETTINGS_DIR", str(tmp_path))
    user, kit = style.settings_files()
    assert user == tmp_path.joinpath(*THEMES)
    assert kit.name == "overrides.json" and kit.parent.name == "labconfig" and kit.is_file()
    monkeypatch.delenv("JUPYTERLAB_SETTINGS_DIR")
    monkeypatch.setenv("JUPYTER_CONFIG_DIR", str(tmp_path / "cfg"))
    assert style.settings_files()[0] == (tmp_path / "cfg" / "lab" / "user-settings").joinpath(*THEMES)
