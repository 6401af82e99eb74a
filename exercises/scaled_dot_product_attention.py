# ============================================================================
# edrill · scaled_dot_product_attention · Day 4 Section 5 · Transformer（Scaled Dot-Product Attention） / Transformer: scaled dot-product attention
# Scaled Dot-Product Attention の順伝播 / The forward pass of scaled dot-product attention
#
# 【課題】
# ScaledDotProductAttention.forward の 3 つの空欄を完成させてください。
#   空欄 1: クエリ Q (N, T_q, d_k) とキー K (N, T_k, d_k) から、スケーリングした注意スコア
#     scores (N, T_q, T_k) を求めます。scores[n, i, j] はクエリ i とキー j の内積を
#     √d_k で割ったものです。
#   空欄 2: scores を softmax で注意の重み weights (N, T_q, T_k) にします。各クエリについて、
#     キー全体にわたる重みの和が 1 になるようにします（softmax の軸を指定してください）。
#   空欄 3: 重み weights で値 V (N, T_k, d_v) の重み付き和をとり、出力 out (N, T_q, d_v) を
#     求めます。
# マスク（True のキーは見てはいけない）の処理と backward はすでに書かれています。
#
# [Task]
# Complete the three blanks of ScaledDotProductAttention.forward.
#   Blank 1: from the queries Q (N, T_q, d_k) and the keys K (N, T_k, d_k), compute the
#     scaled attention scores (N, T_q, T_k): scores[n, i, j] is the dot product of query i
#     and key j divided by √d_k.
#   Blank 2: turn the scores into the attention weights (N, T_q, T_k) with softmax. For
#     each query the weights over all keys must sum to 1 (give softmax the right axis).
#   Blank 3: take the weighted sum of the values V (N, T_k, d_v) with those weights: the
#     output out (N, T_q, d_v).
# The mask (True marks a key that must not be attended to) and backward are already written.
#
# 空欄 `_blank(N)` (3 箇所) を埋めて `grade scaled_dot_product_attention` で採点。ヒント: `grade hint scaled_dot_product_attention`
# Fill in the 3 blank(s) `_blank(N)`, then run `grade scaled_dot_product_attention`. Hints: `grade hint scaled_dot_product_attention`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of scaled_dot_product_attention is not filled in yet")


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
        # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
        _blank(1)
        # └──
        if mask is not None:
            scores = np.where(mask, -np.inf, scores)  # a masked key gets weight 0
        weights = _blank(2)
        out = _blank(3)
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
