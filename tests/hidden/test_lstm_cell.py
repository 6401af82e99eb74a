"""Hidden checks: lstm_cell on fresh random sizes and inputs (grading only, never released).

Pre-activations stay moderate (weights scaled by 1/√fan-in) so no gate saturates, and the
unrolled sequence feeds the student's own (c, h) back, as an LSTM layer does.
"""

import numpy as np

from grader.checks import check, expect_array, expect_tuple, same_array


def random_inputs(rng, N, D, H):
    x = rng.standard_normal((N, D))
    h = rng.uniform(-0.9, 0.9, (N, H))
    c = rng.standard_normal((N, H))
    W = rng.standard_normal((4 * H, D)) / np.sqrt(D)
    U = rng.standard_normal((4 * H, H)) / np.sqrt(H)
    b = 0.3 * rng.standard_normal(4 * H)
    return x, h, c, W, U, b


def outputs(got, N, H):
    c_next, h_next = expect_tuple(got, "lstm_cell(x, h, c, W, U, b)", 2)
    return (expect_array(c_next, "c_next", shape=(N, H)),
            expect_array(h_next, "h_next", shape=(N, H)))


@check("K", 2, ja="非公開: ランダムな大きさ (N, D, H) と入力で参照解と一致",
       en="hidden: agrees with the reference for random sizes (N, D, H) and inputs")
def test_hidden_random_sizes(student, reference, rng):
    for _ in range(4):
        N, D, H = (int(n) for n in rng.integers(1, 7, size=3))
        args = random_inputs(rng, N, D, H)
        c_want, h_want = reference.lstm_cell(*args)
        c_next, h_next = outputs(student.lstm_cell(*args), N, H)
        same_array(c_next, c_want, f"c_next (N={N}, D={D}, H={H})")
        same_array(h_next, h_want, f"h_next (N={N}, D={D}, H={H})")


@check("K", 1, ja="非公開: 8 ステップ展開した系列（c と h を次のステップへ渡す）が参照解と一致",
       en="hidden: an 8-step unrolled sequence (c and h fed back) agrees with the reference")
def test_hidden_unrolled_sequence(student, reference, rng):
    N, D, H = 3, 4, 5
    x, h, c, W, U, b = random_inputs(rng, N, D, H)
    xs = rng.standard_normal((8, N, D))
    c_ref, h_ref = c, h
    for t in range(8):
        c_ref, h_ref = reference.lstm_cell(xs[t], h_ref, c_ref, W, U, b)
        c, h = outputs(student.lstm_cell(xs[t], h, c, W, U, b), N, H)
    same_array(c, c_ref, "c after 8 steps")
    same_array(h, h_ref, "h after 8 steps")
