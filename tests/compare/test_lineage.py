"""medialit.compare.lineage and its graph view."""
from __future__ import annotations

from medialit.compare.lineage import lineage

BASE = ("The port of Tarn closed on Friday after a storm broke two cranes, the harbour master said. "
        "Ships were told to wait outside the breakwater until the wind dropped.")
MORE = " Dockers said they had warned about the cranes last winter, and the union asked for an inquiry."


def test_a_text_holding_anothers_comes_after_it_and_lists_what_it_added():
    trail = lineage({"late": BASE + MORE, "early": BASE})
    assert [(v.id, v.parent) for v in trail.versions] == [("early", None), ("late", "early")]
    late = trail.versions[1]
    assert late.unsure and "containment" in late.basis
    assert any("union asked for an inquiry" in s for s in late.added)


def test_dates_decide_the_order_even_against_containment():
    trail = lineage({"late": BASE + MORE, "early": BASE}, dates={"late": "2030-01-01", "early": "2030-02-01"})
    assert [v.id for v in trail.versions] == ["late", "early"]
    early = trail.versions[1]
    assert early.basis == "dates" and not early.unsure
    assert any("union asked" in s for s in early.cut)  # the later version cut it


def test_describe_and_graph_show_unsure_links(tmp_path):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    from medialit.views.charts.lineage import lineage_graph

    trail = lineage({"late": BASE + MORE, "early": BASE})
    assert "[unsure]" in trail.describe()
    ax = lineage_graph(trail)
    try:
        texts = [t.get_text() for t in ax.texts]
        assert ax.get_title() and ax.get_xlabel()
        assert any("early" in t for t in texts) and any("(order unsure)" in t for t in texts)
        ax.figure.savefig(tmp_path / "trail.png")
    finally:
        plt.close(ax.figure)


def test_the_closest_ancestor_is_the_version_sharing_most_text_not_the_first():
    v1 = "The ferry left Tarn at nine. Smoke rose from its engine room an hour later, the coastguard said."
    v2 = v1 + " Eleven passengers were treated for smoke inhalation, the health service said."
    v3 = v2 + " The operator suspended its other crossings while engineers inspected the sister ships."
    trail = lineage({"C": v3, "A": v1, "B": v2})
    assert [(v.id, v.parent) for v in trail.versions] == [("A", None), ("B", "A"), ("C", "B")]
    assert [len(v.added) for v in trail.versions[1:]] == [1, 1]
