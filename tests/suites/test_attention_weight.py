"""Grading suite: attention_weight — s = Σ_k hs[:, :, k] h[:, k] (N, T), a = softmax over T.

Shape (N, T) as float for two sizes (one with N == T, where a wrong broadcast of h still
runs); hand-computed weights (h = 0 gives 1/T; a case with weights 3/4 and 1/4); weights
against the reference; and dhs, dh of the given backward against numeric gradients of the
student's forward, taken in the worker.
"""

import numpy as np

from grader.checks import check, expect_array, same_array, same_gradient


def inputs(seed, N=2, T=4, H=3):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((N, T, H)), rng.standard_normal((N, H))


def forward(m, hs, h):
    return m.AttentionWeight().forward(hs, h)


@check("S", 2, ja="forward の形: (N, T) の浮動小数点の配列（N ≠ T と N = T）",
       en="forward's shape: a float array (N, T) (N != T and N == T)")
def test_shape(student):
    for N, T, H in [(2, 5, 3), (3, 3, 4)]:
        hs, h = inputs(1, N, T, H)
        expect_array(forward(student, hs, h), f"a (N={N}, T={T}, H={H})", shape=(N, T),
                     kind="f")


@check("K", 2, ja="既知の値: h = 0 なら重みは 1/T、s = [log 3, 0] なら [3/4, 1/4]",
       en="known values: h = 0 gives weights 1/T, s = [log 3, 0] gives [3/4, 1/4]")
def test_known_values(student):
    hs, _ = inputs(2, 2, 4, 3)
    same_array(forward(student, hs, np.zeros((2, 3))), np.full((2, 4), 0.25),
               "a for h = 0 (T = 4)")
    hs = np.array([[[1.0, 0.0], [0.0, 1.0]], [[2.0, 1.0], [2.0, 1.0]]])  # (2, 2, 2)
    h = np.array([[np.log(3.0), 0.0], [0.5, -1.0]])  # (2, 2)
    same_array(forward(student, hs, h), np.array([[0.75, 0.25], [0.5, 0.5]]),
               "a for hs [[[1, 0], [0, 1]], [[2, 1], [2, 1]]], h [[log 3, 0], [0.5, -1]]")


@check("K", 3, ja="固定した入力で重みが参照解と一致（N = T の場合を含む）",
       en="the weights equal the reference on fixed inputs (including N == T)")
def test_against_reference(student, reference):
    for seed, N, T, H in [(3, 2, 4, 3), (4, 3, 3, 5)]:
        hs, h = inputs(seed, N, T, H)
        want = reference(forward, hs, h)
        same_array(forward(student, hs, h), want, f"a (N={N}, T={T}, H={H})")


def analytic(m, hs, h, da):
    layer = m.AttentionWeight()
    layer.forward(hs, h)
    return layer.backward(da)


@check("G", 3, ja="与えられた backward の dhs, dh が forward の数値勾配と一致",
       en="dhs and dh of the given backward match numeric gradients of forward")
def test_numeric_gradient(student, harness):
    hs, h = inputs(5, 2, 4, 3)
    da = np.random.default_rng(6).standard_normal((2, 4))
    expect_array(forward(student, hs, h), "a", shape=(2, 4), kind="f")
    dhs, dh = analytic(student, hs, h, da)
    for index, got, name in [(0, dhs, "dhs"), (1, dh, "dh")]:
        numeric = harness("grader.harness.gradcheck.method_gradient", student.AttentionWeight,
                          [], "forward", [hs, h], index, [da])
        same_gradient(got, numeric, name)
