"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

"""単純 RNN で 2 進数の足し算を学習する / A simple RNN that learns binary addition (BPTT).

日本語
------
講座の 3_1_simple_RNN のネットワークを、ミニバッチ全体でまとめて計算する形（行形式、
時刻が先頭の軸）に書き直したもの。2 つの数 a, b のビットを下位から 1 ビットずつ読み、
和 a + b のビットを同じ時刻に出力する。バイアスはない。

    順伝播 (t = 0, …, T-1、z[0] = 0):
        u[t+1] = X[t] W_in + z[t] W,    z[t+1] = σ(u[t+1]),    y[t] = σ(z[t+1] W_out)
    損失（二乗誤差の半分、ミニバッチ平均）:
        L = (1/N) Σ_n Σ_t ½ (y[t] − d[t])²
    逆伝播 (t = T-1, …, 0、delta[T] = 0):
        δout[t] = ∂L/∂(z[t+1] W_out) = (y[t] − d[t]) ⊙ y[t] ⊙ (1 − y[t]) / N
        δ[t]    = ∂L/∂u[t+1] = (δ[t+1] Wᵀ + δout[t] W_outᵀ) ⊙ σ'(u[t+1])
                  （σ'(u) = σ(u)(1 − σ(u)) = z(1 − z)）
        ∂L/∂W_out = Σ_t z[t+1]ᵀ δout[t],  ∂L/∂W = Σ_t z[t]ᵀ δ[t],  ∂L/∂W_in = Σ_t X[t]ᵀ δ[t]

形状 (T ビット、N サンプル、H 中間ユニット。学習では T = 8、H = 16):
    X (T, N, 2) a と b のビット（下位ビットから）、D (T, N, 1) a + b のビット
    W_in (2, H), W (H, H), W_out (H, 1)
    u, z, delta (T+1, N, H)（添字 0 は初期状態）; y, delta_out (T, N, 1)
    grads: params と同じキーと形

講座ノートとの違い: ノートは出力層で既にシグモイドを通った y に d_sigmoid を掛け、
損失に二乗ノルムではなくノルムを使っている。ここでは正しい式 σ'(v) = y(1 − y) と
二乗誤差を使う。

English
-------
The network of the course notebook 3_1_simple_RNN, rewritten for a whole mini-batch at once
(row form, time on the first axis). It reads the bits of two numbers a and b one at a time,
least significant first, and outputs the bit of a + b at the same step. No biases.

    forward (t = 0, …, T-1, z[0] = 0):
        u[t+1] = X[t] W_in + z[t] W,    z[t+1] = σ(u[t+1]),    y[t] = σ(z[t+1] W_out)
    loss (half the squared error, mini-batch mean):
        L = (1/N) Σ_n Σ_t ½ (y[t] − d[t])²
    backward (t = T-1, …, 0, delta[T] = 0):
        δout[t] = ∂L/∂(z[t+1] W_out) = (y[t] − d[t]) ⊙ y[t] ⊙ (1 − y[t]) / N
        δ[t]    = ∂L/∂u[t+1] = (δ[t+1] Wᵀ + δout[t] W_outᵀ) ⊙ σ'(u[t+1])
                  (σ'(u) = σ(u)(1 − σ(u)) = z(1 − z))
        ∂L/∂W_out = Σ_t z[t+1]ᵀ δout[t],  ∂L/∂W = Σ_t z[t]ᵀ δ[t],  ∂L/∂W_in = Σ_t X[t]ᵀ δ[t]

Shapes (T bits, N samples, H hidden units; training uses T = 8, H = 16):
    X (T, N, 2) the bits of a and b (least significant first), D (T, N, 1) the bits of a + b
    W_in (2, H), W (H, H), W_out (H, 1)
    u, z, delta (T+1, N, H) (index 0 is the initial state); y, delta_out (T, N, 1)
    grads: the keys and shapes of params

Unlike the course notebook, which applies d_sigmoid to the output y that is already a
sigmoid and uses the norm instead of the squared norm in its loss, this file uses the
correct σ'(v) = y(1 − y) and the squared error.
"""

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    return 1 / (1 + np.exp(-x))


def d_sigmoid(x: np.ndarray) -> np.ndarray:
    return (1 - sigmoid(x)) * sigmoid(x)


def forward(params: dict, X: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    W_in, W, W_out = params['W_in'], params['W'], params['W_out']  # (2, H), (H, H), (H, 1)
    T, N, _ = X.shape
    H = W.shape[0]
    u = np.zeros((T + 1, N, H))  # u[0] unused
    z = np.zeros((T + 1, N, H))  # z[0] = 0: the initial state
    y = np.zeros((T, N, W_out.shape[1]))  # (T, N, 1)
    for t in range(T):
        u[t + 1] = np.dot(X[t], W_in) + np.dot(z[t], W)  # (N, H)
        z[t + 1] = sigmoid(u[t + 1])  # (N, H)
        y[t] = sigmoid(np.dot(z[t + 1], W_out))  # (N, 1)
    return u, z, y


def mean_squared_error(d: np.ndarray, y: np.ndarray) -> float:
    batch_size = y.shape[1]
    return 0.5 * np.sum((y - d) ** 2) / batch_size  # the squared norm, halved


def bptt(params: dict, X: np.ndarray, D: np.ndarray) -> dict:
    W, W_out = params['W'], params['W_out']  # (H, H), (H, 1)
    u, z, y = forward(params, X)
    T, N, _ = X.shape
    delta_out = (y - D) * y * (1 - y) / N  # σ'(v) = y (1 - y): y is already a sigmoid (T, N, 1)
    delta = np.zeros_like(u)  # delta[t] = ∂L/∂u[t+1]; delta[T] = 0 (T+1, N, H)
    grads = {key: np.zeros_like(value) for key, value in params.items()}
    for t in reversed(range(T)):
        delta[t] = (np.dot(delta[t + 1], W.T)
                    + np.dot(delta_out[t], W_out)) * d_sigmoid(u[t + 1])
        grads['W_out'] += np.dot(z[t + 1].T, delta_out[t])  # (H, 1)
        grads['W'] += np.dot(z[t].T, delta[t])  # (H, H)
        grads['W_in'] += np.dot(X[t].T, delta[t])  # (2, H)
    return grads


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    params = {'W_in': rng.standard_normal((2, 16)), 'W': rng.standard_normal((16, 16)),
              'W_out': rng.standard_normal((16, 1))}
    a, b = rng.integers(0, 128, 64), rng.integers(0, 128, 64)
    bits = np.arange(8)[:, None]  # least significant first
    X = np.stack([(a >> bits) & 1, (b >> bits) & 1], axis=2).astype(float)  # (8, 64, 2)
    D = (((a + b) >> bits) & 1)[:, :, None].astype(float)  # (8, 64, 1)
    for _ in range(500):
        grads = bptt(params, X, D)
        for key in params:
            params[key] -= 2.0 * grads[key]
    y = forward(params, X)[2]
    print(mean_squared_error(D, y), np.mean(np.all(np.round(y) == D, axis=0)))
