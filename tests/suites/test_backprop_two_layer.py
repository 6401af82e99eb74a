"""Grading suite: backprop_two_layer — δ1 = (δ2 W2ᵀ) ⊙ ReLU'(u1), ∂L/∂W1 = xᵀ δ1.

Shapes: x (N, D), W1 (D, H), W2 (H, K), all of N, D, H, K different (4, 3, 5, 2), so a
missing or misplaced transpose is a shape error. S: the grad dict's keys, shapes and float
dtypes. G: grad['W1'] and grad['b1'] against central differences of the exact loss
(mean cross-entropy of the ReLU/softmax network: grader.harness.two_layer), with some hidden units
inactive (u1 < 0) and every |u1| > 0.05, so the differences never cross ReLU's kink.
"""

from grader.checks import check, expect_array, same_gradient
from grader.harness.two_layer import SHAPES, away_from_kink, numeric, problem


def student_grad(student, network, x, d):
    u1, z1, y = student.forward(network, x)
    return student.backward(network, x, d, u1, z1, y)


@check("S", 2, ja="grad の各勾配がパラメータと同じ形の float 配列: W1 (D, H), b1 (H,), "
                  "W2 (H, K), b2 (K,)",
       en="each gradient in grad is a float array of its parameter's shape: W1 (D, H), "
          "b1 (H,), W2 (H, K), b2 (K,)")
def test_shapes(student):
    network, x, d = problem(0)
    grad = student_grad(student, network, x, d)
    for key, shape in SHAPES.items():
        got = grad.get(key) if isinstance(grad, dict) else grad
        expect_array(got, f"grad['{key}']", shape=shape, kind="f")


@check("G", 5, ja="grad['W1'] が数値勾配と一致（ReLU が 0 を出すユニットを含む、2 通りの入力）",
       en="grad['W1'] matches the numeric gradient (with inactive ReLU units, two inputs)")
def test_grad_W1(student):
    for seed in (2, 6):
        network, x, d = problem(seed)
        assert away_from_kink(network, x), f"seed {seed}: pick inputs away from ReLU's kink"
        grad = student_grad(student, network, x, d)
        got = grad.get("W1") if isinstance(grad, dict) else grad
        same_gradient(got, numeric(network, x, d, "W1"), f"grad['W1'] (seed {seed})")


@check("G", 3, ja="grad['b1']（delta1 の合計）が数値勾配と一致",
       en="grad['b1'] (the sum of delta1) matches the numeric gradient")
def test_grad_b1(student):
    network, x, d = problem(7)
    assert away_from_kink(network, x), "pick inputs away from ReLU's kink"
    grad = student_grad(student, network, x, d)
    got = grad.get("b1") if isinstance(grad, dict) else grad
    same_gradient(got, numeric(network, x, d, "b1"), "grad['b1']")
