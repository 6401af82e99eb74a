# ============================================================================
# edrill · two_layer_net_training · Day 1 Section 5 · 学習 / Training
# 2 層ネットワークの学習ステップ（手書き数字の認識） / The training step of a two-layer net (handwritten digits)
#
# 【課題】
# 2 層ネットワーク（中間層 ReLU、出力層ソフトマックス、損失は交差エントロピー誤差の
# ミニバッチ平均）の 1 回分の学習ステップ train_step を完成させてください。
# 順伝播はすでに書かれています。
# 空欄 1: 誤差逆伝播で、出力層の δ2 から始めて 4 つの勾配
# grad['W2'], grad['b2'], grad['W1'], grad['b1'] を求めます。
# 空欄 2: 確率的勾配降下法 (SGD) で、network の 4 つのパラメータすべてを
# その場で (in place) 更新します。
# train_step は勾配の辞書 grad を返します。採点では、このステップを 300 回繰り返して
# 実際の手書き数字 (8×8 画素) を学習し、テスト画像 500 枚で正解率 90 % 以上を求めます。
#
# [Task]
# Complete train_step, one training step of a two-layer net (a ReLU hidden layer, a softmax
# output, the cross-entropy error averaged over the mini-batch). The forward pass is given.
# Blank 1: backpropagation — starting from the output layer's δ2, compute the four gradients
# grad['W2'], grad['b2'], grad['W1'], grad['b1'].
# Blank 2: stochastic gradient descent (SGD) — update all four parameters of network in
# place.
# train_step returns the dict grad. The grader repeats your step 300 times on real
# handwritten digits (8×8 pixels) and requires at least 90 % accuracy on 500 test images.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade two_layer_net_training` で採点。ヒント: `grade hint two_layer_net_training`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade two_layer_net_training`. Hints: `grade hint two_layer_net_training`
# ============================================================================
"""2 層ネットワークの学習ステップ / The training step of a two-layer net.

日本語
------
講座の 2 層ネットワーク（行形式）。中間層は ReLU、出力層はソフトマックス関数、
損失は交差エントロピー誤差のミニバッチ平均。1 回の学習ステップは
順伝播 → 誤差逆伝播 → 確率的勾配降下法 (SGD) による更新。

    順伝播:  u1 = x W1 + b1,   z1 = ReLU(u1),   u2 = z1 W2 + b2,   y = softmax(u2)
             L = -(1/N) Σ_n Σ_k d_{nk} log y_{nk}
    逆伝播:  δ2 = ∂L/∂u2 = (y - d) / N
             ∂L/∂W2 = z1ᵀ δ2,   ∂L/∂b2 = Σ_n δ2_n
             δ1 = ∂L/∂u1 = (δ2 W2ᵀ) ⊙ ReLU'(u1)      （ReLU'(u) = 1 if u > 0 else 0）
             ∂L/∂W1 = xᵀ δ1,    ∂L/∂b1 = Σ_n δ1_n
    更新:    P ← P − η ∂L/∂P    （P = W1, b1, W2, b2、η は学習率）

形状:
    x (N, D) 入力、d (N, K) one-hot の教師データ
    network: 'W1' (D, H), 'b1' (H,), 'W2' (H, K), 'b2' (K,)
    u1, z1, delta1 (N, H);  u2, y, delta2 (N, K)
    grad: network と同じキーと形

採点では UCI の手書き数字データ (8×8 画素、D = 64、K = 10、H = 50) で、バッチサイズ 100、
η = 0.3 のステップを 300 回行い、テスト画像 500 枚で正解率 90 % 以上を求める。
d_relu(0) = 0。

English
-------
The course's two-layer network (row form): a ReLU hidden layer, a softmax output, and the
cross-entropy error averaged over the mini-batch. One training step is forward pass →
backpropagation → update by stochastic gradient descent (SGD).

    forward:   u1 = x W1 + b1,   z1 = ReLU(u1),   u2 = z1 W2 + b2,   y = softmax(u2)
               L = -(1/N) Σ_n Σ_k d_{nk} log y_{nk}
    backward:  δ2 = ∂L/∂u2 = (y - d) / N
               ∂L/∂W2 = z1ᵀ δ2,   ∂L/∂b2 = Σ_n δ2_n
               δ1 = ∂L/∂u1 = (δ2 W2ᵀ) ⊙ ReLU'(u1)      (ReLU'(u) = 1 if u > 0 else 0)
               ∂L/∂W1 = xᵀ δ1,    ∂L/∂b1 = Σ_n δ1_n
    update:    P ← P − η ∂L/∂P    (P = W1, b1, W2, b2; η is the learning rate)

Shapes:
    x (N, D) inputs, d (N, K) one-hot labels
    network: 'W1' (D, H), 'b1' (H,), 'W2' (H, K), 'b2' (K,)
    u1, z1, delta1 (N, H);  u2, y, delta2 (N, K)
    grad: the keys and shapes of network

The grader trains on the UCI handwritten digits (8×8 pixels, D = 64, K = 10, H = 50):
300 steps with batches of 100 and η = 0.3, then requires at least 90 % accuracy on 500
test images. d_relu(0) = 0.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of two_layer_net_training is not filled in yet")


def relu(x: np.ndarray) -> np.ndarray:
    return np.maximum(0, x)


def d_relu(x: np.ndarray) -> np.ndarray:
    return np.where(x > 0, 1.0, 0.0)  # 0 at x = 0


def softmax(x: np.ndarray) -> np.ndarray:
    x = x - np.max(x, axis=-1, keepdims=True)  # against overflow
    return np.exp(x) / np.sum(np.exp(x), axis=-1, keepdims=True)


def cross_entropy_error(d: np.ndarray, y: np.ndarray) -> float:
    batch_size = y.shape[0]
    return -np.sum(d * np.log(y + 1e-7)) / batch_size


def train_step(network: dict, x: np.ndarray, d: np.ndarray, learning_rate: float) -> dict:
    W1, b1 = network['W1'], network['b1']  # (D, H), (H,)
    W2, b2 = network['W2'], network['b2']  # (H, K), (K,)
    N = x.shape[0]  # batch size

    # forward
    u1 = np.dot(x, W1) + b1  # (N, H)
    z1 = relu(u1)  # (N, H)
    u2 = np.dot(z1, W2) + b2  # (N, K)
    y = softmax(u2)  # (N, K)

    # backward
    grad = {}
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──

    # SGD update of every parameter, in place
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return grad


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    network = {'W1': rng.standard_normal((4, 5)) * np.sqrt(2 / 4), 'b1': np.zeros(5),
               'W2': rng.standard_normal((5, 3)) * np.sqrt(2 / 5), 'b2': np.zeros(3)}
    x, d = rng.standard_normal((6, 4)), np.eye(3)[[0, 1, 2, 0, 1, 2]]
    for _ in range(50):
        train_step(network, x, d, 0.5)
    y = softmax(np.dot(relu(np.dot(x, network['W1']) + network['b1']), network['W2'])
                + network['b2'])
    print(cross_entropy_error(d, y))  # close to 0: the 6 samples are learned
