"""edrill: auto-graded numpy deep-learning exercises for the JDLA E資格 exam.

The package is the framework: the solution-file format (`grader.solution`), the stub
builder (`grader.build`), the isolated worker (`grader.worker`), the check library
(`grader.checks`) and pytest plugin (`grader.plugin`) the grading suites stand on, the
grading engine (`grader.engine`) and the two commands, `grade` (students) and `grader`
(instructors).
"""

__version__ = "0.1.0"


def load_ipython_extension(ipython) -> None:
    """`%load_ext grader`: the `%%grade ID` cell magic (grader.ipython)."""
    from grader.ipython import load_ipython_extension as load

    load(ipython)


def unload_ipython_extension(ipython) -> None:
    from grader.ipython import unload_ipython_extension as unload

    unload(ipython)
