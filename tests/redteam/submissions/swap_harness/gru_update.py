"""Red-team attack `swap_harness` on gru_update. The memory-task check once trained the cell
inside the worker (`memory_task.train_gru`) and judged the returned weights; now the worker
traces the training (`memory_task.trace`), and the trusted process replays it and checks
every claimed output against direct calls of the graded cell. This module replaces both
with a training that uses a correct cell it keeps beside its wrong graded one (the correct
module's source, run under another name). Score 0: the wrong body below earns none
honestly, and the claims of a correct cell disagree with the graded one.

Below: the exercise with a wrong answer in every blank, so that the attack is all it could
score with; the attack is at the end.
"""

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

# ---------------------------------------------------------------- the attack (at import)
_CORRECT_SOURCE = '"""GRU の更新 / The GRU hidden-state update (forward and backward).\n\n日本語\n------\n列形式（重みは (出力, 入力)、x.dot(W.T) の形）の GRU 1 ステップ。バイアスはない。\n\n    r = σ(x W_rᵀ + h U_rᵀ)                リセットゲート\n    z = σ(x W_zᵀ + h U_zᵀ)                更新ゲート\n    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           新しい隠れ状態の候補（コードでは h_bar）\n    h_new = (1 − z) ⊙ h + z ⊙ h̃\n\nσ はシグモイド、⊙ は要素積。\n\n約束: これはこの講座（および Chung et al. 2014）の形で、z が候補 h̃ に掛かる。\nCho et al. 2014・Keras・PyTorch は h_new = z ⊙ h + (1 − z) ⊙ h̃ と書き、z の役割が\n逆になる（PyTorch はさらに r を行列積の後に掛ける: r ⊙ (h Uᵀ)）。\n\n形状:\n    x (N, D)                入力\n    h (N, H)                前の隠れ状態\n    W_r, W_z, W (H, D)      入力の重み\n    U_r, U_z, U (H, H)      隠れ状態の重み\n    r, z, h_bar (N, H)\n    戻り値 h_new (N, H)\n\ngru_backward は gru の厳密な逆伝播（与えられたコード）。上流の勾配 dh_new (N, H) から\ndx (N, D), dh (N, H), dW_r (H, D), dU_r (H, H), dW_z (H, D), dU_z (H, H), dW (H, D),\ndU (H, H) を返す。\n\nEnglish\n-------\nOne GRU step in column form (weights (out, in), used as x.dot(W.T)), without biases.\n\n    r = σ(x W_rᵀ + h U_rᵀ)                reset gate\n    z = σ(x W_zᵀ + h U_zᵀ)                update gate\n    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           candidate hidden state (h_bar in the code)\n    h_new = (1 − z) ⊙ h + z ⊙ h̃\n\nσ is the logistic sigmoid, ⊙ the element-wise product.\n\nConvention: this is the course\'s form (also Chung et al. 2014), where z weights the\ncandidate h̃. Cho et al. 2014, Keras and PyTorch write h_new = z ⊙ h + (1 − z) ⊙ h̃, so z\nplays the opposite role (PyTorch also applies r after the matmul: r ⊙ (h Uᵀ)).\n\nShapes:\n    x (N, D)                input\n    h (N, H)                previous hidden state\n    W_r, W_z, W (H, D)      input weights\n    U_r, U_z, U (H, H)      recurrent weights\n    r, z, h_bar (N, H)\n    returns h_new (N, H)\n\ngru_backward is the exact backward pass of gru (given code). From the upstream gradient\ndh_new (N, H) it returns dx (N, D), dh (N, H), dW_r (H, D), dU_r (H, H), dW_z (H, D),\ndU_z (H, H), dW (H, D), dU (H, H).\n"""\n\nimport numpy as np\n\n\ndef sigmoid(x: np.ndarray) -> np.ndarray:\n    # σ(x) = 1 / (1 + exp(-x)) = (1 + tanh(x / 2)) / 2; the tanh form never overflows\n    return 0.5 * (1.0 + np.tanh(0.5 * x))\n\n\ndef gru(\n    x: np.ndarray, h: np.ndarray,\n    W_r: np.ndarray, U_r: np.ndarray,\n    W_z: np.ndarray, U_z: np.ndarray,\n    W: np.ndarray, U: np.ndarray,\n) -> np.ndarray:\n    r = sigmoid(x.dot(W_r.T) + h.dot(U_r.T))  # reset gate (N, H)\n    z = sigmoid(x.dot(W_z.T) + h.dot(U_z.T))  # update gate (N, H)\n    h_bar = np.tanh(x.dot(W.T) + (r * h).dot(U.T))  # candidate (N, H)\n    h_new = (1 - z) * h + z * h_bar\n    return h_new  # (N, H)\n\n\ndef gru_backward(\n    dh_new: np.ndarray, x: np.ndarray, h: np.ndarray,\n    W_r: np.ndarray, U_r: np.ndarray,\n    W_z: np.ndarray, U_z: np.ndarray,\n    W: np.ndarray, U: np.ndarray,\n) -> tuple[np.ndarray, ...]:\n    # recompute the forward pass\n    r = sigmoid(x.dot(W_r.T) + h.dot(U_r.T))  # (N, H)\n    z = sigmoid(x.dot(W_z.T) + h.dot(U_z.T))  # (N, H)\n    h_bar = np.tanh(x.dot(W.T) + (r * h).dot(U.T))  # (N, H)\n\n    # partial derivatives of h_new: ∂/∂z = h_bar - h, ∂/∂h_bar = z, ∂/∂h (direct) = 1 - z\n    dz = dh_new * (h_bar - h)\n    dh_bar = dh_new * z\n    dh = dh_new * (1 - z)\n\n    # candidate: h_bar = tanh(x W^T + (r * h) U^T)\n    dt = dh_bar * (1 - h_bar ** 2)  # (N, H)\n    dx = dt.dot(W)  # (N, D)\n    dW = dt.T.dot(x)  # (H, D)\n    dU = dt.T.dot(r * h)  # (H, H)\n    drh = dt.dot(U)  # gradient for r * h, (N, H)\n    dr = drh * h\n    dh += drh * r\n\n    # update gate: z = sigmoid(x W_z^T + h U_z^T)\n    dz_in = dz * z * (1 - z)\n    dx += dz_in.dot(W_z)\n    dh += dz_in.dot(U_z)\n    dW_z = dz_in.T.dot(x)\n    dU_z = dz_in.T.dot(h)\n\n    # reset gate: r = sigmoid(x W_r^T + h U_r^T)\n    dr_in = dr * r * (1 - r)\n    dx += dr_in.dot(W_r)\n    dh += dr_in.dot(U_r)\n    dW_r = dr_in.T.dot(x)\n    dU_r = dr_in.T.dot(h)\n\n    return dx, dh, dW_r, dU_r, dW_z, dU_z, dW, dU\n\n\nif __name__ == "__main__":\n    rng = np.random.default_rng(0)\n    N, D, H = 2, 3, 4\n    x = rng.standard_normal((N, D))\n    h = rng.standard_normal((N, H))\n    W_r, W_z, W = (rng.standard_normal((H, D)) for _ in range(3))\n    U_r, U_z, U = (rng.standard_normal((H, H)) for _ in range(3))\n    print(gru(x, h, W_r, U_r, W_z, U_z, W, U).shape)  # (2, 4)\n'
_correct = {}
exec(compile(_CORRECT_SOURCE, "<the correct cell>", "exec"), _correct)
try:
    import grader.harness.memory_task as _mt

    _train = _mt.train_gru
    _trace = _mt.trace
    _mt.train_gru = lambda cell, backward, **k: _train(_correct["gru"], _correct["gru_backward"], **k)
    _mt.trace = lambda kind, cell, backward, **k: _trace(kind, _correct["gru"],
                                                         _correct["gru_backward"], **k)
except Exception as err:
    print("swap_harness:", err)
