# ============================================================================
# edrill · teacher_forcing · Day 3 Section 5 · Seq2Seq（デコーダ・教師強制 Teacher Forcing） / Seq2Seq decoder and teacher forcing
# 教師強制: デコーダの入力と正解をずらして作る / Teacher forcing: shifting the decoder's inputs and targets
#
# 【課題】
# Seq2Seq の学習では、デコーダに正解の系列を 1 時刻ずつ入力し（教師強制）、
# 各時刻で「次の単語」を予測させます。
# 正解の系列 ts (N, T) は先頭が開始記号です。空欄では ts から
# デコーダの入力 decoder_xs (N, T-1) と、各時刻の正解 decoder_ts (N, T-1) を作ってください。
# 時刻 t の入力 decoder_xs[:, t] に対する正解は、その次の単語でなければなりません。
# decoder_loss は、できた 2 つの配列でデコーダの平均交差エントロピーを計算します
# （空欄ではありません）。
#
# [Task]
# Seq2Seq is trained with teacher forcing: the decoder is fed the correct sequence one
# time step at a time and must predict the next word at every step.
# The target sequence ts (N, T) starts with the start symbol. In the blank, build from ts
# the decoder's inputs decoder_xs (N, T-1) and the targets decoder_ts (N, T-1).
# The target for the input decoder_xs[:, t] must be the word that follows it.
# decoder_loss computes the decoder's mean cross-entropy from the two arrays (not a blank).
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade teacher_forcing` で採点。ヒント: `grade hint teacher_forcing`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade teacher_forcing`. Hints: `grade hint teacher_forcing`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of teacher_forcing is not filled in yet")


def log_softmax(x: np.ndarray) -> np.ndarray:
    x = x - x.max(axis=-1, keepdims=True)  # (N, V)
    return x - np.log(np.sum(np.exp(x), axis=-1, keepdims=True))


def teacher_forcing(ts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    decoder_xs, decoder_ts = _blank(1)
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
