"""Grading suite: cbow — h = ½ (h0 + h1) in SimpleCBOW.forward and ½ in its backward.

SimpleCBOW(W_in (V, H), W_out (H, V)); forward(contexts (N, 2, V) one-hot) -> score (N, V);
backward(dscore (N, V)) fills grads = [dW_in (V, H), dW_out (H, V)]. The suite checks

- K: hand-computed scores (W_in = [[1, 2], [3, 4], [5, 6]]) and the reference's scores
  with a word that appears in both context positions;
- K: dW_in and dW_out against the reference (a word shared by two samples and by both
  positions of one sample);
- G: dW_in and dW_out against central differences of L = Σ score ⊙ R through forward,
  taken in the worker.
"""

import numpy as np

from grader.checks import check, expect_tuple, same_array, same_gradient


def contexts_of(V, pairs):
    """One-hot contexts (N, 2, V) for a list of (left, right) word ids."""
    return np.eye(V)[np.array(pairs)]


def weights(seed, V, H):
    rng = np.random.default_rng(seed)
    return rng.standard_normal((V, H)), rng.standard_normal((H, V))


def forward(m, W_in, W_out, contexts):
    return m.SimpleCBOW(W_in, W_out).forward(contexts)


def grads_of(m, W_in, W_out, contexts, dscore):
    model = m.SimpleCBOW(W_in, W_out)
    model.forward(contexts)
    model.backward(dscore)
    return tuple(model.grads)


@check("K", 3, ja="forward のスコア: 手計算の値と参照解（同じ単語が左右の文脈に現れる場合を含む）",
       en="forward's scores: hand-computed values and the reference (including the same word "
          "on both sides of the context)")
def test_forward(student, reference):
    W_in = np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]])  # V = 3, H = 2
    W_out = np.array([[1.0, 0.0, -1.0], [0.0, 1.0, 2.0]])
    # contexts (0, 2): h = [3, 4] → score [3, 4, 5]; (1, 0): h = [2, 3] → [2, 3, 4]
    same_array(forward(student, W_in, W_out, contexts_of(3, [(0, 2), (1, 0)])),
               np.array([[3.0, 4.0, 5.0], [2.0, 3.0, 4.0]]),
               "score for contexts (0, 2) and (1, 0)")
    W_in, W_out = weights(1, 5, 3)
    contexts = contexts_of(5, [(4, 4), (0, 3), (2, 4)])
    want = reference(forward, W_in, W_out, contexts)
    same_array(forward(student, W_in, W_out, contexts), want,
               "score for contexts (4, 4), (0, 3), (2, 4)")


@check("K", 2, ja="backward の dW_in, dW_out が参照解と一致（単語の重複あり）",
       en="backward's dW_in and dW_out agree with the reference (repeated words)")
def test_backward_values(student, reference):
    W_in, W_out = weights(2, 4, 3)
    contexts = contexts_of(4, [(1, 1), (0, 1), (3, 2)])
    dscore = np.random.default_rng(3).standard_normal((3, 4))
    want = reference(grads_of, W_in, W_out, contexts, dscore)
    got = expect_tuple(grads_of(student, W_in, W_out, contexts, dscore), "grads", 2)
    same_array(got[1], want[1], "dW_out")
    same_array(got[0], want[0], "dW_in")


def numeric_check(student, harness, k, name):
    W_in, W_out = weights(4, 5, 3)
    contexts = contexts_of(5, [(0, 3), (3, 3), (4, 1)])  # word 3 three times, word 2 never
    R = np.random.default_rng(5).standard_normal((3, 5))
    got = expect_tuple(grads_of(student, W_in, W_out, contexts, R.copy()), "grads", 2)
    # central differences of L = Σ SimpleCBOW(W_in, W_out).forward(contexts) ⊙ R
    numeric = harness("grader.harness.gradcheck.numeric_gradient", student.SimpleCBOW,
                      [W_in, W_out], k, [R], then="forward", then_args=[contexts])
    same_gradient(got[k], numeric, name)


@check("G", 3, ja="dW_in が数値勾配と一致（L = Σ score ⊙ R、同じ単語が左右に現れる場合を含む）",
       en="dW_in matches the numeric gradient (L = Σ score ⊙ R, including the same word on "
          "both sides)")
def test_numeric_dW_in(student, harness):
    numeric_check(student, harness, 0, "dW_in")


@check("G", 2, ja="dW_out が数値勾配と一致（L = Σ score ⊙ R）",
       en="dW_out matches the numeric gradient (L = Σ score ⊙ R)")
def test_numeric_dW_out(student, harness):
    numeric_check(student, harness, 1, "dW_out")
