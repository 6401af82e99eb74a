"""Grading suite: numerical_gradient — central differences, x moved in place and restored.

The student's function takes a callable, which cannot cross the boundary: a trusted test
function chosen by name is made in the worker (grader.harness.functions.test_function, which
hands back only a handle) and passed to the student's function in a direct call; x goes as
plain data and comes back changed if the call left it changed. Expected values are the analytic
gradients of those test functions (central differences with h = 1e-4 are within 1e-7 of
them; forward differences are off by about 1e-4). Also checked: x is unchanged after the
call, and an f that ignores its argument and reads x itself (as the book's
f = lambda W: net.loss(x, t) does) gets the right gradient.
"""

import numpy as np

from grader.checks import check, same_array
from grader.harness.functions import _weights

TEST_FUNCTION = "grader.harness.functions.test_function"


def run(student, harness, name, x, closure=False):
    """The student's numerical_gradient of the named test function at x (x is changed in
    place if the call leaves it changed)."""
    return student.numerical_gradient(harness(TEST_FUNCTION, name, closure), x)


def point():
    return np.array([[0.5, -1.0, 2.0], [1.5, 0.25, -2.0]])  # (2, 3)


def cubic_gradient(x):
    return 3 * _weights(x) * x ** 2 + 2 * x


def softmax_all(x):
    e = np.exp(x - x.max())
    return e / e.sum()


@check("K", 4, ja="f(x) = Σ c_i x_i³ + Σ x_i² の (2, 3) の点での勾配が解析解 3c x² + 2x と一致",
       en="the gradient of f(x) = Σ c_i x_i³ + Σ x_i² at a (2, 3) point equals the analytic "
          "3c x² + 2x")
def test_cubic(student, harness):
    x = point()
    got = run(student, harness, "cubic", x.copy())
    same_array(got, cubic_gradient(x), "numerical_gradient(cubic, x (2, 3))",
               rtol=1e-6, atol=1e-6)


@check("K", 2, ja="f(x) = log Σ exp(x_i) の 1 次元の点 (4,) での勾配が softmax(x) と一致",
       en="the gradient of f(x) = log Σ exp(x_i) at a 1-D point (4,) equals softmax(x)")
def test_log_sum_exp(student, harness):
    x = np.array([1.0, -0.5, 2.0, 0.0])
    got = run(student, harness, "log_sum_exp", x.copy())
    same_array(got, softmax_all(x), "numerical_gradient(log_sum_exp, x (4,))",
               rtol=1e-6, atol=1e-7)


@check("K", 2, ja="呼び出し後の x が呼び出し前と同じ（x[idx] を元に戻す）",
       en="x after the call equals x before (x[idx] is put back)")
def test_input_unchanged(student, harness):
    x = point()
    after = x.copy()
    got = run(student, harness, "sum_of_squares", after)
    same_array(got, 2 * x, "numerical_gradient(sum_of_squares, x (2, 3))",
               rtol=1e-6, atol=1e-7)
    same_array(after, x, "x after numerical_gradient", rtol=1e-12, atol=1e-12)


@check("K", 2, ja="引数を見ずに x そのものを読む f（f = lambda W: net.loss(x, t) の形）でも"
                  "正しい勾配",
       en="the right gradient for an f that ignores its argument and reads x itself "
          "(like f = lambda W: net.loss(x, t))")
def test_f_reads_x_itself(student, harness):
    x = point()
    got = run(student, harness, "cubic", x.copy(), closure=True)
    same_array(got, cubic_gradient(x), "numerical_gradient(f reading x, x (2, 3))",
               rtol=1e-6, atol=1e-6)
