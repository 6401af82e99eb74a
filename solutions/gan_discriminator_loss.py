# /// exercise
# id = "gan_discriminator_loss"
# day = 4
# section = 7
# points = 10
# topic.ja = "GAN（識別器と生成器の損失）"
# topic.en = "GAN: the discriminator's and the generator's losses"
# title.ja = "GAN の識別器の損失と生成器の損失"
# title.en = "The GAN discriminator loss and generator loss"
# instructions.ja = """
# GAN の識別器 D の出力（本物である確率）から損失を求める 2 つの関数を完成させてください。
# 空欄 1 では識別器の損失 loss を求めます。本物のデータに対する出力 D_real を 1 に、
# 偽物（生成器の出力）に対する出力 D_fake を 0 に近づけるための、2 値交差エントロピーの
# バッチ平均です。
# 空欄 2 は生成器の損失（non-saturating 形）です。D_fake を 1 に近づけるための、
# 偽物を「本物」とラベル付けした交差エントロピーのバッチ平均です。
# どちらも最小化する量で、log は自然対数、ε などは足しません。
# """
# instructions.en = """
# Complete the two functions that compute the GAN losses from the discriminator D's outputs
# (the probability of being real).
# Blank 1 computes loss, the discriminator's loss: the batch mean of the binary
# cross-entropy that pushes D_real, the outputs for real data, towards 1 and D_fake, the
# outputs for fakes (the generator's samples), towards 0.
# Blank 2 is the generator's loss in the non-saturating form: the batch mean of the
# cross-entropy that labels the fakes "real", pushing D_fake towards 1.
# Both are minimised; log is the natural logarithm; add no epsilon.
# """
#
# [[hints]]
# ja = """\
# ラベル t の 2 値交差エントロピーは −[t log y + (1 − t) log(1 − y)] です。本物は t = 1、\
# 偽物は t = 0 として、識別器の損失では 2 つの項が 1 つずつ残ります。"""
# en = """\
# The binary cross-entropy with label t is −[t log y + (1 − t) log(1 − y)]. Real data has \
# t = 1, fakes t = 0: one term of each survives in the discriminator's loss."""
#
# [[hints]]
# ja = """\
# 識別器の価値関数 V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))] は D が最大化します。\
# 最小化する損失にするには符号を反転し、期待値はバッチ平均にします。"""
# en = """\
# The discriminator maximises V(D, G) = E[log D(x)] + E[log(1 − D(G(z)))]. The loss to \
# minimise is its negative, with the expectations taken as batch means."""
#
# [[hints]]
# ja = """\
# 生成器は元の形 log(1 − D(G(z))) の最小化ではなく、log D(G(z)) の最大化（= −log D(G(z)) の\
# 最小化）を使います。D_fake が 0 に近い学習初期でも勾配が消えません。"""
# en = """\
# Instead of minimising the original log(1 − D(G(z))), the generator maximises \
# log D(G(z)), i.e. minimises −log D(G(z)): its gradient does not vanish early in training, \
# when D_fake is close to 0."""
#
# [[wrong]]
# blank = 1
# answer = "loss = np.mean(np.log(D_real) + np.log(1 - D_fake))"
# source = "common"
# why.ja = """\
# 符号がありません。これは識別器が最大化する価値関数 V そのもので、常に負です。\
# 最小化する損失は −V です。"""
# why.en = """\
# The minus sign is missing: this is the value function V that the discriminator \
# maximises, always negative. The loss to minimise is −V."""
#
# [[wrong]]
# blank = 1
# answer = "loss = -np.mean(np.log(D_fake) + np.log(1 - D_real))"
# source = "common"
# why.ja = """\
# 本物と偽物のラベルが逆です。本物 D_real は 1 に（log D_real）、偽物 D_fake は 0 に\
# （log(1 − D_fake)）近づけます。"""
# why.en = """\
# Real and fake labels are swapped: D_real goes towards 1 (log D_real) and D_fake towards \
# 0 (log(1 − D_fake))."""
#
# [[wrong]]
# blank = 1
# answer = "loss = -np.mean(np.log(D_real) + np.log(D_fake))"
# source = "common"
# why.ja = """\
# 偽物の項が log D_fake になっていて、偽物も「本物」と判定するよう学習してしまいます。\
# 偽物のラベルは 0 なので log(1 − D_fake) です。"""
# why.en = """\
# The fake term is log D_fake, which teaches the discriminator to call fakes real too. \
# Fakes have label 0: log(1 − D_fake)."""
#
# [[wrong]]
# blank = 1
# answer = "loss = -np.sum(np.log(D_real) + np.log(1 - D_fake))"
# source = "common"
# why.ja = """\
# バッチの和になっていて、損失がバッチサイズに比例します。期待値はバッチ平均で求めます。"""
# why.en = """\
# This is a sum over the batch, so the loss grows with the batch size. An expectation is a \
# batch mean."""
#
# [[wrong]]
# blank = 1
# answer = "loss = -np.mean(np.log(D_real) + np.log(1 - D_fake)) / 2"
# source = "common"
# why.ja = """\
# 2 で割っています（本物と偽物の平均にする実装もありますが）。この演習の損失は 2 つの\
# 交差エントロピーの和で、D = 0.5 のとき 2 log 2 です。"""
# why.en = """\
# This halves the loss (some implementations average the real and fake terms). Here the \
# loss is the sum of the two cross-entropies: 2 log 2 when D = 0.5."""
#
# [[wrong]]
# blank = 1
# answer = "loss = -np.mean(np.log(D_real) - np.log(D_fake))"
# source = "common"
# why.ja = """\
# log(1 − D_fake) と −log D_fake は別物です。偽物の項は log(1 − D_fake) で、D = 0.5 のとき\
# 損失は 2 log 2 になります（これでは 0）。"""
# why.en = """\
# log(1 − D_fake) is not −log D_fake. The fake term is log(1 − D_fake); at D = 0.5 the \
# loss is 2 log 2 (this gives 0)."""
#
# [[wrong]]
# blank = 2
# answer = "np.mean(np.log(1 - D_fake))"
# source = "common"
# why.ja = """\
# 元の minimax 形（saturating 形）です。D_fake が 0 に近いと傾きがほぼ −1 で、\
# 学習初期に勾配が小さくなります。non-saturating 形は −log D_fake の平均です。"""
# why.en = """\
# This is the original minimax (saturating) form: near D_fake = 0 its slope is about −1, \
# so early in training the gradient is small. The non-saturating form is the mean of \
# −log D_fake."""
#
# [[wrong]]
# blank = 2
# answer = "np.mean(np.log(D_fake))"
# source = "common"
# why.ja = """\
# 符号がありません。log D_fake は生成器が最大化する量です。最小化する損失は −log D_fake の\
# 平均です。"""
# why.en = """\
# The minus sign is missing: log D_fake is what the generator maximises. The loss to \
# minimise is the mean of −log D_fake."""
#
# [[wrong]]
# blank = 2
# answer = "-np.mean(np.log(1 - D_fake))"
# source = "common"
# why.ja = """\
# これは識別器の偽物の項と同じで、D_fake を 0 に近づけてしまいます。生成器は D_fake を\
# 1 に近づけます。"""
# why.en = """\
# This is the discriminator's fake term: it pushes D_fake towards 0. The generator pushes \
# D_fake towards 1."""
#
# [[accepted]]
# blank = 1
# answer = "loss = -(np.mean(np.log(D_real)) + np.mean(np.log(1 - D_fake)))"
#
# [[accepted]]
# blank = 1
# answer = "loss = -np.mean(np.log(D_real)) - np.mean(np.log(1.0 - D_fake))"
#
# [[accepted]]
# blank = 2
# answer = "np.mean(-np.log(D_fake))"
# ///
"""GAN の識別器と生成器の損失 / The GAN discriminator and generator losses.

日本語
------
識別器 D の出力は「本物である確率」。本物のデータ x_i に対する出力を D_real[i] = D(x_i)、
生成器の出力 G(z_i) に対する出力を D_fake[i] = D(G(z_i)) とする（i = 0, …, N − 1）。

価値関数 V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))] を D は最大化する。
最小化する損失としては、バッチ平均で

    L_D = −(1/N) Σ_i [ log D_real[i] + log(1 − D_fake[i]) ]
    L_G = −(1/N) Σ_i log D_fake[i]          （生成器、non-saturating 形）

L_D ≥ 0 で、完全な識別器（D_real = 1, D_fake = 0）のとき 0、D = 0.5 のとき 2 log 2。
L_G は D_fake = 0.5 のとき log 2。元の minimax 形 (1/N) Σ log(1 − D_fake[i]) は D_fake が
0 に近い学習初期に勾配が小さい（飽和する）ので、生成器には L_G を使う。

形: D_real (N,)、D_fake (N,)（同じ N、値は 0 < D < 1、完全な識別器では 0 と 1 も可）、
float64。戻り値は Python の float。

English
-------
The discriminator D outputs the probability of being real. Let D_real[i] = D(x_i) for real
data x_i and D_fake[i] = D(G(z_i)) for the generator's samples (i = 0, …, N − 1).

D maximises the value function V(D, G) = E_x[log D(x)] + E_z[log(1 − D(G(z)))]. As losses
to minimise, with batch means:

    L_D = −(1/N) Σ_i [ log D_real[i] + log(1 − D_fake[i]) ]
    L_G = −(1/N) Σ_i log D_fake[i]          (the generator, non-saturating form)

L_D ≥ 0; it is 0 for a perfect discriminator (D_real = 1, D_fake = 0) and 2 log 2 when
D = 0.5. L_G is log 2 at D_fake = 0.5. The original minimax form (1/N) Σ log(1 − D_fake[i])
has a small gradient (it saturates) early in training, when D_fake is close to 0, so the
generator uses L_G.

Shapes: D_real (N,), D_fake (N,) (the same N; values 0 < D < 1, and 0 and 1 for a perfect
discriminator), float64. Each function returns a Python float.
"""

import numpy as np


def discriminator_loss(D_real: np.ndarray, D_fake: np.ndarray) -> float:
    D_real = np.asarray(D_real, dtype=np.float64)  # (N,) D(x) for real data
    D_fake = np.asarray(D_fake, dtype=np.float64)  # (N,) D(G(z)) for fakes
    # BEGIN BLANK
    loss = -np.mean(np.log(D_real) + np.log(1 - D_fake))
    # END BLANK
    return float(loss)


def generator_loss(D_fake: np.ndarray) -> float:
    D_fake = np.asarray(D_fake, dtype=np.float64)  # (N,) D(G(z)) for fakes
    loss = -np.mean(np.log(D_fake))  # BLANK: -np.mean(np.log(D_fake))
    return float(loss)


if __name__ == "__main__":
    half = np.full(4, 0.5)
    print(discriminator_loss(half, half), 2 * np.log(2))  # both ≈ 1.386
    print(discriminator_loss(np.ones(4), np.zeros(4)))  # 0.0: a perfect discriminator
    print(generator_loss(half), np.log(2))  # both ≈ 0.693
