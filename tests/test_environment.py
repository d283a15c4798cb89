"""environment.yml (conda) agrees with pyproject.toml (pip), and the set-up is offline-first."""

import re
import tomllib
from pathlib import Path

from toolkit import config

ROOT = config.REPO_ROOT


def _name(requirement: str) -> str:
    return re.split(r"[<>=!~ \[;]", requirement.strip(), maxsplit=1)[0].lower().replace("_", "-")


def _spec(requirement: str) -> str:
    return requirement.strip()[len(_name(requirement)):].replace(" ", "")


def _conda_dependencies() -> tuple[dict[str, str], list[str], str]:
    conda, pip, python = {}, [], ""
    in_pip = False
    text = (ROOT / "environment.yml").read_text()
    for line in text[text.index("dependencies:"):].splitlines():
        stripped = line.strip()
        if not stripped.startswith("- "):
            in_pip = in_pip and stripped.startswith("#")
            continue
        item = stripped[2:].strip()
        indent = len(line) - len(line.lstrip())
        if item == "pip:":
            in_pip = True
            continue
        if in_pip and indent > 4:
            pip.append(item)
        elif item.startswith("python="):
            python = item.split("=", 1)[1]
        elif item != "pip":
            conda[_name(item)] = _spec(item)
    return conda, pip, python


def test_environment_yml_agrees_with_pyproject():
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    wanted = {_name(r): _spec(r) for r in project["dependencies"]}
    for extra in ("dev", "train"):
        wanted.update({_name(r): _spec(r) for r in project["optional-dependencies"][extra]})
    conda, pip, python = _conda_dependencies()
    assert conda == wanted, "environment.yml and pyproject.toml list different packages or versions"
    assert pip == ["-e ."]
    assert python == "3.11"
    assert project["requires-python"] == ">=3.11"
    for required in ("jupyterlab", "pandas", "matplotlib", "nltk"):
        assert required in conda


def test_environment_yml_uses_conda_forge():
    text = (ROOT / "environment.yml").read_text()
    assert re.search(r"channels:\s*\n\s*- conda-forge", text)


def test_constraints_pin_every_dependency():
    pins = {_name(line): line.split("==")[1] for line in (ROOT / "constraints.txt").read_text().splitlines()
            if "==" in line}
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    for requirement in project["dependencies"]:
        assert _name(requirement) in pins, f"{requirement} is not pinned in constraints.txt (make lock)"


def test_no_code_path_downloads_nltk_data():
    offenders = [str(p) for folder in ("toolkit", "notebooks", "benchmarks")
                 for p in (ROOT / folder).rglob("*.py") if "nltk.download(" in p.read_text()]
    assert offenders == []


def test_ci_runs_the_readme_test_command():
    assert "make test" in (ROOT / ".ci" / "run").read_text()
    readme = (ROOT / "README.md").read_text()
    assert "make report" in readme and "make test" in readme


def test_seed_is_byte_for_byte(shared_path):
    shared_seed = shared_path("seeds", "000_deb6046db3def0e3.txt")
    assert (config.SEEDS_DIR / shared_seed.name).read_bytes() == Path(shared_seed).read_bytes()


def test_default_install_leaves_out_the_heavy_vectors_extra():
    """torch is only for re-distilling word vectors; CI and `make report` must not pull it in."""
    makefile = (ROOT / "Makefile").read_text()
    stamp_recipe = makefile[makefile.index("$(STAMP): "):makefile.index("venv: ")]
    assert '-e ".[dev,train]"' in stamp_recipe
    assert "vectors" not in stamp_recipe
    pins = (ROOT / "constraints.txt").read_text().lower()
    assert "torch==" not in pins and "sentence-transformers==" not in pins
    project = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
    assert {_name(r) for r in project["optional-dependencies"]["vectors"]} >= {"torch"}
