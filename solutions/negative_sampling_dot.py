# /// exercise
# id = "negative_sampling_dot"
# day = 3
# section = 6
# points = 10
# requires = ["embedding"]
# topic.ja = "word2vec（負例サンプリング）"
# topic.en = "word2vec (negative sampling)"
# title.ja = "EmbeddingDot: 中間層と単語ベクトルの内積"
# title.en = "EmbeddingDot: the dot product of the hidden layer and a word vector"
# instructions.ja = """
# 負例サンプリングで使う EmbeddingDot レイヤ（ゼロから作る Deep Learning 2）の順伝播を
# 完成させてください。target_W は出力側の重みから取り出した単語ベクトルで、h と同じ
# (N, H) です。空欄では、ミニバッチの各行 n について target_W[n] と h[n] の内積を
# 計算し、形 (N,) の配列 out を作ります（この後でシグモイドと交差エントロピーに通すスコア）。
# backward は与えられています。
# """
# instructions.en = """
# Complete the forward pass of the EmbeddingDot layer used by negative sampling (Deep
# Learning from Scratch 2). target_W holds the word vectors picked from the output-side
# weights and has the same shape (N, H) as h. In the blank compute, for each row n of the
# mini-batch, the dot product of target_W[n] and h[n]: an array out of shape (N,) (the
# score later passed through the sigmoid and cross entropy). backward is given.
# """
#
# [[hints]]
# ja = """\
# 必要なのは N 個の内積で、N × N の行列ではありません。行 n 同士だけを掛け合わせます。"""
# en = """\
# You need N dot products, not an N × N matrix: only row n is multiplied with row n."""
#
# [[hints]]
# ja = """\
# 内積は「要素ごとの積の和」です。target_W と h は同じ形なので、まず要素積 * を取ります。"""
# en = """\
# A dot product is "the sum of the element-wise products". target_W and h have the same \
# shape, so take the element-wise product * first."""
#
# [[hints]]
# ja = """\
# 要素積 (N, H) を H の軸（axis=1）に沿って np.sum で足すと (N,) になります。"""
# en = """\
# Summing the element-wise product (N, H) with np.sum along the H axis (axis=1) gives (N,)."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(target_W * h)"
# source = "common"
# why.ja = """\
# 軸を指定しないと全要素の和（スカラー）になります。行ごとの内積にするには axis=1 で足します。"""
# why.en = """\
# Without an axis np.sum adds every element into one scalar; sum along axis=1 for one dot \
# product per row."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(target_W * h, axis=0)"
# source = "common"
# why.ja = """\
# axis=0 はミニバッチの方向に足すので (H,) になります。内積は H の方向（axis=1）に足します。"""
# why.en = """\
# axis=0 sums over the mini-batch and gives (H,); the dot product sums over H (axis=1)."""
#
# [[wrong]]
# blank = 1
# answer = "target_W * h"
# source = "common"
# why.ja = """\
# 要素積のままで足し合わせていません。内積にするには axis=1 に沿って和を取ります。"""
# why.en = """\
# That is only the element-wise product; a dot product also sums it along axis=1."""
#
# [[wrong]]
# blank = 1
# answer = "np.dot(target_W, h.T)"
# source = "common"
# why.ja = """\
# 行列積はすべての組 (n, m) の内積を並べた (N, N) になります。必要なのは同じ行同士の\
# N 個の内積（その対角成分）だけです。"""
# why.en = """\
# The matrix product gives the dot products of all pairs (n, m), an (N, N) array; only the \
# N dot products of matching rows (its diagonal) are wanted."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(target_W + h, axis=1)"
# source = "common"
# why.ja = """\
# 内積は要素の和ではなく要素積の和です。"""
# why.en = """\
# A dot product sums the element-wise products, not the element-wise sums."""
#
# [[wrong]]
# blank = 1
# answer = "np.sum(target_W * h, axis=1, keepdims=True)"
# source = "common"
# why.ja = """\
# keepdims=True では (N, 1) になります。EmbeddingDot の出力は (N,) です\
# （(N, 1) への変形は backward で dout に対して行います）。"""
# why.en = """\
# keepdims=True gives (N, 1); the output of EmbeddingDot is (N,) (backward reshapes dout \
# to (N, 1) itself)."""
#
# [[accepted]]
# blank = 1
# answer = "(target_W * h).sum(axis=1)"
#
# [[accepted]]
# blank = 1
# answer = "np.einsum('nh,nh->n', target_W, h)"
#
# [[accepted]]
# blank = 1
# answer = "np.sum(h * target_W, axis=-1)"
# ///
"""EmbeddingDot / The dot-product layer of negative sampling (word2vec).

日本語
------
ゼロから作る Deep Learning 2 の EmbeddingDot（行形式）。CBOW の中間層 h と、
出力側の重み W から単語 ID で取り出した単語ベクトルの内積をスコアにする。負例サンプリング
では、正解の単語と数個の負例の単語について、このスコアをシグモイドと 2 値の交差エントロピー
に通す。

    target_W[n] = W_{idx[n], :}                     単語 idx[n] のベクトル
    out[n] = target_W[n] · h[n] = Σ_k target_W[n, k] h[n, k]

逆伝播（上流の勾配 dout = ∂L/∂out）:

    dh[n]          = dout[n] target_W[n]
    dtarget_W[n]   = dout[n] h[n]
    dW_{k, :}      = Σ_{n : idx[n] = k} dtarget_W[n]   同じ ID の勾配は足し合わせる

形状:
    W (V, H)                    出力側の重み（単語 k のベクトルは行 k）
    h (N, H)                    中間層
    idx (N,)                    単語 ID（整数）
    target_W (N, H)
    out, dout (N,)
    dh (N, H)、grads[0] = dW (V, H)（backward は dh を返し、dW をその場で書き換える）

English
-------
EmbeddingDot of Deep Learning from Scratch 2 (row form). The score is the dot product of
the CBOW hidden layer h and the word vector picked by id from the output-side weights W.
Negative sampling passes this score through the sigmoid and binary cross entropy for the
correct word and a few negative samples.

    target_W[n] = W_{idx[n], :}                     the vector of word idx[n]
    out[n] = target_W[n] · h[n] = Σ_k target_W[n, k] h[n, k]

Backward pass (upstream gradient dout = ∂L/∂out):

    dh[n]          = dout[n] target_W[n]
    dtarget_W[n]   = dout[n] h[n]
    dW_{k, :}      = Σ_{n : idx[n] = k} dtarget_W[n]   gradients of a repeated id add up

Shapes:
    W (V, H)                    output-side weights (the vector of word k is row k)
    h (N, H)                    hidden layer
    idx (N,)                    word ids (integers)
    target_W (N, H)
    out, dout (N,)
    dh (N, H), grads[0] = dW (V, H) (backward returns dh and fills dW in place)
"""

import numpy as np


class Embedding:
    def __init__(self, W: np.ndarray) -> None:
        self.params = [W]  # W (V, H)
        self.grads = [np.zeros_like(W)]
        self.idx = None

    def forward(self, idx: np.ndarray) -> np.ndarray:
        W, = self.params
        self.idx = idx  # (N,)
        return W[idx]  # (N, H)

    def backward(self, dout: np.ndarray) -> None:
        dW, = self.grads
        dW[...] = 0
        for i, word_id in enumerate(self.idx):  # a repeated id adds up
            dW[word_id] += dout[i]
        return None


class EmbeddingDot:
    def __init__(self, W: np.ndarray) -> None:
        self.embed = Embedding(W)
        self.params = self.embed.params
        self.grads = self.embed.grads
        self.cache = None

    def forward(self, h: np.ndarray, idx: np.ndarray) -> np.ndarray:
        target_W = self.embed.forward(idx)  # (N, H)
        out = np.sum(target_W * h, axis=1)  # BLANK: np.sum(target_W * h, axis=1)
        self.cache = (h, target_W)
        return out  # (N,)

    def backward(self, dout: np.ndarray) -> np.ndarray:
        h, target_W = self.cache
        dout = dout.reshape(dout.shape[0], 1)  # (N, 1)
        dtarget_W = dout * h  # (N, H)
        self.embed.backward(dtarget_W)
        dh = dout * target_W  # (N, H)
        return dh


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    V, H = 6, 3
    layer = EmbeddingDot(rng.standard_normal((V, H)))
    h = rng.standard_normal((4, H))
    out = layer.forward(h, np.array([0, 3, 5, 3]))
    dh = layer.backward(np.ones_like(out))
    print(out.shape, dh.shape, layer.grads[0].shape)  # (4,) (4, 3) (6, 3)
