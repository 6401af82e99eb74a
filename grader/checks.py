"""The check library: every check speaks with one voice.

A check says what it checked, the expected and the actual value with their shapes, and,
when the result matches a known wrong answer, the mistake by name. Results from the worker
are checked for type (exactly `numpy.ndarray`, a Python `int` where an int is due),
shape, dtype and finiteness before any numeric comparison, and comparisons never treat NaN
as equal.

In a suite::

    from grader.checks import check, same_array

    @check("K", 2, ja="既知の値", en="known values")
    def test_known_values(student, reference):
        got = student.gru(*inputs())
        same_array(got, reference.gru(*inputs()), "h_new")
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pytest

from grader.i18n import Text, join, tr
from grader.worker.protocol import SubclassArray, Unsupported

KINDS = {
    "S": ("shape and dtype", "形状と dtype"),
    "K": ("known values", "既知の値"),
    "G": ("numeric gradient", "数値勾配"),
    "C": ("convergence", "収束"),
    "P": ("property", "性質"),
}
CHECK_MARK = "edrill_check"
CONTROL_MARK = "edrill_control"


def check(kind: str, points: int, *, ja: str, en: str, timeout: float | None = None):
    """Mark a test as a graded check of `kind` (S, K, G, C, P) worth `points`."""
    if kind not in KINDS:
        raise ValueError(f"check kind must be one of {', '.join(KINDS)}, not {kind!r}")
    if not isinstance(points, int) or points < 0:
        raise ValueError("check points must be a whole number >= 0")
    return getattr(pytest.mark, CHECK_MARK)(kind=kind, points=points, title={"ja": ja, "en": en},
                                            timeout=timeout)


def control(*, ja: str, en: str, timeout: float | None = None):
    """Mark a test as a control run: it proves a check's design; `grader selftest` runs it."""
    return getattr(pytest.mark, CONTROL_MARK)(title={"ja": ja, "en": en}, timeout=timeout)


class CheckFailed(AssertionError):
    """A check that failed, with its parts kept apart for the report."""

    def __init__(self, message: Text, *, expected: str | None = None, got: str | None = None,
                 mistake: Text | None = None) -> None:
        self.message = message
        self.expected = expected
        self.got = got
        self.mistake = mistake
        super().__init__(message["en"])


@dataclass(frozen=True)
class Mistake:
    """A wrong value a suite knows, and what the mistake is."""

    value: Any
    why: Text


def mistake(value: Any, *, ja: str, en: str) -> Mistake:
    return Mistake(value, {"ja": ja, "en": en})


@dataclass
class CheckContext:
    """Set by the plugin for the check that is running: where comparisons are made."""

    nodeid: str
    known: dict[str, list[Mistake]] = field(default_factory=dict)  # site -> recorded mistakes
    record: dict[str, Any] | None = None  # site -> student value, when recording
    counts: dict[str, int] = field(default_factory=dict)

    def site(self, name: str) -> str:
        k = self.counts.get(name, 0)
        self.counts[name] = k + 1
        return f"{self.nodeid}::{name}#{k}"


current: ContextVar[CheckContext | None] = ContextVar("edrill_check_context", default=None)


# --------------------------------------------------------------------------- describing


def describe_type(value: Any) -> str:
    if isinstance(value, np.ndarray):
        return f"numpy.ndarray {value.dtype} shape {value.shape}"
    if isinstance(value, SubclassArray):
        return f"{value.type} (a subclass of numpy.ndarray)"
    if isinstance(value, np.generic):
        return f"numpy.{type(value).__name__}"
    if isinstance(value, Unsupported):
        return value.description
    if type(value).__name__ == "Remote":
        return f"an object of type {value._label}"
    return type(value).__name__


def summarize(value: Any, limit: int = 240) -> str:
    if isinstance(value, np.ndarray):
        with np.printoptions(precision=6, threshold=24, edgeitems=3, linewidth=100):
            body = np.array2string(value, separator=", ")
        body = body if len(body) <= limit else body[:limit] + " …"
        return f"{body}  (shape {value.shape}, {value.dtype})"
    text = repr(value)
    text = text if len(text) <= limit else text[:limit] + " …"
    return f"{text}  ({describe_type(value)})"


# --------------------------------------------------------------------------- mistakes


def _matches(got: Any, value: Any) -> bool:
    if isinstance(value, np.ndarray) or isinstance(got, np.ndarray):
        if not (isinstance(got, np.ndarray) and isinstance(value, np.ndarray)):
            return False
        if got.shape != value.shape:
            return False
        if got.dtype.kind not in "biuf" or value.dtype.kind not in "biuf":
            return False
        return bool(np.allclose(got, value, rtol=1e-6, atol=1e-9, equal_nan=False))
    if type(got) is not type(value):
        return False
    if isinstance(got, float):
        return bool(np.isclose(got, value, rtol=1e-9, atol=0))
    return got == value


def find_mistake(got: Any, name: str, mistakes: Iterable[Mistake] = ()) -> Text | None:
    """The known mistakes `got` matches: the suite's own, then recorded wrong answers.

    Several wrong answers can give the same value on one input; then all are named.
    """
    ctx = current.get()
    site = ctx.site(name) if ctx is not None else None
    if got is None:  # nothing was compared (a property that failed without a value)
        return None
    if ctx is not None and ctx.record is not None and site is not None:
        ctx.record[site] = got
    candidates = list(mistakes)
    if ctx is not None and site is not None:
        candidates += ctx.known.get(site, [])
    found: list[Text] = []
    for m in candidates:
        if m.why not in found and _matches(got, m.value):
            found.append(m.why)
    if not found:
        return None
    if len(found) == 1:
        return found[0]
    return join(*found[:3], sep=tr(" — or — "))


def fail(message: Text, *, got: Any = None, expected: Any = None, name: str = "",
         mistakes: Iterable[Mistake] = (), show: bool = True, why: Text | None = None) -> None:
    found = why or find_mistake(got, name, mistakes)
    raise CheckFailed(
        message,
        expected=summarize(expected) if show and expected is not None else None,
        got=summarize(got) if show else None,
        mistake=found,
    )


# --------------------------------------------------------------------------- type checks


def expect_array(got: Any, name: str, *, shape: tuple[int, ...] | None = None,
                 kind: str = "f", finite: bool = True,
                 mistakes: Iterable[Mistake] = ()) -> np.ndarray:
    """`got` must be exactly a numpy.ndarray of the dtype kind, shape, all finite.

    `kind`: "f" a float array, "i" an integer array, "b" a bool array, "n" any real
    number array, or a string of numpy dtype kind letters.
    """
    if isinstance(got, SubclassArray):
        fail(tr("{name}: returned {type}; return a plain numpy.ndarray", name=name,
                type=describe_type(got)), got=got.array, name=name, mistakes=mistakes)
    if not isinstance(got, np.ndarray):
        fail(tr("{name}: expected a numpy.ndarray, got {type}", name=name,
                type=describe_type(got)), got=got, name=name, mistakes=mistakes)
    if shape is not None and got.shape != tuple(shape):
        fail(tr("{name}: expected shape {want}, got shape {got}", name=name,
                want=tuple(shape), got=got.shape), got=got, name=name, mistakes=mistakes)
    kinds = {"f": "f", "i": "iu", "b": "b", "n": "biuf"}.get(kind, kind)
    if got.dtype.kind not in kinds:
        wanted = {"f": "a float array", "i": "an integer array", "b": "a bool array"}.get(
            kind, "a numeric array")
        fail(tr("{name}: expected {wanted}, got dtype {dtype}", name=name, wanted=wanted,
                dtype=str(got.dtype)), got=got, name=name, mistakes=mistakes)
    if finite and got.dtype.kind in "fc" and not np.all(np.isfinite(got)):
        bad = int(np.size(got) - np.count_nonzero(np.isfinite(got)))
        fail(tr("{name}: {bad} of {n} entries are NaN or infinite", name=name, bad=bad,
                n=got.size), got=got, name=name, mistakes=mistakes)
    return got


def expect_tuple(got: Any, name: str, length: int) -> tuple:
    if type(got) is not tuple or len(got) != length:
        what = f"a tuple of {len(got)}" if type(got) is tuple else describe_type(got)
        fail(tr("{name}: expected a tuple of {n} values, got {what}", name=name, n=length,
                what=what), got=got, name=name)
    return got


# --------------------------------------------------------------------------- comparisons


def same_array(got: Any, want: np.ndarray, name: str, *, rtol: float = 1e-6,
               atol: float = 1e-9, mistakes: Iterable[Mistake] = ()) -> np.ndarray:
    """`got` equals `want` (same shape, all finite, allclose without NaN tricks)."""
    want = np.asarray(want)
    mistakes = list(mistakes)
    got = expect_array(got, name, shape=want.shape,
                       kind="f" if want.dtype.kind == "f" else want.dtype.kind,
                       mistakes=mistakes)
    close = np.isclose(got, want, rtol=rtol, atol=atol, equal_nan=False)
    if not np.all(close):
        diff = np.abs(got.astype(np.float64) - want.astype(np.float64))
        at = np.unravel_index(int(np.argmax(np.where(close, -1, diff))), want.shape)
        fail(tr("{name}: {bad} of {n} values differ from the expected ones "
                "(largest difference {diff:.3g} at index {at})", name=name,
                bad=int(np.size(close) - np.count_nonzero(close)), n=close.size,
                diff=float(diff[at]) if diff.size else 0.0, at=tuple(int(i) for i in at)),
             got=got, expected=want, name=name, mistakes=mistakes)
    find_mistake(got, name)  # keeps the comparison sites counted alike on every run
    return got


def same_int(got: Any, want: int, name: str, mistakes: Iterable[Mistake] = ()) -> int:
    """`got` is a Python int (not a float, not a numpy integer) equal to `want`."""
    mistakes = list(mistakes)
    if type(got) is not int:
        hint = ""
        if isinstance(got, float):
            hint = tr(" (`/` gives a float; floor division `//` keeps an int)")
        elif isinstance(got, np.integer):
            hint = tr(" (convert with int(...))")
        fail(join(tr("{name}: expected a Python int, got {type}", name=name,
                     type=describe_type(got)), hint, sep=""), got=got, expected=want,
             name=name, mistakes=mistakes)
    if got != want:
        fail(tr("{name}: expected {want}, got {got}", name=name, want=want, got=got),
             got=got, expected=want, name=name, mistakes=mistakes)
    find_mistake(got, name)
    return got


def same_float(got: Any, want: float, name: str, *, rtol: float = 1e-7, atol: float = 1e-12,
               mistakes: Iterable[Mistake] = ()) -> float:
    """`got` is a real number (Python or numpy float) close to `want`, and finite."""
    mistakes = list(mistakes)
    if type(got) not in (float, int) and not isinstance(got, np.floating | np.integer):
        fail(tr("{name}: expected a number, got {type}", name=name, type=describe_type(got)),
             got=got, expected=want, name=name, mistakes=mistakes)
    value = float(got)
    if not np.isfinite(value) or not np.isclose(value, want, rtol=rtol, atol=atol):
        fail(tr("{name}: expected {want:.6g}, got {got:.6g}", name=name, want=want,
                got=value), got=got, expected=want, name=name, mistakes=mistakes)
    find_mistake(got, name)
    return value


def expect_raises(exception: str, call: Callable[[], Any], name: str) -> None:
    """`call()` must raise the named exception type (the student's code raising it)."""
    from grader.worker.session import StudentError

    try:
        got = call()
    except StudentError as err:
        if err.type == exception or err.unfilled_blank is not None:
            if err.unfilled_blank is not None:
                raise
            return
        raise CheckFailed(tr("{name}: expected {exc}, but your code raised {got}",
                             name=name, exc=exception, got=err.describe())) from None
    fail(tr("{name}: expected {exc} to be raised, but a value was returned", name=name,
            exc=exception), got=got, name=name)


# --------------------------------------------------------------------------- gradients


def numeric_gradient(f: Callable[[np.ndarray], float], x: np.ndarray,
                     h: float = 1e-5) -> np.ndarray:
    """Central differences of a scalar function, in float64; `x` is restored entry by entry."""
    from grader.harness.gradcheck import central_differences

    if x.dtype != np.float64:
        raise TypeError("numeric gradients are taken in float64")
    return central_differences(lambda: f(x), x, h)


def same_gradient(analytic: Any, numeric: np.ndarray, name: str,
                  mistakes: Iterable[Mistake] = ()) -> np.ndarray:
    """An analytic gradient against central differences: allclose(rtol=1e-5, atol=1e-8)."""
    got = expect_array(analytic, name, shape=numeric.shape, mistakes=mistakes)
    close = np.isclose(got, numeric, rtol=1e-5, atol=1e-8, equal_nan=False)
    if not np.all(close):
        diff = np.abs(got - numeric)
        at = np.unravel_index(int(np.argmax(np.where(close, -1, diff))), numeric.shape)
        fail(tr("{name}: the gradient disagrees with the numeric gradient (central "
                "differences) at {bad} of {n} entries (largest difference {diff:.3g} at "
                "index {at})", name=name, bad=int(close.size - np.count_nonzero(close)),
                n=close.size, diff=float(diff[at]), at=tuple(int(i) for i in at)),
             got=got, expected=numeric, name=name, mistakes=mistakes)
    find_mistake(got, name)  # keeps the comparison sites counted alike on every run
    return got


def assert_that(condition: bool, message: Text, *, got: Any = None,
                expected: Any = None, name: str = "", mistakes: Iterable[Mistake] = ()) -> None:
    """A property check: `condition` must hold; say what failed."""
    if not condition:
        fail(message, got=got, expected=expected, name=name, mistakes=mistakes,
             show=got is not None or expected is not None)
