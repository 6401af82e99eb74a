# ============================================================================
# edrill · vae_reparameterize · Day 4 Section 7 · VAE（再パラメータ化トリック） / VAE: the reparameterization trick
# VAE の再パラメータ化トリックと KL ダイバージェンス / The VAE reparameterization trick and its KL divergence
#
# 【課題】
# VAE のエンコーダは潜在変数 z の平均 mu と対数分散 logvar（= log σ²）を出力します。
# 空欄 1 では、標準正規分布から引いたノイズ eps（引数で渡されます）を使って、
# z ~ N(mu, σ²) のサンプルを mu と logvar について微分できる形で作ります。
# 空欄 2 では、q(z|x) = N(mu, σ²) と事前分布 N(0, I) の KL ダイバージェンス kl を、
# すべての要素（バッチと潜在次元）について足し合わせて求めます。
#
# [Task]
# A VAE's encoder outputs the mean mu and the log-variance logvar (= log σ²) of the latent
# variable z. Blank 1 draws a sample z ~ N(mu, σ²) in a form differentiable with respect to
# mu and logvar, using the standard normal noise eps (passed as an argument).
# Blank 2 computes kl, the KL divergence between q(z|x) = N(mu, σ²) and the prior N(0, I),
# summed over every entry (the batch and the latent dimensions).
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade vae_reparameterize` で採点。ヒント: `grade hint vae_reparameterize`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade vae_reparameterize`. Hints: `grade hint vae_reparameterize`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of vae_reparameterize is not filled in yet")


def reparameterize(mu: np.ndarray, logvar: np.ndarray, eps: np.ndarray) -> np.ndarray:
    mu = np.asarray(mu, dtype=np.float64)  # (N, D)
    logvar = np.asarray(logvar, dtype=np.float64)  # (N, D) log σ²
    eps = np.asarray(eps, dtype=np.float64)  # (N, D) ~ N(0, 1)
    z = _blank(1)
    return z  # (N, D)


def kl_divergence(mu: np.ndarray, logvar: np.ndarray) -> float:
    mu = np.asarray(mu, dtype=np.float64)  # (N, D)
    logvar = np.asarray(logvar, dtype=np.float64)  # (N, D)
    # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
    _blank(2)
    # └──
    return float(kl)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    mu, logvar = np.array([[1.0, -2.0]]), np.array([[0.0, np.log(4.0)]])
    z = reparameterize(mu, logvar, rng.standard_normal((1, 2)))
    print(z)  # one sample of N([1, -2], diag [1, 4])
    print(kl_divergence(np.zeros((2, 3)), np.zeros((2, 3))))  # 0.0
