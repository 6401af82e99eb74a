# /// exercise
# id = "recursive_nn"
# day = 3
# section = 4
# points = 10
# topic.ja = "再帰型ニューラルネットワーク（構文木・Recursive NN）"
# topic.en = "Recursive neural network over a syntax tree"
# title.ja = "構文木を再帰的にたどって文の表現ベクトルを得る"
# title.en = "A sentence vector by recursion over its syntax tree"
# instructions.ja = """
# 構文木を入力として、再帰的に文全体の表現ベクトルを得る関数 traverse を完成させてください。
# 木は入れ子のタプルで表します。葉は単語の表現ベクトル (D,)、内部ノードは
# (左の部分木, 右の部分木) のタプルです。
# 空欄では、左右の子ノードの表現 left (D,) と right (D,) から、重み W (D, 2D) を使って
# 活性化関数に渡す値 (D,) を計算します。W の前半 D 列が左の子、後半 D 列が右の子に掛かります。
# """
# instructions.en = """
# Complete traverse, which takes a syntax tree and gets the vector of the whole sentence
# by recursion. The tree is nested tuples: a leaf is a word vector (D,), an inner node is
# the tuple (left subtree, right subtree).
# In the blank, from the representations left (D,) and right (D,) of the two children,
# compute with the weights W (D, 2D) the value (D,) passed to the activation. The first D
# columns of W multiply the left child, the last D columns the right child.
# """
#
# [[hints]]
# ja = """\
# W は (D, 2D) なので、長さ 2D のベクトルに掛けると長さ D のベクトルになります。\
# 左右の子の表現はそれぞれ長さ D です。"""
# en = """\
# W is (D, 2D): times a vector of length 2D it gives a vector of length D. Each child's \
# representation has length D."""
#
# [[hints]]
# ja = """\
# 左右の子の表現を足したり掛けたりして混ぜるのではなく、左、右の順に 1 本の\
# ベクトルにつなげます（長さ 2D）。"""
# en = """\
# Do not mix the two children by adding or multiplying them: join them into one vector, \
# left first, then right (length 2D)."""
#
# [[hints]]
# ja = """\
# np.concatenate([left, right]) でつなげたベクトルに、W を左から行列・ベクトル積（.dot）で\
# 掛けます。"""
# en = """\
# Multiply the vector np.concatenate([left, right]) by W from the left with the \
# matrix-vector product (.dot)."""
#
# [[wrong]]
# blank = 1
# answer = "W.dot(left + right)"
# source = "quiz"
# why.ja = """\
# 足し算では左右の子の情報が混ざり、どちらが左でどちらが右かが失われます。\
# 形も (D,) のままで、W (D, 2D) と掛けられません（形が合わずエラー）。\
# 左右の表現は連結して長さ 2D のベクトルにします。"""
# why.en = """\
# Adding mixes the two children and loses which one is left and which right; the result \
# is still (D,), which W (D, 2D) cannot multiply (a shape error). Concatenate the two \
# into a vector of length 2D."""
#
# [[wrong]]
# blank = 1
# answer = "W.dot(left * right)"
# source = "quiz"
# why.ja = """\
# 要素積では左右の子の情報が混ざり、形も (D,) のままで W (D, 2D) と掛けられません\
# （形が合わずエラー）。左右の表現は連結して長さ 2D にします。"""
# why.en = """\
# The element-wise product mixes the two children and stays (D,), which W (D, 2D) cannot \
# multiply (a shape error). Concatenate them into length 2D."""
#
# [[wrong]]
# blank = 1
# answer = "W.dot(np.maximum(left, right))"
# source = "quiz"
# why.ja = """\
# 要素ごとの最大値では片方の子の情報が捨てられ、形も (D,) のままで W (D, 2D) と\
# 掛けられません（形が合わずエラー）。左右の表現は連結して長さ 2D にします。"""
# why.en = """\
# The element-wise maximum throws away information of one child and stays (D,), which \
# W (D, 2D) cannot multiply (a shape error). Concatenate them into length 2D."""
#
# [[wrong]]
# blank = 1
# answer = "W.dot(np.concatenate([right, left]))"
# source = "common"
# why.ja = """\
# 左右が逆です。W の前半 D 列は左の子、後半 D 列は右の子に掛かるので、\
# 左、右の順に連結します。"""
# why.en = """\
# Left and right are swapped. The first D columns of W belong to the left child and the \
# last D to the right one: concatenate left first."""
#
# [[wrong]]
# blank = 1
# answer = "W.dot(np.stack([left, right]))"
# source = "common"
# why.ja = """\
# np.stack は新しい軸を作るので (2, D) の行列になり、W (D, 2D) と掛けられません\
# （形が合わずエラー）。np.concatenate で長さ 2D の 1 本のベクトルにします。"""
# why.en = """\
# np.stack makes a new axis, a (2, D) matrix, which W (D, 2D) cannot multiply (a shape \
# error). np.concatenate gives one vector of length 2D."""
#
# [[wrong]]
# blank = 1
# answer = "np.concatenate([left, right]).dot(W)"
# source = "common"
# why.ja = """\
# W は列形式 (D, 2D)（出力, 入力）なので、ベクトルは W の右から掛けます。\
# 左から掛けると長さ 2D と D の軸が合わずエラーになります。"""
# why.en = """\
# W is in column form (D, 2D), (out, in): the vector goes on the right of W. On the left \
# the axes (2D against D) do not match: a shape error."""
#
# [[wrong]]
# blank = 1
# answer = "W.dot(np.concatenate([left, left]))"
# source = "common"
# why.ja = """\
# 右の子 right を使っていません。左、右の順に両方の子の表現を連結します。"""
# why.en = """\
# The right child is not used. Concatenate both children, left first, then right."""
#
# [[accepted]]
# blank = 1
# answer = "W @ np.concatenate([left, right])"
#
# [[accepted]]
# blank = 1
# answer = "W.dot(np.hstack([left, right]))"
#
# [[accepted]]
# blank = 1
# answer = "W.dot(np.r_[left, right])"
#
# [[accepted]]
# blank = 1
# answer = "W[:, :len(left)].dot(left) + W[:, len(left):].dot(right)"
# ///
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

Tree = np.ndarray | tuple  # a leaf (D,) or a pair (left subtree, right subtree)


def traverse(node: Tree, W: np.ndarray) -> np.ndarray:
    if not isinstance(node, tuple):  # a leaf: the word vector (D,)
        return node
    left = traverse(node[0], W)  # (D,)
    right = traverse(node[1], W)  # (D,)
    v = np.tanh(W.dot(np.concatenate([left, right])))  # BLANK: W.dot(np.concatenate([left, right]))
    return v  # (D,)


if __name__ == "__main__":
    rng = np.random.default_rng(0)
    D = 3
    W = rng.standard_normal((D, 2 * D)) / np.sqrt(2 * D)
    the, cat, sat, down = (rng.standard_normal(D) for _ in range(4))
    tree = ((the, cat), (sat, down))  # ((the cat) (sat down))
    print(traverse(tree, W).shape)  # (3,)
