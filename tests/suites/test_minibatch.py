"""Grading suite: minibatch — per epoch, shuffle, then slices [i, i + B) of data_x, data_t.

The student's function takes a numpy Generator, which cannot cross the boundary: it is made in
the worker from a seed (grader.harness.functions.generator, which hands back only a handle) and
passed to the student's function in a direct call. Example n of the data is data_x[n] = [n, 100
+ n], data_t[n] = one-hot of n, so every returned batch names its examples. The expected batches
come from the same seeded permutations, cut into chunks of B with np.split (hand-built, not the
blank).
"""

import numpy as np

from grader.checks import (
    assert_that,
    check,
    expect_array,
    expect_tuple,
    same_array,
    same_int,
)
from grader.i18n import bilingual


def data(N):
    ids = np.arange(N, dtype=np.float64)
    return np.stack([ids, 100 + ids], axis=1), np.eye(N)  # (N, 2), (N, N)


def run(student, harness, N, n_epoch, B, seed):
    data_x, data_t = data(N)
    rng = harness("grader.harness.functions.generator", seed)
    return student.minibatches(data_x, data_t, n_epoch, B, rng)


def expected_ids(N, n_epoch, B, seed):
    """The ids in every mini-batch: each epoch reorders the previous epoch's order (as the
    data arrays are shuffled in place of themselves), then is cut into chunks of B."""
    rng = np.random.default_rng(seed)
    order = np.arange(N)
    chunks = []
    for _ in range(n_epoch):
        order = order[rng.permutation(N)]
        chunks += np.split(order, np.arange(B, N, B))
    return chunks


def batch_list(got, count, name):
    assert_that(type(got) is list,
                bilingual(ja="{name}: ミニバッチのリストを返してください",
                          en="{name}: return a list of mini-batches", name=name), got=got)
    same_int(len(got), count, f"len({name})")
    return got


def same_batches(got, N, n_epoch, B, seed):
    name = f"minibatches(N={N}, n_epoch={n_epoch}, batch_size={B})"
    want = expected_ids(N, n_epoch, B, seed)
    data_x, data_t = data(N)
    for j, (batch, ids) in enumerate(zip(batch_list(got, len(want), name), want, strict=True)):
        batch_x, batch_t = expect_tuple(batch, f"{name}[{j}]", 2)
        same_array(batch_x, data_x[ids], f"batch_x of mini-batch {j}")
        same_array(batch_t, data_t[ids], f"batch_t of mini-batch {j}")


@check("K", 4, ja="N = 10、batch_size = 4、2 エポック: 6 個のミニバッチ（大きさ 4, 4, 2）が"
                  "並べ替えたデータの先頭から順に取り出されている",
       en="N = 10, batch_size = 4, 2 epochs: 6 mini-batches (sizes 4, 4, 2) taken in order "
          "from the front of the shuffled data")
def test_ragged_two_epochs(student, harness):
    same_batches(run(student, harness, 10, 2, 4, 0), 10, 2, 4, 0)


@check("K", 3, ja="N = 9、batch_size = 3、1 エポック: 割り切れる場合の 3 個のミニバッチ",
       en="N = 9, batch_size = 3, 1 epoch: the 3 mini-batches when N is a multiple")
def test_exact_division(student, harness):
    same_batches(run(student, harness, 9, 1, 3, 1), 9, 1, 3, 1)


@check("K", 3, ja="N = 7、batch_size = 5、3 エポック: 各エポックで全データをちょうど 1 回ずつ使い、"
                  "入力と教師データの組がずれない",
       en="N = 7, batch_size = 5, 3 epochs: every epoch uses each example exactly once, "
          "and inputs stay paired with their labels")
def test_each_example_once(student, harness):
    N, n_epoch, B = 7, 3, 5
    got = batch_list(run(student, harness, N, n_epoch, B, 2), n_epoch * 2, "minibatches")
    for epoch in range(n_epoch):
        ids = []
        for j in (2 * epoch, 2 * epoch + 1):
            batch_x, batch_t = expect_tuple(got[j], f"minibatches[{j}]", 2)
            batch_x = expect_array(batch_x, f"batch_x of mini-batch {j}", kind="f")
            batch_t = expect_array(batch_t, f"batch_t of mini-batch {j}", kind="f")
            assert_that(batch_x.ndim == 2 and batch_t.ndim == 2 and len(batch_x) == len(batch_t),
                        bilingual(ja="ミニバッチ {j}: batch_x (n, 2) と batch_t (n, N) の行数が"
                                     "そろっていません（{sx} と {st}）",
                                  en="mini-batch {j}: batch_x (n, 2) and batch_t (n, N) do not "
                                     "have the same rows ({sx} and {st})",
                                  j=j, sx=str(batch_x.shape), st=str(batch_t.shape)))
            same_array(batch_t.argmax(axis=1).astype(np.float64), batch_x[:, 0],
                       f"the labels' ids against the inputs' ids in mini-batch {j}")
            ids += list(batch_x[:, 0])
        same_array(np.sort(np.array(ids)), np.arange(N, dtype=np.float64),
                   f"the ids used in epoch {epoch}")
