# /// exercise
# id = "scaled_dot_product_attention"
# day = 4
# section = 5
# points = 10
# topic.ja = "Transformer（Scaled Dot-Product Attention）"
# topic.en = "Transformer: scaled dot-product attention"
# title.ja = "Scaled Dot-Product Attention の順伝播"
# title.en = "The forward pass of scaled dot-product attention"
# instructions.ja = """
# ScaledDotProductAttention.forward の 3 つの空欄を完成させてください。
#   空欄 1: クエリ Q (N, T_q, d_k) とキー K (N, T_k, d_k) から、スケーリングした注意スコア
#     scores (N, T_q, T_k) を求めます。scores[n, i, j] はクエリ i とキー j の内積を
#     √d_k で割ったものです。
#   空欄 2: scores を softmax で注意の重み weights (N, T_q, T_k) にします。各クエリについて、
#     キー全体にわたる重みの和が 1 になるようにします（softmax の軸を指定してください）。
#   空欄 3: 重み weights で値 V (N, T_k, d_v) の重み付き和をとり、出力 out (N, T_q, d_v) を
#     求めます。
# マスク（True のキーは見てはいけない）の処理と backward はすでに書かれています。
# """
# instructions.en = """
# Complete the three blanks of ScaledDotProductAttention.forward.
#   Blank 1: from the queries Q (N, T_q, d_k) and the keys K (N, T_k, d_k), compute the
#     scaled attention scores (N, T_q, T_k): scores[n, i, j] is the dot product of query i
#     and key j divided by √d_k.
#   Blank 2: turn the scores into the attention weights (N, T_q, T_k) with softmax. For
#     each query the weights over all keys must sum to 1 (give softmax the right axis).
#   Blank 3: take the weighted sum of the values V (N, T_k, d_v) with those weights: the
#     output out (N, T_q, d_v).
# The mask (True marks a key that must not be attended to) and backward are already written.
# """
#
# [[hints]]
# ja = """\
# 空欄 1: 3 次元配列どうしの @ は、先頭の軸（バッチ）ごとに最後の 2 軸で行列積をとります。\
# (T_q, d_k) と (T_k, d_k) を掛けるには、K の最後の 2 軸を入れ替えて (d_k, T_k) にします。"""
# en = """\
# Blank 1: @ on 3-D arrays multiplies the last two axes batch by batch. To multiply \
# (T_q, d_k) by (T_k, d_k), swap the last two axes of K to get (d_k, T_k)."""
#
# [[hints]]
# ja = """\
# 割るのは d_k そのものではなく、その平方根です。d_k = Q.shape[-1] はすでに求めてあります。\
# 空欄 2 で正規化するのはキーの軸、つまり scores の最後の軸です。"""
# en = """\
# Divide by the square root of d_k, not by d_k itself; d_k = Q.shape[-1] is already \
# there. Blank 2 normalises over the keys: the last axis of scores."""
#
# [[hints]]
# ja = """\
# 空欄 1 は K.transpose(0, 2, 1) を使った行列積を np.sqrt(d_k) で割ります。空欄 2 は \
# softmax の axis に最後の軸を渡し、空欄 3 は (N, T_q, T_k) と (N, T_k, d_v) の行列積です。"""
# en = """\
# Blank 1 is a matrix product with K.transpose(0, 2, 1), divided by np.sqrt(d_k). \
# Blank 2 passes the last axis to softmax; blank 3 is the matrix product of (N, T_q, T_k) and \
# (N, T_k, d_v)."""
#
# [[wrong]]
# blank = 1
# answer = "scores = Q @ K.transpose(0, 2, 1)"
# source = "common"
# why.ja = """\
# √d_k で割っていません。d_k が大きいと内積の分散が d_k 倍になり、softmax が飽和して\
# 勾配が消えます。スケーリングはこれを防ぐためのものです。"""
# why.en = """\
# The scores are not divided by √d_k. The variance of a dot product grows with d_k, so \
# for large d_k the softmax saturates and its gradients vanish; the scaling prevents that."""
#
# [[wrong]]
# blank = 1
# answer = "scores = Q @ K.transpose(0, 2, 1) / d_k"
# source = "common"
# why.ja = """\
# d_k で割っています。割るのは d_k の平方根 √d_k です（内積の標準偏差が √d_k 倍に\
# なるため）。"""
# why.en = """\
# This divides by d_k. Divide by its square root √d_k (the standard deviation of the dot \
# product grows like √d_k)."""
#
# [[wrong]]
# blank = 1
# answer = "scores = Q @ K.transpose(0, 2, 1) / np.sqrt(V.shape[-1])"
# source = "common"
# why.ja = """\
# 値の次元 d_v の平方根で割っています。スケーリングに使うのはクエリとキーの次元 d_k です。"""
# why.en = """\
# This divides by the square root of the value size d_v. The scaling uses d_k, the size of \
# the queries and keys."""
#
# [[wrong]]
# blank = 1
# answer = "scores = Q @ K / np.sqrt(d_k)"
# source = "common"
# why.ja = """\
# K を転置していません。(T_q, d_k) と (T_k, d_k) は掛けられません。K の最後の 2 軸を\
# 入れ替えて (d_k, T_k) にします。"""
# why.en = """\
# K is not transposed: (T_q, d_k) and (T_k, d_k) cannot be multiplied. Swap the last two \
# axes of K to get (d_k, T_k)."""
#
# [[wrong]]
# blank = 1
# answer = "scores = Q @ K.T / np.sqrt(d_k)"
# source = "common"
# why.ja = """\
# 3 次元配列の .T はすべての軸を逆順にして (d_k, T_k, N) にします。入れ替えるのは\
# 最後の 2 軸だけで、バッチの軸はそのままにします。"""
# why.en = """\
# .T on a 3-D array reverses all its axes, giving (d_k, T_k, N). Swap only the last two \
# axes and keep the batch axis first."""
#
# [[wrong]]
# blank = 1
# answer = "scores = K @ Q.transpose(0, 2, 1) / np.sqrt(d_k)"
# source = "common"
# why.ja = """\
# 掛ける順序が逆で、形が (N, T_k, T_q) になります。スコアの行はクエリ、列はキーです。"""
# why.en = """\
# The product is the wrong way round and gives (N, T_k, T_q). The rows of the scores are \
# the queries, the columns the keys."""
#
# [[wrong]]
# blank = 1
# answer = "scores = np.dot(Q, K.transpose(0, 2, 1)) / np.sqrt(d_k)"
# source = "common"
# why.ja = """\
# 3 次元配列の np.dot はバッチごとの行列積ではなく、(N, T_q, N, T_k) の 4 次元配列を\
# 作ります。バッチごとの行列積には @（np.matmul）を使います。"""
# why.en = """\
# np.dot on 3-D arrays is not a batched matrix product: it makes a 4-D array \
# (N, T_q, N, T_k). Use @ (np.matmul) for a product batch by batch."""
#
# [[wrong]]
# blank = 2
# answer = "softmax(scores, axis=1)"
# source = "common"
# why.ja = """\
# クエリの軸（axis=1）で正規化しています。各クエリについて、キーにわたる重みの和が 1 に\
# なるよう、最後の軸（キーの軸）で softmax をとります。"""
# why.en = """\
# This normalises over the queries (axis=1). For each query the weights over the keys must \
# sum to 1: take the softmax over the last axis (the keys)."""
#
# [[wrong]]
# blank = 2
# answer = "softmax(scores, axis=0)"
# source = "common"
# why.ja = """\
# バッチの軸（axis=0）で正規化しています。softmax をとるのはキーの軸（最後の軸）です。"""
# why.en = """\
# This normalises over the batch (axis=0). The softmax runs over the keys, the last axis."""
#
# [[wrong]]
# blank = 2
# answer = "np.exp(scores) / np.sum(np.exp(scores))"
# source = "common"
# why.ja = """\
# 配列全体の和で割っているので、クエリごとの重みの和が 1 になりません。\
# 軸を指定してキーの軸ごとに正規化します。"""
# why.en = """\
# This divides by the sum over the whole array, so the weights of a query do not sum to \
# 1. Normalise over the key axis of each query."""
#
# [[wrong]]
# blank = 2
# answer = "scores"
# source = "common"
# why.ja = """\
# softmax を忘れています。スコアは確率ではなく、マスクした要素は −∞ のままです。"""
# why.en = """\
# The softmax is missing: the scores are not weights, and masked entries stay −∞."""
#
# [[wrong]]
# blank = 3
# answer = "weights.transpose(0, 2, 1) @ V"
# source = "common"
# why.ja = """\
# 重みを転置する必要はありません。(N, T_q, T_k) の重みと (N, T_k, d_v) の値を\
# そのまま掛けると (N, T_q, d_v) になります。"""
# why.en = """\
# The weights need no transpose: (N, T_q, T_k) weights times (N, T_k, d_v) values give \
# (N, T_q, d_v) as they are."""
#
# [[wrong]]
# blank = 3
# answer = "weights @ K"
# source = "common"
# why.ja = """\
# 重み付き和をとるのはキー K ではなく値 V です。K はスコアを求めるためだけに使います。"""
# why.en = """\
# The weighted sum is over the values V, not the keys K. K only serves to compute the \
# scores."""
#
# [[wrong]]
# blank = 3
# answer = "scores @ V"
# source = "common"
# why.ja = """\
# softmax の前のスコアで和をとっています。値 V に掛けるのは softmax 後の重み weights です。"""
# why.en = """\
# This sums with the scores from before the softmax. Multiply V by the weights that the \
# softmax produced."""
#
# [[accepted]]
# blank = 1
# answer = "scores = np.matmul(Q, np.swapaxes(K, 1, 2)) / np.sqrt(d_k)"
#
# [[accepted]]
# blank = 1
# answer = "scores = np.einsum('nid,njd->nij', Q, K) / d_k ** 0.5"
#
# [[accepted]]
# blank = 1
# answer = "scores = (Q / np.sqrt(d_k)) @ K.transpose(0, 2, 1)"
#
# [[accepted]]
# blank = 2
# answer = "softmax(scores, axis=2)"
#
# [[accepted]]
# blank = 3
# answer = "np.einsum('nij,njd->nid', weights, V)"
# ///
"""Scaled Dot-Product Attention / スケール化内積注意.

日本語
------
Transformer（Vaswani et al., 2017）の注意機構。各クエリとすべてのキーの内積を √d_k で
割ったものをスコアとし、キーの軸で softmax をとった重みで値の重み付き和をとる。

    scores[n, i, j] = Σ_k Q[n, i, k] K[n, j, k] / √d_k
    scores[n, i, j] = −∞            （mask[i, j] が True の要素: 見てはいけないキー）
    weights[n, i, j] = exp(scores[n, i, j]) / Σ_u exp(scores[n, i, u])
    out[n, i, l] = Σ_j weights[n, i, j] V[n, j, l]

行列で書くと Attention(Q, K, V) = softmax(Q Kᵀ / √d_k) V（Kᵀ はバッチごとの転置）。
√d_k で割るのは、d_k が大きいと内積の分散が大きくなり softmax が飽和するのを防ぐため。

逆伝播（backward、空欄ではない）: 上流の勾配 dout (N, T_q, d_v) から

    dV = weightsᵀ dout,   dW = dout Vᵀ
    dS[n, i, j] = weights[n, i, j] (dW[n, i, j] − Σ_u dW[n, i, u] weights[n, i, u]) / √d_k
    dQ = dS K,   dK = dSᵀ Q

形状:
    Q (N, T_q, d_k)       クエリ（N: バッチ、T_q: クエリの数）
    K (N, T_k, d_k)       キー（T_k: キーの数）
    V (N, T_k, d_v)       値
    mask                  None、または (T_q, T_k) か (N, T_q, T_k) の bool 配列
                          （True = 見てはいけない。各行に False が 1 つ以上あること）
    scores, weights       (N, T_q, T_k)
    out, dout             (N, T_q, d_v)
    dQ, dK, dV            Q, K, V と同じ形

English
-------
The attention of the Transformer (Vaswani et al., 2017). The score of a query and a key is
their dot product divided by √d_k; a softmax over the keys turns the scores into weights,
and the output is the weighted sum of the values.

    scores[n, i, j] = Σ_k Q[n, i, k] K[n, j, k] / √d_k
    scores[n, i, j] = −∞            (where mask[i, j] is True: a key that must not be seen)
    weights[n, i, j] = exp(scores[n, i, j]) / Σ_u exp(scores[n, i, u])
    out[n, i, l] = Σ_j weights[n, i, j] V[n, j, l]

As matrices, Attention(Q, K, V) = softmax(Q Kᵀ / √d_k) V (Kᵀ transposed batch by batch).
The division by √d_k keeps the variance of the dot products from growing with d_k, which
would saturate the softmax.

Backward pass (backward, not a blank): from the upstream gradient dout (N, T_q, d_v)

    dV = weightsᵀ dout,   dW = dout Vᵀ
    dS[n, i, j] = weights[n, i, j] (dW[n, i, j] − Σ_u dW[n, i, u] weights[n, i, u]) / √d_k
    dQ = dS K,   dK = dSᵀ Q

Shapes:
    Q (N, T_q, d_k)       queries (N: batch, T_q: number of queries)
    K (N, T_k, d_k)       keys (T_k: number of keys)
    V (N, T_k, d_v)       values
    mask                  None, or a bool array (T_q, T_k) or (N, T_q, T_k)
                          (True = must not be seen; every row keeps at least one False)
    scores, weights       (N, T_q, T_k)
    out, dout             (N, T_q, d_v)
    dQ, dK, dV            the shapes of Q, K, V
"""

import numpy as np


def softmax(x: np.ndarray, axis: int) -> np.ndarray:
    x = x - x.max(axis=axis, keepdims=True)  # stable: the max along `axis` becomes 0
    e = np.exp(x)
    return e / np.sum(e, axis=axis, keepdims=True)  # sums to 1 along `axis`


class ScaledDotProductAttention:
    def __init__(self) -> None:
        self.params, self.grads = [], []
        self.cache = None
        self.weights = None

    def forward(self, Q: np.ndarray, K: np.ndarray, V: np.ndarray,
                mask: np.ndarray | None = None) -> np.ndarray:
        d_k = Q.shape[-1]
        # BEGIN BLANK
        scores = Q @ K.transpose(0, 2, 1) / np.sqrt(d_k)  # (N, T_q, T_k)
        # END BLANK
        if mask is not None:
            scores = np.where(mask, -np.inf, scores)  # a masked key gets weight 0
        weights = softmax(scores, axis=-1)  # BLANK: softmax(scores, axis=-1)
        out = weights @ V  # BLANK: weights @ V
        self.weights = weights  # (N, T_q, T_k)
        self.cache = (Q, K, V, weights)
        return out  # (N, T_q, d_v)

    def backward(self, dout: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
        Q, K, V, weights = self.cache
        d_k = Q.shape[-1]
        dV = weights.transpose(0, 2, 1) @ dout  # (N, T_k, d_v)
        dW = dout @ V.transpose(0, 2, 1)  # (N, T_q, T_k)
        dS = weights * (dW - np.sum(dW * weights, axis=-1, keepdims=True))  # softmax backward
        dS = dS / np.sqrt(d_k)
        dQ = dS @ K  # (N, T_q, d_k)
        dK = dS.transpose(0, 2, 1) @ Q  # (N, T_k, d_k)
        return dQ, dK, dV


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    Q, K, V = (rng.standard_normal(s) for s in [(2, 3, 4), (2, 5, 4), (2, 5, 6)])
    layer = ScaledDotProductAttention()
    out = layer.forward(Q, K, V)
    print(out.shape, layer.weights.sum(axis=-1))  # (2, 3, 6), all ones
    dQ, dK, dV = layer.backward(np.ones_like(out))
    print(dQ.shape, dK.shape, dV.shape)  # (2, 3, 4) (2, 5, 4) (2, 5, 6)
