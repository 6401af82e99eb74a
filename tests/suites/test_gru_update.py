"""Grading suite: gru_update — the update-gate mix of one GRU step, in the course's convention.

The student fills in h_new of `gru(x, h, W_r, U_r, W_z, U_z, W, U)`: the previous state h
and the candidate h_bar mixed by the update gate z, where z weights the candidate (the
course's form; Cho et al. 2014, Keras and PyTorch let z keep the old state instead).
Shapes: x (N, D), h (N, H), W_r, W_z, W (H, D), U_r, U_z, U (H, H); returns h_new (N, H).
The suite checks

- S: a float64 (N, H) array, with the inputs left unchanged;
- K: z = 0 (update gate shut) keeps h exactly, z = 1 gives the candidate; the reference's
  values on random inputs;
- G: the given `gru_backward` (run on the student's forward) agrees with central differences
  of L = Σ h_new ⊙ R through the student's forward;
- C: a memory task — remember a bit over many steps — trained with the student's cell.

The other convention's value is made by the reference with W_z, U_z negated: there is no
bias, so σ(−v) = 1 − σ(v) turns z into 1 − z.
"""

import numpy as np

from grader.checks import (
    assert_that,
    check,
    expect_array,
    expect_tuple,
    mistake,
    same_array,
    same_gradient,
)
from grader.harness import memory_task
from grader.harness.judge import memory_task_accuracy, require_accuracy

DISTRACTORS = memory_task.DISTRACTING_STEPS  # steps the bit must be kept through
WEIGHTS = ("W_r", "U_r", "W_z", "U_z", "W", "U")  # the order of gru's weight arguments

OTHER_CONVENTION = {
    # the same text as the solution's recorded wrong answer, so feedback is not repeated
    "ja": "これは Cho et al. 2014・Keras・PyTorch の約束で、そこでは z が前の状態 h を残す側に"
          "掛かります。この講座の形では z は候補 h̃（h_bar）に掛かり、1 - z が h に掛かります。",
    "en": "This is the convention of Cho et al. 2014 / Keras / PyTorch, where z keeps the old "
          "state; the course's form lets z weight the candidate h̃ (h_bar) and 1 - z the old "
          "state h.",
}


def make_inputs(seed, N=2, D=3, H=2):
    """x (N, D), h (N, H), W_r (H, D), U_r (H, H), W_z, U_z, W, U, away from saturation."""
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((N, D))
    h = rng.uniform(-0.9, 0.9, (N, H))
    weights = [0.6 * rng.standard_normal((H, D if name.startswith("W") else H))
               for name in WEIGHTS]
    return [x, h, *weights]


def new_state(got, N, H):
    return expect_array(got, "h_new", shape=(N, H))


def other_convention(reference, x, h, W_r, U_r, W_z, U_z, W, U):
    """The value of h_new = z ⊙ h + (1 − z) ⊙ h̃ (Cho et al. / Keras / PyTorch), as a mistake."""
    return [mistake(reference.gru(x, h, W_r, U_r, -W_z, -U_z, W, U), **OTHER_CONVENTION)]


@check("S", 1, ja="戻り値 h_new は float64 の (N, H)、入力は書き換えない "
       "(x (3, 5), h (3, 4), W_r, W_z, W (4, 5), U_r, U_z, U (4, 4))",
       en="returns h_new, a float64 (N, H) array, inputs unchanged "
       "(x (3, 5), h (3, 4), W_r, W_z, W (4, 5), U_r, U_z, U (4, 4))")
def test_shapes(student):
    args = make_inputs(1, N=3, D=5, H=4)
    copies = [a.copy() for a in args]
    h_new = new_state(student.gru(*args), 3, 4)
    assert_that(h_new.dtype == np.float64,
                {"ja": f"h_new: dtype は float64 のはずが {h_new.dtype} です",
                 "en": f"h_new: expected dtype float64, got {h_new.dtype}"}, got=h_new)
    for name, before, after in zip(("x", "h", *WEIGHTS), copies, args, strict=True):
        assert_that(np.array_equal(before, after),
                    {"ja": f"gru が引数 {name} をその場で書き換えています。"
                           "入力を更新せず、新しい配列を作ってください",
                     "en": f"gru changed its argument {name} in place; compute new arrays "
                           "instead of updating the inputs"},
                    got=after, expected=before)


@check("K", 2, ja="更新ゲート z = 0 なら h をそのまま保ち、z = 1 なら候補 h_bar になる",
       en="update gate z = 0 keeps h exactly, z = 1 gives the candidate h_bar")
def test_update_gate_extremes(student, reference):
    for z_in, label in [(-40.0, "z = 0"), (40.0, "z = 1")]:
        x, h, W_r, U_r, _, _, W, U = make_inputs(2, N=3, D=3, H=4)
        x[:, 0] = 1.0  # a constant input feature drives z through W_z[:, 0] alone
        W_z, U_z = np.zeros((4, 3)), np.zeros((4, 4))
        W_z[:, 0] = z_in  # z = σ(±40): 0 or 1 to within 1e-17
        args = (x, h, W_r, U_r, W_z, U_z, W, U)
        # z = 0: h_new is h itself; z = 1: the candidate, which the reference gives
        want = h.copy() if z_in < 0 else reference.gru(*args)
        bad = other_convention(reference, *args)
        h_new = new_state(student.gru(*args), 3, 4)
        same_array(h_new, want, f"h_new ({label})", mistakes=bad)


@check("K", 2, ja="ランダムな入力 (N=4, D=3, H=5) で参照解と一致",
       en="agrees with the reference on random inputs (N=4, D=3, H=5)")
def test_random_against_reference(student, reference):
    for seed in (3, 4):
        args = make_inputs(seed, N=4, D=3, H=5)
        want = reference.gru(*args)  # before the student's call may touch args
        bad = other_convention(reference, *args)
        same_array(new_state(student.gru(*args), 4, 5), want, "h_new", mistakes=bad)


@check("G", 2, ja="与えられた gru_backward と数値勾配 (中心差分) が x, h, W_r, W_z, W, U で一致",
       en="the given gru_backward matches the numeric gradient (central differences) on "
       "x, h, W_r, W_z, W, U")
def test_numeric_gradient(student, harness):
    N, D, H = 2, 3, 2
    args = make_inputs(5, N, D, H)
    R = np.random.default_rng(6).standard_normal((N, H))
    new_state(student.gru(*args), N, H)  # the forward first: its own errors are reported
    grads = expect_tuple(student.gru_backward(R, *args), "gru_backward(...)", 8)
    # gru's arguments x, h, W_r, U_r, W_z, U_z, W, U and gru_backward's gradients line up;
    # dh first: it tells the most wrong mixes apart
    for k, name in [(1, "dh"), (0, "dx"), (2, "dW_r"), (4, "dW_z"), (6, "dW"), (7, "dU")]:
        given = expect_array(grads[k], name, shape=args[k].shape)
        # central differences of L = Σ h_new ⊙ R through the student's forward, taken in the
        # worker; being what the forward does, it is the value compared (and matched against
        # known mistakes), and the given backward is the expectation
        numeric = harness("grader.harness.gradcheck.numeric_gradient", student.gru, args, k,
                          [R])
        same_gradient(numeric, given, name)


@check("C", 3, ja=f"記憶タスク: このセルで学習した GRU が、印の付いた 1 ビットを {DISTRACTORS} "
       "ステップ以上の邪魔な入力の後まで覚えている (テストデータで正解率 95 % 以上)",
       en=f"memory task: a GRU trained with your cell recalls a marked bit through "
       f"{DISTRACTORS}+ distracting steps (accuracy at least 95 % on held-out data)",
       timeout=20)
def test_memory_task(student, harness):
    # the worker trains and hands back every output of your cells; the training is
    # replayed here and each output checked against direct calls (grader.verify)
    weights = harness("grader.harness.memory_task.trace", "gru", student.gru, student.gru_backward,
                      seed=0, timeout=20)
    require_accuracy(memory_task_accuracy(weights, student.gru, "gru"))
