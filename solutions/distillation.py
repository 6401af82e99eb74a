# /// exercise
# id = "distillation"
# day = 4
# section = 3
# points = 10
# requires = ["softmax"]
# topic = { ja = "蒸留（知識蒸留）", en = "Knowledge distillation" }
# title.ja = "温度付きソフトマックスと蒸留の損失"
# title.en = "Softmax with temperature and the distillation loss"
# instructions.ja = """
# 知識蒸留では、教師モデルの出力を温度 T で「やわらかく」した確率分布（ソフトターゲット）を
# 生徒モデルに学ばせます。
# 空欄 1: ロジット logits (N, K) から温度 T のソフトマックス (N, K) を返します
# （T = 1 で通常のソフトマックス、T を大きくするほど分布がなだらかになります）。
# 空欄 2: 教師と生徒の温度 T のソフトマックスから蒸留の損失を返します。損失は
# ソフトターゲットに対する生徒の交差エントロピー（バッチ平均）を、勾配の大きさが T に
# よらないよう T² 倍したものです。softmax と cross_entropy(d, y)（d が教師側の分布）は
# すでに書かれています。
# """
# instructions.en = """
# In knowledge distillation the student model learns the teacher's outputs "softened" by
# a temperature T (the soft targets).
# Blank 1: return the softmax with temperature T (N, K) of the logits (N, K) (T = 1 is
# the ordinary softmax; the larger T, the flatter the distribution).
# Blank 2: return the distillation loss from the teacher's and the student's softmax at
# temperature T: the student's cross-entropy against the soft targets (a batch mean),
# multiplied by T² so that the size of the gradients does not depend on T. softmax and
# cross_entropy(d, y) (d the teacher's distribution) are given.
# """
#
# [[hints]]
# ja = """\
# 温度付きソフトマックスは softmax(z / T) です。T > 1 でロジットの差が縮まり、分布が\
# なだらかになります。"""
# en = """\
# The softmax with temperature is softmax(z / T): T > 1 shrinks the differences between \
# the logits and flattens the distribution."""
#
# [[hints]]
# ja = """\
# 空欄 1 では、与えられた softmax（行ごとに最大値を引くので大きなロジットでも安定）に\
# ロジットを T で割ってから渡します。"""
# en = """\
# In blank 1, divide the logits by T before passing them to the given softmax (it \
# subtracts each row's maximum, so it stays stable for large logits)."""
#
# [[hints]]
# ja = """\
# 空欄 2 は cross_entropy(教師の分布, 生徒の分布) に T ** 2 を掛けます。\
# 引数の順番は (d, y) で、d が教師側（ソフトターゲット）です。"""
# en = """\
# Blank 2 multiplies cross_entropy(teacher's distribution, student's distribution) by \
# T ** 2. The arguments are (d, y), with d the teacher's side (the soft targets)."""
#
# [[wrong]]
# blank = 1
# answer = "softmax(logits * T)"
# source = "common"
# why.ja = """\
# T を掛けると T > 1 で分布が逆に鋭くなります。温度はロジットを T で割ります。"""
# why.en = """\
# Multiplying by T makes the distribution sharper for T > 1. The temperature divides the \
# logits by T."""
#
# [[wrong]]
# blank = 1
# answer = "softmax(logits) / T"
# source = "common"
# why.ja = """\
# ソフトマックスの後で T で割ると、各行の和が 1 / T になり確率分布ではなくなります。\
# T で割るのはソフトマックスに入れる前のロジットです。"""
# why.en = """\
# Dividing after the softmax makes every row sum to 1 / T: no longer a distribution. \
# Divide the logits, before the softmax."""
#
# [[wrong]]
# blank = 1
# answer = "softmax(logits / T ** 2)"
# source = "common"
# why.ja = """\
# ロジットを T² で割っています。T² が出てくるのは損失のスケーリングで、\
# ソフトマックスに入れるロジットは T で割ります。"""
# why.en = """\
# This divides the logits by T². T² belongs to the scaling of the loss; the softmax takes \
# the logits divided by T."""
#
# [[wrong]]
# blank = 1
# answer = "np.exp(logits / T) / np.sum(np.exp(logits / T), axis=-1, keepdims=True)"
# source = "common"
# why.ja = """\
# 最大値を引いていないので、大きなロジット（や小さな T）で exp があふれて inf / nan に\
# なります。最大値を引いて安定にしてある softmax を使います。"""
# why.en = """\
# Without subtracting the maximum, exp overflows for large logits (or a small T) and \
# gives inf / nan. Use the given softmax, which subtracts the maximum."""
#
# [[wrong]]
# blank = 1
# answer = "softmax(logits - T)"
# source = "common"
# why.ja = """\
# すべてのロジットから同じ T を引いてもソフトマックスは変わりません（T によらず通常の\
# ソフトマックス）。T で割ります。"""
# why.en = """\
# Subtracting the same T from every logit does not change the softmax (it stays the \
# ordinary one whatever T is). Divide by T."""
#
# [[wrong]]
# blank = 1
# answer = "softmax(logits) ** (1 / T)"
# source = "common"
# why.ja = """\
# 確率を 1/T 乗しただけでは正規化されておらず、各行の和が 1 になりません。\
# （正規化すれば softmax(z / T) と同じになります。）"""
# why.en = """\
# Raising the probabilities to the power 1/T leaves them unnormalised: the rows no longer \
# sum to 1. (Normalised again, this would equal softmax(z / T).)"""
#
# [[wrong]]
# blank = 2
# answer = "cross_entropy(p, q)"
# source = "common"
# why.ja = """\
# T² 倍を忘れています。温度 T のソフトマックスを通した損失の勾配は 1/T² 倍に\
# 小さくなるので、T² を掛けて勾配の大きさを揃えます（Hinton ら 2015）。"""
# why.en = """\
# The factor T² is missing. Through a softmax at temperature T the gradients shrink by \
# 1/T², so the loss is multiplied by T² to keep their size (Hinton et al. 2015)."""
#
# [[wrong]]
# blank = 2
# answer = "T * cross_entropy(p, q)"
# source = "common"
# why.ja = """\
# 掛けるのは T ではなく T² です。ソフトマックスの勾配に 1/T、ソフトターゲットの差にも\
# およそ 1/T が掛かり、合わせて 1/T² 倍になるためです。"""
# why.en = """\
# The factor is T², not T: the softmax's gradient brings 1/T and the gap between the soft \
# distributions roughly another 1/T, 1/T² in all."""
#
# [[wrong]]
# blank = 2
# answer = "cross_entropy(p, q) / T ** 2"
# source = "common"
# why.ja = """\
# T² で割ると勾配はさらに小さくなります（1/T⁴ 倍）。T² を掛けて打ち消します。"""
# why.en = """\
# Dividing by T² shrinks the gradients even more (by 1/T⁴). Multiply by T² to cancel the \
# 1/T²."""
#
# [[wrong]]
# blank = 2
# answer = "T ** 2 * cross_entropy(q, p)"
# source = "common"
# why.ja = """\
# 引数が逆です。cross_entropy(d, y) の d は正解側（教師のソフトターゲット p）、\
# y は予測（生徒の分布 q）です。"""
# why.en = """\
# The arguments are swapped: in cross_entropy(d, y), d is the target side (the teacher's \
# soft targets p) and y the prediction (the student's q)."""
#
# [[accepted]]
# blank = 1
# answer = "softmax(logits / float(T))"
#
# [[accepted]]
# blank = 1
# answer = "softmax(np.asarray(logits) * (1.0 / T))"
#
# [[accepted]]
# blank = 2
# answer = "cross_entropy(p, q) * T * T"
# ///
"""温度付きソフトマックスと蒸留の損失 / Softmax with temperature and the distillation loss.

日本語
------
ロジット z (N, K) と温度 T > 0 について、温度付きソフトマックスは

    softmax_T(z)_k = exp(z_k / T) / Σ_j exp(z_j / T)

T = 1 で通常のソフトマックス、T → ∞ で一様分布 1/K に近づき、T → 0 で argmax の one-hot に
近づく（各行の大小の順番は T によらない）。知識蒸留（Hinton ら 2015）では、教師の
ソフトターゲット p = softmax_T(z_teacher) と生徒の q = softmax_T(z_student) から

    L_soft = T² · CE(p, q),   CE(p, q) = −(1/N) Σ_n Σ_k p_nk log q_nk

を損失とする。softmax_T の勾配は 1/T² 倍になるので、T² を掛けて大きさを揃える
（実際の学習では正解ラベルに対する通常の損失と重み付きで足し合わせる）。
cross_entropy(d, y) は教師側の分布 d を先に取り、log の中に 1e-7 を足す。

形: logits, teacher_logits, student_logits は (N, K)、T は float、
softmax_with_temperature は (N, K)、distillation_loss は Python の float を返す。

English
-------
For logits z (N, K) and a temperature T > 0 the softmax with temperature is

    softmax_T(z)_k = exp(z_k / T) / Σ_j exp(z_j / T)

T = 1 is the ordinary softmax; T → ∞ tends to the uniform 1/K and T → 0 to the one-hot of
the argmax (the order within a row does not depend on T). Knowledge distillation (Hinton
et al. 2015) takes the teacher's soft targets p = softmax_T(z_teacher) and the student's
q = softmax_T(z_student) and minimises

    L_soft = T² · CE(p, q),   CE(p, q) = −(1/N) Σ_n Σ_k p_nk log q_nk

The gradients through softmax_T shrink by 1/T², and T² restores their size (in practice
this is added, weighted, to the ordinary loss on the true labels).
cross_entropy(d, y) takes the teacher's side d first and adds 1e-7 inside the log.

Shapes: logits, teacher_logits and student_logits are (N, K); T is a float;
softmax_with_temperature returns (N, K) and distillation_loss a Python float.
"""

import numpy as np


def softmax(x: np.ndarray) -> np.ndarray:
    x = x - np.max(x, axis=-1, keepdims=True)  # stable: the row max becomes 0
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)  # (N, K), rows sum to 1


def cross_entropy(d: np.ndarray, y: np.ndarray) -> float:
    # d (N, K) target distribution, y (N, K) predicted distribution
    return float(-np.sum(d * np.log(y + 1e-7)) / d.shape[0])


def softmax_with_temperature(logits: np.ndarray, T: float) -> np.ndarray:
    return softmax(logits / T)  # BLANK: softmax(logits / T)


def distillation_loss(student_logits: np.ndarray, teacher_logits: np.ndarray,
                      T: float) -> float:
    p = softmax_with_temperature(teacher_logits, T)  # soft targets (N, K)
    q = softmax_with_temperature(student_logits, T)  # the student's soft output (N, K)
    return float(T ** 2 * cross_entropy(p, q))  # BLANK: T ** 2 * cross_entropy(p, q)


if __name__ == "__main__":
    z = np.array([[0.0, 2 * np.log(3.0)]])
    print(softmax_with_temperature(z, 1.0))  # [[0.1 0.9]]
    print(softmax_with_temperature(z, 2.0))  # [[0.25 0.75]]
    print(distillation_loss(z, z, 2.0))  # 4 · H(0.25, 0.75) ≈ 2.2493
