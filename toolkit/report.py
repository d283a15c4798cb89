"""``make report``: annotate the bundled corpus, execute every notebook, write an HTML write-up.

Steps (``python -m toolkit report``):

1. load ``seeds/`` + ``data/raw/`` and annotate them (:func:`toolkit.pipeline.tables`), writing
   Parquet tables to ``data/processed/default/``;
2. write ``reports/summary.md``: corpus size, rejections, date sources and conflicts, and the
   size of every table;
3. execute every notebook in ``notebooks/`` top to bottom (nbclient) and export each to
   ``reports/<notebook>.html`` (nbconvert), with ``reports/index.html`` linking them.

Notebooks are stored without outputs; the write-up is the executed copy.
"""

from __future__ import annotations

import argparse
import html
import time
from pathlib import Path

import pandas as pd

from toolkit import config


def summary_markdown(tables: dict[str, pd.DataFrame], *, seconds: float) -> str:
    """A short Markdown summary of the annotated corpus."""
    articles, rejected = tables["articles"], tables["rejected"]
    lines = [
        "# Dateline: summary of the bundled corpus",
        "",
        f"- articles loaded: **{len(articles):,}**; rejected: **{len(rejected):,}**"
        + (f" ({', '.join(f'{r}: {n}' for r, n in rejected['reason'].value_counts().items())})" if len(rejected) else ""),
        f"- published range: {_day(articles['published'].min())} to {_day(articles['published'].max())}",
        f"- date sources: {', '.join(f'{s}: {n}' for s, n in articles['published_source'].value_counts().items())}",
        f"- dateline conflicts: {int(articles['dateline_conflict'].sum())}",
        f"- annotated in {seconds:.1f} s",
        "",
        "| table | rows |",
        "|---|---:|",
    ]
    lines += [f"| {name} | {len(frame):,} |" for name, frame in tables.items()]
    conflicts = articles.loc[articles["dateline_conflict"].fillna(False).astype(bool),
                             ["doc_id", "dateline_conflict_reason"]]
    if len(conflicts):
        lines += ["", "## Dateline conflicts", ""]
        lines += [f"- `{row.doc_id}`: {row.dateline_conflict_reason}" for row in conflicts.head(20).itertuples()]
    return "\n".join(lines) + "\n"


def _day(stamp) -> str:
    return "unknown" if pd.isna(stamp) else f"{stamp:%Y-%m-%d}"


def notebook_paths() -> list[Path]:
    """The notebooks of the write-up, in order."""
    return sorted(config.NOTEBOOKS_DIR.glob("[0-9][0-9]-*.ipynb"))


def execute_notebook(path: Path, *, timeout: int = 900):
    """Execute a notebook top to bottom in its own folder and return the executed copy."""
    import nbformat
    from nbclient import NotebookClient

    notebook = nbformat.read(path, as_version=4)
    NotebookClient(notebook, timeout=timeout, kernel_name="python3",
                   resources={"metadata": {"path": str(path.parent)}}).execute()
    return notebook


def export_html(notebook, target: Path) -> Path:
    """Write an executed notebook as a standalone HTML page."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter(template_name="lab").from_notebook_node(notebook)
    target.write_text(body, encoding="utf-8")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m toolkit report", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--refresh", action="store_true", help="annotate again even when the cache is fresh")
    parser.add_argument("--no-notebooks", action="store_true", help="only annotate and write the summary")
    args = parser.parse_args(argv)

    from toolkit.pipeline import tables

    config.REPORTS_DIR.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    result = tables(refresh=args.refresh)
    seconds = time.perf_counter() - started
    summary = config.REPORTS_DIR / "summary.md"
    markdown = summary_markdown(result, seconds=seconds)
    summary.write_text(markdown, encoding="utf-8")
    from nbconvert.filters import markdown2html

    summary.with_suffix(".html").write_text(
        f"<!doctype html><meta charset='utf-8'><title>Dateline summary</title>{markdown2html(markdown)}\n",
        encoding="utf-8")
    print(f"annotated {len(result['articles']):,} articles in {seconds:.1f} s -> {config.PROCESSED_DIR}")
    print(f"wrote {summary}")
    if args.no_notebooks:
        return 0
    pages = []
    for path in notebook_paths():
        began = time.perf_counter()
        page = export_html(execute_notebook(path), config.REPORTS_DIR / f"{path.stem}.html")
        pages.append(page)
        print(f"executed {path.name} in {time.perf_counter() - began:.1f} s -> {page}")
    items = "\n".join(f'<li><a href="{html.escape(p.name)}">{html.escape(p.stem)}</a></li>' for p in pages)
    index = config.REPORTS_DIR / "index.html"
    index.write_text(
        "<!doctype html><meta charset='utf-8'><title>Dateline write-up</title>"
        f"<h1>Dateline write-up</h1><p>Executed notebooks:</p><ul>{items}</ul>"
        "<p>Corpus summary: <a href='summary.html'>summary.html</a></p>\n", encoding="utf-8")
    print(f"wrote {index}")
    return 0
