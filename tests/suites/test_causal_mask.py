"""Grading suite: causal_mask — True strictly above the diagonal (j > i), shape (T, T), bool."""

import numpy as np

from grader.checks import assert_that, check, expect_array
from grader.i18n import bilingual


def _mask(student, T):
    return expect_array(student.causal_mask(T), f"causal_mask({T})", shape=(T, T), kind="b")


@check("K", 2, ja="T=1: [[False]]（自分自身は見てよい）",
       en="T=1: [[False]] (a position may attend to itself)")
def test_t1(student):
    got = _mask(student, 1)
    assert_that(not bool(got[0, 0]),
                bilingual(ja="causal_mask(1) は [[False]] のはずです",
                          en="causal_mask(1) should be [[False]]"), got=got)


@check("K", 3, ja="T=3 と T=5 の手計算の値", en="hand-computed masks for T=3 and T=5")
def test_t3_t5(student):
    for T in (3, 5):
        got = _mask(student, T)
        want = np.array([[j > i for j in range(T)] for i in range(T)])
        assert_that(np.array_equal(got, want),
                    bilingual(ja=f"causal_mask({T}) が期待値と違います",
                              en=f"causal_mask({T}) differs from the expected mask"),
                    got=got, expected=want)


@check("P", 5, ja="どの位置も未来を見ず、過去と自分自身は見える（T=1..8、softmax の行和 1）",
       en="no position sees the future; the past and itself stay visible (T=1..8, rows sum to 1)")
def test_no_future(student):
    for T in range(1, 9):
        got = _mask(student, T)
        for i in range(T):
            assert_that(bool(np.all(got[i, i + 1:])),
                        bilingual(ja=f"T={T}: 位置 {i} が未来の位置を見られます",
                                  en=f"T={T}: position {i} can see a future position"), got=got)
            assert_that(not bool(np.any(got[i, :i + 1])),
                        bilingual(ja=f"T={T}: 位置 {i} が過去か自分自身を見られません",
                                  en=f"T={T}: position {i} cannot see the past or itself"),
                        got=got)
        scores = np.where(got, -np.inf, np.zeros((T, T)))
        w = np.exp(scores - scores.max(axis=1, keepdims=True))
        assert_that(bool(np.all(np.isfinite(w.sum(axis=1)))),
                    bilingual(ja=f"T={T}: ある行ですべての位置が禁止されています",
                              en=f"T={T}: some row forbids every position"), got=got)
