"""Grading suite: dense_block_concat — x_l = [x_{l-1}, out_l] along the channels (NCHW)."""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual


def inputs(seed, n=2, c=3, k=2, h=4, w=4, layers=3):
    rng = np.random.default_rng(seed)
    x = rng.standard_normal((n, c, h, w))
    Ws = [rng.standard_normal((k, c + l * k)) for l in range(layers)]
    return x, Ws


@check("S", 3, ja="形状 (N, C + L·k, H, W)（2 通りの大きさ）",
       en="shape (N, C + L·k, H, W) (two sizes)")
def test_shape(student):
    for n, c, k, h, w, layers in [(2, 3, 2, 4, 4, 3), (1, 4, 3, 2, 5, 2)]:
        got = student.dense_block(*inputs(1, n, c, k, h, w, layers))
        expect_array(got, f"dense_block (N={n}, C={c}, k={k}, L={layers})",
                     shape=(n, c + layers * k, h, w))


@check("K", 3, ja="最初の C チャネルは入力 x そのもの（連結の順序）",
       en="the first C channels are the input x itself (order of the concatenation)")
def test_input_channels_kept(student):
    x, Ws = inputs(2)
    got = student.dense_block(x, Ws)
    expect_array(got, "dense_block", shape=(2, 3 + 3 * 2, 4, 4))
    same_array(got[:, :3], x, "dense_block(x, Ws)[:, :C]")
    assert_that(bool(np.all(got[:, 3:] >= 0)), bilingual(
        ja="入力の後ろのチャネルは ReLU を通った新しい特徴なので 0 以上のはずです。",
        en="The channels after the input are new ReLU features and must be non-negative."))


@check("K", 4, ja="固定した入力で参照解と一致（L = 3 層）",
       en="equals the reference on fixed inputs (L = 3 layers)")
def test_against_reference(student, reference):
    x, Ws = inputs(3)
    want = reference.dense_block(x, Ws)
    same_array(student.dense_block(x, Ws), want, "dense_block(x, Ws)")
