"""Static SVG charts drawn with matplotlib (no network, text kept as text so it stays searchable and accessible).

Honesty rules: a cell that is unknown ("not coded") is grey and hatched and named in the legend, never drawn as 0;
every column shows its n; long labels are wrapped, never cut; the figure is sized to its text (bbox tight).
"""

from __future__ import annotations

import io
import re
import textwrap

NOT_CODED_COLOR = "#d9d9d9"
HATCH = "///"
FONT = 9


def _plt():
    import matplotlib

    matplotlib.use("Agg", force=False)
    import matplotlib.pyplot as plt

    matplotlib.rcParams.update({
        "svg.fonttype": "none",          # text as <text>, not paths
        "svg.hashsalt": "rdgraph",       # stable ids, so the page is reproducible
        "font.family": "DejaVu Sans",
        "font.size": FONT,
        "hatch.color": "#7f7f7f",
        "hatch.linewidth": 0.8,
    })
    return plt


def wrap(text: str, width: int) -> str:
    return "\n".join(textwrap.wrap(str(text), width=width, break_long_words=False)) or str(text)


def _svg(fig, title: str, chart_id: str) -> str:
    plt = _plt()
    buf = io.StringIO()
    fig.savefig(buf, format="svg", bbox_inches="tight", pad_inches=0.15, metadata={"Date": None})
    plt.close(fig)
    svg = buf.getvalue()
    svg = svg[svg.index("<svg"):]
    from html import escape

    svg = svg.replace("<svg ", f'<svg role="img" aria-labelledby="{chart_id}-title" id="{chart_id}-svg" ', 1)
    svg = re.sub(r"(<svg[^>]*>)", lambda m: m.group(1) + f'<title id="{chart_id}-title">{escape(title)}</title>',
                 svg, count=1)
    return svg


def heatmap(chart_id: str, title: str, row_labels: list[str], col_labels: list[str],
            cells: list[list[int | None]], row_totals: list[str], total_label: str,
            not_coded_label: str, scale_label: str, partial_label: str | None = None) -> str:
    """Rows x columns of counts; None = not coded (hatched grey, in the legend)."""
    plt = _plt()
    from matplotlib.colors import LinearSegmentedColormap, Normalize
    from matplotlib.patches import Patch, Rectangle

    nr, nc = len(row_labels), len(col_labels)
    labels = [wrap(r, 46) for r in row_labels]
    heights = [max(1, lab.count("\n") + 1) for lab in labels]
    row_h = [0.18 + 0.16 * h for h in heights]
    fig_h = sum(row_h) + 1.6
    fig, ax = plt.subplots(figsize=(4.2 + 0.85 * (nc + 1), fig_h))
    vmax = max((v for row in cells for v in row if v is not None), default=1) or 1
    cmap = LinearSegmentedColormap.from_list("rdg", ["#f3faf6", "#2a7f62", "#0b3d2c"])
    norm = Normalize(0, vmax)
    y = 0.0
    centres = []
    for i in range(nr):
        h = row_h[i]
        centres.append(y + h / 2)
        for j in range(nc):
            v = cells[i][j]
            if v is None:
                ax.add_patch(Rectangle((j, y), 1, h, facecolor=NOT_CODED_COLOR, hatch=HATCH, edgecolor="white",
                                       linewidth=1.2))
                ax.text(j + 0.5, y + h / 2, "", ha="center", va="center")
            else:
                ax.add_patch(Rectangle((j, y), 1, h, facecolor=cmap(norm(v)), edgecolor="white", linewidth=1.2))
                ax.text(j + 0.5, y + h / 2, str(v), ha="center", va="center",
                        color="white" if v > vmax * 0.55 else "#1a1a1a")
        ax.add_patch(Rectangle((nc + 0.08, y), 0.92, h, facecolor="#f0f0f0", edgecolor="white", linewidth=1.2))
        ax.text(nc + 0.54, y + h / 2, row_totals[i], ha="center", va="center", fontweight="bold")
        y += h
    ax.set_xlim(0, nc + 1)
    ax.set_ylim(y, 0)
    ax.set_yticks(centres)
    ax.set_yticklabels(labels)
    ax.set_xticks([j + 0.5 for j in range(nc)] + [nc + 0.54])
    ax.set_xticklabels(list(col_labels) + [total_label])
    ax.xaxis.tick_top()
    ax.tick_params(length=0)
    for s in ax.spines.values():
        s.set_visible(False)
    sm = plt.cm.ScalarMappable(norm=norm, cmap=cmap)
    cb = fig.colorbar(sm, ax=ax, orientation="horizontal", fraction=0.035, pad=0.02, aspect=40)
    cb.set_label(scale_label)
    handles = [Patch(facecolor=NOT_CODED_COLOR, hatch=HATCH, edgecolor="#7f7f7f", label=wrap(not_coded_label, 70))]
    if partial_label:
        handles.append(Patch(facecolor="white", edgecolor="white", label=wrap(partial_label, 70)))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.02 - 0.9 / fig_h), frameon=False)
    return _svg(fig, title, chart_id)


def hbars(chart_id: str, title: str, labels: list[str], stated: list[float], inferred: list[float] | None,
          value_text: list[str], stated_label: str, inferred_label: str | None, axis_label: str,
          side_text: list[str] | None = None, label_width: int = 40, grey: set[int] | None = None,
          grey_label: str | None = None) -> str:
    """Horizontal bars, one per label (top to bottom); an inferred part hatched; n written at each bar."""
    plt = _plt()
    from matplotlib.patches import Patch

    grey = grey or set()
    labs = [wrap(lab, label_width) for lab in labels]
    sides = [wrap(s, 48) if s else "" for s in (side_text or [""] * len(labels))]
    lines = [max(a.count("\n"), b.count("\n")) + 1 for a, b in zip(labs, sides)]
    fig_h = 0.9 + sum(0.22 + 0.15 * n for n in lines)
    fig, ax = plt.subplots(figsize=(7.2, fig_h))
    ys = []
    y = 0.0
    for n in lines:
        h = 0.22 + 0.15 * n
        ys.append(y + h / 2)
        y += h
    inf = inferred or [0] * len(labels)
    for i, (s, v) in enumerate(zip(stated, inf)):
        colour = NOT_CODED_COLOR if i in grey else "#2a7f62"
        ax.barh(ys[i], s, height=0.3, color=colour, hatch=HATCH if i in grey else None,
                edgecolor="#7f7f7f" if i in grey else colour)
        if v:
            ax.barh(ys[i], v, left=s, height=0.3, color="#b7dccb", hatch=HATCH, edgecolor="#2a7f62")
    xmax = max([a + b for a, b in zip(stated, inf)] + [1])
    for i, txt in enumerate(value_text):
        ax.text(stated[i] + inf[i] + xmax * 0.015, ys[i], txt, va="center")
    if side_text:
        for i, txt in enumerate(sides):
            ax.text(xmax * 1.35, ys[i], txt, va="center", fontsize=FONT - 0.5)
    ax.set_yticks(ys)
    ax.set_yticklabels(labs)
    ax.set_ylim(y, 0)
    ax.set_xlim(0, xmax * 1.3)
    from matplotlib.ticker import MaxNLocator

    ax.xaxis.set_major_locator(MaxNLocator(integer=True))
    ax.set_xlabel(axis_label)
    for s in ("top", "right"):
        ax.spines[s].set_visible(False)
    handles = [Patch(facecolor="#2a7f62", label=stated_label)]
    if inferred_label:
        handles.append(Patch(facecolor="#b7dccb", hatch=HATCH, edgecolor="#2a7f62", label=wrap(inferred_label, 70)))
    if grey_label:
        handles.append(Patch(facecolor=NOT_CODED_COLOR, hatch=HATCH, edgecolor="#7f7f7f", label=wrap(grey_label, 70)))
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(0, -0.9 / fig_h - 0.05), frameon=False)
    return _svg(fig, title, chart_id)
