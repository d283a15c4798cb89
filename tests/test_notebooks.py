"""Notebooks are stored without outputs, hold no logic of their own, and run top to bottom."""

import json
import os

import pytest

from toolkit.report import execute_notebook, notebook_paths

NOTEBOOKS = notebook_paths()


def test_there_are_notebooks():
    assert NOTEBOOKS, "no notebooks/NN-*.ipynb found"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_is_stored_without_outputs(path):
    notebook = json.loads(path.read_text())
    for cell in notebook["cells"]:
        if cell["cell_type"] == "code":
            assert cell.get("outputs") == [] and cell.get("execution_count") is None, path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_cells_have_unique_ids(path):
    """nbformat 4.5 cell ids: a missing one is a warning today and an error in future nbformat."""
    ids = [cell.get("id") for cell in json.loads(path.read_text())["cells"]]
    assert all(ids) and len(set(ids)) == len(ids), path.name


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_has_a_card_numbered_sections_and_exercises(path):
    cells = json.loads(path.read_text())["cells"]
    markdown = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "markdown")
    assert markdown.startswith("# ")
    for needed in ("What you'll learn", "**Data**", "**Time**", "## 1.", "where", "Exercises"):
        assert needed in markdown, f"{path.name} lacks {needed!r}"
    code = "\n".join("".join(c["source"]) for c in cells if c["cell_type"] == "code")
    assert "def " not in code and "class " not in code, "notebooks call the toolkit; logic lives in toolkit/"


@pytest.fixture(scope="module")
def processed_dir(tmp_path_factory):
    """One cache for all notebooks of the run (the first annotates, the rest read), outside the repo."""
    folder = tmp_path_factory.mktemp("processed")
    before = os.environ.get("DATELINE_PROCESSED")
    os.environ["DATELINE_PROCESSED"] = str(folder)  # inherited by the kernels
    yield folder
    if before is None:
        del os.environ["DATELINE_PROCESSED"]
    else:
        os.environ["DATELINE_PROCESSED"] = before


@pytest.mark.slow
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_executes(path, processed_dir):
    notebook = execute_notebook(path, timeout=600)
    errors = [o for c in notebook.cells for o in c.get("outputs", []) if o.get("output_type") == "error"]
    assert errors == []
    for cell in notebook.cells:
        if cell.cell_type == "code" and "plt.show()" in cell.source:
            images = [o for o in cell.outputs if "image/png" in o.get("data", {})]
            assert images, f"a figure cell of {path.name} produced no image (matplotlib backend?)"
