# /// exercise
# id = "gru_reset"
# day = 3
# section = 3
# points = 10
# requires = ["gru_update"]
# topic.ja = "GRU（リセットゲート）"
# topic.en = "GRU (reset gate)"
# title.ja = "GRU の新しい隠れ状態の候補（リセットゲートの使い方）"
# title.en = "The GRU candidate state (where the reset gate acts)"
# instructions.ja = """
# GRU の 1 ステップで、新しい隠れ状態の候補 h_bar を計算する行を完成させてください。
# リセットゲート r と更新ゲート z はすでに計算されています。h_bar は入力 x と、
# リセットゲートで調整した前の隠れ状態から作り、活性化関数は tanh です。
# 重みは列形式（(出力, 入力) の形で、W.T を掛けて使う）です。
# 変数 h_bar に代入してください（h_new はその後の与えられた行で計算されます）。
# """
# instructions.en = """
# Complete the line of one GRU step that computes the candidate hidden state h_bar.
# The reset gate r and the update gate z are already computed. h_bar is made from the
# input x and the previous hidden state adjusted by the reset gate, with tanh as the
# activation. The weights are in column form (shape (out, in), used through W.T).
# Assign to the variable h_bar (h_new is computed by the given line after it).
# """
#
# [[hints]]
# ja = """\
# r と z の行を手本にしましょう。x には W を、前の隠れ状態には U を（どちらも転置して）掛け、\
# 和を活性化関数に通します。"""
# en = """\
# Take the lines of r and z as a model: x is multiplied by W and the previous hidden state \
# by U (both transposed), and the sum goes through the activation."""
#
# [[hints]]
# ja = """\
# リセットゲートは「前の隠れ状態をどれだけ使うか」を要素ごとに決めます。\
# U を掛ける前に、h に r を要素ごとに掛けます。"""
# en = """\
# The reset gate decides, element by element, how much of the previous hidden state is \
# used: multiply h by r element-wise before multiplying by U."""
#
# [[hints]]
# ja = """\
# 形は np.tanh(（x と W の積）+（r ⊙ h と U の積）) です。行列積は x.dot(W.T) の形で書きます。"""
# en = """\
# The form is np.tanh((x times W) + (r ⊙ h times U)); write the matrix products in the \
# form x.dot(W.T)."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = np.tanh(x.dot(W.T) + r * h.dot(U.T))"
# source = "common"
# why.ja = """\
# これは PyTorch（torch.nn.GRU）の約束で、r を行列積の後に掛けます: r ⊙ (h Uᵀ)。\
# この講座の GRU では r を先に h に掛けてから U を掛けます: (r ⊙ h) Uᵀ。"""
# why.en = """\
# This is PyTorch's convention (torch.nn.GRU), which applies r after the matmul: \
# r ⊙ (h Uᵀ). The course's GRU multiplies h by r first and then by U: (r ⊙ h) Uᵀ."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = np.tanh(x.dot(W.T) + h.dot(U.T))"
# source = "common"
# why.ja = """\
# リセットゲート r が使われていません。前の隠れ状態 h に r を要素ごとに掛けてから U を掛けます。"""
# why.en = """\
# The reset gate r is not used: multiply the previous hidden state h by r element-wise \
# before multiplying by U."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = np.tanh(x.dot(W.T) + (z * h).dot(U.T))"
# source = "common"
# why.ja = """\
# 候補 h_bar の中で h に掛けるのは更新ゲート z ではなくリセットゲート r です。\
# z は h と h_bar の混ぜ方（h_new）で使います。"""
# why.en = """\
# Inside the candidate h_bar, h is multiplied by the reset gate r, not the update gate z; \
# z mixes h and h_bar in h_new."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = np.tanh(x.dot(W.T) + ((1 - r) * h).dot(U.T))"
# source = "common"
# why.ja = """\
# h に掛けるのは r そのものです（r = 0 で前の状態を完全に忘れる）。1 − r ではありません。"""
# why.en = """\
# h is multiplied by r itself (r = 0 forgets the previous state completely), not by 1 − r."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = sigmoid(x.dot(W.T) + (r * h).dot(U.T))"
# source = "common"
# why.ja = """\
# 候補 h_bar の活性化関数は tanh です。シグモイドはゲート（r, z）に使います。"""
# why.en = """\
# The candidate h_bar uses tanh; the sigmoid is for the gates (r, z)."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = x.dot(W.T) + (r * h).dot(U.T)"
# source = "common"
# why.ja = """\
# 活性化関数 tanh を忘れています。"""
# why.en = """\
# The activation tanh is missing."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = np.tanh(x.dot(W.T) + (r * h).dot(U))"
# source = "common"
# why.ja = """\
# U は (出力, 入力) の形なので、転置して (r ⊙ h) Uᵀ として掛けます。"""
# why.en = """\
# U has the shape (out, in): multiply by its transpose, (r ⊙ h) Uᵀ."""
#
# [[wrong]]
# blank = 1
# answer = "h_bar = np.tanh(x.dot(W.T) + (r * h).dot(U.T)) * r"
# source = "common"
# why.ja = """\
# r は tanh の中で h にだけ掛けます。tanh の出力全体に r を掛けると、x からの入力まで\
# 抑えられてしまいます。"""
# why.en = """\
# r multiplies only h, inside the tanh. Multiplying the whole tanh output by r also damps \
# the input coming from x."""
#
# [[accepted]]
# blank = 1
# answer = "h_bar = np.tanh(x @ W.T + (r * h) @ U.T)"
#
# [[accepted]]
# blank = 1
# answer = "h_bar = np.tanh(np.dot(x, W.T) + np.dot(h * r, U.T))"
# ///
"""GRU のリセットゲート / The GRU candidate state and its reset gate.

日本語
------
列形式（重みは (出力, 入力)、x.dot(W.T) の形）の GRU 1 ステップ。バイアスはない。

    r = σ(x W_rᵀ + h U_rᵀ)                リセットゲート
    z = σ(x W_zᵀ + h U_zᵀ)                更新ゲート
    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           新しい隠れ状態の候補（コードでは h_bar）
    h_new = (1 − z) ⊙ h + z ⊙ h̃

σ はシグモイド、⊙ は要素積。r は U を掛ける前に h に掛かる: r = 0 のユニットは
前の隠れ状態を候補の計算から完全に締め出す。

約束: これはこの講座（および Chung et al. 2014）の形。PyTorch（torch.nn.GRU）は r を
行列積の後に掛け（r ⊙ (h Uᵀ)、さらにバイアス付き）、Cho et al. 2014・Keras・PyTorch は
z の役割が逆（h_new = z ⊙ h + (1 − z) ⊙ h̃）。

形状:
    x (N, D)                入力
    h (N, H)                前の隠れ状態
    W_r, W_z, W (H, D)      入力の重み
    U_r, U_z, U (H, H)      隠れ状態の重み
    r, z, h_bar (N, H)
    戻り値 h_new (N, H)

English
-------
One GRU step in column form (weights (out, in), used as x.dot(W.T)), without biases.

    r = σ(x W_rᵀ + h U_rᵀ)                reset gate
    z = σ(x W_zᵀ + h U_zᵀ)                update gate
    h̃ = tanh(x Wᵀ + (r ⊙ h) Uᵀ)           candidate hidden state (h_bar in the code)
    h_new = (1 − z) ⊙ h + z ⊙ h̃

σ is the logistic sigmoid, ⊙ the element-wise product. r acts on h before U: a unit with
r = 0 shuts the previous hidden state out of the candidate completely.

Convention: this is the course's form (also Chung et al. 2014). PyTorch (torch.nn.GRU)
applies r after the matmul (r ⊙ (h Uᵀ), with biases), and Cho et al. 2014, Keras and
PyTorch swap the role of z (h_new = z ⊙ h + (1 − z) ⊙ h̃).

Shapes:
    x (N, D)                input
    h (N, H)                previous hidden state
    W_r, W_z, W (H, D)      input weights
    U_r, U_z, U (H, H)      recurrent weights
    r, z, h_bar (N, H)
    returns h_new (N, H)
"""

import numpy as np


def sigmoid(x: np.ndarray) -> np.ndarray:
    # σ(x) = 1 / (1 + exp(-x)) = (1 + tanh(x / 2)) / 2; the tanh form never overflows
    return 0.5 * (1.0 + np.tanh(0.5 * x))


def gru(
    x: np.ndarray, h: np.ndarray,
    W_r: np.ndarray, U_r: np.ndarray,
    W_z: np.ndarray, U_z: np.ndarray,
    W: np.ndarray, U: np.ndarray,
) -> np.ndarray:
    r = sigmoid(x.dot(W_r.T) + h.dot(U_r.T))  # reset gate (N, H)
    z = sigmoid(x.dot(W_z.T) + h.dot(U_z.T))  # update gate (N, H)
    # BEGIN BLANK
    h_bar = np.tanh(x.dot(W.T) + (r * h).dot(U.T))  # candidate (N, H)
    # END BLANK
    h_new = (1 - z) * h + z * h_bar  # (N, H)
    return h_new  # (N, H)



if __name__ == "__main__":
    rng = np.random.default_rng(0)
    N, D, H = 2, 3, 4
    x = rng.standard_normal((N, D))
    h = rng.standard_normal((N, H))
    W_r, W_z, W = (rng.standard_normal((H, D)) for _ in range(3))
    U_r, U_z, U = (rng.standard_normal((H, H)) for _ in range(3))
    print(gru(x, h, W_r, U_r, W_z, U_z, W, U).shape)  # (2, 4)
