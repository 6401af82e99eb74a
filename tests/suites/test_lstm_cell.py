"""Grading suite: lstm_cell — the CEC update and the hidden state of one LSTM step.

The student fills in the new cell state c_next (the CEC) and the new hidden state h_next of
`lstm_cell(x, h, c, W, U, b)`, column form, gate order a, i, f, o. Shapes: x (N, D),
h (N, H), c (N, H), W (4H, D), U (4H, H), b (4H,); returns (c_next, h_next), both (N, H).
The suite checks

- S: a tuple of two float64 (N, H) arrays, with the inputs left unchanged;
- K: hand-computed values with W = U = 0 and one bias block per gate (pins the gate order
  a, i, f, o), and the reference's values on random inputs;
- G: the given `lstm_cell_backward` (run on the student's forward) agrees with central
  differences of L = Σ c_next ⊙ Rc + Σ h_next ⊙ Rh through the student's forward;
- C: a memory task — remember a bit over many steps — trained with the student's cell
  (control: a plain tanh RNN with the same budget fails it).

Known wrong values are made by the reference with two gate blocks of W, U, b swapped, which
is exactly the cell with those two gates exchanged in the blank.
"""

import numpy as np

from grader.checks import (
    assert_that,
    check,
    control,
    expect_array,
    expect_tuple,
    mistake,
    same_array,
    same_gradient,
)
from grader.harness import memory_task
from grader.harness.judge import fail_outcome, memory_task_accuracy, require_accuracy

DISTRACTORS = memory_task.DISTRACTING_STEPS  # steps the bit must be kept through
GATES = "aifo"  # the row blocks of W, U and b, in this order

SWAPPED_INPUT_FORGET = {
    # the same text as the solution's recorded wrong answer, so feedback is not repeated
    "ja": "入力ゲートと忘却ゲートが逆です。忘却ゲートは「前の記憶 c をどれだけ残すか」なので c に、"
          "入力ゲートは新しい入力 a に掛けます。",
    "en": "The input and forget gates are swapped. The forget gate decides how much of the old "
          "memory c is kept, so it multiplies c; the input gate multiplies the new input a.",
}


def make_inputs(seed, N=2, D=3, H=2):
    """x (N, D), h (N, H), c (N, H), W (4H, D), U (4H, H), b (4H,), away from saturation."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    h = rng.uniform(-0.9, 0.9, (N, H))
    c = rng.standard_normal((N, H))
    W = 0.5 * rng.standard_normal((4 * H, D))
    U = 0.5 * rng.standard_normal((4 * H, H))
    b = 0.3 * rng.standard_normal(4 * H)
    return x, h, c, W, U, b


def logit(p):
    """The inverse of σ: σ(logit(p)) = p."""
    return np.log(p / (1 - p))


def swap_gates(W, U, b, g1, g2):
    """W, U, b with the row blocks of gates g1 and g2 exchanged."""
    H = len(b) // 4
    order = list(range(4))
    i, j = GATES.index(g1), GATES.index(g2)
    order[i], order[j] = order[j], order[i]
    rows = np.concatenate([np.arange(k * H, (k + 1) * H) for k in order])
    return W[rows], U[rows], b[rows]


def cell_outputs(got, N, H):
    """The student's (c_next, h_next), each checked to be a float (N, H) array."""
    c_next, h_next = expect_tuple(got, "lstm_cell(x, h, c, W, U, b)", 2)
    expect_array(c_next, "c_next", shape=(N, H))
    expect_array(h_next, "h_next", shape=(N, H))
    return c_next, h_next


def swapped_mistakes(reference, x, h, c, W, U, b):
    """Known wrong (c_next, h_next): the input and forget gates exchanged."""
    c_bad, h_bad = reference.lstm_cell(x, h, c, *swap_gates(W, U, b, "i", "f"))
    return ([mistake(c_bad, **SWAPPED_INPUT_FORGET)],
            [mistake(h_bad, **SWAPPED_INPUT_FORGET)])


@check("S", 1, ja="戻り値は (c_next, h_next): どちらも float64 の (N, H)、入力は書き換えない "
       "(x (3, 5), h, c (3, 4), W (16, 5), U (16, 4), b (16,))",
       en="returns (c_next, h_next), both float64 (N, H), inputs unchanged "
       "(x (3, 5), h, c (3, 4), W (16, 5), U (16, 4), b (16,))")
def test_shapes(student):
    args = make_inputs(1, N=3, D=5, H=4)
    copies = [a.copy() for a in args]
    got = student.lstm_cell(*args)
    for name, value in zip(("c_next", "h_next"), cell_outputs(got, 3, 4), strict=True):
        assert_that(value.dtype == np.float64,
                    {"ja": f"{name}: dtype は float64 のはずが {value.dtype} です",
                     "en": f"{name}: expected dtype float64, got {value.dtype}"}, got=value)
    for name, before, after in zip(("x", "h", "c", "W", "U", "b"), copies, args, strict=True):
        assert_that(np.array_equal(before, after),
                    {"ja": f"lstm_cell が引数 {name} をその場で書き換えています。"
                           "入力を更新せず、新しい配列を作ってください",
                     "en": f"lstm_cell changed its argument {name} in place; compute new "
                           "arrays instead of updating the inputs"},
                    got=after, expected=before)


@check("K", 2, ja="ゲートの並び a, i, f, o: W = U = 0 でバイアスの各ブロックが 1 つのゲートを決める"
       "手計算の値",
       en="gate order a, i, f, o: hand-computed values with W = U = 0 and each bias block "
       "setting one gate")
def test_gate_order_known_values(student, reference):
    # a = tanh(A), i = σ(I), f = σ(F), o = σ(O); per hidden unit:
    a = np.array([0.5, -0.8])
    i = np.array([0.5, 0.75])
    f = np.array([0.75, 0.25])
    o = np.array([0.25, 0.8])
    b = np.concatenate([np.arctanh(a), logit(i), logit(f), logit(o)])
    x, h = np.ones((2, 3)), np.full((2, 2), 0.5)  # W = U = 0: x and h do not matter
    c = np.array([[1.0, 2.0], [-1.0, 0.4]])
    W, U = np.zeros((8, 3)), np.zeros((8, 2))
    c_bad, h_bad = swapped_mistakes(reference, x, h, c, W, U, b)
    c_next, h_next = cell_outputs(student.lstm_cell(x, h, c, W, U, b), 2, 2)
    # worked out by hand from the gate values above (see the exercise's docstring)
    same_array(c_next, np.array([[1.0, -0.1], [-0.5, -0.5]]), "c_next", mistakes=c_bad)
    same_array(h_next, np.array([[0.1903985389889412, -0.07973439569996472],
                                 [-0.11552928931500243, -0.36969372580800786]]),
               "h_next", mistakes=h_bad)


@check("K", 2, ja="ランダムな入力 (N=4, D=3, H=5) で参照解と一致",
       en="agrees with the reference on random inputs (N=4, D=3, H=5)")
def test_random_against_reference(student, reference):
    for seed in (2, 3):
        args = make_inputs(seed, N=4, D=3, H=5)
        c_want, h_want = reference.lstm_cell(*args)  # before the student's call may touch args
        c_bad, h_bad = swapped_mistakes(reference, *args)
        c_next, h_next = cell_outputs(student.lstm_cell(*args), 4, 5)
        same_array(c_next, c_want, "c_next", mistakes=c_bad)
        same_array(h_next, h_want, "h_next", mistakes=h_bad)


@check("G", 2, ja="与えられた lstm_cell_backward と数値勾配 (中心差分) が x, h, c, W で一致",
       en="the given lstm_cell_backward matches the numeric gradient (central differences) "
       "on x, h, c, W")
def test_numeric_gradient(student, harness):
    N, D, H = 2, 3, 2
    args = list(make_inputs(4, N, D, H))
    rng = np.random.default_rng(5)
    Rc, Rh = rng.standard_normal((N, H)), rng.standard_normal((N, H))
    cell_outputs(student.lstm_cell(*args), N, H)  # the forward first: its errors as such
    grads = expect_tuple(student.lstm_cell_backward(Rc, Rh, *args),
                         "lstm_cell_backward(...)", 6)
    for k, name in [(0, "dx"), (1, "dh"), (2, "dc"), (3, "dW")]:
        given = expect_array(grads[k], name, shape=args[k].shape)
        # central differences of L = Σ c_next ⊙ Rc + Σ h_next ⊙ Rh through the student's
        # forward, taken in the worker; being what the forward does, it is the value compared
        # (and matched against known mistakes), and the given backward is the expectation
        numeric = harness("grader.harness.gradcheck.numeric_gradient", student.lstm_cell,
                          args, k, [Rc, Rh])
        same_gradient(numeric, given, name)


@check("C", 3, ja=f"記憶タスク: このセルで学習した LSTM が、印の付いた 1 ビットを {DISTRACTORS} "
       "ステップ以上の邪魔な入力の後まで覚えている (テストデータで正解率 95 % 以上)",
       en=f"memory task: an LSTM trained with your cell recalls a marked bit through "
       f"{DISTRACTORS}+ distracting steps (accuracy at least 95 % on held-out data)",
       timeout=20)
def test_memory_task(student, harness):
    # the worker trains and hands back every output of your cells; the training is
    # replayed here and each output checked against direct calls (grader.verify)
    weights = harness("grader.harness.memory_task.trace", "lstm", student.lstm_cell,
                      student.lstm_cell_backward, seed=0, timeout=20)
    require_accuracy(memory_task_accuracy(weights, student.lstm_cell, "lstm"))


@control(ja="対照: 同じ学習の予算で、ゲートのない tanh RNN は記憶タスクを解けない "
         "(正解率 70 % 以下)",
         en="control: with the same training budget a plain tanh RNN without gates fails the "
         "memory task (accuracy at most 70 %)", timeout=20)
def test_plain_rnn_fails_memory_task():
    weights = memory_task.train_rnn(seed=0)
    accuracy = memory_task_accuracy(weights, memory_task.rnn_cell, "rnn")
    if accuracy > 0.7:
        fail_outcome(f"素の RNN が正解率 {accuracy:.1%} に達した: タスクが易しすぎる",
                     f"the plain RNN reached accuracy {accuracy:.1%}: the task is too easy",
                     got=accuracy)
