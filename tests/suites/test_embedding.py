"""Grading suite: embedding — e = E w (one-hot w), out = rows of W by id, dW adds every id.

Blank 1 (encode, the quiz's column form): the last hidden state for one-hot words against
the reference, with a square and a non-square E. Blank 2 (Embedding.forward): the output
shape for (N,) and (N, T) ids, hand-computed rows, and a 2-D case against the reference.
Blank 3 (Embedding.backward): dW with repeated ids, hand-computed and against the
reference, and dW against the numeric gradient of L = Σ out · R taken through forward.
"""

import numpy as np

from grader.checks import check, expect_array, same_array, same_gradient


def encode_inputs(seed, V, D_e, H, ids):
    rng = np.random.default_rng(seed)
    E = rng.standard_normal((D_e, V))
    W, U, b = rng.standard_normal((H, D_e)), rng.standard_normal((H, H)), rng.standard_normal(H)
    words = np.eye(V)[ids]  # (T, V), one one-hot row per word
    return words, E, W, U, b


def forward(m, W, idx):
    return m.Embedding(W).forward(idx)


def backward_dW(m, W, idx, dout):
    layer = m.Embedding(W)
    layer.forward(idx)
    layer.backward(dout)
    return layer.grads[0]


@check("K", 2, ja="encode: one-hot の単語列の最後の隠れ状態 (H,) が参照解と一致"
                  "（E は正方形と横長）",
       en="encode: the last hidden state (H,) of one-hot words equals the reference "
          "(square and wide E)")
def test_encode(student, reference):
    for seed, V, D_e, H, ids in [(0, 3, 3, 3, [2, 0, 2]), (1, 6, 3, 4, [4, 1, 5, 1])]:
        words, *weights = encode_inputs(seed, V, D_e, H, ids)
        want = reference.encode(words, *weights)
        same_array(student.encode(words, *weights), want, f"encode (V={V}, D_e={D_e}, H={H})")
        same_array(student.encode(list(words), *weights), want,
                   f"encode with words as a list of {len(ids)} one-hot vectors (V={V})")


@check("S", 2, ja="forward の形: idx (N,) → (N, D)、idx (N, T) → (N, T, D)",
       en="forward's shape: idx (N,) -> (N, D), idx (N, T) -> (N, T, D)")
def test_forward_shape(student):
    W = np.random.default_rng(2).standard_normal((4, 5))  # V = 4, D = 5
    for idx in [np.array([3, 0, 3, 1]), np.array([[1, 3, 3], [2, 0, 1]])]:
        expect_array(forward(student, W, idx), f"forward(idx of shape {idx.shape})",
                     shape=idx.shape + (5,))


@check("K", 2, ja="forward: 既知の行 (W = arange) と参照解（idx (N, T)、ID の重複あり）",
       en="forward: known rows (W = arange) and the reference (idx (N, T), repeated ids)")
def test_forward_values(student, reference):
    W = np.arange(20.0).reshape(4, 5)  # row k is [5k, 5k + 1, ..., 5k + 4]
    same_array(forward(student, W, np.array([2, 0, 2, 3])),
               np.array([[10.0, 11, 12, 13, 14], [0, 1, 2, 3, 4], [10, 11, 12, 13, 14],
                         [15, 16, 17, 18, 19]]), "forward([2, 0, 2, 3])")
    W = np.random.default_rng(3).standard_normal((5, 4))
    idx = np.array([[0, 3, 3], [4, 0, 1]])
    same_array(forward(student, W, idx), reference(forward, W, idx), "forward(idx (2, 3))")


@check("K", 2, ja="backward: 重複した ID の勾配をすべて足す（既知の値と参照解）",
       en="backward: the gradients of a repeated id all add up (known values and the reference)")
def test_backward_values(student, reference):
    W = np.random.default_rng(4).standard_normal((4, 3))
    dout = np.array([[1.0, 2, 3], [4, 5, 6], [7, 8, 9]])
    same_array(backward_dW(student, W, np.array([2, 0, 2]), dout),
               np.array([[4.0, 5, 6], [0, 0, 0], [8, 10, 12], [0, 0, 0]]),
               "dW for idx [2, 0, 2] (id 2 twice) and dout [[1, 2, 3], [4, 5, 6], [7, 8, 9]]")
    rng = np.random.default_rng(5)
    W, dout = rng.standard_normal((6, 3)), rng.standard_normal((2, 3, 3))
    idx = np.array([[3, 1, 3], [5, 3, 0]])
    same_array(backward_dW(student, W, idx, dout), reference(backward_dW, W, idx, dout),
               "dW for idx [[3, 1, 3], [5, 3, 0]] (id 3 three times)")


@check("G", 2, ja="backward の dW が数値勾配と一致（L = Σ out · R、idx (N, T) に ID の重複あり）",
       en="backward's dW matches the numeric gradient (L = Σ out · R, idx (N, T), repeated ids)")
def test_numeric_gradient(student, harness):
    rng = np.random.default_rng(6)
    W = rng.standard_normal((4, 3))
    idx = np.array([[1, 3, 1], [3, 1, 0]])  # id 1 three times, id 3 twice, id 2 never
    R = rng.standard_normal((2, 3, 3))
    expect_array(forward(student, W, idx), "forward(idx (2, 3))", shape=R.shape)
    # central differences of L = Σ Embedding(W).forward(idx) ⊙ R by W, taken in the worker
    numeric = harness("grader.harness.gradcheck.numeric_gradient", student.Embedding, [W], 0,
                      [R], then="forward", then_args=[idx])
    same_gradient(backward_dW(student, W, idx, R), numeric, "dW")
