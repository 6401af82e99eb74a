"""Red-team baseline (wrong): a wrong answer in every blank; must earn no point."""

"""単語の埋め込み / Word embeddings: the seq2seq encoder and the Embedding layer.

日本語
------
encode（演習問題の形、列形式）: 単語を one-hot ベクトルで受け取り、埋め込んでから
単純な RNN で読み、最後の隠れ状態を文の表現として返す。

    e_t = E w_t                              w_t が単語 k の one-hot なら e_t は E の k 列目
    h_t = tanh(W e_t + U h_{t-1} + b),  h_{-1} = 0
    戻り値 h_{T-1}

（演習問題では活性化関数が _activation と書かれているが、ここでは tanh を使う。）

形状（encode）:
    words       one-hot ベクトル w_t (V,) の並び（長さ T、(T, V) の配列でもよい）
    E (D_e, V)  埋め込み行列（列形式: 単語 k の埋め込みは列 k）
    W (H, D_e), U (H, H), b (H,)
    e (D_e,), h (H,)、戻り値 (H,)

Embedding（ゼロから作る Deep Learning 2 の形、行形式）: 単語 ID で重みの行を引く。

    順伝播:  out[n] = W_{idx[n], :}       （idx の各要素について W の行を取り出す）
    逆伝播:  dW_{k, :} = Σ_{n : idx[n] = k} dout[n]

同じ単語 ID がミニバッチ内に何度も現れることがある。逆伝播ではその ID の行に
すべての出現の勾配を足し合わせなければならない（代入や添字つきの += では
重複が 1 回分しか反映されない）。

形状（Embedding）:
    W (V, D)                    重み（行形式: 単語 k の埋め込みは行 k）
    idx                         単語 ID の整数配列、(N,) または (N, T)
    out, dout                   idx の形 + (D,)、つまり (N, D) または (N, T, D)
    grads[0] = dW (V, D)        backward は None を返し、dW をその場で書き換える

English
-------
encode (the quiz's form, column form): take words as one-hot vectors, embed them, read
them with a plain RNN and return the last hidden state as the sentence's representation.

    e_t = E w_t                              for the one-hot of word k, e_t is column k of E
    h_t = tanh(W e_t + U h_{t-1} + b),  h_{-1} = 0
    returns h_{T-1}

(The quiz writes the activation as _activation; here it is tanh.)

Shapes (encode):
    words       a sequence of T one-hot vectors w_t (V,) (a (T, V) array is fine)
    E (D_e, V)  embedding matrix (column form: the embedding of word k is column k)
    W (H, D_e), U (H, H), b (H,)
    e (D_e,), h (H,), returns (H,)

Embedding (the form of Deep Learning from Scratch 2, row form): look up rows by word id.

    forward:   out[n] = W_{idx[n], :}        (one row of W for every entry of idx)
    backward:  dW_{k, :} = Σ_{n : idx[n] = k} dout[n]

A word id may occur many times in a mini-batch. The backward pass must add the gradients
of all its occurrences into that id's row (an assignment, or += with an index array,
counts a repeated id only once).

Shapes (Embedding):
    W (V, D)                    weights (row form: the embedding of word k is row k)
    idx                         integer array of word ids, (N,) or (N, T)
    out, dout                   idx's shape + (D,), i.e. (N, D) or (N, T, D)
    grads[0] = dW (V, D)        backward returns None and fills dW in place
"""

from collections.abc import Sequence

import numpy as np


def encode(
    words: Sequence[np.ndarray], E: np.ndarray,
    W: np.ndarray, U: np.ndarray, b: np.ndarray,
) -> np.ndarray:
    H = U.shape[0]
    h = np.zeros(H)  # h_{-1} = 0, (H,)
    for w in words:  # w (V,), one-hot
        e = np.argmax(w)
        h = np.tanh(W.dot(e) + U.dot(h) + b)  # (H,)
    return h  # (H,)


class Embedding:
    def __init__(self, W: np.ndarray) -> None:
        self.params = [W]  # W (V, D)
        self.grads = [np.zeros_like(W)]  # dW (V, D)
        self.idx = None

    def forward(self, idx: np.ndarray) -> np.ndarray:
        W, = self.params
        self.idx = idx  # (N,) or (N, T), integer word ids
        out = idx.dot(W)
        return out  # idx.shape + (D,)

    def backward(self, dout: np.ndarray) -> None:
        dW, = self.grads
        dW[...] = 0  # keep the same array, set to zero
        dW += dout.sum(axis=0)
        return None


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    V, D_e, H = 5, 3, 4
    E = rng.standard_normal((D_e, V))
    W, U, b = rng.standard_normal((H, D_e)), rng.standard_normal((H, H)), np.zeros(H)
    words = np.eye(V)[[1, 3, 1]]  # three one-hot vectors, (3, V)
    print(encode(words, E, W, U, b).shape)  # (4,)

    layer = Embedding(rng.standard_normal((V, 2)))
    out = layer.forward(np.array([[0, 2], [2, 4]]))  # (2, 2, 2)
    layer.backward(np.ones_like(out))
    print(layer.grads[0][:, 0])  # [1. 0. 2. 0. 1.]: id 2 occurs twice
