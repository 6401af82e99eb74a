"""Grading suite: attention_weight_sum — c[n] = Σ_t a[n, t] hs[n, t], (N, H).

Shape (N, H) as float for two sizes (one with T == H, where a wrong broadcast of a still
runs); hand-computed context vectors (one-hot weights pick one step; uniform weights give
the mean); the context against the reference; and dhs, da of the given backward against
numeric gradients of the student's forward, taken in the worker.
"""

import numpy as np

from grader.checks import check, expect_array, same_array, same_gradient


def inputs(seed, N=2, T=4, H=3):
    rng = np.random.default_rng(seed)
    hs = rng.standard_normal((N, T, H))
    s = rng.standard_normal((N, T))
    a = np.exp(s) / np.exp(s).sum(axis=1, keepdims=True)  # rows sum to 1
    return hs, a


def forward(m, hs, a):
    return m.WeightSum().forward(hs, a)


@check("S", 2, ja="forward の形: (N, H) の浮動小数点の配列（T ≠ H と T = H）",
       en="forward's shape: a float array (N, H) (T != H and T == H)")
def test_shape(student):
    for N, T, H in [(2, 5, 3), (3, 4, 4)]:
        hs, a = inputs(1, N, T, H)
        expect_array(forward(student, hs, a), f"c (N={N}, T={T}, H={H})", shape=(N, H),
                     kind="f")


@check("K", 2, ja="既知の値: one-hot の重みは 1 つの時刻を取り出し、一様な重みは平均になる",
       en="known values: one-hot weights pick one step, uniform weights give the mean")
def test_known_values(student):
    hs = np.arange(24.0).reshape(2, 4, 3)  # hs[n, t] = [12n + 3t, 12n + 3t + 1, 12n + 3t + 2]
    a = np.array([[0.0, 0.0, 1.0, 0.0], [1.0, 0.0, 0.0, 0.0]])
    same_array(forward(student, hs, a), np.array([[6.0, 7, 8], [12, 13, 14]]),
               "c for hs = arange(24).reshape(2, 4, 3), a [[0, 0, 1, 0], [1, 0, 0, 0]]")
    same_array(forward(student, hs, np.full((2, 4), 0.25)),
               np.array([[4.5, 5.5, 6.5], [16.5, 17.5, 18.5]]),
               "c for hs = arange(24).reshape(2, 4, 3), a = 1/4 everywhere")


@check("K", 3, ja="固定した入力で c が参照解と一致（T = H の場合を含む）",
       en="c equals the reference on fixed inputs (including T == H)")
def test_against_reference(student, reference):
    for seed, N, T, H in [(3, 2, 5, 3), (4, 3, 4, 4)]:
        hs, a = inputs(seed, N, T, H)
        want = reference(forward, hs, a)
        same_array(forward(student, hs, a), want, f"c (N={N}, T={T}, H={H})")


def analytic(m, hs, a, dc):
    layer = m.WeightSum()
    layer.forward(hs, a)
    return layer.backward(dc)


@check("G", 3, ja="与えられた backward の dhs, da が forward の数値勾配と一致",
       en="dhs and da of the given backward match numeric gradients of forward")
def test_numeric_gradient(student, harness):
    hs, a = inputs(5, 2, 4, 3)
    dc = np.random.default_rng(6).standard_normal((2, 3))
    expect_array(forward(student, hs, a), "c", shape=(2, 3), kind="f")
    dhs, da = analytic(student, hs, a, dc)
    for index, got, name in [(0, dhs, "dhs"), (1, da, "da")]:
        numeric = harness("grader.harness.gradcheck.method_gradient", student.WeightSum,
                          [], "forward", [hs, a], index, [dc])
        same_gradient(got, numeric, name)
