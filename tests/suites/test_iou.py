"""Grading suite: iou — clipped intersection over union of two (x1, y1, x2, y2) boxes."""

from grader.checks import assert_that, check, same_float
from grader.i18n import bilingual


def _iou(student, a, b, want):
    got = student.iou(a, b)
    name = f"iou({a}, {b})"
    assert_that(type(got) is float,
                bilingual(ja=f"{name}: Python の float を返してください",
                          en=f"{name}: return a Python float"), got=got)
    same_float(got, want, name, atol=1e-12)


@check("K", 3, ja="部分的に重なるボックス: (0,0,2,2)と(1,1,3,3)→1/7 など",
       en="partly overlapping boxes: (0,0,2,2) and (1,1,3,3) → 1/7, and more")
def test_overlap(student):
    _iou(student, (0, 0, 2, 2), (1, 1, 3, 3), 1 / 7)
    _iou(student, (0.0, 0.0, 4.0, 2.0), (2.0, 1.0, 6.0, 5.0), 2 / (8 + 16 - 2))
    _iou(student, (1, 0, 3, 4), (0, 1, 4, 3), 4 / (8 + 8 - 4))


@check("K", 3, ja="離れたボックス（x だけ・y だけ・両方向）と辺が接するボックスは 0",
       en="boxes apart (on x, on y, on both axes) and boxes that touch give 0")
def test_disjoint_and_touching(student):
    _iou(student, (0, 0, 1, 1), (2, 0, 3, 1), 0.0)    # apart on x
    _iou(student, (0, 0, 1, 1), (0, 3, 1, 4), 0.0)    # apart on y
    _iou(student, (0, 0, 1, 1), (2, 2, 3, 3), 0.0)    # apart on both axes
    _iou(student, (5, 5, 6, 7), (0, 0, 2, 1), 0.0)    # apart on both axes
    _iou(student, (0, 0, 1, 1), (1, 0, 2, 1), 0.0)    # touching edge
    _iou(student, (0, 0, 1, 1), (1, 1, 2, 2), 0.0)    # touching corner


@check("K", 2, ja="同じボックスは 1、包含は面積の比（(0,0,4,4)⊃(1,1,3,3)→0.25）",
       en="identical boxes give 1; containment gives the area ratio ((0,0,4,4)⊃(1,1,3,3)→0.25)")
def test_identical_and_containment(student):
    _iou(student, (0, 0, 2, 3), (0, 0, 2, 3), 1.0)
    _iou(student, (0, 0, 4, 4), (1, 1, 3, 3), 0.25)
    _iou(student, (1, 1, 3, 3), (0, 0, 4, 4), 0.25)


@check("K", 2, ja="引数の順序によらない（対称性）と 0 ≤ IoU ≤ 1",
       en="does not depend on the order of the arguments (symmetry), and 0 ≤ IoU ≤ 1")
def test_symmetry(student, reference):
    pairs = [((0, 0, 3, 2), (1, -1, 2, 4)), ((0.5, 0.5, 2.5, 1.5), (0, 0, 1, 1)),
             ((0, 0, 2, 2), (3, 3, 5, 5))]
    for a, b in pairs:
        want = reference.iou(a, b)
        _iou(student, a, b, want)
        _iou(student, b, a, want)
