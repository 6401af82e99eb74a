"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

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
    delta2 = y - d
    grad['W2'] = np.dot(z1.T, delta2)
    grad['b2'] = np.sum(delta2, axis=0)
    delta1 = np.dot(delta2, W2.T) * d_relu(u1)
    grad['W1'] = np.dot(delta1.T, x)
    grad['b1'] = np.sum(delta1, axis=0)

    # SGD update of every parameter, in place
    for key in ('W1', 'b1', 'W2', 'b2'):
        network[key] += learning_rate * grad[key]
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
