"""A small chain MDP for tabular Q-learning (check kind C), run in the trusted process.

The student's one-step update ``update(Q, s, a, r, s_next, alpha, gamma)`` (it changes the
table ``Q`` in place) is called thousands of times by ``learn``, each call a round trip to
the worker (no module can replace the loop: ``grader.verify``); the learned table is
compared with ``Q_STAR``.

The chain (states 0 … 5, actions 0 = left, 1 = right, deterministic moves)::

    [0] ← 1 ↔ 2 ↔ 3 ↔ 4 → [5]
    0.8                     1.0      reward on entering a terminal state, 0 otherwise

States 0 and 5 are terminal: an episode ends there and their rows of ``Q`` stay 0 (they
are never updated). With γ = 0.9 the optimal values are, by hand (V*(s) = max_a Q*(s, a)):

    V*(4) = 1,  V*(3) = 0.9,  V*(2) = 0.81,  V*(1) = max(0.8, 0.9 · 0.81) = 0.8
    Q*(s, left)  = r(s − 1) + γ V*(s − 1):  0.8, 0.72, 0.729, 0.81      (s = 1 … 4)
    Q*(s, right) = r(s + 1) + γ V*(s + 1):  0.729, 0.81, 0.9, 1.0

so the optimal policy goes left in state 1 and right elsewhere. The behaviour policy is
uniformly random (Q-learning is off-policy, so it still learns Q*); every episode starts in
a uniformly drawn non-terminal state. The environment is deterministic, so with a constant
step size the table converges to Q* itself (measured: max |Q − Q*| < 1e-12 after
``STEPS`` updates for the seeds 0 … 99 with a correct update).

``policy_values`` evaluates a fixed policy exactly (a linear solve, no learning): the suite's
control runs use it to show that Q* differs from the values of the random behaviour policy
(the fixed point of an update that averages instead of maximising) and from those of
"repeat the same action" (the fixed point of an update that reads Q[s_next, a]).

This module contains no part of any exercise's answer: the update under test comes in as an
argument. Students may read it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np

from grader.harness import curves

N_STATES = 6
N_ACTIONS = 2  # 0 = left, 1 = right
TERMINAL = (0, N_STATES - 1)
TERMINAL_REWARD = {0: 0.8, N_STATES - 1: 1.0}
GAMMA = 0.9
ALPHA = 0.5
STEPS = 3000
TOLERANCE = 1e-6
"""A learned table counts as Q* when max |Q − Q*| is below this."""

Q_STAR = np.array([
    [0.0, 0.0],  # terminal
    [0.8, 0.729],
    [0.72, 0.81],
    [0.729, 0.9],
    [0.81, 1.0],
    [0.0, 0.0],  # terminal
])
"""The optimal action values, (N_STATES, N_ACTIONS), computed by hand (module docstring)."""


def move(s: int, a: int) -> tuple[float, int]:
    """One deterministic step from the non-terminal state ``s``: ``(r, s_next)``."""
    s_next = s - 1 if a == 0 else s + 1
    return TERMINAL_REWARD.get(s_next, 0.0), s_next


def learn(update: Callable[..., Any], *, seed: int = 0, steps: int = STEPS,
          alpha: float = ALPHA, gamma: float = GAMMA) -> np.ndarray:
    """``steps`` Q-learning updates on the chain under a uniformly random behaviour policy.

    ``Q`` starts at 0, shape ``(N_STATES, N_ACTIONS)`` float64. Each step draws an action
    uniformly, moves, and calls ``update(Q, s, a, r, s_next, alpha, gamma)`` once (with
    Python ``int`` and ``float`` arguments); an episode that reaches a terminal state is
    followed by a new one from a uniformly drawn non-terminal state. Returns a copy of Q.
    """
    rng = np.random.default_rng(seed)
    Q = np.zeros((N_STATES, N_ACTIONS))  # (S, A)
    s = int(rng.integers(1, N_STATES - 1))
    errors = curves.track("error", ja="最適行動価値との差 max |Q − Q*|",
                          en="distance to the optimal values max |Q − Q*|")
    for _ in range(steps):
        errors.append(curves.safe(lambda: np.max(np.abs(Q - Q_STAR))))
        a = int(rng.integers(N_ACTIONS))
        r, s_next = move(s, a)
        update(Q, s, a, float(r), s_next, float(alpha), float(gamma))
        if not (type(Q) is np.ndarray and Q.shape == (N_STATES, N_ACTIONS)):
            raise ValueError("the update replaced or reshaped the table Q")
        s = int(rng.integers(1, N_STATES - 1)) if s_next in TERMINAL else s_next
    errors.append(curves.safe(lambda: np.max(np.abs(Q - Q_STAR))))
    return np.array(Q, dtype=np.float64)


def distance(Q: object) -> float:
    """max |Q − Q*| over every entry; inf for anything that is not a finite (6, 2) table."""
    if type(Q) is not np.ndarray or Q.shape != Q_STAR.shape or Q.dtype.kind != "f":
        return float("inf")
    if not np.all(np.isfinite(Q)):
        return float("inf")
    return float(np.max(np.abs(Q - Q_STAR)))


def policy_values(policy: np.ndarray, gamma: float = GAMMA) -> np.ndarray:
    """The action values Q^π of a fixed policy, solved exactly.

    ``policy[s, a, a2]`` is the probability of taking ``a2`` in the next state after taking
    ``a`` in ``s`` (so a policy may depend on the previous action, as "repeat the same
    action" does). Solves ``q = r + γ P q`` over the non-terminal (s, a) pairs; terminal
    rows are 0. Returns ``(N_STATES, N_ACTIONS)``.
    """
    pairs = [(s, a) for s in range(N_STATES) if s not in TERMINAL for a in range(N_ACTIONS)]
    index = {pair: k for k, pair in enumerate(pairs)}
    P = np.zeros((len(pairs), len(pairs)))
    rewards = np.zeros(len(pairs))
    for (s, a), k in index.items():
        r, s_next = move(s, a)
        rewards[k] = r
        if s_next not in TERMINAL:
            for a2 in range(N_ACTIONS):
                P[k, index[(s_next, a2)]] = policy[s, a, a2]
    q = np.linalg.solve(np.eye(len(pairs)) - gamma * P, rewards)
    Q = np.zeros((N_STATES, N_ACTIONS))
    for (s, a), k in index.items():
        Q[s, a] = q[k]
    return Q
