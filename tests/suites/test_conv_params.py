"""Grading suite: conv_params — FN·C·FH·FW weights plus FN biases, as a Python int."""

from grader.checks import check, same_int


@check("K", 4, ja="AlexNet の 1 層目: (96, 3, 11, 11) → 34944",
       en="AlexNet's first layer: (96, 3, 11, 11) → 34944")
def test_alexnet_conv1(student):
    same_int(student.conv_params(96, 3, 11, 11), 34944, "conv_params(96, 3, 11, 11)")


@check("K", 3, ja="AlexNet の他の層: (256, 96, 5, 5) → 614656、(384, 256, 3, 3) → 885120",
       en="other AlexNet layers: (256, 96, 5, 5) → 614656, (384, 256, 3, 3) → 885120")
def test_alexnet_other_layers(student):
    # 256·96·25 + 256 = 614656;  384·256·9 + 384 = 885120
    for args, want in [((256, 96, 5, 5), 614656), ((384, 256, 3, 3), 885120)]:
        same_int(student.conv_params(*args), want, f"conv_params{args}")


@check("K", 3, ja="正方形でないフィルタ: (8, 2, 3, 5) → 248、(1, 1, 1, 1) → 2",
       en="a filter that is not square: (8, 2, 3, 5) → 248, (1, 1, 1, 1) → 2")
def test_non_square_filter(student):
    # 8·2·3·5 + 8 = 248;  1·1·1·1 + 1 = 2
    for args, want in [((8, 2, 3, 5), 248), ((1, 1, 1, 1), 2), ((4, 3, 2, 1), 28)]:
        same_int(student.conv_params(*args), want, f"conv_params{args}")
