"""Grading suite: scaled_dot_product_attention — softmax(Q Kᵀ / √d_k) V with an optional mask.

Shapes are all different (N=2, T_q=3, T_k=5, d_k=4, d_v=6) so a wrong axis or a wrong
transpose shows. S: out (N, T_q, d_v) and the weights (N, T_q, T_k), inputs unchanged.
K: a hand-computed case whose weights are [3/4, 1/4] only with the √d_k scaling (no scaling
gives [9/10, 1/10], dividing by d_k another value) and a masked query; the reference on
random inputs with no mask, a (T_q, T_k) mask and an (N, T_q, T_k) mask. P: the weights of
each query are ≥ 0, sum to 1 over the keys and are 0 on masked keys; permuting keys and
values together leaves the output unchanged; each output lies between the smallest and the
largest visible value. G: dQ, dK, dV of the given backward against central differences of
the student's forward, taken in the worker.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array, same_gradient
from grader.i18n import bilingual

N, T_Q, T_K, D_K, D_V = 2, 3, 5, 4, 6


def inputs(seed, n=N, t_q=T_Q, t_k=T_K, d_k=D_K, d_v=D_V):
    rng = np.random.default_rng(seed)
    return (rng.standard_normal((n, t_q, d_k)), rng.standard_normal((n, t_k, d_k)),
            rng.standard_normal((n, t_k, d_v)))


def band_mask(t_q=T_Q, t_k=T_K):
    """(T_q, T_k), True (forbidden) where key j > query i + 2: every row keeps keys 0..2."""
    return np.arange(t_k)[None, :] > np.arange(t_q)[:, None] + 2


def batch_mask(seed):
    """(N, T_q, T_k) random mask; key 0 always stays visible."""
    mask = np.random.default_rng(seed).random((N, T_Q, T_K)) < 0.5
    mask[:, :, 0] = False
    return mask


def run(m, Q, K, V, mask=None):
    layer = m.ScaledDotProductAttention()
    out = layer.forward(Q, K, V, mask)
    return out, layer.weights


def outputs(student, Q, K, V, mask=None):
    """The student's (out, weights), checked for type and shape."""
    n, t_q, _ = Q.shape
    t_k, d_v = V.shape[1:]
    out, weights = run(student, Q, K, V, mask)
    expect_array(out, f"out (N={n}, T_q={t_q}, T_k={t_k}, d_v={d_v})", shape=(n, t_q, d_v))
    expect_array(weights, f"weights (N={n}, T_q={t_q}, T_k={t_k})", shape=(n, t_q, t_k))
    return out, weights


@check("S", 2, ja="out は (N, T_q, d_v)、weights は (N, T_q, T_k) の float64、入力は書き換えない "
       "(N=2, T_q=3, T_k=5, d_k=4, d_v=6)",
       en="out is (N, T_q, d_v) and weights (N, T_q, T_k), float64, inputs unchanged "
       "(N=2, T_q=3, T_k=5, d_k=4, d_v=6)")
def test_shapes(student):
    args = inputs(1)
    copies = [a.copy() for a in args]
    for value in outputs(student, *args):
        assert_that(value.dtype == np.float64,
                    bilingual(ja=f"dtype は float64 のはずが {value.dtype} です",
                              en=f"expected dtype float64, got {value.dtype}"), got=value)
    for name, before, after in zip("QKV", copies, args, strict=True):
        assert_that(np.array_equal(before, after),
                    bilingual(ja=f"forward が引数 {name} をその場で書き換えています",
                              en=f"forward changed its argument {name} in place"),
                    got=after, expected=before)


@check("K", 2, ja="手計算の値: d_k=4 で q·k = 2 log 3 のとき重みは [3/4, 1/4]（√d_k で割る）、"
       "マスクしたキーの重みは 0",
       en="hand-computed values: with d_k=4 and q·k = 2 log 3 the weights are [3/4, 1/4] "
       "(divided by √d_k); a masked key gets weight 0")
def test_known_values(student):
    # one batch, T_q = 2 queries, T_k = 2 keys, d_k = 4, d_v = 3
    Q = np.array([[[2 * np.log(3.0), 0, 0, 0], [1.0, -2, 0.5, 3]]])
    K = np.array([[[1.0, 0, 0, 0], [0, 0, 0, 0]]])
    V = np.array([[[4.0, 0, 8], [0, 4, -4]]])
    mask = np.array([[False, False], [True, False]])  # query 1 must not see key 0
    out, weights = outputs(student, Q, K, V, mask)
    same_array(weights, np.array([[[0.75, 0.25], [0.0, 1.0]]]),
               "weights for q0·k0 = 2 log 3, q0·k1 = 0 (d_k = 4), key 0 masked for query 1")
    same_array(out, np.array([[[3.0, 1.0, 5.0], [0.0, 4.0, -4.0]]]),
               "out = the weighted values [[3, 1, 5], [0, 4, -4]]")


@check("K", 2, ja="ランダムな入力で参照解と一致（マスクなし、(T_q, T_k) のマスク、"
       "(N, T_q, T_k) のマスク）",
       en="agrees with the reference on random inputs (no mask, a (T_q, T_k) mask, an "
       "(N, T_q, T_k) mask)")
def test_against_reference(student, reference):
    for seed, mask, label in [(2, None, "no mask"), (3, band_mask(), "mask (T_q, T_k)"),
                              (4, batch_mask(5), "mask (N, T_q, T_k)")]:
        Q, K, V = inputs(seed)
        out_want, w_want = reference(run, Q, K, V, mask)
        out, weights = outputs(student, Q, K, V, mask)
        same_array(weights, w_want, f"weights ({label})")
        same_array(out, out_want, f"out ({label})")


@check("P", 2, ja="性質: 重みは非負でキーについて和が 1、マスクしたキーで 0。キーと値を同じ順に"
       "並べ替えても出力は同じ。出力は見えている値の最小と最大の間",
       en="properties: weights ≥ 0, summing to 1 over the keys, 0 on masked keys; permuting "
       "keys and values together keeps the output; each output lies between the smallest "
       "and largest visible value")
def test_properties(student):
    Q, K, V = inputs(6)
    mask = band_mask()
    out, weights = outputs(student, Q, K, V, mask)
    assert_that(bool(np.all(weights >= 0)),
                bilingual(ja="負の重みがあります", en="some weights are negative"), got=weights)
    assert_that(bool(np.allclose(weights.sum(axis=-1), 1.0)),
                bilingual(ja="各クエリの重みのキーについての和 (最後の軸) が 1 ではありません",
                          en="the weights of a query do not sum to 1 over the keys (last axis)"),
                got=weights.sum(axis=-1))
    assert_that(bool(np.all(weights[:, mask] == 0)),
                bilingual(ja="マスクしたキーの重みが 0 ではありません",
                          en="a masked key has a nonzero weight"), got=weights)
    perm = np.array([3, 0, 4, 1, 2])
    out_perm, _ = outputs(student, Q, K[:, perm], V[:, perm], mask[:, perm])
    assert_that(bool(np.allclose(out_perm, out)),
                bilingual(ja="キー・値・マスクを同じ順に並べ替えると出力が変わります",
                          en="permuting keys, values and mask together changes the output"),
                got=out_perm, expected=out)
    visible = ~mask[None, :, :, None]  # (1, T_q, T_k, 1)
    lo = np.where(visible, V[:, None], np.inf).min(axis=2)  # (N, T_q, d_v)
    hi = np.where(visible, V[:, None], -np.inf).max(axis=2)
    assert_that(bool(np.all((out >= lo - 1e-12) & (out <= hi + 1e-12))),
                bilingual(ja="出力が見えている値の重み付き平均（最小と最大の間）になっていません",
                          en="an output is not a weighted average of the visible values "
                             "(outside their min and max)"), got=out)


@check("G", 2, ja="与えられた backward の dQ, dK, dV が forward の数値勾配（中心差分）と一致"
       "（マスクあり）",
       en="dQ, dK, dV of the given backward match numeric gradients (central differences) "
       "of forward (with a mask)")
def test_numeric_gradient(student, harness):
    Q, K, V = inputs(7)
    mask = band_mask()
    dout = np.random.default_rng(8).standard_normal((N, T_Q, D_V))
    outputs(student, Q, K, V, mask)
    layer = student.ScaledDotProductAttention()
    layer.forward(Q, K, V, mask)
    grads = layer.backward(dout)
    for index, name in enumerate(("dQ", "dK", "dV")):
        numeric = harness("grader.harness.gradcheck.method_gradient",
                          student.ScaledDotProductAttention, [], "forward", [Q, K, V, mask],
                          index, [dout])
        same_gradient(grads[index], numeric, name)
