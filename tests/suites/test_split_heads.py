"""Grading suite: split_heads / merge_heads — (N, T, h·d_k) ↔ (N, h, T, d_k), head j = columns
j·d_k … (j+1)·d_k − 1.

Sizes keep N, T, h and d_k all different (N=2, T=5, h=3, d_k=4 and N=3, T=2, h=5, d_k=6), so
a transpose to the wrong axis order changes the shape, and a reshape without a transpose
(same shape) puts wrong values in place. S: the shapes and float64. K: values against a
slice-by-slice construction (head j at time t is x[n, t, j·d_k:(j+1)·d_k]), for split and
for merge separately. P: the two are inverses, a change at time t of x touches only time t
of every head, and a change in head j's columns touches only head j.
"""

import numpy as np

from grader.checks import assert_that, check, expect_array, same_array
from grader.i18n import bilingual

SIZES = [(2, 5, 3, 4), (3, 2, 5, 6)]  # (N, T, h, d_k)


def make_x(seed, N, T, h, d_k):
    return np.random.default_rng(seed).standard_normal((N, T, h * d_k))


def by_slices(x, h):
    """(N, h, T, d_k) built slice by slice: head j at time t is x[n, t, j·d_k:(j+1)·d_k]."""
    N, T, d_model = x.shape
    d_k = d_model // h
    out = np.empty((N, h, T, d_k))
    for j in range(h):
        for t in range(T):
            out[:, j, t, :] = x[:, t, j * d_k:(j + 1) * d_k]
    return out


def split(student, x, h):
    N, T, d_model = x.shape
    return expect_array(student.split_heads(x, h), f"split_heads(x {x.shape}, h={h})",
                        shape=(N, h, T, d_model // h))


def merge(student, y):
    N, h, T, d_k = y.shape
    return expect_array(student.merge_heads(y), f"merge_heads(x {y.shape})",
                        shape=(N, T, h * d_k))


@check("S", 2, ja="split_heads は (N, h, T, d_k)、merge_heads は (N, T, d_model) の float64"
       "（N, T, h, d_k はすべて異なる）",
       en="split_heads gives (N, h, T, d_k) and merge_heads (N, T, d_model), float64 "
       "(N, T, h, d_k all different)")
def test_shapes(student):
    for k, (N, T, h, d_k) in enumerate(SIZES):
        for got in (split(student, make_x(k, N, T, h, d_k), h),
                    merge(student, np.random.default_rng(10 + k).standard_normal((N, h, T, d_k)))):
            assert_that(got.dtype == np.float64,
                        bilingual(ja=f"dtype は float64 のはずが {got.dtype} です",
                                  en=f"expected dtype float64, got {got.dtype}"), got=got)


@check("K", 3, ja="split_heads: ヘッド j・時刻 t は x[n, t, j·d_k:(j+1)·d_k]"
       "（スライスで作った値と一致）",
       en="split_heads: head j at time t is x[n, t, j·d_k:(j+1)·d_k] (equals the values "
       "built slice by slice)")
def test_split_values(student):
    x = np.arange(2 * 5 * 12, dtype=np.float64).reshape(2, 5, 12)
    same_array(split(student, x, 3), by_slices(x, 3), "split_heads(arange (2, 5, 12), h=3)")
    N, T, h, d_k = SIZES[1]
    x = make_x(20, N, T, h, d_k)
    same_array(split(student, x, h), by_slices(x, h), f"split_heads(x {x.shape}, h={h})")


@check("K", 2, ja="merge_heads: 各時刻でヘッド 0, 1, ..., h−1 の d_k 列をこの順に並べる",
       en="merge_heads: at each time step the d_k columns of heads 0, 1, ..., h−1 in order")
def test_merge_values(student):
    for k, (N, T, h, d_k) in enumerate(SIZES):
        x = make_x(30 + k, N, T, h, d_k)
        heads = by_slices(x, h)  # (N, h, T, d_k) whose merge is x
        same_array(merge(student, heads), x, f"merge_heads(x {heads.shape})")


@check("P", 3, ja="性質: merge_heads と split_heads は互いに逆。x の時刻 t を変えると各ヘッドの"
       "時刻 t だけ、ヘッド j の列を変えるとヘッド j だけが変わる",
       en="properties: merge_heads and split_heads undo each other; changing time t of x "
       "changes only time t of each head, changing head j's columns changes only head j")
def test_properties(student):
    N, T, h, d_k = SIZES[0]
    x = make_x(40, N, T, h, d_k)
    heads = split(student, x, h)
    same_array(merge(student, heads), x, "merge_heads(split_heads(x, h))")
    y = np.random.default_rng(41).standard_normal((N, h, T, d_k))
    same_array(split(student, merge(student, y), h), y, "split_heads(merge_heads(y), h)")
    t, j = 2, 1
    x_t = x.copy()
    x_t[:, t] += 1.0  # every column at time t
    changed = split(student, x_t, h) != heads  # (N, h, T, d_k)
    others = np.delete(changed, t, axis=2)
    assert_that(not bool(others.any()) and bool(changed[:, :, t].all()),
                bilingual(ja=f"x の時刻 {t} だけを変えたのに、ヘッドの別の時刻が変わるか、"
                             f"時刻 {t} の一部が変わりません",
                          en=f"changing only time {t} of x changed other time steps of the "
                             f"heads, or not all of time {t}"), got=changed.astype(float))
    x_j = x.copy()
    x_j[:, :, j * d_k:(j + 1) * d_k] += 1.0  # the columns of head j
    changed = split(student, x_j, h) != heads
    assert_that(not bool(np.delete(changed, j, axis=1).any()) and bool(changed[:, j].all()),
                bilingual(ja=f"ヘッド {j} の列だけを変えたのに、別のヘッドが変わるか、"
                             f"ヘッド {j} の一部が変わりません",
                          en=f"changing only the columns of head {j} changed another head, "
                             f"or not all of head {j}"), got=changed.astype(float))
