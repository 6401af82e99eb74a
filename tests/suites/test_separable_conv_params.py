"""Grading suite: separable_conv_params — C·K² (depthwise) + C·M (pointwise), no biases."""

from grader.checks import check, same_int


@check("K", 4, ja="手計算の値: (3,3,16)→75, (32,3,64)→2336, (8,5,4)→232",
       en="hand-computed values: (3,3,16)→75, (32,3,64)→2336, (8,5,4)→232")
def test_hand_computed(student):
    for args, want in [((3, 3, 16), 75), ((32, 3, 64), 2336), ((8, 5, 4), 232)]:
        same_int(student.separable_conv_params(*args), want, f"separable_conv_params{args}")


@check("K", 3, ja="小さな場合: (1,1,1)→2, (2,3,1)→20, (4,1,2)→12",
       en="small cases: (1,1,1)→2, (2,3,1)→20, (4,1,2)→12")
def test_small_cases(student):
    for args, want in [((1, 1, 1), 2), ((2, 3, 1), 20), ((4, 1, 2), 12)]:
        same_int(student.separable_conv_params(*args), want, f"separable_conv_params{args}")


@check("K", 3, ja="MobileNet の層: (512,3,512)→266752, (1024,3,1024)→1057792",
       en="MobileNet layers: (512,3,512)→266752, (1024,3,1024)→1057792")
def test_mobilenet_layers(student):
    for args, want in [((512, 3, 512), 266752), ((1024, 3, 1024), 1057792)]:
        same_int(student.separable_conv_params(*args), want, f"separable_conv_params{args}")
