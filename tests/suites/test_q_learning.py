"""Grading suite: q_learning — Q(s, a) += α (r + γ max_a' Q(s', a') − Q(s, a)), in place.

Known values of one update (hand-computed: the best next action differs from a, so a missing
max, an argmax, the wrong row or a forgotten γ all show; a transition into a terminal row of
zeros), a sequence of updates against the reference (other entries must not change, s_next ==
s included), and convergence: thousands of updates on a small chain MDP, run here with a
round trip per update (grader.harness.rl_task), must reach the hand-computed Q*. The control
runs show that the reference reaches Q* for ten seeds, that Q* is optimal, and that it
differs from the values an update without the max would learn. """

import numpy as np

from grader.checks import check, control, same_array
from grader.harness import rl_task
from grader.harness.judge import fail_outcome, trained


def updated(m, Q, transitions, alpha, gamma):
    """Apply ``m.q_learning_update`` for each (s, a, r, s_next) to a copy of Q; return it."""
    Q = np.array(Q, dtype=np.float64)
    for s, a, r, s_next in transitions:
        m.q_learning_update(Q, s, a, r, s_next, alpha, gamma)
    return Q


@check("K", 3, ja="手計算の値: Q[0, 1] = 2 + 0.5 (1 + 0.9·0.5 − 2) = 1.725、"
                  "終端への遷移で Q[1, 0] = 0.5 + 0.5 (2 − 0.5) = 1.25（他の要素は不変）",
       en="hand-computed values: Q[0, 1] = 2 + 0.5 (1 + 0.9·0.5 − 2) = 1.725; into a "
          "terminal state Q[1, 0] = 0.5 + 0.5 (2 − 0.5) = 1.25 (other entries unchanged)")
def test_hand_values(student):
    Q = np.array([[1.0, 2.0], [0.5, -1.0], [0.0, 0.0]])  # (3, 2); row 2 is terminal
    # max Q[1] = 0.5 (action 0, not a = 1); Q[1, 1] = -1, mean Q[1] = -0.25, max Q = 2
    same_array(updated(student, Q, [(0, 1, 1.0, 1)], 0.5, 0.9),
               np.array([[1.0, 1.725], [0.5, -1.0], [0.0, 0.0]]),
               "Q after q_learning_update(Q, s=0, a=1, r=1.0, s_next=1, alpha=0.5, gamma=0.9)")
    same_array(updated(student, Q, [(1, 0, 2.0, 2)], 0.5, 0.9),
               np.array([[1.0, 2.0], [1.25, -1.0], [0.0, 0.0]]),
               "Q after q_learning_update(Q, s=1, a=0, r=2.0, s_next=2 (terminal), "
               "alpha=0.5, gamma=0.9)")


@check("K", 2, ja="10 回続けて更新した表 (5, 3) が参照解と一致（負の報酬、s_next == s を含む）",
       en="the (5, 3) table after 10 successive updates equals the reference (negative "
          "rewards, s_next == s included)")
def test_sequence_against_reference(student, reference):
    rng = np.random.default_rng(11)
    Q = rng.normal(size=(5, 3))
    Q[4] = 0.0  # terminal
    transitions = [(int(rng.integers(4)), int(rng.integers(3)), float(rng.normal()),
                    int(rng.integers(5))) for _ in range(9)]
    transitions.insert(4, (2, 1, -0.5, 2))  # a self-loop: s_next == s
    want = reference(updated, Q, transitions, 0.3, 0.95)
    same_array(updated(student, Q, transitions, 0.3, 0.95), want,
               "Q (5, 3) after 10 updates with alpha=0.3, gamma=0.95")


@check("C", 5, ja="連鎖 MDP で 3000 回の Q 学習が最適行動価値 Q* に収束する",
       en="3000 Q-learning steps on a chain MDP reach the optimal action values Q*")
def test_chain_reaches_q_star(student):
    # 3000 transitions of a random behaviour policy run here, each calling your update in
    # the worker; the learned table is compared with the hand-computed Q*
    Q = trained(rl_task.learn, student.q_learning_update, seed=0)
    error = rl_task.distance(Q)
    if not error < rl_task.TOLERANCE:
        fail_outcome(f"学習した Q が Q* に収束しませんでした: max |Q − Q*| = {error:.4g}"
                     f"（{rl_task.TOLERANCE:g} 未満が必要）。Q* = {rl_task.Q_STAR.tolist()}",
                     f"the learned Q did not reach Q*: max |Q − Q*| = {error:.4g} (below "
                     f"{rl_task.TOLERANCE:g} needed). Q* = {rl_task.Q_STAR.tolist()}", got=Q)


def _learn(m, seed):
    return rl_task.learn(m.q_learning_update, seed=seed)


@control(ja="参照解は 10 個のシードすべてで Q* に収束する",
         en="the reference reaches Q* for 10 seeds")
def test_control_reference_converges_for_seeds(reference):
    for seed in range(10):
        # a scenario: the reference's arguments are copies, so Q must live inside the call
        error = rl_task.distance(reference(_learn, seed))
        assert error < rl_task.TOLERANCE, f"seed {seed}: max |Q - Q*| = {error:g}"


def _policy(choose):
    """policy[s, a, a2] = 1 where a2 = choose(s, a, s_next), the next state's action."""
    policy = np.zeros((rl_task.N_STATES, rl_task.N_ACTIONS, rl_task.N_ACTIONS))
    for s in range(1, rl_task.N_STATES - 1):
        for a in range(rl_task.N_ACTIONS):
            _, s_next = rl_task.move(s, a)
            policy[s, a, choose(s, a, s_next)] = 1.0
    return policy


@control(ja="Q* は最適（自分の貪欲方策の価値に一致）で、max を使わない更新の収束先とは違う",
         en="Q* is optimal (the values of its own greedy policy) and differs from what an "
            "update without the max converges to")
def test_control_q_star_is_optimal_and_discriminates():
    greedy = np.argmax(rl_task.Q_STAR, axis=1)
    q_greedy = rl_task.policy_values(_policy(lambda s, a, s_next: greedy[s_next]))
    # policy iteration's fixed point: the greedy policy of Q^π is π itself, so π is optimal
    assert np.allclose(q_greedy, rl_task.Q_STAR, rtol=0, atol=1e-12), q_greedy
    assert greedy[1] == 0 and all(greedy[2:5] == 1), greedy  # a mixed policy: the max matters
    uniform = np.full((rl_task.N_STATES, rl_task.N_ACTIONS, rl_task.N_ACTIONS), 0.5)
    same_action = _policy(lambda s, a, s_next: a)
    for name, policy in [("mean over next actions", uniform), ("Q[s_next, a]", same_action)]:
        error = rl_task.distance(rl_task.policy_values(policy))
        assert error > 1e4 * rl_task.TOLERANCE, f"{name}: its fixed point is Q* ({error:g})"
