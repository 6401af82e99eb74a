"""Grading suite: recursive_nn — v = tanh(W [v_left ; v_right]) at every inner node.

Hand-computed vectors for one inner node (a W that keeps the order of the two children
visible) and for two trees of three leaves with different shapes; two deeper trees
(balanced and left-deep) against the reference.
"""

import numpy as np

from grader.checks import check, same_array

A = np.array([0.5, -1.0])
B = np.array([2.0, 0.25])
C = np.array([-0.75, 1.5])
PICK = np.array([[1.0, 0.0, 0.0, 0.0],  # output 0 = left[0]
                 [0.0, 0.0, 0.0, 1.0]])  # output 1 = right[1]
SUMS = np.array([[1.0, 1.0, 0.0, 0.0],  # output 0 = left[0] + left[1]
                 [0.0, 0.0, 1.0, 1.0]])  # output 1 = right[0] + right[1]


@check("K", 3, ja="既知の値: 葉 2 つの木 (a, b)（D = 2、左右の順がわかる W）",
       en="known values: the two-leaf tree (a, b) (D = 2, a W that shows left from right)")
def test_one_node(student):
    same_array(student.traverse((A, B), PICK), np.tanh(np.array([0.5, 0.25])),
               "traverse((a, b), W) with a = [0.5, -1], b = [2, 0.25], "
               "W = [[1, 0, 0, 0], [0, 0, 0, 1]]")
    same_array(student.traverse((A, B), SUMS), np.tanh(np.array([-0.5, 2.25])),
               "traverse((a, b), W) with a = [0.5, -1], b = [2, 0.25], "
               "W = [[1, 1, 0, 0], [0, 0, 1, 1]]")


@check("K", 3, ja="既知の値: 葉 3 つの木 ((a, b), c) と (a, (b, c)) は別の表現になる",
       en="known values: the three-leaf trees ((a, b), c) and (a, (b, c)) give different "
          "vectors")
def test_three_leaves(student):
    ab = np.tanh(np.array([0.5, 0.25]))  # (a, b) with PICK: [a[0], b[1]]
    same_array(student.traverse(((A, B), C), PICK), np.tanh(np.array([ab[0], 1.5])),
               "traverse(((a, b), c), W) with W = [[1, 0, 0, 0], [0, 0, 0, 1]]")
    bc = np.tanh(np.array([2.0, 1.5]))  # (b, c) with PICK: [b[0], c[1]]
    same_array(student.traverse((A, (B, C)), PICK), np.tanh(np.array([0.5, bc[1]])),
               "traverse((a, (b, c)), W) with W = [[1, 0, 0, 0], [0, 0, 0, 1]]")


@check("K", 4, ja="深い木（釣り合った木と左に深い木、D = 3）で参照解と一致",
       en="deeper trees (balanced and left-deep, D = 3) agree with the reference")
def test_against_reference(student, reference):
    rng = np.random.default_rng(0)
    W = rng.standard_normal((3, 6)) / np.sqrt(6)
    x = [rng.standard_normal(3) for _ in range(5)]
    trees = {
        "((x0, x1), (x2, (x3, x4)))": ((x[0], x[1]), (x[2], (x[3], x[4]))),
        "((((x0, x1), x2), x3), x4)": ((((x[0], x[1]), x[2]), x[3]), x[4]),
    }
    for name, tree in trees.items():
        want = reference.traverse(tree, W)
        same_array(student.traverse(tree, W), want, f"traverse({name}, W)")
