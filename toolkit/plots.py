"""One figure style for every notebook: a title, labelled axes with units, and a source line."""

from __future__ import annotations

import matplotlib.pyplot as plt

STYLE = {
    "figure.figsize": (8, 4),
    "figure.dpi": 110,
    "axes.spines.top": False,
    "axes.spines.right": False,
    "axes.grid": True,
    "grid.alpha": 0.3,
    "axes.titleweight": "bold",
    "axes.titlesize": 12,
    "font.size": 10,
}


def use_style() -> None:
    """Apply Dateline's figure style to matplotlib (call once at the top of a notebook)."""
    plt.rcParams.update(STYLE)


def finish(ax, *, title: str, xlabel: str, ylabel: str, source: str) -> plt.Axes:
    """Label a figure the Dateline way.

    Args:
        ax: the matplotlib axes.
        title: what the figure shows.
        xlabel, ylabel: axis labels with units, e.g. "gap (days)".
        source: where the data comes from, printed under the figure, e.g.
            "Source: bundled corpus (kremlin.ru, president.gov.ua, whitehouse.gov); Dateline time_expressions()".
    """
    ax.set_title(title)
    ax.set_xlabel(xlabel)
    ax.set_ylabel(ylabel)
    ax.figure.text(0.01, -0.02, source, fontsize=8, color="0.35", ha="left", va="top", wrap=True)
    ax.figure.tight_layout()
    return ax
