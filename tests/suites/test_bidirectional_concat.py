"""Grading suite: bidirectional_concat — hs[:, t] = [hs_f[:, t] ; hs_b[:, T-1-t]], (N, T, 2H).

Checks the shape of the joined states, their values against the reference (and the output
of the whole network), and time alignment as properties that need no reference: changing
x[:, k] moves the forward half only at t ≥ k and the backward half only at t ≤ k; with
memoryless RNNs (U = 0) sharing W, both halves at t see only x_t and are equal.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, mistake, same_array

N, T, D, H = 2, 4, 3, 3


def inputs(seed, n=N, t=T, d=D, h=H):
    rng = np.random.default_rng(seed)
    xs = rng.standard_normal((n, t, d))
    W_f, U_f = rng.standard_normal((h, d)), 0.5 * rng.standard_normal((h, h))
    W_b, U_b = rng.standard_normal((h, d)), 0.5 * rng.standard_normal((h, h))
    return xs, W_f, U_f, W_b, U_b


def with_halves(hs, forward, backward):
    out = hs.copy()
    out[..., :H] = forward
    out[..., H:] = backward
    return out


@check("S", 2, ja="形状 (N, T, 2H) の配列（2 通りの大きさ）",
       en="an array of shape (N, T, 2H) (two sizes)")
def test_shape(student):
    for n, t, d, h in [(N, T, D, H), (3, 5, 2, 2)]:
        got = student.bidirectional_states(*inputs(1, n, t, d, h))
        expect_array(got, f"hs (N={n}, T={t}, H={h})", shape=(n, t, 2 * h))


@check("K", 3, ja="固定した入力で hs が参照解と一致", en="hs equals the reference on fixed inputs")
def test_states_against_reference(student, reference):
    want = reference.bidirectional_states(*inputs(2))
    f, b = want[..., :H], want[..., H:]  # per sample: h_f and h_b re-reversed in time
    same_array(student.bidirectional_states(*inputs(2)), want, "hs", mistakes=[
        mistake(with_halves(want, f, b[..., ::-1]),  # np.flip(h_b): time and features
                ja="np.flip を axis なしで使うと全部の軸が反転し、逆方向の状態の特徴の並びまで"
                   "逆になります。反転させるのは時間の軸（(T, H) の 0 番目の軸）だけです。",
                en="np.flip without an axis reverses every axis, so the features of the "
                   "backward state come out reversed too. Reverse the time axis only (axis 0 "
                   "of the (T, H) array)."),
        mistake(with_halves(want, f, b[:, ::-1, ::-1]),  # h_b[:, ::-1]: features only
                ja="h_b[:, ::-1] は特徴の軸を反転します。1 サンプル分の h_b は (T, H) なので、"
                   "時間の軸は 0 番目です。",
                en="h_b[:, ::-1] reverses the features: h_b of one sample is (T, H), so time "
                   "is its first axis."),
        mistake(with_halves(want, f[:, ::-1], b),  # h_f[::-1] with h_b[::-1]
                ja="順方向の状態まで時間反転しています。元の時間順に戻すのは、反転した系列を"
                   "読んだ逆方向の状態だけです。",
                en="The forward states are reversed in time as well. Only the backward "
                   "states, computed on the reversed sequence, are reversed back."),
    ])


@check("K", 1, ja="bidirectional_rnn_net の出力 ys (N, T, O) が参照解と一致",
       en="the output ys (N, T, O) of bidirectional_rnn_net equals the reference")
def test_network_output(student, reference):
    V = np.random.default_rng(3).standard_normal((2, 2 * H))
    want = reference.bidirectional_rnn_net(*inputs(3), V)
    same_array(student.bidirectional_rnn_net(*inputs(3), V), want, "ys")


@check("P", 3, ja="時刻のそろい: x[:, k] を変えると順方向の半分は t ≥ k、逆方向の半分は t ≤ k "
                  "だけが変わる",
       en="time alignment: changing x[:, k] changes the forward half at t ≥ k and the "
          "backward half at t ≤ k only")
def test_time_alignment(student):
    xs, *weights = inputs(4)
    base = expect_array(student.bidirectional_states(xs, *weights), "hs", shape=(N, T, 2 * H))
    moved_f = np.zeros((T, T), dtype=int)  # [k, t] = 1: hs[:, t, :H] moved when x[:, k] did
    moved_b = np.zeros((T, T), dtype=int)  # [k, t] = 1: hs[:, t, H:] moved when x[:, k] did
    for k in range(T):
        changed = xs.copy()
        changed[:, k] += 1.0
        hs = expect_array(student.bidirectional_states(changed, *weights),
                          f"hs with x[:, {k}] changed", shape=(N, T, 2 * H))
        diff = np.abs(hs - base).max(axis=0)  # (T, 2H)
        moved_f[k] = diff[:, :H].max(axis=1) > 1e-12
        moved_b[k] = diff[:, H:].max(axis=1) > 1e-12
    at_or_after_k = np.triu(np.ones((T, T), dtype=int))  # [k, t] = 1 where t >= k
    up_to_k = np.tril(np.ones((T, T), dtype=int))  # [k, t] = 1 where t <= k
    assert_that(np.array_equal(moved_f, at_or_after_k), {
        "ja": "順方向の半分 hs[:, t, :H] は x[:t+1] を読んだ状態なので、x[:, k] を変えると "
              "t ≥ k の時刻だけが変わるはずです（行 k: 変えた x[:, k]、列 t: hs[:, t, :H] が"
              "変わったら 1）。",
        "en": "The forward half hs[:, t, :H] has read x[:t+1], so changing x[:, k] must change "
              "it at t ≥ k only (row k: the x[:, k] changed; column t: 1 where hs[:, t, :H] "
              "changed)."},
        got=moved_f, expected=at_or_after_k, name="forward half moved")
    assert_that(np.array_equal(moved_b, up_to_k), {
        "ja": "逆方向の半分 hs[:, t, H:] は x[t:] を読んだ状態なので、x[:, k] を変えると "
              "t ≤ k の時刻だけが変わるはずです（行 k: 変えた x[:, k]、列 t: hs[:, t, H:] が"
              "変わったら 1）。",
        "en": "The backward half hs[:, t, H:] has read x[t:], so changing x[:, k] must change "
              "it at t ≤ k only (row k: the x[:, k] changed; column t: 1 where hs[:, t, H:] "
              "changed)."},
        got=moved_b, expected=up_to_k, name="backward half moved")


@check("P", 1, ja="U = 0 で両方向の W が同じなら、時刻 t の前半と後半は等しい",
       en="with U = 0 and the same W in both directions, the two halves at t are equal")
def test_memoryless_halves_agree(student):
    xs, W, _, _, _ = inputs(5)
    U = np.zeros((H, H))
    hs = expect_array(student.bidirectional_states(xs, W, U, W, U), "hs", shape=(N, T, 2 * H))
    forward = hs[..., :H]
    same_array(hs, with_halves(hs, forward, forward),
               "hs (its backward half hs[:, :, H:] must equal its forward half hs[:, :, :H])")
