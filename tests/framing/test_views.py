"""The framing chart (medialit.views.charts.framing) and tables (medialit.views.framing)."""
from __future__ import annotations

import matplotlib

matplotlib.use("Agg")

import matplotlib.colors as mcolors
import pytest

from medialit import framing
from medialit.views import concordance_table, counts_table, framing_table
from medialit.views.charts import dispersion
from medialit.views.colours import OKABE_ITO


def test_the_dispersion_has_a_title_labelled_axes_and_a_row_for_every_article(seeds):
    chart = dispersion(seeds)
    ax = chart.ax
    assert ax.get_title() == "Where the loaded terms fall in each article"
    assert ax.get_xlabel().startswith("position in the article") and ax.get_ylabel() == "article (outlet)"
    assert [t.get_text() for t in ax.get_yticklabels()] == [f"{a.id} ({a.outlet})" for a in seeds]
    matplotlib.pyplot.close(ax.figure)


def test_every_mark_has_a_palette_colour_and_its_own_marker_per_kind(seeds):
    chart = dispersion(seeds, ["regime", "sanction*", "Guaido"])
    palette = {mcolors.to_hex(c) for c in OKABE_ITO}
    markers = set()
    for collection in chart.ax.collections:
        assert mcolors.to_hex(collection.get_edgecolor()[0]) in palette
        markers.add(collection.get_paths()[0].vertices.tobytes())
    assert len(markers) == 3          # regime, sanction*, Guaido: shape, not only colour, tells them apart
    matplotlib.pyplot.close(chart.ax.figure)


def test_quoted_words_are_hollow_and_the_outlets_own_are_filled(seeds):
    chart = dispersion([seeds["004"]], ["regime", "authoritarian"])
    by_label = {c.get_label(): c for c in chart.ax.collections}
    assert by_label["regime (quoted or an answer)"].get_facecolor().size == 0 or by_label["regime (quoted or an answer)"].get_facecolor()[0][3] == 0
    assert by_label["authoritarian"].get_facecolor()[0][3] == 1
    matplotlib.pyplot.close(chart.ax.figure)


def test_the_text_alternative_names_every_article_and_every_term_found(seeds):
    chart = dispersion(seeds)
    lines = chart.text.splitlines()
    assert lines[0].startswith("Text alternative")
    assert len(lines) == 1 + len(seeds)
    assert "004 (unknown): authoritarian 16%; seized control 34%; clung to power 55%; regime 73% (q)." in lines
    assert repr(chart) == chart.text
    matplotlib.pyplot.close(chart.ax.figure)


def test_an_article_with_none_of_the_words_still_gets_its_row_and_says_so(seeds):
    chart = dispersion(seeds, ["overthrow*"])
    assert "001 (Al-Ahed News (English site)): overthrow* 0 times." in chart.text
    matplotlib.pyplot.close(chart.ax.figure)


def test_too_many_words_or_none_is_a_clear_error(seeds):
    with pytest.raises(ValueError, match="at most 9 words"):
        dispersion(seeds, [f"w{i}" for i in range(10)])
    with pytest.raises(ValueError, match="give the words"):
        dispersion(seeds, [])


def test_concordance_table_marks_the_word_in_bold_and_underline_not_colour_alone(seeds):
    html = str(concordance_table(framing.by_article(seeds, framing.concordance, "regime")))
    assert html.count("<b><u>regime</u></b>") == 4 and html.count("<td>yes</td>") == 3


def test_counts_table_puts_each_article_in_a_column_and_ranks_in_rows(seeds):
    html = str(counts_table(framing.word_counts(seeds, top=2)))
    assert "<th>000 (Sputnik International)</th>" in html and "<th>004 (unknown)</th>" in html
    assert html.count("<tr><td>") == 2
    html = str(counts_table(framing.collocations([seeds["003"]], 1)))
    assert "last week (2, 214.3× chance)" in html


def test_framing_table_keeps_the_columns_and_rows_asked_for(seeds):
    rows = framing.by_article(seeds, framing.find_loaded_terms)
    html = str(framing_table(rows, ["article", "text"], where={"quoted": True}))
    assert html.count("<tr>") == 1 + sum(r["quoted"] for r in rows)
    assert "<th>category</th>" not in html
    assert "(nothing found)" in str(framing_table([], ["article"]))


def test_a_word_in_an_interviewees_answer_is_hollow_and_named_in_the_text(seeds):
    chart = dispersion([seeds["000"]])
    [collection] = chart.ax.collections
    assert collection.get_label() == "label (quoted or an answer)"
    assert "000 (Sputnik International): regime 23% (answer: Jim Jatras)." in chart.text
    matplotlib.pyplot.close(chart.ax.figure)


def test_the_dispersion_axes_carry_the_same_text_alternative_as_every_chart(seeds):
    from medialit.views.charts import alt_text
    chart = dispersion(seeds)
    assert alt_text(chart.ax) == chart.text and "004" in chart.text
