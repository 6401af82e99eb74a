"""Grading suite: rnn_forward — h_next = tanh(h_prev Wh + x Wx + b), row form.

S: a float64 (N, H) array, the inputs and the weights left unchanged. K: hand-computed
values (pins which weight multiplies which input, the bias and tanh) and the reference's
values on random inputs with D != H and with D == H (so swapped or transposed weights
show as values, not only as shape errors).
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual


def make_inputs(seed, N=2, D=3, H=4):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    h_prev = rng.uniform(-0.9, 0.9, (N, H))
    Wx = 0.5 * rng.standard_normal((D, H))
    Wh = 0.5 * rng.standard_normal((H, H))
    b = 0.3 * rng.standard_normal(H)
    return x, h_prev, Wx, Wh, b


def forward(m, x, h_prev, Wx, Wh, b):
    return m.RNN(Wx, Wh, b).forward(x, h_prev)


@check("S", 3, ja="forward は float64 の (N, H) を返し、入力と重みを書き換えない",
       en="forward returns a float64 (N, H) array and leaves the inputs and weights unchanged")
def test_shape(student):
    args = make_inputs(0, N=5, D=3, H=2)
    before = [a.copy() for a in args]
    got = expect_array(forward(student, *args), "forward(x (5, 3), h_prev (5, 2))", shape=(5, 2))
    assert_that(got.dtype == np.float64,
                bilingual(ja="h_next: float64 を期待しましたが {dtype} でした",
                          en="h_next: expected float64, got {dtype}", dtype=str(got.dtype)),
                got=got)
    for name, a, b in zip(["x", "h_prev", "Wx", "Wh", "b"], args, before, strict=True):
        assert_that(np.array_equal(a, b),
                    bilingual(ja="forward が引数 {name} を書き換えました",
                              en="forward changed its argument {name}", name=name))


@check("K", 3, ja="既知の値: 重みごとに 1 つの入力だけが効く小さな例（tanh とバイアスを含む）",
       en="known values: a small case where each weight sees one input (tanh and the bias "
          "included)")
def test_known_values(student):
    x = np.array([[1.0, 2.0]])  # N = 1, D = 2
    h_prev = np.array([[0.5, -1.0, 0.0]])  # H = 3
    Wx = np.array([[1.0, 0.0, 0.0], [0.0, 0.0, 0.25]])  # x @ Wx = [1, 0, 0.5]
    Wh = np.array([[0.0, 2.0, 0.0], [0.0, 0.0, 0.0], [0.0, 0.0, 0.0]])  # h_prev @ Wh = [0, 1, 0]
    b = np.array([0.0, 0.0, 0.3])
    want = np.tanh(np.array([[1.0, 1.0, 0.8]]))
    same_array(forward(student, x, h_prev, Wx, Wh, b), want,
               "forward(x [[1, 2]], h_prev [[0.5, -1, 0]])")


@check("K", 4, ja="参照解と一致（D ≠ H と D = H、非対称な Wh）",
       en="agrees with the reference (D != H and D == H, a non-symmetric Wh)")
def test_against_reference(student, reference):
    for seed, N, D, H in [(1, 3, 4, 2), (2, 2, 3, 3)]:
        args = make_inputs(seed, N, D, H)
        want = reference(forward, *args)
        same_array(forward(student, *args), want, f"h_next (N={N}, D={D}, H={H})")
