"""Five deliberate bugs, each planted in a copy of the project, and the tests that catch it (not run
in CI: a minute or two per bug on two cores). Usage:

    .venv/bin/python tests/deliberate_bugs.py            # all five
    .venv/bin/python tests/deliberate_bugs.py resolve    # those whose name holds "resolve"

These are the bugs an earlier suite let pass (issue 28): an item's own lead dropped when it
inherits one, a co-lead an entry's item names dropped, a department given the issuer's own place
before its province, look-up by alias dropped, a changed plan's old graph kept beside the new one;
and one it caught (the opening's relations swapped), kept as a control. Each bug is a textual
change of one line of the code as it is today; if the line is no longer there the script says
so (the bug must be rewritten for the new code, not silently skipped). A bug no test catches
exits 1.
"""
from __future__ import annotations

import re
import subprocess
import sys
import tempfile
from dataclasses import dataclass
from pathlib import Path

from mutation import copy_project  # run as a script from tests/: the mutation harness's copy


@dataclass(frozen=True)
class Bug:
    name: str
    file: str
    old: str
    new: str
    tests: tuple[str, ...]


BUGS = [
    Bug(
        "tasks: an item's own lead dropped when it inherits one",
        "ingest/tasks.py",
        "return list(ctx.leads) + list(actors.leads), ctx.requested or actors.requested",
        "return list(ctx.leads) or list(actors.leads), ctx.requested or actors.requested",
        ("tests/ingest/test_task_keys.py", "tests/ingest/test_tasks.py"),
    ),
    Bug(
        "tasks: the co-lead an entry's item names dropped",
        "ingest/tasks.py",
        "leads = list(entry.agencies) + ([] if directed else [m for m in actors.leads if m.name not in {e.name for e in entry.agencies}])",
        "leads = list(entry.agencies)",
        ("tests/ingest/test_task_keys.py", "tests/ingest/test_tasks.py"),
    ),
    Bug(
        "resolve: a department falls back to the issuer's own place before the province",
        "ingest/resolve.py",
        'if mention.kind == "department":\n        return where.province or where.place',
        'if mention.kind == "department":\n        return where.place or where.province',
        ("tests/ingest/test_resolve.py", "tests/ingest/test_task_keys.py"),
    ),
    Bug(
        "lookup: alias matching dropped from agency_name",
        "queries/lookup.py",
        "(a and loose(a) == ",
        "(False and loose(a) == ",
        ("tests/queries/test_lookup.py",),
    ),
    Bug(
        "store: a changed plan's old graph not removed before reloading",
        "dcskg/store.py",
        "self.copy.drop_graph(ox.NamedNode(str(plan_graph_iri(key))))",
        "pass",
        ("tests/dcskg/test_store.py",),
    ),
    Bug(
        "citations: implements and based_on swapped in the opening (control)",
        "ingest/citations.py",
        'relation = (m.lastgroup if m else None) or carried or "cites"',
        'relation = {"implements": "based_on", "based_on": "implements"}.get((m.lastgroup if m else None) or carried or "cites", (m.lastgroup if m else None) or carried or "cites")',
        ("tests/ingest/test_citations.py",),
    ),
]


def plant(work: Path, bug: Bug) -> None:
    path = work / bug.file
    code = path.read_text(encoding="utf-8")
    if bug.old not in code:
        raise SystemExit(f"{bug.name}: the line it changes is no longer in {bug.file}; rewrite the bug")
    path.write_text(code.replace(bug.old, bug.new), encoding="utf-8")


def failing_tests(work: Path, tests: tuple[str, ...]) -> list[str]:
    run = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "-rf", *tests],
        cwd=work, capture_output=True, text=True,
    )
    return sorted(set(re.findall(r"^FAILED (\S+)", run.stdout, re.M)))


def main(argv: list[str]) -> int:
    chosen = [b for b in BUGS if not argv or any(a in b.name for a in argv)]
    uncaught = 0
    for bug in chosen:
        with tempfile.TemporaryDirectory(prefix="dcskg-bug-") as tmp:
            work = Path(tmp)
            copy_project(work)
            plant(work, bug)
            failed = failing_tests(work, bug.tests)
        uncaught += not failed
        print(f"{'caught' if failed else 'NOT CAUGHT'}: {bug.name} — {len(failed)} failing test(s)")
        for t in failed:
            print(f"    {t}")
    return 1 if uncaught else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
