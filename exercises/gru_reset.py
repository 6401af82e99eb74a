# ============================================================================
# edrill · gru_reset · Day 3 Section 3 · GRU（リセットゲート） / GRU (reset gate)
# GRU の新しい隠れ状態の候補（リセットゲートの使い方） / The GRU candidate state (where the reset gate acts)
#
# 【課題】
# GRU の 1 ステップで、新しい隠れ状態の候補 h_bar を計算する行を完成させてください。
# リセットゲート r と更新ゲート z はすでに計算されています。h_bar は入力 x と、
# リセットゲートで調整した前の隠れ状態から作り、活性化関数は tanh です。
# 重みは列形式（(出力, 入力) の形で、W.T を掛けて使う）です。
# 変数 h_bar に代入してください（h_new はその後の与えられた行で計算されます）。
#
# [Task]
# Complete the line of one GRU step that computes the candidate hidden state h_bar.
# The reset gate r and the update gate z are already computed. h_bar is made from the
# input x and the previous hidden state adjusted by the reset gate, with tanh as the
# activation. The weights are in column form (shape (out, in), used through W.T).
# Assign to the variable h_bar (h_new is computed by the given line after it).
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade gru_reset` で採点。ヒント: `grade hint gru_reset`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade gru_reset`. Hints: `grade hint gru_reset`
# ============================================================================
"""GRU のリセットゲート / The GRU candidate state and its reset gate.

日本語
------
列形式（重みは (出力, 入力)、x.dot(W.T) の形）の GRU 1 ステップ。バイアスはない。

    r = σ(x W_rᵀ + h U_rᵀ)                リセットゲート
    z = σ(x W_zᵀ + h U_zᵀ)                更新ゲート
    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           新しい隠れ状態の候補（コードでは h_bar）
    h_new = (1 − z) ⊙ h + z ⊙ h̃

σ はシグモイド、⊙ は要素積。r は U を掛ける前に h に掛かる: r = 0 のユニットは
前の隠れ状態を候補の計算から完全に締め出す。

約束: これはこの講座（および Chung et al. 2014）の形。PyTorch（torch.nn.GRU）は r を
行列積の後に掛け（r ⊙ (h Uᵀ)、さらにバイアス付き）、Cho et al. 2014・Keras・PyTorch は
z の役割が逆（h_new = z ⊙ h + (1 − z) ⊙ h̃）。

形状:
    x (N, D)                入力
    h (N, H)                前の隠れ状態
    W_r, W_z, W (H, D)      入力の重み
    U_r, U_z, U (H, H)      隠れ状態の重み
    r, z, h_bar (N, H)
    戻り値 h_new (N, H)

English
-------
One GRU step in column form (weights (out, in), used as x.dot(W.T)), without biases.

    r = σ(x W_rᵀ + h U_rᵀ)                reset gate
    z = σ(x W_zᵀ + h U_zᵀ)                update gate
    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           candidate hidden state (h_bar in the code)
    h_new = (1 − z) ⊙ h + z ⊙ h̃

σ is the logistic sigmoid, ⊙ the element-wise product. r acts on h before U: a unit with
r = 0 shuts the previous hidden state out of the candidate completely.

Convention: this is the course's form (also Chung et al. 2014). PyTorch (torch.nn.GRU)
applies r after the matmul (r ⊙ (h Uᵀ), with biases), and Cho et al. 2014, Keras and
PyTorch swap the role of z (h_new = z ⊙ h + (1 − z) ⊙ h̃).

Shapes:
    x (N, D)                input
    h (N, H)                previous hidden state
    W_r, W_z, W (H, D)      input weights
    U_r, U_z, U (H, H)      recurrent weights
    r, z, h_bar (N, H)
    returns h_new (N, H)
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of gru_reset is not filled in yet")


def sigmoid(x: np.ndarray) -> np.ndarray:
    # σ(x) = 1 / (1 + exp(-x)) = (1 + tanh(x / 2)) / 2; the tanh form never overflows
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def gru(
    x: np.ndarray, h: np.ndarray,
    W_r: np.ndarray, U_r: np.ndarray,
    W_z: np.ndarray, U_z: np.ndarray,
    W: np.ndarray, U: np.ndarray,
) -> np.ndarray:
    r = sigmoid(x.dot(W_r.T) + h.dot(U_r.T))  # reset gate (N, H)
    z = sigmoid(x.dot(W_z.T) + h.dot(U_z.T))  # update gate (N, H)
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    h_new = (1 - z) * h + z * h_bar  # (N, H)
    return h_new  # (N, H)



if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, H = 2, 3, 4
    x = rng.standard_normal((N, D))
    h = rng.standard_normal((N, H))
    W_r, W_z, W = (rng.standard_normal((H, D)) for _ in range(3))
    U_r, U_z, U = (rng.standard_normal((H, H)) for _ in range(3))
    print(gru(x, h, W_r, U_r, W_z, U_z, W, U).shape)  # (2, 4)
