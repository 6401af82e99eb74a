# /// exercise
# id = "gradient_clipping"
# day = 3
# section = 2
# points = 10
# topic = { ja = "勾配クリッピング", en = "Gradient clipping" }
# title = { ja = "勾配クリッピング（ノルムによる）", en = "Gradient clipping by norm" }
# instructions.ja = """
# 勾配爆発を防ぐための勾配クリッピングを完成させてください。
# 勾配 grad 全体の L2 ノルムが閾値 threshold を超えたとき、
# 勾配の向きはそのままに、ノルムがちょうど threshold になるよう
# 勾配を縮小して返します。ノルムが threshold 以下なら grad をそのまま返します。
# 空欄は `if rate < 1:` の中で返す値です。
# """
# instructions.en = """
# Complete gradient clipping, the usual cure for exploding gradients.
# When the L2 norm of the whole gradient grad exceeds threshold, return the
# gradient scaled down so that its norm is exactly threshold and its direction
# is unchanged; otherwise return grad as it is.
# The blank is the value returned inside `if rate < 1:`.
# """
#
# [[hints]]
# ja = "クリッピングは勾配の「向き」を変えず、「大きさ」だけを変えます。"
# en = "Clipping keeps the direction of the gradient and changes only its length."
#
# [[hints]]
# ja = """\
# ベクトル g に正のスカラー k を掛けると、向きは同じでノルムは k 倍になります。\
# ノルムを ‖g‖ から threshold にするには、何倍すればよいでしょうか。"""
# en = """\
# Multiplying a vector g by a positive scalar k keeps its direction and multiplies \
# its norm by k. By what factor must g be multiplied to turn ‖g‖ into threshold?"""
#
# [[hints]]
# ja = """\
# その倍率 threshold / ‖g‖ はすでに変数 rate に入っています。\
# grad を rate 倍したものを返します。"""
# en = """\
# That factor, threshold / ‖g‖, is already in the variable rate. \
# Return grad scaled by rate."""
#
# [[wrong]]
# blank = 1
# answer = "grad / norm"
# source = "quiz"
# why.ja = """\
# grad / norm はノルム 1 の単位ベクトルです。向きは正しいのですが、\
# ノルムが threshold ではなく常に 1 になります。threshold = 1 のときだけ\
# 正解と一致しますが、採点では threshold ≠ 1 を使うので誤りです。"""
# why.en = """\
# grad / norm is the unit vector: the direction is right but its norm is always 1, \
# not threshold. It equals the answer only when threshold == 1; the checks use \
# threshold != 1, so it is wrong."""
#
# [[wrong]]
# blank = 1
# answer = "grad / threshold"
# source = "quiz"
# why.ja = """\
# threshold で割るだけでは勾配のノルム ‖g‖ が考慮されず、\
# 結果のノルムは ‖g‖ / threshold になります。threshold にはなりません。"""
# why.en = """\
# Dividing by threshold ignores the gradient's norm ‖g‖: the result has norm \
# ‖g‖ / threshold, not threshold."""
#
# [[wrong]]
# blank = 1
# answer = "np.maximum(grad, threshold)"
# source = "quiz"
# why.ja = """\
# np.maximum は要素ごとに threshold との大きい方を取る演算で、縮小ではありません。\
# 小さい要素や負の要素がすべて threshold に置き換わり、向きも大きさも壊れます。"""
# why.en = """\
# np.maximum takes the element-wise larger of each entry and threshold; it does not \
# scale anything. Every small or negative entry becomes threshold, which destroys both \
# the direction and the norm."""
#
# [[wrong]]
# blank = 1
# answer = "grad * norm"
# source = "common"
# why.ja = """\
# ノルムを掛けると勾配は逆に ‖g‖ 倍に大きくなります（結果のノルムは ‖g‖²）。\
# 掛けるべき倍率は threshold / ‖g‖ です。"""
# why.en = """\
# Multiplying by the norm makes the gradient ‖g‖ times larger (its norm becomes ‖g‖²). \
# The factor to apply is threshold / ‖g‖."""
#
# [[wrong]]
# blank = 1
# answer = "grad * threshold"
# source = "common"
# why.ja = """\
# threshold を掛けるだけでは ‖g‖ で割っていないため、結果のノルムは \
# threshold × ‖g‖ になり、threshold を超えたままです。"""
# why.en = """\
# Multiplying by threshold without dividing by ‖g‖ gives norm threshold × ‖g‖, \
# still above the threshold."""
#
# [[wrong]]
# blank = 1
# answer = "grad / rate"
# source = "common"
# why.ja = """\
# rate = threshold / ‖g‖ < 1 で割ると勾配は拡大されます（ノルムは ‖g‖² / threshold）。\
# 縮小するには rate を掛けます。"""
# why.en = """\
# Dividing by rate = threshold / ‖g‖ < 1 enlarges the gradient (norm ‖g‖² / threshold). \
# To shrink it, multiply by rate."""
#
# [[wrong]]
# blank = 1
# answer = "np.clip(grad, -threshold, threshold)"
# source = "common"
# why.ja = """\
# np.clip は各要素を [-threshold, threshold] に切り詰める「値によるクリッピング」です。\
# ここで求められているのはノルムによるクリッピングで、要素ごとの切り詰めは\
# 勾配の向きを変え、ノルムも threshold になりません。"""
# why.en = """\
# np.clip cuts each entry to [-threshold, threshold]: clipping by value. This exercise \
# asks for clipping by norm; element-wise clipping changes the direction and does not \
# make the norm equal to threshold."""
#
# [[wrong]]
# blank = 1
# answer = "rate"
# source = "common"
# why.ja = """\
# rate は倍率（スカラー）です。返すのは rate で縮小した勾配（grad と同じ形の配列）です。"""
# why.en = """\
# rate is only the scale factor (a scalar). Return the gradient scaled by it, an array \
# of the same shape as grad."""
#
# [[accepted]]
# blank = 1
# answer = "rate * grad"
#
# [[accepted]]
# blank = 1
# answer = "threshold * grad / norm"
#
# [[accepted]]
# blank = 1
# answer = "grad * (threshold / norm)"
#
# [[accepted]]
# blank = 1
# answer = "grad / norm * threshold"
# ///
"""勾配クリッピング / Gradient clipping by norm.

日本語
------
勾配 g（任意の形の配列）全体の L2 ノルム ‖g‖ = √(Σ g_k²) を計算し、
閾値 threshold を超えていれば、向きを保ったままノルムが threshold になるよう縮小する。

    rate = threshold / ‖g‖
    rate < 1（‖g‖ > threshold）のとき  g ← rate · g    （このとき ‖g‖ = threshold）
    それ以外                             g はそのまま

形状: grad は任意の形（例: (H, H) の重み勾配）、threshold はスカラー、
戻り値は grad と同じ形の float64 配列。ノルムは全要素をまとめた 1 つの値
（行列ならフロベニウスノルム）。

English
-------
Compute the L2 norm ‖g‖ = √(Σ g_k²) over all entries of the gradient g; if it exceeds
threshold, scale g down so that its norm becomes threshold while its direction is kept.

    rate = threshold / ‖g‖
    if rate < 1 (‖g‖ > threshold):  g ← rate · g      (then ‖g‖ = threshold)
    otherwise                        g is returned unchanged

Shapes: grad has any shape (e.g. an (H, H) weight gradient), threshold is a scalar, and
the result is a float64 array of grad's shape. The norm is one number over all entries
(the Frobenius norm for a matrix).
"""

import numpy as np


def gradient_clipping(grad: np.ndarray, threshold: float) -> np.ndarray:
    norm = np.linalg.norm(grad)  # ‖g‖, a scalar over all entries
    rate = threshold / norm
    if rate < 1:
        return grad * rate  # BLANK: grad * rate
    return grad


if __name__ == "__main__":
    g = np.array([3.0, 4.0])  # ‖g‖ = 5
    print(gradient_clipping(g, 2.0))  # [1.2 1.6], norm 2
    print(gradient_clipping(g, 10.0))  # [3. 4.], unchanged
