"""Grading suite: deconv_output_size — OH = S·(H − 1) + FH − 2P as a Python int."""

from grader.checks import check, expect_raises, same_int


@check("K", 4, ja="手計算の値: (3,3,1,2)→5, (2,4,1,2)→4, (7,2,0,2)→14, (28,5,0,1)→32",
       en="hand-computed values: (3,3,1,2)→5, (2,4,1,2)→4, (7,2,0,2)→14, (28,5,0,1)→32")
def test_hand_computed(student):
    for args, want in [((3, 3, 1, 2), 5), ((2, 4, 1, 2), 4), ((7, 2, 0, 2), 14),
                       ((28, 5, 0, 1), 32), ((1, 3, 0, 1), 3)]:
        same_int(student.deconv_output_size(*args), want, f"deconv_output_size{args}")


@check("K", 3, ja="畳み込みの出力サイズの逆: conv(32,4,1,2)=16 → deconv(16,4,1,2)=32 など",
       en="inverts the convolution output size: conv(32,4,1,2)=16 → deconv(16,4,1,2)=32 etc.")
def test_inverse_of_conv_output_size(student):
    # (H, FH, P, S) of a convolution whose output size OH is hand-computed;
    # the transposed convolution with the same FH, P, S maps OH back to H
    for H, FH, P, S, OH in [(32, 4, 1, 2, 16), (7, 3, 1, 2, 4), (9, 3, 0, 3, 3),
                            (10, 3, 1, 1, 10)]:
        same_int(student.deconv_output_size(OH, FH, P, S), H,
                 f"deconv_output_size({OH}, {FH}, {P}, {S})")


@check("K", 3, ja="有効な値 (4,2,0,2)→8 と、S < 1 や負の大きさの ValueError",
       en="a valid case (4,2,0,2)→8 and ValueError for S < 1 or negative sizes")
def test_valid_and_invalid(student):
    same_int(student.deconv_output_size(4, 2, 0, 2), 8, "deconv_output_size(4, 2, 0, 2)")
    for args in [(5, 3, 0, 0), (5, 3, 1, -1), (-1, 3, 1, 1), (5, -3, 1, 1), (5, 3, -1, 1)]:
        expect_raises("ValueError", lambda a=args: student.deconv_output_size(*a),
                      f"deconv_output_size{args}")
