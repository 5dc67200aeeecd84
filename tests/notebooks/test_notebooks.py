"""The analysts' notebooks: stored without outputs, and run top to bottom on the seed data."""
from __future__ import annotations

import re
import shutil

import nbformat
import pytest

from gold import ROOT

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))


def test_there_are_four_notebooks():
    assert [p.stem[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_stored_without_outputs(path):
    nb = nbformat.read(path, as_version=4)
    for cell in nb.cells:
        if cell.cell_type == "code":
            assert cell.outputs == [] and cell.execution_count is None, f"{path.name}: clear outputs before committing"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_runs_top_to_bottom(path, tmp_path):
    from nbclient import NotebookClient

    # a scratch copy beside the real data: the notebook's files land in tmp, not in the repo
    (tmp_path / "notebooks").mkdir()
    (tmp_path / "data").symlink_to(ROOT / "data")
    copy = tmp_path / "notebooks" / path.name
    shutil.copy(path, copy)
    nb = nbformat.read(copy, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(copy.parent)}}).execute()
    outputs = [o for c in nb.cells if c.cell_type == "code" for o in c.outputs]
    assert not [o for o in outputs if o.output_type == "error"]
    assert any(o.output_type in ("display_data", "execute_result") for o in outputs)
    # the tables speak Vietnamese: no column named by the code the catalogue has words for
    # ("agency", "weighted_degree")
    import re

    from dcskg.i18n import catalogue

    codes = {code for code, words in catalogue()["columns"]["vi"].items() if words != code}
    headers = [h.strip() for o in outputs for h in re.findall(r"<th[^>]*>([^<]*)</th>", o.get("data", {}).get("text/html", ""))]
    assert not [h for h in headers if h in codes or "_" in h], headers


# words of English prose that Vietnamese text never uses
ENGLISH_PROSE = re.compile(r"\b(the|and|of|with|each|which|what|plans?|agencies|tasks)\b", re.I)


@pytest.mark.parametrize("path", sorted((ROOT / "notebooks").glob("*.ipynb")), ids=lambda p: p.name)
def test_notebooks_speak_vietnamese_only(path):
    """Every paragraph a notebook writes is Vietnamese: no English sentence reaches a reader in
    Vietnamese (the code's comments aside; the tables follow DCSKG_LANG)."""
    import nbformat

    for cell in nbformat.read(path, as_version=4).cells:
        if cell.cell_type != "markdown":
            continue
        for paragraph in cell.source.split("\n\n"):
            prose = re.sub(r"`[^`]*`", "", paragraph)  # code and names of queries are not prose
            assert re.search(r"[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệịỉĩọỏốồổỗộớờởỡợụủũứừửữựỳỷỹý]", prose.lower()), paragraph[:60]
            assert not ENGLISH_PROSE.search(prose), paragraph[:80]


def test_a_notebook_reads_the_users_store_and_builds_only_without_one(seed_store, tmp_path):
    import os
    import subprocess
    import sys

    ask = "import dcskg; ds, where = dcskg.notebook_dataset(); print(where); print(len(dcskg.run_query('plans', ds)))"
    env = {k: v for k, v in os.environ.items() if k != "DCSKG_STORE"}
    users = subprocess.run([sys.executable, "-c", ask], cwd=tmp_path, env=env | {"DCSKG_STORE": str(seed_store)}, capture_output=True, text=True, timeout=300)
    assert users.returncode == 0, users.stderr
    assert str(seed_store) in users.stdout
    scratch = subprocess.run([sys.executable, "-c", ask], cwd=tmp_path, env=env, capture_output=True, text=True, timeout=300)
    assert scratch.returncode == 0, scratch.stderr
    assert "đồ thị tạm" in scratch.stdout and str(seed_store) not in scratch.stdout
    assert not (tmp_path / "data").exists()  # the scratch graph is not written where the user works
