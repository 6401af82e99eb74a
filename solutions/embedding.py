# /// exercise
# id = "embedding"
# day = 3
# section = 5
# points = 10
# topic.ja = "Seq2Seq（エンコーダ・埋め込み表現 Embedding）"
# topic.en = "Seq2Seq encoder and word embeddings (Embedding)"
# title = { ja = "単語の埋め込みとエンコーダ", en = "Word embeddings and the encoder" }
# instructions.ja = """
# 単語を埋め込みベクトルに変換する処理を 3 か所完成させてください。
#   空欄 1（encode、演習問題の形）: 単語の one-hot ベクトル w (V,) から、
#     埋め込み行列 E (D_e, V) を使って埋め込みベクトル e (D_e,) を求めます。
#     E は列形式で、単語 k の埋め込みは E の k 列目です。
#   空欄 2（Embedding.forward、ゼロから作る Deep Learning 2 の形）: 単語 ID の配列 idx から、
#     重み W (V, D) の対応する行を取り出します。idx は (N,) でも (N, T) でもかまいません。
#   空欄 3（Embedding.backward）: 勾配 dout を、順伝播で取り出した行の勾配 dW に書き込みます。
#     同じ単語 ID が何度現れても、そのすべての勾配が足し合わされるようにします。
# """
# instructions.en = """
# Complete three places that turn words into embedding vectors.
#   Blank 1 (encode, the quiz's form): from the one-hot vector w (V,) of a word, compute
#     its embedding e (D_e,) with the embedding matrix E (D_e, V). E is in column form:
#     the embedding of word k is column k of E.
#   Blank 2 (Embedding.forward, the form of Deep Learning from Scratch 2): from the array
#     of word ids idx, take the matching rows of the weights W (V, D). idx may be (N,) or
#     (N, T).
#   Blank 3 (Embedding.backward): write the gradient dout into the gradient dW of the rows
#     taken in the forward pass. However often a word id occurs, all of its gradients must
#     be added up.
# """
#
# [[hints]]
# ja = """\
# 空欄 1: one-hot ベクトルを行列に右から掛けると、行列の 1 つの列が取り出されます。\
# 空欄 2: 行列の行は、整数の配列で添字指定すればまとめて取り出せます。"""
# en = """\
# Blank 1: a matrix times a one-hot vector picks one column of the matrix. Blank 2: an \
# integer array used as an index picks many rows of a matrix at once."""
#
# [[hints]]
# ja = """\
# 空欄 3: 逆伝播では、dW の self.idx の行に dout を「足し込み」ます。\
# ただし dW[self.idx] += dout は、同じ ID が繰り返されると 1 回分しか足されません\
# （NumPy の添字代入はバッファされるため）。"""
# en = """\
# Blank 3: the backward pass adds dout into the rows self.idx of dW. But \
# dW[self.idx] += dout adds only once for an id that occurs several times (NumPy's \
# indexed assignment is buffered)."""
#
# [[hints]]
# ja = """\
# 空欄 1 は E と w の行列・ベクトル積（.dot）、空欄 2 は W を idx で添字指定します。\
# 空欄 3 はバッファされない加算 np.add.at(足し込む先, 添字, 足す値) を使います。"""
# en = """\
# Blank 1 is the matrix-vector product (.dot) of E and w; blank 2 indexes W with idx. \
# Blank 3 uses the unbuffered addition np.add.at(target, indices, values)."""
#
# [[wrong]]
# blank = 1
# answer = "E.T.dot(w)"
# source = "quiz"
# why.ja = """\
# E.T は (V, D_e) なので、(V,) の w とは V = D_e のときしか掛けられません\
# （形が合わずエラー）。掛けられた場合も E の列ではなく行を取り出してしまいます。"""
# why.en = """\
# E.T is (V, D_e), so it multiplies the (V,) vector w only when V == D_e (otherwise a \
# shape error); even then it picks a row of E instead of a column."""
#
# [[wrong]]
# blank = 1
# answer = "E * w"
# source = "quiz"
# why.ja = """\
# * は行列積ではなく要素積です。(D_e, V) と (V,) のブロードキャストで (D_e, V) の行列になり、\
# 埋め込みベクトル (D_e,) になりません。行列・ベクトル積を使います。"""
# why.en = """\
# * is the element-wise product, not the matrix product: (D_e, V) times (V,) broadcasts to \
# a (D_e, V) matrix, not the (D_e,) embedding. Use the matrix-vector product."""
#
# [[wrong]]
# blank = 1
# answer = "w.dot(E)"
# source = "common"
# why.ja = """\
# w (V,) と E (D_e, V) の積は V = D_e のときしか計算できず（形が合わずエラー）、\
# 計算できても E の列ではなく行を取り出します。E は左、w は右に置きます。"""
# why.en = """\
# w (V,) times E (D_e, V) works only when V == D_e (otherwise a shape error) and then \
# picks a row of E, not a column. Put E on the left and w on the right."""
#
# [[wrong]]
# blank = 1
# answer = "np.argmax(w)"
# source = "common"
# why.ja = """\
# np.argmax(w) は単語の番号（整数）で、埋め込みベクトルではありません。\
# その番号に対応する E の列（D_e 次元のベクトル）を求めます。"""
# why.en = """\
# np.argmax(w) is the word's index (an integer), not its embedding. Compute the column of \
# E for that word, a vector of size D_e."""
#
# [[wrong]]
# blank = 1
# answer = "E[np.argmax(w)]"
# source = "common"
# why.ja = """\
# E は列形式 (D_e, V) なので、単語の埋め込みは行ではなく列です。E[k] は k 行目を\
# 取り出します（k ≥ D_e ならエラー）。"""
# why.en = """\
# E is in column form (D_e, V): a word's embedding is a column, not a row. E[k] takes \
# row k (an IndexError when k >= D_e)."""
#
# [[wrong]]
# blank = 1
# answer = "E[w]"
# source = "common"
# why.ja = """\
# one-hot ベクトルそのものは添字になりません（浮動小数点の配列は添字に使えずエラー）。\
# one-hot ベクトルは行列との積で使うか、np.argmax で番号に直します。"""
# why.en = """\
# A one-hot vector is not an index (a float array cannot index an array: IndexError). \
# Multiply the matrix by it, or turn it into an index with np.argmax."""
#
# [[wrong]]
# blank = 2
# answer = "W[:, idx]"
# source = "common"
# why.ja = """\
# W は (V, D) の行形式で、単語 ID の埋め込みは行です。W[:, idx] は列を取り出すので、\
# 形が (V, N) になります（ID ≥ D ならエラー）。"""
# why.en = """\
# W is (V, D) in row form: the embedding of a word id is a row. W[:, idx] takes columns \
# and gives (V, N) (an IndexError for ids >= D)."""
#
# [[wrong]]
# blank = 2
# answer = "W.T[idx]"
# source = "common"
# why.ja = """\
# W.T は (D, V) なので、W.T[idx] は W の列を取り出します（ID ≥ D ならエラー）。\
# 埋め込みは W の行です。"""
# why.en = """\
# W.T is (D, V), so W.T[idx] takes columns of W (an IndexError for ids >= D). The \
# embeddings are the rows of W."""
#
# [[wrong]]
# blank = 2
# answer = "W[idx].T"
# source = "common"
# why.ja = """\
# 取り出した行を転置する必要はありません。出力の形は idx の形の後ろに D を付けた\
# (N, D) や (N, T, D) です。"""
# why.en = """\
# The rows taken must not be transposed: the output shape is idx's shape followed by D, \
# (N, D) or (N, T, D)."""
#
# [[wrong]]
# blank = 2
# answer = "W[idx[0]]"
# source = "common"
# why.ja = """\
# 最初の単語 ID の行しか取り出していません。idx のすべての ID について行を取り出します。"""
# why.en = """\
# Only the row of the first word id is taken. Take the rows of all the ids in idx."""
#
# [[wrong]]
# blank = 2
# answer = "idx.dot(W)"
# source = "common"
# why.ja = """\
# idx は one-hot ベクトルではなく単語 ID（整数）の配列です。ID を値として掛け合わせるのではなく、\
# ID を添字にして W の行を取り出します。"""
# why.en = """\
# idx is an array of word ids (integers), not of one-hot vectors. Do not multiply by the \
# ids; use them as indices to take rows of W."""
#
# [[wrong]]
# blank = 3
# answer = "dW[self.idx] = dout"
# source = "common"
# why.ja = """\
# 代入では、同じ単語 ID が複数回現れたとき後の勾配が前の勾配を上書きしてしまいます。\
# 同じ ID の勾配はすべて足し合わせます。"""
# why.en = """\
# Assignment lets a later gradient overwrite an earlier one when a word id occurs more \
# than once. The gradients of a repeated id must be added up."""
#
# [[wrong]]
# blank = 3
# answer = "dW[self.idx] += dout"
# source = "common"
# why.ja = """\
# 添字を使った += はバッファされるため、同じ単語 ID が複数回現れても 1 回分しか\
# 足されません。繰り返しも足し込む np.add.at を使います。"""
# why.en = """\
# += with fancy indexing is buffered: a word id that occurs several times is added only \
# once. Use np.add.at, which adds every occurrence."""
#
# [[wrong]]
# blank = 3
# answer = "np.add.at(dW, self.idx, dout.T)"
# source = "common"
# why.ja = """\
# dout を転置する必要はありません。dout の形は idx の形の後ろに D を付けたもので、\
# dW の各行に足す値がそのまま並んでいます。"""
# why.en = """\
# dout must not be transposed: its shape is idx's shape followed by D, exactly the rows \
# to add into dW."""
#
# [[wrong]]
# blank = 3
# answer = "dW += dout.sum(axis=0)"
# source = "common"
# why.ja = """\
# バッチ方向の和を dW のすべての行に足しています。勾配は順伝播で使われた単語 ID の行にだけ、\
# それぞれの dout を足し込みます。"""
# why.en = """\
# This adds the sum over the batch to every row of dW. Each dout row belongs only to the \
# row of its word id, the one used in the forward pass."""
#
# [[accepted]]
# # the quiz offers this as a distractor, but for a 1-D one-hot w it equals E.dot(w)
# blank = 1
# answer = "w.dot(E.T)"
#
# [[accepted]]
# blank = 1
# answer = "E @ w"
#
# [[accepted]]
# blank = 1
# answer = "E[:, np.argmax(w)]"
#
# [[accepted]]
# blank = 2
# answer = "W[idx, :]"
#
# [[accepted]]
# blank = 2
# answer = "np.take(W, idx, axis=0)"
#
# [[accepted]]
# blank = 3
# answer = "np.add.at(dW, self.idx.ravel(), dout.reshape(-1, dW.shape[1]))"
#
# [[accepted]]
# blank = 3
# answer = "for k, g in zip(self.idx.ravel(), dout.reshape(self.idx.size, -1)): dW[k] += g"
# ///
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
        e = E.dot(w)  # BLANK: E.dot(w)
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
        out = W[idx]  # BLANK: W[idx]
        return out  # idx.shape + (D,)

    def backward(self, dout: np.ndarray) -> None:
        dW, = self.grads
        dW[...] = 0  # keep the same array, set to zero
        np.add.at(dW, self.idx, dout)  # BLANK: np.add.at(dW, self.idx, dout)
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
