"""Mutation score of the core modules, each against the tests that own it (not run in CI:
minutes per module on two cores). Usage:

    .venv/bin/python tests/mutation.py                 # every module below
    .venv/bin/python tests/mutation.py ingest/ids.py   # one
    .venv/bin/python tests/mutation.py --sample 150 ingest/tasks.py   # a random sample of its mutants
    .venv/bin/python tests/mutation.py --sample 150 --seed 7 ingest/tasks.py   # another sample

Each module is mutated in a copy of the project (mutmut 3, `pip install mutmut`) with only its
own tests selected, so a mutant is judged by the tests that claim the behaviour; the score is
killed / (killed + survived), timeouts counted as killed. Survivors are listed for reading:
some are equivalent (a changed default nobody passes), the rest are missing tests.

A module with thousands of mutants and slow tests (`ingest/tasks.py`, `ingest/agencies.py`) is
measured on a random sample of its mutants (fixed seed, so a rerun judges the same ones): the
score is then an estimate, printed with its 95 % interval (Wilson). Tests written to kill one
sample's survivors make that sample's score biased; a fresh sample (`--seed`) measures them.
"""
from __future__ import annotations

import json
import math
import random
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# module -> the tests that own its behaviour
MODULES: dict[str, list[str]] = {
    "ingest/ids.py": ["tests/ingest/test_ids.py"],
    "ingest/resolve.py": ["tests/ingest/test_resolve.py", "tests/ingest/test_ids.py", "tests/ingest/test_task_keys.py"],
    "queries/search.py": ["tests/queries/test_search.py"],
    "queries/due.py": ["tests/queries/test_due.py"],
    "ingest/normalize.py": ["tests/ingest/test_normalize.py"],
    "ingest/citations.py": ["tests/ingest/test_citations.py"],
    "ingest/tasks.py": ["tests/ingest/test_tasks.py", "tests/ingest/test_task_keys.py"],
    "ingest/agencies.py": ["tests/ingest/test_agencies.py", "tests/ingest/test_resolve.py"],
    "queries/lookup.py": ["tests/queries/test_lookup.py"],
    "dcskg/outputs.py": ["tests/dcskg/test_outputs.py"],
    "dcskg/store.py": ["tests/dcskg/test_store.py"],
    "queries/pages.py": ["tests/queries/test_paging.py"],
    "dcskg/tally.py": ["tests/dcskg/test_tally.py", "tests/queries/test_statistics.py"],
}

COPY = ["ingest", "queries", "dcskg", "data", "ontology", "benchmarks", "tests", "pyproject.toml"]


def copy_project(work: Path) -> None:
    """The project's code, data and tests copied into `work`, where a change can be planted."""
    for name in COPY:
        src = ROOT / name
        (shutil.copytree if src.is_dir() else shutil.copy)(src, work / name)


def mutmut_table(module: str, tests: list[str]) -> str:
    return "\n".join(
        [
            "[tool.mutmut]",
            'source_paths = ["ingest/", "queries/", "dcskg/"]',
            f"only_mutate = [{json.dumps(module)}]",
            f"pytest_add_cli_args_test_selection = {json.dumps(tests)}",
            # mutmut runs pytest in its own process and passes back the test ids it recorded;
            # pytest writes a Vietnamese parametrize id escaped ("Th\\u1ef1c hi\\u1ec7n …") and
            # then finds no test by it: exit code 4, which mutmut counts as a kill. Raw ids match.
            'pytest_add_cli_args = ["-q", "-p", "no:cacheprovider", "-x", "-o", "disable_test_id_escaping_and_forfeit_all_rights_to_community_support=true"]',
            'also_copy = ["data/", "ontology/", "benchmarks/"]',
            "mutate_only_covered_lines = true",
            # mutmut forks each mutant's run from its own process, which ran the suite once to
            # map tests to functions: tests that built the seed store left Oxigraph's (Rust)
            # thread pools in it, and a forked child that touches the store waits forever on
            # them — every mutant of queries/lookup.py "timed out" (278 of 278, counted as kills)
            # before a test ran. A fork server that only imported and collected is fork-safe.
            'process_isolation = "forkserver"',
            # the CPU limit comes from the first run's per-test times, where a session fixture
            # (the seed store: extraction, load, SHACL) was paid once; a mutant's run pays it again
            "timeout_constant = 30",
            "timeout_multiplier = 2",
        ]
    )


SEED = 20261203


def _sampled_names(work: Path, module: str, sample: int, seed: int = SEED) -> list[str]:
    """Generate every mutant (a run filtered to a name no mutant has stops once they are
    written) and draw `sample` of their names."""
    mutmut = [sys.executable, "-m", "mutmut"]
    subprocess.run([*mutmut, "run", "no-such-mutant"], cwd=work, capture_output=True, text=True)
    meta = json.loads((work / "mutants" / f"{module}.meta").read_text(encoding="utf-8"))
    names = sorted(meta["exit_code_by_key"])
    return sorted(random.Random(seed).sample(names, min(sample, len(names))))


def wilson(killed: int, judged: int) -> tuple[float, float]:
    """The 95 % interval of a proportion measured on a sample."""
    if not judged:
        return 0.0, 1.0
    z, p = 1.96, killed / judged
    centre = (p + z * z / (2 * judged)) / (1 + z * z / judged)
    half = z * math.sqrt(p * (1 - p) / judged + z * z / (4 * judged * judged)) / (1 + z * z / judged)
    return max(0.0, centre - half), min(1.0, centre + half)


def score(module: str, tests: list[str], sample: int | None = None, seed: int = SEED) -> dict:
    with tempfile.TemporaryDirectory(prefix="dcskg-mut-") as tmp:
        work = Path(tmp)
        copy_project(work)
        pyproject = (work / "pyproject.toml").read_text(encoding="utf-8")
        pyproject = re.sub(r"^\[tool\.mutmut\]\n(?:(?!\[).*\n)*", lambda _: mutmut_table(module, tests) + "\n\n", pyproject, flags=re.M)
        (work / "pyproject.toml").write_text(pyproject, encoding="utf-8")
        mutmut = [sys.executable, "-m", "mutmut"]
        chosen = _sampled_names(work, module, sample, seed) if sample else []
        subprocess.run([*mutmut, "run", "--max-children", "2", *chosen], cwd=work, capture_output=True, text=True)
        listing = subprocess.run([*mutmut, "results", "--all", "true"], cwd=work, capture_output=True, text=True).stdout
        counts: dict[str, int] = {}
        survivors = []
        for line in listing.splitlines():
            m = re.match(r"\s*(\S+): (\w[\w ]*)$", line)
            if m:
                counts[m.group(2)] = counts.get(m.group(2), 0) + 1
                if m.group(2) == "survived":
                    diff = subprocess.run([*mutmut, "show", m.group(1)], cwd=work, capture_output=True, text=True).stdout
                    survivors.append((m.group(1), "\n".join(l for l in diff.splitlines() if l[:1] in "+-" and l[:3] not in ("+++", "---"))))
    # a timeout is a kill (the mutant made the tests loop), but when most mutants time out the
    # limit, not the tests, judged them: no score then
    killed = counts.get("killed", 0) + counts.get("timeout", 0)
    judged = killed + counts.get("survived", 0)
    if counts.get("timeout", 0) > max(5, 0.2 * judged):
        return {"module": module, "counts": counts, "score": None, "survivors": []}
    result = {"module": module, "counts": counts, "score": killed / judged if judged else None, "survivors": survivors}
    if sample and judged:
        result["interval"] = wilson(killed, judged)
    return result


def main(argv: list[str]) -> None:
    sample, seed = None, SEED
    if argv[:1] == ["--sample"]:
        sample, argv = int(argv[1]), argv[2:]
    if argv[:1] == ["--seed"]:
        seed, argv = int(argv[1]), argv[2:]
    chosen = argv or list(MODULES)
    for module in chosen:
        r = score(module, MODULES[module], sample, seed)
        shown = f"{r['score']:.0%}" if r["score"] is not None else "no score (no mutant judged, or most timed out: see the counts)"
        if "interval" in r:
            low, high = r["interval"]
            shown += f" (a sample; 95 % interval {low:.0%}–{high:.0%})"
        print(f"{module}: {shown}  {r['counts']}", flush=True)
        for name, diff in r["survivors"]:
            print(f"    survived: {name}\n        " + diff.replace("\n", "\n        "), flush=True)


if __name__ == "__main__":
    main(sys.argv[1:])
