# ============================================================================
# edrill · cbow · Day 3 Section 6 · word2vec（CBOW） / word2vec (CBOW)
# CBOW モデルの中間層（順伝播と逆伝播） / The hidden layer of CBOW (forward and backward)
#
# 【課題】
# ゼロから作る Deep Learning 2 の SimpleCBOW（ウィンドウサイズ 1、文脈は 2 単語）を
# 完成させてください。空欄は 2 つです。
#   1. forward: 2 つの文脈の単語の埋め込み h0, h1 から中間層 h を作る（2 つの平均）
#   2. backward: 出力層から戻ってきた勾配 da を、h0 と h1 それぞれへの勾配に直す
#      （da をその場で書き換える。その後の与えられた行が dW_in を計算する）
#
# [Task]
# Complete SimpleCBOW of Deep Learning from Scratch 2 (window size 1, two context words).
# There are two blanks:
#   1. forward: make the hidden layer h from the embeddings h0, h1 of the two context
#      words (their average);
#   2. backward: turn the gradient da coming back from the output layer into the gradient
#      for each of h0 and h1 (update da; the given line after it computes dW_in).
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade cbow` で採点。ヒント: `grade hint cbow`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade cbow`. Hints: `grade hint cbow`
# ============================================================================
"""CBOW の中間層 / The hidden layer of CBOW (word2vec).

日本語
------
ゼロから作る Deep Learning 2 の SimpleCBOW（行形式、ウィンドウサイズ 1）。
文脈の 2 単語 c0, c1（one-hot）から中央の単語のスコアを出す。

    h0 = c0 W_in,  h1 = c1 W_in              文脈の単語の埋め込み
    h  = ½ (h0 + h1)                         中間層（文脈ベクトルの平均）
    s  = h W_out                             スコア（この後 softmax と交差エントロピー）

逆伝播（上流の勾配 ds = ∂L/∂s）:

    dW_out = hᵀ ds
    dh     = ds W_outᵀ
    dh0 = dh1 = ½ dh                         平均の局所的な微分は ½
    dW_in  = c0ᵀ dh0 + c1ᵀ dh1               W_in は 2 回使われるので勾配を足す

形状:
    contexts (N, 2, V)   one-hot の文脈（contexts[:, 0] が c0、contexts[:, 1] が c1、
                         それぞれ (N, V)）
    W_in (V, H), W_out (H, V)
    h0, h1, h (N, H), score と dscore (N, V)
    grads = [dW_in (V, H), dW_out (H, V)]: backward は None を返し、grads をその場で書き換える

English
-------
SimpleCBOW of Deep Learning from Scratch 2 (row form, window size 1): from two context
words c0, c1 (one-hot) it scores the centre word.

    h0 = c0 W_in,  h1 = c1 W_in              embeddings of the context words
    h  = ½ (h0 + h1)                         hidden layer (the average of the contexts)
    s  = h W_out                             scores (then softmax and cross entropy)

Backward pass (upstream gradient ds = ∂L/∂s):

    dW_out = hᵀ ds
    dh     = ds W_outᵀ
    dh0 = dh1 = ½ dh                         the local derivative of the average is ½
    dW_in  = c0ᵀ dh0 + c1ᵀ dh1               W_in is used twice, so the gradients add up

Shapes:
    contexts (N, 2, V)   one-hot contexts (contexts[:, 0] is c0, contexts[:, 1] is c1,
                         each (N, V))
    W_in (V, H), W_out (H, V)
    h0, h1, h (N, H), score and dscore (N, V)
    grads = [dW_in (V, H), dW_out (H, V)]: backward returns None and fills grads in place
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of cbow is not filled in yet")


class SimpleCBOW:
    def __init__(self, W_in: np.ndarray, W_out: np.ndarray) -> None:
        self.params = [W_in, W_out]  # W_in (V, H), W_out (H, V)
        self.grads = [np.zeros_like(W_in), np.zeros_like(W_out)]
        self.cache = None

    def forward(self, contexts: np.ndarray) -> np.ndarray:
        W_in, W_out = self.params
        c0, c1 = contexts[:, 0], contexts[:, 1]  # (N, V) each, one-hot
        h0 = c0.dot(W_in)  # (N, H)
        h1 = c1.dot(W_in)  # (N, H)
        h = _blank(1)
        score = h.dot(W_out)  # (N, V)
        self.cache = (c0, c1, h)
        return score

    def backward(self, dscore: np.ndarray) -> None:
        W_in, W_out = self.params
        dW_in, dW_out = self.grads
        c0, c1, h = self.cache
        dW_out[...] = h.T.dot(dscore)  # (H, V)
        da = dscore.dot(W_out.T)  # (N, H), the gradient for h
        # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
        _blank(2)
        # └──
        dW_in[...] = c0.T.dot(da) + c1.T.dot(da)  # (V, H), W_in is used twice
        return None


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    V, H = 5, 3
    model = SimpleCBOW(0.01 * rng.standard_normal((V, H)), 0.01 * rng.standard_normal((H, V)))
    contexts = np.eye(V)[[[0, 2], [1, 3]]]  # (N, 2, V) = (2, 2, 5)
    score = model.forward(contexts)
    model.backward(np.ones_like(score))
    print(score.shape, [g.shape for g in model.grads])  # (2, 5) [(5, 3), (3, 5)]
