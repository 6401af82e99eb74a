"""Hidden checks: the GRU step on fresh random sizes and inputs (grading only, never
released). Weights scaled by 1/√fan-in keep every gate away from saturation."""

import numpy as np

from grader.checks import check, expect_array, same_array


def random_inputs(rng, N, D, H):
    x = rng.standard_normal((N, D))
    h = rng.uniform(-0.9, 0.9, (N, H))
    weights = []
    for _ in range(3):  # (W_r, U_r), (W_z, U_z), (W, U)
        weights += [rng.standard_normal((H, D)) / np.sqrt(D),
                    rng.standard_normal((H, H)) / np.sqrt(H)]
    return [x, h, *weights]


@check("K", 2, ja="非公開: ランダムな大きさ (N, D, H) と入力で参照解と一致",
       en="hidden: agrees with the reference for random sizes (N, D, H) and inputs")
def test_hidden_random_sizes(student, reference, rng):
    for _ in range(4):
        N, D, H = (int(n) for n in rng.integers(1, 7, size=3))
        args = random_inputs(rng, N, D, H)
        want = reference.gru(*args)
        got = expect_array(student.gru(*args), "h_new", shape=(N, H))
        same_array(got, want, f"h_new (N={N}, D={D}, H={H})")


@check("K", 1, ja="非公開: 8 ステップ展開した系列（h を次のステップへ渡す）が参照解と一致",
       en="hidden: an 8-step unrolled sequence (h fed back) agrees with the reference")
def test_hidden_unrolled_sequence(student, reference, rng):
    N, D, H = 3, 4, 5
    x, h, *weights = random_inputs(rng, N, D, H)
    xs = rng.standard_normal((8, N, D))
    h_ref = h
    for t in range(8):
        h_ref = reference.gru(xs[t], h_ref, *weights)
        h = expect_array(student.gru(xs[t], h, *weights), "h_new", shape=(N, H))
    same_array(h, h_ref, "h after 8 steps")
