"""Grading suite: conv_output_size — OH = ⌊(H + 2P − FH) / S⌋ + 1 as a Python int."""

from grader.checks import check, expect_raises, same_int


@check("K", 3, ja="講座の確認テストの値: (5,3,1,2)→3, (6,2,1,1)→7, (28,5,0,1)→24",
       en="the course's own numbers: (5,3,1,2)→3, (6,2,1,1)→7, (28,5,0,1)→24")
def test_course_values(student):
    for args, want in [((5, 3, 1, 2), 3), ((6, 2, 1, 1), 7), ((28, 5, 0, 1), 24)]:
        same_int(student.conv_output_size(*args), want, f"conv_output_size{args}")


@check("K", 2, ja="割り切れないストライドは切り捨て: (10,3,0,2)→4, (224,11,2,4)→55",
       en="a stride that does not divide rounds down: (10,3,0,2)→4, (224,11,2,4)→55")
def test_floor_when_stride_does_not_divide(student):
    for args, want in [((10, 3, 0, 2), 4), ((224, 11, 2, 4), 55), ((7, 2, 0, 3), 2)]:
        same_int(student.conv_output_size(*args), want, f"conv_output_size{args}")


@check("P", 3, ja="H, FH, P, S の組み合わせ 48 通りで参照解と一致",
       en="agrees with the reference on 48 combinations of H, FH, P, S")
def test_grid_against_reference(student, reference):
    grid = [(H, FH, P, S) for H in (1, 4, 7, 12) for FH in (1, 3, 4) for P in (0, 1)
            for S in (1, 2) if FH <= H + 2 * P]
    want = [reference.conv_output_size(*args) for args in grid]
    got = [student.conv_output_size(*args) for args in grid]  # a round trip each
    for args, value, expected in zip(grid, got, want, strict=True):
        same_int(value, expected, f"conv_output_size{args}")


@check("P", 2, ja="境界 (フィルタ = パディング後の入力 → 1) と不正な大きさの ValueError",
       en="the boundary (filter = padded input → 1) and ValueError for invalid sizes")
def test_boundary_and_invalid_sizes(student):
    same_int(student.conv_output_size(3, 5, 1, 1), 1, "conv_output_size(3, 5, 1, 1)")
    same_int(student.conv_output_size(4, 4, 0, 3), 1, "conv_output_size(4, 4, 0, 3)")
    for args in [(3, 6, 1, 1), (5, 3, 0, 0), (5, 3, 1, -1), (-1, 3, 1, 1), (5, -3, 1, 1),
                 (5, 3, -1, 1)]:
        expect_raises("ValueError", lambda a=args: student.conv_output_size(*a),
                      f"conv_output_size{args}")
