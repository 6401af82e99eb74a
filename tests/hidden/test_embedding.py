"""Hidden checks: the embedding on fresh random vocabularies, ids and gradients (grading
only, never released). The ids always repeat, so a backward that overwrites instead of
adding shows."""

import numpy as np

from grader.checks import check, same_array


def forward(m, W, idx):
    return m.Embedding(W).forward(idx)


def backward_dW(m, W, idx, dout):
    layer = m.Embedding(W)
    layer.forward(idx)
    layer.backward(dout)
    return layer.grads[0]


def repeated_ids(rng, V, shape):
    idx = rng.integers(0, V, size=shape)
    idx.flat[-1] = idx.flat[0]  # at least one id twice
    return idx


@check("K", 1, ja="非公開: encode がランダムな E と単語列で参照解と一致",
       en="hidden: encode agrees with the reference for a random E and word sequence")
def test_hidden_random_encode(student, reference, rng):
    V, D_e, H, T = (int(n) for n in rng.integers(2, 7, size=4))
    E = rng.standard_normal((D_e, V))
    W, U, b = (rng.standard_normal((H, D_e)), 0.5 * rng.standard_normal((H, H)),
               rng.standard_normal(H))
    words = np.eye(V)[rng.integers(0, V, size=T)]
    want = reference.encode(words, E, W, U, b)
    same_array(student.encode(words, E, W, U, b), want, f"encode (V={V}, D_e={D_e}, H={H})")


@check("K", 1, ja="非公開: forward がランダムな W と ID (N, T) で参照解と一致",
       en="hidden: forward agrees with the reference for a random W and ids (N, T)")
def test_hidden_random_forward(student, reference, rng):
    for _ in range(3):
        V, D = (int(n) for n in rng.integers(2, 8, size=2))
        W = rng.standard_normal((V, D))
        idx = repeated_ids(rng, V, tuple(int(n) for n in rng.integers(1, 5, size=2)))
        want = reference(forward, W, idx)
        same_array(forward(student, W, idx), want, f"forward(idx {idx.shape}), W ({V}, {D})")


@check("K", 2, ja="非公開: backward の dW がランダムな ID（重複あり）と dout で参照解と一致",
       en="hidden: backward's dW agrees with the reference for random ids (with repeats) "
          "and dout")
def test_hidden_random_backward(student, reference, rng):
    for _ in range(3):
        V, D = (int(n) for n in rng.integers(2, 8, size=2))
        W = rng.standard_normal((V, D))
        idx = repeated_ids(rng, V, tuple(int(n) for n in rng.integers(1, 5, size=2)))
        dout = rng.standard_normal(idx.shape + (D,))
        want = reference(backward_dW, W, idx, dout)
        same_array(backward_dW(student, W, idx, dout), want,
                   f"dW for idx {idx.shape}, W ({V}, {D})")
