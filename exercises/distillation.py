# ============================================================================
# edrill · distillation · Day 4 Section 3 · 蒸留（知識蒸留） / Knowledge distillation
# 温度付きソフトマックスと蒸留の損失 / Softmax with temperature and the distillation loss
#
# 【課題】
# 知識蒸留では、教師モデルの出力を温度 T で「やわらかく」した確率分布（ソフトターゲット）を
# 生徒モデルに学ばせます。
# 空欄 1: ロジット logits (N, K) から温度 T のソフトマックス (N, K) を返します
# （T = 1 で通常のソフトマックス、T を大きくするほど分布がなだらかになります）。
# 空欄 2: 教師と生徒の温度 T のソフトマックスから蒸留の損失を返します。損失は
# ソフトターゲットに対する生徒の交差エントロピー（バッチ平均）を、勾配の大きさが T に
# よらないよう T² 倍したものです。softmax と cross_entropy(d, y)（d が教師側の分布）は
# すでに書かれています。
#
# [Task]
# In knowledge distillation the student model learns the teacher's outputs "softened" by
# a temperature T (the soft targets).
# Blank 1: return the softmax with temperature T (N, K) of the logits (N, K) (T = 1 is
# the ordinary softmax; the larger T, the flatter the distribution).
# Blank 2: return the distillation loss from the teacher's and the student's softmax at
# temperature T: the student's cross-entropy against the soft targets (a batch mean),
# multiplied by T² so that the size of the gradients does not depend on T. softmax and
# cross_entropy(d, y) (d the teacher's distribution) are given.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade distillation` で採点。ヒント: `grade hint distillation`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade distillation`. Hints: `grade hint distillation`
# ============================================================================
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


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of distillation is not filled in yet")


def softmax(x: np.ndarray) -> np.ndarray:
    x = x - np.max(x, axis=-1, keepdims=True)  # stable: the row max becomes 0
    e = np.exp(x)
    return e / np.sum(e, axis=-1, keepdims=True)  # (N, K), rows sum to 1


def cross_entropy(d: np.ndarray, y: np.ndarray) -> float:
    # d (N, K) target distribution, y (N, K) predicted distribution
    return float(-np.sum(d * np.log(y + 1e-7)) / d.shape[0])


def softmax_with_temperature(logits: np.ndarray, T: float) -> np.ndarray:
    return _blank(1)


def distillation_loss(student_logits: np.ndarray, teacher_logits: np.ndarray,
                      T: float) -> float:
    p = softmax_with_temperature(teacher_logits, T)  # soft targets (N, K)
    q = softmax_with_temperature(student_logits, T)  # the student's soft output (N, K)
    return float(_blank(2))


if __name__ == "__main__":
    z = np.array([[0.0, 2 * np.log(3.0)]])
    print(softmax_with_temperature(z, 1.0))  # [[0.1 0.9]]
    print(softmax_with_temperature(z, 2.0))  # [[0.25 0.75]]
    print(distillation_loss(z, z, 2.0))  # 4 · H(0.25, 0.75) ≈ 2.2493
