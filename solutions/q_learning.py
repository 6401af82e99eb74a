# /// exercise
# id = "q_learning"
# day = 4
# section = 1
# points = 10
# topic = { ja = "強化学習（Q 学習）", en = "Reinforcement learning: Q-learning" }
# title = { ja = "Q 学習の 1 ステップ更新", en = "One step of Q-learning" }
# instructions.ja = """
# 表形式の Q 学習で、行動価値の表 Q を 1 回更新する関数 q_learning_update を完成させて
# ください。状態 s で行動 a を取り、報酬 r を受け取って状態 s_next に移ったとき、
# Q[s, a] だけを学習率 alpha、割引率 gamma の Q 学習の更新式で書き換えます。
# 空欄はその 1 行です。Q はその場で書き換え、何も返しません（他の要素は変えません）。
# 終端状態の行は 0 のままにしてあるので、特別扱いは要りません。
# """
# instructions.en = """
# Complete q_learning_update, one update of the action-value table Q in tabular
# Q-learning. After taking action a in state s, receiving the reward r and moving to
# s_next, rewrite Q[s, a] alone with the Q-learning update, step size alpha and discount
# rate gamma. The blank is that one line. Change Q in place and return nothing (leave
# every other entry as it is). The rows of terminal states are kept at 0, so they need no
# special case.
# """
#
# [[hints]]
# ja = """\
# Q 学習は TD 学習の一種です。「目標値 − いまの推定値」（TD 誤差）に学習率を掛けた分だけ、\
# いまの推定値 Q[s, a] を目標値に近づけます。"""
# en = """\
# Q-learning is a kind of TD learning: move the current estimate Q[s, a] towards a target \
# by the step size times the TD error, "target − current estimate"."""
#
# [[hints]]
# ja = """\
# 目標値は r + γ max_a' Q(s', a') です。次の状態で実際に取る行動ではなく、\
# 最も価値の高い行動の値を使うのが Q 学習（方策オフ）です。"""
# en = """\
# The target is r + γ max_a' Q(s', a'): Q-learning (off-policy) uses the value of the best \
# action in the next state, not of the action actually taken next."""
#
# [[hints]]
# ja = """\
# Q[s_next] は状態 s_next の全行動の価値 (A,) です。その最大値を np.max で取り、\
# Q[s, a] += alpha * (TD 誤差) の形で書きます。"""
# en = """\
# Q[s_next] holds the values (A,) of every action in s_next; take its maximum with np.max \
# and write Q[s, a] += alpha * (TD error)."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * (r + gamma * Q[s_next, a] - Q[s, a])"
# source = "common"
# why.ja = """\
# 次の状態でも同じ行動 a を取ったときの価値を使っていて、max がありません。\
# Q 学習の目標値は次の状態で最も価値の高い行動の値 max_a' Q(s', a') です。"""
# why.en = """\
# This uses the value of taking the same action a again in the next state, with no max. \
# The Q-learning target uses the best action there, max_a' Q(s', a')."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * (r + gamma * np.argmax(Q[s_next]) - Q[s, a])"
# source = "common"
# why.ja = """\
# np.argmax は最大の行動の番号（0, 1, …）を返します。必要なのはその行動の価値、\
# つまり最大値 np.max です。"""
# why.en = """\
# np.argmax returns the index of the best action (0, 1, …). The target needs that \
# action's value, the maximum itself: np.max."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * (r + gamma * np.max(Q[s]) - Q[s, a])"
# source = "common"
# why.ja = """\
# いまの状態 s の行動価値の最大値を使っています。目標値は遷移先 s_next の価値です。"""
# why.en = """\
# This takes the maximum over the current state s; the target uses the next state \
# s_next."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * (r + gamma * np.max(Q[s_next]))"
# source = "common"
# why.ja = """\
# TD 誤差から今の推定値 Q[s, a] を引き忘れています。これでは Q[s, a] が毎回増え続け、\
# 目標値に近づきません。"""
# why.en = """\
# The current estimate Q[s, a] is not subtracted in the TD error, so Q[s, a] keeps \
# growing instead of moving towards the target."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] = alpha * (r + gamma * np.max(Q[s_next]) - Q[s, a])"
# source = "common"
# why.ja = """\
# = で代入すると、いまの推定値を捨てて更新量だけが残ります。更新量は Q[s, a] に足します\
# （+=）。"""
# why.en = """\
# Assigning with = throws the current estimate away and keeps only the step. Add the step \
# to Q[s, a] (+=)."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * r + gamma * np.max(Q[s_next]) - Q[s, a]"
# source = "common"
# why.ja = """\
# 括弧が抜けていて、学習率が報酬にしか掛かっていません。TD 誤差 \
# r + γ max Q(s', ·) − Q(s, a) 全体に alpha を掛けます。"""
# why.en = """\
# Missing parentheses: the step size multiplies only the reward. Multiply the whole TD \
# error r + γ max Q(s', ·) − Q(s, a) by alpha."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * (r + np.max(Q[s_next]) - Q[s, a])"
# source = "common"
# why.ja = """\
# 割引率 gamma が抜けています。将来の価値は γ 倍に割り引いてから報酬に足します。"""
# why.en = """\
# The discount rate gamma is missing: the future value is discounted by γ before it is \
# added to the reward."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * (r + gamma * np.mean(Q[s_next]) - Q[s, a])"
# source = "common"
# why.ja = """\
# 次の状態の行動価値の平均は、一様ランダムな方策の価値です（期待 SARSA）。\
# Q 学習は最適方策の価値を学ぶので、平均ではなく最大値を使います。"""
# why.en = """\
# The mean over the next state's actions is the value of the uniformly random policy \
# (expected SARSA). Q-learning learns the optimal policy's values: use the maximum."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s, a] += alpha * (r + gamma * np.max(Q) - Q[s, a])"
# source = "common"
# why.ja = """\
# 表全体の最大値を取っています。最大を取るのは遷移先の状態 s_next の行 Q[s_next] だけです。"""
# why.en = """\
# This is the maximum of the whole table. Take the maximum over the row of the next state, \
# Q[s_next], only."""
#
# [[wrong]]
# blank = 1
# answer = "Q[s] += alpha * (r + gamma * np.max(Q[s_next]) - Q[s])"
# source = "common"
# why.ja = """\
# Q[s] は状態 s の行全体なので、取らなかった行動の価値まで書き換わります。\
# 更新するのは実際に取った行動の Q[s, a] だけです。"""
# why.en = """\
# Q[s] is the whole row of state s, so the values of actions not taken change too. Update \
# only Q[s, a], the action actually taken."""
#
# [[accepted]]
# blank = 1
# answer = "Q[s, a] = Q[s, a] + alpha * (r + gamma * Q[s_next].max() - Q[s, a])"
#
# [[accepted]]
# blank = 1
# answer = "Q[s, a] = (1 - alpha) * Q[s, a] + alpha * (r + gamma * np.max(Q[s_next]))"
#
# [[accepted]]
# blank = 1
# answer = "Q[s][a] += alpha * (r + gamma * max(Q[s_next]) - Q[s][a])"
# ///
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
    # BEGIN BLANK
    Q[s, a] += alpha * (r + gamma * np.max(Q[s_next]) - Q[s, a])
    # END BLANK


if __name__ == "__main__":
    Q = np.array([[1.0, 2.0], [0.5, -1.0], [0.0, 0.0]])  # (3, 2); state 2 is terminal
    q_learning_update(Q, 0, 1, 1.0, 1, alpha=0.5, gamma=0.9)
    print(Q[0, 1])  # 2.0 + 0.5 * (1.0 + 0.9 * 0.5 - 2.0) = 1.725
    q_learning_update(Q, 1, 0, 2.0, 2, alpha=0.5, gamma=0.9)
    print(Q[1, 0])  # 0.5 + 0.5 * (2.0 + 0.9 * 0.0 - 0.5) = 1.25
