"""Grading suite: negative_sampling_dot — out[n] = target_W[n] · h[n] in EmbeddingDot.forward.

EmbeddingDot(W (V, H)); forward(h (N, H), idx (N,)) -> out (N,); the given backward(dout (N,))
returns dh (N, H) and fills grads[0] = dW (V, H). The suite checks

- S: out is a float64 (N,) array, N ≠ H so that sums over the wrong axis show;
- K: hand-computed scores and the reference's on random inputs with repeated ids;
- G: the given backward (after the student's forward) against central differences of
  L = Σ out ⊙ R through the student's forward, by h and by W, taken in the worker.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array, same_gradient


def inputs(seed, V, N, H):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((V, H)), rng.standard_normal((N, H))


def forward(m, W, h, idx):
    return m.EmbeddingDot(W).forward(h, idx)


def backward(m, W, h, idx, dout):
    layer = m.EmbeddingDot(W)
    layer.forward(h, idx)
    dh = layer.backward(dout)
    return dh, layer.grads[0]


@check("S", 2, ja="forward の戻り値は float64 の (N,)（N=4, H=3、ID の重複あり）",
       en="forward returns a float64 (N,) array (N=4, H=3, repeated ids)")
def test_shape(student):
    W, h = inputs(1, 6, 4, 3)
    out = expect_array(forward(student, W, h, np.array([0, 3, 5, 3])), "out", shape=(4,))
    assert_that(out.dtype == np.float64,
                {"ja": f"out: dtype は float64 のはずが {out.dtype} です",
                 "en": f"out: expected dtype float64, got {out.dtype}"}, got=out)


@check("K", 3, ja="forward のスコア: 手計算の値と参照解（N=5, H=3、ID の重複あり）",
       en="forward's scores: hand-computed values and the reference (N=5, H=3, repeated ids)")
def test_known_values(student, reference):
    W = np.array([[1.0, 0.0], [0.0, 1.0], [1.0, 1.0]])  # V = 3, H = 2
    h = np.array([[2.0, 3.0], [2.0, 3.0], [4.0, -1.0]])
    # rows of W picked: [1, 0], [1, 1], [1, 1] → dot products 2, 5, 3
    same_array(forward(student, W, h, np.array([0, 2, 2])), np.array([2.0, 5.0, 3.0]),
               "out for idx [0, 2, 2]")
    W, h = inputs(2, 4, 5, 3)
    idx = np.array([3, 1, 3, 0, 3])
    want = reference(forward, W, h, idx)
    same_array(forward(student, W, h, idx), want, "out for idx [3, 1, 3, 0, 3]")


def gradient_inputs():
    W, h = inputs(3, 5, 4, 3)
    idx = np.array([2, 4, 2, 2])  # id 2 three times
    R = np.random.default_rng(4).standard_normal(4)
    return W, h, idx, R


@check("G", 3, ja="与えられた backward の dh が、forward を通した数値勾配と一致（L = Σ out ⊙ R）",
       en="the given backward's dh matches the numeric gradient through forward "
          "(L = Σ out ⊙ R)")
def test_numeric_dh(student, harness):
    W, h, idx, R = gradient_inputs()
    expect_array(forward(student, W, h, idx), "out", shape=R.shape)  # its errors first
    dh, _ = backward(student, W, h, idx, R.copy())
    # idx goes as a list: numeric_gradient turns every array argument into float64
    numeric = harness("grader.harness.gradcheck.method_gradient", student.EmbeddingDot, [W],
                      "forward", [h, idx.tolist()], 0, [R])
    # the numeric gradient is what the student's forward does: it is the value compared
    same_gradient(numeric, expect_array(dh, "dh", shape=h.shape), "dh")


@check("G", 2, ja="与えられた backward の dW が、forward を通した数値勾配と一致（ID の重複あり）",
       en="the given backward's dW matches the numeric gradient through forward "
          "(repeated ids)")
def test_numeric_dW(student, harness):
    W, h, idx, R = gradient_inputs()
    expect_array(forward(student, W, h, idx), "out", shape=R.shape)
    _, dW = backward(student, W, h, idx, R.copy())
    numeric = harness("grader.harness.gradcheck.numeric_gradient", student.EmbeddingDot, [W], 0,
                      [R], then="forward", then_args=[h, idx])
    same_gradient(numeric, expect_array(dW, "dW", shape=W.shape), "dW")
