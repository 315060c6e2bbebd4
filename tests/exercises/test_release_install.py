"""The student release installs and works on its own: a fresh venv, ``pip install --no-deps``
of the release's wheel (offline), every notebook run headless from a folder that holds only the
notebooks (as on JupyterHub or Colab: no exercises/, seeds/ or checkout beside them), every
exercise checked right and wrong, and no key in any file of the release or the installed package.

The fresh venv reaches the test venv's libraries (jupyter, nbclient, pandas...) through a
``.pth`` line: ``--system-site-packages`` alone would give the base interpreter's, and the
test venv's own ``.pth`` files (the editable install of this checkout) are not run that way.
"""
from __future__ import annotations

import json
import os
import shutil
import site
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

from medialit.exercises import load_exercise_file
from medialit.exercises.authoring import key_answer, misconception_answers
from medialit.exercises.release import build_release

from helpers import ROOT
from release_keys import leaks, release_files

pytestmark = pytest.mark.slow

RUN_AND_CHECK = r'''
import json, sys, pathlib, nbformat
from nbclient import NotebookClient
import medialit
from medialit import exercises
from medialit.exercises.store import AnswerStore
from medialit.exercises.api import Exercises
folder = pathlib.Path(sys.argv[1])
print("package", pathlib.Path(medialit.__file__).parent)
probe = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell("import medialit; print(medialit.__file__)")])
NotebookClient(probe, timeout=120, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
print("kernel", pathlib.Path(probe.cells[0].outputs[0]["text"].strip()).parent)
for path in sorted(folder.glob("*.ipynb")):
    nb = nbformat.read(path, as_version=4)
    NotebookClient(nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(folder)}}).execute()
    print("ran", path.name)
cases = json.loads(pathlib.Path(sys.argv[2]).read_text())
for case in cases:
    ex = exercises.load(case["notebook"], folder=folder)
    ex = Exercises(ex.set, AnswerStore(folder / "probe.json", persist=False))
    note = ex.answer(case["id"], case["right"])
    assert note.ok, (case, note)
    result = ex.check(case["id"], strict=False)
    assert result.status == case["expect"], (case, result)
    for wrong in case["wrong"]:
        ex.answer(case["id"], wrong)
        result = ex.check(case["id"], strict=False)
        assert result.status == "incorrect", (case, wrong, result)
    print("checked", case["id"], result.status)
'''


def _cases() -> list[dict]:
    cases = []
    for path in sorted((ROOT / "exercises").glob("*.toml")):
        for exercise in load_exercise_file(path).exercises:
            if exercise.kind == "code":
                continue        # answered by the notebook's code (the notebooks run above)
            wrong = [w for w, _ in misconception_answers(exercise)][:2] if exercise.graded else []
            cases.append({"notebook": path.stem, "id": exercise.id, "right": key_answer(exercise),
                          "wrong": wrong, "expect": "correct" if exercise.graded else "saved"})
    return cases


def test_the_release_installs_in_a_fresh_venv_and_every_notebook_runs(tmp_path):
    out = tmp_path / "student"
    report = build_release(out, notebooks=ROOT / "notebooks", exercises=ROOT / "exercises", seeds=ROOT / "seeds")
    assert report.problems == [] and report.wheel is not None
    venv = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", "--without-pip", str(venv)], check=True)
    python = venv / "bin" / "python"
    new_site = Path(subprocess.run([str(python), "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                                   check=True, capture_output=True, text=True).stdout.strip())
    (new_site / "test-venv-libraries.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("MEDIALIT_", "PYTHON", "JUPYTER_PATH"))}
    env["PATH"] = f"{venv / 'bin'}{os.pathsep}{env.get('PATH', '')}"
    subprocess.run([str(python), "-m", "pip", "install", "-q", "--no-deps", "--no-index", str(report.wheel)],
                   check=True, env=env, cwd=tmp_path)
    alone = tmp_path / "hub" / "notebooks"                     # only the notebooks, as a student sees them
    shutil.copytree(out / "notebooks", alone)
    cases = tmp_path / "cases.json"
    cases.write_text(json.dumps(_cases()), encoding="utf-8")
    script = tmp_path / "run_and_check.py"
    script.write_text(RUN_AND_CHECK, encoding="utf-8")
    done = subprocess.run([str(python), str(script), str(alone), str(cases)], env=env, cwd=alone,
                          capture_output=True, text=True, timeout=1500)
    assert done.returncode == 0, done.stdout[-2000:] + done.stderr[-4000:]
    lines = done.stdout.splitlines()
    assert lines[0] == f"package {new_site / 'medialit'}"          # the installed wheel, not this checkout
    assert lines[1] == f"kernel {new_site / 'medialit'}"           # in the notebooks' kernel too
    assert sum(line.startswith("ran ") for line in lines) == len(report.notebooks) == 8
    assert sum(line.startswith("checked ") for line in lines) == len(_cases())
    sources = [load_exercise_file(p) for p in sorted((ROOT / "exercises").glob("*.toml"))]
    installed = {f"site-packages/{p.relative_to(new_site).as_posix()}": p.read_bytes()
                 for p in (new_site / "medialit").rglob("*") if p.is_file() and "__pycache__" not in p.parts}
    assert not (new_site / "exercises").exists()
    assert leaks({**release_files(out), **installed}, sources) == []
