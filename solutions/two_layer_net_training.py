# /// exercise
# id = "two_layer_net_training"
# day = 1
# section = 5
# points = 10
# requires = ["backprop_two_layer", "sgd"]
# topic = { ja = "学習", en = "Training" }
# title.ja = "2 層ネットワークの学習ステップ（手書き数字の認識）"
# title.en = "The training step of a two-layer net (handwritten digits)"
# instructions.ja = """
# 2 層ネットワーク（中間層 ReLU、出力層ソフトマックス、損失は交差エントロピー誤差の
# ミニバッチ平均）の 1 回分の学習ステップ train_step を完成させてください。
# 順伝播はすでに書かれています。
# 空欄 1: 誤差逆伝播で、出力層の δ2 から始めて 4 つの勾配
# grad['W2'], grad['b2'], grad['W1'], grad['b1'] を求めます。
# 空欄 2: 確率的勾配降下法 (SGD) で、network の 4 つのパラメータすべてを
# その場で (in place) 更新します。
# train_step は勾配の辞書 grad を返します。採点では、このステップを 300 回繰り返して
# 実際の手書き数字 (8×8 画素) を学習し、テスト画像 500 枚で正解率 90 % 以上を求めます。
# """
# instructions.en = """
# Complete train_step, one training step of a two-layer net (a ReLU hidden layer, a softmax
# output, the cross-entropy error averaged over the mini-batch). The forward pass is given.
# Blank 1: backpropagation — starting from the output layer's δ2, compute the four gradients
# grad['W2'], grad['b2'], grad['W1'], grad['b1'].
# Blank 2: stochastic gradient descent (SGD) — update all four parameters of network in
# place.
# train_step returns the dict grad. The grader repeats your step 300 times on real
# handwritten digits (8×8 pixels) and requires at least 90 % accuracy on 500 test images.
# """
#
# [[hints]]
# ja = """\
# ソフトマックス関数と交差エントロピー誤差を合わせた逆伝播は、出力 y と教師データ d の\
# 差から始まります。ミニバッチ平均の損失なので、バッチサイズ N で割ることを忘れずに。"""
# en = """\
# Backpropagation through softmax together with the cross-entropy error starts from the \
# difference of the output y and the labels d. The loss is a mini-batch mean: divide by \
# the batch size N."""
#
# [[hints]]
# ja = """\
# Affine レイヤ u = x W + b の逆伝播: ∂L/∂W = xᵀ δ、∂L/∂b は δ をバッチ方向 (axis=0) に\
# 合計、入力側へは δ Wᵀ。中間層では、それに ReLU の微分 (u1 > 0 で 1、それ以外 0) を\
# 要素ごとに掛けます。"""
# en = """\
# Backward through an affine layer u = x W + b: ∂L/∂W = xᵀ δ, ∂L/∂b sums δ over the batch \
# (axis=0), and towards the input δ Wᵀ. In the hidden layer multiply that element-wise by \
# ReLU's derivative (1 where u1 > 0, else 0)."""
#
# [[hints]]
# ja = """\
# SGD の更新は W ← W − η ∂L/∂W。'W1', 'b1', 'W2', 'b2' のすべてのキーについて、\
# network[key] から learning_rate × grad[key] を引きます（-= でその場で更新）。"""
# en = """\
# The SGD update is W ← W − η ∂L/∂W: for every key 'W1', 'b1', 'W2', 'b2' subtract \
# learning_rate × grad[key] from network[key] (in place, with -=)."""
#
# [[wrong]]
# blank = 1
# answer = """
# delta2 = y - d
# grad['W2'] = np.dot(z1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T) * d_relu(u1)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta1, axis=0)
# """
# source = "common"
# why.ja = """\
# 損失はミニバッチの平均なので δ2 = (y − d) / N です。N で割らないと、すべての勾配が\
# N 倍（ここでは 100 倍）になり、学習率が実質 N 倍になって学習が発散します。"""
# why.en = """\
# The loss is a mini-batch mean, so δ2 = (y − d) / N. Without the division every gradient \
# is N times too large (100 times here): the learning rate is effectively N times larger \
# and training diverges."""
#
# [[wrong]]
# blank = 1
# answer = """
# delta2 = (d - y) / N
# grad['W2'] = np.dot(z1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T) * d_relu(u1)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta1, axis=0)
# """
# source = "common"
# why.ja = """\
# 符号が逆です。∂L/∂u2 = (y − d) / N（出力 − 教師）。(d − y) / N は勾配の符号を反転させ、\
# SGD の更新が損失を増やす方向（勾配上昇）になります。"""
# why.en = """\
# The sign is flipped: ∂L/∂u2 = (y − d) / N (output minus label). (d − y) / N negates every \
# gradient, and the SGD update then climbs the loss (gradient ascent)."""
#
# [[wrong]]
# blank = 1
# answer = """
# delta2 = (y - d) / N
# grad['W2'] = np.dot(z1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta1, axis=0)
# """
# source = "common"
# why.ja = """\
# 中間層の δ1 に ReLU の微分 ReLU'(u1) を掛けていません。u1 ≤ 0 のユニットは出力に\
# 影響しないので、その勾配は 0 でなければなりません。grad['W1'] と grad['b1'] が誤りに\
# なります。"""
# why.en = """\
# δ1 is not multiplied by ReLU's derivative ReLU'(u1). A unit with u1 ≤ 0 does not affect \
# the output, so its gradient must be 0; grad['W1'] and grad['b1'] come out wrong."""
#
# [[wrong]]
# blank = 1
# answer = """
# delta2 = (y - d) / N
# grad['W2'] = np.dot(z1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T) * relu(u1)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta1, axis=0)
# """
# source = "common"
# why.ja = """\
# relu(u1) は活性化関数そのもの（順伝播の z1）で、微分ではありません。\
# 掛けるのは ReLU'(u1)（u1 > 0 で 1、それ以外 0）、つまり d_relu(u1) です。"""
# why.en = """\
# relu(u1) is the activation itself (z1 of the forward pass), not its derivative. Multiply \
# by ReLU'(u1) (1 where u1 > 0, else 0): d_relu(u1)."""
#
# [[wrong]]
# blank = 1
# answer = """
# delta2 = (y - d) / N
# grad['W2'] = np.dot(u1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T) * d_relu(u1)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta1, axis=0)
# """
# source = "common"
# why.ja = """\
# 出力層の入力は ReLU を通した z1 です（u2 = z1 W2 + b2）。∂L/∂W2 = z1ᵀ δ2 で、\
# 活性化前の u1 を使うと、負の u1 の分だけ grad['W2'] が誤りになります。"""
# why.en = """\
# The output layer's input is z1, after the ReLU (u2 = z1 W2 + b2): ∂L/∂W2 = z1ᵀ δ2. With \
# the pre-activation u1, every negative u1 makes grad['W2'] wrong."""
#
# [[wrong]]
# blank = 1
# answer = """
# delta2 = (y - d) / N
# grad['W2'] = np.dot(z1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T) * d_relu(u1)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta2, axis=0)
# """
# source = "common"
# why.ja = """\
# grad['b1'] は中間層の δ1 の合計です（形 (H,)）。出力層の δ2 を合計すると形 (K,) の\
# 値になり、b1 の勾配ではありません。"""
# why.en = """\
# grad['b1'] sums the hidden layer's δ1 (shape (H,)). Summing the output layer's δ2 gives \
# a (K,) array, which is not b1's gradient."""
#
# [[wrong]]
# blank = 1
# answer = """
# delta2 = (y - d) / N
# grad['W2'] = np.dot(z1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T) * d_relu(u1)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta1, axis=1)
# """
# source = "common"
# why.ja = """\
# バイアスの勾配はバッチ方向 (axis=0) の合計で、形は (H,) です。axis=1 で合計すると\
# 形 (N,) の、サンプルごとの合計になってしまいます。"""
# why.en = """\
# A bias gradient sums over the batch (axis=0) and has shape (H,). Summing over axis=1 \
# gives a (N,) array, one sum per sample."""
#
# [[wrong]]
# blank = 2
# answer = """
# for key in ('W1', 'b1', 'W2', 'b2'):
#     network[key] += learning_rate * grad[key]
# """
# source = "common"
# why.ja = """\
# 勾配は損失が増える方向です。+= で足すと損失が増え（勾配上昇）、学習できません。\
# 勾配降下法は W ← W − η ∂L/∂W です。"""
# why.en = """\
# The gradient points to where the loss grows. Adding it (+=) climbs the loss (gradient \
# ascent) and nothing is learned. Gradient descent is W ← W − η ∂L/∂W."""
#
# [[wrong]]
# blank = 2
# answer = """
# for key in ('W1', 'W2'):
#     network[key] -= learning_rate * grad[key]
# """
# source = "common"
# why.ja = """\
# 重みだけを更新し、バイアス b1, b2 を更新していません。バイアスも学習するパラメータです。"""
# why.en = """\
# Only the weights are updated, not the biases b1 and b2. The biases are trained \
# parameters too."""
#
# [[wrong]]
# blank = 2
# answer = """
# for key in ('W1', 'b1', 'W2', 'b2'):
#     network[key] -= grad[key]
# """
# source = "common"
# why.ja = """\
# 学習率 learning_rate を掛けていません。更新幅は η ∂L/∂W で、採点の学習率 (0.3) \
# の約 3 倍の大きさのステップになります。"""
# why.en = """\
# The learning rate is missing. The step is η ∂L/∂W; without η the step is about three \
# times larger than the one the grader asks for (η = 0.3)."""
#
# [[wrong]]
# blank = 2
# answer = """
# for key in ('W1', 'b1', 'W2', 'b2'):
#     network[key] = learning_rate * grad[key]
# """
# source = "common"
# why.ja = """\
# = で代入すると、パラメータが −η ではなく η ∂L/∂W そのものに置き換わり、これまでの\
# 学習結果が消えます。network[key] から引いて（-=）更新します。"""
# why.en = """\
# With = the parameter is replaced by η ∂L/∂W itself and everything learned so far is \
# lost. Subtract from network[key] (-=)."""
#
# [[accepted]]
# # the course writes d_relu(z1): z1 > 0 exactly where u1 > 0
# blank = 1
# answer = """
# delta2 = (y - d) / N
# grad['W2'] = np.dot(z1.T, delta2)
# grad['b2'] = np.sum(delta2, axis=0)
# delta1 = np.dot(delta2, W2.T) * d_relu(z1)
# grad['W1'] = np.dot(x.T, delta1)
# grad['b1'] = np.sum(delta1, axis=0)
# """
#
# [[accepted]]
# blank = 1
# answer = """
# delta2 = (y - d) / x.shape[0]
# grad['W2'] = z1.T @ delta2
# grad['b2'] = delta2.sum(axis=0)
# delta1 = (delta2 @ W2.T) * (u1 > 0)
# grad['W1'] = x.T @ delta1
# grad['b1'] = delta1.sum(axis=0)
# """
#
# [[accepted]]
# blank = 2
# answer = """
# for key in network:
#     network[key] = network[key] - learning_rate * grad[key]
# """
# ///
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
    # BEGIN BLANK
    delta2 = (y - d) / N
    grad['W2'] = np.dot(z1.T, delta2)
    grad['b2'] = np.sum(delta2, axis=0)
    delta1 = np.dot(delta2, W2.T) * d_relu(u1)
    grad['W1'] = np.dot(x.T, delta1)
    grad['b1'] = np.sum(delta1, axis=0)
    # END BLANK

    # SGD update of every parameter, in place
    # BEGIN BLANK
    for key in ('W1', 'b1', 'W2', 'b2'):
        network[key] -= learning_rate * grad[key]
    # END BLANK
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
