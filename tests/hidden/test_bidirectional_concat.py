"""Hidden checks: the bidirectional RNN's joined states on fresh random sizes and inputs
(grading only, never released). T ≥ 2 so that a wrong time alignment shows."""


from grader.checks import check, expect_array, same_array


def random_inputs(rng):
    N, T, D, H = (int(rng.integers(1, 5)), int(rng.integers(2, 7)), int(rng.integers(1, 5)),
                  int(rng.integers(1, 5)))
    xs = rng.standard_normal((N, T, D))
    W_f, U_f = rng.standard_normal((H, D)), 0.5 * rng.standard_normal((H, H))
    W_b, U_b = rng.standard_normal((H, D)), 0.5 * rng.standard_normal((H, H))
    return (N, T, H), (xs, W_f, U_f, W_b, U_b)


@check("K", 2, ja="非公開: ランダムな大きさ (N, T, D, H) と入力で hs が参照解と一致",
       en="hidden: hs agrees with the reference for random sizes (N, T, D, H) and inputs")
def test_hidden_random_states(student, reference, rng):
    for _ in range(4):
        (N, T, H), args = random_inputs(rng)
        want = reference.bidirectional_states(*args)
        got = expect_array(student.bidirectional_states(*args), f"hs (N={N}, T={T}, H={H})",
                           shape=(N, T, 2 * H))
        same_array(got, want, f"hs (N={N}, T={T}, H={H})")


@check("K", 1, ja="非公開: ランダムな出力の重み V で bidirectional_rnn_net の ys が参照解と一致",
       en="hidden: bidirectional_rnn_net's ys agrees with the reference for a random V")
def test_hidden_random_network(student, reference, rng):
    (N, T, H), args = random_inputs(rng)
    V = rng.standard_normal((int(rng.integers(1, 4)), 2 * H))
    want = reference.bidirectional_rnn_net(*args, V)
    got = expect_array(student.bidirectional_rnn_net(*args, V), "ys",
                       shape=(N, T, V.shape[0]))
    same_array(got, want, f"ys (N={N}, T={T}, O={V.shape[0]})")
