"""Grading suite: quantization — q = clip(round(x / s) + z, q_min, q_max), an int64 array.

Hand-computed values (uint8 with a zero point, int8 symmetric), the properties of
quantization — inside the representable range the dequantized value s·(q − z) is within
s / 2 of x (1000 random values, uint8 and int8); outside it q saturates at q_min / q_max —
and a weight matrix against the reference. No value here sits on an exact rounding tie.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual

UINT8 = {"scale": 0.02, "zero_point": 100, "qmin": 0, "qmax": 255}  # x in [-2.0, 3.1]
INT8 = {"scale": 0.05, "zero_point": 0, "qmin": -128, "qmax": 127}  # x in [-6.4, 6.35]


@check("K", 3, ja="手計算の値: uint8 (scale 0.1, zero_point 10) と int8 (scale 0.05, "
                  "zero_point 0)",
       en="hand-computed values: uint8 (scale 0.1, zero_point 10) and int8 (scale 0.05, "
          "zero_point 0)")
def test_hand_values(student):
    x = np.array([-1.0, -0.26, 0.0, 0.24, 0.5, 30.0])
    same_array(student.quantize(x, 0.1, 10), np.array([0, 7, 10, 12, 15, 255]),
               "quantize([-1, -0.26, 0, 0.24, 0.5, 30], scale=0.1, zero_point=10)")
    x = np.array([-7.0, -0.12, 0.03, 6.4, 7.0])
    same_array(student.quantize(x, 0.05, 0, -128, 127), np.array([-128, -2, 1, 127, 127]),
               "quantize([-7, -0.12, 0.03, 6.4, 7], scale=0.05, zero_point=0, qmin=-128, "
               "qmax=127)")


@check("P", 3, ja="表せる範囲の中では、逆量子化した値と x の差が scale / 2 以下"
                  "（uint8 と int8、各 1000 個）",
       en="inside the representable range the dequantized value is within scale / 2 of x "
          "(uint8 and int8, 1000 values each)")
def test_error_within_half_step(student):
    rng = np.random.default_rng(8)
    for label, p in [("uint8", UINT8), ("int8", INT8)]:
        s, z = p["scale"], p["zero_point"]
        lo, hi = s * (p["qmin"] - z), s * (p["qmax"] - z)
        x = rng.uniform(lo, hi, size=(10, 100))
        name = f"quantize(x (10, 100) in [{lo:g}, {hi:g}], {label}: {p})"
        q = expect_array(student.quantize(x.copy(), **p), name, shape=x.shape, kind="i")
        error = np.abs(s * (q - z) - x)
        worst = np.unravel_index(int(np.argmax(error)), error.shape)
        assert_that(bool(np.max(error) <= s / 2 * (1 + 1e-9)),
                    bilingual(ja="{name}: 逆量子化 scale·(q − zero_point) と x の差が最大 "
                                 "{err:.4g}（x = {x:.6g}, q = {q}）。scale / 2 = {half:g} 以下の"
                                 "はずです",
                              en="{name}: the dequantized scale·(q − zero_point) is up to "
                                 "{err:.4g} away from x (x = {x:.6g}, q = {q}); it must be "
                                 "within scale / 2 = {half:g}",
                              name=name, err=float(error[worst]), x=float(x[worst]),
                              q=int(q[worst]), half=s / 2), got=q)


@check("P", 2, ja="範囲の外の値は qmin / qmax に張り付き（飽和）、範囲の両端はちょうど qmin / qmax",
       en="values outside the range saturate at qmin / qmax, and the ends of the range map "
          "to exactly qmin / qmax")
def test_saturates_at_the_ends(student):
    x = np.array([-1000.0, -2.5, -2.0, 3.1, 3.5, 1000.0])  # UINT8 range [-2.0, 3.1]
    same_array(student.quantize(x, **UINT8), np.array([0, 0, 0, 255, 255, 255]),
               f"quantize([-1000, -2.5, -2, 3.1, 3.5, 1000], {UINT8})")
    x = np.array([-100.0, -6.4, 6.35, 100.0])  # INT8 range [-6.4, 6.35]
    same_array(student.quantize(x, **INT8), np.array([-128, -128, 127, 127]),
               f"quantize([-100, -6.4, 6.35, 100], {INT8})")


@check("K", 2, ja="重み行列 (6, 5) を uint8 に量子化した結果が参照解と一致",
       en="a (6, 5) weight matrix quantized to uint8 equals the reference")
def test_weights_against_reference(student, reference):
    W = np.random.default_rng(3).normal(0.0, 0.3, size=(6, 5))
    w_min, w_max = min(W.min(), 0.0), max(W.max(), 0.0)
    scale = (w_max - w_min) / 255
    zero_point = int(np.round(-w_min / scale))
    want = reference.quantize(W, scale, zero_point)
    same_array(student.quantize(W.copy(), scale, zero_point), want,
               f"quantize(W (6, 5), scale={scale:.6g}, zero_point={zero_point})")
