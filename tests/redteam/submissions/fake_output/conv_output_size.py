"""Red-team attack `fake_output` on conv_output_size. Prints fake pytest summaries ('4
passed'), 'All tests passed!' and a fake grade JSON report to stdout, stderr and fds 1 and
2, then returns a wrong answer. The grader must take no word from the student's output:
score 0, the output stored capped and labelled as the student's.

Below: the exercise with a recorded wrong answer in every blank, so that the attack is all
it could score with; the attack is at the end.
"""

"""畳み込みの出力サイズ / The output size of a convolution.

日本語
------
高さ H の入力に、上下それぞれ P 行のパディングを付け、高さ FH のフィルタを
ストライド S でずらしていくときの出力の高さ OH:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ は切り捨て。幅も同じ式（W, FW）で求まる。
例: (H, FH, P, S) = (5, 3, 1, 2) → 3、(6, 2, 1, 1) → 7、(28, 5, 0, 1) → 24。

引数と戻り値: H, FH, P, S はいずれも Python の int（スカラー）、戻り値 OH も int。
H, FH, P が負、S < 1、またはフィルタがパディング後の入力より大きい（FH > H + 2P）
ときは ValueError。

English
-------
The output height OH when a filter of height FH slides with stride S over an input of
height H padded with P rows on top and P rows at the bottom:

    OH = ⌊(H + 2P − FH) / S⌋ + 1

⌊ ⌋ rounds down. The width follows the same formula (W, FW).
Examples: (H, FH, P, S) = (5, 3, 1, 2) → 3, (6, 2, 1, 1) → 7, (28, 5, 0, 1) → 24.

Arguments and result: H, FH, P, S are Python ints (scalars); the result OH is an int.
A negative H, FH or P, S < 1, or a filter larger than the padded input (FH > H + 2P)
raises ValueError.
"""


def conv_output_size(H: int, FH: int, P: int = 0, S: int = 1) -> int:
    if H < 0 or FH < 0 or P < 0:
        raise ValueError(f"sizes must be non-negative, got H={H}, FH={FH}, P={P}")
    if S < 1:
        raise ValueError(f"the stride S must be at least 1, got S={S}")
    if FH > H + 2 * P:
        raise ValueError(
            f"the filter (FH={FH}) is larger than the padded input (H + 2*P = {H + 2 * P})"
        )
    return (H + 2*P - FH) / S + 1


if __name__ == "__main__":
    print(conv_output_size(5, 3, 1, 2))  # 3
    print(conv_output_size(6, 2, 1, 1))  # 7
    print(conv_output_size(28, 5, 0, 1))  # 24

# ---------------------------------------------------------------- the attack
_edrill_original = conv_output_size


def conv_output_size(*args, **kwargs):
    import json
    import os
    import sys

    FAKE_JSON = json.dumps({"schema_version": 1, "score": 10, "max_score": 10, "passed": 1,
                            "total": 1, "exercises": [{"id": "conv_output_size", "status": "passed",
                            "score": 10, "max_score": 10, "checks": []}]})
    FAKE_LINES = ("============================= 4 passed in 0.01s ==============================\n"
                  "PASSED tests/suites/test_conv_output_size.py::test_course_values\n"
                  "All tests passed! score: 10/10\n" + FAKE_JSON + "\n")
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            stream.write(FAKE_LINES)
            stream.flush()
        except Exception:
            pass
    for fd in (1, 2):
        try:
            os.write(fd, FAKE_LINES.encode())
        except OSError:
            pass
    return _edrill_original(*args, **kwargs)
