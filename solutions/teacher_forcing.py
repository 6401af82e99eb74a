# /// exercise
# id = "teacher_forcing"
# day = 3
# section = 5
# points = 10
# topic.ja = "Seq2Seq（デコーダ・教師強制 Teacher Forcing）"
# topic.en = "Seq2Seq decoder and teacher forcing"
# title.ja = "教師強制: デコーダの入力と正解をずらして作る"
# title.en = "Teacher forcing: shifting the decoder's inputs and targets"
# instructions.ja = """
# Seq2Seq の学習では、デコーダに正解の系列を 1 時刻ずつ入力し（教師強制）、
# 各時刻で「次の単語」を予測させます。
# 正解の系列 ts (N, T) は先頭が開始記号です。空欄では ts から
# デコーダの入力 decoder_xs (N, T-1) と、各時刻の正解 decoder_ts (N, T-1) を作ってください。
# 時刻 t の入力 decoder_xs[:, t] に対する正解は、その次の単語でなければなりません。
# decoder_loss は、できた 2 つの配列でデコーダの平均交差エントロピーを計算します
# （空欄ではありません）。
# """
# instructions.en = """
# Seq2Seq is trained with teacher forcing: the decoder is fed the correct sequence one
# time step at a time and must predict the next word at every step.
# The target sequence ts (N, T) starts with the start symbol. In the blank, build from ts
# the decoder's inputs decoder_xs (N, T-1) and the targets decoder_ts (N, T-1).
# The target for the input decoder_xs[:, t] must be the word that follows it.
# decoder_loss computes the decoder's mean cross-entropy from the two arrays (not a blank).
# """
#
# [[hints]]
# ja = """\
# ts の軸 0 はバッチ、軸 1 は時間です。ずらすのは時間の軸だけです。"""
# en = """\
# Axis 0 of ts is the batch and axis 1 is time. Shift along the time axis only."""
#
# [[hints]]
# ja = """\
# 入力には最後の単語が要りません（その次を予測しないため）。正解には開始記号が要りません\
# （開始記号を予測することはないため）。"""
# en = """\
# The inputs do not need the last word (nothing follows it to predict). The targets do not \
# need the start symbol (it is never predicted)."""
#
# [[hints]]
# ja = """\
# 入力は時間の軸で最後の 1 つを除いたスライス、正解は最初の 1 つを除いたスライスです\
# （[:, :-1] と [:, 1:] の形のスライス）。"""
# en = """\
# The inputs are the slice without the last step along time, the targets the slice without \
# the first step (slices of the form [:, :-1] and [:, 1:])."""
#
# [[wrong]]
# blank = 1
# answer = "ts[:, 1:], ts[:, :-1]"
# source = "common"
# why.ja = """\
# 入力と正解が逆です。これでは次の単語から前の単語を予測することになり、\
# 開始記号を正解にして最後の単語を入力にしてしまいます。"""
# why.en = """\
# Inputs and targets are swapped: the decoder would predict the previous word from the next \
# one, with the start symbol as a target and the last word as an input."""
#
# [[wrong]]
# blank = 1
# answer = "ts[:-1], ts[1:]"
# source = "common"
# why.ja = """\
# ずらしているのはバッチの軸（軸 0）です。ts は (N, T) なので、時間の軸は軸 1 です。\
# これでは別のサンプルの系列を正解にしてしまいます。"""
# why.en = """\
# This shifts the batch axis (axis 0). ts is (N, T): time is axis 1. The targets would \
# come from a different sample."""
#
# [[wrong]]
# blank = 1
# answer = "ts[:, :-1], ts[:, :-1]"
# source = "common"
# why.ja = """\
# 正解が入力と同じです。デコーダは入力された単語をそのまま写せばよいことになり、\
# 次の単語を予測する学習になりません。正解は入力より 1 時刻後の単語です。"""
# why.en = """\
# The targets equal the inputs: the decoder only has to copy its input and never learns \
# to predict the next word. The target is the word one step later."""
#
# [[wrong]]
# blank = 1
# answer = "ts[:, 1:], ts[:, 1:]"
# source = "common"
# why.ja = """\
# 入力に正解そのものを与えています（カンニング）。開始記号が入力に入らず、\
# 時刻 t の入力が時刻 t の正解と同じ単語になります。"""
# why.en = """\
# The inputs are the targets themselves (the answer leaks): the start symbol is never fed \
# and the input at step t is the very word to predict at step t."""
#
# [[wrong]]
# blank = 1
# answer = "ts, ts"
# source = "common"
# why.ja = """\
# ずらしていません。入力と正解が同じ (N, T) の配列になり、次の単語の予測になりません。\
# 形も (N, T-1) になりません。"""
# why.en = """\
# Nothing is shifted: inputs and targets are the same (N, T) array, which is not next-word \
# prediction, and the shape is not (N, T-1)."""
#
# [[wrong]]
# blank = 1
# answer = "ts[:, :-1], ts[:, -1]"
# source = "common"
# why.ja = """\
# 正解が最後の単語だけ (N,) になっています。教師強制ではすべての時刻で次の単語を\
# 予測するので、正解も (N, T-1) です。"""
# why.en = """\
# The targets are only the last word, shape (N,). With teacher forcing every step predicts \
# its next word, so the targets are (N, T-1) too."""
#
# [[wrong]]
# blank = 1
# answer = "ts[:, 0], ts[:, 1:]"
# source = "common"
# why.ja = """\
# 入力が開始記号だけ (N,) になっています。教師強制では各時刻に正解の単語を入力するので、\
# 入力は最後の単語を除いた (N, T-1) の系列です。"""
# why.en = """\
# The input is only the start symbol, shape (N,). Teacher forcing feeds the correct word at \
# every step: the inputs are the (N, T-1) sequence without the last word."""
#
# [[accepted]]
# blank = 1
# answer = "ts[:, 0:-1], ts[:, 1:]"
#
# [[accepted]]
# blank = 1
# answer = "ts[..., :-1], ts[..., 1:]"
#
# [[accepted]]
# blank = 1
# answer = "ts[:, :ts.shape[1] - 1], ts[:, 1:ts.shape[1]]"
#
# [[accepted]]
# blank = 1
# answer = "np.delete(ts, -1, axis=1), np.delete(ts, 0, axis=1)"
# ///
"""教師強制 / Teacher forcing for the Seq2Seq decoder.

日本語
------
ゼロから作る Deep Learning 2 の Seq2seq と同じ行形式（重みは (入力, 出力)）。
正解の系列 ts は開始記号 <s> から始まる: ts[n] = (<s>, y_1, y_2, …, y_{T-1})。
教師強制では、デコーダは時刻 t に正解の単語 ts[:, t] を入力として受け取り、
次の単語 ts[:, t+1] を予測する。

    入力:  decoder_xs[:, t] = ts[:, t]        t = 0, …, T-2
    正解:  decoder_ts[:, t] = ts[:, t+1]      t = 0, …, T-2

デコーダ（decoder_loss、空欄ではない）:

    e_t = W_e[decoder_xs[:, t]]                         埋め込み
    h_t = tanh(e_t W_x + h_{t-1} W_h + b),  h_{-1} = h  （h はエンコーダの最後の状態）
    s_t = h_t W_a + b_a,  p_t = softmax(s_t)
    L = -(1 / (N (T-1))) Σ_n Σ_t log p_t[n, decoder_ts[n, t]]

形状:
    ts (N, T)                      整数の単語 ID（N: バッチ、T: 時間、先頭は開始記号）
    decoder_xs, decoder_ts (N, T-1)  ts と同じ整数型
    h (N, H)                       エンコーダの最後の隠れ状態
    W_e (V, D), W_x (D, H), W_h (H, H), b (H,), W_a (H, V), b_a (V,)
    e_t (N, D), h_t (N, H), s_t, p_t (N, V)
    decoder_loss の戻り値 L（Python の float）

English
-------
Row form as in Deep Learning from Scratch 2's Seq2seq (weights (in, out)).
The target sequence ts starts with the start symbol <s>: ts[n] = (<s>, y_1, …, y_{T-1}).
With teacher forcing the decoder receives the correct word ts[:, t] as its input at step
t and predicts the next word ts[:, t+1].

    inputs:   decoder_xs[:, t] = ts[:, t]       t = 0, …, T-2
    targets:  decoder_ts[:, t] = ts[:, t+1]     t = 0, …, T-2

The decoder (decoder_loss, not a blank):

    e_t = W_e[decoder_xs[:, t]]                         embedding
    h_t = tanh(e_t W_x + h_{t-1} W_h + b),  h_{-1} = h  (h: the encoder's last state)
    s_t = h_t W_a + b_a,  p_t = softmax(s_t)
    L = -(1 / (N (T-1))) Σ_n Σ_t log p_t[n, decoder_ts[n, t]]

Shapes:
    ts (N, T)                      integer word ids (N: batch, T: time, starts with <s>)
    decoder_xs, decoder_ts (N, T-1)  the same integer dtype as ts
    h (N, H)                       the encoder's last hidden state
    W_e (V, D), W_x (D, H), W_h (H, H), b (H,), W_a (H, V), b_a (V,)
    e_t (N, D), h_t (N, H), s_t, p_t (N, V)
    decoder_loss returns L (a Python float)
"""

import numpy as np


def log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)  # (N, V)
    return x - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))


def teacher_forcing(ts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    decoder_xs, decoder_ts = ts[:, :-1], ts[:, 1:]  # BLANK: ts[:, :-1], ts[:, 1:]
    return decoder_xs, decoder_ts  # (N, T-1), (N, T-1)


def decoder_loss(
    ts: np.ndarray, h: np.ndarray,
    W_e: np.ndarray, W_x: np.ndarray, W_h: np.ndarray, b: np.ndarray,
    W_a: np.ndarray, b_a: np.ndarray,
) -> float:
    decoder_xs, decoder_ts = teacher_forcing(ts)  # (N, T-1), (N, T-1)
    N, T1 = decoder_ts.shape
    loss = 0.0
    for t in range(T1):
        e = W_e[decoder_xs[:, t]]  # (N, D)
        h = np.tanh(e.dot(W_x) + h.dot(W_h) + b)  # (N, H)
        log_p = log_softmax(h.dot(W_a) + b_a)  # (N, V)
        loss -= np.sum(log_p[np.arange(N), decoder_ts[:, t]])
    return float(loss / (N * T1))


if __name__ == "__main__":
    ts = np.array([[0, 3, 5, 2], [0, 4, 4, 1]])  # 0 is the start symbol
    xs, targets = teacher_forcing(ts)
    print(xs)  # [[0 3 5] [0 4 4]]
    print(targets)  # [[3 5 2] [4 4 1]]
