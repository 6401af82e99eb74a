# ============================================================================
# edrill · gan_discriminator_loss · Day 4 Section 7 · GAN（識別器と生成器の損失） / GAN: the discriminator's and the generator's losses
# GAN の識別器の損失と生成器の損失 / The GAN discriminator loss and generator loss
#
# 【課題】
# GAN の識別器 D の出力（本物である確率）から損失を求める 2 つの関数を完成させてください。
# 空欄 1 では識別器の損失 loss を求めます。本物のデータに対する出力 D_real を 1 に、
# 偽物（生成器の出力）に対する出力 D_fake を 0 に近づけるための、2 値交差エントロピーの
# バッチ平均です。
# 空欄 2 は生成器の損失（non-saturating 形）です。D_fake を 1 に近づけるための、
# 偽物を「本物」とラベル付けした交差エントロピーのバッチ平均です。
# どちらも最小化する量で、log は自然対数、ε などは足しません。
#
# [Task]
# Complete the two functions that compute the GAN losses from the discriminator D's outputs
# (the probability of being real).
# Blank 1 computes loss, the discriminator's loss: the batch mean of the binary
# cross-entropy that pushes D_real, the outputs for real data, towards 1 and D_fake, the
# outputs for fakes (the generator's samples), towards 0.
# Blank 2 is the generator's loss in the non-saturating form: the batch mean of the
# cross-entropy that labels the fakes "real", pushing D_fake towards 1.
# Both are minimised; log is the natural logarithm; add no epsilon.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade gan_discriminator_loss` で採点。ヒント: `grade hint gan_discriminator_loss`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade gan_discriminator_loss`. Hints: `grade hint gan_discriminator_loss`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of gan_discriminator_loss is not filled in yet")


def discriminator_loss(D_real: np.ndarray, D_fake: np.ndarray) -> float:
    D_real = np.asarray(D_real, dtype=np.float64)  # (N,) D(x) for real data
    D_fake = np.asarray(D_fake, dtype=np.float64)  # (N,) D(G(z)) for fakes
    # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
    _blank(1)
    # └──
    return float(loss)


def generator_loss(D_fake: np.ndarray) -> float:
    D_fake = np.asarray(D_fake, dtype=np.float64)  # (N,) D(G(z)) for fakes
    loss = _blank(2)
    return float(loss)


if __name__ == "__main__":
    half = np.full(4, 0.5)
    print(discriminator_loss(half, half), 2 * np.log(2))  # both ≈ 1.386
    print(discriminator_loss(np.ones(4), np.zeros(4)))  # 0.0: a perfect discriminator
    print(generator_loss(half), np.log(2))  # both ≈ 0.693
