"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

"""Q 学習の 1 ステップ更新 / One step of tabular Q-learning.

日本語
------
行動価値の表 Q（行が状態、列が行動）を、1 回の遷移 (s, a, r, s') から更新する。

    δ = r + γ max_{a'} Q(s', a') − Q(s, a)      （TD 誤差）
    Q(s, a) ← Q(s, a) + α δ

α は学習率（ステップサイズ）、γ は割引率。目標値に次の状態での最良の行動の価値を使うので、
実際に取る行動（挙動方策）によらず最適行動価値 Q* を学ぶ（方策オフ）。SARSA は max の代わりに
次に実際に取る行動 a' の Q(s', a') を使う（方策オン）。
終端状態の行はずっと 0 のままにしておくので、終端への遷移では目標値は r になる。

形: Q は (S, A) の float64 配列（S 状態数、A 行動数）で、その場で Q[s, a] だけが変わる。
s, a, s_next は int、r, alpha, gamma は float。戻り値は None。

English
-------
Update the action-value table Q (rows are states, columns actions) from one transition
(s, a, r, s'):

    δ = r + γ max_{a'} Q(s', a') − Q(s, a)      (the TD error)
    Q(s, a) ← Q(s, a) + α δ

α is the step size, γ the discount rate. The target uses the value of the best action in
the next state, so Q-learning learns the optimal action values Q* whatever the behaviour
policy (off-policy); SARSA uses Q(s', a') of the action a' actually taken next instead
(on-policy). The rows of terminal states stay 0, so a transition into a terminal state
has the target r.

Shapes: Q is an (S, A) float64 array (S states, A actions); only Q[s, a] changes, in
place. s, a and s_next are ints; r, alpha and gamma floats. Returns None.
"""

import numpy as np


def q_learning_update(Q: np.ndarray, s: int, a: int, r: float, s_next: int,
                      alpha: float, gamma: float) -> None:
    # Q (S, A); Q[s_next] (A,): the values of every action in the next state
    Q[s, a] += alpha * (r + gamma * np.max(Q[s]) - Q[s, a])


if __name__ == "__main__":
    Q = np.array([[1.0, 2.0], [0.5, -1.0], [0.0, 0.0]])  # (3, 2); state 2 is terminal
    q_learning_update(Q, 0, 1, 1.0, 1, alpha=0.5, gamma=0.9)
    print(Q[0, 1])  # 2.0 + 0.5 * (1.0 + 0.9 * 0.5 - 2.0) = 1.725
    q_learning_update(Q, 1, 0, 2.0, 2, alpha=0.5, gamma=0.9)
    print(Q[1, 0])  # 0.5 + 0.5 * (2.0 + 0.9 * 0.0 - 0.5) = 1.25
