# /// exercise
# id = "discounted_returns"
# day = 4
# section = 2
# points = 10
# topic = { ja = "方策勾配法（割引報酬和）", en = "Policy gradient: the discounted return" }
# title = { ja = "各時刻の割引報酬和（収益）", en = "The discounted return at every time step" }
# instructions.ja = """
# 1 エピソードの報酬列 r (T,) から、各時刻 t の割引報酬和（収益）
# G_t = r_t + γ r_{t+1} + γ² r_{t+2} + … を並べた配列 (T,) を返す関数を完成させてください。
# REINFORCE（AlphaGo の方策ネットワークの強化学習にも使われる方策勾配法）で、
# 時刻 t の行動の対数尤度の勾配に掛ける重みです。
# 空欄では、G を使って returns[t] をすべての t について埋めます。
# """
# instructions.en = """
# Complete the function that turns the rewards r (T,) of one episode into the discounted
# return at every time step, G_t = r_t + γ r_{t+1} + γ² r_{t+2} + …, as an array (T,).
# In REINFORCE (the policy gradient method also used to train AlphaGo's policy network
# by self-play) it weights the gradient of the log-probability of the action taken at t.
# In the blank, fill returns[t] for every t, using G.
# """
#
# [[hints]]
# ja = """\
# G_t の定義を見比べると G_t = r_t + γ G_{t+1} が成り立ちます。最後の時刻では\
# G_{T−1} = r_{T−1} です。"""
# en = """\
# Comparing the definitions gives G_t = r_t + γ G_{t+1}; at the last step \
# G_{T−1} = r_{T−1}."""
#
# [[hints]]
# ja = """\
# G_t を求めるには G_{t+1} が必要なので、エピソードの最後から最初へ向かって\
# （t = T−1, T−2, …, 0 の順に）計算します。G は 0 から始まっています。"""
# en = """\
# G_t needs G_{t+1}, so go from the end of the episode to its start \
# (t = T−1, T−2, …, 0). G starts at 0."""
#
# [[hints]]
# ja = """\
# for t in reversed(range(T)): の中で、G を「報酬 r[t] と γ 倍した G の和」で更新し、\
# その G を returns[t] に入れます。"""
# en = """\
# Inside for t in reversed(range(T)):, replace G by the reward r[t] plus gamma times G, \
# then store that G in returns[t]."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in range(T):
#     G = r[t] + gamma * G
#     returns[t] = G
# """
# source = "common"
# why.ja = """\
# 時刻の順（前から）にたどると、G には過去の報酬がたまります。収益 G_t は時刻 t 以降の\
# 報酬の和なので、最後の時刻から逆向きにたどります。"""
# why.en = """\
# Going forwards in time, G accumulates the past rewards. The return G_t sums the rewards \
# from t on, so go backwards from the last step."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in reversed(range(T)):
#     returns[t] = G
#     G = r[t] + gamma * G
# """
# source = "common"
# why.ja = """\
# G を更新する前に returns[t] に入れているので、1 時刻ずれて r_t が含まれません\
# （returns[T−1] が 0 になります）。先に G を更新してから入れます。"""
# why.en = """\
# returns[t] is stored before G is updated, so everything is shifted by one step and r_t \
# is left out (returns[T−1] is 0). Update G first, then store it."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in reversed(range(T)):
#     G = gamma * (r[t] + G)
#     returns[t] = G
# """
# source = "common"
# why.ja = """\
# 今の報酬 r_t まで γ で割り引いています。割り引くのは将来の収益 G_{t+1} だけで、\
# G_t = r_t + γ G_{t+1} です。"""
# why.en = """\
# This discounts the current reward r_t too. Only the future return G_{t+1} is \
# discounted: G_t = r_t + γ G_{t+1}."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in reversed(range(T)):
#     G = r[t] + G
#     returns[t] = G
# """
# source = "common"
# why.ja = """\
# 割引率 γ が抜けています。これは γ = 1 のときの収益（報酬の単純な和）です。"""
# why.en = """\
# The discount rate γ is missing: this is the return for γ = 1 only (a plain sum of the \
# rewards)."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in reversed(range(T)):
#     G = r[t] + gamma ** t * G
#     returns[t] = G
# """
# source = "common"
# why.ja = """\
# 漸化式で掛けるのは毎回 γ 1 つだけです。γ^t を掛けると遠い将来ほど割引が強すぎたり\
# （t が大きいとき）、まったく割り引かれなかったり（t = 0）します。"""
# why.en = """\
# Each step of the recursion multiplies by one γ only. Multiplying by γ^t over-discounts \
# for large t and does not discount at all at t = 0."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in range(T):
#     returns[t] = np.sum(r[t:] * gamma ** np.arange(t, T))
# """
# source = "common"
# why.ja = """\
# 指数が時刻 t からではなく 0 から数えた値になっていて、エピソードの最初から見た割引\
# γ^k になっています。G_t では r_k に γ^(k−t) を掛けます。"""
# why.en = """\
# The exponents count from the start of the episode (γ^k), not from t. In G_t the reward \
# r_k is weighted by γ^(k−t)."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in reversed(range(T - 1)):
#     G = r[t] + gamma * G
#     returns[t] = G
# """
# source = "common"
# why.ja = """\
# range(T - 1) では最後の時刻 T−1 が抜け、最後の報酬が一度も足されません。\
# reversed(range(T)) で T−1 から 0 までたどります。"""
# why.en = """\
# range(T - 1) leaves out the last step T−1, so the last reward is never added. \
# reversed(range(T)) goes from T−1 down to 0."""
#
# [[wrong]]
# blank = 1
# answer = """
# for t in range(T - 1, 0, -1):
#     G = r[t] + gamma * G
#     returns[t] = G
# """
# source = "common"
# why.ja = """\
# range(T - 1, 0, -1) は 0 の手前で止まるので、returns[0] が埋まりません。\
# 終わりの値は -1 にします（range(T - 1, -1, -1)）。"""
# why.en = """\
# range(T - 1, 0, -1) stops before 0, so returns[0] is never filled. The stop value must \
# be -1: range(T - 1, -1, -1)."""
#
# [[accepted]]
# blank = 1
# answer = """
# for t in range(T - 1, -1, -1):
#     G = gamma * G + r[t]
#     returns[t] = G
# """
#
# [[accepted]]
# blank = 1
# answer = """
# for t in range(T):
#     returns[t] = np.sum(r[t:] * gamma ** np.arange(T - t))
# """
# ///
"""各時刻の割引報酬和 / The discounted return at every time step.

日本語
------
1 エピソードの報酬 r_0, …, r_{T−1} と割引率 γ (0 ≤ γ ≤ 1) から、各時刻の収益

    G_t = Σ_{k=t}^{T−1} γ^{k−t} r_k = r_t + γ r_{t+1} + γ² r_{t+2} + …

を求める。漸化式 G_t = r_t + γ G_{t+1}（G_T = 0）を使い、最後の時刻から逆向きに 1 回の
ループで計算する（O(T)）。γ = 0 なら G_t = r_t、γ = 1 なら時刻 t 以降の報酬の単純な和。
AlphaGo の方策ネットワーク（RL policy network）の自己対局では、報酬は終局の勝敗 z = ±1
だけ（γ = 1）なので、すべての時刻で G_t = z になる。REINFORCE の方策勾配
∇J(θ) ≈ Σ_t G_t ∇ log π_θ(a_t | s_t) で G_t が重みとして使われる。

形: r は (T,)（T ≥ 1、int でも float でもよい）、gamma は float、戻り値は (T,) の float64。
r は書き換えない。

English
-------
From the rewards r_0, …, r_{T−1} of one episode and the discount rate γ (0 ≤ γ ≤ 1),
compute the return at every time step

    G_t = Σ_{k=t}^{T−1} γ^{k−t} r_k = r_t + γ r_{t+1} + γ² r_{t+2} + …

with the recursion G_t = r_t + γ G_{t+1} (G_T = 0), in one loop backwards from the last
step (O(T)). γ = 0 gives G_t = r_t; γ = 1 gives the plain sum of the rewards from t on.
In the self-play of AlphaGo's RL policy network the only reward is the game's outcome
z = ±1 at the end (γ = 1), so G_t = z at every step. REINFORCE weights the policy gradient
∇J(θ) ≈ Σ_t G_t ∇ log π_θ(a_t | s_t) by G_t.

Shapes: r is (T,) (T ≥ 1, ints or floats), gamma a float, and the result a float64 (T,).
r is not changed.
"""

import numpy as np


def discounted_returns(r: np.ndarray, gamma: float) -> np.ndarray:
    T = len(r)
    returns = np.zeros(T)  # G_0 … G_{T-1} (T,)
    G = 0.0  # the return after the last step, G_T
    # BEGIN BLANK
    for t in reversed(range(T)):
        G = r[t] + gamma * G
        returns[t] = G
    # END BLANK
    return returns


if __name__ == "__main__":
    print(discounted_returns(np.array([1.0, 2.0, 3.0]), 0.5))  # [2.75 3.5 3.]
    print(discounted_returns(np.array([0, 0, 0, 1]), 0.9))  # [0.729 0.81 0.9 1.]
