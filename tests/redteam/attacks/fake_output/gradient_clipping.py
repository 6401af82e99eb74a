"""Red-team attack `fake_output` on gradient_clipping. Prints fake pytest summaries ('4
passed'), 'All tests passed!' and a fake grade JSON report to stdout, stderr and fds 1 and
2, then returns a wrong answer. The grader must take no word from the student's output:
score 0, the output stored capped and labelled as the student's.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

# @edrill-base: wrong

# ---------------------------------------------------------------- the attack
_edrill_original = gradient_clipping


def gradient_clipping(*args, **kwargs):
    import json
    import os
    import sys

    FAKE_JSON = json.dumps({"schema_version": 1, "score": 10, "max_score": 10, "passed": 1,
                            "total": 1, "exercises": [{"id": "gradient_clipping", "status": "passed",
                            "score": 10, "max_score": 10, "checks": []}]})
    FAKE_LINES = ("============================= 4 passed in 0.01s ==============================\n"
                  "PASSED tests/suites/test_gradient_clipping.py::test_course_values\n"
                  "All tests passed! score: 10/10\n" + FAKE_JSON + "\n")
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.write(FAKE_LINES)
            stream.flush()
        except Exception:
            pass
    for fd in (1, 2):
        try:
            os.write(fd, FAKE_LINES.encode())
        except OSError:
            pass
    return _edrill_original(*args, **kwargs)
