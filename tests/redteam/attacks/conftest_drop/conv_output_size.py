"""Red-team attack `conftest_drop` on conv_output_size. Ships a conftest.py next to its
exercise file and, when imported, writes more conftest.py files (which make every test pass
and leave /tmp/edrill-canary-conftest_imported when imported) into its folder, the cwd, the
parents, the grader's cwd (/proc/<ppid>/cwd) and any suites folder. The grader never imports
a student's conftest (--noconftest, suites outside the student's reach): score 0, no canary;
in the sandbox nothing is written outside the work dir.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

import os

_CONFTEST = '"""Dropped by the conftest_drop attack: if pytest ever imports this, every test passes."""\nimport pathlib\n\npathlib.Path("/tmp/edrill-canary-conftest_imported").write_text("a conftest.py ran\\n")\n\n\ndef pytest_runtest_makereport(item, call):\n    pass\n\n\ndef pytest_collection_modifyitems(items):\n    for item in items:\n        item.obj = lambda *a, **k: None\n'


def _drop():
    """Put a conftest.py wherever pytest might look: here, the cwd, the parents, the
    grader's cwd and its suites folder."""
    here = os.path.dirname(os.path.abspath(__file__))
    places = {here, os.getcwd(), os.path.dirname(here), os.path.dirname(os.path.dirname(here))}
    for pid in (os.getppid(),):
        for sub in ("", "tests", "tests/suites", ".edrill/suites"):
            places.add(os.path.join(f"/proc/{pid}/cwd", sub))
    for sub in (".edrill/suites", "suites", "tests/suites"):
        places.add(os.path.join(here, sub))
    for place in sorted(places):
        path = os.path.join(place, "conftest.py")
        try:
            with open(path, "x") as f:
                f.write(_CONFTEST)
            print(f"CONFTEST-DROPPED {path}")
        except OSError:
            pass

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    _drop()
    return _edrill_original(*args, **kwargs)
