# ============================================================================
# edrill · recursive_nn · Day 3 Section 4 · 再帰型ニューラルネットワーク（構文木・Recursive NN） / Recursive neural network over a syntax tree
# 構文木を再帰的にたどって文の表現ベクトルを得る / A sentence vector by recursion over its syntax tree
#
# 【課題】
# 構文木を入力として、再帰的に文全体の表現ベクトルを得る関数 traverse を完成させてください。
# 木は入れ子のタプルで表します。葉は単語の表現ベクトル (D,)、内部ノードは
# (左の部分木, 右の部分木) のタプルです。
# 空欄では、左右の子ノードの表現 left (D,) と right (D,) から、重み W (D, 2D) を使って
# 活性化関数に渡す値 (D,) を計算します。W の前半 D 列が左の子、後半 D 列が右の子に掛かります。
#
# [Task]
# Complete traverse, which takes a syntax tree and gets the vector of the whole sentence
# by recursion. The tree is nested tuples: a leaf is a word vector (D,), an inner node is
# the tuple (left subtree, right subtree).
# In the blank, from the representations left (D,) and right (D,) of the two children,
# compute with the weights W (D, 2D) the value (D,) passed to the activation. The first D
# columns of W multiply the left child, the last D columns the right child.
#
# 空欄 `_blank(N)` (1 箇所) を埋めて `grade recursive_nn` で採点。ヒント: `grade hint recursive_nn`
# Fill in the 1 blank(s) `_blank(N)`, then run `grade recursive_nn`. Hints: `grade hint recursive_nn`
# ============================================================================
"""再帰型ニューラルネットワーク / A recursive neural network over a syntax tree.

日本語
------
演習問題（構文木）の形、列形式（重みは (出力, 入力)）。木は入れ子のタプルで表す。
葉は単語の表現ベクトル、内部ノードは (左の部分木, 右の部分木)。各内部ノードの表現は
左右の子の表現を連結したベクトルから作る:

    葉:        v = x                                    （単語ベクトルそのもの）
    内部ノード: v = tanh(W [v_left ; v_right])           （; は連結、長さ 2D）

根の v が文全体の表現になる。演習問題では W, b が大域変数で活性化関数が _activation と
書かれているが、ここでは W を引数で渡し、活性化関数は tanh、バイアスは使わない
（演習問題の空欄の式にもバイアスはない）。

形状:
    葉 x (D,)                     単語の表現ベクトル
    W (D, 2D)                     前半 D 列が左の子、後半 D 列が右の子に掛かる
    left, right (D,)              子ノードの表現
    traverse の戻り値 v (D,)

English
-------
The quiz's form (syntax tree) in column form (weights (out, in)). The tree is nested
tuples: a leaf is a word vector, an inner node is (left subtree, right subtree). Each
inner node's vector comes from the concatenation of its children's vectors:

    leaf:        v = x                                  (the word vector itself)
    inner node:  v = tanh(W [v_left ; v_right])         (; joins, length 2D)

The root's v represents the whole sentence. The quiz keeps W and b as globals and calls
the activation _activation; here W is an argument, the activation is tanh and there is no
bias (the quiz's blank has none either).

Shapes:
    leaf x (D,)                   a word vector
    W (D, 2D)                     the first D columns multiply the left child, the last D
                                  the right child
    left, right (D,)              the children's vectors
    traverse returns v (D,)
"""

import numpy as np


def _blank(number: int):
    """空欄の目印: 埋めるまで実行するとエラー / placeholder: fails until you fill it in."""
    raise NotImplementedError(f"blank {number} of recursive_nn is not filled in yet")

Tree = np.ndarray | tuple  # a leaf (D,) or a pair (left subtree, right subtree)


def traverse(node: Tree, W: np.ndarray) -> np.ndarray:
    if not isinstance(node, tuple):  # a leaf: the word vector (D,)
        return node
    left = traverse(node[0], W)  # (D,)
    right = traverse(node[1], W)  # (D,)
    v = np.tanh(_blank(1))
    return v  # (D,)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    D = 3
    W = rng.standard_normal((D, 2 * D)) / np.sqrt(2 * D)
    the, cat, sat, down = (rng.standard_normal(D) for _ in range(4))
    tree = ((the, cat), (sat, down))  # ((the cat) (sat down))
    print(traverse(tree, W).shape)  # (3,)
