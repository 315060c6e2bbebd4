"""Accessibility of the charts (medialit/views/charts): every chart has a text alternative
that names its series and carries the numbers drawn, notebooks show it, no two series differ
by colour only, and text drawn on a coloured box is readable (WCAG AA contrast)."""
from __future__ import annotations

import re

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt  # noqa: E402
import pytest  # noqa: E402
from matplotlib.colors import to_rgba  # noqa: E402

from medialit.checks import check_text  # noqa: E402
from medialit.compare.lineage import lineage  # noqa: E402
from medialit.sourcing.tagger import tag  # noqa: E402
from medialit.views.charts import (alt_text, figure_html, kinds_by_source, lineage_graph, oil_prices,  # noqa: E402
                                   similarity_heatmap, sourcing_bars)
from medialit.views.charts.alt import usd  # noqa: E402
from medialit.views.colours import AA_TEXT, contrast, text_colour_on  # noqa: E402


@pytest.fixture(autouse=True)
def _close_figures():
    yield
    plt.close("all")


def _charts(seeds):
    checks = check_text(seeds["003"].text, article_date="2022-03-06")
    return {
        "sourcing_bars": sourcing_bars(seeds),
        "kinds_by_source": kinds_by_source(seeds),
        "oil_prices": oil_prices(checks=checks, article_date="2022-03-06", window_days=7),
        "similarity_heatmap": similarity_heatmap(seeds),
        "lineage_graph": lineage_graph(lineage(seeds)),
    }


def _segment(alt: str, key: str) -> str:
    """The part of a bar chart's description about one article ("001: ... ;")."""
    match = re.search(rf"(?:\. |; ){re.escape(key)}: ([^;]*)", alt)
    assert match, f"{key} is not described in: {alt}"
    return match.group(1)


def test_every_chart_has_a_text_alternative_that_names_its_kind(seeds):
    kinds = {"sourcing_bars": "Stacked bar chart:", "kinds_by_source": "Stacked bar chart:",
             "oil_prices": "Line chart:", "similarity_heatmap": "Heat map:", "lineage_graph": "Diagram:"}
    for name, ax in _charts(seeds).items():
        alt = alt_text(ax)
        assert alt.startswith(kinds[name]), (name, alt)
        assert ax.get_title() in alt, name


def test_a_figure_drawn_without_the_kit_has_no_alternative_and_says_so():
    _, ax = plt.subplots()
    with pytest.raises(ValueError, match="no text alternative"):
        alt_text(ax)


def test_sourcing_bars_alt_gives_the_drawn_share_of_every_label_for_every_article(seeds):
    ax = sourcing_bars(seeds)
    alt = alt_text(ax)
    ids = [t.get_text() for t in ax.get_yticklabels()]
    assert ids == [a.id for a in seeds]
    by_label = {}   # legend label -> bar widths, one per article in drawing order
    for container in ax.containers:
        by_label[container.get_label()] = [bar.get_width() for bar in container]
    assert set(by_label) == {"named source", "anonymous source", "no source"}
    for row, key in enumerate(ids):
        segment = _segment(alt, key)
        claims = sum(t.sourcing != "not_a_claim" for t in tag(seeds[key].text))
        assert f"({claims} claims)" in segment or f"({claims} claim)" in segment, segment
        for label, widths in by_label.items():
            assert f"{widths[row]:.0%} {label}" in segment, (key, label, segment)


def test_kinds_by_source_alt_gives_each_articles_counts_by_kind(seeds):
    ax = kinds_by_source(seeds)
    alt = alt_text(ax)
    kinds = [t.get_text() for t in ax.get_legend().get_texts()]
    assert kinds and all(re.search(rf"\d+ {k}\b", alt) for k in kinds)
    for row, key in enumerate(a.id for a in seeds):
        drawn = {c.get_label(): int(c[row].get_width()) for c in ax.containers}
        segment = _segment(alt, key)
        assert f"({sum(drawn.values())} figures)" in segment, segment
        for kind, n in drawn.items():
            assert (f"{n} {kind}" in segment) == (n > 0), (key, kind, segment)


def test_oil_prices_alt_names_each_series_its_drawn_values_and_every_claim(seeds):
    checks = check_text(seeds["003"].text, article_date="2022-03-06")
    ax = oil_prices(checks=checks, article_date="2022-03-06", window_days=7)
    alt = alt_text(ax)
    series = [line for line in ax.get_lines() if line.get_label().endswith("spot (EIA)")]
    assert len(series) == 2
    for line in series:
        ys = list(line.get_ydata())
        assert line.get_label() in alt
        for value in (ys[0], ys[-1], min(ys), max(ys)):
            assert usd(value) in alt, (line.get_label(), value)
    claims = [line for line in ax.get_lines() if line.get_label().startswith("claim:")]
    assert len(claims) == 2
    for line in claims:
        assert f"{line.get_label()} at {usd(line.get_ydata()[0])}" in alt
    assert "2022-03-06" in alt and "7 days" in alt


def test_similarity_heatmap_alt_names_every_article_and_the_most_similar_pair(seeds):
    ax = similarity_heatmap(seeds)
    alt = alt_text(ax)
    ids = [t.get_text() for t in ax.get_xticklabels()]
    assert all(i in alt for i in ids)
    m = ax.images[0].get_array()
    best = max((m[i][j], i, j) for i in range(len(ids)) for j in range(i + 1, len(ids)))
    assert f"most similar first: {ids[best[1]]} and {ids[best[2]]} {best[0]:.2f}" in alt


def test_similarity_heatmap_alt_stops_listing_after_twelve_pairs():
    texts = {f"t{i}": f"Story number {i} is about the harbour and item {i * 7} of the budget." for i in range(7)}
    alt = alt_text(similarity_heatmap(texts, caption=False))
    assert alt.count(" and t") == 12 and "the other 9 pairs are" in alt


def test_lineage_graph_alt_names_every_version_and_each_unsure_order(seeds):
    trail = lineage(seeds)
    ax = lineage_graph(trail)
    alt = alt_text(ax)
    for v in trail.versions:
        assert f"{v.id} ({v.date or 'no date'})" in alt
        if v.parent:
            assert f"from {v.parent}, {len(v.added)} added, {len(v.cut)} cut" in alt
    arrows = [t.arrow_patch for t in ax.texts if getattr(t, "arrow_patch", None) is not None]
    dashed = sum(1 for a in arrows if a.get_linestyle() == "--")
    assert alt.count("order unsure") == sum(v.unsure for v in trail.versions) == dashed > 0
    assert "Sputnik International rewrite of Reuters" in alt


def _series_styles(ax):
    """(what tells this legend entry apart besides colour) per legend entry."""
    legend = ax.get_legend()
    styles = []
    for handle in legend.legend_handles:
        if hasattr(handle, "get_hatch") and handle.get_hatch() is not None or type(handle).__name__ == "Rectangle":
            styles.append(("hatch", handle.get_hatch() or ""))
        else:
            styles.append(("line", str(handle.get_linestyle()), str(handle.get_marker())))
    return styles


@pytest.mark.parametrize("name", ["sourcing_bars", "kinds_by_source", "oil_prices"])
def test_no_two_series_differ_by_colour_only(seeds, name):
    ax = _charts(seeds)[name]
    styles = _series_styles(ax)
    assert len(styles) >= 3
    assert len(set(styles)) == len(styles), styles


def test_text_drawn_on_a_box_meets_wcag_aa_contrast(seeds):
    checked = 0
    for name, ax in _charts(seeds).items():
        ax.figure.canvas.draw()
        for text in ax.texts:
            box = text.get_bbox_patch()
            if box is None:
                continue
            r, g, b, a = to_rgba(box.get_facecolor())
            behind = (1.0, 1.0, 1.0)   # the figure's background
            seen = tuple(a * c + (1 - a) * w for c, w in zip((r, g, b), behind))
            assert contrast(to_rgba(text.get_color()), seen) >= AA_TEXT, (name, text.get_text())
            checked += 1
    assert checked >= 10


def test_heatmap_values_are_written_in_the_colour_that_reads_best_on_their_cell(seeds):
    texts = {"a": "The port closed on Friday after the storm, officials said. Ships waited at sea.",
             "b": "The port closed on Friday after the storm, officials said. Ferries were cancelled.",
             "c": "Lawmakers met on Monday to debate the budget for the coming year."}
    ax = similarity_heatmap(texts, caption=False)
    image = ax.images[0]
    for text in ax.texts:
        cell = image.cmap(image.norm(float(text.get_text())))
        assert contrast(to_rgba(text.get_color()), cell) >= AA_TEXT, text.get_text()
    # and over the whole colour map, not only the values this corpus happens to have
    worst = min(contrast(text_colour_on(image.cmap(v / 100)), image.cmap(v / 100)) for v in range(101))
    assert worst >= AA_TEXT


def test_notebooks_show_the_description_beside_the_chart(seeds, monkeypatch):
    """In an IPython shell the chart shows its description once; ``caption=False`` shows none.

    The shell is faked: a real one is a process-wide singleton that other tests keep."""
    import IPython.display
    from IPython.core.formatters import DisplayFormatter

    from medialit.views.charts import alt as alt_module

    shown = []
    monkeypatch.setattr(alt_module, "_shell", lambda: object())
    monkeypatch.setattr(IPython.display, "display", lambda *objs, **kw: shown.extend(objs))
    ax = sourcing_bars(seeds)
    sourcing_bars(seeds, caption=False)
    assert len(shown) == 1
    data, _ = DisplayFormatter().format(shown[0])
    html = data["text/html"]
    assert 'role="note"' in html and "Chart description:" in html
    assert alt_text(ax).replace("'", "&#x27;") in html
    assert data["text/plain"] == "Chart description: " + alt_text(ax)
    assert not re.search(r"font-size:\s*[\d.]+px", html)


def test_the_shell_is_found_where_notebooks_run_it_and_never_imported(monkeypatch, seeds, capsys):
    import sys
    import types

    from medialit.views.charts import alt as alt_module

    kernel_shell = types.SimpleNamespace(kernel=object())       # what ipykernel's shell looks like
    bare_shell = types.SimpleNamespace()                           # IPython with no kernel (a test's shell)
    fake = types.ModuleType("IPython")
    monkeypatch.setitem(sys.modules, "IPython", fake)
    fake.get_ipython = lambda: kernel_shell
    assert alt_module._shell() is kernel_shell
    fake.get_ipython = lambda: bare_shell
    assert alt_module._shell() is None
    monkeypatch.delitem(sys.modules, "IPython")
    assert alt_module._shell() is None
    sourcing_bars(seeds)   # no IPython loaded: nothing shown, nothing printed, IPython not imported
    assert capsys.readouterr().out == "" and "IPython" not in sys.modules


def test_figure_html_puts_the_description_in_alt_and_figcaption(seeds):
    ax = kinds_by_source(seeds)
    html = figure_html(ax).html
    alt = alt_text(ax).replace("'", "&#x27;")
    assert f'alt="{alt}"' in html and f"<figcaption" in html and html.count(alt) == 2
    assert re.search(r'<img src="data:image/png;base64,[A-Za-z0-9+/=]{1000,}"', html)
