# /// exercise
# id = "cbow"
# day = 3
# section = 6
# points = 10
# topic.ja = "word2vec（CBOW）"
# topic.en = "word2vec (CBOW)"
# title.ja = "CBOW モデルの中間層（順伝播と逆伝播）"
# title.en = "The hidden layer of CBOW (forward and backward)"
# instructions.ja = """
# ゼロから作る Deep Learning 2 の SimpleCBOW（ウィンドウサイズ 1、文脈は 2 単語）を
# 完成させてください。空欄は 2 つです。
#   1. forward: 2 つの文脈の単語の埋め込み h0, h1 から中間層 h を作る（2 つの平均）
#   2. backward: 出力層から戻ってきた勾配 da を、h0 と h1 それぞれへの勾配に直す
#      （da をその場で書き換える。その後の与えられた行が dW_in を計算する）
# """
# instructions.en = """
# Complete SimpleCBOW of Deep Learning from Scratch 2 (window size 1, two context words).
# There are two blanks:
#   1. forward: make the hidden layer h from the embeddings h0, h1 of the two context
#      words (their average);
#   2. backward: turn the gradient da coming back from the output layer into the gradient
#      for each of h0 and h1 (update da; the given line after it computes dW_in).
# """
#
# [[hints]]
# ja = """\
# CBOW の中間層は、文脈の単語ベクトルの平均です。文脈が 2 単語なら 2 つを足して 2 で割ります。"""
# en = """\
# The hidden layer of CBOW is the average of the context word vectors: with two context \
# words, add them and divide by 2."""
#
# [[hints]]
# ja = """\
# h = ½ (h0 + h1) を h0 で微分すると 1/2 です。h1 についても同じです。\
# 逆伝播では、上流の勾配にこの局所的な微分を掛けます。"""
# en = """\
# The derivative of h = ½ (h0 + h1) by h0 is 1/2, and the same by h1. The backward pass \
# multiplies the upstream gradient by this local derivative."""
#
# [[hints]]
# ja = """\
# 順伝播で 0.5 を掛けたので、逆伝播でも da に 0.5 を掛けます（累算代入 *= が使えます）。\
# h0 と h1 は同じ W_in から来るので、dW_in には 2 つの勾配が両方足されます。"""
# en = """\
# The forward pass multiplied by 0.5, so the backward pass multiplies da by 0.5 (the \
# augmented assignment *= works). h0 and h1 both come from W_in, so both gradients are \
# added into dW_in."""
#
# [[wrong]]
# blank = 1
# answer = "h0 + h1"
# source = "common"
# why.ja = """\
# 和のままで平均になっていません。CBOW の中間層は文脈ベクトルの平均なので 0.5 を掛けます。"""
# why.en = """\
# That is the sum, not the average: the hidden layer of CBOW averages the context \
# vectors, so multiply by 0.5."""
#
# [[wrong]]
# blank = 1
# answer = "h0 + h1 * 0.5"
# source = "common"
# why.ja = """\
# 演算子の優先順位により 0.5 が h1 にしか掛かっていません。\
# 和を括弧でくくってから 0.5 を掛けます。"""
# why.en = """\
# By operator precedence, 0.5 multiplies only h1: put the sum in parentheses before \
# multiplying by 0.5."""
#
# [[wrong]]
# blank = 1
# answer = "h0 * h1 * 0.5"
# source = "common"
# why.ja = """\
# 2 つのベクトルは掛けるのではなく足して平均を取ります。"""
# why.en = """\
# The two vectors are added and averaged, not multiplied."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([h0, h1], axis=1)"
# source = "common"
# why.ja = """\
# CBOW は文脈ベクトルを連結せずに平均します（単語の順序を無視する bag of words）。\
# 連結すると h は (N, 2H) になり、W_out (H, V) と掛けられません。"""
# why.en = """\
# CBOW averages the context vectors instead of concatenating them (a bag of words that \
# ignores word order). Concatenated, h is (N, 2H) and cannot be multiplied by \
# W_out (H, V)."""
#
# [[wrong]]
# blank = 2
# answer = "pass"
# source = "common"
# why.ja = """\
# 順伝播で 0.5 を掛けたので、逆伝播でも da に 0.5 を掛ける必要があります。\
# このままでは dW_in が 2 倍になります。"""
# why.en = """\
# The forward pass multiplied by 0.5, so the backward pass must multiply da by 0.5 too; \
# as it is, dW_in comes out twice too large."""
#
# [[wrong]]
# blank = 2
# answer = "da *= 2"
# source = "common"
# why.ja = """\
# 足された入力が 2 つあるからといって勾配を 2 倍にはしません。h = 0.5 (h0 + h1) の\
# 局所的な微分は 0.5 です。"""
# why.en = """\
# Two inputs being added does not double the gradient: the local derivative of \
# h = 0.5 (h0 + h1) is 0.5."""
#
# [[wrong]]
# blank = 2
# answer = "da *= 0.25"
# source = "common"
# why.ja = """\
# 0.5 を 2 回掛けています。h0 と h1 は別々に 0.5 倍の勾配を受け取るので、\
# da に掛けるのは 1 回（0.5）だけです。"""
# why.en = """\
# 0.5 is applied twice. h0 and h1 each receive the gradient times 0.5, so da is \
# multiplied by 0.5 once."""
#
# [[wrong]]
# blank = 2
# answer = "da /= 0.5"
# source = "common"
# why.ja = """\
# 0.5 で割ると 2 倍になります。局所的な微分 0.5 を掛けます。"""
# why.en = """\
# Dividing by 0.5 doubles the gradient: multiply by the local derivative 0.5."""
#
# [[wrong]]
# blank = 2
# answer = "dscore *= 0.5"
# source = "common"
# why.ja = """\
# da はすでに dscore から計算済みなので、dscore を書き換えても da は変わりません。\
# 0.5 を掛けるのは da です。"""
# why.en = """\
# da has already been computed from dscore, so changing dscore does not change da: \
# multiply da by 0.5."""
#
# [[accepted]]
# blank = 1
# answer = "(h0 + h1) / 2"
#
# [[accepted]]
# blank = 1
# answer = "np.mean([h0, h1], axis=0)"
#
# [[accepted]]
# blank = 2
# answer = "da = da / 2"
#
# [[accepted]]
# blank = 2
# answer = "da = 0.5 * da"
# ///
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
        h = (h0 + h1) * 0.5  # BLANK: (h0 + h1) * 0.5
        score = h.dot(W_out)  # (N, V)
        self.cache = (c0, c1, h)
        return score

    def backward(self, dscore: np.ndarray) -> None:
        W_in, W_out = self.params
        dW_in, dW_out = self.grads
        c0, c1, h = self.cache
        dW_out[...] = h.T.dot(dscore)  # (H, V)
        da = dscore.dot(W_out.T)  # (N, H), the gradient for h
        # BEGIN BLANK
        da *= 0.5
        # END BLANK
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
