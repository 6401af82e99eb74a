# /// exercise
# id = "backprop_two_layer"
# day = 1
# section = 5
# points = 10
# requires = ["d_relu", "affine_backward"]
# topic = { ja = "誤差逆伝播法", en = "Backpropagation" }
# title.ja = "2 層ネットワークの誤差逆伝播"
# title.en = "Backpropagation through a two-layer network"
# instructions.ja = """
# 2 層ニューラルネットワーク（中間層の活性化関数は ReLU、出力層はソフトマックス関数と
# 交差エントロピー誤差）の逆伝播 backward の 2 か所を完成させてください。
#   空欄 1: 中間層のデルタ delta1 (N, H)。出力層のデルタ delta2 (N, K) を
#           重み W2 を通して中間層まで戻し、活性化関数の微分を掛けます。
#   空欄 2: 1 層目の重みの勾配 grad['W1'] (D, H)。
# 出力層の delta2、grad['W2']、grad['b2']、grad['b1'] はすでに書かれています。
# 行形式（x (N, D)、W1 (D, H)、W2 (H, K)）です。
# """
# instructions.en = """
# Complete two places of the backward pass of a two-layer network (ReLU hidden layer,
# softmax output with the cross-entropy error).
#   Blank 1: the hidden layer's delta delta1 (N, H): carry the output delta delta2 (N, K)
#            back through the weights W2 and multiply by the activation's derivative.
#   Blank 2: the gradient of the first layer's weights, grad['W1'] (D, H).
# delta2, grad['W2'], grad['b2'] and grad['b1'] are already written. Row form:
# x (N, D), W1 (D, H), W2 (H, K).
# """
#
# [[hints]]
# ja = """\
# 出力層と同じ形をたどります。grad['W2'] が「その層への入力の転置」と「その層のデルタ」の\
# 積であることを見てください。"""
# en = """\
# Follow the output layer's pattern: grad['W2'] is the transpose of that layer's input \
# times that layer's delta."""
#
# [[hints]]
# ja = """\
# 順伝播の u2 = z1 W2 + b2 を z1 で微分すると W2 の転置が出てきます。\
# さらに z1 = ReLU(u1) なので、ReLU の微分 d_relu(u1) を要素ごとに掛けます。"""
# en = """\
# Differentiating u2 = z1 W2 + b2 by z1 brings in W2's transpose; then, as \
# z1 = ReLU(u1), multiply element-wise by ReLU's derivative d_relu(u1)."""
#
# [[hints]]
# ja = """\
# 空欄 1 は delta2 と W2.T の積に d_relu(u1) を要素ごとに掛けたもの、\
# 空欄 2 は x.T と delta1 の積（np.dot）です。"""
# en = """\
# Blank 1 is the product of delta2 and W2.T, multiplied element-wise by d_relu(u1); \
# blank 2 is the product (np.dot) of x.T and delta1."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(delta2, W2) * d_relu(u1)"
# source = "common"
# why.ja = """\
# W2 を転置していません。delta2 (N, K) と W2 (H, K) は K ≠ H なら掛けられません\
# （形が合わずエラー）。W2 の転置 (K, H) を右から掛けて (N, H) にします。"""
# why.en = """\
# W2 is not transposed: delta2 (N, K) and W2 (H, K) cannot be multiplied unless K == H \
# (a shape error). Multiply by W2's transpose (K, H) on the right to get (N, H)."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(delta2, W2.T)"
# source = "common"
# why.ja = """\
# 活性化関数の微分を掛け忘れています。z1 = ReLU(u1) なので、連鎖律により\
# d_relu(u1) を要素ごとに掛けます（u1 ≤ 0 のユニットには勾配が流れません）。"""
# why.en = """\
# The activation's derivative is missing. As z1 = ReLU(u1), the chain rule multiplies \
# element-wise by d_relu(u1) (no gradient flows through units with u1 <= 0)."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(delta2, W2.T) * relu(u1)"
# source = "common"
# why.ja = """\
# 掛けるのは活性化関数そのもの relu(u1) ではなく、その微分 d_relu(u1) です。"""
# why.en = """\
# Multiply by the activation's derivative d_relu(u1), not by the activation relu(u1) \
# itself."""
#
# [[wrong]]
# blank = 1
# answer = "delta2 * d_relu(u1)"
# source = "common"
# why.ja = """\
# delta2 (N, K) を W2 を通して中間層に戻していません。K ≠ H なら形が合わずエラーです。\
# 先に W2 の転置を掛けて (N, H) にします。"""
# why.en = """\
# delta2 (N, K) is not carried back through W2: unless K == H this is a shape error. \
# First multiply by W2's transpose to get (N, H)."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(delta2, W2.T) * d_relu(x)"
# source = "common"
# why.ja = """\
# 微分を評価する場所が違います。ReLU が適用されたのは中間層の総入力 u1 (N, H) で、\
# 入力 x (N, D) ではありません。"""
# why.en = """\
# The derivative is taken at the wrong place: ReLU was applied to the hidden layer's \
# total input u1 (N, H), not to the input x (N, D)."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(z1.T, delta1)"
# source = "common"
# why.ja = """\
# z1 は中間層の出力で、2 層目の重み W2 への入力です。W1 への入力は x なので、\
# x の転置を使います（z1.T だと形が (H, H) になります）。"""
# why.en = """\
# z1 is the hidden layer's output, the input of the second layer's W2. The input of W1 \
# is x, so use x's transpose (z1.T gives an (H, H) matrix)."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(x.T, delta2)"
# source = "common"
# why.ja = """\
# delta2 は出力層のデルタです。W1 の勾配には、W1 の出力側である中間層のデルタ delta1 を使います\
# （delta2 だと形が (D, K) になります）。"""
# why.en = """\
# delta2 is the output layer's delta. W1's gradient uses the delta of the layer W1 feeds, \
# delta1 (delta2 gives a (D, K) matrix)."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(delta1, x.T)"
# source = "common"
# why.ja = """\
# 掛ける順序が逆です。delta1 (N, H) と x.T (D, N) は H ≠ D なら掛けられません。\
# x の転置を左、delta1 を右に置いて (D, H) にします。"""
# why.en = """\
# The order is reversed: delta1 (N, H) times x.T (D, N) fails unless H == D. Put x's \
# transpose on the left and delta1 on the right to get (D, H)."""
#
# [[wrong]]
# blank = 2
# answer = "np.dot(x.T, delta1) / len(x)"
# source = "common"
# why.ja = """\
# バッチサイズで割る必要はありません。ミニバッチ平均の 1/N は delta2 の計算で\
# すでに含まれています。ここで割ると二重に割ることになります。"""
# why.en = """\
# Do not divide by the batch size: the 1/N of the mini-batch mean is already in delta2. \
# Dividing here divides twice."""
#
# [[accepted]]
# # the course writes d_relu(z1): z1 = ReLU(u1) > 0 exactly where u1 > 0, so it is equal
# blank = 1
# answer = "np.dot(delta2, W2.T) * d_relu(z1)"
#
# [[accepted]]
# blank = 1
# answer = "delta2 @ W2.T * (u1 > 0)"
#
# [[accepted]]
# blank = 1
# answer = "np.dot(W2, delta2.T).T * d_relu(u1)"
#
# [[accepted]]
# blank = 2
# answer = "x.T @ delta1"
#
# [[accepted]]
# blank = 2
# answer = "np.dot(delta1.T, x).T"
# ///
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
    delta1 = np.dot(delta2, W2.T) * d_relu(u1)  # BLANK: np.dot(delta2, W2.T) * d_relu(u1)
    grad['b1'] = np.sum(delta1, axis=0)  # (H,)
    grad['W1'] = np.dot(x.T, delta1)  # BLANK: np.dot(x.T, delta1)
    return grad


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    network = {'W1': rng.standard_normal((3, 5)), 'b1': np.zeros(5),
               'W2': rng.standard_normal((5, 2)), 'b2': np.zeros(2)}
    x, d = rng.standard_normal((4, 3)), np.eye(2)[[0, 1, 1, 0]]
    grad = backward(network, x, d, *forward(network, x))
    print({key: value.shape for key, value in grad.items()})
