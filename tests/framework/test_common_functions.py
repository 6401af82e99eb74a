"""The course helpers students may use (`grader.common.functions`): correct where the
widely copied versions are not, checked against central differences in float64."""

from __future__ import annotations

import numpy as np
import pytest

from grader.common import functions as F
from grader.course import Course
from grader.harness.gradcheck import central_differences

RNG = np.random.default_rng(7)


def numeric(f, x: np.ndarray) -> np.ndarray:
    """∂f/∂x by central differences (f returns a scalar)."""
    return central_differences(lambda: float(f(x)), x)


@pytest.mark.parametrize("f, df", [(F.sigmoid, F.d_sigmoid), (F.relu, F.d_relu),
                                   (F.tanh, F.d_tanh), (F.step_function, F.d_step_function)])
def test_each_derivative_is_the_derivative_of_its_function(f, df):
    x = RNG.normal(size=(3, 4)) + 0.05  # away from the kinks of relu and step
    x[np.abs(x) < 1e-3] = 0.5
    want = numeric(lambda v: np.sum(f(v)), x)
    np.testing.assert_allclose(df(x), want, rtol=1e-5, atol=1e-8)


def test_values_the_course_fixes():
    assert F.sigmoid(0.0) == 0.5 and F.d_sigmoid(0.0) == 0.25
    assert F.d_relu(np.array([0.0]))[0] == 0.0  # the course: d_relu(0) == 0
    assert np.all(np.isfinite(F.sigmoid(np.array([-1000.0, 1000.0]))))


def test_softmax_rows_sum_to_one_and_stay_finite():
    x = np.array([[1000.0, 1001.0, 999.0], [0.0, 0.0, 0.0]])
    y = F.softmax(x)
    assert np.all(np.isfinite(y)) and np.allclose(y.sum(axis=1), 1.0)
    np.testing.assert_allclose(y[1], 1 / 3)
    np.testing.assert_allclose(F.softmax(x[0]), y[0])  # one example (K,)


def test_d_mean_squared_error_is_exact_for_many_outputs():
    """The copied version divides by N only: off by K when the output has K > 1 entries."""
    d, y = RNG.normal(size=(5, 3)), RNG.normal(size=(5, 3))
    want = numeric(lambda v: F.mean_squared_error(d, v), y)
    np.testing.assert_allclose(F.d_mean_squared_error(d, y), want, rtol=1e-5, atol=1e-8)
    assert F.mean_squared_error(np.array([1.0, 2.0]), np.array([1.0, 4.0])) == 1.0


def test_sum_squared_error_is_the_squared_norm():
    d, y = np.array([0.0, 0.0]), np.array([3.0, 4.0])
    assert F.sum_squared_error(d, y) == 12.5  # ½·25, not ½·5


def test_cross_entropy_takes_one_hot_or_indices():
    y = np.array([[0.1, 0.7, 0.2], [0.5, 0.25, 0.25]])
    by_index = F.cross_entropy_error(np.array([1, 0]), y)
    by_one_hot = F.cross_entropy_error(np.array([[0, 1, 0], [1, 0, 0]]), y)
    assert by_index == pytest.approx(-(np.log(0.7 + 1e-7) + np.log(0.5 + 1e-7)) / 2)
    assert by_one_hot == by_index
    assert F.cross_entropy_error(np.array([0, 1, 0]), y[0]) == pytest.approx(
        -np.log(0.7 + 1e-7))


def test_d_softmax_with_loss_is_the_gradient_of_softmax_with_loss():
    x, d = RNG.normal(size=(4, 3)), np.array([2, 0, 1, 1])

    def exact_loss(v: np.ndarray) -> float:  # without the 1e-7, as the lessons advise
        y = F.softmax(v)
        return float(-np.mean(np.log(y[np.arange(4), d])))

    np.testing.assert_allclose(F.d_softmax_with_loss(d, F.softmax(x)), numeric(exact_loss, x),
                               rtol=1e-5, atol=1e-8)
    one_hot = np.eye(3)[d]
    np.testing.assert_allclose(F.d_softmax_with_loss(one_hot, F.softmax(x)),
                               F.d_softmax_with_loss(d, F.softmax(x)))


def test_the_helpers_do_not_hand_over_an_answer_line(course: Course):
    """Students may read the helpers: like a stub, they quote no blank's answer line."""
    import inspect

    text = "".join(inspect.getsource(F).split())
    for ex in course.exercises():
        for blank in ex.blanks:
            for line in blank.answer.splitlines():
                if len(line.strip()) >= 8:
                    assert "".join(line.split()) not in text, (ex.id, line)
