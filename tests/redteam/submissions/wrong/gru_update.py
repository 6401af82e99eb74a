"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

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
    h_new = (1 - z) * h + z.dot(h_bar.T)
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
