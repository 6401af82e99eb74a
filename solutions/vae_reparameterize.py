# /// exercise
# id = "vae_reparameterize"
# day = 4
# section = 7
# points = 10
# topic.ja = "VAE（再パラメータ化トリック）"
# topic.en = "VAE: the reparameterization trick"
# title.ja = "VAE の再パラメータ化トリックと KL ダイバージェンス"
# title.en = "The VAE reparameterization trick and its KL divergence"
# instructions.ja = """
# VAE のエンコーダは潜在変数 z の平均 mu と対数分散 logvar（= log σ²）を出力します。
# 空欄 1 では、標準正規分布から引いたノイズ eps（引数で渡されます）を使って、
# z ~ N(mu, σ²) のサンプルを mu と logvar について微分できる形で作ります。
# 空欄 2 では、q(z|x) = N(mu, σ²) と事前分布 N(0, I) の KL ダイバージェンス kl を、
# すべての要素（バッチと潜在次元）について足し合わせて求めます。
# """
# instructions.en = """
# A VAE's encoder outputs the mean mu and the log-variance logvar (= log σ²) of the latent
# variable z. Blank 1 draws a sample z ~ N(mu, σ²) in a form differentiable with respect to
# mu and logvar, using the standard normal noise eps (passed as an argument).
# Blank 2 computes kl, the KL divergence between q(z|x) = N(mu, σ²) and the prior N(0, I),
# summed over every entry (the batch and the latent dimensions).
# """
#
# [[hints]]
# ja = """\
# ε ~ N(0, 1) なら μ + σ·ε ~ N(μ, σ²) です。乱数は ε だけに押し込めるので、μ と σ には\
# 勾配が流れます。"""
# en = """\
# If ε ~ N(0, 1), then μ + σ·ε ~ N(μ, σ²). The randomness is confined to ε, so gradients \
# flow to μ and σ."""
#
# [[hints]]
# ja = """\
# 渡されるのは分散ではなく対数分散です。σ² = exp(logvar) なので、標準偏差 σ は\
# exp(logvar) の平方根、つまり exp(logvar / 2) です。"""
# en = """\
# You get the log-variance, not the variance: σ² = exp(logvar), so the standard deviation σ \
# is the square root of exp(logvar), that is exp(logvar / 2)."""
#
# [[hints]]
# ja = """\
# 1 要素あたりの KL は −½(1 + log σ² − μ² − σ²) です。μ = 0, σ = 1 のとき 0 になることを\
# 確かめてください。"""
# en = """\
# Per entry the KL is −½(1 + log σ² − μ² − σ²). Check that it is 0 for μ = 0, σ = 1."""
#
# [[wrong]]
# blank = 1
# answer = "mu + np.exp(logvar) * eps"
# source = "common"
# why.ja = """\
# exp(logvar) は分散 σ² です。ε に掛けるのは標準偏差 σ = exp(logvar / 2) です。"""
# why.en = """\
# exp(logvar) is the variance σ². ε is scaled by the standard deviation σ = exp(logvar / 2)."""
#
# [[wrong]]
# blank = 1
# answer = "mu + logvar * eps"
# source = "common"
# why.ja = """\
# logvar は対数分散で、標準偏差ではありません（負にもなります）。σ = exp(logvar / 2) です。"""
# why.en = """\
# logvar is the log-variance, not the standard deviation (it can be negative). \
# σ = exp(logvar / 2)."""
#
# [[wrong]]
# blank = 1
# answer = "mu + np.exp(-0.5 * logvar) * eps"
# source = "common"
# why.ja = """\
# exp(−logvar / 2) は 1/σ です。ε に掛けるのは σ = exp(logvar / 2) です。"""
# why.en = """\
# exp(−logvar / 2) is 1/σ. ε is scaled by σ = exp(logvar / 2)."""
#
# [[wrong]]
# blank = 1
# answer = "mu + 0.5 * np.exp(logvar) * eps"
# source = "common"
# why.ja = """\
# ½ を exp の外に出すと σ²/2 になります。平方根は指数の中の ½: exp(logvar / 2) です。"""
# why.en = """\
# With ½ outside the exp this is σ²/2. The square root is the ½ inside the exponent: \
# exp(logvar / 2)."""
#
# [[wrong]]
# blank = 1
# answer = "np.exp(0.5 * logvar) * eps"
# source = "common"
# why.ja = """\
# 平均 mu が足されていません。これでは z の平均が常に 0 になります。"""
# why.en = """\
# The mean mu is not added: z would always have mean 0."""
#
# [[wrong]]
# blank = 1
# answer = "mu * eps + np.exp(0.5 * logvar)"
# source = "common"
# why.ja = """\
# mu と σ の役割が逆です。ノイズ ε に掛けるのは標準偏差 σ、足すのが平均 mu です。"""
# why.en = """\
# mu and σ swap roles: the noise ε is multiplied by the standard deviation σ, and the mean \
# mu is added."""
#
# [[wrong]]
# blank = 2
# answer = "kl = 0.5 * np.sum(1 + logvar - mu**2 - np.exp(logvar))"
# source = "common"
# why.ja = """\
# 先頭の符号が逆で、KL が負になります。KL は −½ Σ(1 + log σ² − μ² − σ²) ≥ 0 です。"""
# why.en = """\
# The leading sign is flipped, so the KL comes out negative. The KL is \
# −½ Σ(1 + log σ² − μ² − σ²) ≥ 0."""
#
# [[wrong]]
# blank = 2
# answer = "kl = -0.5 * np.sum(1 + logvar - mu - np.exp(logvar))"
# source = "common"
# why.ja = """\
# μ が 2 乗されていません。KL の項は μ² です（負の μ で KL が負にもなります）。"""
# why.en = """\
# μ is not squared: the term is μ² (a negative μ could even make the KL negative)."""
#
# [[wrong]]
# blank = 2
# answer = "kl = -0.5 * np.mean(1 + logvar - mu**2 - np.exp(logvar))"
# source = "common"
# why.ja = """\
# 平均になっています。この演習の KL はすべての要素（バッチと潜在次元）の和です。"""
# why.en = """\
# This is a mean; here the KL is the sum over every entry (the batch and the latent \
# dimensions)."""
#
# [[wrong]]
# blank = 2
# answer = "kl = -np.sum(1 + logvar - mu**2 - np.exp(logvar))"
# source = "common"
# why.ja = """\
# 係数 ½ がありません。2 つの正規分布の KL には ½ が付きます。"""
# why.en = """\
# The factor ½ is missing: the KL between two Gaussians carries a ½."""
#
# [[wrong]]
# blank = 2
# answer = "kl = -0.5 * np.sum(logvar - mu**2 - np.exp(logvar))"
# source = "common"
# why.ja = """\
# 定数 1 が抜けていて、q が事前分布と同じ（μ = 0, σ = 1）でも KL が 0 になりません。"""
# why.en = """\
# The constant 1 is missing, so the KL is not 0 even when q equals the prior (μ = 0, σ = 1)."""
#
# [[accepted]]
# blank = 1
# answer = "mu + np.sqrt(np.exp(logvar)) * eps"
#
# [[accepted]]
# blank = 1
# answer = "eps * np.exp(logvar / 2) + mu"
#
# [[accepted]]
# blank = 2
# answer = "kl = 0.5 * np.sum(mu**2 + np.exp(logvar) - logvar - 1)"
#
# [[accepted]]
# blank = 2
# answer = """
# var = np.exp(logvar)
# kl = float(np.sum(0.5 * (var + mu * mu - 1.0 - logvar)))
# """
# ///
"""VAE の再パラメータ化トリックと KL ダイバージェンス / The VAE reparameterization trick.

日本語
------
エンコーダの出力 μ = mu と log σ² = logvar（要素ごと、対角共分散）について、
ε ~ N(0, I) を使って

    σ = exp(logvar / 2)
    z = μ + σ ⊙ ε          ~ N(μ, diag σ²)

と書くと、乱数は ε だけに入り、z は μ と logvar について微分できる（再パラメータ化）。
q(z|x) = N(μ, diag σ²) と事前分布 p(z) = N(0, I) の KL ダイバージェンスは

    KL = −½ Σ_{n,j} ( 1 + log σ²_{nj} − μ²_{nj} − σ²_{nj} )   ≥ 0

（和はバッチ n と潜在次元 j のすべての要素）。μ = 0, σ = 1 のとき 0。

形: mu, logvar, eps, z はすべて (N, D)（N バッチ、D 潜在次元）、float64。
eps は呼び出し側が標準正規分布から引いて渡す。kl は Python の float。

English
-------
With the encoder's outputs μ = mu and log σ² = logvar (entrywise, a diagonal covariance)
and ε ~ N(0, I),

    σ = exp(logvar / 2)
    z = μ + σ ⊙ ε          ~ N(μ, diag σ²)

puts all the randomness into ε, so z is differentiable with respect to μ and logvar (the
reparameterization). The KL divergence between q(z|x) = N(μ, diag σ²) and the prior
p(z) = N(0, I) is

    KL = −½ Σ_{n,j} ( 1 + log σ²_{nj} − μ²_{nj} − σ²_{nj} )   ≥ 0

(summed over every entry: the batch n and the latent dimensions j); it is 0 for μ = 0,
σ = 1.

Shapes: mu, logvar, eps and z are all (N, D) (batch N, latent dimension D), float64. The
caller draws eps from the standard normal distribution. kl is a Python float.
"""

import numpy as np


def reparameterize(mu: np.ndarray, logvar: np.ndarray, eps: np.ndarray) -> np.ndarray:
    mu = np.asarray(mu, dtype=np.float64)  # (N, D)
    logvar = np.asarray(logvar, dtype=np.float64)  # (N, D) log σ²
    eps = np.asarray(eps, dtype=np.float64)  # (N, D) ~ N(0, 1)
    z = mu + np.exp(0.5 * logvar) * eps  # BLANK: mu + np.exp(0.5 * logvar) * eps
    return z  # (N, D)


def kl_divergence(mu: np.ndarray, logvar: np.ndarray) -> float:
    mu = np.asarray(mu, dtype=np.float64)  # (N, D)
    logvar = np.asarray(logvar, dtype=np.float64)  # (N, D)
    # BEGIN BLANK
    kl = -0.5 * np.sum(1 + logvar - mu**2 - np.exp(logvar))
    # END BLANK
    return float(kl)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    mu, logvar = np.array([[1.0, -2.0]]), np.array([[0.0, np.log(4.0)]])
    z = reparameterize(mu, logvar, rng.standard_normal((1, 2)))
    print(z)  # one sample of N([1, -2], diag [1, 4])
    print(kl_divergence(np.zeros((2, 3)), np.zeros((2, 3))))  # 0.0
