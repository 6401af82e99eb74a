# ============================================================================
# edrill · discounted_returns · Day 4 Section 2 · 方策勾配法（割引報酬和） / Policy gradient: the discounted return
# 各時刻の割引報酬和（収益） / The discounted return at every time step
#
# 【課題】
# 1 エピソードの報酬列 r (T,) から、各時刻 t の割引報酬和（収益）
# G_t = r_t + γ r_{t+1} + γ² r_{t+2} + … を並べた配列 (T,) を返す関数を完成させてください。
# REINFORCE（AlphaGo の方策ネットワークの強化学習にも使われる方策勾配法）で、
# 時刻 t の行動の対数尤度の勾配に掛ける重みです。
# 空欄では、G を使って returns[t] をすべての t について埋めます。
#
# [Task]
# Complete the function that turns the rewards r (T,) of one episode into the discounted
# return at every time step, G_t = r_t + γ r_{t+1} + γ² r_{t+2} + …, as an array (T,).
# In REINFORCE (the policy gradient method also used to train AlphaGo's policy network
# by self-play) it weights the gradient of the log-probability of the action taken at t.
# In the blank, fill returns[t] for every t, using G.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade discounted_returns` で採点。ヒント: `grade hint discounted_returns`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade discounted_returns`. Hints: `grade hint discounted_returns`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of discounted_returns is not filled in yet")


def discounted_returns(r: np.ndarray, gamma: float) -> np.ndarray:
    T = len(r)
    returns = np.zeros(T)  # G_0 … G_{T-1} (T,)
    G = 0.0  # the return after the last step, G_T
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return returns


if __name__ == "__main__":
    print(discounted_returns(np.array([1.0, 2.0, 3.0]), 0.5))  # [2.75 3.5 3.]
    print(discounted_returns(np.array([0, 0, 0, 1]), 0.9))  # [0.729 0.81 0.9 1.]
