# ============================================================================
# edrill · adam · Day 2 Section 2 · 学習率最適化手法（Adam） / Optimizers: Adam
# Adam / Adam
#
# 【課題】
# Adam によるパラメータ更新を完成させてください（ゼロから作る Deep Learning の形）。
#   空欄 1: t ステップ目の学習率 lr_t を求めます。lr に √(1 − β2^t) を掛け、
#     (1 − β1^t) で割ります（バイアス補正をまとめたもの）。
#   空欄 2: 勾配の 1 次モーメント m[key]（勾配の指数移動平均）と 2 次モーメント v[key]
#     （勾配の 2 乗の指数移動平均）を、それぞれ係数 β1、β2 で更新します。
# パラメータの更新（lr_t × m / (√v + 1e-7) を引く）はすでに書かれています。
# params と grads は同じキーを持つ配列の辞書です。m と v はキーごとに別々に持ちます。
#
# [Task]
# Complete the parameter update of Adam (the form of Deep Learning from Scratch).
#   Blank 1: the learning rate lr_t of step t: lr times √(1 − β2^t), divided by
#     (1 − β1^t) (the bias corrections folded into one factor).
#   Blank 2: update the first moment m[key] (the exponential moving average of the
#     gradient) and the second moment v[key] (that of the squared gradient) with the
#     coefficients β1 and β2.
# The parameter update (subtracting lr_t × m / (√v + 1e-7)) is already written.
# params and grads are dicts of arrays with the same keys; there is one m and one v per key.
#
# 空欄 `_blank(N)` (2 箇所) を埋めて `grade adam` で採点。ヒント: `grade hint adam`
# Fill in the 2 blank(s) `_blank(N)`, then run `grade adam`. Hints: `grade hint adam`
# ============================================================================
"""Adam / Adam (the form of Deep Learning from Scratch).

日本語
------
パラメータ W ごとに、勾配の 1 次モーメント m と 2 次モーメント v（どちらも指数移動平均）を
持つ（キーごとに独立、演算はすべて要素ごと）。t = 1, 2, ... はステップ数:

    lr_t = η √(1 − β2^t) / (1 − β1^t)
    m ← m + (1 − β1) (∂L/∂W − m)                 （= β1 m + (1 − β1) ∂L/∂W）
    v ← v + (1 − β2) ((∂L/∂W) ⊙ (∂L/∂W) − v)    （= β2 v + (1 − β2) (∂L/∂W)²）
    W ← W − lr_t m / (√v + ε)

η = lr（既定 0.001）、β1 = 0.9、β2 = 0.999、ε = 1e-7。m と v は最初の update で 0 に
初期化する。バイアス補正を lr_t にまとめたこの形（ゼロから作る Deep Learning）は、
m̂ = m / (1 − β1^t)、v̂ = v / (1 − β2^t) を使う論文の形と ε の効き方だけが違う
（ε が √(1 − β2^t) 倍になる。相対差は 1e-6 程度）。ここではこの形に固定する。

形状: params と grads は同じキーを持つ辞書で、params[key] と grads[key] は同じ形の
float64 配列（例: W (D, H)、b (H,)）。self.m[key]、self.v[key] も同じ形。
update は params の配列をその場で書き換え、None を返す。

English
-------
Keep, for every parameter W, the first moment m and the second moment v of its gradient
(both exponential moving averages), independently for every key and element-wise.
t = 1, 2, ... counts the steps:

    lr_t = η √(1 − β2^t) / (1 − β1^t)
    m ← m + (1 − β1) (∂L/∂W − m)                 (= β1 m + (1 − β1) ∂L/∂W)
    v ← v + (1 − β2) ((∂L/∂W) ⊙ (∂L/∂W) − v)    (= β2 v + (1 − β2) (∂L/∂W)²)
    W ← W − lr_t m / (√v + ε)

η = lr (default 0.001), β1 = 0.9, β2 = 0.999, ε = 1e-7. m and v start at 0 on the first
update. This form (Deep Learning from Scratch), with the bias corrections folded into
lr_t, differs from the paper's m̂ = m / (1 − β1^t), v̂ = v / (1 − β2^t) only in how ε acts
(it is scaled by √(1 − β2^t); a relative difference around 1e-6). This form is the one
used here.

Shapes: params and grads are dicts with the same keys; params[key] and grads[key] are
float64 arrays of the same shape (e.g. W (D, H), b (H,)), and so are self.m[key] and
self.v[key]. update changes the arrays of params in place and returns None.
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of adam is not filled in yet")


class Adam:
    def __init__(self, lr: float = 0.001, beta1: float = 0.9, beta2: float = 0.999) -> None:
        self.lr = lr
        self.beta1 = beta1
        self.beta2 = beta2
        self.iter = 0
        self.m: dict[str, np.ndarray] | None = None
        self.v: dict[str, np.ndarray] | None = None

    def update(self, params: dict[str, np.ndarray], grads: dict[str, np.ndarray]) -> None:
        if self.m is None:
            self.m = {key: np.zeros_like(val) for key, val in params.items()}
            self.v = {key: np.zeros_like(val) for key, val in params.items()}
        self.iter += 1
        m, v, t = self.m, self.v, self.iter  # m, v: one moment each per key; t = 1, 2, ...
        lr, beta1, beta2 = self.lr, self.beta1, self.beta2
        # ┌── 空欄 1 / blank 1 ── ここを埋める / fill in here
        _blank(1)
        # └──
        for key, grad in grads.items():
            # ┌── 空欄 2 / blank 2 ── ここを埋める / fill in here
            _blank(2)
            # └──
            params[key] -= lr_t * m[key] / (np.sqrt(v[key]) + 1e-7)


if __name__ == "__main__":
    params = {"W": np.array([1.0, -2.0])}
    optimizer = Adam(lr=0.1)
    optimizer.update(params, {"W": np.array([0.5, -2.0])})
    print(params["W"])  # about [ 0.9 -1.9]: the first step is lr · sign(grad)
