"""Grading suite: bptt — the course quiz's BPTT, identity activation, column form.

The suite knows the network (h_t = W x_t + U h_{t-1}, o_t = V h_t, identity activation)
and its loss L = Σ ‖o − y‖² / (2N), computes them itself (no student code), and takes
central differences of L by W, U and V in the trusted process. Each check compares one of
the student's (dW, dU, dV) with them, on two networks: all sizes distinct (N != H, D != H,
K != H) and all square (D = H = K), where using W or V instead of U gives wrong values
instead of a shape error. T = 4 so the error crosses several steps; U is not symmetric.
"""

import numpy as np

from grader.checks import check, expect_tuple, numeric_gradient, same_gradient

CASES = [  # seed, N, T, D, H, K
    (0, 2, 4, 3, 5, 2),
    (1, 4, 4, 3, 3, 3),
]


def make_inputs(seed, N, T, D, H, K):
    rng = np.random.default_rng(seed)
    xs = rng.standard_normal((N, T, D))
    ys = rng.standard_normal((N, T, K))
    W = 0.5 * rng.standard_normal((H, D))
    U = 0.5 * rng.standard_normal((H, H))
    V = 0.5 * rng.standard_normal((K, H))
    return xs, ys, W, U, V


def loss(xs, ys, W, U, V):
    """L = Σ_{n,t} ‖V h_t − y_t‖² / (2N) with h_t = W x_t + U h_{t-1}, h_{-1} = 0."""
    N, T = xs.shape[:2]
    h = np.zeros((N, U.shape[0]))
    total = 0.0
    for t in range(T):
        h = xs[:, t] @ W.T + h @ U.T
        total += np.sum((h @ V.T - ys[:, t]) ** 2)
    return total / (2 * N)


def check_gradient(student, which):
    """The student's gradient by W (0), U (1) or V (2) against central differences of L."""
    for case in CASES:
        args = make_inputs(*case)
        got = expect_tuple(student.bptt(*args), "bptt(xs, ys, W, U, V)", 3)
        params = list(args[2:])

        def f(p, params=params, args=args):
            trial = list(params)
            trial[which] = p
            return loss(args[0], args[1], *trial)

        numeric = numeric_gradient(f, params[which].copy())
        _, N, T, D, H, K = case
        same_gradient(got[which], numeric,
                      f"{'dW dU dV'.split()[which]} (N={N}, T={T}, D={D}, H={H}, K={K})")


@check("G", 3, ja="dW (H, D) が数値勾配と一致", en="dW (H, D) matches the numeric gradient")
def test_dW(student):
    check_gradient(student, 0)


@check("G", 4, ja="dU (H, H) が数値勾配と一致", en="dU (H, H) matches the numeric gradient")
def test_dU(student):
    check_gradient(student, 1)


@check("G", 3, ja="dV (K, H) が数値勾配と一致", en="dV (K, H) matches the numeric gradient")
def test_dV(student):
    check_gradient(student, 2)
