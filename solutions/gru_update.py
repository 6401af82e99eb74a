# /// exercise
# id = "gru_update"
# day = 3
# section = 3
# points = 10
# topic = { ja = "GRU（更新ゲート・リセットゲート）", en = "GRU (update and reset gates)" }
# title = { ja = "GRU の隠れ状態の更新", en = "The hidden-state update of a GRU" }
# instructions.ja = """
# GRU の 1 ステップ分の順伝播を完成させてください。
# リセットゲート r、更新ゲート z、新しい隠れ状態の候補 h_bar はすでに計算されています。
# 空欄では、前の隠れ状態 h と候補 h_bar を更新ゲート z で混ぜ合わせて、
# 新しい隠れ状態 h_new を作ります。
# この講座（演習問題）の約束では、z は候補 h_bar の側に掛かります。
# """
# instructions.en = """
# Complete the forward pass of one GRU step.
# The reset gate r, the update gate z and the candidate hidden state h_bar are already
# computed. In the blank, mix the previous hidden state h and the candidate h_bar with the
# update gate z to make the new hidden state h_new.
# In this course's convention (the quiz's) z weights the candidate h_bar.
# """
#
# [[hints]]
# ja = """\
# 新しい隠れ状態は、前の隠れ状態 h と候補 h_bar の「重み付き平均」です。\
# 2 つの重みは要素ごとに足して 1 になります。"""
# en = """\
# The new hidden state is a weighted average of the previous state h and the candidate \
# h_bar; the two weights add up to 1 element by element."""
#
# [[hints]]
# ja = """\
# z は候補 h_bar の重み、1 - z は前の状態 h の重みです。\
# z が 0 なら h がそのまま残り、z が 1 なら h_bar に置き換わります。"""
# en = """\
# z is the weight of the candidate h_bar and 1 - z the weight of the old state h: \
# z = 0 keeps h as it is, z = 1 replaces it by h_bar."""
#
# [[hints]]
# ja = """\
# 「(1 - z) と h の要素積」と「z と h_bar の要素積」の和を NumPy の * と + で書きます。"""
# en = """\
# Write the sum of "(1 - z) times h" and "z times h_bar", element-wise, with NumPy's * \
# and +."""
#
# [[wrong]]
# blank = 1
# answer = "z * h_bar"
# source = "quiz"
# why.ja = """\
# 前の隠れ状態 h の項 (1 - z) ⊙ h が抜けています。これでは z が小さいとき\
# 過去の情報が保たれず、状態が 0 に近づいてしまいます。"""
# why.en = """\
# The term of the previous state, (1 - z) ⊙ h, is missing: when z is small the past is \
# not kept and the state shrinks towards 0."""
#
# [[wrong]]
# blank = 1
# answer = "(1 - z) * h_bar"
# source = "quiz"
# why.ja = """\
# 前の隠れ状態 h が使われていません。h_new は h と h_bar を z で混ぜたもので、\
# (1 - z) は h に、z は h_bar に掛かります。"""
# why.en = """\
# The previous state h is not used. h_new mixes h and h_bar through z: (1 - z) multiplies \
# h and z multiplies h_bar."""
#
# [[wrong]]
# blank = 1
# answer = "z * h * h_bar"
# source = "quiz"
# why.ja = """\
# h と h_bar は掛け合わせるのではなく、重み付きで足し合わせます（重み付き平均）。\
# 前の状態の重みは 1 - z、候補の重みは z です。"""
# why.en = """\
# h and h_bar are not multiplied together but added with weights (a weighted average): \
# 1 - z for the old state and z for the candidate."""
#
# [[wrong]]
# blank = 1
# answer = "z * h + (1 - z) * h_bar"
# source = "common"
# why.ja = """\
# これは Cho et al. 2014・Keras・PyTorch の約束で、そこでは z が前の状態 h を残す側に掛かります。\
# この講座の形では z は候補 h̃（h_bar）に掛かり、1 - z が h に掛かります。"""
# why.en = """\
# This is the convention of Cho et al. 2014 / Keras / PyTorch, where z keeps the old \
# state; the course's form lets z weight the candidate h̃ (h_bar) and 1 - z the old \
# state h."""
#
# [[wrong]]
# blank = 1
# answer = "(1 - z) * h_bar + z * h"
# source = "common"
# why.ja = """\
# 項の順序を入れ替えただけで、Cho et al. 2014・Keras・PyTorch の約束（z が前の状態 h を残す側）\
# と同じ式です。この講座の形では z は候補 h̃（h_bar）に掛かります。"""
# why.en = """\
# This is the convention of Cho et al. 2014 / Keras / PyTorch (z keeps the old state), \
# only with the terms reordered; the course's form lets z weight the candidate h̃ \
# (h_bar)."""
#
# [[wrong]]
# blank = 1
# answer = "h + z * h_bar"
# source = "common"
# why.ja = """\
# 前の状態 h に (1 - z) が掛かっていません。これでは h が丸ごと残り、その上に\
# 候補が足されるだけで、重み付き平均になりません。"""
# why.en = """\
# The previous state h is not multiplied by (1 - z): h is carried over in full and the \
# candidate is added on top, so this is not a weighted average."""
#
# [[wrong]]
# blank = 1
# answer = "(1 - r) * h + r * h_bar"
# source = "common"
# why.ja = """\
# リセットゲート r と更新ゲート z を取り違えています。r は候補 h_bar を作るときに\
# 前の状態をどれだけ使うかを決めるゲートで、h と h_bar を混ぜるのは z です。"""
# why.en = """\
# The reset gate r is used in place of the update gate z. r decides how much of the old \
# state enters the candidate h_bar; mixing h and h_bar is the job of z."""
#
# [[accepted]]
# blank = 1
# answer = "z * h_bar + (1 - z) * h"
#
# [[accepted]]
# blank = 1
# answer = "h + z * (h_bar - h)"
#
# [[accepted]]
# blank = 1
# answer = "h * (1 - z) + h_bar * z"
# ///
"""GRU の更新 / The GRU hidden-state update (forward and backward).

日本語
------
列形式（重みは (出力, 入力)、x.dot(W.T) の形）の GRU 1 ステップ。バイアスはない。

    r = σ(x W_rᵀ + h U_rᵀ)                リセットゲート
    z = σ(x W_zᵀ + h U_zᵀ)                更新ゲート
    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           新しい隠れ状態の候補（コードでは h_bar）
    h_new = (1 − z) ⊙ h + z ⊙ h̃

σ はシグモイド、⊙ は要素積。

約束: これはこの講座（および Chung et al. 2014）の形で、z が候補 h̃ に掛かる。
Cho et al. 2014・Keras・PyTorch は h_new = z ⊙ h + (1 − z) ⊙ h̃ と書き、z の役割が
逆になる（PyTorch はさらに r を行列積の後に掛ける: r ⊙ (h Uᵀ)）。

形状:
    x (N, D)                入力
    h (N, H)                前の隠れ状態
    W_r, W_z, W (H, D)      入力の重み
    U_r, U_z, U (H, H)      隠れ状態の重み
    r, z, h_bar (N, H)
    戻り値 h_new (N, H)

gru_backward は gru の厳密な逆伝播（与えられたコード）。上流の勾配 dh_new (N, H) から
dx (N, D), dh (N, H), dW_r (H, D), dU_r (H, H), dW_z (H, D), dU_z (H, H), dW (H, D),
dU (H, H) を返す。

English
-------
One GRU step in column form (weights (out, in), used as x.dot(W.T)), without biases.

    r = σ(x W_rᵀ + h U_rᵀ)                reset gate
    z = σ(x W_zᵀ + h U_zᵀ)                update gate
    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           candidate hidden state (h_bar in the code)
    h_new = (1 − z) ⊙ h + z ⊙ h̃

σ is the logistic sigmoid, ⊙ the element-wise product.

Convention: this is the course's form (also Chung et al. 2014), where z weights the
candidate h̃. Cho et al. 2014, Keras and PyTorch write h_new = z ⊙ h + (1 − z) ⊙ h̃, so z
plays the opposite role (PyTorch also applies r after the matmul: r ⊙ (h Uᵀ)).

Shapes:
    x (N, D)                input
    h (N, H)                previous hidden state
    W_r, W_z, W (H, D)      input weights
    U_r, U_z, U (H, H)      recurrent weights
    r, z, h_bar (N, H)
    returns h_new (N, H)

gru_backward is the exact backward pass of gru (given code). From the upstream gradient
dh_new (N, H) it returns dx (N, D), dh (N, H), dW_r (H, D), dU_r (H, H), dW_z (H, D),
dU_z (H, H), dW (H, D), dU (H, H).
"""

import numpy as np


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
    h_bar = np.tanh(x.dot(W.T) + (r * h).dot(U.T))  # candidate (N, H)
    h_new = (1 - z) * h + z * h_bar  # BLANK: (1 - z) * h + z * h_bar
    return h_new  # (N, H)


def gru_backward(
    dh_new: np.ndarray, x: np.ndarray, h: np.ndarray,
    W_r: np.ndarray, U_r: np.ndarray,
    W_z: np.ndarray, U_z: np.ndarray,
    W: np.ndarray, U: np.ndarray,
) -> tuple[np.ndarray, ...]:
    # recompute the forward pass
    r = sigmoid(x.dot(W_r.T) + h.dot(U_r.T))  # (N, H)
    z = sigmoid(x.dot(W_z.T) + h.dot(U_z.T))  # (N, H)
    h_bar = np.tanh(x.dot(W.T) + (r * h).dot(U.T))  # (N, H)

    # partial derivatives of h_new: ∂/∂z = h_bar - h, ∂/∂h_bar = z, ∂/∂h (direct) = 1 - z
    dz = dh_new * (h_bar - h)
    dh_bar = dh_new * z
    dh = dh_new * (1 - z)

    # candidate: h_bar = tanh(x W^T + (r * h) U^T)
    dt = dh_bar * (1 - h_bar ** 2)  # (N, H)
    dx = dt.dot(W)  # (N, D)
    dW = dt.T.dot(x)  # (H, D)
    dU = dt.T.dot(r * h)  # (H, H)
    drh = dt.dot(U)  # gradient for r * h, (N, H)
    dr = drh * h
    dh += drh * r

    # update gate: z = sigmoid(x W_z^T + h U_z^T)
    dz_in = dz * z * (1 - z)
    dx += dz_in.dot(W_z)
    dh += dz_in.dot(U_z)
    dW_z = dz_in.T.dot(x)
    dU_z = dz_in.T.dot(h)

    # reset gate: r = sigmoid(x W_r^T + h U_r^T)
    dr_in = dr * r * (1 - r)
    dx += dr_in.dot(W_r)
    dh += dr_in.dot(U_r)
    dW_r = dr_in.T.dot(x)
    dU_r = dr_in.T.dot(h)

    return dx, dh, dW_r, dU_r, dW_z, dU_z, dW, dU


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, H = 2, 3, 4
    x = rng.standard_normal((N, D))
    h = rng.standard_normal((N, H))
    W_r, W_z, W = (rng.standard_normal((H, D)) for _ in range(3))
    U_r, U_z, U = (rng.standard_normal((H, H)) for _ in range(3))
    print(gru(x, h, W_r, U_r, W_z, U_z, W, U).shape)  # (2, 4)
