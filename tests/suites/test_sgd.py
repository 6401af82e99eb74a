"""Grading suite: sgd — params[key] ← params[key] − η grads[key], in place.

K: two exact steps on a dict of two arrays (hand-computed); the update writes into the
arrays held before the call (what a network's layers see) and returns None. C: 300 steps
on a quadratic whose optimum (3, −2) is away from 0, run here in the trusted process (a
round trip per step: no module can replace the loop). The update is called directly, and
a dict entry it replaces rather than writes into is replaced on this side too, so the
arrays held before the call show whether the update was in place.
"""

import numpy as np

from grader.checks import assert_that, check, same_array
from grader.harness import optimizer_task
from grader.harness.judge import trained
from grader.i18n import bilingual


def start():
    params = {"W": np.array([[1.0, 2.0], [3.0, 4.0]]), "b": np.array([0.5, -1.0])}
    grads = {"W": np.array([[1.0, -2.0], [0.5, 4.0]]), "b": np.array([-1.0, 2.0])}
    return params, grads


@check("K", 4, ja="2 ステップの正確な値（学習率 0.1、W (2, 2) と b (2,)）",
       en="exact values after two steps (learning rate 0.1, W (2, 2) and b (2,))")
def test_two_steps(student):
    params, grads = start()
    optimizer = student.SGD(0.1)
    optimizer.update(params, grads)
    same_array(params["W"], np.array([[0.9, 2.2], [2.95, 3.6]]), "params['W'] after step 1")
    same_array(params["b"], np.array([0.6, -1.2]), "params['b'] after step 1")
    grads2 = {"W": np.array([[10.0, 0.0], [0.0, -10.0]]), "b": np.array([0.0, 0.5])}
    optimizer.update(params, grads2)
    same_array(params["W"], np.array([[-0.1, 2.2], [2.95, 4.6]]), "params['W'] after step 2")
    same_array(params["b"], np.array([0.6, -1.25]), "params['b'] after step 2")
    same_array(grads2["W"], np.array([[10.0, 0.0], [0.0, -10.0]]), "grads['W'] (unchanged)")


@check("K", 3, ja="params の配列そのものをその場で更新し、None を返す（レイヤが持つ配列も変わる）",
       en="updates the arrays of params in place and returns None (the arrays a layer holds "
          "change too)")
def test_in_place(student):
    params, grads = start()
    held = dict(params)  # the arrays a network's layers hold
    returned = student.SGD(0.1).update(params, grads)
    same_array(params["W"], np.array([[0.9, 2.2], [2.95, 3.6]]), "params['W'] after the update")
    same_array(held["W"], np.array([[0.9, 2.2], [2.95, 3.6]]),
               "the array that was params['W'] before the update")
    same_array(held["b"], np.array([0.6, -1.2]),
               "the array that was params['b'] before the update")
    assert_that(returned is None,
                bilingual(ja="update は何も返しません（None）", en="update returns nothing (None)"),
                got=returned)


@check("C", 3, ja="f(w) = ½ Σ s_i (w_i − t_i)²（最適値 t = (3, −2)）で 300 ステップ後に"
                  "最適値に収束",
       en="converges to the optimum of f(w) = ½ Σ s_i (w_i − t_i)² (t = (3, −2)) within "
          "300 steps")
def test_converges(student):
    target = np.array([3.0, -2.0])
    w = trained(optimizer_task.minimize_quadratic, student.SGD(0.1), np.array([0.0, 0.0]),
                target, np.array([1.0, 4.0]), 300)
    same_array(w, target, "w after 300 steps", rtol=1e-6, atol=1e-8)
