"""The red-team suite's expectations (`expectations.toml`), read into plain objects.

Shared by `tests/framework/test_redteam.py` (which grades the suite with `grader batch`)
and `tests/redteam/run_single.py` (which tries each file through `grade`). Paths in
`must_not_exist` are templates: `{tmp}` the host's /tmp, `{run}` the folder the batch runs
in (its cwd, where the gradebook lives), `{submissions}` the submissions folder.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
EXPECTATIONS = HERE / "expectations.toml"
SUBMISSIONS = HERE / "submissions"
CANARY_PREFIX = "edrill-canary-"
PROCESS_NAME = "edrillcanary"  # what long-lived attack processes call themselves (comm)


@dataclass(frozen=True)
class Attack:
    name: str
    targets: tuple[str, ...]
    max_score: dict[str, int | str]  # exercise -> the most it may score (an int or "honest")
    sandbox_only: bool  # only the OS sandbox stops it: left out of the --sandbox none run
    why: str
    must_not_exist: tuple[str, ...] = ()
    settle: float = 0.0  # seconds to wait after grading before looking for survivors

    def allowed(self, exercise: str, honest: dict[str, int] | None = None) -> int | str:
        value = self.max_score.get(exercise, self.max_score.get("*", 0))
        if value == "honest" and honest is not None:
            return honest[exercise]
        return value


def load_expectations(path: Path = EXPECTATIONS, table: str = "student") -> dict[str, Attack]:
    """The students of `table`: "student" (submissions/) or "nbgrader" (nbgrader/submitted/)."""
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    out = {}
    for name, spec in data[table].items():
        max_score = spec.get("max_score", 0)
        if not isinstance(max_score, dict):
            max_score = {"*": max_score}
        out[name] = Attack(name=name, targets=tuple(spec["targets"]), max_score=max_score,
                           sandbox_only=bool(spec.get("sandbox_only", False)),
                           why=spec.get("why", ""),
                           must_not_exist=tuple(spec.get("must_not_exist", ())),
                           settle=float(spec.get("settle", 0.0)))
    return out


def canary_paths(tmp: Path = Path("/tmp"), run: Path | None = None,
                 submissions: Path = SUBMISSIONS) -> list[Path]:
    """Every canary the attacks may leave outside their work dir, expanded to real paths."""
    found: set[Path] = set(tmp.glob(CANARY_PREFIX + "*"))
    shipped = submissions / "conftest_drop" / "conftest.py"  # part of the submission
    roots = [submissions] + ([run] if run is not None else [])
    for root in roots:
        found.update(root.rglob(CANARY_PREFIX + "*"))
        found.update(p for p in root.rglob("conftest.py") if p != shipped)
    for attack in [*load_expectations().values(), *load_expectations(table="nbgrader").values()]:
        for template in attack.must_not_exist:
            path = Path(template.format(tmp=tmp, run=run or tmp, submissions=submissions))
            if path.exists() or path.is_symlink():
                found.add(path)
    return sorted(found)
