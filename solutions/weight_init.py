# /// exercise
# id = "weight_init"
# day = 2
# section = 1
# points = 10
# topic.ja = "勾配消失問題（重みの初期値: Xavier・He）"
# topic.en = "Vanishing gradients: weight initialization (Xavier, He)"
# title = { ja = "Xavier と He の初期値", en = "Xavier and He initialization" }
# instructions.ja = """
# 重みの初期値を作る 2 つの関数を完成させてください。
#   空欄 1（xavier_init）: 標準正規分布の乱数で (n_in, n_out) の行列を作り、
#     標準偏差が 1 / √n_in になるようにします（講座の Xavier の初期値、シグモイドや tanh 向け）。
#   空欄 2（he_init）: 同じく (n_in, n_out) で、標準偏差が √(2 / n_in) になるようにします
#     （He の初期値、ReLU 向け）。
# n_in は前の層のノード数（入力側）、n_out は次の層のノード数です。
# 乱数は必ず引数の rng（numpy.random.Generator）から作ってください。
# """
# instructions.en = """
# Complete the two functions that make initial weights.
#   Blank 1 (xavier_init): draw an (n_in, n_out) matrix from the standard normal
#     distribution and scale it to standard deviation 1 / √n_in (the course's Xavier
#     initialization, for sigmoid and tanh).
#   Blank 2 (he_init): the same (n_in, n_out) shape with standard deviation √(2 / n_in)
#     (He initialization, for ReLU).
# n_in is the number of nodes of the previous layer (the input side), n_out that of the
# next layer. Draw every random number from the argument rng (a numpy.random.Generator).
# """
#
# [[hints]]
# ja = """\
# 標準正規分布（平均 0、標準偏差 1）の乱数に定数 s を掛けると、標準偏差は s になります。\
# 各初期値で s はいくつでしょうか。"""
# en = """\
# Multiplying standard normal numbers (mean 0, standard deviation 1) by a constant s makes \
# their standard deviation s. What is s for each initialization?"""
#
# [[hints]]
# ja = """\
# Generator の標準正規乱数は rng.standard_normal(形のタプル) で作れます。\
# 形は (n_in, n_out)（重みは 入力 × 出力 の行形式）です。"""
# en = """\
# A Generator draws standard normal numbers with rng.standard_normal(shape tuple). The \
# shape is (n_in, n_out) (weights in row form, inputs × outputs)."""
#
# [[hints]]
# ja = """\
# Xavier は標準正規乱数を np.sqrt(n_in) で割ります。\
# He は標準正規乱数に np.sqrt(2.0 / n_in) を掛けます。"""
# en = """\
# Xavier divides the standard normal numbers by np.sqrt(n_in); He multiplies them by \
# np.sqrt(2.0 / n_in)."""
#
# [[wrong]]
# blank = 1
# answer = "W = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / (n_in + n_out))"
# source = "common"
# why.ja = """\
# これは Glorot と Bengio の論文の形 √(2 / (n_in + n_out)) です。この講座（と\
# ゼロから作る Deep Learning）の Xavier の初期値は、前の層のノード数だけを使う 1 / √n_in です。"""
# why.en = """\
# This is the form of Glorot and Bengio's paper, √(2 / (n_in + n_out)). The course's (and \
# Deep Learning from Scratch's) Xavier initialization uses only the previous layer's size: \
# 1 / √n_in."""
#
# [[wrong]]
# blank = 1
# answer = "W = rng.standard_normal((n_in, n_out)) / n_in"
# source = "common"
# why.ja = """\
# n_in で割ると標準偏差が 1 / n_in（分散が 1 / n_in²）になり、小さすぎます。\
# 分散を 1 / n_in にするので、標準偏差は 1 / √n_in です。"""
# why.en = """\
# Dividing by n_in gives standard deviation 1 / n_in (variance 1 / n_in²), far too small. \
# The variance is to be 1 / n_in, so the standard deviation is 1 / √n_in."""
#
# [[wrong]]
# blank = 1
# answer = "W = rng.standard_normal((n_in, n_out)) / np.sqrt(n_out)"
# source = "common"
# why.ja = """\
# 割るのは次の層ではなく前の層のノード数 n_in です（各出力は n_in 個の入力の和なので、\
# その和の分散を保つように n_in で決めます）。"""
# why.en = """\
# Divide by the previous layer's size n_in, not the next layer's: each output is a sum \
# over n_in inputs, and it is that sum's variance the scale keeps."""
#
# [[wrong]]
# blank = 1
# answer = "W = rng.standard_normal((n_out, n_in)) / np.sqrt(n_in)"
# source = "common"
# why.ja = """\
# 形が逆です。重みは行形式 (n_in, n_out) で、x (N, n_in) と x @ W で掛けられる形にします。"""
# why.en = """\
# The shape is transposed: the weights are in row form (n_in, n_out), so that x (N, n_in) \
# can multiply them as x @ W."""
#
# [[wrong]]
# blank = 1
# answer = "W = rng.random((n_in, n_out)) / np.sqrt(n_in)"
# source = "common"
# why.ja = """\
# rng.random は [0, 1) の一様乱数で、平均が 0.5 になり標準偏差も 1 ではありません。\
# 標準正規分布（平均 0、標準偏差 1）の乱数を使います。"""
# why.en = """\
# rng.random draws uniform numbers in [0, 1): their mean is 0.5 and their standard \
# deviation is not 1. Use the standard normal distribution (mean 0, standard deviation 1)."""
#
# [[wrong]]
# blank = 1
# answer = "W = np.random.randn(n_in, n_out) / np.sqrt(n_in)"
# source = "common"
# why.ja = """\
# np.random.randn はグローバルな乱数状態を使うので、渡された rng が無視され、\
# 同じシードの rng から同じ重みが作れません（再現できません）。rng から乱数を作ります。"""
# why.en = """\
# np.random.randn uses numpy's global random state: the rng passed in is ignored and the \
# same seed does not give the same weights (not reproducible). Draw from rng."""
#
# [[wrong]]
# blank = 1
# answer = "W = rng.standard_normal((n_in, n_out)) * 0.01"
# source = "common"
# why.ja = """\
# 標準偏差 0.01 の固定値は層の大きさに合わせておらず、層が深いと活性化が 0 付近に\
# 集まって勾配が消えます。Xavier は標準偏差 1 / √n_in です。"""
# why.en = """\
# A fixed standard deviation of 0.01 ignores the layer's size; in a deep net the \
# activations collapse toward 0 and the gradients vanish. Xavier uses 1 / √n_in."""
#
# [[wrong]]
# blank = 1
# answer = "W = rng.uniform(-np.sqrt(3.0 / n_in), np.sqrt(3.0 / n_in), (n_in, n_out))"
# source = "common"
# why.ja = """\
# 標準偏差は 1 / √n_in で正しいのですが、一様分布です。この講座の Xavier の初期値は\
# 正規分布（標準正規乱数を 1 / √n_in 倍）を使います。"""
# why.en = """\
# The standard deviation 1 / √n_in is right, but the distribution is uniform. The \
# course's Xavier initialization uses a normal distribution (standard normal numbers \
# times 1 / √n_in)."""
#
# [[wrong]]
# blank = 2
# answer = "W = rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)"
# source = "common"
# why.ja = """\
# これは Xavier の初期値です。ReLU は負の入力を 0 にして分散を半分にするので、\
# He の初期値は分散を 2 倍にし、標準偏差を √(2 / n_in) にします。"""
# why.en = """\
# This is Xavier initialization. ReLU zeroes the negative half and halves the variance, \
# so He initialization doubles the variance: standard deviation √(2 / n_in)."""
#
# [[wrong]]
# blank = 2
# answer = "W = rng.standard_normal((n_in, n_out)) / np.sqrt(2.0 / n_in)"
# source = "common"
# why.ja = """\
# √(2 / n_in) で割ると標準偏差は √(n_in / 2) になり、大きすぎます。√(2 / n_in) は掛けます。"""
# why.en = """\
# Dividing by √(2 / n_in) gives standard deviation √(n_in / 2), far too large. Multiply \
# by √(2 / n_in)."""
#
# [[wrong]]
# blank = 2
# answer = "W = rng.standard_normal((n_in, n_out)) * (2.0 / n_in)"
# source = "common"
# why.ja = """\
# 2 / n_in は分散です。乱数に掛けるのは標準偏差 √(2 / n_in) です。"""
# why.en = """\
# 2 / n_in is the variance; the numbers are multiplied by the standard deviation \
# √(2 / n_in)."""
#
# [[wrong]]
# blank = 2
# answer = "W = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_out)"
# source = "common"
# why.ja = """\
# He の初期値で使うのは前の層のノード数 n_in です（次の層の n_out ではありません）。"""
# why.en = """\
# He initialization uses the previous layer's size n_in, not the next layer's n_out."""
#
# [[wrong]]
# blank = 2
# answer = "W = np.abs(rng.standard_normal((n_in, n_out))) * np.sqrt(2.0 / n_in)"
# source = "common"
# why.ja = """\
# 重みの符号まで正にする必要はありません（ReLU が 0 にするのは活性化の負の部分です）。\
# 重みは平均 0 の正規分布から作ります。"""
# why.en = """\
# The weights must not all be positive (ReLU zeroes negative activations, not weights). \
# Draw them from a normal distribution with mean 0."""
#
# [[accepted]]
# blank = 1
# answer = "W = rng.normal(0.0, 1.0 / np.sqrt(n_in), (n_in, n_out))"
#
# [[accepted]]
# blank = 1
# answer = "W = rng.standard_normal((n_out, n_in)).T / np.sqrt(n_in)"
#
# [[accepted]]
# blank = 2
# answer = "W = np.sqrt(2 / n_in) * rng.standard_normal(size=(n_in, n_out))"
#
# [[accepted]]
# blank = 2
# answer = "W = rng.normal(scale=np.sqrt(2.0 / n_in), size=(n_in, n_out))"
# ///
"""重みの初期値（Xavier・He）/ Weight initialization (Xavier, He).

日本語
------
各出力 u_j = Σ_i x_i W_ij は n_in 個の項の和なので、重みの分散を n_in に合わせないと
層を重ねるたびに活性化の分布が広がるか縮み、勾配消失の原因になる。重みは平均 0 の
正規分布から作り、標準偏差 σ を次のようにする:

    Xavier（講座・ゼロから作る Deep Learning の形）:  σ = 1 / √n_in     （sigmoid, tanh 向け）
    He:                                               σ = √(2 / n_in)   （ReLU 向け）

    W_ij = σ · z_ij,   z_ij ~ N(0, 1)

注意: Glorot と Bengio の論文の Xavier（Glorot）の初期値は σ = √(2 / (n_in + n_out))。
この演習では講座の形 1 / √n_in を使う。He の 2 は、ReLU が入力の負の半分を 0 にして
分散を半分にする分を補う係数。

形状: n_in（前の層のノード数）、n_out（次の層のノード数）は int、rng は
numpy.random.Generator、戻り値 W は float64 の (n_in, n_out)（行形式、x (N, n_in) @ W）。
乱数は rng からだけ作る（同じシードの rng からは同じ重みができる）。

English
-------
Each output u_j = Σ_i x_i W_ij is a sum of n_in terms, so unless the weights' variance
is matched to n_in, the activations spread out or shrink layer after layer, one cause of
vanishing gradients. The weights are drawn from a normal distribution with mean 0 and
standard deviation σ:

    Xavier (the course's and Deep Learning from Scratch's form):  σ = 1 / √n_in
                                                                   (for sigmoid, tanh)
    He:                                                            σ = √(2 / n_in)  (ReLU)

    W_ij = σ · z_ij,   z_ij ~ N(0, 1)

Note: the Xavier (Glorot) initialization of Glorot and Bengio's paper is
σ = √(2 / (n_in + n_out)); this exercise uses the course's 1 / √n_in. He's factor 2 makes
up for ReLU zeroing the negative half of its input, which halves the variance.

Shapes: n_in (the previous layer's size) and n_out (the next layer's size) are ints, rng
is a numpy.random.Generator, and W is a float64 (n_in, n_out) array (row form,
x (N, n_in) @ W). All randomness comes from rng (the same seed gives the same weights).
"""

import numpy as np


def xavier_init(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    # BEGIN BLANK
    W = rng.standard_normal((n_in, n_out)) / np.sqrt(n_in)
    # END BLANK
    return W  # (n_in, n_out), std 1 / √n_in


def he_init(n_in: int, n_out: int, rng: np.random.Generator) -> np.ndarray:
    # BEGIN BLANK
    W = rng.standard_normal((n_in, n_out)) * np.sqrt(2.0 / n_in)
    # END BLANK
    return W  # (n_in, n_out), std √(2 / n_in)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    W = xavier_init(100, 900, rng)
    print(W.shape, W.std())  # (100, 900) ≈ 0.1
    W = he_init(100, 900, rng)
    print(W.shape, W.std())  # (100, 900) ≈ 0.141
