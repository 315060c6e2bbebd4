"""The copy trail of one story family as a small graph (matplotlib).

Versions are boxes from left (earliest) to right; an arrow runs from each version's closest
ancestor to it, labelled with what changed ("+3 added, -1 cut, ~2 changed"). A dashed
arrow with "unsure" in its label marks an order that only containment or a shared date
supports, so the style and the words say it, never colour alone. Links known only from the
catalog (``Article.upstream``) are drawn as grey boxes on the left, labelled "catalog".
The text alternative (``ax.medialit_alt``) says the same in words, version by version.

Example:

>>> from medialit.compare.lineage import lineage
>>> trail = lineage({"v1": "The port closed on Friday after the storm, officials said.",
...                  "v2": "The port closed on Friday after the storm, officials said. Ships waited."})
>>> lineage_graph(trail).get_title()
'Copy trail: who holds whose text'
>>> alt_text(lineage_graph(trail))
'Diagram: Copy trail: who holds whose text, 2 versions from earliest to latest. v1 (no date): first version. v2 (no date): from v1, 1 added, 0 cut, 0 changed (dashed arrow: order unsure).'
"""
from __future__ import annotations

from medialit.views.charts.alt import alt_text, attach
from medialit.views.charts.style import follows_font_scale, scaled


STEP = 1.5   # distance between boxes (data units)
PAD = 0.5    # arrows start and end this far from a box's centre


@follows_font_scale
def lineage_graph(trail, *, ax=None, title: str = "Copy trail: who holds whose text", show_known: bool = True,
                  caption: bool = True):
    """Draw ``trail`` (a :class:`medialit.compare.lineage.Lineage`); returns the ``Axes``
    (text alternative: ``ax.medialit_alt``; ``caption``: show it beside the chart in a notebook)."""
    import matplotlib.pyplot as plt

    if ax is None:
        _, ax = plt.subplots(figsize=(max(4.0, 2.2 * (len(trail.versions) + len(trail.known)) + 1.0), 2.8))
    depth: dict[str, int] = {}
    if show_known:  # how far each catalog outlet is from the articles: deepest (oldest) drawn leftmost
        for _ in range(len(trail.known)):
            for k in trail.known:
                d = 1 if k.subject == "this article" else depth.get(k.subject, 0) + 1 if k.subject in depth else 0
                if d and depth.get(k.outlet, 0) < d:
                    depth[k.outlet] = d
    known = sorted(depth, key=lambda o: (-depth[o], o))
    x_of: dict[str, float] = {}
    x = 0.0
    for outlet in known:
        x_of["catalog:" + outlet] = x
        x += STEP
    for v in trail.versions:
        x_of[v.id] = x
        x += STEP
    box = dict(boxstyle="round,pad=0.35", facecolor="#e8eef6", edgecolor="#1f3b5a")
    grey = dict(boxstyle="round,pad=0.35", facecolor="#eeeeee", edgecolor="#777777", linestyle="--")
    for outlet in known:
        ax.text(x_of["catalog:" + outlet], 0.0, f"{outlet}\n(catalog)", ha="center", va="center", fontsize=scaled(8),
                bbox=grey)
    for v in trail.versions:
        label = v.id + (f"\n{v.date}" if v.date else "\n(no date)")
        ax.text(x_of[v.id], 0.0, label, ha="center", va="center", fontsize=scaled(9), bbox=box)
    for v in trail.versions:
        if v.parent is None:
            continue
        x0, x1 = x_of[v.parent], x_of[v.id]
        rad = 0.0 if abs(x1 - x0) <= STEP else -0.35
        ax.annotate("", xy=(x1 - PAD, 0.08), xytext=(x0 + PAD, 0.08),
                    arrowprops=dict(arrowstyle="->", color="#1f3b5a", lw=1.4,
                                    linestyle="--" if v.unsure else "-", connectionstyle=f"arc3,rad={rad}"))
        text = f"{len(v.added)} added, {len(v.cut)} cut\n{len(v.changed)} changed"
        if v.quotes_changed:
            text += f", {v.quotes_changed} quote(s)"
        if v.unsure:
            text += "\n(order unsure)"
        ax.text((x0 + x1) / 2, 0.36 + (0.25 if rad else 0.0), text, ha="center", va="bottom", fontsize=scaled(7.5))
    # catalog links: outlet -> the outlet or article that the catalog says copied it
    for k in trail.known:
        src = "catalog:" + k.outlet
        dst = k.article if k.subject == "this article" else "catalog:" + k.subject
        if src in x_of and dst in x_of and x_of[src] < x_of[dst]:
            ax.annotate("", xy=(x_of[dst] - PAD, -0.12), xytext=(x_of[src] + PAD, -0.12),
                        arrowprops=dict(arrowstyle="->", color="#777777", linestyle=":",
                                        connectionstyle="arc3,rad=0.25" if x_of[dst] - x_of[src] > STEP else "arc3"))
    ax.set_xlim(-0.8, max(x - STEP + 0.8, 0.8))
    ax.set_ylim(-0.8, 1.0)
    ax.set_title(title)
    ax.set_xlabel("earlier → later. Solid arrow: measured, order from dates; dashed: order unsure; "
                  "dotted grey: known from the catalog, not measured")
    ax.set_yticks([])
    ax.set_xticks([])
    for side in ("top", "right", "left"):
        ax.spines[side].set_visible(False)
    return attach(ax, describe(trail, title, known if show_known else ()), caption=caption)


def describe(trail, title: str = "Copy trail: who holds whose text", known=()) -> str:
    """The text alternative: each version, where its text came from and what changed."""
    n = len(trail.versions)
    parts = [f"Diagram: {title}, {n} version{'s' if n != 1 else ''} from earliest to latest."]
    for v in trail.versions:
        when = v.date or "no date"
        if v.parent is None:
            parts.append(f"{v.id} ({when}): first version.")
            continue
        changes = f"{len(v.added)} added, {len(v.cut)} cut, {len(v.changed)} changed"
        if v.quotes_changed:
            changes += f", {v.quotes_changed} quote(s) changed"
        arrow = "dashed arrow: order unsure" if v.unsure else "solid arrow: order from the dates"
        parts.append(f"{v.id} ({when}): from {v.parent}, {changes} ({arrow}).")
    links = [k for k in trail.known if k.outlet in known]
    if links:
        parts.append("Known from the catalog, not measured (grey boxes, dotted arrows): " + "; ".join(
            f"{k.article if k.subject == 'this article' else k.subject} {k.relation} {k.outlet}"
            + (f" ({k.date})" if k.date and k.date != "unknown" else "") for k in links) + ".")
    return " ".join(parts)
