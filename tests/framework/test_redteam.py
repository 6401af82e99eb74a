"""The red-team suite: adversarial submissions graded by `grader batch` (issue 4, item 5).

`tests/redteam/submissions/` holds one folder per attack of GRADING.md ("Attacks a grader
must survive"), plus `honest/` (the reference solutions) and `wrong/` (a wrong answer in
every blank); `tests/redteam/expectations.toml` says what each may score and what must
not happen. Two runs, each one `grader batch` subprocess under a wall limit:

- `--sandbox bwrap`, on the submissions folder itself: every guarantee — scores (honest
  full marks, wrong none, no attack above its allowance), a row for every targeted
  exercise (no attack stopped the others), no surviving process, no canary file outside
  the work dirs, the submissions folder unchanged, no table but the store's own in the
  gradebook, no connection to the host's listener, a parseable --json report. Skipped
  locally when `grader sandbox check` fails; never when CI=true.
- `--sandbox none`, on a copy without the `sandbox_only` attacks: only what the worker
  split alone guarantees — the scores, a row for every targeted exercise, and no attack
  process outliving its exercise (the fork-server's subreaper sweep).

Two cheap checks always run: the baselines are generated from the current solutions,
and the expectations cover exactly the folders present.

Environment: EDRILL_REDTEAM_WALL (seconds for one batch, default 300);
EDRILL_REDTEAM_GRADER (a command line to use instead of `grader`, e.g.
`env PYTHONPATH=/path/to/other/checkout grader`, to try another build). Run the suite alone
on a machine: another sandboxed run at the same time shows up as surviving processes.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import shutil
import socket
import sqlite3
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from tests.redteam.expectations import (
    CANARY_PREFIX,
    PROCESS_NAME,
    SUBMISSIONS,
    Attack,
    canary_paths,
    load_expectations,
)
from tests.redteam.generate import BASELINE, NBGRADER, expected_files

ROOT = Path(__file__).resolve().parents[2]
IN_CI = os.environ.get("CI", "").lower() == "true"
WALL = float(os.environ.get("EDRILL_REDTEAM_WALL", "300"))  # seconds for one whole batch
CALL_TIMEOUT = "3"
SUBMISSION_TIMEOUT = "60"
OUTPUT_CAP = 64 * 1024  # the most a stored `output` may hold (characters)
LISTEN_PORT = 47999  # network_exfiltration tries 127.0.0.1:47999 of the host
STORE_TABLES = {"runs", "results", "checks", "submissions", "overrides"}  # grader.batch.store
# Lines an attack prints only when it got through (its own work dir and tmpfs excluded).
ESCAPE_MARKERS = ("READ-ESCAPE", "PROC-ESCAPE", "WRITE-ESCAPE", "GRADEBOOK-ESCAPE",
                  "EXFIL-OK", "HARVESTED")


# --------------------------------------------------------------------------- helpers


def unavailable(reason: str) -> None:
    """Skip locally; in CI a missing tool is a failure."""
    if IN_CI:
        pytest.fail(f"CI=true: the red-team run cannot be skipped: {reason}")
    pytest.skip(reason)


def grader_command() -> list[str]:
    """`grader`, or EDRILL_REDTEAM_GRADER (a command line) to try another build."""
    if os.environ.get("EDRILL_REDTEAM_GRADER"):
        return os.environ["EDRILL_REDTEAM_GRADER"].split()
    exe = shutil.which("grader")
    return [exe] if exe else [sys.executable, "-m", "grader.cli.instructor"]


def env() -> dict[str, str]:
    return dict(os.environ, PYTHONPATH=str(ROOT))


def require_batch() -> None:
    probe = subprocess.run([*grader_command(), "batch", "--help"], capture_output=True,
                           text=True, env=env(), timeout=60)
    if probe.returncode != 0:
        unavailable(f"`grader batch` is not available: {probe.stderr.strip()[-300:]}")


def require_bwrap() -> None:
    require_batch()
    check = subprocess.run([*grader_command(), "sandbox", "check"], capture_output=True,
                           text=True, env=env(), timeout=120)
    if check.returncode != 0:
        unavailable("`grader sandbox check` failed: "
                    f"{(check.stdout + check.stderr).strip()[-600:]}")


def tree_digest(root: Path) -> str:
    """Every path, file content, mode and link target under `root`."""
    h = hashlib.sha256()
    for path in sorted(root.rglob("*")):
        rel = str(path.relative_to(root)).encode()
        if path.is_symlink():
            h.update(b"L" + rel + b"\0" + os.readlink(path).encode() + b"\0")
        elif path.is_file():
            h.update(b"F" + rel + b"\0" + oct(path.stat().st_mode).encode()
                     + hashlib.sha256(path.read_bytes()).digest())
        elif path.is_dir():
            h.update(b"D" + rel + b"\0")
    return h.hexdigest()


def processes() -> dict[int, tuple[int, str, str]]:
    """pid -> (uid, comm, cmd) of every live process (zombies left out: they run nothing)."""
    out = subprocess.run(["ps", "-eo", "uid=,pid=,stat=,comm=,args="], capture_output=True,
                         text=True, check=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split(None, 4)
        if len(parts) >= 4 and not parts[2].startswith("Z"):
            table[int(parts[1])] = (int(parts[0]), parts[3], parts[4] if len(parts) > 4 else "")
    return table


def copy_submissions(dest: Path, leave_out: set[str]) -> Path:
    """A copy of the submissions without `leave_out`; relative links keep their targets."""
    for student in sorted(p for p in SUBMISSIONS.iterdir() if p.is_dir()):
        if student.name in leave_out:
            continue
        (dest / student.name).mkdir(parents=True)
        for item in student.iterdir():
            target = dest / student.name / item.name
            if item.is_symlink():
                link = os.readlink(item)
                os.symlink(link if os.path.isabs(link) else os.path.normpath(student / link),
                           target)
            else:
                shutil.copy2(item, target)
    return dest


class Listener:
    """A TCP listener on the host's 127.0.0.1:47999 that counts connections."""

    def __init__(self) -> None:
        self.connections: list[bytes] = []
        self.sock: socket.socket | None = socket.socket()
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        try:
            self.sock.bind(("127.0.0.1", LISTEN_PORT))
        except OSError:
            self.sock.close()
            self.sock = None
            return
        self.sock.listen(16)
        self.sock.settimeout(0.2)
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)
        self.thread.start()

    def _run(self) -> None:
        while not self.stop.is_set():
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.settimeout(1)
                try:
                    self.connections.append(conn.recv(200))
                except OSError:
                    self.connections.append(b"")

    def close(self) -> None:
        if self.sock is not None:
            self.stop.set()
            self.thread.join()
            self.sock.close()


@dataclass
class BatchRun:
    """One `grader batch` run and what was seen around it."""

    mode: str
    submissions: Path
    cwd: Path
    db: Path
    expectations: dict[str, Attack]
    returncode: int | None = None
    seconds: float = 0.0
    stdout: str = ""
    stderr: str = ""
    results: dict[tuple[str, str], dict] = field(default_factory=dict)
    checks: dict[tuple[str, str], list[dict]] = field(default_factory=dict)
    tables: set[str] = field(default_factory=set)
    digest_before: str = ""
    digest_after: str = ""
    survivors: list[tuple[int, int, str, str]] = field(default_factory=list)
    canaries: list[Path] = field(default_factory=list)
    connections: list[bytes] = field(default_factory=list)
    listening: bool = False

    def honest(self, student: str = "honest") -> dict[str, int]:
        return {ex: (self.results.get((student, ex)) or {}).get("score", 0) for ex in BASELINE}


def run_batch(mode: str, submissions: Path, cwd: Path,
              expectations: dict[str, Attack]) -> BatchRun:
    db = cwd / "grades.sqlite"
    run = BatchRun(mode, submissions, cwd, db, expectations)
    run.digest_before = tree_digest(submissions)
    before = processes()
    listener = Listener()
    run.listening = listener.sock is not None
    argv = [*grader_command(), "batch", str(submissions), "--db", str(db), "--sandbox", mode,
            "--timeout", CALL_TIMEOUT, "--submission-timeout", SUBMISSION_TIMEOUT, "--json"]
    start = time.monotonic()
    proc = subprocess.Popen(argv, cwd=cwd, env=env(), stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        run.stdout, run.stderr = proc.communicate(timeout=WALL)
    except subprocess.TimeoutExpired:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(proc.pid, 9)
        run.stdout, run.stderr = proc.communicate()
    run.seconds = time.monotonic() - start
    run.returncode = proc.returncode
    time.sleep(max([a.settle for a in expectations.values()] + [1.0]))
    listener.close()
    run.connections = listener.connections
    run.digest_after = tree_digest(submissions)
    # An attack process names itself edrillcanary; under bwrap anything new running as
    # another uid (a slot's) is a survivor too. (Another sandboxed run on the same machine
    # at the same time would show up here: run the suite alone.)
    me = os.getuid()
    run.survivors = [(pid, uid, comm, cmd) for pid, (uid, comm, cmd) in processes().items()
                     if comm == PROCESS_NAME
                     or (mode != "none" and uid != me and pid not in before)]
    found = set(canary_paths(run=cwd, submissions=submissions))
    for place in (Path("/dev/shm"), Path("/var/tmp")):
        found.update(place.glob(CANARY_PREFIX + "*"))
    run.canaries = sorted(found)
    if db.exists():
        with contextlib.closing(sqlite3.connect(db)) as con:
            con.row_factory = sqlite3.Row
            run.tables = {r[0] for r in con.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table'")}
            for r in con.execute("SELECT * FROM results"):
                run.results[r["student"], r["exercise"]] = dict(r)
            for r in con.execute("SELECT * FROM checks"):
                run.checks.setdefault((r["student"], r["exercise"]), []).append(dict(r))
    return run


def describe(run: BatchRun) -> str:
    return (f"grader batch --sandbox {run.mode}: exit {run.returncode} after "
            f"{run.seconds:.1f} s\nstderr: {run.stderr[-1500:]}")


# --------------------------------------------------------------------------- cheap checks


def test_submissions_are_generated_from_the_current_solutions():
    stale = [str(p.relative_to(ROOT)) for p, text in expected_files().items()
             if not p.exists() or p.read_text(encoding="utf-8") != text]
    assert not stale, f"run `python -m tests.redteam.generate`: stale {stale}"


def test_no_attack_file_is_a_hand_made_copy_of_an_exercise():
    # every exercise module under submissions/ and nbgrader/ comes from generate.py (an
    # attack source plus the honest or wrong body), so none drifts from its solution
    generated = set(expected_files())
    made_by_hand = [str(p.relative_to(ROOT))
                    for root, pattern in ((SUBMISSIONS, "*/*.py"), (NBGRADER, "**/*.ipynb"))
                    for p in root.glob(pattern)
                    if not p.is_symlink() and p.name != "conftest.py" and p not in generated]
    assert not made_by_hand, f"not generated (move them to tests/redteam/attacks/): " \
                             f"{made_by_hand}"


def test_expectations_cover_every_submission_folder():
    expectations = load_expectations()
    folders = {p.name for p in SUBMISSIONS.iterdir() if p.is_dir()}
    assert folders == set(expectations), (folders ^ set(expectations))
    for name, attack in expectations.items():
        files = {p.stem for p in (SUBMISSIONS / name).iterdir()
                 if p.suffix == ".py" and p.stem in BASELINE}
        assert files == set(attack.targets), (name, files, attack.targets)
        for ex in attack.targets:
            if name not in ("honest", "wrong") and not (SUBMISSIONS / name / f"{ex}.py"
                                                        ).is_symlink():
                doc = (SUBMISSIONS / name / f"{ex}.py").read_text(encoding="utf-8")
                assert doc.startswith('"""Red-team attack'), f"{name}/{ex}.py: no docstring"


# --------------------------------------------------------------------------- bwrap run


@pytest.fixture(scope="module")
def bwrap_run(tmp_path_factory) -> BatchRun:
    require_bwrap()
    cwd = tmp_path_factory.mktemp("redteam-bwrap")
    return run_batch("bwrap", SUBMISSIONS, cwd, load_expectations())


@pytest.fixture(scope="module")
def none_run(tmp_path_factory) -> BatchRun:
    """Only the attacks the worker split alone must defeat, on a copy of the folder."""
    require_batch()
    expectations = {n: a for n, a in load_expectations().items() if not a.sandbox_only}
    cwd = tmp_path_factory.mktemp("redteam-none")
    leave_out = {n for n, a in load_expectations().items() if a.sandbox_only}
    submissions = copy_submissions(cwd / "submissions", leave_out)
    return run_batch("none", submissions, cwd, expectations)


def check_finished(run: BatchRun) -> None:
    """The batch ended by itself, in time, with 0 (it ran, whatever the students did)."""
    assert run.seconds < WALL, f"over the wall limit of {WALL:.0f} s\n{describe(run)}"
    assert run.returncode == 0, describe(run)
    check_stored(run)


def check_stored(run: BatchRun) -> None:
    assert run.db.exists(), f"no gradebook at {run.db}\n{describe(run)}"


def check_scores(run: BatchRun) -> None:
    """Honest full marks, wrong none, every attack within its allowance, and every targeted
    exercise of every student graded (a row, and not an internal error: an attack that
    broke its slot must not leave the next students ungraded)."""
    problems = []
    for ex in BASELINE:
        row = run.results.get(("honest", ex))
        if row is None or row["score"] != row["max_score"] or row["status"] != "passed":
            problems.append(f"honest/{ex}: {row and (row['status'], row['score'])} "
                            f"(full marks expected)")
        row = run.results.get(("wrong", ex))
        if row is None or row["score"] != 0:
            problems.append(f"wrong/{ex}: {row and (row['status'], row['score'])} (0 expected)")
    for (student, ex), row in sorted(run.results.items()):
        if (row["message"] or "").startswith("internal error"):
            problems.append(f"{student}/{ex}: not graded ({row['message'][:200]})")
    honest = run.honest()
    for name, attack in run.expectations.items():
        if name in ("honest", "wrong"):
            continue
        for ex in attack.targets:
            row = run.results.get((name, ex))
            if row is None:
                if name != "symlink_escape":  # refusing a linked file outright is fine
                    problems.append(f"{name}/{ex}: no row (an attack stopped its grading)")
                continue
            allowed = attack.allowed(ex, honest)
            if row["score"] > allowed:
                problems.append(f"{name}/{ex}: scored {row['score']} > allowed {allowed} "
                                f"({row['status']}: {(row['message'] or '')[:200]})")
            points = sum(c["points"] for c in run.checks.get((name, ex), []))
            if points != row["score"]:
                problems.append(f"{name}/{ex}: checks add up to {points}, result says "
                                f"{row['score']}")
    assert not problems, "\n".join(problems)


def check_no_survivors(run: BatchRun) -> None:
    assert not run.survivors, "processes outlived the batch:\n" + "\n".join(
        f"pid {pid} uid {uid} {comm}: {cmd[:200]}" for pid, uid, comm, cmd in run.survivors)


def test_bwrap_batch_finishes_within_its_limit(bwrap_run):
    check_finished(bwrap_run)


def test_bwrap_scores(bwrap_run):
    check_stored(bwrap_run)
    check_scores(bwrap_run)


def test_bwrap_nothing_outlives_its_sandbox(bwrap_run):
    check_no_survivors(bwrap_run)


def test_bwrap_nothing_written_outside_the_work_dirs(bwrap_run):
    assert not bwrap_run.canaries, f"canaries outside the work dirs: {bwrap_run.canaries}"
    assert bwrap_run.digest_before == bwrap_run.digest_after, "the submissions folder changed"
    assert bwrap_run.tables <= STORE_TABLES, f"foreign tables: {bwrap_run.tables - STORE_TABLES}"


def test_bwrap_no_escape_reported_and_outputs_capped(bwrap_run):
    problems = []
    for (student, ex), row in bwrap_run.results.items():
        output = row["output"] or ""
        if len(output) > OUTPUT_CAP:
            problems.append(f"{student}/{ex}: {len(output)} characters of output stored")
        hits = [m for m in ESCAPE_MARKERS if m in output]
        if hits:
            problems.append(f"{student}/{ex}: {hits} in its output")
    assert not problems, "\n".join(problems)


def test_bwrap_no_network(bwrap_run):
    if not bwrap_run.listening:
        pytest.skip(f"port {LISTEN_PORT} was busy: the listener could not run")
    assert not bwrap_run.connections, f"connections reached the host: {bwrap_run.connections}"


def test_bwrap_json_report_is_the_graders_own(bwrap_run):
    check_stored(bwrap_run)
    json.loads(bwrap_run.stdout)  # one document: no student wrote into the batch's stdout


# --------------------------------------------------------------------------- none run
# What the worker split alone guarantees (no OS sandbox): the scores, every row, and the
# fork-server's sweep of escaped processes. Nothing about files, network or secrecy.


def test_none_worker_split_only_finishes_within_its_limit(none_run):
    check_finished(none_run)


def test_none_worker_split_only_scores(none_run):
    check_stored(none_run)
    check_scores(none_run)


def test_none_worker_split_only_no_attack_process_survives(none_run):
    check_no_survivors(none_run)


# --------------------------------------------------------------------------- nbgrader run
# The same attacks through nbgrader's layout (submitted/<student>/<assignment>/<id>.ipynb):
# the module is taken from the notebook's code cells, so a notebook must not smuggle a
# test cell in, break discovery for the others, or get graded on its stored outputs.

HUGE_OUTPUT = {"conv_output_size": 20 << 20, "gradient_clipping": 40 << 20}  # bytes
NOTEBOOK_LIMIT = 32 << 20  # MAX_NOTEBOOK_BYTES of grader.batch.discover


def nbgrader_copy(dest: Path) -> Path:
    """A copy of nbgrader/submitted plus nb_huge_output: the honest notebooks with a stream
    output of HUGE_OUTPUT bytes (made here: files that size stay out of the repository)."""
    shutil.copytree(NBGRADER / "submitted", dest / "submitted")
    for ex, size in HUGE_OUTPUT.items():
        source = NBGRADER / "submitted" / "nb_honest" / "assignment1" / f"{ex}.ipynb"
        nb = json.loads(source.read_text(encoding="utf-8"))
        line = "4 passed in 0.01s: All tests passed!\n"
        nb["cells"][2]["outputs"] = [{"output_type": "stream", "name": "stdout",
                                      "text": [line * (size // len(line))]}]
        path = dest / "submitted" / "nb_huge_output" / "assignment1" / f"{ex}.ipynb"
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(json.dumps(nb), encoding="utf-8")
    return dest


@pytest.fixture(scope="module")
def nbgrader_run(tmp_path_factory) -> BatchRun:
    """The notebooks graded with the worker split only: none of them needs the OS sandbox."""
    require_batch()
    cwd = tmp_path_factory.mktemp("redteam-nbgrader")
    submissions = nbgrader_copy(cwd / "course")
    return run_batch("none", submissions, cwd, load_expectations(table="nbgrader"))


def test_nbgrader_batch_finishes_within_its_limit(nbgrader_run):
    check_finished(nbgrader_run)


def test_nbgrader_notebooks_earn_no_point_they_did_not_earn_honestly(nbgrader_run):
    check_stored(nbgrader_run)
    run, problems = nbgrader_run, []
    honest = run.honest("nb_honest")
    for name, attack in run.expectations.items():
        for ex in attack.targets:
            row = run.results.get((name, ex))
            if row is None:
                problems.append(f"{name}/{ex}: no row (a notebook stopped the grading)")
                continue
            allowed = attack.allowed(ex, honest)
            if row["score"] > allowed:
                problems.append(f"{name}/{ex}: scored {row['score']} > allowed {allowed} "
                                f"({row['status']}: {(row['message'] or '')[:200]})")
    for ex in ("conv_output_size", "gradient_clipping"):
        for student in ("nb_honest", "nb_huge_output"):
            row = run.results.get((student, ex)) or {}
            if student == "nb_huge_output" and HUGE_OUTPUT[ex] > NOTEBOOK_LIMIT:
                continue
            if row.get("status") != "passed" or row.get("score") != row.get("max_score"):
                problems.append(f"{student}/{ex}: {row.get('status')}, {row.get('score')} "
                                "(full marks expected)")
    assert not problems, "\n".join(problems)


def test_nbgrader_malformed_and_oversized_notebooks_are_refused_with_a_reason(nbgrader_run):
    check_stored(nbgrader_run)
    refused = [("nb_malformed", ex) for ex in ("conv_output_size", "gradient_clipping",
                                               "lstm_cell")]
    refused += [("nb_huge_output", ex) for ex, size in HUGE_OUTPUT.items()
                if size > NOTEBOOK_LIMIT]
    problems = []
    for key in refused:
        row = nbgrader_run.results.get(key) or {}
        if row.get("status") != "error" or row.get("score") or not row.get("message"):
            problems.append(f"{'/'.join(key)}: {row.get('status')}, {row.get('score')}, "
                            f"{(row.get('message') or '')[:200]!r} (an error with a reason "
                            "expected)")
    assert not problems, "\n".join(problems)


def test_nbgrader_test_cells_never_run_and_nothing_survives(nbgrader_run):
    assert not nbgrader_run.canaries, f"canaries: {nbgrader_run.canaries}"
    assert nbgrader_run.digest_before == nbgrader_run.digest_after, "the notebooks changed"
    check_no_survivors(nbgrader_run)
