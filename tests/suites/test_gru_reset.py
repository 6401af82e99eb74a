"""Grading suite: gru_reset — the candidate h_bar = tanh(x Wᵀ + (r ⊙ h) Uᵀ) of one GRU step.

The student fills in h_bar in `gru(x, h, W_r, U_r, W_z, U_z, W, U)` (column form, no
biases); the function returns h_new = (1 − z) ⊙ h + z ⊙ h_bar, (N, H). The suite checks

- K: hand-computed h_new with z = 0.5 and a reset gate that differs per unit
  (r = [0.25, 0.75]), where r ⊙ (h Uᵀ) — PyTorch's form — gives other values;
- K: with the update gate saturated at exactly z = 1, h_new is h_bar itself: against the
  reference, with PyTorch's form named as a mistake;
- K: the reference's values on random inputs (D ≠ H, and D = H where W and Wᵀ fit alike).
"""

import numpy as np

from grader.checks import check, mistake, same_array

PYTORCH_FORM = {
    # the same text as the solution's recorded wrong answer, so feedback is not repeated
    "ja": "これは PyTorch（torch.nn.GRU）の約束で、r を行列積の後に掛けます: r ⊙ (h Uᵀ)。"
          "この講座の GRU では r を先に h に掛けてから U を掛けます: (r ⊙ h) Uᵀ。",
    "en": "This is PyTorch's convention (torch.nn.GRU), which applies r after the matmul: "
          "r ⊙ (h Uᵀ). The course's GRU multiplies h by r first and then by U: (r ⊙ h) Uᵀ.",
}


def sigmoid(x):
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def logit(p):
    """The inverse of σ: σ(logit(p)) = p."""
    return np.log(p / (1 - p))


def make_inputs(seed, N, D, H):
    """x (N, D), h (N, H), then W_r, U_r, W_z, U_z, W, U: (H, D) and (H, H) each."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    h = rng.uniform(-1, 1, (N, H))
    weights = []
    for _ in range(3):
        weights += [rng.standard_normal((H, D)), rng.standard_normal((H, H))]
    return [x, h, *weights]


@check("K", 3, ja="手計算の値: z = 0.5、ユニットごとに異なる r = [0.25, 0.75] "
       "（N=2, D=1, H=2）",
       en="hand-computed values: z = 0.5 and a reset gate differing per unit, "
          "r = [0.25, 0.75] (N=2, D=1, H=2)")
def test_known_values(student):
    x = np.ones((2, 1))
    h = np.array([[1.0, 2.0], [-2.0, 0.0]])
    W_r, U_r = np.array([[logit(0.25)], [logit(0.75)]]), np.zeros((2, 2))  # r = [.25, .75]
    W_z, U_z = np.zeros((2, 1)), np.zeros((2, 2))  # z = 0.5
    W, U = np.array([[0.0], [0.5]]), np.array([[1.0, 0.0], [2.0, -1.0]])
    got = student.gru(x, h, W_r, U_r, W_z, U_z, W, U)
    # (r ⊙ h) Uᵀ = [[0.25, -1], [-0.5, -1]], x Wᵀ = [0, 0.5] in each row, so the tanh
    # arguments are [[0.25, -0.5], [-0.5, -0.5]] and h_new = h / 2 + tanh(...) / 2
    t25, t5 = np.tanh(0.25), np.tanh(0.5)
    want = np.array([[0.5 + t25 / 2, 1 - t5 / 2], [-1 - t5 / 2, -t5 / 2]])
    # PyTorch's r ⊙ (h Uᵀ) = [[0.25, 0], [-0.5, -3]] instead
    pytorch = np.array([[0.5 + t25 / 2, 1 + t5 / 2], [-1 - t5 / 2, np.tanh(-2.5) / 2]])
    same_array(got, want, "h_new", mistakes=[mistake(pytorch, **PYTORCH_FORM)])


@check("K", 3, ja="更新ゲートを z = 1 に飽和させると h_new は h_bar そのもの: 参照解と一致 "
       "（N=3, D=3, H=4）",
       en="with the update gate saturated at z = 1, h_new is h_bar itself: agrees with the "
          "reference (N=3, D=3, H=4)")
def test_candidate_alone(student, reference):
    x, h, W_r, U_r, W_z, U_z, W, U = make_inputs(1, 3, 3, 4)
    x[:, 0] = 1.0  # a constant input ...
    W_z[:] = 0.0
    W_z[:, 0] = 60.0  # ... drives z to σ(60), exactly 1.0 in float64
    U_z[:] = 0.0
    args = [x, h, W_r, U_r, W_z, U_z, W, U]
    want = reference.gru(*args)
    r = sigmoid(x @ W_r.T + h @ U_r.T)
    pytorch = np.tanh(x @ W.T + r * (h @ U.T))  # PyTorch's form, the mistake to name
    same_array(student.gru(*args), want, "h_new (= h_bar, z = 1)",
               mistakes=[mistake(pytorch, **PYTORCH_FORM)])


@check("K", 4, ja="ランダムな入力で参照解と一致（N=4, D=3, H=5 と N=2, D=H=3）",
       en="agrees with the reference on random inputs (N=4, D=3, H=5 and N=2, D=H=3)")
def test_random_against_reference(student, reference):
    for seed, N, D, H in [(2, 4, 3, 5), (3, 2, 3, 3)]:
        args = make_inputs(seed, N, D, H)
        want = reference.gru(*args)  # before the student's call may touch args
        same_array(student.gru(*args), want, f"h_new (N={N}, D={D}, H={H})")
