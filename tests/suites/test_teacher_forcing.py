"""Grading suite: teacher_forcing — decoder_xs = ts[:, t], decoder_ts = ts[:, t+1], (N, T-1).

Known values on small integer sequences (N ≠ T and N == T, so that shifting the batch axis
shows), the integer dtype kept, longer sequences against the reference, and the decoder's
loss built on the two arrays against the reference.
"""

import numpy as np

from grader.checks import check, expect_tuple, same_array, same_float


def split(student, ts):
    got = expect_tuple(student.teacher_forcing(ts), f"teacher_forcing(ts {ts.shape})", 2)
    return got


def decoder_inputs(seed, N=3, T=5, V=6, D=4, H=3):
    rng = np.random.default_rng(seed)
    ts = rng.integers(1, V, size=(N, T))
    ts[:, 0] = 0  # the start symbol
    h = rng.standard_normal((N, H))
    W_e, W_x = rng.standard_normal((V, D)), rng.standard_normal((D, H))
    W_h, b = 0.5 * rng.standard_normal((H, H)), rng.standard_normal(H)
    W_a, b_a = rng.standard_normal((H, V)), rng.standard_normal(V)
    return ts, h, W_e, W_x, W_h, b, W_a, b_a


@check("K", 3, ja="既知の値: ts (2, 4) → 入力 (2, 3) と正解 (2, 3)",
       en="known values: ts (2, 4) -> inputs (2, 3) and targets (2, 3)")
def test_known_small(student):
    ts = np.array([[0, 3, 5, 2], [0, 4, 4, 1]])
    xs, targets = split(student, ts)
    same_array(xs, np.array([[0, 3, 5], [0, 4, 4]]), "decoder_xs for ts [[0, 3, 5, 2], "
               "[0, 4, 4, 1]]")
    same_array(targets, np.array([[3, 5, 2], [4, 4, 1]]), "decoder_ts for ts [[0, 3, 5, 2], "
               "[0, 4, 4, 1]]")


@check("K", 3, ja="既知の値: N = T の ts (3, 3)（時間の軸でずらす）",
       en="known values: a square ts (3, 3) (shift along time)")
def test_known_square(student):
    ts = np.array([[0, 1, 2], [0, 3, 4], [0, 5, 6]])
    xs, targets = split(student, ts)
    same_array(xs, np.array([[0, 1], [0, 3], [0, 5]]), "decoder_xs for ts [[0, 1, 2], "
               "[0, 3, 4], [0, 5, 6]]")
    same_array(targets, np.array([[1, 2], [3, 4], [5, 6]]), "decoder_ts for ts [[0, 1, 2], "
               "[0, 3, 4], [0, 5, 6]]")


@check("K", 2, ja="長い系列 ts (4, 7) で参照解と一致",
       en="a longer ts (4, 7) agrees with the reference")
def test_against_reference(student, reference):
    ts = np.random.default_rng(1).integers(0, 10, size=(4, 7))
    want_xs, want_ts = reference.teacher_forcing(ts)
    xs, targets = split(student, ts)
    same_array(xs, want_xs, "decoder_xs for ts (4, 7)")
    same_array(targets, want_ts, "decoder_ts for ts (4, 7)")


@check("K", 2, ja="decoder_loss（教師強制で学習するデコーダの損失）が参照解と一致",
       en="decoder_loss (the loss of the decoder trained with teacher forcing) agrees with "
          "the reference")
def test_decoder_loss(student, reference):
    want = reference.decoder_loss(*decoder_inputs(2))
    same_float(student.decoder_loss(*decoder_inputs(2)), want, "decoder_loss")
