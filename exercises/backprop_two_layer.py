# ============================================================================
# edrill · backprop_two_layer · Day 1 Section 5 · 誤差逆伝播法 / Backpropagation
# 2 層ネットワークの誤差逆伝播 / Backpropagation through a two-layer network
#
# 【課題】
# 2 層ニューラルネットワーク（中間層の活性化関数は ReLU、出力層はソフトマックス関数と
# 交差エントロピー誤差）の逆伝播 backward の 2 か所を完成させてください。
#   空欄 1: 中間層のデルタ delta1 (N, H)。出力層のデルタ delta2 (N, K) を
#           重み W2 を通して中間層まで戻し、活性化関数の微分を掛けます。
#   空欄 2: 1 層目の重みの勾配 grad['W1'] (D, H)。
# 出力層の delta2、grad['W2']、grad['b2']、grad['b1'] はすでに書かれています。
# 行形式（x (N, D)、W1 (D, H)、W2 (H, K)）です。
#
# [Task]
# Complete two places of the backward pass of a two-layer network (ReLU hidden layer,
# softmax output with the cross-entropy error).
#   Blank 1: the hidden layer's delta delta1 (N, H): carry the output delta delta2 (N, K)
#            back through the weights W2 and multiply by the activation's derivative.
#   Blank 2: the gradient of the first layer's weights, grad['W1'] (D, H).
# delta2, grad['W2'], grad['b2'] and grad['b1'] are already written. Row form:
# x (N, D), W1 (D, H), W2 (H, K).
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade backprop_two_layer` で採点。ヒント: `grade hint backprop_two_layer`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade backprop_two_layer`. Hints: `grade hint backprop_two_layer`
# ============================================================================
"""2 層ネットワークの誤差逆伝播 / Backpropagation through a two-layer network.

日本語
------
講座の 2 層ネットワーク（行形式）。中間層は ReLU、出力層はソフトマックス関数、
損失は交差エントロピー誤差のミニバッチ平均。

    順伝播:  u1 = x W1 + b1,   z1 = ReLU(u1),   u2 = z1 W2 + b2,   y = softmax(u2)
             L = -(1/N) Σ_n Σ_k d_{nk} log y_{nk}
    逆伝播:  δ2 = ∂L/∂u2 = (y - d) / N
             ∂L/∂W2 = z1ᵀ δ2,   ∂L/∂b2 = Σ_n δ2_n
             δ1 = ∂L/∂u1 = (δ2 W2ᵀ) ⊙ ReLU'(u1)      （ReLU'(u) = 1 if u > 0 else 0）
             ∂L/∂W1 = xᵀ δ1,    ∂L/∂b1 = Σ_n δ1_n

形状:
    x (N, D), d (N, K) one-hot の教師データ
    W1 (D, H), b1 (H,), W2 (H, K), b2 (K,)     network の辞書に入っている
    u1, z1, delta1 (N, H)
    y, delta2 (N, K)
    grad: network と同じキー 'W1' (D, H), 'b1' (H,), 'W2' (H, K), 'b2' (K,)

講座の演習では活性化関数の微分を d_relu(z1) と書くが、z1 > 0 と u1 > 0 は同じ条件
なので ReLU では同じ値になる。d_relu(0) = 0 とする。

English
-------
The course's two-layer network (row form): a ReLU hidden layer, a softmax output, and the
cross-entropy error averaged over the mini-batch.

    forward:   u1 = x W1 + b1,   z1 = ReLU(u1),   u2 = z1 W2 + b2,   y = softmax(u2)
               L = -(1/N) Σ_n Σ_k d_{nk} log y_{nk}
    backward:  δ2 = ∂L/∂u2 = (y - d) / N
               ∂L/∂W2 = z1ᵀ δ2,   ∂L/∂b2 = Σ_n δ2_n
               δ1 = ∂L/∂u1 = (δ2 W2ᵀ) ⊙ ReLU'(u1)      (ReLU'(u) = 1 if u > 0 else 0)
               ∂L/∂W1 = xᵀ δ1,    ∂L/∂b1 = Σ_n δ1_n

Shapes:
    x (N, D), d (N, K) one-hot labels
    W1 (D, H), b1 (H,), W2 (H, K), b2 (K,)     in the dict network
    u1, z1, delta1 (N, H)
    y, delta2 (N, K)
    grad: the keys of network, 'W1' (D, H), 'b1' (H,), 'W2' (H, K), 'b2' (K,)

The course's exercise writes the derivative as d_relu(z1); z1 > 0 exactly where u1 > 0,
so for ReLU it is the same value. d_relu(0) = 0.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of backprop_two_layer is not filled in yet")


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(0, x)


def d_relu(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, 1.0, 0.0)  # 0 at x = 0


def softmax(x: np.ndarray) -> np.ndarray:
    x = x - np.max(x, axis=-1, keepdims=True)  # against overflow
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def d_softmax_with_loss(d: np.ndarray, y: np.ndarray) -> np.ndarray:
    batch_size = d.shape[0]
    dx = y.copy()
    dx[np.arange(batch_size), d.argmax(axis=1)] -= 1  # y - d for one-hot d
    return dx / batch_size  # (N, K)


def forward(network: dict, x: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    W1, W2 = network['W1'], network['W2']
    b1, b2 = network['b1'], network['b2']
    u1 = np.dot(x, W1) + b1  # (N, H)
    z1 = relu(u1)  # (N, H)
    u2 = np.dot(z1, W2) + b2  # (N, K)
    y = softmax(u2)  # (N, K)
    return u1, z1, y


def backward(network: dict, x: np.ndarray, d: np.ndarray,
             u1: np.ndarray, z1: np.ndarray, y: np.ndarray) -> dict:
    grad = {}
    W2 = network['W2']
    delta2 = d_softmax_with_loss(d, y)  # (N, K)
    grad['b2'] = np.sum(delta2, axis=0)  # (K,)
    grad['W2'] = np.dot(z1.T, delta2)  # (H, K)
    delta1 = _blank(1)
    grad['b1'] = np.sum(delta1, axis=0)  # (H,)
    grad['W1'] = _blank(2)
    return grad


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    network = {'W1': rng.standard_normal((3, 5)), 'b1': np.zeros(5),
               'W2': rng.standard_normal((5, 2)), 'b2': np.zeros(2)}
    x, d = rng.standard_normal((4, 3)), np.eye(2)[[0, 1, 1, 0]]
    grad = backward(network, x, d, *forward(network, x))
    print({key: value.shape for key, value in grad.items()})
